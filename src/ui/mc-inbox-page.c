/* mc-inbox-page.c — Xử lý hồ sơ: the dossiers waiting for a department or a person
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The inbox is short (what one department or one person holds), so it is
 * read whole from McWorkflow, most urgent first, and read again after each
 * action and every minute. The two kinds of lateness are shown apart, each
 * with its word and not by colour alone: "chậm tiến độ" (the step is past its
 * own due time) and "quá hạn" (the appointment has passed); "sắp đến hạn"
 * (at most one working day left) is marked too.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-apology-form.h"
#include "mc-directory.h"
#include "mc-dossier-store.h"
#include "mc-dossier-window.h"
#include "mc-empty-state.h"
#include "mc-format.h"
#include "mc-inbox-page.h"
#include "mc-page-changes.h"
#include "mc-lateness.h"
#include "mc-records-print.h"
#include "mc-stop-notice.h"
#include "mc-session.h"
#include "mc-text-column.h"

#define CHECK_INTERVAL_S 60

/* A McWorkItem as an item of the list model. */
#define MC_TYPE_INBOX_ITEM (mc_inbox_item_get_type ())
G_DECLARE_FINAL_TYPE (McInboxItem, mc_inbox_item, MC, INBOX_ITEM, GObject)

struct _McInboxItem
{
  GObject     parent_instance;
  McWorkItem *item;
};

G_DEFINE_FINAL_TYPE (McInboxItem, mc_inbox_item, G_TYPE_OBJECT)

static void
mc_inbox_item_finalize (GObject *object)
{
  g_clear_pointer (&MC_INBOX_ITEM (object)->item, mc_work_item_free);
  G_OBJECT_CLASS (mc_inbox_item_parent_class)->finalize (object);
}

static void mc_inbox_item_class_init (McInboxItemClass *klass) { G_OBJECT_CLASS (klass)->finalize = mc_inbox_item_finalize; }
static void mc_inbox_item_init (McInboxItem *self) { }

struct _McInboxPage
{
  AdwBin              parent_instance;

  McApplication      *app;
  GListStore         *items;        /* McInboxItem */
  GtkSingleSelection *selection;
  GPtrArray          *departments;  /* McDepartment*, item i + 1 of the drop-down */
  GPtrArray          *staff;        /* McStaff*, item i of the user drop-down */
  McInboxCounts       counts;
  McTime              last_check;
  guint               timer;
  McActionDialog     *dialog;       /* weak */
  gboolean            stale;        /* changed under a dialog: reload when it is gone */
  gboolean            loading;

  GtkDropDown        *department;
  GtkToggleButton    *mine;
  GtkDropDown        *user;
  GtkLabel           *summary;
  GtkColumnView      *view;
};

G_DEFINE_FINAL_TYPE (McInboxPage, mc_inbox_page, ADW_TYPE_BIN)

/* The counts the sidebar's badges show (McSidebar binds them). */
enum { PROP_0, PROP_N_WAITING, PROP_N_OVERDUE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static McWorkItem *item_of (gpointer object) { return MC_INBOX_ITEM (object)->item; }

/* Cells */

static char *code_of (gpointer o) { return g_strdup (item_of (o)->code); }
static char *procedure_of (gpointer o) { return g_strdup (item_of (o)->procedure_name); }
static char *applicant_of (gpointer o) { return g_strdup (item_of (o)->applicant_name); }

static char *
step_of (gpointer o)
{
  McWorkItem *w = item_of (o);

  return w->n_steps > 0 ? g_strdup_printf ("%d/%d", w->step, w->n_steps) : g_strdup ("");
}

static char *
holder_of (gpointer o)
{
  McWorkItem *w = item_of (o);

  if (w->unit_name != NULL && w->state == MC_STATE_SENT_EXTERNAL)
    return g_strdup (w->unit_name);
  if (w->staff_name != NULL && w->department_name != NULL)
    return g_strdup_printf ("%s · %s", w->department_name, w->staff_name);
  return g_strdup (w->department_name ? w->department_name : w->staff_name);
}

static char *
state_of (McWorkItem *w)
{
  if (w->state == MC_STATE_PAUSED && g_strcmp0 (w->pause_kind, "supplement") == 0)
    return g_strdup (_("Paused: supplements"));
  if (w->state == MC_STATE_PAUSED && g_strcmp0 (w->pause_kind, "financial") == 0)
    return g_strdup (_("Paused: financial obligations"));
  if (w->state == MC_STATE_PROCESSING && w->step_accepted_at == 0)
    return g_strdup (_("Waiting to be accepted"));
  return g_strdup (mc_dossier_state_get_label (w->state));
}

static const char *
lateness_class (McLateness lateness)
{
  switch (lateness)
    {
    case MC_LATENESS_OVERDUE: return "overdue";
    case MC_LATENESS_STEP_LATE: return "step-late";
    case MC_LATENESS_SOON: return "soon";
    case MC_LATENESS_NONE:
    default: return NULL;
    }
}

static const char *
lateness_label (McLateness lateness)
{
  switch (lateness)
    {
    case MC_LATENESS_OVERDUE: return _("Overdue");
    case MC_LATENESS_STEP_LATE: return _("Behind schedule");
    case MC_LATENESS_SOON: return _("Due soon");
    case MC_LATENESS_NONE:
    default: return NULL;
    }
}

static const char *
lateness_meaning (McLateness lateness)
{
  switch (lateness)
    {
    case MC_LATENESS_OVERDUE: return mc_lateness_overdue_meaning ();
    case MC_LATENESS_STEP_LATE: return mc_lateness_step_late_meaning ();
    case MC_LATENESS_SOON: return _("Due soon: one working day or less before the step's due time or the appointment");
    case MC_LATENESS_NONE:
    default: return NULL;
    }
}

static void
set_badge (GtkLabel *badge, McLateness lateness)
{
  static const char *const classes[] = { "overdue", "step-late", "soon" };
  const char *css = lateness_class (lateness);

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (badge), classes[i]);
  gtk_widget_set_visible (GTK_WIDGET (badge), css != NULL);
  if (css != NULL)
    {
      gtk_label_set_text (badge, lateness_label (lateness));
      gtk_widget_add_css_class (GTK_WIDGET (badge), css);
      gtk_widget_set_tooltip_text (GTK_WIDGET (badge), lateness_meaning (lateness));
    }
}

static GtkLabel *
new_badge (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (label, "badge");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  return GTK_LABEL (label);
}

/* A time and, beside it, the lateness it stands for: the step's due time
 * with "chậm tiến độ", the appointment with "quá hạn". */
static void
setup_time_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (NULL);
  GtkLabel *badge = new_badge ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_halign (GTK_WIDGET (badge), GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (badge));
  gtk_list_item_set_child (list_item, box);
}

static void
bind_time_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  gboolean appointment = GPOINTER_TO_INT (user_data);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkLabel *label = GTK_LABEL (gtk_widget_get_first_child (box));
  McWorkItem *w = item_of (gtk_list_item_get_item (list_item));
  McTime t = appointment ? w->appointment_at : w->step_due_at;
  g_autofree char *text = t ? mc_format_time (t) : g_strdup ("—");

  gtk_label_set_text (label, text);
  set_badge (GTK_LABEL (gtk_widget_get_last_child (box)), appointment ? w->lateness : w->step_lateness);
  gtk_widget_set_tooltip_text (box, appointment && t != w->due_at ? _("New appointment after an apology") : NULL);
}

/* The state in words, then the lateness badges, both kinds when both apply. */
static void
setup_state_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *badges = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (badges), GTK_WIDGET (new_badge ()));
  gtk_box_append (GTK_BOX (badges), GTK_WIDGET (new_badge ()));
  gtk_box_append (GTK_BOX (box), badges);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_state_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *label = gtk_widget_get_first_child (box);
  GtkWidget *badges = gtk_widget_get_last_child (box);
  McWorkItem *w = item_of (gtk_list_item_get_item (list_item));
  g_autofree char *state = state_of (w);
  McLateness step = w->step_lateness, due = w->lateness;

  gtk_label_set_text (GTK_LABEL (label), state);
  /* "Sắp đến hạn" once is enough when both the step and the appointment are near. */
  if (due == MC_LATENESS_SOON && step != MC_LATENESS_NONE)
    due = MC_LATENESS_NONE;
  set_badge (GTK_LABEL (gtk_widget_get_first_child (badges)), due);
  set_badge (GTK_LABEL (gtk_widget_get_last_child (badges)), step);
  gtk_widget_set_visible (badges, due != MC_LATENESS_NONE || step != MC_LATENESS_NONE);
}

static void
add_custom_column (McInboxPage *self, const char *title, GCallback setup, GCallback bind, gpointer data, int width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", setup, NULL);
  g_signal_connect (factory, "bind", bind, data);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_fixed_width (column, width);
  gtk_column_view_append_column (self->view, column);
  g_object_unref (column);
}

static void
build_columns (McInboxPage *self)
{
  mc_text_column_add (self->view, _("Dossier code"), code_of, FALSE, 205, NULL, NULL);
  mc_text_column_add (self->view, _("Procedure"), procedure_of, TRUE, -1, NULL, NULL);
  mc_text_column_add (self->view, _("Applicant"), applicant_of, FALSE, 150, NULL, NULL);
  mc_text_column_add (self->view, _("Step"), step_of, FALSE, 50, NULL, NULL);
  mc_text_column_add (self->view, _("Held by"), holder_of, TRUE, -1, NULL, NULL);
  add_custom_column (self, _("Step due"), G_CALLBACK (setup_time_cb), G_CALLBACK (bind_time_cb),
                     GINT_TO_POINTER (FALSE), 155);
  add_custom_column (self, _("Appointment"), G_CALLBACK (setup_time_cb), G_CALLBACK (bind_time_cb),
                     GINT_TO_POINTER (TRUE), 155);
  add_custom_column (self, _("State"), G_CALLBACK (setup_state_cb), G_CALLBACK (bind_state_cb), NULL, 170);
}

/* Loading */

static gint64
chosen_department (McInboxPage *self)
{
  guint i = gtk_drop_down_get_selected (self->department);

  return i > 0 && i - 1 < self->departments->len ? ((McDepartment *) self->departments->pdata[i - 1])->id : 0;
}

static const char *
chosen_username (McInboxPage *self)
{
  const char *username = mc_application_get_username (self->app);

  return gtk_toggle_button_get_active (self->mine) && username != NULL ? username : NULL;
}

static const McWorkItem *
selected_item (McInboxPage *self)
{
  gpointer object = gtk_single_selection_get_selected_item (self->selection);

  return object ? item_of (object) : NULL;
}

static void
update_actions (McInboxPage *self)
{
  const McWorkItem *w = selected_item (self);
  /* Core's rules for the person at this computer: an action they cannot
   * take is not offered, rather than refused once its dialog is filled in. */
  guint allowed = w != NULL ? mc_action_kinds_allowed (self->app, w->code) : 0;

  for (McActionKind k = 0; k < MC_N_ACTIONS; k++)
    {
      g_autofree char *name = g_strdup_printf ("inbox.%s", mc_action_kind_to_name (k));
      gtk_widget_action_set_enabled (GTK_WIDGET (self), name, (allowed & (1u << k)) != 0);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inbox.open", w != NULL);
}

static void
update_summary (McInboxPage *self)
{
  g_autofree char *total = mc_format_count (self->counts.total);
  g_autoptr(GString) text = g_string_new (NULL);

  /* Translators: %s is a number such as 1.157 */
  g_string_printf (text, ngettext ("%s dossier", "%s dossiers", self->counts.total), total);
  if (self->counts.overdue)
    g_string_append_printf (text, " · %u %s", self->counts.overdue, _("overdue"));
  if (self->counts.step_late)
    g_string_append_printf (text, " · %u %s", self->counts.step_late, _("behind schedule"));
  if (self->counts.soon)
    g_string_append_printf (text, " · %u %s", self->counts.soon, _("due soon"));
  gtk_label_set_text (self->summary, text->str);
  /* The same words, and the same count, as the dossier list's filters and the board. */
  g_string_printf (text, "%s\n%s", mc_lateness_overdue_meaning (), mc_lateness_step_late_meaning ());
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->summary), text->str);
}

/* The counts of the inbox as filtered, on the page and, through the
 * n-waiting and n-overdue properties, on the navigation. */
static void
publish_counts (McInboxPage *self, const McInboxCounts *before)
{
  update_summary (self);
  if (before->total != self->counts.total)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_WAITING]);
  if (before->overdue != self->counts.overdue)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_OVERDUE]);
}

static void
load (McInboxPage *self)
{
  McWorkflow *wf = mc_application_get_workflow (self->app);
  const McWorkItem *selected = selected_item (self);
  g_autofree char *keep = selected ? g_strdup (selected->code) : NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) inbox = NULL;
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);
  McTime now = mc_time_now ();
  McInboxCounts before;

  inbox = mc_workflow_inbox (wf, chosen_department (self), chosen_username (self), now, &error);
  if (inbox == NULL)
    g_warning ("%s", error->message);
  for (guint i = 0; inbox != NULL && i < inbox->len; i++)
    {
      McInboxItem *object = g_object_new (MC_TYPE_INBOX_ITEM, NULL);
      object->item = g_steal_pointer (&inbox->pdata[i]);
      g_ptr_array_add (objects, object);
    }
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       objects->pdata, objects->len);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  if (keep != NULL)
    mc_inbox_page_select (self, keep);
  before = self->counts;
  memset (&self->counts, 0, sizeof self->counts);
  g_clear_error (&error);
  if (!mc_workflow_count_inbox (wf, chosen_department (self), chosen_username (self), now, &self->counts, &error))
    g_warning ("%s", error->message);
  publish_counts (self, &before);
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
  const char *username = mc_application_get_username (self->app);
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
  /* The rows were replaced, the focused one with them: keep the keyboard in
   * the list so F2, F3… act on the next dossier without a click. */
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

  if (mc_form_set_for_time (mc_application_get_db (self->app), mc_time_now ()) != MC_FORM_SET_2025)
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
  const McWorkItem *w = selected_item (self);
  g_autofree char *code = w ? g_strdup (w->code) : g_strdup ("");
  McActionKind kind = mc_action_dialog_get_kind (dialog);

  done (self, mc_action_dialog_get_done_message (dialog));
  if (kind == MC_ACTION_APOLOGY && mc_action_dialog_get_apology_id (dialog) > 0)
    print_apology (self, mc_action_dialog_get_apology_id (dialog), code);
  else if (kind == MC_ACTION_WITHDRAW)
    print_stop_notice (self, code);
}

static void
accept (McInboxPage *self, const McWorkItem *w)
{
  McAction action = { 0, mc_application_get_username (self->app), NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *code = g_strdup (w->code);

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
  const McWorkItem *w = selected_item (self);
  g_autoptr(GError) error = NULL;
  McActionDialog *dialog;

  if (w == NULL)
    return;
  /* Another clerk may have moved the dossier since the actions were set:
   * asked again, the refusal comes with its reason before any dialog. */
  if (!mc_action_kind_is_allowed (self->app, kind, w->code, &error))
    {
      mc_action_show_error (parent_window (self), _("Not done"), error->message);
      return;
    }
  if (kind == MC_ACTION_ACCEPT)
    {
      accept (self, w);
      return;
    }
  dialog = mc_action_dialog_new (self->app, kind, w);
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
open_item (McInboxPage *self, const McWorkItem *w)
{
  g_autoptr(McDossierStore) store = mc_dossier_store_new (mc_application_get_db (self->app),
                                                          mc_application_get_calendar (self->app));
  g_autoptr(McDossier) dossier = w ? mc_dossier_store_find (store, w->code, NULL) : NULL;
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
  g_autoptr(GObject) object = g_list_model_get_item (G_LIST_MODEL (self->items), position);

  if (object != NULL)
    open_item (self, item_of (object));
}

static void
open_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  McInboxPage *self = MC_INBOX_PAGE (widget);

  open_item (self, selected_item (self));
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

/* A change to the dossiers (McChanges: this window, another page, another
 * computer) reloads the list, but never under a dialog working on one of
 * its dossiers: then the list is reloaded when the dialog is gone. */
static void
changes_cb (GtkWidget *widget)
{
  McInboxPage *self = MC_INBOX_PAGE (widget);

  if (self->dialog != NULL)
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;
  load (self);
}

/* Every minute, for the clock, not for the data: a dossier of mine that
 * just passed its appointment is announced, and the list and its counts,
 * whose lateness moved, are read again. */
static gboolean
tick_cb (gpointer user_data)
{
  McInboxPage *self = user_data;

  if (mc_inbox_page_check_overdue (self, mc_time_now ()) > 0 || self->stale)
    changes_cb (GTK_WIDGET (self));
  return G_SOURCE_CONTINUE;
}

/* Overrides */

static void
mc_inbox_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  McInboxPage *self = MC_INBOX_PAGE (object);

  switch (prop_id)
    {
    case PROP_N_WAITING:
      g_value_set_uint (value, self->counts.total);
      break;
    case PROP_N_OVERDUE:
      g_value_set_uint (value, self->counts.overdue);
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
  g_clear_object (&self->selection);
  g_clear_object (&self->items);
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
  g_object_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);
  gtk_widget_class_set_template_from_resource (widget_class, "/vn/motcua/Motcua/ui/mc-inbox-page.ui");
  gtk_widget_class_bind_template_child (widget_class, McInboxPage, department);
  gtk_widget_class_bind_template_child (widget_class, McInboxPage, mine);
  gtk_widget_class_bind_template_child (widget_class, McInboxPage, user);
  gtk_widget_class_bind_template_child (widget_class, McInboxPage, summary);
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
  gtk_widget_class_install_action (widget_class, "inbox.refresh", NULL, refresh_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "inbox.refresh", NULL);
  gtk_widget_class_install_action (widget_class, "inbox.toggle-mine", NULL, toggle_mine_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "inbox.toggle-mine", NULL);
}

static void
mc_inbox_page_init (McInboxPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->items = g_list_store_new (MC_TYPE_INBOX_ITEM);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->items)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (update_actions), self);
  build_columns (self);
  mc_empty_state_attach (gtk_widget_get_ancestor (GTK_WIDGET (self->view), GTK_TYPE_SCROLLED_WINDOW),
                         G_LIST_MODEL (self->items), "emblem-ok-symbolic", _("No dossier waiting"),
                         _("Dossiers sent to you or to your department appear here. Turn off “Mine” or choose "
                           "“All departments” to see the others."));
}

/* Public API */

McInboxPage *
mc_inbox_page_new (McApplication *app)
{
  McInboxPage *self = g_object_new (MC_TYPE_INBOX_PAGE, NULL);

  self->app = app;
  self->loading = TRUE;
  fill_choices (self);
  self->loading = FALSE;
  self->last_check = mc_time_now ();
  load (self);
  self->timer = g_timeout_add_seconds (CHECK_INTERVAL_S, tick_cb, self);
  mc_page_follow_changes (GTK_WIDGET (self), mc_application_get_db (app),
                          MC_CHANGE_MASK (MC_CHANGE_DOSSIER) | MC_CHANGE_MASK (MC_CHANGE_STAFF) |
                          MC_CHANGE_MASK (MC_CHANGE_APOLOGY) | MC_CHANGE_MASK (MC_CHANGE_CALENDAR) |
                          MC_CHANGE_MASK (MC_CHANGE_SETTING), TRUE, changes_cb);
  return self;
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

  return g_list_model_get_n_items (G_LIST_MODEL (self->items));
}

const McWorkItem *
mc_inbox_page_get_item (McInboxPage *self, guint position)
{
  g_autoptr(GObject) object = NULL;

  g_return_val_if_fail (MC_IS_INBOX_PAGE (self), NULL);

  object = g_list_model_get_item (G_LIST_MODEL (self->items), position);
  /* The store keeps the item alive. */
  return object ? item_of (object) : NULL;
}

gboolean
mc_inbox_page_select (McInboxPage *self, const char *code)
{
  g_return_val_if_fail (MC_IS_INBOX_PAGE (self), FALSE);

  for (guint i = 0; i < mc_inbox_page_get_n_items (self); i++)
    if (g_strcmp0 (mc_inbox_page_get_item (self, i)->code, code) == 0)
      {
        gtk_single_selection_set_selected (self->selection, i);
        return TRUE;
      }
  return FALSE;
}

void
mc_inbox_page_get_counts (McInboxPage *self, McInboxCounts *counts)
{
  g_return_if_fail (MC_IS_INBOX_PAGE (self));

  *counts = self->counts;
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
  const char *username = mc_application_get_username (self->app);
  g_auto(GStrv) codes = NULL;
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *body = NULL;
  guint n;

  g_return_val_if_fail (MC_IS_INBOX_PAGE (self), 0);

  if (username == NULL || now <= self->last_check)
    return 0;
  codes = mc_workflow_newly_overdue (mc_application_get_workflow (self->app), 0, username, self->last_check, now,
                                     NULL);
  self->last_check = now;
  n = codes ? g_strv_length (codes) : 0;
  if (n == 0)
    return 0;
  if (n == 1)
    body = g_strdup_printf (_("Dossier %s has passed its appointment."), codes[0]);
  else
    {
      g_autofree char *list = g_strjoinv (", ", codes);
      body = g_strdup_printf (ngettext ("%u dossier has passed its appointment: %s",
                                        "%u dossiers have passed their appointment: %s", n), n, list);
    }
  notification = g_notification_new (_("Overdue dossier"));
  g_notification_set_body (notification, body);
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
  g_application_send_notification (G_APPLICATION (self->app), "inbox-overdue", notification);
  return n;
}
