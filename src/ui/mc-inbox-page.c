/* mc-inbox-page.c — Xử lý hồ sơ: the dossiers waiting for a department or a person
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows are McInboxModel's (core): the inbox read whole, most urgent
 * first, again after each change told by McChanges and after each action
 * here, with only the rows that changed told to the view, so the clerk's
 * selection and scroll stay while others work. Each row has one status chip,
 * core's (mc_lateness_status): "quá hạn" (the appointment has passed), "chậm
 * tiến độ" (the step is past its own due time), "sắp đến hạn" (at most one
 * working day left) or "trong hạn" — a word, and a colour only to help.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-apology-form.h"
#include "mc-column-fit.h"
#include "mc-directory.h"
#include "mc-dossier-list.h"
#include "mc-dossier-store.h"
#include "mc-dossier-window.h"
#include "mc-empty-state.h"
#include "mc-format.h"
#include "mc-list-slice.h"
#include "mc-inbox-model.h"
#include "mc-drop-down.h"
#include "mc-inbox-page.h"
#include "mc-wrap-box.h"
#include "mc-page-changes.h"
#include "mc-lateness.h"
#include "mc-records-print.h"
#include "mc-stop-notice.h"
#include "mc-session.h"
#include "mc-text-column.h"
#include "mc-tooltip.h"

#define CHECK_INTERVAL_S 60

struct _McInboxPage
{
  AdwBin              parent_instance;

  McApplication      *app;
  McInboxModel       *model;        /* McDossier */
  GtkSliceListModel  *slice;     /* the model's first rows, the view's */
  GtkSingleSelection *selection;
  GPtrArray          *departments;  /* McDepartment*, item i + 1 of the drop-down */
  GPtrArray          *staff;        /* McStaff*, item i of the user drop-down */
  McTime              last_check;
  guint               timer;
  McActionDialog     *dialog;       /* weak */
  char               *dialog_code;  /* the dossier the dialog acts on */
  gboolean            loading;

  GtkDropDown        *department;
  GtkToggleButton    *mine;
  GtkDropDown        *user;
  GtkLabel           *summary;
  GtkWidget          *show_all;
  McColumnFit        *fit;
  GtkColumnView      *view;
};

G_DEFINE_FINAL_TYPE (McInboxPage, mc_inbox_page, ADW_TYPE_BIN)

/* The counts the sidebar's badges show (McSidebar binds them): the model's. */
/* filter-department: the name of the department chosen, NULL for all; the
 * rows leave it out of "Held by". */
enum { PROP_0, PROP_N_WAITING, PROP_N_OVERDUE, PROP_FILTER_DEPARTMENT, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* Cells: each bound once to its row's dossier (GtkExpression), so a dossier
 * whose step, state or lateness changes redraws its own row only. The
 * callbacks' first argument is the GtkListItem. */

#define PROPERTY(name) mc_text_column_property (MC_TYPE_DOSSIER, name)
#define CLOSURE(type, callback, ...) \
  mc_text_column_closure (MC_TYPE_DOSSIER, type, G_CALLBACK (callback), __VA_ARGS__, NULL)

static char *
step_text (GtkListItem *item, int step, int n_steps, gpointer data)
{
  return n_steps > 0 ? g_strdup_printf ("%d/%d", step, n_steps) : g_strdup ("");
}

/* The agency while sent to it (liên thông), else the department and the
 * person; the department only when it is not the one the page is filtered
 * on (every row would repeat it). */
static char *
holder_text (GtkListItem *item, McDossierState state, const char *unit, const char *department, const char *staff,
             const char *filter_department, gpointer data)
{
  if (unit != NULL && state == MC_STATE_SENT_EXTERNAL)
    return g_strdup (unit);
  if (department != NULL && g_strcmp0 (department, filter_department) == 0)
    department = NULL;
  if (staff != NULL && department != NULL)
    return g_strdup_printf ("%s · %s", department, staff);
  return g_strdup (department ? department : staff);
}

static char *
time_text (GtkListItem *item, gint64 time, gpointer data)
{
  return time ? mc_format_time (time) : g_strdup ("—");
}

static char *
appointment_tooltip (GtkListItem *item, gint64 appointment, gint64 due, gpointer data)
{
  return appointment != due ? g_strdup (_("New appointment after an apology")) : NULL;
}

/* The row's one status, core's (mc_lateness_status), in its word. */
static char *
status_label (GtkListItem *item, McLateness lateness, McLateness step, gpointer data)
{
  return g_strdup (mc_lateness_status_label (mc_lateness_status (lateness, step)));
}

static char *
status_meaning (GtkListItem *item, McLateness lateness, McLateness step, gpointer data)
{
  switch (mc_lateness_status (lateness, step))
    {
    case MC_LATENESS_OVERDUE: return g_strdup (mc_lateness_overdue_meaning ());
    case MC_LATENESS_STEP_LATE: return g_strdup (mc_lateness_step_late_meaning ());
    case MC_LATENESS_SOON:
      return g_strdup (_("Due soon: one working day or less before the step's due time or the appointment"));
    case MC_LATENESS_NONE:
    default: return NULL;
    }
}

/* The chip's look is its classes: "status-chip" and libadwaita's colour of
 * the status (error, warning, accent, success). */
static GStrv
status_classes (GtkListItem *item, McLateness lateness, McLateness step, gpointer data)
{
  const char *classes[] = { "status-chip", mc_lateness_status_class (mc_lateness_status (lateness, step)), NULL };

  return g_strdupv ((char **) classes);
}

/* A screen reader says what the chip is and what it means, not only its word
 * (the meaning is the chip's tooltip, made when asked: mc-tooltip.c). */
static void
chip_accessible_cb (GtkLabel *chip)
{
  g_autofree char *meaning = mc_tooltip_get_text (GTK_WIDGET (chip));
  /* Translators: a status chip for a screen reader: "Status: Overdue" */
  g_autofree char *label = g_strdup_printf (_("Status: %s"), gtk_label_get_text (chip));

  gtk_accessible_update_property (GTK_ACCESSIBLE (chip), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, meaning ? meaning : "", -1);
}

/* One chip per row: quá hạn, chậm tiến độ, sắp đến hạn or trong hạn — one
 * word and one colour, so a row reads at a glance and without colour. */
static void
setup_status_cb (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  GtkWidget *chip = gtk_label_new (NULL);

  gtk_widget_set_halign (chip, GTK_ALIGN_START);
  gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);
  gtk_expression_bind (CLOSURE (G_TYPE_STRING, status_label, "lateness", "step-lateness"), chip, "label", item);
  gtk_expression_bind (CLOSURE (G_TYPE_STRV, status_classes, "lateness", "step-lateness"), chip, "css-classes", item);
  mc_tooltip_bind (chip, CLOSURE (G_TYPE_STRING, status_meaning, "lateness", "step-lateness"), item);
  /* The meaning follows the word: both are the status's. */
  g_signal_connect (chip, "notify::label", G_CALLBACK (chip_accessible_cb), NULL);
  gtk_list_item_set_child (item, chip);
}

/* An apology's new appointment also for a screen reader. */
static void
appointment_accessible_cb (GtkLabel *label)
{
  g_autofree char *note = mc_tooltip_get_text (GTK_WIDGET (label));

  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, note ? note : "", -1);
}

/* The appointment in normal text; its tooltip tells an apology's new one
 * (which changes the appointment, so the label). */
static void
setup_appointment_cb (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  mc_tooltip_bind (label, CLOSURE (G_TYPE_STRING, appointment_tooltip, "appointment-at", "due-at"), item);
  g_signal_connect (label, "notify::label", G_CALLBACK (appointment_accessible_cb), NULL);
  /* Another row with the same appointment text may or may not have one. */
  g_signal_connect_object (item, "notify::item", G_CALLBACK (appointment_accessible_cb), label, G_CONNECT_SWAPPED);
  gtk_expression_bind (CLOSURE (G_TYPE_STRING, time_text, "appointment-at"), label, "label", item);
  gtk_list_item_set_child (item, label);
}

static void
add_custom_column (McInboxPage *self, const char *title, GCallback setup, int width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", setup, NULL);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_fixed_width (column, width);
  gtk_column_view_append_column (self->view, column);
  g_object_unref (column);
}

/* The holder's text over the row's dossier and the page's filter, so that
 * changing the filter redraws it. */
static GtkExpression *
holder_expression (McInboxPage *self)
{
  GtkExpression *params[] = {
    PROPERTY ("state"), PROPERTY ("unit-name"), PROPERTY ("current-department"), PROPERTY ("staff-name"),
    gtk_property_expression_new (MC_TYPE_INBOX_PAGE, gtk_object_expression_new (G_OBJECT (self)),
                                 "filter-department"),
  };

  return gtk_cclosure_expression_new (G_TYPE_STRING, NULL, G_N_ELEMENTS (params), params,
                                      G_CALLBACK (holder_text), NULL, NULL);
}

/* The columns in build_columns' order. */
enum { COL_CODE, COL_STATUS, COL_PROCEDURE, COL_APPLICANT, COL_STEP, COL_HOLDER, COL_STEP_DUE, COL_APPOINTMENT,
       COL_STATE };

/* Left out, in this order, when the table would scroll sideways (half a
 * 1920 screen): each is in the dossier's window (Enter); the code, the
 * status chip, the procedure and the applicant stay. */
static const guint optional_columns[] = { COL_STATE, COL_STEP, COL_STEP_DUE, COL_HOLDER, COL_APPOINTMENT };

static void
build_columns (McInboxPage *self)
{
  mc_text_column_add_bound (self->view, _("Dossier code"), PROPERTY ("code"), FALSE, 210);
  add_custom_column (self, _("Status"), G_CALLBACK (setup_status_cb), -1);
  mc_text_column_add_bound (self->view, _("Procedure"), PROPERTY ("procedure-name"), TRUE, -1);
  mc_text_column_add_bound (self->view, _("Applicant"), PROPERTY ("applicant-name"), FALSE, 120);
  mc_text_column_add_bound (self->view, _("Step"), CLOSURE (G_TYPE_STRING, step_text, "step", "n-steps"), FALSE, 50);
  /* A width of its own (it may be left out: McColumnFit), and it still grows. */
  mc_text_column_add_bound (self->view, _("Held by"), holder_expression (self), TRUE, 180);
  mc_text_column_add_bound (self->view, _("Step due"), CLOSURE (G_TYPE_STRING, time_text, "step-due-at"), FALSE, 175);
  add_custom_column (self, _("Appointment"), G_CALLBACK (setup_appointment_cb), 175);
  mc_text_column_add_bound (self->view, _("State"), PROPERTY ("state-label"), TRUE, 90);
  mc_column_fit_add_optional_at (self->fit, optional_columns, G_N_ELEMENTS (optional_columns));
}

/* Loading */

static gint64
chosen_department (McInboxPage *self)
{
  guint i = gtk_drop_down_get_selected (self->department);

  return i > 0 && i - 1 < self->departments->len ? ((McDepartment *) self->departments->pdata[i - 1])->id : 0;
}

static const char *
chosen_department_name (McInboxPage *self)
{
  guint i = gtk_drop_down_get_selected (self->department);

  return self->departments != NULL && i > 0 && i - 1 < self->departments->len
         ? ((McDepartment *) self->departments->pdata[i - 1])->name : NULL;
}

/* The rows' "Held by" follows the department chosen (filter-department). */
static void
department_chosen_cb (McInboxPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER_DEPARTMENT]);
}

/* "Của tôi": the dossiers of the person signed in (McSession), not of the
 * current-user setting, which another window may have changed. */
static char *
chosen_username (McInboxPage *self)
{
  return gtk_toggle_button_get_active (self->mine) ? mc_session_dup_username (self->app) : NULL;
}

/* The code of the selected dossier, or NULL. */
static const char *
selected_code (McInboxPage *self)
{
  gpointer object = gtk_single_selection_get_selected_item (self->selection);

  return object ? mc_dossier_get_code (object) : NULL;
}

static void
update_actions (McInboxPage *self)
{
  const char *code = selected_code (self);
  /* Core's rules for the person at this computer: an action they cannot
   * take is not offered, rather than refused once its dialog is filled in. */
  guint allowed = code != NULL ? mc_action_kinds_allowed (self->app, code) : 0;

  for (McActionKind k = 0; k < MC_N_ACTIONS; k++)
    {
      g_autofree char *name = g_strdup_printf ("inbox.%s", mc_action_kind_to_name (k));
      gtk_widget_action_set_enabled (GTK_WIDGET (self), name, (allowed & (1u << k)) != 0);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inbox.open", code != NULL);
}

static void
append_count (GString *text, guint n, const char *what)
{
  g_autofree char *number = mc_format_count (n);

  g_string_append_printf (text, " · %s %s", number, what);
}

static void
update_summary (McInboxPage *self, const McInboxCounts *counts)
{
  g_autofree char *total = mc_format_count (counts->total);
  g_autoptr(GString) text = g_string_new (NULL);

  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->model));

  /* Translators: %s is a number such as 1.157 */
  g_string_printf (text, ngettext ("%s dossier", "%s dossiers", counts->total), total);
  /* All departments' inbox at a million dossiers: the most urgent only
   * (McInboxModel); the button says so, the summary keeps its room. */
  if (shown < counts->total)
    {
      g_autofree char *number = mc_format_count (shown);
      /* Translators: %s is a number such as 500 */
      g_autofree char *note = g_strdup_printf (_("The %s most urgent are listed here; every dossier being processed "
                                                 "is in Dossiers, a page at a time"), number);

      gtk_widget_set_tooltip_text (self->show_all, note);
    }
  gtk_widget_set_visible (self->show_all, shown < counts->total);
  /* Numbers written as Vietnamese writes them (28.726), as the total. */
  if (counts->overdue)
    append_count (text, counts->overdue, _("overdue"));
  if (counts->step_late)
    append_count (text, counts->step_late, _("behind schedule"));
  if (counts->soon)
    append_count (text, counts->soon, _("due soon"));
  gtk_label_set_text (self->summary, text->str);
  /* The same words, and the same count, as the dossier list's filters and the board. */
  g_string_printf (text, "%s\n%s", mc_lateness_overdue_meaning (), mc_lateness_step_late_meaning ());
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->summary), text->str);
}

/* The counts of the inbox as filtered, on the page and, through the
 * n-waiting and n-overdue properties, on the navigation; they follow the
 * model's ("n-items", "n-overdue", …). */
static void
publish_counts (McInboxPage *self)
{
  McInboxCounts counts;

  mc_inbox_model_get_counts (self->model, &counts);
  update_summary (self, &counts);
}

/* The model's counts changed: the summary, and the badges of the navigation
 * for the two it shows. */
static void
model_notify_cb (McInboxPage *self, GParamSpec *pspec)
{
  const char *name = g_param_spec_get_name (pspec);

  publish_counts (self);
  if (g_str_equal (name, "n-items"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_WAITING]);
  else if (g_str_equal (name, "n-overdue"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_OVERDUE]);
}

/* Reads the inbox as filtered now. The model changes only the rows that
 * changed, so the selection and the scroll stay; a selected dossier that
 * moved in the order is selected again. */
static void
load (McInboxPage *self)
{
  g_autofree char *keep = g_strdup (selected_code (self));
  g_autofree char *username = chosen_username (self);
  g_autoptr(GError) error = NULL;

  mc_inbox_model_set_filter (self->model, chosen_department (self), username);
  if (!mc_inbox_model_refresh (self->model, mc_time_now (), &error))
    g_warning ("%s", error->message);
  if (keep != NULL && selected_code (self) == NULL)
    mc_inbox_page_select (self, keep);
  update_actions (self);
}

static void
filter_changed_cb (McInboxPage *self)
{
  if (!self->loading)
    load (self);
}

static void
user_changed_cb (McInboxPage *self)
{
  guint i = gtk_drop_down_get_selected (self->user);
  McStaff *s;

  if (self->loading || self->staff == NULL || i >= self->staff->len)
    return;
  s = self->staff->pdata[i];
  mc_application_set_username (self->app, mc_staff_get_username (s));
  /* Overdue notices start afresh for the new user. */
  self->last_check = mc_time_now ();
  self->loading = TRUE;
  for (guint d = 0; d < self->departments->len; d++)
    if (((McDepartment *) self->departments->pdata[d])->id == mc_staff_get_department_id (s))
      gtk_drop_down_set_selected (self->department, d + 1);
  self->loading = FALSE;
  load (self);
}

static void
fill_choices (McInboxPage *self)
{
  McDb *db = mc_application_get_db (self->app);
  g_autofree char *username = mc_session_dup_username (self->app);
  GtkStringList *departments = gtk_string_list_new (NULL);
  GtkStringList *people = gtk_string_list_new (NULL);
  gint64 my_department = 0;
  guint me = 0;

  self->departments = mc_catalog_list_departments (mc_application_get_catalog (self->app), NULL);
  self->staff = mc_directory_list_staff (db, 0, NULL);
  mc_session_restrict_staff (self->app, self->staff);  /* signed in: only oneself */
  gtk_string_list_append (departments, _("All departments"));
  for (guint i = 0; i < self->departments->len; i++)
    gtk_string_list_append (departments, ((McDepartment *) self->departments->pdata[i])->name);
  for (guint i = 0; self->staff != NULL && i < self->staff->len; i++)
    {
      McStaff *s = self->staff->pdata[i];
      const char *department = mc_staff_get_department_name (s);
      g_autofree char *text = department ? g_strdup_printf ("%s (%s)", mc_staff_get_full_name (s), department)
                                         : g_strdup (mc_staff_get_full_name (s));
      gtk_string_list_append (people, text);
      if (g_strcmp0 (mc_staff_get_username (s), username) == 0)
        {
          me = i;
          my_department = mc_staff_get_department_id (s);
        }
    }
  gtk_drop_down_set_model (self->department, G_LIST_MODEL (departments));
  gtk_drop_down_set_model (self->user, G_LIST_MODEL (people));
  gtk_drop_down_set_selected (self->user, me);
  gtk_drop_down_set_selected (self->department, 0);
  for (guint i = 0; i < self->departments->len; i++)
    if (((McDepartment *) self->departments->pdata[i])->id == my_department)
      gtk_drop_down_set_selected (self->department, i + 1);
  gtk_widget_set_sensitive (GTK_WIDGET (self->mine), username != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->user), self->staff != NULL && self->staff->len > 0);
  g_object_unref (departments);
  g_object_unref (people);
}

/* Actions */

/* Beyond the most urgent shown: Danh sách hồ sơ on "đang giải quyết", paged by key. */
static void
show_all_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  gtk_widget_activate_action (widget, "win.show-dossiers", "(us)", (guint32) MC_DOSSIER_FILTER_OPEN, "");
}

static void
toast (McInboxPage *self, const char *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", message);
}

static GtkWindow *
parent_window (McInboxPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return root != NULL && GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
done (McInboxPage *self, const char *message)
{
  toast (self, message);
  load (self);
  /* The dossier's row may have left the list, the focus with it: keep the
   * keyboard in the list so F2, F3… act on the next dossier without a click. */
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

/* Mẫu 04 goes to the citizen: the apology opens in the print preview as soon
 * as it is recorded. */
static void
print_apology (McInboxPage *self, gint64 apology_id, const char *code)
{
  g_autoptr(GError) error = NULL;
  McApologyFormData *data = mc_apology_form_data_new (mc_application_get_workflow (self->app), apology_id, &error);

  if (data == NULL)
    {
      toast (self, error->message);
      return;
    }
  mc_records_print_on (parent_window (self), code, data, (GDestroyNotify) mc_apology_form_data_free,
                       (McPrintCountFunc) mc_apology_form_get_n_pages, (McPrintDrawFunc) mc_apology_form_draw_page,
                       mc_apology_form_is_a5 (data));
}

/* Mẫu 05 of TT 03/2025: the applicant who asked to stop is told at once
 * (Điều 7); the forms of TT 01/2018 have no such notice. */
static void
print_stop_notice (McInboxPage *self, const char *code)
{
  g_autoptr(GError) error = NULL;
  McWorkflow *wf = mc_application_get_workflow (self->app);
  McStopNoticeData *data;
  McFormSet set = mc_form_set_for_time (mc_application_get_db (self->app), mc_time_now (), &error);

  if (error != NULL)
    {
      toast (self, error->message);
      return;
    }
  if (set != MC_FORM_SET_2025)
    return;
  data = mc_stop_notice_data_new (wf, code, &error);
  if (data == NULL)
    {
      toast (self, error->message);
      return;
    }
  mc_records_print_on (parent_window (self), code, data, (GDestroyNotify) mc_stop_notice_data_free,
                       (McPrintCountFunc) mc_stop_notice_get_n_pages, (McPrintDrawFunc) mc_stop_notice_draw_page,
                       mc_stop_notice_is_a5 (data));
}

static void
applied_cb (McActionDialog *dialog, McInboxPage *self)
{
  g_autofree char *code = g_strdup (self->dialog_code ? self->dialog_code : "");
  McActionKind kind = mc_action_dialog_get_kind (dialog);

  done (self, mc_action_dialog_get_done_message (dialog));
  if (kind == MC_ACTION_APOLOGY && mc_action_dialog_get_apology_id (dialog) > 0)
    print_apology (self, mc_action_dialog_get_apology_id (dialog), code);
  else if (kind == MC_ACTION_WITHDRAW)
    print_stop_notice (self, code);
}

static void
accept (McInboxPage *self, const char *selected)
{
  g_autofree char *username = mc_session_dup_username (self->app);
  McAction action = { 0, username, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *code = g_strdup (selected);

  if (!mc_workflow_accept (mc_application_get_workflow (self->app), code, &action, &error))
    mc_action_show_error (parent_window (self), _("Not done"), error->message);
  else
    {
      g_autofree char *message = mc_action_done_message (MC_ACTION_ACCEPT, code, NULL);
      done (self, message);
    }
}

static void
run_action (McInboxPage *self, McActionKind kind)
{
  const char *code = selected_code (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(McWorkItem) item = NULL;
  McActionDialog *dialog;

  if (code == NULL)
    return;
  /* Another clerk may have moved the dossier since the actions were set:
   * asked again, the refusal comes with its reason before any dialog. */
  if (!mc_action_kind_is_allowed (self->app, kind, code, &error))
    {
      mc_action_show_error (parent_window (self), _("Not done"), error->message);
      return;
    }
  if (kind == MC_ACTION_ACCEPT)
    {
      accept (self, code);
      return;
    }
  /* The dialog starts from the dossier as it is now, read once. */
  item = mc_workflow_get_item (mc_application_get_workflow (self->app), code, mc_time_now (), &error);
  if (item == NULL)
    {
      mc_action_show_error (parent_window (self), _("Not done"), error->message);
      return;
    }
  dialog = mc_action_dialog_new (self->app, kind, item);
  g_free (self->dialog_code);
  self->dialog_code = g_strdup (code);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), parent_window (self));
  g_signal_connect_object (dialog, "applied", G_CALLBACK (applied_cb), self, 0);
  g_set_weak_pointer (&self->dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  const char *name = action_name + strlen ("inbox.");

  for (McActionKind k = 0; k < MC_N_ACTIONS; k++)
    if (g_strcmp0 (name, mc_action_kind_to_name (k)) == 0)
      run_action (MC_INBOX_PAGE (widget), k);
}

static void
open_item (McInboxPage *self, const char *code)
{
  g_autoptr(McDossierStore) store = mc_dossier_store_new (mc_application_get_db (self->app),
                                                          mc_application_get_calendar (self->app));
  g_autoptr(McDossier) dossier = code ? mc_dossier_store_find (store, code, NULL) : NULL;
  GtkWindow *window;

  if (dossier == NULL)
    return;
  window = GTK_WINDOW (mc_dossier_window_new (self->app, store, dossier));
  gtk_window_set_transient_for (window, parent_window (self));
  gtk_window_present (window);
}

static void
activate_cb (McInboxPage *self, guint position)
{
  g_autoptr(McDossier) dossier = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (dossier != NULL)
    open_item (self, mc_dossier_get_code (dossier));
}

static void
open_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  McInboxPage *self = MC_INBOX_PAGE (widget);

  open_item (self, selected_code (self));
}

static void
refresh_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  mc_inbox_page_reload (MC_INBOX_PAGE (widget));
}

static void
toggle_mine_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  McInboxPage *self = MC_INBOX_PAGE (widget);

  gtk_toggle_button_set_active (self->mine, !gtk_toggle_button_get_active (self->mine));
}

/* The rows follow the database by themselves (McInboxModel listens to
 * McChanges: this window, another page, another computer); what the
 * selected dossier allows may have changed with them. A dialog already open
 * keeps what it was given. */
static void
changes_cb (GtkWidget *widget)
{
  update_actions (MC_INBOX_PAGE (widget));
}

/* Every minute, for the clock, not for the data: when a dossier of mine
 * has just passed its appointment, the lateness of the rows, which moved
 * with the clock, is read again (only the rows whose lateness changed are
 * told). The bell (mc-notification-bell.c) tells the person, on the desktop
 * too, from sign-in on. */
static gboolean
tick_cb (gpointer user_data)
{
  McInboxPage *self = user_data;

  if (mc_inbox_page_check_overdue (self, mc_time_now ()) > 0)
    load (self);
  return G_SOURCE_CONTINUE;
}

/* Overrides */

static void
mc_inbox_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  McInboxPage *self = MC_INBOX_PAGE (object);
  McInboxCounts counts = { 0 };

  if (self->model != NULL)
    mc_inbox_model_get_counts (self->model, &counts);
  switch (prop_id)
    {
    case PROP_N_WAITING:
      g_value_set_uint (value, counts.total);
      break;
    case PROP_N_OVERDUE:
      g_value_set_uint (value, counts.overdue);
      break;
    case PROP_FILTER_DEPARTMENT:
      g_value_set_string (value, chosen_department_name (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_inbox_page_dispose (GObject *object)
{
  McInboxPage *self = MC_INBOX_PAGE (object);

  g_clear_handle_id (&self->timer, g_source_remove);
  g_clear_weak_pointer (&self->dialog);
  g_clear_pointer (&self->dialog_code, g_free);
  g_clear_object (&self->selection);
  g_clear_object (&self->slice);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  g_clear_pointer (&self->departments, g_ptr_array_unref);
  g_clear_pointer (&self->staff, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_INBOX_PAGE);
  G_OBJECT_CLASS (mc_inbox_page_parent_class)->dispose (object);
}

static void
install_action (GtkWidgetClass *widget_class, McActionKind kind, guint key, GdkModifierType mods)
{
  g_autofree char *name = g_strdup_printf ("inbox.%s", mc_action_kind_to_name (kind));

  gtk_widget_class_install_action (widget_class, name, NULL, action_cb);
  gtk_widget_class_add_binding_action (widget_class, key, mods, name, NULL);
}

static void
mc_inbox_page_class_init (McInboxPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = mc_inbox_page_dispose;
  G_OBJECT_CLASS (klass)->get_property = mc_inbox_page_get_property;
  properties[PROP_N_WAITING] = g_param_spec_uint ("n-waiting", NULL, NULL, 0, G_MAXUINT, 0,
                                                  G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_OVERDUE] = g_param_spec_uint ("n-overdue", NULL, NULL, 0, G_MAXUINT, 0,
                                                  G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILTER_DEPARTMENT] = g_param_spec_string ("filter-department", NULL, NULL, NULL,
                                                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);
  g_type_ensure (MC_TYPE_WRAP_BOX);
  g_type_ensure (MC_TYPE_COLUMN_FIT);
  gtk_widget_class_set_template_from_resource (widget_class, "/vn/motcua/Motcua/ui/mc-inbox-page.ui");
  gtk_widget_class_bind_template_child (widget_class, McInboxPage, department);
  gtk_widget_class_bind_template_child (widget_class, McInboxPage, mine);
  gtk_widget_class_bind_template_child (widget_class, McInboxPage, user);
  gtk_widget_class_bind_template_child (widget_class, McInboxPage, summary);
  gtk_widget_class_bind_template_child (widget_class, McInboxPage, show_all);
  gtk_widget_class_bind_template_child (widget_class, McInboxPage, fit);
  gtk_widget_class_bind_template_child (widget_class, McInboxPage, view);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, user_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  install_action (widget_class, MC_ACTION_ACCEPT, GDK_KEY_F2, 0);
  install_action (widget_class, MC_ACTION_TRANSFER, GDK_KEY_F3, 0);
  install_action (widget_class, MC_ACTION_SEND_BACK, GDK_KEY_F4, 0);
  install_action (widget_class, MC_ACTION_SUPPLEMENT, GDK_KEY_F6, 0);
  install_action (widget_class, MC_ACTION_FINANCIAL, GDK_KEY_F7, 0);
  install_action (widget_class, MC_ACTION_RESUME, GDK_KEY_F8, 0);
  install_action (widget_class, MC_ACTION_FINISH, GDK_KEY_F9, 0);
  install_action (widget_class, MC_ACTION_SEND_EXTERNAL, GDK_KEY_l, GDK_CONTROL_MASK);
  install_action (widget_class, MC_ACTION_RECEIVE_EXTERNAL, GDK_KEY_l, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  install_action (widget_class, MC_ACTION_UNQUALIFIED, GDK_KEY_k, GDK_CONTROL_MASK);
  install_action (widget_class, MC_ACTION_WITHDRAW, GDK_KEY_w, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  install_action (widget_class, MC_ACTION_APOLOGY, GDK_KEY_e, GDK_CONTROL_MASK);
  gtk_widget_class_install_action (widget_class, "inbox.open", NULL, open_cb);
  gtk_widget_class_install_action (widget_class, "inbox.show-all", NULL, show_all_cb);
  gtk_widget_class_install_action (widget_class, "inbox.refresh", NULL, refresh_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "inbox.refresh", NULL);
  gtk_widget_class_install_action (widget_class, "inbox.toggle-mine", NULL, toggle_mine_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "inbox.toggle-mine", NULL);
}

static void
mc_inbox_page_init (McInboxPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  mc_drop_down_shorten (self->department, 22);
  mc_drop_down_shorten (self->user, 22);
  build_columns (self);
  g_signal_connect_swapped (self->department, "notify::selected", G_CALLBACK (department_chosen_cb), self);
}

/* The model needs the application's workflow: made once the page has it. */
static void
attach_model (McInboxPage *self)
{
  self->model = mc_inbox_model_new (mc_application_get_workflow (self->app));
  /* The view binds the first rows, more as it scrolls (mc-list-slice.c). */
  self->slice = mc_list_slice_new (G_LIST_MODEL (self->model));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->slice)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (self->selection));
  mc_list_slice_follow (self->slice, self->view);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (update_actions), self);
  g_signal_connect_swapped (self->model, "notify", G_CALLBACK (model_notify_cb), self);
  g_signal_connect_swapped (self->model, "items-changed", G_CALLBACK (publish_counts), self);
  mc_empty_state_attach (GTK_WIDGET (self->fit),
                         G_LIST_MODEL (self->model), "emblem-ok-symbolic", _("No dossier waiting"),
                         _("Dossiers sent to you or to your department appear here. Turn off “Mine” or choose "
                           "“All departments” to see the others."));
}

/* Public API */

McInboxPage *
mc_inbox_page_new (McApplication *app)
{
  McInboxPage *self = g_object_new (MC_TYPE_INBOX_PAGE, NULL);

  self->app = app;
  attach_model (self);
  self->loading = TRUE;
  fill_choices (self);
  self->loading = FALSE;
  self->last_check = mc_time_now ();
  load (self);
  publish_counts (self);
  self->timer = g_timeout_add_seconds (CHECK_INTERVAL_S, tick_cb, self);
  mc_page_follow_changes (GTK_WIDGET (self), mc_application_get_db (app),
                          MC_CHANGE_MASK (MC_CHANGE_DOSSIER) | MC_CHANGE_MASK (MC_CHANGE_STAFF), FALSE, changes_cb);
  return self;
}

/* The badges of the page before it is built: the inbox fill_choices would
 * open on (the person's department, everyone's in it), counted in SQL. */
void
mc_inbox_page_count_badges (McApplication *app, guint *n_waiting, guint *n_overdue)
{
  McDb *db = mc_application_get_db (app);
  g_autofree char *username = mc_session_dup_username (app);
  g_autoptr(GPtrArray) staff = username ? mc_directory_list_staff (db, 0, NULL) : NULL;
  g_autoptr(GError) error = NULL;
  gint64 department = 0;

  for (guint i = 0; staff != NULL && i < staff->len; i++)
    if (g_strcmp0 (mc_staff_get_username (staff->pdata[i]), username) == 0)
      department = mc_staff_get_department_id (staff->pdata[i]);
  if (!mc_workflow_count_inbox_overdue (mc_application_get_workflow (app), department, NULL, mc_time_now (),
                                        n_waiting, n_overdue, &error))
    g_warning ("%s", error->message);
}

void
mc_inbox_page_reload (McInboxPage *self)
{
  g_return_if_fail (MC_IS_INBOX_PAGE (self));

  load (self);
}

void
mc_inbox_page_set_filter (McInboxPage *self, gint64 department_id, gboolean mine)
{
  g_return_if_fail (MC_IS_INBOX_PAGE (self));

  self->loading = TRUE;
  gtk_drop_down_set_selected (self->department, 0);
  for (guint i = 0; i < self->departments->len; i++)
    if (((McDepartment *) self->departments->pdata[i])->id == department_id)
      gtk_drop_down_set_selected (self->department, i + 1);
  gtk_toggle_button_set_active (self->mine, mine);
  self->loading = FALSE;
  load (self);
}

guint
mc_inbox_page_get_n_items (McInboxPage *self)
{
  g_return_val_if_fail (MC_IS_INBOX_PAGE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->model));
}

McDossier *
mc_inbox_page_get_item (McInboxPage *self, guint position)
{
  g_autoptr(McDossier) dossier = NULL;

  g_return_val_if_fail (MC_IS_INBOX_PAGE (self), NULL);

  dossier = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  return dossier;  /* the model keeps it */
}

gboolean
mc_inbox_page_select (McInboxPage *self, const char *code)
{
  guint position;

  g_return_val_if_fail (MC_IS_INBOX_PAGE (self), FALSE);

  position = mc_inbox_model_find (self->model, code);
  if (position == G_MAXUINT)
    return FALSE;
  mc_list_slice_reveal (self->slice, position);
  gtk_single_selection_set_selected (self->selection, position);
  return TRUE;
}

void
mc_inbox_page_get_counts (McInboxPage *self, McInboxCounts *counts)
{
  g_return_if_fail (MC_IS_INBOX_PAGE (self));

  mc_inbox_model_get_counts (self->model, counts);
}

McActionDialog *
mc_inbox_page_get_dialog (McInboxPage *self)
{
  g_return_val_if_fail (MC_IS_INBOX_PAGE (self), NULL);

  return self->dialog;
}

guint
mc_inbox_page_check_overdue (McInboxPage *self, McTime now)
{
  g_autofree char *username = NULL;
  g_auto(GStrv) codes = NULL;

  g_return_val_if_fail (MC_IS_INBOX_PAGE (self), 0);

  username = mc_session_dup_username (self->app);
  if (username == NULL || now <= self->last_check)
    return 0;
  codes = mc_workflow_newly_overdue (mc_application_get_workflow (self->app), 0, username, self->last_check, now,
                                     NULL);
  self->last_check = now;
  return codes ? g_strv_length (codes) : 0;
}
