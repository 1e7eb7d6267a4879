/* mc-cli-board.c — motcua liveboard --render FILE.png --size WxH [--at T]
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The board drawn to a PNG without a display, by the same mc_board_draw as
 * the window. The window itself (`motcua liveboard [--monitor N]`) needs GTK
 * and is opened by main.c before the command line runs.
 */
#include "config.h"

#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "mc-board-draw.h"
#include "mc-calendar-store.h"
#include "mc-cli.h"

static const char usage[] =
  N_("Usage: motcua [--db PATH] liveboard --render FILE.png --size WxH [--at \"YYYY-MM-DD HH:MM\"]\n"
     "                                    [--page N] [--elapsed SECONDS]\n"
     "       motcua [--db PATH] liveboard [--monitor N]   (the full-screen window)\n"
     "Pages: 0 results, 1 statistics, 2 on-time rate by department, 3 apologies.");

typedef struct {
  const char *render;
  int         width, height;
  McTime      at;
  int         page;
  double      elapsed;
} Options;

static gboolean
parse_size (const char *text, int *width, int *height)
{
  char *end = NULL;
  long w = strtol (text, &end, 10), h;

  if (end == text || (*end != 'x' && *end != 'X'))
    return FALSE;
  text = end + 1;
  h = strtol (text, &end, 10);
  if (end == text || *end != '\0' || w < 64 || h < 64 || w > 8192 || h > 8192)
    return FALSE;
  *width = (int) w;
  *height = (int) h;
  return TRUE;
}

static gboolean
parse_options (int argc, char **argv, Options *o)
{
  *o = (Options) { NULL, 0, 0, 0, -1, 0 };
  for (int i = 1; i < argc; i++)
    {
      const char *value = i + 1 < argc ? argv[i + 1] : NULL;
      char *end = NULL;

      if (value == NULL)
        return FALSE;
      if (g_str_equal (argv[i], "--render"))
        o->render = value;
      else if (g_str_equal (argv[i], "--size"))
        {
          if (!parse_size (value, &o->width, &o->height))
            return FALSE;
        }
      else if (g_str_equal (argv[i], "--at"))
        {
          if (!mc_time_parse_iso (value, &o->at))
            return FALSE;
        }
      else if (g_str_equal (argv[i], "--page"))
        {
          o->page = (int) strtol (value, &end, 10);
          if (*end != '\0' || o->page < 0 || o->page >= MC_BOARD_N_PAGES)
            return FALSE;
        }
      else if (g_str_equal (argv[i], "--elapsed"))
        {
          o->elapsed = g_ascii_strtod (value, &end);
          if (*end != '\0' || o->elapsed < 0)
            return FALSE;
        }
      else
        return FALSE;
      i++;
    }
  return o->render != NULL && o->width > 0;
}

int
mc_cli_liveboard (McDb *db, int argc, char **argv)
{
  Options o;
  GError *error = NULL;
  g_autoptr(McCalendar) calendar = NULL;
  g_autoptr(McWorkflow) workflow = NULL;
  g_autoptr(McBoardModel) model = NULL;

  if (!parse_options (argc, argv, &o))
    {
      for (int i = 1; i < argc; i++)
        if (g_str_equal (argv[i], "--render"))
          return mc_cli_usage (_(usage));
      if (argc == 1 || (argc == 3 && g_str_equal (argv[1], "--monitor")))
        g_printerr ("%s\n", _("This build has no graphical interface: draw the board to a file with --render"));
      return mc_cli_usage (_(usage));
    }
  if (!mc_cli_check_output (o.render, &error))
    return mc_cli_fail (error);
  calendar = mc_calendar_store_load (db, &error);
  if (calendar == NULL)
    return mc_cli_fail (error);
  workflow = mc_workflow_new (db, calendar);
  model = mc_board_model_load (workflow, o.at, &error);
  if (model == NULL)
    return mc_cli_fail (error);
  model->frame.page = o.page;
  model->frame.elapsed = o.elapsed;
  if (!mc_board_render_png (model, o.width, o.height, o.render, &error))
    return mc_cli_fail (error);
  mc_cli_print_row (o.render);
  return 0;
}
