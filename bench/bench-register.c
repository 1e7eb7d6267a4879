/* bench-register.c — Sổ theo dõi hồ sơ (Mẫu 06/07) over periods of a demo database
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-register [N]   (default 20000 demo dossiers, two years to 07/12/2026)
 * For a week, a month, a quarter and a year: the rows loaded from SQLite, the
 * PDF written (pages, ms per page) and the XLSX, in processor time. Issue 11 item 9: the PDF laid
 * the whole register out again for every page, so a year took hours; its cost
 * per page must stay flat as the period grows.
 */
#include "config.h"

#include <stdlib.h>
#include <time.h>

#include <glib/gstdio.h>

#include "mc-calendar-store.h"
#include "mc-demo.h"
#include "mc-dossier-register.h"

typedef struct {
  const char *name;
  int         y0, m0, d0, y1, m1, d1;  /* first and last day */
} Period;

static const Period periods[] = {
  { "week",    2026, 11, 23, 2026, 11, 29 },
  { "month",   2026, 10,  1, 2026, 10, 31 },
  { "quarter", 2026,  7,  1, 2026,  9, 30 },
  { "year",    2025, 12,  1, 2026, 11, 30 },
};

/* Processor time, ms: the machine is shared, so wall time says more about
 * the neighbours than about the code. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void
bench_period (McWorkflow *workflow, const Period *p, const char *dir)
{
  McTime from = mc_time_from_local (mc_date_from_ymd (p->y0, p->m0, p->d0), 0);
  McTime to = mc_time_from_local (mc_date_from_ymd (p->y1, p->m1, p->d1) + 1, 0);
  g_autofree char *pdf = g_build_filename (dir, "register.pdf", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "register.xlsx", NULL);
  g_autoptr(McDossierRegisterData) data = NULL;
  g_autoptr(GError) error = NULL;
  double load, write_pdf, write_xlsx, wall_pdf;
  double start = cpu_ms ();
  gint64 wall;
  int pages;

  data = mc_dossier_register_data_new (workflow, from, to, NULL, &error);
  if (data == NULL)
    g_error ("%s", error->message);
  load = cpu_ms () - start;
  start = cpu_ms ();
  wall = g_get_monotonic_time ();
  if (!mc_dossier_register_data_write_pdf (data, pdf, &error))
    g_error ("%s", error->message);
  write_pdf = cpu_ms () - start;
  wall_pdf = (g_get_monotonic_time () - wall) / 1000.0;
  start = cpu_ms ();
  if (!mc_dossier_register_data_write_xlsx (data, xlsx, &error))
    g_error ("%s", error->message);
  write_xlsx = cpu_ms () - start;
  pages = mc_dossier_register_get_n_pages (data, MC_PDF_LANDSCAPE_WIDTH, MC_PDF_LANDSCAPE_HEIGHT);
  g_print ("register %-7s %6u rows: load %6.1f ms, PDF %5d pages %8.1f ms (%4.1f ms/page; wall %8.1f ms), "
           "XLSX %6.1f ms\n", p->name, data->rows->len, load, pages, write_pdf, write_pdf / pages, wall_pdf,
           write_xlsx);
  g_unlink (pdf);
  g_unlink (xlsx);
}

int
main (int argc, char *argv[])
{
  guint n = argc > 1 ? (guint) atoi (argv[1]) : 20000;
  g_autofree char *dir = g_dir_make_tmp ("bench-register-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "register.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) db = mc_db_new (path, NULL, &error);
  g_autoptr(McCalendar) calendar = NULL;
  g_autoptr(McWorkflow) workflow = NULL;
  /* A fixed "now" so the periods hold the same dossiers in every run. */
  McTime now = mc_time_from_local (mc_date_from_ymd (2026, 12, 7), 19 * 60 + 20);

  if (db == NULL || !mc_demo_fill_at (db, n, 1, now, NULL, &error) ||
      (calendar = mc_calendar_store_load (db, &error)) == NULL)
    g_error ("%s", error->message);
  workflow = mc_workflow_new (db, calendar);
  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    bench_period (workflow, &periods[i], dir);
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
