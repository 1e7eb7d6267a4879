/* mc-report-page.c — Báo cáo: the statutory reports on screen, every figure
 * opening its list, exported and printed
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page shows the McReportDocument core built, and hands that same
 * object to the exports and to print, so what is on screen is what is
 * signed. A figure is a button: it asks the document for the codes behind
 * it (mc_report_document_figure_items, the same predicate as the figure)
 * and lists them. The narrative (McReportNarrative) is generated from its
 * template and edited in a text view: the edit is kept for its unit and
 * period (core, audited) when saved, exported or printed, or when another
 * report or period is chosen, and "Khôi phục bản tính toán" brings the
 * draft back.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "mc-cchc-entry-dialog.h"
#include "mc-date-entry.h"
#include "mc-export-task.h"
#include "mc-figure-list-dialog.h"
#include "mc-font-check.h"
#include "mc-format.h"
#include "mc-lateness.h"
#include "mc-report-compute.h"
#include "mc-report-lists.h"
#include "mc-report-output.h"
#include "mc-report-page.h"
#include "mc-report-tables.h"

typedef struct {
  gint64        unit_id;    /* 0: the center's own */
  McReportScope scope;
} UnitChoice;

struct _McReportPage
{
  AdwBin             parent_instance;

  McApplication     *app;
  GtkDropDown       *report;
  GtkDropDown       *unit;
  GtkDropDown       *period;
  GtkSpinButton     *year;
  GtkBox            *custom_box;
  McDateEntry       *from;
  McDateEntry       *to;
  GtkCheckButton    *only_with_dossiers;
  GtkButton         *enter_figures;
  GtkLabel          *range;
  GtkLabel          *rules;          /* the time rules the figures followed */
  GtkInfoBar        *font_bar;       /* Times New Roman is a substitute here */
  GtkLabel          *font_label;
  GtkStack          *content;
  GtkSpinner        *spinner;        /* the "computing" page's */
  GtkBox            *tables;
  GtkTextView       *narrative_view;
  GtkLabel          *narrative_state;  /* draft, or edited by whom and when */
  AdwStatusPage     *error_page;

  GArray            *unit_choices;   /* UnitChoice, the unit drop-down's items */
  gboolean           loading;
  McReportPageKind   kind;
  McDate             from_date, to_date;
  guint              dates_timeout;  /* a date being typed: recompute once it rests */
  McReportCompute   *compute;        /* the figures' thread and its connection */
  GCancellable      *computing;      /* the computation awaited, NULL when none */
  McReportDocument  *doc;            /* the tables shown, exported and printed */
  McReportNarrative *narrative;      /* as kept; the view may have more */
  gboolean           narrative_dirty;  /* typed since shown or saved */
  char              *error;
  GtkWindow         *items_window;   /* weak, a McFigureListDialog */
};

G_DEFINE_FINAL_TYPE (McReportPage, mc_report_page, ADW_TYPE_BIN)

enum { PROP_0, PROP_DOCUMENT, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* The period drop-down: quarters I–IV, 6 months, 9 months, year, other dates. */
enum { PERIOD_Q1, PERIOD_Q4 = 3, PERIOD_HALF, PERIOD_NINE, PERIOD_YEAR, PERIOD_CUSTOM };

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
  mc_report_show_message (parent_window (self), heading, body);
}

/* A day of the period; an empty or unreadable entry is marked where it is. */
static gboolean
read_day (McDateEntry *entry, McDate *date)
{
  switch (mc_date_entry_read_date (entry, date))
    {
    case MC_DATE_ENTRY_VALID:
      return TRUE;
    case MC_DATE_ENTRY_EMPTY:
      mc_date_entry_set_message (entry, _("Write the date as dd/mm/yyyy (or d/m/yy)"));
      return FALSE;
    case MC_DATE_ENTRY_INVALID:
    default:
      return FALSE;
    }
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
      gboolean first_ok = read_day (self->from, from);

      if (!read_day (self->to, to) || !first_ok)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("Write the first and last days of the period as dd/mm/yyyy"));
          return FALSE;
        }
      if (*from > *to)
        {
          mc_date_entry_set_message (self->to, _("The first day of the period comes after its last day"));
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
  McTime now = mc_time_now ();

  if (label != NULL)
    {
      /* "Quý I năm 2024" at the start of the line. */
      g_autofree char *initial = g_utf8_strup (label, g_utf8_next_char (label) - label);
      g_autofree char *capital = g_strconcat (initial, g_utf8_next_char (label), NULL);

      /* A period not over yet is counted up to now (mc_report_06a_compute):
       * its open and overdue dossiers are those of this moment. */
      if (mc_time_get_date (now) <= to)
        {
          g_autofree char *up_to = mc_format_time (now);
          /* Translators: "Quý IV năm 2026: from 15/09/2026 to 14/12/2026 (figures up to 13:10 on 07/12/2026; …)" */
          text = g_strdup_printf (_("%s: from %s to %s (figures up to %s; the period is not over)"), capital, first,
                                  last, up_to);
        }
      else
        /* Translators: "Quý I năm 2024: from 15/12/2023 to 14/03/2024 (figures up to 14/03/2024)" */
        text = g_strdup_printf (_("%s: from %s to %s (figures up to %s)"), capital, first, last, last);
    }
  else
    text = g_strdup_printf (_("From %s to %s"), first, last);
  gtk_label_set_text (self->range, text);
  /* The forms say "quá hạn" of two figures: which is which. */
  g_free (text);
  text = g_strdup_printf ("%s\n%s", _("Settled late: the result came after the appointment of the "
                                       "receipt; an apology does not change that"),
                          mc_lateness_overdue_meaning ());
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->range), text);
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
cell_clicked (gpointer user_data, guint table, guint row, guint column)
{
  mc_report_page_open_items (MC_REPORT_PAGE (user_data), table, row, column);
}

static void
show_doc (McReportPage *self)
{
  mc_report_tables_show (self->tables, self->doc, cell_clicked, self);
  gtk_stack_set_visible_child_name (self->content, "tables");
}

static void
clear_report (McReportPage *self)
{
  GtkWidget *child;

  /* The views read the document: they go first. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tables))) != NULL)
    gtk_box_remove (self->tables, child);
  g_clear_object (&self->doc);
  g_clear_object (&self->narrative);
  g_clear_pointer (&self->error, g_free);
}

/* The choices on screen, for the worker (mc-report-compute.c). */
static McReportRequest
request_of (McReportPage *self)
{
  UnitChoice u = current_unit (self);
  McReportRequest r = {
    .kind = self->kind,
    .unit_id = u.unit_id,
    .scope = u.scope,
    .from = self->from_date,
    .to = self->to_date,
    .only_with_dossiers = gtk_check_button_get_active (self->only_with_dossiers),
    .actor = mc_db_get_actor (db_of (self)),
  };

  return r;
}

static void
update_actions (McReportPage *self)
{
  gboolean narrative = self->kind == MC_REPORT_PAGE_NARRATIVE;
  /* Nothing to export, print or enter while the figures are computed. */
  gboolean ready = self->error == NULL && self->computing == NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.export-xlsx", ready && !narrative);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.export-csv", ready && !narrative);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.export-txt", ready && narrative);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.export-docx", ready && narrative);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.save-narrative",
                                 self->narrative != NULL && self->narrative_dirty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.restore-narrative",
                                 self->narrative != NULL &&
                                 (self->narrative_dirty || mc_report_narrative_get_edited (self->narrative)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.export-pdf", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.print", ready);
  /* Its flow box cell goes with it, leaving no gap. */
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->only_with_dossiers)),
                          self->kind == MC_REPORT_PAGE_06A || self->kind == MC_REPORT_PAGE_PUBLIC);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->enter_figures)), self->kind == MC_REPORT_PAGE_CCHC);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.enter-figures", ready && self->kind == MC_REPORT_PAGE_CCHC);
}

/* The line the PDF prints at its foot: which time rules the figures
 * followed (settings, mc-report-rules.c). */
static void
show_rules (McReportPage *self)
{
  const char *note = self->doc ? mc_report_document_get_text (self->doc, MC_REPORT_TEXT_RULES_NOTE)
                     : self->narrative ? mc_report_narrative_get_text (self->narrative, MC_NARRATIVE_TEXT_RULES_NOTE)
                     : NULL;

  gtk_label_set_text (self->rules, note ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->rules), note != NULL);
}

/* Decree 30/2020 names Times New Roman: said once the page is built, for
 * as long as the font fontconfig gives for it is another (mc-font-check.h). */
static void
show_font_warning (McReportPage *self)
{
  const char *warning = mc_font_check_warning ();

  gtk_label_set_text (self->font_label, warning ? warning : "");
  gtk_widget_set_visible (GTK_WIDGET (self->font_bar), warning != NULL);
}

/* "Bản tính toán từ số liệu" or who kept the edit and when. */
static void
show_narrative_state (McReportPage *self)
{
  g_autofree char *when = NULL, *text = NULL;
  McReportNarrative *n = self->narrative;

  if (n == NULL || !mc_report_narrative_get_edited (n))
    {
      gtk_label_set_text (self->narrative_state,
                          _("The draft computed from the figures. Edit it before signing: the edit is kept for this "
                            "unit and period, and used by the PDF, the Word document and print."));
      return;
    }
  when = mc_format_time (mc_report_narrative_get_edited_at (n));
  /* Translators: the first %s is a person's name, the second a time ("10:00 ngày 03/05/2024") */
  text = g_strdup_printf (_("Edited by %s at %s; the PDF, the Word document and print use this text."),
                          mc_report_narrative_get_edited_by (n) ? mc_report_narrative_get_edited_by (n) : "—", when);
  gtk_label_set_text (self->narrative_state, text);
}

static void
show_narrative_text (McReportPage *self)
{
  gboolean loading = self->loading;

  /* Not a change typed: narrative_changed_cb lets it pass. */
  self->loading = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->narrative_view),
                            mc_report_narrative_get_body (self->narrative), -1);
  self->loading = loading;
  self->narrative_dirty = FALSE;
  show_narrative_state (self);
}

static void
narrative_changed_cb (McReportPage *self)
{
  if (self->loading || self->narrative == NULL)
    return;
  self->narrative_dirty = TRUE;
  update_actions (self);
}

static char *
narrative_text (McReportPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->narrative_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The text in the view kept in the database (core: audited, refused
 * without the right to reports). */
static gboolean
save_typed_narrative (McReportPage *self, GError **error)
{
  g_autofree char *text = NULL;

  if (self->narrative == NULL || !self->narrative_dirty)
    return TRUE;
  text = narrative_text (self);
  if (!mc_report_narrative_save (self->narrative, db_of (self), text, error))
    return FALSE;
  self->narrative_dirty = FALSE;
  show_narrative_state (self);
  update_actions (self);
  return TRUE;
}

static void
keep_typed_narrative (McReportPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!save_typed_narrative (self, &error))
    show_message (self, _("The edited report could not be kept"), error->message);
}

/* The figures computed, or why not: shown in place of "computing". */
static void
show_result (McReportPage *self, McReportDocument *doc, McReportNarrative *narrative, const GError *error)
{
  gtk_spinner_stop (self->spinner);
  self->doc = doc;
  self->narrative = narrative;
  if (error != NULL)
    {
      self->error = g_strdup (error->message);
      adw_status_page_set_description (self->error_page, self->error);
      gtk_stack_set_visible_child_name (self->content, "error");
    }
  else if (self->narrative != NULL)
    {
      show_narrative_text (self);
      gtk_stack_set_visible_child_name (self->content, "narrative");
    }
  else
    show_doc (self);
  show_rules (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

static void
computed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(McReportPage) self = user_data;
  g_autoptr(GError) error = NULL;
  McReportDocument *doc = NULL;
  McReportNarrative *narrative = NULL;

  /* A result asked for before another choice (or before the page was
   * closed) is not shown: never a moment of another period's figures. */
  if (g_task_get_cancellable (G_TASK (result)) != self->computing)
    return;
  g_clear_object (&self->computing);
  mc_report_compute_finish (result, &doc, &narrative, &error);
  show_result (self, doc, narrative, error);
}

/* The computation awaited, if any, is no longer wanted. */
static void
stop_computing (McReportPage *self)
{
  if (self->computing == NULL)
    return;
  g_cancellable_cancel (self->computing);
  g_clear_object (&self->computing);
  gtk_spinner_stop (self->spinner);
}

/* The page is shown at once with "computing" where the tables go; the
 * figures come from the worker's thread (issue 15: 06a of a quarter took
 * 442 ms of the main thread at 5,000,000 dossiers before the first frame). */
static void
start_computing (McReportPage *self)
{
  McReportRequest request = request_of (self);

  self->computing = g_cancellable_new ();
  gtk_stack_set_visible_child_name (self->content, "computing");
  gtk_spinner_start (self->spinner);
  show_rules (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  mc_report_compute_run (self->compute, &request, self->computing, computed_cb, g_object_ref (self));
}

static void
recompute (McReportPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  if (self->loading || self->app == NULL)
    return;
  /* A text typed for the period shown is kept before another is read. */
  keep_typed_narrative (self);
  stop_computing (self);
  clear_report (self);
  gtk_widget_set_visible (GTK_WIDGET (self->custom_box), gtk_drop_down_get_selected (self->period) == PERIOD_CUSTOM);
  if (!read_period (self, &self->from_date, &self->to_date, &label, &error))
    {
      gtk_label_set_text (self->range, "");
      show_result (self, NULL, NULL, error);
      return;
    }
  show_range (self, self->from_date, self->to_date, label);
  start_computing (self);
}

static void
recompute_cb (McReportPage *self)
{
  recompute (self);
}

/* A report over a year reads every dossier of it (seconds on a large
 * center), and "changed" comes with every key of "01/01/2026": the dates
 * are read once the typing rests, or at once on Enter, print or export. */
#define DATES_REST_MS 600

static gboolean
dates_rested_cb (gpointer user_data)
{
  McReportPage *self = user_data;

  self->dates_timeout = 0;
  recompute (self);
  return G_SOURCE_REMOVE;
}

static void
dates_typed_cb (McReportPage *self)
{
  if (self->loading)
    return;
  g_clear_handle_id (&self->dates_timeout, g_source_remove);
  self->dates_timeout = g_timeout_add (DATES_REST_MS, dates_rested_cb, self);
}

static void
flush_dates (McReportPage *self)
{
  if (self->dates_timeout == 0)
    return;
  g_clear_handle_id (&self->dates_timeout, g_source_remove);
  recompute (self);
}

/* The figures of the choices on screen, waited for: what the page's
 * readers (export, print, the tests) get is never a period left behind. */
static void
settle (McReportPage *self)
{
  flush_dates (self);
  while (self->computing != NULL)
    g_main_context_iteration (NULL, TRUE);
}

static void
dates_entered_cb (McReportPage *self)
{
  flush_dates (self);
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

/* The CCHC statistics' entered figures: a dialog for the unit and period
 * shown; the appendix is computed again once they are saved. */
static void
enter_figures_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  McReportPage *self = MC_REPORT_PAGE (widget);
  g_autoptr(GError) error = NULL;
  McCchcEntryDialog *dialog;

  dialog = mc_cchc_entry_dialog_new (parent_window (self), db_of (self), current_unit (self).unit_id,
                                     self->from_date, self->to_date, &error);
  if (dialog == NULL)
    {
      show_message (self, _("The figures cannot be entered"), error->message);
      return;
    }
  g_signal_connect_object (dialog, "saved", G_CALLBACK (recompute_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

McCchcEntryDialog *
mc_report_page_enter_figures (McReportPage *self)
{
  GListModel *toplevels;

  g_return_val_if_fail (MC_IS_REPORT_PAGE (self), NULL);

  settle (self);

  gtk_widget_activate_action (GTK_WIDGET (self), "report.enter-figures", NULL);
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (MC_IS_CCHC_ENTRY_DIALOG (window))
        return MC_CCHC_ENTRY_DIALOG (window);
    }
  return NULL;
}

/* Printing and export */

static gboolean
not_ready (McReportPage *self, GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       self->error ? self->error : _("There is no report to export"));
  return FALSE;
}

/* The narrative as on screen, for a print or an export that outlives the
 * page's object: the text typed is kept first (what is signed is on
 * record), then copied. */
static McReportNarrative *
narrative_as_shown (McReportPage *self, GError **error)
{
  if (!save_typed_narrative (self, error))
    return NULL;
  return mc_report_narrative_copy (self->narrative);
}

/* What is printed is the document on screen (the page builds a new one
 * when it recomputes, so it does not change under the print dialog); the
 * narrative is copied with its edited text. */
static McReportPrintJob *
print_job (McReportPage *self, GError **error)
{
  settle (self);
  if (self->kind == MC_REPORT_PAGE_NARRATIVE)
    {
      if (self->narrative == NULL)
        {
          not_ready (self, error);
          return NULL;
        }
      McReportNarrative *copy = narrative_as_shown (self, error);

      return copy ? mc_report_print_job_new_narrative (copy, error) : NULL;
    }
  if (self->doc == NULL)
    {
      not_ready (self, error);
      return NULL;
    }
  return mc_report_print_job_new_doc (self->doc, error);
}

static void
print_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  mc_report_page_print (MC_REPORT_PAGE (widget));
}

static void
export_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  McReportPage *self = MC_REPORT_PAGE (widget);
  const char *format = action_name + strlen ("report.export-");
  g_autofree char *from = mc_date_to_iso (self->from_date);
  g_autofree char *to = mc_date_to_iso (self->to_date);
  g_autofree char *name = g_strdup_printf ("%s_%s_%s.%s", mc_report_file_stem (self->kind), from, to, format);

  mc_report_choose_export (self, format, name);
}

static void
save_narrative_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  McReportPage *self = MC_REPORT_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!mc_report_page_save_narrative (self, &error))
    show_message (self, _("The edited report could not be kept"), error->message);
  else
    gtk_widget_activate_action (widget, "win.toast", "s", _("The edited report is kept for this period"));
}

static void
restore_narrative_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  McReportPage *self = MC_REPORT_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!mc_report_page_restore_narrative (self, &error))
    show_message (self, _("The computed draft could not be restored"), error->message);
}

/* GObject */

static void
mc_report_page_dispose (GObject *object)
{
  McReportPage *self = MC_REPORT_PAGE (object);

  g_clear_handle_id (&self->dates_timeout, g_source_remove);
  stop_computing (self);
  g_clear_pointer (&self->compute, mc_report_compute_unref);
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

  g_clear_object (&self->doc);
  g_clear_object (&self->narrative);
  g_free (self->error);
  g_array_unref (self->unit_choices);
  G_OBJECT_CLASS (mc_report_page_parent_class)->finalize (object);
}

static void
mc_report_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  McReportPage *self = MC_REPORT_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->doc);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_report_page_class_init (McReportPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = mc_report_page_dispose;
  G_OBJECT_CLASS (klass)->finalize = mc_report_page_finalize;
  G_OBJECT_CLASS (klass)->get_property = mc_report_page_get_property;
  /* The document shown (NULL for the narrative or an error, and while the
   * figures are computed), notified when it goes and when it comes. */
  properties[PROP_DOCUMENT] = g_param_spec_object ("document", NULL, NULL, MC_TYPE_REPORT_DOCUMENT,
                                                   G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);
  g_type_ensure (MC_TYPE_DATE_ENTRY);
  gtk_widget_class_set_template_from_resource (widget_class, "/vn/motcua/Motcua/ui/mc-report-page.ui");
  gtk_widget_class_bind_template_child (widget_class, McReportPage, report);
  gtk_widget_class_bind_template_child (widget_class, McReportPage, unit);
  gtk_widget_class_bind_template_child (widget_class, McReportPage, period);
  gtk_widget_class_bind_template_child (widget_class, McReportPage, year);
  gtk_widget_class_bind_template_child (widget_class, McReportPage, custom_box);
  gtk_widget_class_bind_template_child (widget_class, McReportPage, from);
  gtk_widget_class_bind_template_child (widget_class, McReportPage, to);
  gtk_widget_class_bind_template_child (widget_class, McReportPage, only_with_dossiers);
  gtk_widget_class_bind_template_child (widget_class, McReportPage, enter_figures);
  gtk_widget_class_bind_template_child (widget_class, McReportPage, range);
  gtk_widget_class_bind_template_child (widget_class, McReportPage, rules);
  gtk_widget_class_bind_template_child (widget_class, McReportPage, font_bar);
  gtk_widget_class_bind_template_child (widget_class, McReportPage, font_label);
  gtk_widget_class_bind_template_child (widget_class, McReportPage, content);
  gtk_widget_class_bind_template_child (widget_class, McReportPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, McReportPage, tables);
  gtk_widget_class_bind_template_child (widget_class, McReportPage, narrative_view);
  gtk_widget_class_bind_template_child (widget_class, McReportPage, narrative_state);
  gtk_widget_class_bind_template_child (widget_class, McReportPage, error_page);
  gtk_widget_class_bind_template_callback (widget_class, report_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, recompute_cb);
  gtk_widget_class_bind_template_callback (widget_class, period_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, dates_typed_cb);
  gtk_widget_class_bind_template_callback (widget_class, dates_entered_cb);
  gtk_widget_class_bind_template_callback (widget_class, narrative_changed_cb);
  gtk_widget_class_install_action (widget_class, "report.export-xlsx", NULL, export_cb);
  gtk_widget_class_install_action (widget_class, "report.export-pdf", NULL, export_cb);
  gtk_widget_class_install_action (widget_class, "report.export-csv", NULL, export_cb);
  gtk_widget_class_install_action (widget_class, "report.export-txt", NULL, export_cb);
  gtk_widget_class_install_action (widget_class, "report.export-docx", NULL, export_cb);
  gtk_widget_class_install_action (widget_class, "report.save-narrative", NULL, save_narrative_cb);
  gtk_widget_class_install_action (widget_class, "report.restore-narrative", NULL, restore_narrative_cb);
  gtk_widget_class_install_action (widget_class, "report.print", NULL, print_cb);
  gtk_widget_class_install_action (widget_class, "report.enter-figures", NULL, enter_figures_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "report.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "report.save-narrative", NULL);
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
  int year, month, day;

  self->app = app;
  self->compute = mc_report_compute_new (db_of (self));
  self->loading = TRUE;
  /* The quarter now being reported on, by the cut-off rule; today in
   * Vietnam, whatever the PC's time zone. */
  mc_date_to_ymd (mc_time_get_date (mc_time_now ()), &year, &month, &day);
  gtk_spin_button_set_value (self->year, year);
  gtk_drop_down_set_selected (self->period, (month - 1) / 3);
  self->kind = MC_REPORT_PAGE_06A;
  fill_units (self);
  self->loading = FALSE;
  show_font_warning (self);
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

  flush_dates (self);

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

gboolean
mc_report_page_is_computing (McReportPage *self)
{
  g_return_val_if_fail (MC_IS_REPORT_PAGE (self), FALSE);

  return self->computing != NULL;
}

McReportDocument *
mc_report_page_get_doc (McReportPage *self)
{
  g_return_val_if_fail (MC_IS_REPORT_PAGE (self), NULL);

  settle (self);

  return self->doc;
}

/* The rules line and the font warning as shown, NULL when hidden (tests). */
const char *
mc_report_page_get_rules_note (McReportPage *self)
{
  g_return_val_if_fail (MC_IS_REPORT_PAGE (self), NULL);

  settle (self);

  return gtk_widget_get_visible (GTK_WIDGET (self->rules)) ? gtk_label_get_text (self->rules) : NULL;
}

const char *
mc_report_page_get_font_warning (McReportPage *self)
{
  g_return_val_if_fail (MC_IS_REPORT_PAGE (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->font_bar)) ? gtk_label_get_text (self->font_label) : NULL;
}

const char *
mc_report_page_get_error (McReportPage *self)
{
  g_return_val_if_fail (MC_IS_REPORT_PAGE (self), NULL);

  settle (self);

  return self->error;
}

const char *
mc_report_page_get_cell_text (McReportPage *self, guint table, guint row, guint column)
{
  g_return_val_if_fail (MC_IS_REPORT_PAGE (self), NULL);

  settle (self);

  return self->doc != NULL ? mc_report_document_get_cell (self->doc, table, row, column) : NULL;
}

GtkWidget *
mc_report_page_find_cell (McReportPage *self, guint table, guint row, guint column)
{
  g_return_val_if_fail (MC_IS_REPORT_PAGE (self), NULL);

  settle (self);

  return mc_report_tables_find_cell (GTK_WIDGET (self->tables), table, row, column);
}

GtkWindow *
mc_report_page_open_items (McReportPage *self, guint table, guint row, guint column)
{
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL, *subtitle = NULL;
  GtkWindow *window;

  g_return_val_if_fail (MC_IS_REPORT_PAGE (self), NULL);

  settle (self);

  if (self->doc == NULL || !mc_report_document_is_figure (self->doc, table, row, column))
    return NULL;
  items = mc_report_document_figure_list (self->doc, db_of (self), table, row, column, &error);
  if (items == NULL)
    {
      show_message (self, _("The list cannot be shown"), error->message);
      return NULL;
    }
  mc_report_document_figure_titles (self->doc, table, row, column, &title, &subtitle);
  window = GTK_WINDOW (mc_figure_list_dialog_new (self->app, parent_window (self), title, subtitle, items));
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
  return MC_IS_FIGURE_LIST_DIALOG (window) ? mc_figure_list_dialog_get_n_items (MC_FIGURE_LIST_DIALOG (window)) : 0;
}

const char *
mc_report_items_window_get_code (GtkWindow *window, guint position)
{
  if (!MC_IS_FIGURE_LIST_DIALOG (window))
    return NULL;
  return mc_figure_list_dialog_get_code (MC_FIGURE_LIST_DIALOG (window), position);
}

char *
mc_report_page_get_narrative_text (McReportPage *self)
{
  g_return_val_if_fail (MC_IS_REPORT_PAGE (self), NULL);

  settle (self);
  return narrative_text (self);
}

void
mc_report_page_set_narrative_text (McReportPage *self, const char *text)
{
  g_return_if_fail (MC_IS_REPORT_PAGE (self));

  settle (self);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->narrative_view), text, -1);
}

McReportNarrative *
mc_report_page_get_narrative (McReportPage *self)
{
  g_return_val_if_fail (MC_IS_REPORT_PAGE (self), NULL);

  settle (self);

  return self->narrative;
}

gboolean
mc_report_page_save_narrative (McReportPage *self, GError **error)
{
  g_return_val_if_fail (MC_IS_REPORT_PAGE (self), FALSE);

  settle (self);

  if (self->narrative == NULL)
    return not_ready (self, error);
  self->narrative_dirty = TRUE;
  return save_typed_narrative (self, error);
}

gboolean
mc_report_page_restore_narrative (McReportPage *self, GError **error)
{
  g_return_val_if_fail (MC_IS_REPORT_PAGE (self), FALSE);

  settle (self);

  if (self->narrative == NULL)
    return not_ready (self, error);
  if (mc_report_narrative_get_edited (self->narrative) &&
      !mc_report_narrative_restore (self->narrative, db_of (self), error))
    return FALSE;
  show_narrative_text (self);
  update_actions (self);
  return TRUE;
}

/* For the export's worker thread: the document on screen (a reference;
 * it never changes), or a copy of the narrative with its edited text. */
static McReportExportJob *
export_job (McReportPage *self, const char *format, GError **error)
{
  gboolean narrative;

  settle (self);
  narrative = self->kind == MC_REPORT_PAGE_NARRATIVE;

  if (!(g_str_equal (format, "pdf") || (narrative && (g_str_equal (format, "txt") || g_str_equal (format, "docx"))) ||
        (!narrative && (g_str_equal (format, "xlsx") || g_str_equal (format, "csv")))))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("This report cannot be saved as %s"), format);
      return NULL;
    }
  if (narrative ? self->narrative == NULL : self->doc == NULL)
    {
      not_ready (self, error);
      return NULL;
    }
  if (narrative)
    {
      McReportNarrative *copy = narrative_as_shown (self, error);

      return copy ? mc_report_export_job_new_narrative (copy, format) : NULL;
    }
  /* The object on screen itself: Biểu 06a is written in the form's layout
   * by the writer (mc-report-doc.h), from the same texts and figures. */
  return mc_report_export_job_new_table (self->doc, format);
}

gboolean
mc_report_page_export (McReportPage *self, const char *format, const char *path, GError **error)
{
  g_autoptr(McReportExportJob) job = NULL;

  g_return_val_if_fail (MC_IS_REPORT_PAGE (self), FALSE);
  g_return_val_if_fail (format != NULL && path != NULL, FALSE);

  job = export_job (self, format, error);
  return job != NULL && mc_report_export_job_write (job, path, NULL, error);
}

static void
export_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  McReportPage *self = MC_REPORT_PAGE (source);
  g_autofree char *path = user_data;
  g_autofree char *name = g_path_get_basename (path);
  /* Translators: %s is a file name */
  g_autofree char *saved = g_strdup_printf (_("Report saved to %s"), name);
  g_autoptr(GError) error = NULL;

  if (!mc_export_task_finish (result, &error) && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_message (self, _("The report could not be saved"), error->message);
  else
    mc_export_task_toast (GTK_WIDGET (self), error, saved);
}

void
mc_report_page_start_export (McReportPage *self, const char *format, const char *path)
{
  g_autoptr(GError) error = NULL;
  McReportExportJob *job;

  g_return_if_fail (MC_IS_REPORT_PAGE (self));
  g_return_if_fail (format != NULL && path != NULL);

  job = export_job (self, format, &error);
  if (job == NULL)
    {
      show_message (self, _("The report could not be saved"), error->message);
      return;
    }
  mc_export_task_run (GTK_WIDGET (self), _("Exporting the report"), path, mc_report_export_job_write, job,
                      (GDestroyNotify) mc_report_export_job_free, export_done_cb, g_strdup (path));
}

void
mc_report_page_print (McReportPage *self)
{
  g_autoptr(GError) error = NULL;
  McReportPrintJob *job;

  g_return_if_fail (MC_IS_REPORT_PAGE (self));

  if ((job = print_job (self, &error)) == NULL ||
      !mc_report_print_job_run (job, parent_window (self), mc_report_file_stem (self->kind), &error))
    show_message (self, _("The report cannot be printed"), error->message);
}
