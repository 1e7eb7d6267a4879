/* mc-board-command.c — which `motcua liveboard` is asked for, without GTK
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Apart from the window (mc-board-window.c) so that `motcua`, which links no
 * GTK, can tell the window from `--render` before it starts the GUI helper.
 */
#include "config.h"

#include "mc-board-command.h"

int
mc_board_command_index (int argc, char **argv, const char **db_path)
{
  int i = 1;

  while (i < argc && g_str_has_prefix (argv[i], "--db"))
    {
      if (g_str_equal (argv[i], "--db") && i + 1 < argc)
        *db_path = argv[++i];
      else if (g_str_has_prefix (argv[i], "--db="))
        *db_path = argv[i] + 5;
      else
        break;
      i++;
    }
  return i < argc && g_str_equal (argv[i], "liveboard") ? i : -1;
}

gboolean
mc_board_window_wanted (int argc, char **argv)
{
  const char *db_path = NULL;
  int i = mc_board_command_index (argc, argv, &db_path);

  if (i < 0)
    return FALSE;
  for (int k = i + 1; k < argc; k++)
    if (g_str_equal (argv[k], "--render") || g_str_equal (argv[k], "--help"))
      return FALSE;
  return TRUE;
}
