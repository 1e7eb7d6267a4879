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
#include <time.h>

#include <glib/gstdio.h>

#include "mc-board-draw.h"
#include "mc-calendar-store.h"
#include "mc-demo.h"

#define FRAMES 600

typedef struct {
  double wall, cpu;  /* ms */
  double elapsed;
  int    page;
} Sample;

static int
compare_wall (gconstpointer a, gconstpointer b)
{
  double x = ((const Sample *) a)->wall, y = ((const Sample *) b)->wall;
  return x < y ? -1 : x > y;
}

static int
compare_cpu (gconstpointer a, gconstpointer b)
{
  double x = ((const Sample *) a)->cpu, y = ((const Sample *) b)->cpu;
  return x < y ? -1 : x > y;
}

/* The thread's own CPU time: on a machine shared with other work the wall
 * time also counts the moments the scheduler gave the core to others. */
static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void
print_figures (const char *what, Sample *samples, GCompareFunc compare, gsize offset)
{
  double total = 0;

  qsort (samples, FRAMES, sizeof (Sample), compare);
#define AT(i) G_STRUCT_MEMBER (double, &samples[i], offset)
  for (int i = 0; i < FRAMES; i++)
    total += AT (i);
  g_print ("  %s: mean %.2f ms, median %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms "
           "(page %d at %.1f s)\n", what, total / FRAMES, AT (FRAMES / 2), AT (FRAMES * 95 / 100),
           AT (FRAMES * 99 / 100), AT (FRAMES - 1), samples[FRAMES - 1].page, samples[FRAMES - 1].elapsed);
#undef AT
}

static void
bench_size (McBoardModel *model, int width, int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  Sample samples[FRAMES];
  double into, duration, cycle = 0;

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
      double cpu;

      model->frame.elapsed = (i < 0 ? 0 : i) * cycle / FRAMES;
      model->frame.clock = model->loaded_at + (gint64) model->frame.elapsed;
      cpu = thread_cpu_ms ();
      start = g_get_monotonic_time ();
      mc_board_draw (cr, model, width, height);
      cairo_surface_flush (surface);
      if (i >= 0)
        {
          samples[i].wall = (g_get_monotonic_time () - start) / 1000.0;
          samples[i].cpu = thread_cpu_ms () - cpu;
          samples[i].elapsed = model->frame.elapsed;
          samples[i].page = mc_board_current_page (model, width, height, NULL, NULL);
        }
      cairo_destroy (cr);
    }
  g_print ("liveboard frame %d×%d (software cairo, %d frames over a %.0f s rotation):\n", width, height, FRAMES,
           cycle);
  print_figures ("wall time      ", samples, compare_wall, G_STRUCT_OFFSET (Sample, wall));
  print_figures ("thread CPU time", samples, compare_cpu, G_STRUCT_OFFSET (Sample, cpu));
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
