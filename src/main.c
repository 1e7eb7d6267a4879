/* main.c — motcua: the command line, or the window through motcua-gui
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `motcua` links core, export, board and the CLI, never GTK: a command runs
 * without loading GTK and libadwaita (which cost 72 % of a `dossier show`'s
 * instructions in the dynamic linker, issue 15). Without a command, and for
 * `motcua liveboard` without --render, it replaces itself (execv, same
 * argv, same pid) with the GUI helper motcua-gui: beside it in the build
 * tree (or a relocated install), else in libexecdir.
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "mc-board-command.h"
#include "mc-cli.h"
#include "mc-db.h"
#include "mc-locale.h"

#if MC_WITH_GUI
static char *
gui_helper_path (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);

  if (self != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self);
      char *beside = g_build_filename (dir, "motcua-gui", NULL);

      if (g_file_test (beside, G_FILE_TEST_IS_EXECUTABLE))
        return beside;
      g_free (beside);
    }
  return g_build_filename (MC_LIBEXECDIR, "motcua-gui", NULL);
}

static int
run_gui (char **argv)
{
  g_autofree char *helper = gui_helper_path ();

  execv (helper, argv);
  /* Translators: %s is the program's path, then the system's reason. */
  g_printerr (_("Error: the application window cannot be started (%s): %s\n"), helper, g_strerror (errno));
  return 1;
}
#endif

int
main (int argc, char *argv[])
{
  mc_locale_setup ();
  /* Before SQLite's first use, which fixes its configuration. */
  mc_db_watch_damage ();
#if MC_WITH_GUI
  if (mc_board_window_wanted (argc, argv) || !mc_cli_is_command (argc, argv))
    return run_gui (argv);
#endif
  return mc_cli_run (argc, argv);
}
