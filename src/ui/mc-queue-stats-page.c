/* mc-queue-stats-page.c — Thống kê xếp hàng: the waiting measured (issue 18 item 6)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For those who see Tổng quan (heads, leaders, administrators: core's
 * MC_PERMISSION_DASHBOARD, checked again by mc_queue_report_new). A period
 * — a day, a month, a quarter or any days — computed once by
 * mc_queue_stats_all; two charts drawn by the dashboard's cairo code
 * (mc-chart-draw.c: tickets per hour, issued beside served; the wait per
 * day, average and p90, or per hour for a single day) and the tables of
 * the document mc_queue_report_new builds from the same figures, which
 * the XLSX and PDF exports write (mc-report-doc.c): what is on screen is
 * what is saved.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "mc-card.h"
#include "mc-changes.h"
#include "mc-date-entry.h"
#include "mc-export-task.h"
#include "mc-format.h"
#include "mc-page-changes.h"
#include "mc-queue-report.h"
#include "mc-queue-stats-page.h"
#include "mc-report-doc.h"
#include "mc-report-output.h"
#include "mc-report-tables.h"

struct _McQueueStatsPage
{
  AdwBin            parent_instance;
  McApplication    *app;
  McQueue          *queue;
  McQueueStatsAll  *stats;
  McReportDocument *doc;
  GtkDropDown      *period;
  McDateEntry      *from;
  McDateEntry      *to;
  GtkWidget        *to_box;
  GtkLabel         *subtitle;
  GtkBox           *content;     /* rebuilt at each computation */
  GtkWidget        *export_buttons[3];
  McChart          *charts[MC_QUEUE_STATS_N_CHARTS];
};

G_DEFINE_FINAL_TYPE (McQueueStatsPage, mc_queue_stats_page, ADW_TYPE_BIN)

static GtkWindow *
parent_window (McQueueStatsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
toast (McQueueStatsPage *self, const char *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", message);
}

/* The period */

static McDate
first_of_month (int year, int month)
{
  return mc_date_from_ymd (year + (month - 1) / 12, (month - 1) % 12 + 1, 1);
}

/* The day, month or quarter holding day; custom: day to last. */
static void
period_range (McQueueStatsPeriod period, McDate day, McDate last, McDate *from, McDate *to)
{
  int y, m, d;

  mc_date_to_ymd (day, &y, &m, &d);
  switch (period)
    {
    case MC_QUEUE_STATS_PERIOD_DAY:
      *from = *to = day;
      break;
    case MC_QUEUE_STATS_PERIOD_MONTH:
      *from = first_of_month (y, m);
      *to = first_of_month (y, m + 1) - 1;
      break;
    case MC_QUEUE_STATS_PERIOD_QUARTER:
      *from = first_of_month (y, (m - 1) / 3 * 3 + 1);
      *to = first_of_month (y, (m - 1) / 3 * 3 + 4) - 1;
      break;
    case MC_QUEUE_STATS_PERIOD_CUSTOM:
    default:
      *from = day;
      *to = last;
      break;
    }
}

/* The period typed; an unreadable or empty day is marked on its entry. */
static gboolean
read_period (McQueueStatsPage *self, McDate *from, McDate *to)
{
  McQueueStatsPeriod period = (McQueueStatsPeriod) gtk_drop_down_get_selected (self->period);
  McDate day, last = MC_DATE_INVALID;

  if (mc_date_entry_read_date (self->from, &day) != MC_DATE_ENTRY_VALID)
    {
      if (mc_date_entry_get_message (self->from) == NULL)
        mc_date_entry_set_message (self->from, _("Write the date as dd/mm/yyyy (or d/m/yy)"));
      return FALSE;
    }
  if (period == MC_QUEUE_STATS_PERIOD_CUSTOM)
    {
      if (mc_date_entry_read_date (self->to, &last) != MC_DATE_ENTRY_VALID)
        {
          if (mc_date_entry_get_message (self->to) == NULL)
            mc_date_entry_set_message (self->to, _("Write the date as dd/mm/yyyy (or d/m/yy)"));
          return FALSE;
        }
      if (last < day)
        {
          mc_date_entry_set_message (self->to, _("The first day of the period comes after its last day"));
          return FALSE;
        }
    }
  period_range (period, day, last, from, to);
  return TRUE;
}

/* The charts */

static double
minutes_or_nan (double seconds)
{
  return seconds < 0 ? NAN : seconds / 60.0;
}

/* Every hour from the first to the last one with a ticket, those with none at 0. */
static McChartData *
hours_chart (const McQueueStatsAll *stats)
{
  McChartData *data = mc_chart_data_new (MC_CHART_GROUPED_BARS, _("Tickets per hour"), FALSE);
  GPtrArray *rows = stats->rows[MC_QUEUE_STATS_BY_HOUR];
  McChartSeries *issued, *served;
  int first = 24, last = -1;

  data->empty_text = g_strdup (_("No ticket was taken in this period"));
  for (guint i = 0; i + 1 < rows->len; i++)
    {
      first = MIN (first, ((McQueueStatsRow *) rows->pdata[i])->sort);
      last = MAX (last, ((McQueueStatsRow *) rows->pdata[i])->sort);
    }
  for (int h = first; h <= last; h++)
    {
      g_autofree char *name = g_strdup_printf ("%02dh", h);

      mc_chart_data_add_category (data, name);
    }
  issued = mc_chart_data_add_series (data, _("Tickets taken"));
  served = mc_chart_data_add_series (data, _("Served"));
  for (int h = first; h <= last; h++)
    issued->values[h - first] = served->values[h - first] = 0;
  for (guint i = 0; i + 1 < rows->len; i++)
    {
      const McQueueStatsRow *r = rows->pdata[i];

      issued->values[r->sort - first] = r->issued;
      served->values[r->sort - first] = r->served;
    }
  return data;
}

/* The trend of the wait: per day over a period, per hour over one day. */
static McChartData *
wait_chart (const McQueueStatsAll *stats)
{
  gboolean one_day = stats->from == stats->to;
  McChartData *data = mc_chart_data_new (MC_CHART_LINE, one_day ? _("Waiting time by hour (minutes)")
                                                                 : _("Waiting time by day (minutes)"), FALSE);
  GPtrArray *rows = stats->rows[one_day ? MC_QUEUE_STATS_BY_HOUR : MC_QUEUE_STATS_BY_DAY];
  McChartSeries *avg, *p90;

  data->decimals = 1;
  data->empty_text = g_strdup (_("No ticket was called in this period"));
  for (guint i = 0; i + 1 < rows->len; i++)
    {
      const McQueueStatsRow *r = rows->pdata[i];
      g_autofree char *name = NULL;
      McDate day;

      if (one_day)
        name = g_strdup_printf ("%02dh", r->sort);
      else if (mc_date_parse_iso (r->key, &day))
        {
          int y, m, d;

          mc_date_to_ymd (day, &y, &m, &d);
          name = g_strdup_printf ("%02d/%02d", d, m);
        }
      mc_chart_data_add_category (data, name ? name : r->key);
    }
  avg = mc_chart_data_add_series (data, _("Average wait"));
  p90 = mc_chart_data_add_series (data, _("90% waited at most"));
  for (guint i = 0; i + 1 < rows->len; i++)
    {
      const McQueueStatsRow *r = rows->pdata[i];

      avg->values[i] = minutes_or_nan (r->wait_avg);
      p90->values[i] = minutes_or_nan ((double) r->wait_p90);
    }
  return data;
}

McChartData *
mc_queue_stats_chart_data (const McQueueStatsAll *stats, McQueueStatsChart chart)
{
  g_return_val_if_fail (stats != NULL, NULL);

  return chart == MC_QUEUE_STATS_CHART_HOURS ? hours_chart (stats) : wait_chart (stats);
}

/* The content */

/* Two a line on a wide window, one under the other on a narrow one. */
static GtkWidget *
charts_box (McQueueStatsPage *self)
{
  GtkWidget *flow = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 2);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 12);
  for (int i = 0; i < MC_QUEUE_STATS_N_CHARTS; i++)
    {
      McChartData *data = mc_queue_stats_chart_data (self->stats, (McQueueStatsChart) i);
      g_autofree char *title = g_strdup (data->title);

      self->charts[i] = mc_chart_new ();
      mc_chart_set_data (self->charts[i], data);
      gtk_flow_box_append (GTK_FLOW_BOX (flow),
                           mc_card_new (mc_card_section_new (title, GTK_WIDGET (self->charts[i]))));
    }
  return flow;
}

static void
no_cell_cb (gpointer user_data, guint table, guint row, guint column)
{
  /* No figure of this document has a list behind it (mc-queue-report.c). */
}

static void
clear_content (McQueueStatsPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);
  memset (self->charts, 0, sizeof self->charts);
}

static void
show_error (McQueueStatsPage *self, const GError *error)
{
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "dialog-warning-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("The queue statistics could not be computed"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status), error->message);
  gtk_box_append (self->content, status);
}

static void
set_exports_enabled (McQueueStatsPage *self, gboolean enabled)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->export_buttons); i++)
    gtk_widget_set_sensitive (self->export_buttons[i], enabled);
}

void
mc_queue_stats_page_reload (McQueueStatsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *period = NULL, *summary = NULL, *subtitle = NULL;
  McDb *db;
  McDate from, to;
  GtkWidget *tables;

  g_return_if_fail (MC_IS_QUEUE_STATS_PAGE (self));

  if (!read_period (self, &from, &to))
    return;
  db = mc_application_get_db (self->app);
  clear_content (self);
  g_clear_pointer (&self->stats, mc_queue_stats_all_free);
  g_clear_object (&self->doc);
  if ((self->stats = mc_queue_stats_all (self->queue, from, to, &error)) == NULL ||
      (self->doc = mc_queue_report_new (db, self->stats, &error)) == NULL)
    {
      set_exports_enabled (self, FALSE);
      gtk_label_set_text (self->subtitle, "");
      show_error (self, error);
      return;
    }
  set_exports_enabled (self, TRUE);
  period = mc_queue_report_period_text (from, to);
  {
    /* "Tháng 12 năm 2026" at the start of the line. */
    g_autofree char *initial = g_utf8_strup (period, g_utf8_next_char (period) - period);
    char *capital = g_strconcat (initial, g_utf8_next_char (period), NULL);

    g_free (period);
    period = capital;
  }
  summary = mc_queue_report_summary (mc_queue_stats_all_total (self->stats));
  /* Translators: "Tháng 12 năm 2026 — 1.157 lượt lấy số, …" */
  subtitle = g_strdup_printf (_("%s — %s"), period, summary);
  gtk_label_set_text (self->subtitle, subtitle);
  gtk_box_append (self->content, charts_box (self));
  tables = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  mc_report_tables_show (GTK_BOX (tables), self->doc, no_cell_cb, self);
  gtk_box_append (self->content, mc_card_new (tables));
}

static void
reload_cb (GtkWidget *page)
{
  mc_queue_stats_page_reload (MC_QUEUE_STATS_PAGE (page));
}

/* Export and print */

gboolean
mc_queue_stats_page_export (McQueueStatsPage *self, const char *format, const char *path, GError **error)
{
  g_return_val_if_fail (MC_IS_QUEUE_STATS_PAGE (self), FALSE);
  g_return_val_if_fail (self->doc != NULL, FALSE);

  return mc_report_doc_write (self->doc, format, path, error);
}

static void
export_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autofree char *path = user_data;
  g_autofree char *name = g_path_get_basename (path);
  /* Translators: %s is a file name */
  g_autofree char *saved = g_strdup_printf (_("Report saved to %s"), name);
  g_autoptr(GError) error = NULL;

  mc_export_task_finish (result, &error);
  mc_export_task_toast (GTK_WIDGET (source), error, saved);
}

static void
export_response_cb (GtkNativeDialog *chooser, int response, McQueueStatsPage *self)
{
  g_autoptr(GFile) file = NULL;
  char *path = NULL;
  const char *format = g_object_get_data (G_OBJECT (chooser), "format");

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    path = g_file_get_path (file);
  if (path != NULL && self->doc != NULL)
    /* The document is never changed once built: the worker writes it as shown. */
    mc_export_task_run (GTK_WIDGET (self), _("Exporting the queue statistics"), path, mc_report_export_job_write,
                        mc_report_export_job_new_table (self->doc, format),
                        (GDestroyNotify) mc_report_export_job_free, export_done_cb, path);
  else
    g_free (path);
  g_object_unref (chooser);
}

static void
choose_export (McQueueStatsPage *self, const char *format)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *pattern = g_strdup_printf ("*.%s", format);
  g_autofree char *from = mc_date_to_iso (self->stats->from), *to = mc_date_to_iso (self->stats->to);
  g_autofree char *name = g_strdup_printf ("thong-ke-xep-hang_%s_%s.%s", from, to, format);

  chooser = gtk_file_chooser_native_new (_("Export the queue statistics"), parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_filter_set_name (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_set_data_full (G_OBJECT (chooser), "format", g_strdup (format), g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_xlsx_cb (McQueueStatsPage *self)
{
  choose_export (self, "xlsx");
}

static void
export_pdf_cb (McQueueStatsPage *self)
{
  choose_export (self, "pdf");
}

static void
print_cb (McQueueStatsPage *self)
{
  g_autoptr(GError) error = NULL;
  McReportPrintJob *job = self->doc ? mc_report_print_job_new_doc (self->doc, &error) : NULL;

  if (job == NULL || !mc_report_print_job_run (job, parent_window (self), "thong-ke-xep-hang", &error))
    toast (self, error ? error->message : _("Nothing to print"));
}

/* Building */

static GtkWidget *
header (McQueueStatsPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *heading = gtk_label_new (_("Queue statistics"));

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "title-2");
  self->subtitle = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_xalign (self->subtitle, 0);
  gtk_label_set_wrap (self->subtitle, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle), "dim-label");
  gtk_box_append (GTK_BOX (titles), heading);
  gtk_box_append (GTK_BOX (titles), GTK_WIDGET (self->subtitle));
  gtk_widget_set_hexpand (titles, TRUE);
  gtk_box_append (GTK_BOX (box), titles);
  self->export_buttons[0] = mc_card_header_button_new (_("Export _XLSX"), "x-office-spreadsheet-symbolic",
                                                       _("The tables as a spreadsheet (A4 portrait when printed)"),
                                                       G_CALLBACK (export_xlsx_cb), self);
  self->export_buttons[1] = mc_card_header_button_new (_("Export P_DF"), "x-office-document-symbolic",
                                                       _("The tables as a PDF (A4 portrait, with the signature "
                                                         "blocks)"),
                                                       G_CALLBACK (export_pdf_cb), self);
  self->export_buttons[2] = mc_card_header_button_new (_("_Print"), "document-print-symbolic",
                                                       _("Print the tables on A4"), G_CALLBACK (print_cb), self);
  for (guint i = 0; i < G_N_ELEMENTS (self->export_buttons); i++)
    gtk_box_append (GTK_BOX (box), self->export_buttons[i]);
  return box;
}

static void
period_changed_cb (McQueueStatsPage *self)
{
  gtk_widget_set_visible (self->to_box, gtk_drop_down_get_selected (self->period) == MC_QUEUE_STATS_PERIOD_CUSTOM);
  mc_queue_stats_page_reload (self);
}

/* Ngày / Tháng / Quý / Khoảng ngày, the day it holds (and the last day of a
 * custom period), Xem. */
static GtkWidget *
period_bar (McQueueStatsPage *self)
{
  const char *const kinds[] = { _("Day"), _("Month"), _("Quarter"), _("Custom period"), NULL };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (_("_Period"));
  GtkWidget *show = gtk_button_new_with_mnemonic (_("_Show"));
  GtkWidget *dash = gtk_label_new ("–");

  self->period = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (kinds));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->period));
  self->from = MC_DATE_ENTRY (mc_date_entry_new (FALSE, FALSE));
  self->to = MC_DATE_ENTRY (mc_date_entry_new (FALSE, FALSE));
  gtk_editable_set_width_chars (GTK_EDITABLE (self->from), 11);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->to), 11);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->from), _("A day of the period (dd/mm/yyyy): its month or quarter"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->from), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("A day of the period"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->to), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The last day of the period"), -1);
  self->to_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (self->to_box), dash);
  gtk_box_append (GTK_BOX (self->to_box), GTK_WIDGET (self->to));
  gtk_widget_set_visible (self->to_box, FALSE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->period));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->from));
  gtk_box_append (GTK_BOX (box), self->to_box);
  gtk_box_append (GTK_BOX (box), show);
  gtk_widget_add_css_class (show, "suggested-action");
  g_signal_connect_swapped (self->period, "notify::selected", G_CALLBACK (period_changed_cb), self);
  g_signal_connect_swapped (self->from, "activate", G_CALLBACK (mc_queue_stats_page_reload), self);
  g_signal_connect_swapped (self->to, "activate", G_CALLBACK (mc_queue_stats_page_reload), self);
  g_signal_connect_swapped (show, "clicked", G_CALLBACK (mc_queue_stats_page_reload), self);
  return box;
}

static void
mc_queue_stats_page_dispose (GObject *object)
{
  McQueueStatsPage *self = MC_QUEUE_STATS_PAGE (object);

  g_clear_pointer (&self->stats, mc_queue_stats_all_free);
  g_clear_object (&self->doc);
  g_clear_object (&self->queue);
  G_OBJECT_CLASS (mc_queue_stats_page_parent_class)->dispose (object);
}

static void
mc_queue_stats_page_class_init (McQueueStatsPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = mc_queue_stats_page_dispose;
}

static void
mc_queue_stats_page_init (McQueueStatsPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  self->content = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 12));
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), header (self));
  gtk_box_append (GTK_BOX (box), period_bar (self));
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1400);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 1200);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->content), 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->content));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_bin_set_child (ADW_BIN (self), box);
}

McQueueStatsPage *
mc_queue_stats_page_new (McApplication *app)
{
  McQueueStatsPage *self = g_object_new (MC_TYPE_QUEUE_STATS_PAGE, NULL);

  self->app = app;
  self->queue = mc_queue_new (mc_application_get_db (app));
  /* This month first: what a head looks at most. */
  mc_queue_stats_page_set_period (self, MC_QUEUE_STATS_PERIOD_MONTH, mc_time_get_date (mc_time_now ()),
                                  MC_DATE_INVALID);
  mc_page_follow_changes (GTK_WIDGET (self), mc_application_get_db (app),
                          MC_CHANGE_MASK (MC_CHANGE_QUEUE) | MC_CHANGE_MASK (MC_CHANGE_SETTING) |
                          MC_CHANGE_MASK (MC_CHANGE_UNIT), FALSE, reload_cb);
  return self;
}

void
mc_queue_stats_page_set_period (McQueueStatsPage *self, McQueueStatsPeriod period, McDate day, McDate last)
{
  g_return_if_fail (MC_IS_QUEUE_STATS_PAGE (self));

  mc_date_entry_set_date (self->from, day);
  mc_date_entry_set_date (self->to, period == MC_QUEUE_STATS_PERIOD_CUSTOM ? last : day);
  if (gtk_drop_down_get_selected (self->period) != (guint) period)
    gtk_drop_down_set_selected (self->period, period);  /* reloads */
  else
    mc_queue_stats_page_reload (self);
}

const McQueueStatsAll *
mc_queue_stats_page_get_stats (McQueueStatsPage *self)
{
  g_return_val_if_fail (MC_IS_QUEUE_STATS_PAGE (self), NULL);
  return self->stats;
}

McReportDocument *
mc_queue_stats_page_get_document (McQueueStatsPage *self)
{
  g_return_val_if_fail (MC_IS_QUEUE_STATS_PAGE (self), NULL);
  return self->doc;
}

McChart *
mc_queue_stats_page_get_chart (McQueueStatsPage *self, McQueueStatsChart chart)
{
  g_return_val_if_fail (MC_IS_QUEUE_STATS_PAGE (self), NULL);
  g_return_val_if_fail (chart < MC_QUEUE_STATS_N_CHARTS, NULL);
  return self->charts[chart];
}
