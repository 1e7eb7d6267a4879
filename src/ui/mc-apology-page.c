/* mc-apology-page.c — Sổ xin lỗi: apologies of a period, people flagged by their count
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The register lists each letter (Mẫu 04) issued in the period; below it,
 * the people responsible for as many apologies in the year as the province's
 * rule allows before discipline (setting "apology.threshold").
 */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "mc-apology-form.h"
#include "mc-apology-list.h"
#include "mc-apology-page.h"
#include "mc-wrap-box.h"
#include "mc-page-changes.h"
#include "mc-date-entry.h"
#include "mc-calendar-store.h"
#include "mc-catalog.h"
#include "mc-column-fit.h"
#include "mc-empty-state.h"
#include "mc-dossier-register.h"
#include "mc-form-set.h"
#include "mc-export-task.h"
#include "mc-format.h"
#include "mc-records-print.h"
#include "mc-text-column.h"

struct _McApologyPage
{
  AdwBin              parent_instance;

  McApplication      *app;
  McApologyList      *apologies;   /* McApology, of the period shown */
  GtkSingleSelection *selection;
  GPtrArray          *counts;      /* McApologyCount* */
  McDateEntry        *from;
  McDateEntry        *to;
  GtkDropDown        *field;       /* the register's field: 0 for every field */
  GtkStringList      *fields;
  McColumnFit        *fit;
  GtkColumnView      *view;
  GtkLabel           *count;
  GtkLabel           *flagged_title;
  GtkListBox         *flagged;
  GtkMenuButton      *register_button;
};

G_DEFINE_FINAL_TYPE (McApologyPage, mc_apology_page, ADW_TYPE_BIN)

static char *issued_of (gpointer o) { return mc_format_date (mc_time_get_date (mc_apology_get_issued_at (o))); }
static char *previous_of (gpointer o) { return mc_format_time (mc_apology_get_previous_due_at (o)); }

static char *
new_due_of (gpointer o)
{
  McTime t = mc_apology_get_new_due_at (o);

  return t != 0 ? mc_format_time (t) : NULL;
}

static char *
responsible_of (gpointer o)
{
  const char *name = mc_apology_get_responsible_name (o), *department = mc_apology_get_department_name (o);

  if (name == NULL || *name == '\0')
    return g_strdup (department);
  if (department == NULL || *department == '\0')
    return g_strdup (name);
  return g_strdup_printf ("%s — %s", name, department);
}

/* The law asks for the letter at least one working day before the appointment. */
static char *
in_time_of (gpointer o)
{
  return g_strdup (mc_apology_get_in_time (o) ? _("Yes") : _("No"));
}

/* What the entry holds; MC_DATE_INVALID when empty or unreadable (the
 * entry then says why). */
static McDate
read_date (McDateEntry *entry)
{
  McDate date;

  if (mc_date_entry_read_date (entry, &date) != MC_DATE_ENTRY_VALID)
    return MC_DATE_INVALID;
  return date;
}

static void
fill_flagged (McApologyPage *self, int year, guint threshold)
{
  g_autofree char *title = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->flagged))) != NULL)
    gtk_list_box_remove (self->flagged, child);
  /* Translators: people who caused N apologies or more in a year are flagged for discipline */
  title = g_strdup_printf (ngettext ("Responsible for %u apology or more in %d",
                                     "Responsible for %u apologies or more in %d", threshold), threshold, year);
  gtk_label_set_text (self->flagged_title, title);
  for (guint i = 0; self->counts != NULL && i < self->counts->len; i++)
    {
      McApologyCount *c = self->counts->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *name = g_markup_escape_text (c->full_name ? c->full_name : c->username, -1);
      g_autofree char *department = g_markup_escape_text (c->department_name ? c->department_name : "", -1);
      /* Translators: %u apologies in the year */
      g_autofree char *times = g_strdup_printf (ngettext ("%u apology", "%u apologies", c->count), c->count);
      GtkWidget *label = gtk_label_new (times);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), department);
      gtk_widget_add_css_class (label, "error");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      gtk_list_box_append (self->flagged, row);
    }
  if (self->counts == NULL || self->counts->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nobody has reached the limit"));
      gtk_list_box_append (self->flagged, row);
    }
}

static void
update_count (McApologyPage *self)
{
  guint n = g_list_model_get_n_items (mc_apology_list_get_model (self->apologies));
  g_autofree char *number = mc_format_count (n);
  /* Translators: %s is a number such as 12 */
  g_autofree char *text = g_strdup_printf (ngettext ("%s apology in the period", "%s apologies in the period", n),
                                           number);

  gtk_label_set_text (self->count, text);
}

/* The register is Mẫu 06 of TT 01/2018 or Mẫu 07 of TT 03/2025, as the
 * period's days fall (both when it crosses the switch date). */
static void
update_register_label (McApologyPage *self, McDate from, McDate to)
{
  McDb *db = mc_application_get_db (self->app);
  /* A button's label: printing the register asks again, with the error. */
  McFormSet first = mc_form_set_for_time (db, mc_time_from_local (from, 0), NULL);
  McFormSet last = mc_form_set_for_time (db, mc_time_from_local (to, 0), NULL);
  g_autofree char *a = mc_form_set_label (first, MC_FORM_TYPE_REGISTER);
  g_autofree char *b = mc_form_set_label (last, MC_FORM_TYPE_REGISTER);
  g_autofree char *both = first == last ? g_strdup (a) : g_strdup_printf ("%s, %s", a, b);
  /* Translators: %s is the form's number, "Mẫu 06" or "Mẫu 07" */
  g_autofree char *label = g_strdup_printf (_("_Dossier register (%s)"), both);

  gtk_menu_button_set_label (self->register_button, label);
}

static void toast (McApologyPage *self, const char *message);

static void
reload_cb (McApologyPage *self)
{
  McWorkflow *wf = mc_application_get_workflow (self->app);
  McDate from = read_date (self->from), to = read_date (self->to);
  g_autoptr(GError) error = NULL;
  guint threshold;
  int year;

  if (from == MC_DATE_INVALID || to == MC_DATE_INVALID || to < from)
    return;
  /* The register's flag is never drawn at a default the unit did not set. */
  if ((threshold = mc_workflow_get_apology_threshold (wf, &error)) == 0)
    {
      toast (self, error->message);
      return;
    }
  update_register_label (self, from, to);
  mc_date_to_ymd (from, &year, NULL, NULL);
  /* The model tells the view exactly what changed (a new apology: one row). */
  if (!mc_apology_list_set_period (self->apologies, mc_time_from_local (from, 0), mc_time_from_local (to + 1, 0),
                                   &error))
    {
      g_warning ("%s", error->message);
      return;
    }
  g_clear_pointer (&self->counts, g_ptr_array_unref);
  self->counts = mc_workflow_apology_counts (wf, year, threshold, &error);
  if (self->counts == NULL)
    g_warning ("%s", error->message);
  fill_flagged (self, year, threshold);
  update_count (self);
}

static void
set_entry_date (McDateEntry *entry, McDate date)
{
  g_autofree char *text = mc_format_date (date);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

static void
toast (McApologyPage *self, const char *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", message);
}

static void
reprint_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  McApologyPage *self = MC_APOLOGY_PAGE (widget);
  McApology *apology = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(GError) error = NULL;
  McApologyFormData *data;

  if (apology == NULL)
    return;
  data = mc_apology_form_data_new (mc_application_get_workflow (self->app), mc_apology_get_id (apology), &error);
  if (data == NULL)
    {
      toast (self, error->message);
      return;
    }
  mc_records_print_on (GTK_WINDOW (gtk_widget_get_root (widget)), mc_apology_get_dossier_code (apology), data,
                       (GDestroyNotify) mc_apology_form_data_free,
                       (McPrintCountFunc) mc_apology_form_get_n_pages, (McPrintDrawFunc) mc_apology_form_draw_page,
                       mc_apology_form_is_a5 (data));
}

static void
export_response_cb (GtkNativeDialog *chooser, int response, McApologyPage *self)
{
  const char *format = g_object_get_data (G_OBJECT (chooser), "format");
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL &&
      (path = g_file_get_path (file)) != NULL)
    mc_apology_page_start_export_register (self, format, path);
  g_object_unref (chooser);
}

static void
export_register_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  McApologyPage *self = MC_APOLOGY_PAGE (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  McDate from = read_date (self->from), to = read_date (self->to);
  GtkFileChooserNative *chooser;
  g_autofree char *from_text = NULL, *to_text = NULL, *name = NULL;

  if (from == MC_DATE_INVALID || to == MC_DATE_INVALID || to < from)
    return;
  from_text = mc_date_to_iso (from);
  to_text = mc_date_to_iso (to);
  name = g_strdup_printf ("so-theo-doi-ho-so_%s_%s.%s", from_text, to_text, format);
  chooser = gtk_file_chooser_native_new (_("Export the dossier register"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data_full (G_OBJECT (chooser), "format", g_strdup (format), g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The register of a period, gathered and written in the export's worker
 * thread on its own connection: a year is thousands of rows, and the
 * window's connection is not shared across threads. */
typedef struct {
  char     *db_path;
  gint64    actor;     /* who takes the register: checked and audited */
  McTime    from;
  McTime    to;
  char     *field;     /* NULL: every field, a book each */
  gboolean  pdf;
} RegisterRequest;

static void
register_request_free (RegisterRequest *request)
{
  g_free (request->db_path);
  g_free (request->field);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RegisterRequest, register_request_free)

static gboolean
write_register (gconstpointer data, const char *path, const McExportMonitor *monitor, GError **error)
{
  const RegisterRequest *request = data;
  g_autoptr(McDb) db = mc_db_new (request->db_path, NULL, error);
  g_autoptr(McCalendar) calendar = NULL;
  g_autoptr(McWorkflow) workflow = NULL;
  g_autoptr(McDossierRegisterData) doc = NULL;

  if (db == NULL || (calendar = mc_calendar_store_load (db, error)) == NULL)
    return FALSE;
  mc_db_set_actor (db, request->actor);
  workflow = mc_workflow_new (db, calendar);
  doc = mc_dossier_register_data_new (workflow, request->from, request->to, request->field, error);
  if (doc == NULL || !mc_export_monitor_check (monitor, error))
    return FALSE;
  return request->pdf ? mc_dossier_register_data_write_pdf_full (doc, path, monitor, error)
                      : mc_dossier_register_data_write_xlsx_full (doc, path, monitor, error);
}

static RegisterRequest *
register_request (McApologyPage *self, const char *format, GError **error)
{
  McDb *db = mc_application_get_db (self->app);
  McDate from = read_date (self->from), to = read_date (self->to);
  RegisterRequest *request;

  if (from == MC_DATE_INVALID || to == MC_DATE_INVALID || to < from)
    {
      g_set_error_literal (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                           _("Write the period as dd/mm/yyyy, the first day before the last"));
      return NULL;
    }
  request = g_new0 (RegisterRequest, 1);
  request->db_path = g_strdup (mc_db_get_path (db));
  request->actor = mc_db_get_actor (db);
  request->from = mc_time_from_local (from, 0);
  request->to = mc_time_from_local (to + 1, 0);
  if (gtk_drop_down_get_selected (self->field) > 0 &&
      gtk_drop_down_get_selected (self->field) != GTK_INVALID_LIST_POSITION)
    request->field = g_strdup (gtk_string_list_get_string (self->fields, gtk_drop_down_get_selected (self->field)));
  request->pdf = g_strcmp0 (format, "pdf") == 0;
  return request;
}

static void
export_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autofree char *path = user_data;
  g_autofree char *name = g_path_get_basename (path);
  /* Translators: %s is a file name */
  g_autofree char *saved = g_strdup_printf (_("Register saved to %s"), name);
  g_autoptr(GError) error = NULL;

  mc_export_task_finish (result, &error);
  mc_export_task_toast (GTK_WIDGET (source), error, saved);
}

static void
selection_changed_cb (McApologyPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "apology.reprint",
                                 gtk_single_selection_get_selected_item (self->selection) != NULL);
}

static void
mc_apology_page_dispose (GObject *object)
{
  McApologyPage *self = MC_APOLOGY_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_APOLOGY_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->apologies);
  g_clear_object (&self->fields);
  g_clear_pointer (&self->counts, g_ptr_array_unref);
  G_OBJECT_CLASS (mc_apology_page_parent_class)->dispose (object);
}

static void
mc_apology_page_class_init (McApologyPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = mc_apology_page_dispose;
  g_type_ensure (MC_TYPE_DATE_ENTRY);
  g_type_ensure (MC_TYPE_WRAP_BOX);
  g_type_ensure (MC_TYPE_COLUMN_FIT);
  gtk_widget_class_set_template_from_resource (widget_class, "/vn/motcua/Motcua/ui/mc-apology-page.ui");
  gtk_widget_class_bind_template_child (widget_class, McApologyPage, from);
  gtk_widget_class_bind_template_child (widget_class, McApologyPage, register_button);
  gtk_widget_class_bind_template_child (widget_class, McApologyPage, to);
  gtk_widget_class_bind_template_child (widget_class, McApologyPage, field);
  gtk_widget_class_bind_template_child (widget_class, McApologyPage, fit);
  gtk_widget_class_bind_template_child (widget_class, McApologyPage, view);
  gtk_widget_class_bind_template_child (widget_class, McApologyPage, count);
  gtk_widget_class_bind_template_child (widget_class, McApologyPage, flagged_title);
  gtk_widget_class_bind_template_child (widget_class, McApologyPage, flagged);
  gtk_widget_class_bind_template_callback (widget_class, reload_cb);
  gtk_widget_class_install_action (widget_class, "apology.reprint", NULL, reprint_cb);
  gtk_widget_class_install_action (widget_class, "apology.export-register", "s", export_register_cb);
}

static void
mc_apology_page_init (McApologyPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The texts bound to the apology's properties; the register is the
   * staff's page, not a public one: the applicant's name in full. */
  mc_text_column_add_property (self->view, _("Dossier code"), MC_TYPE_APOLOGY, "dossier-code", FALSE, 200, NULL);
  mc_text_column_add_property (self->view, _("Applicant"), MC_TYPE_APOLOGY, "applicant-name", FALSE, 140, NULL);
  mc_text_column_add_property (self->view, _("Procedure"), MC_TYPE_APOLOGY, "procedure-name", TRUE, -1, NULL);
  mc_text_column_add (self->view, _("Apology date"), issued_of, FALSE, 100, NULL, NULL);
  mc_text_column_add (self->view, _("Former appointment"), previous_of, FALSE, 165, NULL, NULL);
  mc_text_column_add (self->view, _("New appointment"), new_due_of, FALSE, 165, NULL, NULL);
  /* Widths of their own (they may be left out: McColumnFit); they still grow. */
  mc_text_column_add_property (self->view, _("Reason"), MC_TYPE_APOLOGY, "reason", TRUE, 200, NULL);
  mc_text_column_add (self->view, _("Responsible"), responsible_of, TRUE, 160, NULL, NULL);
  /* Translators: short column title: the apology was sent at least 1 working day before the appointment */
  mc_text_column_add (self->view, _("≥ 1 day ahead"), in_time_of, FALSE, 110, NULL, NULL);
  /* Narrow, left out in this order (the form, Mẫu 04, has them all): the
   * former appointment, the apology's date, ≥ 1 day ahead, the responsible,
   * the reason. The code, the applicant, the procedure and the new
   * appointment stay. */
  mc_column_fit_add_optional_at (self->fit, (const guint[]) { 4, 3, 8, 7, 6 }, 5);
}

/* The view over the application's apologies, once the page has its workflow. */
static void
attach_list (McApologyPage *self)
{
  self->apologies = mc_apology_list_new (mc_application_get_workflow (self->app));
  self->selection = gtk_single_selection_new (g_object_ref (mc_apology_list_get_model (self->apologies)));
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (self->selection));
  mc_empty_state_attach (GTK_WIDGET (self->fit),
                         mc_apology_list_get_model (self->apologies), "x-office-document-symbolic",
                         _("No apology in this period"),
                         _("An apology (Mẫu 04) is recorded from Dossier processing with “Apologise and set a new "
                           "appointment”. Choose an earlier period to see older ones."));
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb), self);
  selection_changed_cb (self);
}

/* "Every field" and the catalog's fields, in its order. */
static void
load_fields (McApologyPage *self)
{
  McCatalog *catalog = mc_application_get_catalog (self->app);
  g_autoptr(GPtrArray) fields = catalog ? mc_catalog_list_fields (catalog, NULL) : NULL;

  self->fields = gtk_string_list_new (NULL);
  gtk_string_list_append (self->fields, _("Every field"));
  for (guint i = 0; fields != NULL && i < fields->len; i++)
    gtk_string_list_append (self->fields, ((McField *) fields->pdata[i])->name);
  gtk_drop_down_set_model (self->field, G_LIST_MODEL (self->fields));
}

McApologyPage *
mc_apology_page_new (McApplication *app)
{
  McApologyPage *self = g_object_new (MC_TYPE_APOLOGY_PAGE, NULL);
  int year;

  self->app = app;
  attach_list (self);
  load_fields (self);
  mc_date_to_ymd (mc_time_get_date (mc_time_now ()), &year, NULL, NULL);
  mc_apology_page_set_period (self, mc_date_from_ymd (year, 1, 1), mc_date_from_ymd (year, 12, 31));
  mc_page_follow_changes (GTK_WIDGET (self), mc_application_get_db (app),
                          MC_CHANGE_MASK (MC_CHANGE_APOLOGY) | MC_CHANGE_MASK (MC_CHANGE_DOSSIER), FALSE,
                          (McPageReload) mc_apology_page_reload);
  return self;
}

void
mc_apology_page_set_period (McApologyPage *self, McDate from, McDate to)
{
  g_return_if_fail (MC_IS_APOLOGY_PAGE (self));

  g_signal_handlers_block_by_func (self->from, reload_cb, self);
  set_entry_date (self->from, from);
  g_signal_handlers_unblock_by_func (self->from, reload_cb, self);
  set_entry_date (self->to, to);
}

void
mc_apology_page_reload (McApologyPage *self)
{
  g_return_if_fail (MC_IS_APOLOGY_PAGE (self));

  reload_cb (self);
}

guint
mc_apology_page_get_n_apologies (McApologyPage *self)
{
  g_return_val_if_fail (MC_IS_APOLOGY_PAGE (self), 0);

  return g_list_model_get_n_items (mc_apology_list_get_model (self->apologies));
}

McApology *
mc_apology_page_get_apology (McApologyPage *self, guint position)
{
  g_autoptr(McApology) apology = NULL;

  g_return_val_if_fail (MC_IS_APOLOGY_PAGE (self), NULL);

  apology = g_list_model_get_item (mc_apology_list_get_model (self->apologies), position);
  /* The list keeps it while the period is shown. */
  return apology;
}

GListModel *
mc_apology_page_get_model (McApologyPage *self)
{
  g_return_val_if_fail (MC_IS_APOLOGY_PAGE (self), NULL);

  return mc_apology_list_get_model (self->apologies);
}

guint
mc_apology_page_get_n_flagged (McApologyPage *self)
{
  g_return_val_if_fail (MC_IS_APOLOGY_PAGE (self), 0);

  return self->counts ? self->counts->len : 0;
}

const McApologyCount *
mc_apology_page_get_flagged (McApologyPage *self, guint position)
{
  g_return_val_if_fail (MC_IS_APOLOGY_PAGE (self), NULL);
  g_return_val_if_fail (self->counts != NULL && position < self->counts->len, NULL);

  return self->counts->pdata[position];
}

gboolean
mc_apology_page_export_register (McApologyPage *self, const char *format, const char *path, GError **error)
{
  g_autoptr(RegisterRequest) request = NULL;

  g_return_val_if_fail (MC_IS_APOLOGY_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  request = register_request (self, format, error);
  return request != NULL && write_register (request, path, NULL, error);
}

void
mc_apology_page_start_export_register (McApologyPage *self, const char *format, const char *path)
{
  g_autoptr(GError) error = NULL;
  RegisterRequest *request;

  g_return_if_fail (MC_IS_APOLOGY_PAGE (self));
  g_return_if_fail (path != NULL);

  request = register_request (self, format, &error);
  if (request == NULL)
    {
      toast (self, error->message);
      return;
    }
  mc_export_task_run (GTK_WIDGET (self), _("Exporting the dossier register"), path, write_register, request,
                      (GDestroyNotify) register_request_free, export_done_cb, g_strdup (path));
}
