/* mc-dashboard-page.c — Tổng quan: the workload of today and the charts of the year
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Heads of department see their department, leaders and administrators the
 * whole unit (core decides: mc_dashboard_compute). Every number of the
 * workload tables is a button opening the dossiers behind it, listed by core
 * with the number's own condition (mc_dashboard_dossiers), so the list is
 * as long as the number. The charts are McChart widgets over the data
 * mc_dashboard_charts makes; the PNG, the PDF and the printout are
 * mc_dashboard_render's one page.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "mc-card.h"
#include "mc-changes.h"
#include "mc-dashboard-page.h"
#include "mc-figure-list-dialog.h"
#include "mc-format.h"
#include "mc-page-changes.h"

struct _McDashboardPage
{
  AdwBin          parent_instance;
  McApplication  *app;
  McDashboard    *dashboard;
  GPtrArray      *charts;         /* McChartData*, owned here for the exports; the widgets have copies */
  GtkLabel       *heading;
  GtkLabel       *subtitle;
  GtkBox         *content;        /* rebuilt at each computation */
  GtkWidget      *export_buttons[3];
  McChart        *chart_widgets[MC_DASHBOARD_N_CHARTS];
  GHashTable     *numbers;        /* "dep:staff:column" → GtkButton (borrowed: children of content) */
};

G_DEFINE_FINAL_TYPE (McDashboardPage, mc_dashboard_page, ADW_TYPE_BIN)

static GtkWindow *
parent_window (McDashboardPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
toast (McDashboardPage *self, const char *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", message);
}

static char *
number_key (gint64 department_id, gint64 staff_id, McDashboardColumn column)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%d", department_id, staff_id, column);
}

/* The list behind a number */

static const McDashboardWorkload *
find_row (McDashboardPage *self, gint64 department_id, gint64 staff_id)
{
  GPtrArray *rows = staff_id != 0 ? self->dashboard->people : self->dashboard->departments;

  if (department_id == 0 && staff_id == 0)
    return &self->dashboard->total;
  for (guint i = 0; i < rows->len; i++)
    {
      const McDashboardWorkload *w = rows->pdata[i];

      if (w->department_id == department_id && w->staff_id == staff_id)
        return w;
    }
  return NULL;
}

GtkWindow *
mc_dashboard_page_open_list (McDashboardPage *self, gint64 department_id, gint64 staff_id, McDashboardColumn column)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = NULL;
  const McDashboardWorkload *row;
  g_autofree char *title = NULL, *subtitle = NULL, *count = NULL, *at = NULL;
  GtkWindow *window;

  g_return_val_if_fail (MC_IS_DASHBOARD_PAGE (self), NULL);

  if (self->dashboard == NULL || (row = find_row (self, department_id, staff_id)) == NULL)
    return NULL;
  items = mc_dashboard_dossiers (mc_application_get_db (self->app), self->dashboard, department_id, staff_id, column,
                                 &error);
  if (items == NULL)
    {
      toast (self, error->message);
      return NULL;
    }
  title = g_strdup_printf ("%s — %s", mc_dashboard_column_title (column),
                           row == &self->dashboard->total ? (self->dashboard->department_name
                                                             ? self->dashboard->department_name
                                                             : self->dashboard->unit_name)
                                                          : row->name);
  count = mc_format_count (g_list_model_get_n_items (items));
  at = mc_format_time (self->dashboard->now);
  subtitle = g_strdup_printf (_("%s dossiers · at %s"), count, at);
  window = GTK_WINDOW (mc_figure_list_dialog_new (self->app, parent_window (self), title, subtitle, items));
  gtk_window_present (window);
  return window;
}

static void
number_clicked_cb (GtkButton *button, McDashboardPage *self)
{
  gint64 *key = g_object_get_data (G_OBJECT (button), "mc-number");

  mc_dashboard_page_open_list (self, key[0], key[1], (McDashboardColumn) key[2]);
}

/* The workload tables */

static GtkWidget *
cell_label (const char *text, gboolean bold, float xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (bold)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

/* A number: a flat button opening its list, or a dim label for a zero. */
static GtkWidget *
number_cell (McDashboardPage *self, const McDashboardWorkload *w, McDashboardColumn column, gboolean total)
{
  g_autofree char *text = mc_format_count (w->n[column]);
  g_autofree char *tooltip = NULL;
  gint64 *key;
  GtkWidget *button;

  if (w->n[column] == 0)
    {
      GtkWidget *label = cell_label (text, total, 1);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_end (label, 12);
      return label;
    }
  button = gtk_button_new_with_label (text);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  if (column == MC_DASHBOARD_OVERDUE)
    gtk_widget_add_css_class (button, "error");
  if (total)
    gtk_widget_add_css_class (gtk_button_get_child (GTK_BUTTON (button)), "heading");
  tooltip = g_strdup_printf (_("List the %s dossiers: %s"), text, mc_dashboard_column_title (column));
  gtk_widget_set_tooltip_text (button, tooltip);
  key = g_new (gint64, 3);
  key[0] = total ? 0 : w->department_id;
  key[1] = total ? 0 : w->staff_id;
  key[2] = column;
  g_object_set_data_full (G_OBJECT (button), "mc-number", key, g_free);
  g_hash_table_insert (self->numbers, number_key (key[0], key[1], column), button);
  g_signal_connect (button, "clicked", G_CALLBACK (number_clicked_cb), self);
  return button;
}

static void
add_workload_row (McDashboardPage *self, GtkGrid *grid, int row, const McDashboardWorkload *w, const char *name,
                  gboolean total)
{
  GtkWidget *label = cell_label (name, total, 0);

  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_tooltip_text (label, name);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  for (int k = 0; k < MC_DASHBOARD_N_WORKLOAD; k++)
    gtk_grid_attach (grid, number_cell (self, w, k, total), k + 1, row, 1, 1);
}

static GtkWidget *
workload_table (McDashboardPage *self, GPtrArray *rows, const char *first, gboolean with_total)
{
  GtkGrid *grid;
  int row = 1;

  if (rows->len == 0)
    {
      GtkWidget *none = cell_label (_("Nobody holds an open dossier"), FALSE, 0);

      gtk_widget_add_css_class (none, "dim-label");
      return none;
    }
  grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (grid, 6);
  gtk_grid_set_row_spacing (grid, 2);
  /* A row of buttons is as tall as one of zeros. */
  gtk_grid_set_row_homogeneous (grid, TRUE);
  gtk_grid_attach (grid, cell_label (first, TRUE, 0), 0, 0, 1, 1);
  for (int k = 0; k < MC_DASHBOARD_N_WORKLOAD; k++)
    {
      GtkWidget *title = cell_label (mc_dashboard_column_title (k), TRUE, 1);

      gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_NONE);
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (title), 9);
      gtk_label_set_justify (GTK_LABEL (title), GTK_JUSTIFY_RIGHT);
      gtk_widget_set_margin_end (title, 12);
      gtk_grid_attach (grid, title, k + 1, 0, 1, 1);
    }
  for (guint i = 0; i < rows->len; i++)
    {
      const McDashboardWorkload *w = rows->pdata[i];
      g_autofree char *name = w->staff_id != 0 && self->dashboard->department_id == 0
                              ? g_strdup_printf ("%s (%s)", w->name, w->department_name) : g_strdup (w->name);

      add_workload_row (self, grid, row++, w, name, FALSE);
    }
  if (with_total)
    add_workload_row (self, grid, row, &self->dashboard->total, _("Total"), TRUE);
  return GTK_WIDGET (grid);
}

/* The charts: two a line on a wide window, one under the other on a narrow one. */
static GtkWidget *
charts_box (McDashboardPage *self)
{
  GtkWidget *flow = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 2);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 12);
  for (guint i = 0; i < MC_DASHBOARD_N_CHARTS; i++)
    {
      const McChartData *data = self->charts->pdata[i];
      GtkWidget *chart = GTK_WIDGET (mc_chart_new ());
      GtkWidget *child;

      /* The widget owns its data; the page keeps the same charts for the exports. */
      mc_chart_set_data (MC_CHART (chart), mc_chart_data_copy (data));
      self->chart_widgets[i] = MC_CHART (chart);
      child = mc_card_section_new (data->title, chart);
      gtk_flow_box_append (GTK_FLOW_BOX (flow), mc_card_new (child));
    }
  return flow;
}

static void
clear_content (McDashboardPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);
  g_hash_table_remove_all (self->numbers);
  memset (self->chart_widgets, 0, sizeof self->chart_widgets);
}

static void
show_error (McDashboardPage *self, const GError *error)
{
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "dialog-warning-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("The overview could not be computed"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status), error->message);
  gtk_box_append (self->content, status);
}

void
mc_dashboard_page_reload (McDashboardPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL, *subtitle = NULL;
  McDashboard *d;

  g_return_if_fail (MC_IS_DASHBOARD_PAGE (self));

  clear_content (self);
  g_clear_pointer (&self->dashboard, mc_dashboard_free);
  g_clear_pointer (&self->charts, g_ptr_array_unref);
  d = self->dashboard = mc_dashboard_compute (mc_application_get_db (self->app), 0, 0, 0, &error);
  for (guint i = 0; i < G_N_ELEMENTS (self->export_buttons); i++)
    gtk_widget_set_sensitive (self->export_buttons[i], d != NULL);
  if (d == NULL)
    {
      gtk_label_set_text (self->heading, _("Overview"));
      gtk_label_set_text (self->subtitle, "");
      show_error (self, error);
      return;
    }
  self->charts = mc_dashboard_charts (d);
  heading = mc_dashboard_heading (d);
  subtitle = mc_dashboard_subtitle (d);
  gtk_label_set_text (self->heading, heading);
  gtk_label_set_text (self->subtitle, subtitle);
  gtk_box_append (self->content, mc_card_new (mc_card_section_new (_("Today's workload by department"),
                                                workload_table (self, d->departments, _("Department"), TRUE))));
  gtk_box_append (self->content, mc_card_new (mc_card_section_new (_("Today's workload by person"),
                                                workload_table (self, d->people, _("Person"), FALSE))));
  gtk_box_append (self->content, charts_box (self));
}

static void
reload_cb (GtkWidget *page)
{
  mc_dashboard_page_reload (MC_DASHBOARD_PAGE (page));
}

/* Export and print */

gboolean
mc_dashboard_page_export (McDashboardPage *self, const char *format, const char *path, GError **error)
{
  g_return_val_if_fail (MC_IS_DASHBOARD_PAGE (self), FALSE);
  g_return_val_if_fail (self->dashboard != NULL, FALSE);

  if (g_str_equal (format, "png"))
    return mc_dashboard_write_png (self->dashboard, self->charts, path, error);
  return mc_dashboard_write_pdf (self->dashboard, self->charts, path, error);
}

static void
export_response_cb (GtkNativeDialog *chooser, int response, McDashboardPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = file ? g_file_get_path (file) : NULL;
    }
  if (path != NULL)
    {
      if (mc_dashboard_page_export (self, g_object_get_data (G_OBJECT (chooser), "format"), path, &error))
        {
          g_autofree char *name = g_path_get_basename (path);
          g_autofree char *message = g_strdup_printf (_("Saved %s"), name);

          toast (self, message);
        }
      else
        toast (self, error->message);
    }
  g_object_unref (chooser);
}

static void
choose_export (McDashboardPage *self, const char *format)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *pattern = g_strdup_printf ("*.%s", format);
  g_autofree char *date = mc_date_to_iso (mc_time_get_date (self->dashboard->now));
  g_autofree char *name = g_strdup_printf ("tong-quan-%s.%s", date, format);

  chooser = gtk_file_chooser_native_new (_("Export the Overview"), parent_window (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
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
export_png_cb (McDashboardPage *self)
{
  choose_export (self, "png");
}

static void
export_pdf_cb (McDashboardPage *self)
{
  choose_export (self, "pdf");
}

static void
draw_page_cb (GtkPrintOperation *op, GtkPrintContext *context, int page, McDashboardPage *self)
{
  mc_dashboard_render (self->dashboard, self->charts, gtk_print_context_get_cairo_context (context),
                       gtk_print_context_get_width (context), gtk_print_context_get_height (context), NULL);
}

static void
print_cb (McDashboardPage *self)
{
  g_autoptr(GtkPrintOperation) op = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = mc_dashboard_heading (self->dashboard);

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (op, setup);
  gtk_print_operation_set_unit (op, GTK_UNIT_POINTS);
  gtk_print_operation_set_n_pages (op, 1);
  gtk_print_operation_set_job_name (op, name);
  g_signal_connect (op, "draw-page", G_CALLBACK (draw_page_cb), self);
  if (gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent_window (self), &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    toast (self, error->message);
}

/* Building */

static GtkWidget *
header (McDashboardPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *refresh = gtk_button_new_from_icon_name ("view-refresh-symbolic");

  self->heading = GTK_LABEL (cell_label ("", FALSE, 0));
  gtk_widget_add_css_class (GTK_WIDGET (self->heading), "title-2");
  self->subtitle = GTK_LABEL (cell_label ("", FALSE, 0));
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle), "dim-label");
  gtk_box_append (GTK_BOX (titles), GTK_WIDGET (self->heading));
  gtk_box_append (GTK_BOX (titles), GTK_WIDGET (self->subtitle));
  gtk_widget_set_hexpand (titles, TRUE);
  gtk_box_append (GTK_BOX (box), titles);
  gtk_widget_set_tooltip_text (refresh, _("Compute the figures again"));
  gtk_widget_set_valign (refresh, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (refresh, "clicked", G_CALLBACK (mc_dashboard_page_reload), self);
  gtk_box_append (GTK_BOX (box), refresh);
  self->export_buttons[0] = mc_card_header_button_new (_("Export _PNG"), "image-x-generic-symbolic",
                                                       _("The overview as a picture (A4 landscape, 150 dpi)"),
                                                       G_CALLBACK (export_png_cb), self);
  self->export_buttons[1] = mc_card_header_button_new (_("Export P_DF"), "x-office-document-symbolic",
                                                       _("The overview as a PDF page (A4 landscape)"),
                                                       G_CALLBACK (export_pdf_cb), self);
  self->export_buttons[2] = mc_card_header_button_new (_("_Print"), "document-print-symbolic",
                                                       _("Print the overview on one A4 landscape page"),
                                                       G_CALLBACK (print_cb), self);
  for (guint i = 0; i < G_N_ELEMENTS (self->export_buttons); i++)
    {
      gtk_widget_set_valign (self->export_buttons[i], GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), self->export_buttons[i]);
    }
  return box;
}

static void
mc_dashboard_page_dispose (GObject *object)
{
  McDashboardPage *self = MC_DASHBOARD_PAGE (object);

  g_clear_pointer (&self->dashboard, mc_dashboard_free);
  g_clear_pointer (&self->charts, g_ptr_array_unref);
  g_clear_pointer (&self->numbers, g_hash_table_unref);
  G_OBJECT_CLASS (mc_dashboard_page_parent_class)->dispose (object);
}

static void
mc_dashboard_page_class_init (McDashboardPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = mc_dashboard_page_dispose;
}

static void
mc_dashboard_page_init (McDashboardPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  self->numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->content = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 12));
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), header (self));
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

McDashboardPage *
mc_dashboard_page_new (McApplication *app)
{
  McDashboardPage *self = g_object_new (MC_TYPE_DASHBOARD_PAGE, NULL);

  self->app = app;
  mc_dashboard_page_reload (self);
  mc_page_follow_changes (GTK_WIDGET (self), mc_application_get_db (app),
                          MC_CHANGE_MASK (MC_CHANGE_DOSSIER) | MC_CHANGE_MASK (MC_CHANGE_APOLOGY) |
                          MC_CHANGE_MASK (MC_CHANGE_STAFF) | MC_CHANGE_MASK (MC_CHANGE_UNIT) |
                          MC_CHANGE_MASK (MC_CHANGE_SETTING), FALSE, reload_cb);
  return self;
}

const McDashboard *
mc_dashboard_page_get_dashboard (McDashboardPage *self)
{
  g_return_val_if_fail (MC_IS_DASHBOARD_PAGE (self), NULL);
  return self->dashboard;
}

McChart *
mc_dashboard_page_get_chart (McDashboardPage *self, McDashboardChart chart)
{
  g_return_val_if_fail (MC_IS_DASHBOARD_PAGE (self), NULL);
  g_return_val_if_fail (chart < MC_DASHBOARD_N_CHARTS, NULL);
  return self->chart_widgets[chart];
}

GtkWidget *
mc_dashboard_page_get_number (McDashboardPage *self, gint64 department_id, gint64 staff_id, McDashboardColumn column)
{
  g_autofree char *key = number_key (department_id, staff_id, column);

  g_return_val_if_fail (MC_IS_DASHBOARD_PAGE (self), NULL);
  return g_hash_table_lookup (self->numbers, key);
}
