/* test-ui-queue-stats.c — Thống kê xếp hàng on a demo database with a few
 * tickets: the page shows core's figures (mc_queue_stats_all) and its
 * document's cells, the charts tell a screen reader their figures and draw
 * their labels, the period chooser, and the XLSX and PDF written
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "mc-application.h"
#include "mc-chart.h"
#include "mc-demo.h"
#include "mc-queue-report.h"
#include "mc-queue-stats-page.h"
#include "mc-test-ui-utils.h"
#include "mc-test-utils.h"
#include "mc-window.h"

static McApplication *app;
static McWindow *window;

static McQueueStatsPage *
show_page (void)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "queue-stats");
  mc_test_ui_wait_for_idle ();
  return MC_QUEUE_STATS_PAGE (mc_window_get_page_widget (window, "queue-stats"));
}

/* Tickets of December 2026 by plain SQL (the kiosk's and counters' moves are
 * test-queue's): on the 7th counter 1 calls A001 at 8:10 (taken 8:00,
 * served 8:11–8:20), A002 at 8:25 (taken 8:02, absent), A003 at 8:30
 * (taken 8:04, served 8:31–8:40); B001 (9:00) is never called; on the 8th
 * counter 2 calls A001 at 10:05 (taken 10:00, served 10:06–10:16). */
static void
add_tickets (McDb *db)
{
  static const struct {
    const char *day, *label, *state, *taken, *called, *served, *done;
    int service, counter, seq;
  } tickets[] = {
    { "2026-12-07", "A001", "done", "08:00", "08:10", "08:11", "08:20", 1, 1, 1 },
    { "2026-12-07", "A002", "absent", "08:02", "08:25", NULL, NULL, 1, 1, 2 },
    { "2026-12-07", "A003", "done", "08:04", "08:30", "08:31", "08:40", 1, 1, 3 },
    { "2026-12-07", "B001", "waiting", "09:00", NULL, NULL, NULL, 2, 0, 1 },
    { "2026-12-08", "A001", "done", "10:00", "10:05", "10:06", "10:16", 1, 2, 1 },
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (tickets); i++)
    {
      const char *const times[] = { tickets[i].taken, tickets[i].called, tickets[i].served, tickets[i].done };
      char *values[4];
      g_autofree char *sql = NULL;

      for (int k = 0; k < 4; k++)
        {
          g_autofree char *at = times[k] ? g_strdup_printf ("%s %s", tickets[i].day, times[k]) : NULL;

          values[k] = at ? g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) mc_test_time (at)) : g_strdup ("NULL");
        }
      sql = g_strdup_printf ("INSERT INTO queue_ticket (day, issued_service_id, seq, number, label, service_id, state, "
                             "counter_id, taken_at, called_at, last_called_at, served_at, done_at, calls) VALUES "
                             "('%s', %d, %d, %d, '%s', %d, '%s', %s, %s, %s, %s, %s, %s, %d)",
                             tickets[i].day, tickets[i].service, tickets[i].seq, tickets[i].seq, tickets[i].label,
                             tickets[i].service, tickets[i].state,
                             tickets[i].counter ? (tickets[i].counter == 1 ? "1" : "2") : "NULL", values[0],
                             values[1], values[1], values[2], values[3], tickets[i].called ? 1 : 0);
      for (int k = 0; k < 4; k++)
        g_free (values[k]);
      g_assert_true (mc_db_exec (db, sql, &error));
      g_assert_no_error (error);
    }
}

static void
collect_labels (GtkWidget *widget, GString *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

static void
assert_same_rows (GPtrArray *a, GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      const McQueueStatsRow *x = a->pdata[i], *y = b->pdata[i];

      g_assert_cmpstr (x->key, ==, y->key);
      g_assert_cmpint (x->issued, ==, y->issued);
      g_assert_cmpint (x->served, ==, y->served);
      g_assert_cmpint (x->absent, ==, y->absent);
      g_assert_cmpfloat (x->wait_avg, ==, y->wait_avg);
      g_assert_cmpint (x->wait_p90, ==, y->wait_p90);
      g_assert_cmpfloat (x->service_avg, ==, y->service_avg);
    }
}

/* The month of MOTCUA_NOW first; its figures are core's, and the tables
 * on screen are the document's cells: counter 1 took 3, served 2 (66,7%),
 * waits 600, 1,380, 1,560 s: 19,7 minutes on average, 26 at p90, 9 served. */
static void
test_numbers (void)
{
  McQueueStatsPage *page = show_page ();
  const McQueueStatsAll *shown = mc_queue_stats_page_get_stats (page);
  g_autoptr(McQueue) queue = mc_queue_new (mc_application_get_db (app));
  g_autoptr(McQueueStatsAll) core = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) labels = g_string_new (NULL);

  g_assert_nonnull (shown);
  g_assert_cmpint (shown->from, ==, mc_test_date ("2026-12-01"));
  g_assert_cmpint (shown->to, ==, mc_test_date ("2026-12-31"));
  core = mc_queue_stats_all (queue, shown->from, shown->to, &error);
  g_assert_no_error (error);
  for (int by = 0; by < MC_QUEUE_STATS_N_BY; by++)
    assert_same_rows (shown->rows[by], core->rows[by]);
  g_assert_cmpint (mc_queue_stats_all_total (shown)->issued, ==, 5);
  g_assert_cmpint (mc_queue_stats_all_total (shown)->served, ==, 3);
  g_assert_cmpstr (mc_report_document_get_cell (mc_queue_stats_page_get_document (page),
                                                MC_QUEUE_REPORT_TABLE_COUNTER, 1, MC_QUEUE_REPORT_COLUMN_WAIT),
                   ==, "19,7");
  /* What a person reads. */
  collect_labels (GTK_WIDGET (page), labels);
  mc_test_assert_has (labels->str, "Tháng 12 năm 2026 — 5 lượt lấy số, 3 lượt đã phục vụ (60%), 1 lượt vắng mặt");
  mc_test_assert_has (labels->str, "Lượt lấy số theo giờ");
  mc_test_assert_has (labels->str, "Thời gian chờ theo ngày (phút)");
}

static void
test_charts (void)
{
  McQueueStatsPage *page = show_page ();
  static const double black[4] = { 0, 0, 0, 1 };

  for (int c = 0; c < MC_QUEUE_STATS_N_CHARTS; c++)
    {
      McChart *chart = mc_queue_stats_page_get_chart (page, c);
      const McChartData *data = mc_chart_get_data (chart);
      g_autofree char *description = mc_chart_describe (data);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 640, 320);
      cairo_t *cr = cairo_create (surface);
      g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *all = NULL;
      const guint32 *pixels;
      guint inked = 0;

      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_ROLE_IMG);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL, data->title);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      mc_chart_draw (data, cr, 640, 320, black, 12, labels);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      pixels = (const guint32 *) cairo_image_surface_get_data (surface);
      for (int i = 0; i < 640 * 320; i++)
        inked += (pixels[i] & 0xffffff) != 0xffffff;
      cairo_surface_destroy (surface);
      g_assert_cmpuint (inked, >, 640 * 320 / 200);
      g_ptr_array_add (labels, NULL);
      all = g_strjoinv ("|", (char **) labels->pdata);
      if (c == MC_QUEUE_STATS_CHART_HOURS)
        {
          /* 8h: 3 taken, 2 served; 9h: 1 taken; 10h: 1 taken, 1 served. */
          g_assert_cmpstr (description, ==, "Lượt lấy số theo giờ. Lấy số: 08h 3; 09h 1; 10h 1. "
                                            "Đã phục vụ: 08h 2; 09h 0; 10h 1.");
          mc_test_assert_has (all, "08h");
          mc_test_assert_has (all, "Đã phục vụ");
        }
      else
        {
          /* The 7th: 19,7 and 26 minutes; the 8th: 5 and 5. */
          g_assert_cmpstr (description, ==, "Thời gian chờ theo ngày (phút). Chờ trung bình: 07/12 19,7; 08/12 5. "
                                            "90% chờ không quá: 07/12 26; 08/12 5.");
          mc_test_assert_has (all, "07/12");
        }
    }
}

/* A day, a custom period, and a period whose end comes before its start
 * (refused on the entry, the figures kept). */
static void
test_period (void)
{
  McQueueStatsPage *page = show_page ();
  const McQueueStatsAll *stats;

  mc_queue_stats_page_set_period (page, MC_QUEUE_STATS_PERIOD_DAY, mc_test_date ("2026-12-08"), MC_DATE_INVALID);
  stats = mc_queue_stats_page_get_stats (page);
  g_assert_cmpint (stats->from, ==, stats->to);
  g_assert_cmpint (mc_queue_stats_all_total (stats)->issued, ==, 1);
  /* One day: the wait by hour. */
  g_assert_cmpstr (mc_chart_get_data (mc_queue_stats_page_get_chart (page, MC_QUEUE_STATS_CHART_WAIT))->title, ==,
                   "Thời gian chờ theo giờ (phút)");
  mc_queue_stats_page_set_period (page, MC_QUEUE_STATS_PERIOD_QUARTER, mc_test_date ("2026-11-15"), MC_DATE_INVALID);
  stats = mc_queue_stats_page_get_stats (page);
  g_assert_cmpint (stats->from, ==, mc_test_date ("2026-10-01"));
  g_assert_cmpint (stats->to, ==, mc_test_date ("2026-12-31"));
  g_assert_cmpint (mc_queue_stats_all_total (stats)->issued, ==, 5);
  mc_queue_stats_page_set_period (page, MC_QUEUE_STATS_PERIOD_CUSTOM, mc_test_date ("2026-12-07"),
                                  mc_test_date ("2026-12-07"));
  stats = mc_queue_stats_page_get_stats (page);
  g_assert_cmpint (mc_queue_stats_all_total (stats)->issued, ==, 4);
  mc_queue_stats_page_set_period (page, MC_QUEUE_STATS_PERIOD_CUSTOM, mc_test_date ("2026-12-08"),
                                  mc_test_date ("2026-12-01"));
  g_assert_true (mc_queue_stats_page_get_stats (page) == stats);
  mc_queue_stats_page_set_period (page, MC_QUEUE_STATS_PERIOD_MONTH, mc_test_date ("2026-12-10"), MC_DATE_INVALID);
}

static void
test_export (void)
{
  McQueueStatsPage *page = show_page ();
  g_autofree char *xlsx = mc_test_tmp_path ("thong-ke-xep-hang.xlsx");
  g_autofree char *pdf = mc_test_tmp_path ("thong-ke-xep-hang.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL, *flat = NULL;

  g_assert_true (mc_queue_stats_page_export (page, "xlsx", xlsx, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));
  g_assert_true (mc_queue_stats_page_export (page, "pdf", pdf, &error));
  g_assert_no_error (error);
  text = mc_test_pdftotext (pdf, "-raw");
  if (text == NULL)
    return;
  flat = mc_test_normalize (text);
  mc_test_assert_has (flat, "THỐNG KÊ LẤY SỐ THỨ TỰ VÀ THỜI GIAN CHỜ (Kỳ thống kê: tháng 12 năm 2026)");
  mc_test_assert_has (flat, "Quầy 1 3 2 1 66,7% 19,7 26 9");
  mc_test_assert_has (flat, "Quầy 2 1 1 0 100% 5 5 10");
  mc_test_assert_has (flat, "Tổng cộng 5 3 1 60%");
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  /* The test accessibility backend, which keeps what the charts tell
   * assistive technologies (the suite runs with GTK_A11Y=none). */
  g_setenv ("GTK_A11Y", "test", TRUE);
  mc_test_ui_init (&argc, &argv);
  {
    g_autofree char *po = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po", NULL);

    bindtextdomain (GETTEXT_PACKAGE, po);
    bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
    textdomain (GETTEXT_PACKAGE);
    setlocale (LC_MESSAGES, "C.UTF-8");
  }
  g_setenv ("MOTCUA_NOW", "2026-12-10 10:00", TRUE);
  {
    McDb *db = mc_test_db_new ();  /* db-1.sqlite */

    g_assert_true (mc_demo_fill (db, 40, 3, NULL, &error));
    g_assert_no_error (error);
    add_tickets (db);
    g_object_unref (db);
  }
  app = mc_test_ui_app_new ("vn.motcua.TestQueueStats", "db-1.sqlite");
  window = mc_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  mc_test_ui_wait_for_idle ();
  g_test_add_func ("/ui/queue-stats/numbers", test_numbers);
  g_test_add_func ("/ui/queue-stats/charts", test_charts);
  g_test_add_func ("/ui/queue-stats/period", test_period);
  g_test_add_func ("/ui/queue-stats/export", test_export);
  status = g_test_run ();
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (app);
  return status;
}
