/* bench-board.c — liveboard frame time in software cairo (image surface)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-board [N_DOSSIERS]
 * Fills a demo database, loads the board's model, then draws frames at
 * 1920×1080 and 3840×2160 sampled over a whole rotation of the pages
 * (scrolling, page turns and the ticker included), as the widget does.
 * Targets (DESIGN.md §5): ≤ 8 ms and ≤ 30 ms a frame.
 */
#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>

#include "mc-board-draw.h"
#include "mc-calendar-store.h"
#include "mc-demo.h"

#define FRAMES 600

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static void
bench_size (McBoardModel *model, int width, int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  double times[FRAMES], total = 0, into, duration, cycle = 0;

  /* The length of one rotation, to sample every page. */
  model->frame.page = -1;
  for (int p = 0; p < MC_BOARD_N_PAGES; p++)
    {
      mc_board_current_page (model, width, height, &into, &duration);
      cycle += duration;
      model->frame.elapsed = cycle + 0.01;
    }
  for (int i = -20; i < FRAMES; i++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 start;

      model->frame.elapsed = (i < 0 ? 0 : i) * cycle / FRAMES;
      model->frame.clock = model->loaded_at + (gint64) model->frame.elapsed;
      start = g_get_monotonic_time ();
      mc_board_draw (cr, model, width, height);
      cairo_surface_flush (surface);
      if (i >= 0)
        {
          times[i] = (g_get_monotonic_time () - start) / 1000.0;
          total += times[i];
        }
      cairo_destroy (cr);
    }
  qsort (times, FRAMES, sizeof (double), compare_doubles);
  g_print ("liveboard frame %d×%d (software cairo, %d frames over a %.0f s rotation): "
           "mean %.2f ms, median %.2f ms, p95 %.2f ms, max %.2f ms\n",
           width, height, FRAMES, cycle, total / FRAMES, times[FRAMES / 2], times[FRAMES * 95 / 100],
           times[FRAMES - 1]);
  cairo_surface_destroy (surface);
}

int
main (int argc, char *argv[])
{
  guint n = argc > 1 ? (guint) atoi (argv[1]) : 20000;
  g_autofree char *dir = g_dir_make_tmp ("bench-board-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "board.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) db = mc_db_new (path, NULL, &error);
  g_autoptr(McCalendar) calendar = NULL;
  g_autoptr(McWorkflow) workflow = NULL;
  g_autoptr(McBoardModel) model = NULL;
  gint64 start;

  if (db == NULL || !mc_demo_fill (db, n, 1, NULL, &error) ||
      (calendar = mc_calendar_store_load (db, &error)) == NULL)
    g_error ("%s", error->message);
  workflow = mc_workflow_new (db, calendar);
  start = g_get_monotonic_time ();
  model = mc_board_model_load (workflow, 0, &error);
  if (model == NULL)
    g_error ("%s", error->message);
  g_print ("liveboard model load, %u dossiers: %.1f ms (%u results waiting, %u apologies this month)\n", n,
           (g_get_monotonic_time () - start) / 1000.0, model->results->len, model->apologies->len);
  model->frame.page_seconds = 15;
  bench_size (model, 1920, 1080);
  bench_size (model, 3840, 2160);
  g_clear_object (&workflow);
  g_clear_object (&db);
  for (const char *suffix = ""; suffix; suffix = g_str_equal (suffix, "") ? "-wal" :
                                                  g_str_equal (suffix, "-wal") ? "-shm" : NULL)
    {
      g_autofree char *file = g_strconcat (path, suffix, NULL);
      g_unlink (file);
    }
  g_rmdir (dir);
  return 0;
}
