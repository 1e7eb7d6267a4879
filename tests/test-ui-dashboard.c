/* test-ui-dashboard.c — Tổng quan on a demo database: its numbers open lists
 * as long as they are, each chart draws its labels and tells a screen reader
 * its figures, the exports are a PNG and a PDF with the title
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "mc-application.h"
#include "mc-chart.h"
#include "mc-dashboard-page.h"
#include "mc-dashboard-render.h"
#include "mc-demo.h"
#include "mc-figure-list-dialog.h"
#include "mc-format.h"
#include "mc-test-ui-utils.h"
#include "mc-test-utils.h"
#include "mc-window.h"

static McApplication *app;
static McWindow *window;

static McDashboardPage *
show_page (void)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "dashboard");
  mc_test_ui_wait_for_idle ();
  return MC_DASHBOARD_PAGE (mc_window_get_page_widget (window, "dashboard"));
}

/* A number's button says the number and opens a list of as many dossiers. */
static void
assert_number_opens (McDashboardPage *page, gint64 department_id, gint64 staff_id, McDashboardColumn column,
                     guint n)
{
  GtkWidget *button = mc_dashboard_page_get_number (page, department_id, staff_id, column);
  g_autofree char *text = mc_format_count (n);
  GtkWindow *list;

  if (n == 0)
    {
      g_assert_null (button);
      return;
    }
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, text);
  list = mc_dashboard_page_open_list (page, department_id, staff_id, column);
  g_assert_true (MC_IS_FIGURE_LIST_DIALOG (list));
  g_assert_cmpuint (mc_figure_list_dialog_get_n_items (MC_FIGURE_LIST_DIALOG (list)), ==, n);
  gtk_window_destroy (list);
}

static void
test_numbers (void)
{
  McDashboardPage *page = show_page ();
  const McDashboard *d = mc_dashboard_page_get_dashboard (page);
  guint opened = 0;

  g_assert_nonnull (d);
  g_assert_cmpuint (d->total.n[MC_DASHBOARD_PROCESSING], >, 0);
  g_assert_cmpuint (d->total.n[MC_DASHBOARD_OVERDUE], >, 0);
  for (int k = 0; k < MC_DASHBOARD_N_WORKLOAD; k++)
    assert_number_opens (page, 0, 0, k, d->total.n[k]);
  for (guint i = 0; i < d->departments->len; i++)
    {
      const McDashboardWorkload *w = d->departments->pdata[i];

      for (int k = 0; k < MC_DASHBOARD_N_WORKLOAD; k++)
        {
          assert_number_opens (page, w->department_id, 0, k, w->n[k]);
          opened += w->n[k] > 0;
        }
    }
  for (guint i = 0; i < d->people->len; i++)
    {
      const McDashboardWorkload *w = d->people->pdata[i];

      assert_number_opens (page, w->department_id, w->staff_id, MC_DASHBOARD_PROCESSING, w->n[MC_DASHBOARD_PROCESSING]);
    }
  g_assert_cmpuint (opened, >, 0);
  /* A click opens the list too. */
  {
    GtkWidget *button = mc_dashboard_page_get_number (page, 0, 0, MC_DASHBOARD_OVERDUE);
    GListModel *toplevels = gtk_window_get_toplevels ();
    guint before = g_list_model_get_n_items (toplevels), after;

    g_signal_emit_by_name (button, "clicked");
    mc_test_ui_wait_for_idle ();
    after = g_list_model_get_n_items (toplevels);
    g_assert_cmpuint (after, ==, before + 1);
    for (guint i = 0; i < after; i++)
      {
        g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

        if (MC_IS_FIGURE_LIST_DIALOG (w))
          {
            g_assert_cmpuint (mc_figure_list_dialog_get_n_items (MC_FIGURE_LIST_DIALOG (w)), ==,
                              d->total.n[MC_DASHBOARD_OVERDUE]);
            gtk_window_destroy (GTK_WINDOW (w));
            break;
          }
      }
  }
}

/* Each chart's accessible description is mc_chart_describe's, and it holds
 * the figures: every month's rate, received numbers, overdue counts. */
static void
test_descriptions (void)
{
  McDashboardPage *page = show_page ();
  const McDashboard *d = mc_dashboard_page_get_dashboard (page);
  guint rates = 0;

  for (int c = 0; c < MC_DASHBOARD_N_CHARTS; c++)
    {
      McChart *chart = mc_dashboard_page_get_chart (page, c);
      g_autofree char *description = mc_chart_describe (mc_chart_get_data (chart));

      g_assert_nonnull (chart);
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_ROLE_IMG);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           mc_chart_get_data (chart)->title);
      if (c == MC_DASHBOARD_CHART_RATE)
        for (int i = 0; i < MC_DASHBOARD_MONTHS; i++)
          {
            double rate;
            g_autofree char *month = mc_dashboard_month_label (&d->months[i]);
            g_autofree char *text = NULL;
            g_autofree char *figure = NULL;

            if (!mc_dashboard_month_rate (&d->months[i], &rate))
              continue;
            text = mc_format_percent (rate, 1);
            figure = g_strdup_printf ("%s %s", month, text);
            mc_test_assert_has (description, figure);
            rates++;
          }
      if (c == MC_DASHBOARD_CHART_RECEIVED)
        {
          g_autofree char *month = mc_dashboard_month_label (&d->months[MC_DASHBOARD_MONTHS - 2]);
          g_autofree char *online = mc_format_count (d->months[MC_DASHBOARD_MONTHS - 2].received_online);
          g_autofree char *figure = g_strdup_printf ("%s %s", month, online);

          mc_test_assert_has (description, "Trực tuyến");
          mc_test_assert_has (description, figure);
        }
      if (c == MC_DASHBOARD_CHART_OVERDUE)
        for (guint i = 0; i < d->departments->len; i++)
          {
            const McDashboardWorkload *w = d->departments->pdata[i];
            g_autofree char *n = mc_format_count (w->n[MC_DASHBOARD_OVERDUE]);
            g_autofree char *figure = g_strdup_printf ("%s %s", w->name, n);

            mc_test_assert_has (description, figure);
          }
    }
  g_assert_cmpuint (rates, >, 6);
}

/* Drawn to an image: something inked, and the labels a reader needs. */
static void
test_draw (void)
{
  McDashboardPage *page = show_page ();
  const McDashboard *d = mc_dashboard_page_get_dashboard (page);
  static const double black[4] = { 0, 0, 0, 1 };

  for (int c = 0; c < MC_DASHBOARD_N_CHARTS; c++)
    {
      const McChartData *data = mc_chart_get_data (mc_dashboard_page_get_chart (page, c));
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 640, 320);
      cairo_t *cr = cairo_create (surface);
      g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *all = NULL;
      const guint32 *pixels;
      guint inked = 0;

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      mc_chart_draw (data, cr, 640, 320, black, 12, labels);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      pixels = (const guint32 *) cairo_image_surface_get_data (surface);
      for (int i = 0; i < 640 * 320; i++)
        inked += (pixels[i] & 0xffffff) != 0xffffff;
      g_assert_cmpuint (inked, >, 640 * 320 / 100);
      g_ptr_array_add (labels, NULL);
      all = g_strjoinv ("|", (char **) labels->pdata);
      if (c == MC_DASHBOARD_CHART_RATE || c == MC_DASHBOARD_CHART_RECEIVED)
        {
          g_autofree char *latest = mc_dashboard_month_label (&d->months[MC_DASHBOARD_MONTHS - 1]);

          mc_test_assert_has (all, latest);
        }
      if (c == MC_DASHBOARD_CHART_RATE)
        {
          mc_test_assert_has (all, "100%");
          mc_test_assert_has (all, "50%");
          mc_test_assert_has (all, "Toàn đơn vị");
        }
      if (c == MC_DASHBOARD_CHART_RECEIVED)
        {
          mc_test_assert_has (all, "Trực tuyến");
          mc_test_assert_has (all, "Trực tiếp, bưu chính");
        }
      if (c == MC_DASHBOARD_CHART_APOLOGIES && d->apologies->len > 0)
        {
          const McDashboardApologies *a = d->apologies->pdata[0];
          g_autofree char *count = mc_format_count (a->count);

          mc_test_assert_has (all, a->full_name);
          mc_test_assert_has (all, count);
          mc_test_assert_has (all, "Đánh dấu: từ");
        }
      cairo_surface_destroy (surface);
    }
}

static void
test_export (void)
{
  McDashboardPage *page = show_page ();
  const McDashboard *d = mc_dashboard_page_get_dashboard (page);
  g_autofree char *png = mc_test_tmp_path ("tong-quan.png");
  g_autofree char *pdf = mc_test_tmp_path ("tong-quan.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  cairo_surface_t *image;

  g_assert_true (mc_dashboard_page_export (page, "png", png, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1754);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 1241);
  cairo_surface_destroy (image);
  g_assert_true (mc_dashboard_page_export (page, "pdf", pdf, &error));
  g_assert_no_error (error);
  text = mc_test_pdftotext (pdf, "-raw");
  if (text == NULL)
    return;
  mc_test_assert_has (text, "Tổng quan");
  mc_test_assert_has (text, d->unit_name);
  mc_test_assert_has (text, "Tỷ lệ giải quyết đúng hạn theo tháng");
  mc_test_assert_has (text, "Hồ sơ quá hạn theo phòng");
  mc_test_assert_has (text, "Nhận hôm nay");
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
  g_setenv ("MOTCUA_NOW", "2026-11-23 09:30", TRUE);
  {
    McDb *db = mc_test_db_new ();  /* db-1.sqlite */

    g_assert_true (mc_demo_fill (db, 2000, 3, NULL, &error));
    g_assert_no_error (error);
    g_object_unref (db);
  }
  g_setenv ("MOTCUA_NOW", "2026-11-27 15:30", TRUE);
  app = mc_test_ui_app_new ("vn.motcua.TestDashboard", "db-1.sqlite");
  window = mc_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  mc_test_ui_wait_for_idle ();
  g_test_add_func ("/ui/dashboard/numbers", test_numbers);
  g_test_add_func ("/ui/dashboard/descriptions", test_descriptions);
  g_test_add_func ("/ui/dashboard/draw", test_draw);
  g_test_add_func ("/ui/dashboard/export", test_export);
  status = g_test_run ();
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (app);
  return status;
}
