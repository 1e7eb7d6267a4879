/* mc-report-page.c — Báo cáo: the statutory reports on screen, every figure
 * opening its list, exported and printed
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page shows the same McReportDoc the exports write, so what is on
 * screen is what is signed. A figure is a button: it asks core for the
 * codes behind it (mc_report_doc_items, the same predicate as the figure)
 * and lists them. The narrative is generated from its template and edited
 * in a text view; exports and print take the edited text.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "mc-boxed-item.h"
#include "mc-dossier-store.h"
#include "mc-dossier-window.h"
#include "mc-format.h"
#include "mc-records-print.h"
#include "mc-report-06a-export.h"
#include "mc-report-lists.h"
#include "mc-report-narrative-export.h"
#include "mc-report-page.h"
#include "mc-text-column.h"
#include "mc-window.h"

typedef struct {
  gint64        unit_id;    /* 0: the center's own */
  McReportScope scope;
} UnitChoice;

typedef struct {
  guint table;
  guint row;
} RowRef;

struct _McReportPage
{
  AdwBin             parent_instance;

  McApplication     *app;
  GtkDropDown       *report;
  GtkDropDown       *unit;
  GtkDropDown       *period;
  GtkSpinButton     *year;
  GtkBox            *custom_box;
  GtkEntry          *from;
  GtkEntry          *to;
  GtkCheckButton    *only_with_dossiers;
  GtkLabel          *range;
  GtkStack          *content;
  GtkBox            *tables;
  GtkTextView       *narrative_view;
  AdwStatusPage     *error_page;

  GArray            *unit_choices;   /* UnitChoice, the unit drop-down's items */
  gboolean           loading;
  McReportPageKind   kind;
  McDate             from_date, to_date;
  McReportDoc       *doc;            /* the tables shown */
  McReportNarrative *narrative;
  char              *error;
  GtkWindow         *items_window;   /* weak */
};

G_DEFINE_FINAL_TYPE (McReportPage, mc_report_page, ADW_TYPE_BIN)

/* The period drop-down: quarters I–IV, 6 months, 9 months, year, other dates. */
enum { PERIOD_Q1, PERIOD_Q4 = 3, PERIOD_HALF, PERIOD_NINE, PERIOD_YEAR, PERIOD_CUSTOM };

#define CELL_KEY "mc-report-cell"

static McDb *
db_of (McReportPage *self)
{
  return mc_application_get_db (self->app);
}

static GtkWindow *
parent_window (McReportPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_message (McReportPage *self, const char *heading, const char *body)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), heading, body));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
toast (McReportPage *self, const char *message)
{
  GtkWindow *window = parent_window (self);

  if (window != NULL && MC_IS_WINDOW (window))
    mc_window_toast (MC_WINDOW (window), message);
}

/* Dates as a clerk writes them: d/m/yyyy. */
static gboolean
parse_day (const char *text, McDate *date)
{
  int d, m, y;
  char tail;

  if (sscanf (text, "%d/%d/%d%c", &d, &m, &y, &tail) != 3 || !mc_date_is_valid_ymd (y, m, d))
    return FALSE;
  *date = mc_date_from_ymd (y, m, d);
  return TRUE;
}

static gboolean
read_period (McReportPage *self, McDate *from, McDate *to, char **label, GError **error)
{
  guint choice = gtk_drop_down_get_selected (self->period);
  int year = gtk_spin_button_get_value_as_int (self->year);
  McPeriodKind kind = MC_PERIOD_QUARTER;
  int index = 1;

  if (choice == PERIOD_CUSTOM)
    {
      if (!parse_day (gtk_editable_get_text (GTK_EDITABLE (self->from)), from) ||
          !parse_day (gtk_editable_get_text (GTK_EDITABLE (self->to)), to))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("Write the first and last days of the period as dd/mm/yyyy"));
          return FALSE;
        }
      if (*from > *to)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("The first day of the period comes after its last day"));
          return FALSE;
        }
      *label = NULL;
      return TRUE;
    }
  if (choice <= PERIOD_Q4)
    index = (int) choice + 1;
  else if (choice == PERIOD_HALF)
    kind = MC_PERIOD_HALF;
  else if (choice == PERIOD_NINE)
    kind = MC_PERIOD_NINE_MONTHS;
  else
    kind = MC_PERIOD_YEAR;
  if (!mc_report_period_range (db_of (self), kind, year, index, from, to, error))
    return FALSE;
  *label = mc_report_period_label (kind, year, index);
  return TRUE;
}

static void
show_range (McReportPage *self, McDate from, McDate to, const char *label)
{
  g_autofree char *first = mc_format_date (from);
  g_autofree char *last = mc_format_date (to);
  g_autofree char *text = NULL;

  if (label != NULL)
    {
      /* "Quý I năm 2024" at the start of the line. */
      g_autofree char *initial = g_utf8_strup (label, g_utf8_next_char (label) - label);
      g_autofree char *capital = g_strconcat (initial, g_utf8_next_char (label), NULL);

      /* Translators: "Quý I năm 2024: from 15/12/2023 to 14/03/2024 (figures up to 14/03/2024)" */
      text = g_strdup_printf (_("%s: from %s to %s (figures up to %s)"), capital, first, last, last);
    }
  else
    text = g_strdup_printf (_("From %s to %s"), first, last);
  gtk_label_set_text (self->range, text);
}

static UnitChoice
current_unit (McReportPage *self)
{
  guint i = gtk_drop_down_get_selected (self->unit);
  UnitChoice none = { 0, MC_REPORT_SCOPE_UNIT };

  return i < self->unit_choices->len ? g_array_index (self->unit_choices, UnitChoice, i) : none;
}

/* The units the chosen report can be made for; the choice kept if offered. */
static void
fill_units (McReportPage *self)
{
  UnitChoice keep = current_unit (self);
  g_autoptr(GPtrArray) units = mc_report_units (db_of (self), NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0, n_subordinates = 0;

  g_array_set_size (self->unit_choices, 0);
  for (guint i = 0; units != NULL && i < units->len; i++)
    {
      const McReportUnit *u = units->pdata[i];
      gboolean own = g_strcmp0 (u->relation, "self") == 0;
      UnitChoice c = { own ? 0 : u->id, MC_REPORT_SCOPE_UNIT };
      g_autofree char *name = own ? g_strdup_printf (_("%s (this unit)"), u->name) : g_strdup (u->name);

      n_subordinates += !own;
      g_array_append_val (self->unit_choices, c);
      gtk_string_list_append (names, name);
    }
  if (self->unit_choices->len == 0)
    {
      UnitChoice c = { 0, MC_REPORT_SCOPE_UNIT };

      g_array_append_val (self->unit_choices, c);
      gtk_string_list_append (names, _("This unit"));
    }
  if (self->kind == MC_REPORT_PAGE_PUBLIC && n_subordinates > 0)
    {
      UnitChoice sub = { 0, MC_REPORT_SCOPE_SUBORDINATES }, all = { 0, MC_REPORT_SCOPE_COMBINED };

      g_array_append_val (self->unit_choices, sub);
      gtk_string_list_append (names, _("The subordinate units"));
      g_array_append_val (self->unit_choices, all);
      gtk_string_list_append (names, _("This unit and its subordinate units"));
    }
  for (guint i = 0; i < self->unit_choices->len; i++)
    {
      UnitChoice *c = &g_array_index (self->unit_choices, UnitChoice, i);

      if (c->unit_id == keep.unit_id && c->scope == keep.scope)
        selected = i;
    }
  gtk_drop_down_set_model (self->unit, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->unit, selected);
}

/* The tables on screen */

static void
cell_clicked_cb (GtkButton *button, McReportPage *self)
{
  guint key = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), CELL_KEY)) - 1;

  mc_report_page_open_items (self, key >> 20, (key >> 10) & 0x3ff, key & 0x3ff);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, McReportPage *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  const RowRef *ref = mc_boxed_item_get (gtk_list_item_get_item (item));
  const McReportDocTable *t = self->doc->tables->pdata[ref->table];
  const McReportDocRow *row = t->rows->pdata[ref->row];
  const McReportDocColumn *col = &g_array_index (t->columns, McReportDocColumn, column);
  const char *text = row->cells[column] ? row->cells[column] : "";
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *child = label;
  PangoAttrList *attrs;

  gtk_label_set_xalign (GTK_LABEL (label), col->center ? 0.5 : 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  /* A button's text is bold: only the total row's should be. */
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_weight_new (row->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL));
  gtk_label_set_attributes (GTK_LABEL (label), attrs);
  pango_attr_list_unref (attrs);
  if (*text != '\0' && mc_report_doc_cell_has_items (self->doc, ref->table, ref->row, column))
    {
      guint key = (ref->table << 20 | ref->row << 10 | column) + 1;

      child = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (child), label);
      gtk_widget_add_css_class (child, "flat");
      gtk_widget_set_tooltip_text (child, _("Show the dossiers behind this figure"));
      g_object_set_data (G_OBJECT (child), CELL_KEY, GUINT_TO_POINTER (key));
      g_signal_connect (child, "clicked", G_CALLBACK (cell_clicked_cb), self);
    }
  gtk_list_item_set_child (item, child);
}

/* Column headings wrap instead of being cut: the forms' headings are long. */
static void
wrap_labels (GtkWidget *widget)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_LABEL (c))
        {
          gtk_label_set_wrap (GTK_LABEL (c), TRUE);
          gtk_label_set_ellipsize (GTK_LABEL (c), PANGO_ELLIPSIZE_NONE);
          gtk_label_set_justify (GTK_LABEL (c), GTK_JUSTIFY_CENTER);
        }
      wrap_labels (c);
    }
}

static char *
column_heading (const McReportDocTable *t, guint i)
{
  const McReportDocColumn *col = &g_array_index (t->columns, McReportDocColumn, i);

  return t->numbered ? g_strdup_printf ("%s\n(%u)", col->title, i + 1) : g_strdup (col->title);
}

/* The forms' headings over several columns, as one line under the table's name. */
static GtkWidget *
groups_legend (const McReportDocTable *t)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < t->columns->len;)
    {
      const McReportDocColumn *col = &g_array_index (t->columns, McReportDocColumn, i);
      guint j = i;

      if (col->group == NULL)
        {
          i++;
          continue;
        }
      while (j + 1 < t->columns->len &&
             g_strcmp0 (g_array_index (t->columns, McReportDocColumn, j + 1).group, col->group) == 0)
        j++;
      if (text->len > 0)
        g_string_append (text, "  ·  ");
      if (t->numbered)
        g_string_append_printf (text, "(%u)–(%u): %s", i + 1, j + 1, col->group);
      else
        g_string_append_printf (text, "%s", col->group);
      i = j + 1;
    }
  if (text->len == 0)
    return NULL;
  return g_object_new (GTK_TYPE_LABEL, "label", text->str, "xalign", 0.0f, "wrap", TRUE, NULL);
}

static GtkWidget *
table_view (McReportPage *self, guint index)
{
  const McReportDocTable *t = self->doc->tables->pdata[index];
  GtkColumnView *view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  GListStore *rows = g_list_store_new (MC_TYPE_BOXED_ITEM);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkSelectionModel *selection;

  gtk_column_view_set_show_row_separators (view, TRUE);
  gtk_column_view_set_show_column_separators (view, TRUE);
  gtk_column_view_set_reorderable (view, FALSE);
  for (guint i = 0; i < t->columns->len; i++)
    {
      const McReportDocColumn *col = &g_array_index (t->columns, McReportDocColumn, i);
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autofree char *title = column_heading (t, i);
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), self);
      column = gtk_column_view_column_new (title, factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      /* Figures narrow, the names (lĩnh vực, chỉ tiêu) wide enough to read. */
      if (col->key >= 0)
        gtk_column_view_column_set_fixed_width (column, t->columns->len > 8 ? 72 : 120);
      else if (col->width > 0)
        gtk_column_view_column_set_fixed_width (column, (int) (col->width * 1.6));
      else
        {
          gtk_column_view_column_set_fixed_width (column, 220);
          gtk_column_view_column_set_expand (column, TRUE);
        }
      gtk_column_view_append_column (view, column);
    }
  wrap_labels (GTK_WIDGET (view));
  for (guint r = 0; r < t->rows->len; r++)
    {
      RowRef *ref = g_new (RowRef, 1);
      g_autoptr(McBoxedItem) item = NULL;

      ref->table = index;
      ref->row = r;
      item = mc_boxed_item_new (ref, g_free);
      g_list_store_append (rows, item);
    }
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (rows)));
  gtk_column_view_set_model (view, selection);
  g_object_unref (selection);
  /* The outer window scrolls down; each table sideways on a narrow screen. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (view));
  return scroller;
}

static void
add_label (McReportPage *self, const char *text, const char *css_class, float xalign)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL, "label", text, "xalign", xalign, "wrap", TRUE,
                                   "justify", xalign == 0.5f ? GTK_JUSTIFY_CENTER : GTK_JUSTIFY_LEFT, NULL);

  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (self->tables, label);
}

static void
show_doc (McReportPage *self)
{
  const McReportDoc *doc = self->doc;

  add_label (self, doc->issuer, "heading", 0);
  add_label (self, doc->title, "title-4", 0.5f);
  if (doc->subtitle != NULL)
    add_label (self, doc->subtitle, "dim-label", 0.5f);
  for (guint i = 0; i < doc->info->len; i++)
    add_label (self, doc->info->pdata[i], NULL, 0);
  for (guint i = 0; i < doc->tables->len; i++)
    {
      const McReportDocTable *t = doc->tables->pdata[i];
      GtkWidget *legend = groups_legend (t);

      if (t->heading != NULL)
        add_label (self, t->heading, "heading", 0);
      if (legend != NULL)
        {
          gtk_widget_add_css_class (legend, "dim-label");
          gtk_box_append (self->tables, legend);
        }
      gtk_box_append (self->tables, table_view (self, i));
    }
  gtk_stack_set_visible_child_name (self->content, "tables");
}

static void
clear_report (McReportPage *self)
{
  GtkWidget *child;

  /* The views read the document: they go first. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tables))) != NULL)
    gtk_box_remove (self->tables, child);
  g_clear_pointer (&self->doc, mc_report_doc_free);
  g_clear_pointer (&self->narrative, mc_report_narrative_free);
  g_clear_pointer (&self->error, g_free);
}

static McReportDoc *
build_doc (McReportPage *self, GError **error)
{
  UnitChoice u = current_unit (self);
  gboolean only = gtk_check_button_get_active (self->only_with_dossiers);
  McDb *db = db_of (self);

  switch (self->kind)
    {
    case MC_REPORT_PAGE_06A:
      return mc_report_doc_new_06a (db, u.unit_id, self->from_date, self->to_date, only, error);
    case MC_REPORT_PAGE_PUBLIC:
      return mc_report_doc_new_public (db, u.unit_id, u.scope, self->from_date, self->to_date, only, error);
    case MC_REPORT_PAGE_CCHC:
      return mc_report_doc_new_cchc (db, u.unit_id, self->from_date, self->to_date, error);
    case MC_REPORT_PAGE_EVALUATION:
    case MC_REPORT_PAGE_NARRATIVE:
    default:
      return mc_report_doc_new_evaluation (db, u.unit_id, self->from_date, self->to_date, error);
    }
}

static McReportNarrative *
build_narrative (McReportPage *self, GError **error)
{
  g_autofree char *period = mc_report_doc_period_label (db_of (self), self->from_date, self->to_date, FALSE);

  return mc_report_narrative_new (db_of (self), current_unit (self).unit_id, self->from_date, self->to_date,
                                  period, error);
}

static void
update_actions (McReportPage *self)
{
  gboolean narrative = self->kind == MC_REPORT_PAGE_NARRATIVE;
  gboolean ready = self->error == NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.export-xlsx", ready && !narrative);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.export-csv", ready && !narrative);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.export-txt", ready && narrative);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.export-pdf", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.print", ready);
  /* Its flow box cell goes with it, leaving no gap. */
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->only_with_dossiers)),
                          self->kind == MC_REPORT_PAGE_06A || self->kind == MC_REPORT_PAGE_PUBLIC);
}

static void
recompute (McReportPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  if (self->loading || self->app == NULL)
    return;
  clear_report (self);
  gtk_widget_set_visible (GTK_WIDGET (self->custom_box), gtk_drop_down_get_selected (self->period) == PERIOD_CUSTOM);
  if (read_period (self, &self->from_date, &self->to_date, &label, &error))
    {
      show_range (self, self->from_date, self->to_date, label);
      if (self->kind == MC_REPORT_PAGE_NARRATIVE)
        self->narrative = build_narrative (self, &error);
      else
        self->doc = build_doc (self, &error);
    }
  else
    gtk_label_set_text (self->range, "");
  if (error != NULL)
    {
      self->error = g_strdup (error->message);
      adw_status_page_set_description (self->error_page, self->error);
      gtk_stack_set_visible_child_name (self->content, "error");
    }
  else if (self->narrative != NULL)
    {
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->narrative_view), self->narrative->body, -1);
      gtk_stack_set_visible_child_name (self->content, "narrative");
    }
  else
    show_doc (self);
  update_actions (self);
}

static void
recompute_cb (McReportPage *self)
{
  recompute (self);
}

static void
period_changed_cb (McReportPage *self)
{
  if (!self->loading && gtk_drop_down_get_selected (self->period) == PERIOD_CUSTOM &&
      *gtk_editable_get_text (GTK_EDITABLE (self->from)) == '\0' && self->from_date != 0)
    {
      g_autofree char *from = mc_format_date (self->from_date);
      g_autofree char *to = mc_format_date (self->to_date);

      /* The other dates start from the period shown. */
      self->loading = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->from), from);
      gtk_editable_set_text (GTK_EDITABLE (self->to), to);
      self->loading = FALSE;
    }
  recompute (self);
}

static void
report_changed_cb (McReportPage *self)
{
  gboolean loading = self->loading;

  self->kind = (McReportPageKind) gtk_drop_down_get_selected (self->report);
  self->loading = TRUE;
  fill_units (self);
  self->loading = loading;
  recompute (self);
}

/* The list behind a figure */

static char *
time_text (McTime t)
{
  g_autofree char *date = NULL;
  int minute;

  if (t == 0)
    return g_strdup ("");
  date = mc_format_date (mc_time_get_date (t));
  minute = mc_time_get_minute (t);
  return g_strdup_printf ("%02d:%02d %s", minute / 60, minute % 60, date);
}

static char *
dossier_code_of (gpointer item)
{
  return g_strdup (((McReportDossierRow *) mc_boxed_item_get (item))->code);
}

static char *
applicant_of (gpointer item)
{
  return g_strdup (((McReportDossierRow *) mc_boxed_item_get (item))->applicant_name);
}

static char *
procedure_of (gpointer item)
{
  return g_strdup (((McReportDossierRow *) mc_boxed_item_get (item))->procedure_name);
}

static char *
received_of (gpointer item)
{
  return time_text (((McReportDossierRow *) mc_boxed_item_get (item))->received_at);
}

static char *
finished_of (gpointer item)
{
  McTime t = ((McReportDossierRow *) mc_boxed_item_get (item))->finished_at;

  return t != 0 ? time_text (t) : g_strdup (_("Being processed"));
}

static char *
procedure_code_of (gpointer item)
{
  return g_strdup (((McReportProcedureRow *) mc_boxed_item_get (item))->code);
}

static char *
procedure_name_of (gpointer item)
{
  return g_strdup (((McReportProcedureRow *) mc_boxed_item_get (item))->name);
}

static char *
field_of (gpointer item)
{
  return g_strdup (((McReportProcedureRow *) mc_boxed_item_get (item))->field_name);
}

static char *
mechanism_of (gpointer item)
{
  const char *m = ((McReportProcedureRow *) mc_boxed_item_get (item))->mechanism;

  return g_strdup (g_strcmp0 (m, "lien_thong") == 0 ? _("One-stop, inter-agency") : _("One-stop"));
}

static void
items_activate_cb (GtkColumnView *view, guint position, GtkWindow *window)
{
  McApplication *app = g_object_get_data (G_OBJECT (window), "app");
  const char *code = mc_report_items_window_get_code (window, position);
  g_autoptr(McDossierStore) store = NULL;
  g_autoptr(McDossier) dossier = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *opened;

  if (code == NULL || g_object_get_data (G_OBJECT (window), "procedures") != NULL)
    return;
  store = mc_dossier_store_new (mc_application_get_db (app), mc_application_get_calendar (app));
  dossier = mc_dossier_store_find (store, code, &error);
  if (dossier == NULL)
    {
      AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (
        adw_message_dialog_new (window, _("The dossier cannot be opened"), error ? error->message : code));

      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  opened = GTK_WINDOW (mc_dossier_window_new (app, store, dossier));
  gtk_window_set_transient_for (opened, window);
  gtk_window_present (opened);
}

static GtkWidget *
items_view (McReportPage *self, GtkWindow *window, GPtrArray *rows, gboolean procedures)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  GListStore *store = g_list_store_new (MC_TYPE_BOXED_ITEM);
  GtkSelectionModel *selection;
  GDestroyNotify free_row = procedures ? (GDestroyNotify) mc_report_procedure_row_free
                                       : (GDestroyNotify) mc_report_dossier_row_free;

  /* The items own the rows from here on. */
  g_ptr_array_set_free_func (rows, NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(McBoxedItem) item = mc_boxed_item_new (rows->pdata[i], free_row);

      g_list_store_append (store, item);
    }
  gtk_column_view_set_show_row_separators (view, TRUE);
  if (procedures)
    {
      mc_text_column_add (view, _("Code"), procedure_code_of, FALSE, 160, NULL, NULL);
      mc_text_column_add (view, _("Procedure"), procedure_name_of, TRUE, -1, NULL, NULL);
      mc_text_column_add (view, _("Field"), field_of, FALSE, 200, NULL, NULL);
      mc_text_column_add (view, _("Mechanism"), mechanism_of, FALSE, 170, NULL, NULL);
    }
  else
    {
      mc_text_column_add (view, _("Code"), dossier_code_of, FALSE, 210, NULL, NULL);
      mc_text_column_add (view, _("Applicant"), applicant_of, FALSE, 190, NULL, NULL);
      mc_text_column_add (view, _("Procedure"), procedure_of, TRUE, -1, NULL, NULL);
      mc_text_column_add (view, _("Received"), received_of, FALSE, 140, NULL, NULL);
      mc_text_column_add (view, _("Finished"), finished_of, FALSE, 140, NULL, NULL);
    }
  selection = GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (g_object_ref (store))));
  gtk_column_view_set_model (view, selection);
  g_object_unref (selection);
  g_object_set_data_full (G_OBJECT (window), "items", store, g_object_unref);
  g_signal_connect_object (view, "activate", G_CALLBACK (items_activate_cb), window, 0);
  return GTK_WIDGET (view);
}

static GtkWindow *
items_window (McReportPage *self, const char *title, const char *subtitle, GPtrArray *rows, gboolean procedures)
{
  GtkWindow *window = GTK_WINDOW (adw_window_new ());
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *note;
  g_autofree char *count = mc_format_count (rows->len);
  g_autofree char *text = NULL;

  if (procedures)
    text = g_strdup_printf (ngettext ("%s procedure", "%s procedures", rows->len), count);
  else
    /* Translators: the number of dossiers behind a report's figure */
    text = g_strdup_printf (ngettext ("%s dossier — double-click one to open it",
                                      "%s dossiers — double-click one to open it", rows->len), count);
  g_object_set_data (G_OBJECT (window), "app", self->app);
  g_object_set_data (G_OBJECT (window), "procedures", GINT_TO_POINTER (procedures));
  gtk_window_set_title (window, title);
  gtk_window_set_default_size (window, 1000, 600);
  gtk_window_set_modal (window, TRUE);
  gtk_window_set_transient_for (window, parent_window (self));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (title, subtitle));
  gtk_box_append (GTK_BOX (box), header);
  note = g_object_new (GTK_TYPE_LABEL, "label", text, "xalign", 0.0f, "margin-start", 12, "margin-end", 12,
                       "margin-top", 6, "margin-bottom", 6, NULL);
  gtk_widget_add_css_class (note, "dim-label");
  gtk_box_append (GTK_BOX (box), note);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), items_view (self, window, rows, procedures));
  gtk_box_append (GTK_BOX (box), scroller);
  adw_window_set_content (ADW_WINDOW (window), box);
  return window;
}

/* "Tổng số — Tài nguyên và Môi trường": the column, and the row's name. */
static void
items_titles (const McReportDoc *doc, guint table, guint row, guint column, char **title, char **subtitle)
{
  const McReportDocTable *t = doc->tables->pdata[table];
  const McReportDocRow *r = t->rows->pdata[row];
  const McReportDocColumn *col = &g_array_index (t->columns, McReportDocColumn, column);
  const char *name = t->columns->len > 2 && column != 1 && r->cells[1] && *r->cells[1] ? r->cells[1] : NULL;

  /* The one figure column of a table (Số liệu, Điểm tự chấm): the row names the figure. */
  if (col->key == 0)
    {
      *title = g_strdup (name ? name : col->title);
      *subtitle = g_strdup ("");
      return;
    }
  *title = col->group != NULL ? g_strdup_printf ("%s: %s", col->group, col->title) : g_strdup (col->title);
  *subtitle = g_strdup (name ? name : "");
}

/* Printing */

typedef struct {
  gpointer         data;
  GDestroyNotify   free_data;
  McPrintCountFunc count;
  McPrintDrawFunc  draw;
  gboolean         landscape;
} PrintJob;

static int
count_06a (gconstpointer data, double width, double height)
{
  return mc_report_06a_doc_count_pages (data, width, height);
}

static void
draw_06a (cairo_t *cr, gconstpointer data, int page, double width, double height)
{
  mc_report_06a_doc_draw_page (cr, data, page, width, height);
}

static int
count_doc (gconstpointer data, double width, double height)
{
  return mc_report_doc_count_pages (data, width, height);
}

static void
draw_doc (cairo_t *cr, gconstpointer data, int page, double width, double height)
{
  mc_report_doc_draw_page (cr, data, page, width, height);
}

static int
count_narrative (gconstpointer data, double width, double height)
{
  return mc_report_narrative_count_pages (data, width, height);
}

static void
draw_narrative (cairo_t *cr, gconstpointer data, int page, double width, double height)
{
  mc_report_narrative_draw_page (cr, data, page, width, height);
}

static void
print_job_free (gpointer pointer)
{
  PrintJob *job = pointer;

  job->free_data (job->data);
  g_free (job);
}

static void
begin_print_cb (GtkPrintOperation *op, GtkPrintContext *context, PrintJob *job)
{
  gtk_print_operation_set_n_pages (op, MAX (1, job->count (job->data, gtk_print_context_get_width (context),
                                                           gtk_print_context_get_height (context))));
}

static void
draw_page_cb (GtkPrintOperation *op, GtkPrintContext *context, int page, PrintJob *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  cairo_save (cr);
  job->draw (cr, job->data, page, gtk_print_context_get_width (context), gtk_print_context_get_height (context));
  cairo_restore (cr);
}

static void
sync_narrative (McReportPage *self)
{
  g_free (self->narrative->body);
  self->narrative->body = mc_report_page_get_narrative_text (self);
}

/* What is printed is the report's own copy, made now: the page may change
 * while the print dialog is open. */
static PrintJob *
print_job (McReportPage *self, GError **error)
{
  g_autofree PrintJob *job = g_new0 (PrintJob, 1);

  if (self->kind == MC_REPORT_PAGE_NARRATIVE)
    {
      McReportNarrative *copy = build_narrative (self, error);

      if (copy == NULL)
        return NULL;
      g_free (copy->body);
      copy->body = mc_report_page_get_narrative_text (self);
      *job = (PrintJob) { copy, (GDestroyNotify) mc_report_narrative_free, count_narrative, draw_narrative, FALSE };
    }
  else if (self->kind == MC_REPORT_PAGE_06A)
    {
      McReport06aDoc *doc = mc_report_06a_doc_new (db_of (self), current_unit (self).unit_id, self->from_date,
                                                   self->to_date,
                                                   gtk_check_button_get_active (self->only_with_dossiers), error);
      if (doc == NULL)
        return NULL;
      *job = (PrintJob) { doc, (GDestroyNotify) mc_report_06a_doc_free, count_06a, draw_06a, TRUE };
    }
  else
    {
      McReportDoc *doc = build_doc (self, error);

      if (doc == NULL)
        return NULL;
      *job = (PrintJob) { doc, (GDestroyNotify) mc_report_doc_free, count_doc, draw_doc, doc->landscape };
    }
  return g_steal_pointer (&job);
}

static void
print_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  mc_report_page_print (MC_REPORT_PAGE (widget));
}

/* Export */

static const char *
file_stem (McReportPageKind kind)
{
  static const char *const stems[] = { "bieu-06a", "phu-luc-cong-khai", "thong-ke-cchc", "bang-danh-gia", "bao-cao" };

  return stems[kind];
}

static void
export_response_cb (GtkNativeDialog *chooser, int response, McReportPage *self)
{
  const char *format = g_object_get_data (G_OBJECT (chooser), "format");
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL &&
      (path = g_file_get_path (file)) != NULL)
    {
      if (mc_report_page_export (self, format, path, &error))
        {
          g_autofree char *message = g_strdup_printf (_("Saved %s"), path);
          toast (self, message);
        }
      else
        show_message (self, _("The report could not be saved"), error->message);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  McReportPage *self = MC_REPORT_PAGE (widget);
  const char *format = action_name + strlen ("report.export-");
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *from = mc_date_to_iso (self->from_date);
  g_autofree char *to = mc_date_to_iso (self->to_date);
  g_autofree char *name = g_strdup_printf ("%s_%s_%s.%s", file_stem (self->kind), from, to, format);
  g_autofree char *pattern = g_strdup_printf ("*.%s", format);

  chooser = gtk_file_chooser_native_new (_("Export Report"), parent_window (self), GTK_FILE_CHOOSER_ACTION_SAVE,
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

/* GObject */

static void
mc_report_page_dispose (GObject *object)
{
  McReportPage *self = MC_REPORT_PAGE (object);

  if (self->items_window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->items_window), (gpointer *) &self->items_window);
  self->items_window = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_REPORT_PAGE);
  G_OBJECT_CLASS (mc_report_page_parent_class)->dispose (object);
}

static void
mc_report_page_finalize (GObject *object)
{
  McReportPage *self = MC_REPORT_PAGE (object);

  g_clear_pointer (&self->doc, mc_report_doc_free);
  g_clear_pointer (&self->narrative, mc_report_narrative_free);
  g_free (self->error);
  g_array_unref (self->unit_choices);
  G_OBJECT_CLASS (mc_report_page_parent_class)->finalize (object);
}

static void
mc_report_page_class_init (McReportPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = mc_report_page_dispose;
  G_OBJECT_CLASS (klass)->finalize = mc_report_page_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, "/vn/motcua/Motcua/ui/mc-report-page.ui");
  gtk_widget_class_bind_template_child (widget_class, McReportPage, report);
  gtk_widget_class_bind_template_child (widget_class, McReportPage, unit);
  gtk_widget_class_bind_template_child (widget_class, McReportPage, period);
  gtk_widget_class_bind_template_child (widget_class, McReportPage, year);
  gtk_widget_class_bind_template_child (widget_class, McReportPage, custom_box);
  gtk_widget_class_bind_template_child (widget_class, McReportPage, from);
  gtk_widget_class_bind_template_child (widget_class, McReportPage, to);
  gtk_widget_class_bind_template_child (widget_class, McReportPage, only_with_dossiers);
  gtk_widget_class_bind_template_child (widget_class, McReportPage, range);
  gtk_widget_class_bind_template_child (widget_class, McReportPage, content);
  gtk_widget_class_bind_template_child (widget_class, McReportPage, tables);
  gtk_widget_class_bind_template_child (widget_class, McReportPage, narrative_view);
  gtk_widget_class_bind_template_child (widget_class, McReportPage, error_page);
  gtk_widget_class_bind_template_callback (widget_class, report_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, recompute_cb);
  gtk_widget_class_bind_template_callback (widget_class, period_changed_cb);
  gtk_widget_class_install_action (widget_class, "report.export-xlsx", NULL, export_cb);
  gtk_widget_class_install_action (widget_class, "report.export-pdf", NULL, export_cb);
  gtk_widget_class_install_action (widget_class, "report.export-csv", NULL, export_cb);
  gtk_widget_class_install_action (widget_class, "report.export-txt", NULL, export_cb);
  gtk_widget_class_install_action (widget_class, "report.print", NULL, print_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "report.print", NULL);
}

static void
mc_report_page_init (McReportPage *self)
{
  self->loading = TRUE;
  self->unit_choices = g_array_new (FALSE, FALSE, sizeof (UnitChoice));
  gtk_widget_init_template (GTK_WIDGET (self));
  self->loading = FALSE;
}

McReportPage *
mc_report_page_new (McApplication *app)
{
  McReportPage *self = g_object_new (MC_TYPE_REPORT_PAGE, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  self->app = app;
  self->loading = TRUE;
  /* The quarter now being reported on, by the cut-off rule. */
  gtk_spin_button_set_value (self->year, g_date_time_get_year (now));
  gtk_drop_down_set_selected (self->period, (g_date_time_get_month (now) - 1) / 3);
  self->kind = MC_REPORT_PAGE_06A;
  fill_units (self);
  self->loading = FALSE;
  recompute (self);
  return self;
}

/* Public API */

void
mc_report_page_set_report (McReportPage *self, McReportPageKind kind)
{
  g_return_if_fail (MC_IS_REPORT_PAGE (self));
  g_return_if_fail (kind <= MC_REPORT_PAGE_NARRATIVE);

  if (gtk_drop_down_get_selected (self->report) == kind)
    report_changed_cb (self);
  else
    gtk_drop_down_set_selected (self->report, kind);
}

gboolean
mc_report_page_set_unit (McReportPage *self, gint64 unit_id, McReportScope scope)
{
  g_return_val_if_fail (MC_IS_REPORT_PAGE (self), FALSE);

  for (guint i = 0; i < self->unit_choices->len; i++)
    {
      UnitChoice *c = &g_array_index (self->unit_choices, UnitChoice, i);

      if (c->unit_id == unit_id && c->scope == scope)
        {
          if (gtk_drop_down_get_selected (self->unit) == i)
            recompute (self);
          else
            gtk_drop_down_set_selected (self->unit, i);
          return TRUE;
        }
    }
  return FALSE;
}

void
mc_report_page_set_statutory_period (McReportPage *self, McPeriodKind kind, int year, int index)
{
  guint choice = kind == MC_PERIOD_QUARTER ? (guint) CLAMP (index, 1, 4) - 1
                 : kind == MC_PERIOD_HALF ? PERIOD_HALF : kind == MC_PERIOD_NINE_MONTHS ? PERIOD_NINE : PERIOD_YEAR;

  g_return_if_fail (MC_IS_REPORT_PAGE (self));

  self->loading = TRUE;
  gtk_spin_button_set_value (self->year, year);
  gtk_drop_down_set_selected (self->period, choice);
  self->loading = FALSE;
  recompute (self);
}

void
mc_report_page_set_custom_period (McReportPage *self, McDate from, McDate to)
{
  g_autofree char *first = mc_format_date (from);
  g_autofree char *last = mc_format_date (to);

  g_return_if_fail (MC_IS_REPORT_PAGE (self));

  self->loading = TRUE;
  gtk_drop_down_set_selected (self->period, PERIOD_CUSTOM);
  gtk_editable_set_text (GTK_EDITABLE (self->from), first);
  gtk_editable_set_text (GTK_EDITABLE (self->to), last);
  self->loading = FALSE;
  recompute (self);
}

void
mc_report_page_get_period (McReportPage *self, McDate *from, McDate *to)
{
  g_return_if_fail (MC_IS_REPORT_PAGE (self));

  *from = self->from_date;
  *to = self->to_date;
}

void
mc_report_page_set_only_with_dossiers (McReportPage *self, gboolean only)
{
  g_return_if_fail (MC_IS_REPORT_PAGE (self));

  if (gtk_check_button_get_active (self->only_with_dossiers) == only)
    recompute (self);
  else
    gtk_check_button_set_active (self->only_with_dossiers, only);
}

const McReportDoc *
mc_report_page_get_doc (McReportPage *self)
{
  g_return_val_if_fail (MC_IS_REPORT_PAGE (self), NULL);

  return self->doc;
}

const char *
mc_report_page_get_error (McReportPage *self)
{
  g_return_val_if_fail (MC_IS_REPORT_PAGE (self), NULL);

  return self->error;
}

const char *
mc_report_page_get_cell_text (McReportPage *self, guint table, guint row, guint column)
{
  const McReportDocTable *t;
  const McReportDocRow *r;

  g_return_val_if_fail (MC_IS_REPORT_PAGE (self), NULL);

  if (self->doc == NULL || table >= self->doc->tables->len)
    return NULL;
  t = self->doc->tables->pdata[table];
  if (row >= t->rows->len || column >= t->columns->len)
    return NULL;
  r = t->rows->pdata[row];
  return r->cells[column] ? r->cells[column] : "";
}

static GtkWidget *
find_key (GtkWidget *widget, gpointer key)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (c) && g_object_get_data (G_OBJECT (c), CELL_KEY) == key)
        return c;
      if ((found = find_key (c, key)) != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
mc_report_page_find_cell (McReportPage *self, guint table, guint row, guint column)
{
  g_return_val_if_fail (MC_IS_REPORT_PAGE (self), NULL);

  return find_key (GTK_WIDGET (self->tables), GUINT_TO_POINTER ((table << 20 | row << 10 | column) + 1));
}

GtkWindow *
mc_report_page_open_items (McReportPage *self, guint table, guint row, guint column)
{
  g_autoptr(GPtrArray) codes = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL, *subtitle = NULL;
  gboolean procedures = FALSE;
  GtkWindow *window;

  g_return_val_if_fail (MC_IS_REPORT_PAGE (self), NULL);

  if (self->doc == NULL || !mc_report_doc_cell_has_items (self->doc, table, row, column))
    return NULL;
  codes = mc_report_doc_items (db_of (self), self->doc, table, row, column, &procedures, &error);
  if (codes != NULL)
    rows = procedures ? mc_report_procedure_rows (db_of (self), codes, &error)
                      : mc_report_dossier_rows (db_of (self), codes, &error);
  if (rows == NULL)
    {
      show_message (self, _("The list cannot be shown"), error->message);
      return NULL;
    }
  items_titles (self->doc, table, row, column, &title, &subtitle);
  window = items_window (self, title, subtitle, rows, procedures);
  if (self->items_window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->items_window), (gpointer *) &self->items_window);
  self->items_window = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &self->items_window);
  gtk_window_present (window);
  return window;
}

GtkWindow *
mc_report_page_get_items_window (McReportPage *self)
{
  g_return_val_if_fail (MC_IS_REPORT_PAGE (self), NULL);

  return self->items_window;
}

guint
mc_report_items_window_get_n_items (GtkWindow *window)
{
  GListModel *items = g_object_get_data (G_OBJECT (window), "items");

  return items != NULL ? g_list_model_get_n_items (items) : 0;
}

const char *
mc_report_items_window_get_code (GtkWindow *window, guint position)
{
  GListModel *items = g_object_get_data (G_OBJECT (window), "items");
  g_autoptr(McBoxedItem) item = items != NULL ? g_list_model_get_item (items, position) : NULL;

  if (item == NULL)
    return NULL;
  /* Both row kinds start with the code; the store keeps the row alive. */
  if (g_object_get_data (G_OBJECT (window), "procedures") != NULL)
    return ((McReportProcedureRow *) mc_boxed_item_get (item))->code;
  return ((McReportDossierRow *) mc_boxed_item_get (item))->code;
}

char *
mc_report_page_get_narrative_text (McReportPage *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (MC_IS_REPORT_PAGE (self), NULL);

  buffer = gtk_text_view_get_buffer (self->narrative_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
mc_report_page_set_narrative_text (McReportPage *self, const char *text)
{
  g_return_if_fail (MC_IS_REPORT_PAGE (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->narrative_view), text, -1);
}

static gboolean
not_ready (McReportPage *self, GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       self->error ? self->error : _("There is no report to export"));
  return FALSE;
}

static gboolean
export_table (McReportPage *self, const char *format, const char *path, GError **error)
{
  if (self->kind == MC_REPORT_PAGE_06A)
    {
      /* Biểu 06a has its own writer: the form's exact layout. */
      g_autoptr(McReport06aDoc) doc = mc_report_06a_doc_new (db_of (self), self->doc->unit_id, self->from_date,
                                                             self->to_date,
                                                             gtk_check_button_get_active (self->only_with_dossiers),
                                                             error);
      if (doc == NULL)
        return FALSE;
      if (g_str_equal (format, "xlsx"))
        return mc_report_06a_doc_write_xlsx (doc, path, error);
      return g_str_equal (format, "pdf") ? mc_report_06a_doc_write_pdf (doc, path, error)
                                         : mc_report_06a_doc_write_csv (doc, path, error);
    }
  if (g_str_equal (format, "xlsx"))
    return mc_report_doc_write_xlsx (self->doc, path, error);
  return g_str_equal (format, "pdf") ? mc_report_doc_write_pdf (self->doc, path, error)
                                     : mc_report_doc_write_csv (self->doc, path, error);
}

gboolean
mc_report_page_export (McReportPage *self, const char *format, const char *path, GError **error)
{
  gboolean narrative;

  g_return_val_if_fail (MC_IS_REPORT_PAGE (self), FALSE);
  g_return_val_if_fail (format != NULL && path != NULL, FALSE);

  narrative = self->kind == MC_REPORT_PAGE_NARRATIVE;
  if (!(g_str_equal (format, "pdf") || (narrative && g_str_equal (format, "txt")) ||
        (!narrative && (g_str_equal (format, "xlsx") || g_str_equal (format, "csv")))))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("This report cannot be saved as %s"), format);
      return FALSE;
    }
  if (narrative)
    {
      if (self->narrative == NULL)
        return not_ready (self, error);
      sync_narrative (self);
      return g_str_equal (format, "pdf") ? mc_report_narrative_write_pdf (self->narrative, path, error)
                                         : mc_report_narrative_write_text (self->narrative, path, error);
    }
  if (self->doc == NULL)
    return not_ready (self, error);
  return export_table (self, format, path, error);
}

void
mc_report_page_print (McReportPage *self)
{
  g_autoptr(GtkPrintOperation) op = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GtkPaperSize) a4 = NULL;
  g_autoptr(GError) error = NULL;
  PrintJob *job;

  g_return_if_fail (MC_IS_REPORT_PAGE (self));

  if ((job = print_job (self, &error)) == NULL)
    {
      show_message (self, _("The report cannot be printed"), error->message);
      return;
    }
  op = gtk_print_operation_new ();
  setup = gtk_page_setup_new ();
  a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_orientation (setup, job->landscape ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                        : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (op, setup);
  gtk_print_operation_set_use_full_page (op, TRUE);
  gtk_print_operation_set_unit (op, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (op, file_stem (self->kind));
  g_object_set_data_full (G_OBJECT (op), "job", job, print_job_free);
  g_signal_connect (op, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (op, "draw-page", G_CALLBACK (draw_page_cb), job);
  if (gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent_window (self), &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    show_message (self, _("The report cannot be printed"), error->message);
}
