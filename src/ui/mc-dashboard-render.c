/* mc-dashboard-render.c — the dashboard's charts and its page on paper (PDF, PNG, print)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The charts' data come from core's McDashboard only (no figure is
 * computed here); the page is laid out in points for A4 landscape and
 * scaled for the PNG, so the PDF, the PNG and the printout are one drawing.
 */
#include "config.h"

#include <math.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "mc-dashboard-render.h"
#include "mc-format.h"
#include "mc-output-file.h"

#define A4_LONG 841.89
#define A4_SHORT 595.28
#define PNG_DPI 150.0
#define MAX_BARS 10

static McChartData *
rate_chart (const McDashboard *d)
{
  McChartData *data = mc_chart_data_new (MC_CHART_LINE, _("On-time rate by month"), TRUE);
  McChartSeries *unit;

  for (int i = 0; i < MC_DASHBOARD_MONTHS; i++)
    {
      g_autofree char *label = mc_dashboard_month_label (&d->months[i]);

      mc_chart_data_add_category (data, label);
    }
  /* The unit's line is Biểu 06a's ((8) + (9)) / (7); a head's is the same
   * over their department's procedures. */
  unit = mc_chart_data_add_series (data, d->department_name ? d->department_name : _("Whole unit"));
  for (int i = 0; i < MC_DASHBOARD_MONTHS; i++)
    mc_dashboard_month_rate (&d->months[i], &unit->values[i]);
  for (guint k = 0; d->department_id == 0 && k < d->rates->len; k++)
    {
      const McDashboardRates *r = d->rates->pdata[k];
      McChartSeries *s = mc_chart_data_add_series (data, r->name);

      for (int i = 0; i < MC_DASHBOARD_MONTHS; i++)
        if (r->settled[i] > 0)
          s->values[i] = (double) r->in_time[i] / r->settled[i];
    }
  data->empty_text = g_strdup (_("Nothing settled in the last twelve months"));
  return data;
}

static McChartData *
received_chart (const McDashboard *d)
{
  McChartData *data = mc_chart_data_new (MC_CHART_STACKED_BARS, _("Dossiers received by month and channel"), FALSE);
  McChartSeries *online, *direct;

  for (int i = 0; i < MC_DASHBOARD_MONTHS; i++)
    {
      g_autofree char *label = mc_dashboard_month_label (&d->months[i]);

      mc_chart_data_add_category (data, label);
    }
  online = mc_chart_data_add_series (data, _("Online"));
  direct = mc_chart_data_add_series (data, _("In person or by post"));
  for (int i = 0; i < MC_DASHBOARD_MONTHS; i++)
    {
      online->values[i] = d->months[i].received_online;
      direct->values[i] = d->months[i].received_direct;
    }
  data->empty_text = g_strdup (_("No dossier received in the last twelve months"));
  return data;
}

/* Leaders: by department; a head: by the people of their department (one
 * bar of their own department would say little). */
static McChartData *
overdue_chart (const McDashboard *d)
{
  gboolean by_person = d->department_id != 0;
  GPtrArray *rows = by_person ? d->people : d->departments;
  McChartData *data = mc_chart_data_new (MC_CHART_BARS, by_person ? _("Overdue dossiers by person")
                                                                   : _("Overdue dossiers by department"), FALSE);
  McChartSeries *s = mc_chart_data_add_series (data, _("Overdue"));

  for (guint i = 0; i < rows->len; i++)
    {
      const McDashboardWorkload *w = rows->pdata[i];

      if (by_person && w->n[MC_DASHBOARD_OVERDUE] == 0)
        continue;
      mc_chart_data_add_category (data, w->name);
      s = data->series->pdata[0];
      s->values[data->categories->len - 1] = w->n[MC_DASHBOARD_OVERDUE];
    }
  data->empty_text = g_strdup (_("No overdue dossier"));
  return data;
}

static McChartData *
apologies_chart (const McDashboard *d)
{
  g_autofree char *title = g_strdup_printf (_("Apologies in %d by person responsible"), d->apology_year);
  McChartData *data = mc_chart_data_new (MC_CHART_BARS, title, FALSE);
  McChartSeries *s = mc_chart_data_add_series (data, _("Apologies"));
  g_autofree char *threshold = mc_format_count (d->apology_threshold);

  data->flagged = g_new0 (gboolean, 1);
  for (guint i = 0; i < d->apologies->len && i < MAX_BARS; i++)
    {
      const McDashboardApologies *a = d->apologies->pdata[i];

      mc_chart_data_add_category (data, a->full_name);
      s = data->series->pdata[0];
      s->values[i] = a->count;
      data->flagged[i] = a->flagged;
    }
  data->threshold = d->apology_threshold;
  data->threshold_label = g_strdup_printf (_("Flagged: %s or more"), threshold);
  data->empty_text = g_strdup (_("No apology this year"));
  return data;
}

GPtrArray *
mc_dashboard_charts (const McDashboard *d)
{
  GPtrArray *charts = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_chart_data_free);

  g_ptr_array_add (charts, rate_chart (d));
  g_ptr_array_add (charts, received_chart (d));
  g_ptr_array_add (charts, overdue_chart (d));
  g_ptr_array_add (charts, apologies_chart (d));
  return charts;
}

char *
mc_dashboard_heading (const McDashboard *d)
{
  if (d->department_name != NULL)
    return g_strdup_printf ("%s — %s", _("Overview"), d->department_name);
  return g_strdup (_("Overview"));
}

char *
mc_dashboard_subtitle (const McDashboard *d)
{
  g_autofree char *at = mc_format_time (d->now);

  return g_strdup_printf (_("%s · figures at %s"), d->unit_name, at);
}

/* Paper */

static void
text_at (cairo_t *cr, const char *text, double x, double y, double size, gboolean bold, double xalign,
         double max_width, GPtrArray *labels)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");
  int w, h;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, x - xalign * w, y);
  pango_cairo_show_layout (cr, layout);
  if (labels != NULL)
    g_ptr_array_add (labels, g_strdup (text));
}

/* The workload by department: a row per department and the total. */
static double
draw_workload (const McDashboard *d, cairo_t *cr, double x, double y, double width, double size, GPtrArray *labels)
{
  double name_w = width * 0.44, col_w = (width - name_w) / MC_DASHBOARD_N_WORKLOAD, line = size * 1.5;

  text_at (cr, _("Department"), x, y, size, TRUE, 0, name_w, labels);
  for (int k = 0; k < MC_DASHBOARD_N_WORKLOAD; k++)
    text_at (cr, mc_dashboard_column_title (k), x + name_w + (k + 1) * col_w, y, size, TRUE, 1, col_w, labels);
  y += line;
  for (guint i = 0; i <= d->departments->len; i++)
    {
      const McDashboardWorkload *w = i < d->departments->len ? d->departments->pdata[i] : &d->total;

      cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, x, y - size * 0.2);
      cairo_line_to (cr, x + width, y - size * 0.2);
      cairo_stroke (cr);
      text_at (cr, i < d->departments->len ? w->name : _("Total"), x, y, size, i == d->departments->len, 0, name_w,
               labels);
      for (int k = 0; k < MC_DASHBOARD_N_WORKLOAD; k++)
        {
          g_autofree char *n = mc_format_count (w->n[k]);

          text_at (cr, n, x + name_w + (k + 1) * col_w, y, size, i == d->departments->len, 1, 0, labels);
        }
      y += line;
    }
  return y;
}

void
mc_dashboard_render (const McDashboard *d, GPtrArray *charts, cairo_t *cr, double width, double height,
                     GPtrArray *labels)
{
  static const double black[4] = { 0, 0, 0, 1 };
  g_autofree char *heading = mc_dashboard_heading (d);
  g_autofree char *subtitle = mc_dashboard_subtitle (d);
  double margin = width * 0.045, x = margin, y = margin * 0.8, inner = width - 2 * margin;
  double size = width / 90, chart_w, chart_h, gap = size * 1.5;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  text_at (cr, heading, x, y, size * 1.8, TRUE, 0, inner, labels);
  y += size * 2.6;
  text_at (cr, subtitle, x, y, size * 1.1, FALSE, 0, inner, labels);
  y += size * 2.2;
  y = draw_workload (d, cr, x, y, inner, size, labels) + size;
  chart_w = (inner - gap) / 2;
  chart_h = (height - margin * 0.8 - y - gap) / 2;
  for (guint i = 0; i < charts->len && i < 4; i++)
    {
      const McChartData *data = charts->pdata[i];
      double cx = x + (i % 2) * (chart_w + gap), cy = y + (i / 2) * (chart_h + gap);

      text_at (cr, data->title, cx, cy, size * 1.1, TRUE, 0, chart_w, labels);
      cairo_save (cr);
      cairo_translate (cr, cx, cy + size * 1.8);
      mc_chart_draw (data, cr, chart_w, chart_h - size * 1.8, black, size * 0.9, labels);
      cairo_restore (cr);
    }
  cairo_restore (cr);
}

static gboolean
surface_error (cairo_surface_t *surface, GError **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    return FALSE;
  g_set_error (error, MC_OUTPUT_FILE_ERROR, MC_OUTPUT_FILE_ERROR_WRITE, _("The file could not be written (%s)"),
               cairo_status_to_string (status));
  return TRUE;
}

gboolean
mc_dashboard_write_pdf (const McDashboard *d, GPtrArray *charts, const char *path, GError **error)
{
  g_autofree char *tmp = mc_output_file_begin (path, MC_OUTPUT_FILE_FORCE, error);
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean failed;

  if (tmp == NULL)
    return FALSE;
  surface = cairo_pdf_surface_create (tmp, A4_LONG, A4_SHORT);
  title = mc_dashboard_heading (d);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cr = cairo_create (surface);
  mc_dashboard_render (d, charts, cr, A4_LONG, A4_SHORT, NULL);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  failed = surface_error (surface, error);
  cairo_surface_destroy (surface);
  return mc_output_file_finish (tmp, path, !failed, failed ? NULL : error);
}

gboolean
mc_dashboard_write_png (const McDashboard *d, GPtrArray *charts, const char *path, GError **error)
{
  g_autofree char *tmp = mc_output_file_begin (path, MC_OUTPUT_FILE_FORCE, error);
  double scale = PNG_DPI / 72;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean failed;

  if (tmp == NULL)
    return FALSE;
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (A4_LONG * scale), (int) ceil (A4_SHORT * scale));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  mc_dashboard_render (d, charts, cr, A4_LONG, A4_SHORT, NULL);
  cairo_destroy (cr);
  failed = surface_error (surface, error);
  if (!failed && cairo_surface_write_to_png (surface, tmp) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error_literal (error, MC_OUTPUT_FILE_ERROR, MC_OUTPUT_FILE_ERROR_WRITE, _("The file could not be written"));
      failed = TRUE;
    }
  cairo_surface_destroy (surface);
  return mc_output_file_finish (tmp, path, !failed, failed ? NULL : error);
}
