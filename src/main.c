/* main.c — motcua and motcua-full: the command line, or the window through motcua-gui
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `motcua` (built with MC_CLI_LIGHT) links core and the commands that write
 * no document and draw nothing (mc_cli_is_light_command): `dossier show`,
 * `search`, `receive`, `import`, accounts, audit, calendar, settings, the
 * demo, notifications, the queue's counter actions and status. It loads 16 libraries instead of 48 — the dynamic linker was 97 % of
 * the instructions of a command before main (issue 15). For any other
 * command, and for a window, it replaces itself (execv, same argv, same
 * pid) with `motcua-full`, this file built with core, export, board and
 * every command, which runs it or, without a command and for `motcua
 * liveboard` without --render, replaces itself with the GUI helper
 * motcua-gui. Neither links GTK. Helpers are found beside motcua in the
 * build tree (or a relocated install), else in libexecdir.
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>

#ifndef MC_CLI_LIGHT
#include "mc-board-command.h"
#endif
#include "mc-cli.h"
#include "mc-db.h"
#include "mc-kiosk.h"
#include "mc-locale.h"

/* A helper program: beside this one in the build tree (or a relocated
 * install), else in libexecdir. */
static char *
helper_path (const char *name)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);

  if (self != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self);
      char *beside = g_build_filename (dir, name, NULL);

      if (g_file_test (beside, G_FILE_TEST_IS_EXECUTABLE))
        return beside;
      g_free (beside);
    }
  return g_build_filename (MC_LIBEXECDIR, name, NULL);
}

/* Replaces this process (same pid, same argv) with the helper `name`. */
static int G_GNUC_UNUSED
run_helper (const char *name, char **argv)
{
  g_autofree char *helper = helper_path (name);

  execv (helper, argv);
  if (g_str_equal (name, "motcua-gui"))
    /* Translators: %s is the program's path, then the system's reason. */
    g_printerr (_("Error: the application window cannot be started (%s): %s\n"), helper, g_strerror (errno));
  else
    /* Translators: %s is the program's path (motcua-full, which runs the commands that write documents), then the system's reason. */
    g_printerr (_("Error: this command cannot be started (%s): %s\n"), helper, g_strerror (errno));
  return 1;
}

int
main (int argc, char *argv[])
{
  mc_locale_setup ();
  /* Before SQLite's first use, which fixes its configuration. */
  mc_db_watch_damage ();
#if defined (MC_CLI_LIGHT)
  if (!mc_cli_is_light_command (argc, argv))
    return run_helper ("motcua-full", argv);
#elif MC_WITH_GUI
  if (mc_board_window_wanted (argc, argv) || mc_kiosk_window_wanted (argc, argv, NULL) ||
      !mc_cli_is_command (argc, argv))
    return run_helper ("motcua-gui", argv);
#endif
  return mc_cli_run (argc, argv);
}
