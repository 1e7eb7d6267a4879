/* mc-board-command.h — which `motcua liveboard` is asked for, without GTK
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The index of the word "liveboard" in argv when only --db comes before it,
 * else -1; `db_path` gets the --db value if any. */
int      mc_board_command_index (int argc, char **argv, const char **db_path);

/* `motcua [--db PATH] liveboard [--monitor N]`: TRUE when argv asks for the
 * window (with --render or --help the command line answers instead). The
 * GTK-free `motcua` asks this to decide whether to start the window helper. */
gboolean mc_board_window_wanted (int argc, char **argv);

G_END_DECLS
