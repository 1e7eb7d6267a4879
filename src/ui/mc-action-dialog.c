/* mc-action-dialog.c — one step of a dossier's processing, with the fields it needs
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One dialog class for the twelve actions of the processing page: each kind
 * shows only its fields (a reason, a department and person, an external unit
 * and its due time, a result, a new appointment). The "apply" button stays
 * disabled until what the law requires is filled in; what the core still
 * refuses (the dossier moved meanwhile, a time in the past) is shown in
 * Vietnamese from its GError, and nothing is changed.
 */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "mc-action-dialog.h"
#include "mc-date-entry.h"
#include "mc-decimal-spin.h"
#include "mc-catalog.h"
#include "mc-directory.h"
#include "mc-unit.h"
#include "mc-dossier-store.h"

struct _McActionDialog
{
  AdwMessageDialog  parent_instance;

  McApplication    *app;
  McActionKind      kind;
  char             *code;
  char             *department_name;   /* where the dossier is now */
  McTime            extended_due_at;
  gint64            next_department_id;
  char             *next_department_name;
  gint64            apology_id;
  char             *done_message;      /* for the toast, once applied */

  GtkGrid          *grid;
  int               n_rows;
  GtkTextView      *reason;            /* required, several lines */
  GtkEntry         *note;              /* optional, one line */
  GtkDropDown      *department;
  GPtrArray        *departments;       /* McDepartment* */
  gboolean          department_default; /* transfer: item 0 is "the next step" */
  GtkDropDown      *person;
  GPtrArray        *people;            /* McStaff*, item i + 1 of the drop-down */
  GtkDropDown      *unit;
  GPtrArray        *units;             /* McUnit* */
  GtkEntry         *due;
  GtkSpinButton    *days;
  GtkEntry         *result_number;
  GtkEntry         *result_description;
  GtkLabel         *hint;
};

G_DEFINE_FINAL_TYPE (McActionDialog, mc_action_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum { SIGNAL_APPLIED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const struct {
  const char   *name;
  const char   *label;
  McTransition  transition;
} kinds[MC_N_ACTIONS] = {
  [MC_ACTION_ACCEPT] = { "accept", N_("Accept"), MC_TRANSITION_ACCEPT },
  [MC_ACTION_TRANSFER] = { "transfer", N_("Transfer"), MC_TRANSITION_TRANSFER },
  [MC_ACTION_SEND_BACK] = { "send-back", N_("Send back"), MC_TRANSITION_SEND_BACK },
  [MC_ACTION_SUPPLEMENT] = { "supplement", N_("Request supplements"), MC_TRANSITION_PAUSE },
  [MC_ACTION_FINANCIAL] = { "financial", N_("Pause for financial obligations"), MC_TRANSITION_PAUSE },
  [MC_ACTION_RESUME] = { "resume", N_("Resume"), MC_TRANSITION_RESUME },
  [MC_ACTION_SEND_EXTERNAL] = { "send-external", N_("Send to another agency"), MC_TRANSITION_SEND_EXTERNAL },
  [MC_ACTION_RECEIVE_EXTERNAL] = { "receive-external", N_("Receive back from the agency"),
                                   MC_TRANSITION_RECEIVE_EXTERNAL },
  [MC_ACTION_FINISH] = { "finish", N_("Record the result"), MC_TRANSITION_FINISH },
  [MC_ACTION_UNQUALIFIED] = { "unqualified", N_("Not qualified"), MC_TRANSITION_UNQUALIFIED },
  [MC_ACTION_WITHDRAW] = { "withdraw", N_("Withdraw"), MC_TRANSITION_WITHDRAW },
  [MC_ACTION_APOLOGY] = { "apology", N_("Apologise and set a new appointment"), MC_TRANSITION_APOLOGIZE },
};

const char *
mc_action_kind_to_name (McActionKind kind)
{
  g_return_val_if_fail (kind < MC_N_ACTIONS, NULL);

  return kinds[kind].name;
}

const char *
mc_action_kind_to_label (McActionKind kind)
{
  g_return_val_if_fail (kind < MC_N_ACTIONS, NULL);

  return _(kinds[kind].label);
}

char *
mc_action_done_message (McActionKind kind, const char *code, const char *destination)
{
  g_return_val_if_fail (kind < MC_N_ACTIONS && code != NULL, NULL);

  /* Translators: these say what was done to a dossier (%s its code), in the
   * past tense a clerk would write: "Đã chuyển hồ sơ … đến …" */
  switch (kind)
    {
    case MC_ACTION_ACCEPT: return g_strdup_printf (_("Dossier %s accepted"), code);
    case MC_ACTION_TRANSFER:
      if (destination != NULL)
        /* Translators: the second %s is a department, maybe with a person: "Phòng Tư pháp (Trần Văn Tuấn)" */
        return g_strdup_printf (_("Dossier %s transferred to %s"), code, destination);
      return g_strdup_printf (_("Dossier %s transferred to the next step"), code);
    case MC_ACTION_SEND_BACK: return g_strdup_printf (_("Dossier %s sent back"), code);
    case MC_ACTION_SUPPLEMENT: return g_strdup_printf (_("Dossier %s paused for supplements"), code);
    case MC_ACTION_FINANCIAL: return g_strdup_printf (_("Dossier %s paused for financial obligations"), code);
    case MC_ACTION_RESUME: return g_strdup_printf (_("Dossier %s resumed"), code);
    case MC_ACTION_SEND_EXTERNAL:
      /* Translators: the second %s is the agency */
      return g_strdup_printf (_("Dossier %s sent to %s"), code, destination ? destination : "");
    case MC_ACTION_RECEIVE_EXTERNAL: return g_strdup_printf (_("Dossier %s received back from the agency"), code);
    case MC_ACTION_FINISH: return g_strdup_printf (_("Result of dossier %s recorded"), code);
    case MC_ACTION_UNQUALIFIED: return g_strdup_printf (_("Dossier %s recorded as not qualified"), code);
    case MC_ACTION_WITHDRAW: return g_strdup_printf (_("Withdrawal of dossier %s recorded"), code);
    case MC_ACTION_APOLOGY: return g_strdup_printf (_("Apology and new appointment recorded for dossier %s"), code);
    case MC_N_ACTIONS:
    default:
      g_assert_not_reached ();
    }
}

McTransition
mc_action_kind_to_transition (McActionKind kind)
{
  g_return_val_if_fail (kind < MC_N_ACTIONS, MC_N_TRANSITIONS);

  return kinds[kind].transition;
}

gboolean
mc_action_kind_is_allowed (McApplication *app, McActionKind kind, const char *code, GError **error)
{
  g_return_val_if_fail (MC_IS_APPLICATION (app), FALSE);
  g_return_val_if_fail (kind < MC_N_ACTIONS, FALSE);

  return mc_workflow_allows (mc_application_get_workflow (app), code, kinds[kind].transition,
                             mc_application_get_username (app), error);
}

guint
mc_action_kinds_allowed (McApplication *app, const char *code)
{
  guint transitions, allowed = 0;

  g_return_val_if_fail (MC_IS_APPLICATION (app), 0);

  transitions = mc_dossier_allowed_actions (mc_application_get_workflow (app), code, mc_application_get_username (app));
  for (McActionKind k = 0; k < MC_N_ACTIONS; k++)
    if (transitions & (1u << kinds[k].transition))
      allowed |= 1u << k;
  return allowed;
}

/* Fields */

static void
add_row (McActionDialog *self, const char *label, GtkWidget *widget)
{
  GtkWidget *title = gtk_label_new_with_mnemonic (label);

  gtk_label_set_xalign (GTK_LABEL (title), 1);
  gtk_widget_set_valign (title, GTK_IS_SCROLLED_WINDOW (widget) ? GTK_ALIGN_START : GTK_ALIGN_CENTER);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), GTK_IS_SCROLLED_WINDOW (widget)
                                 ? gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (widget)) : widget);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_grid_attach (self->grid, title, 0, self->n_rows, 1, 1);
  gtk_grid_attach (self->grid, widget, 1, self->n_rows, 1, 1);
  self->n_rows++;
}

static void
add_hint (McActionDialog *self, const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_grid_attach (self->grid, label, 1, self->n_rows++, 1, 1);
}

static char *
reason_text (McActionDialog *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (self->reason == NULL)
    return NULL;
  buffer = gtk_text_view_get_buffer (self->reason);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_strstrip (text);
  return *text ? g_steal_pointer (&text) : NULL;
}

static char *
entry_text (GtkEntry *entry)
{
  g_autofree char *text = entry ? g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)))) : NULL;

  return text && *text ? g_steal_pointer (&text) : NULL;
}

static gboolean
has_text (GtkEntry *entry)
{
  g_autofree char *text = entry_text (entry);

  return text != NULL;
}

/* What the dialog can apply now; a message for the clerk when not. */
static const char *
check_fields (McActionDialog *self, McTime *due)
{
  g_autofree char *reason = reason_text (self);
  /* Read as every typed date (McDateEntry, core's mc_time_parse_typed):
   * d/m/yy and 10h30 too; a text it cannot read marks the entry itself. */
  McDateEntryState due_state = self->due ? mc_date_entry_read_time (MC_DATE_ENTRY (self->due), due)
                                         : MC_DATE_ENTRY_EMPTY;

  if (due_state != MC_DATE_ENTRY_VALID)
    *due = 0;
  if (self->reason != NULL && reason == NULL)
    return self->kind == MC_ACTION_SUPPLEMENT ? _("List the documents to supplement.") : _("Enter the reason.");
  if (self->kind == MC_ACTION_FINISH && !has_text (self->result_number) && !has_text (self->result_description))
    return _("Give the number or a description of the result document.");
  if (self->unit != NULL && (self->units == NULL || self->units->len == 0))
    return _("No other agency is registered.");
  if (due_state == MC_DATE_ENTRY_INVALID)
    return mc_date_entry_get_message (MC_DATE_ENTRY (self->due));
  if (self->kind == MC_ACTION_APOLOGY && due_state == MC_DATE_ENTRY_EMPTY && self->extended_due_at == 0)
    return _("Enter the new appointment.");
  return NULL;
}

static void
update_response (McActionDialog *self)
{
  McTime due;
  const char *problem = check_fields (self, &due);

  /* The fields are filled (a proposed appointment) before the buttons exist. */
  if (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (self), "apply"))
    adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "apply", problem == NULL);
  gtk_label_set_text (self->hint, problem ? problem : "");
}

static GtkWidget *
new_entry (McActionDialog *self, GtkEntry **out, const char *placeholder)
{
  GtkWidget *entry = gtk_entry_new ();

  if (placeholder)
    gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (update_response), self);
  *out = GTK_ENTRY (entry);
  return entry;
}

static GtkWidget *
new_time_entry (McActionDialog *self, GtkEntry **out)
{
  GtkWidget *entry = mc_date_entry_new (TRUE, FALSE);

  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (update_response), self);
  *out = GTK_ENTRY (entry);
  return entry;
}

static void
add_reason (McActionDialog *self, const char *label)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 90);
  g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                            G_CALLBACK (update_response), self);
  self->reason = GTK_TEXT_VIEW (view);
  add_row (self, label, scroller);
}

static void
fill_people (McActionDialog *self, gint64 department_id)
{
  GtkStringList *names = gtk_string_list_new (NULL);

  g_clear_pointer (&self->people, g_ptr_array_unref);
  self->people = department_id > 0 ? mc_directory_list_staff (mc_application_get_db (self->app), department_id, NULL)
                                   : NULL;
  gtk_string_list_append (names, self->kind == MC_ACTION_APOLOGY ? _("Not named") : _("Anyone in the department"));
  for (guint i = 0; self->people != NULL && i < self->people->len; i++)
    {
      McStaff *s = self->people->pdata[i];
      const char *title = mc_staff_get_title (s);
      g_autofree char *text = title ? g_strdup_printf ("%s — %s", mc_staff_get_full_name (s), title)
                                    : g_strdup (mc_staff_get_full_name (s));

      gtk_string_list_append (names, text);
    }
  gtk_drop_down_set_model (self->person, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->person, 0);
  g_object_unref (names);
}

static McDepartment *
chosen_department (McActionDialog *self)
{
  guint i = gtk_drop_down_get_selected (self->department);

  if (self->department_default)
    {
      if (i == 0)
        return NULL;
      i--;
    }
  return i < self->departments->len ? self->departments->pdata[i] : NULL;
}

static void
department_changed_cb (McActionDialog *self)
{
  McDepartment *d = chosen_department (self);

  fill_people (self, d ? d->id : self->next_department_id);
}

static void
add_department_and_person (McActionDialog *self)
{
  GtkStringList *names = gtk_string_list_new (NULL);
  guint selected = 0;

  self->departments = mc_catalog_list_departments (mc_application_get_catalog (self->app), NULL);
  self->department_default = self->kind == MC_ACTION_TRANSFER;
  if (self->department_default)
    {
      g_autofree char *next = self->next_department_name
        ? g_strdup_printf (_("Next step: %s"), self->next_department_name) : g_strdup (_("Next step of the procedure"));
      gtk_string_list_append (names, next);
    }
  for (guint i = 0; i < self->departments->len; i++)
    {
      McDepartment *d = self->departments->pdata[i];

      gtk_string_list_append (names, d->name);
      if (!self->department_default && g_strcmp0 (d->name, self->department_name) == 0)
        selected = i;
    }
  self->department = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (names), NULL));
  gtk_drop_down_set_selected (self->department, selected);
  self->person = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  add_row (self, self->kind == MC_ACTION_APOLOGY ? _("Responsible _department") : _("_To"),
           GTK_WIDGET (self->department));
  add_row (self, self->kind == MC_ACTION_APOLOGY ? _("Responsible _person") : _("_Person"),
           GTK_WIDGET (self->person));
  department_changed_cb (self);
  g_signal_connect_swapped (self->department, "notify::selected", G_CALLBACK (department_changed_cb), self);
}

/* GTK 4.8's Vietnamese catalog lacks the drop-down's "Search…": say it in ours. */
static void
set_search_placeholder (GtkWidget *widget, const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_SEARCH_ENTRY (child))
        g_object_set (child, "placeholder-text", text, NULL);
      set_search_placeholder (child, text);
    }
}

static void
add_unit (McActionDialog *self)
{
  GtkStringList *names = gtk_string_list_new (NULL);
  GtkWidget *days = gtk_spin_button_new_with_range (0, 365, 0.5);

  self->units = mc_unit_list_others (mc_application_get_db (self->app), NULL);
  for (guint i = 0; self->units != NULL && i < self->units->len; i++)
    gtk_string_list_append (names, mc_unit_get_name (self->units->pdata[i]));
  self->unit = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (names), NULL));
  gtk_drop_down_set_enable_search (self->unit, TRUE);
  gtk_drop_down_set_expression (self->unit, gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  set_search_placeholder (GTK_WIDGET (self->unit), _("Find an agency"));
  add_row (self, _("_Agency"), GTK_WIDGET (self->unit));
  self->days = GTK_SPIN_BUTTON (days);
  gtk_spin_button_set_digits (self->days, 1);
  mc_decimal_spin_attach (self->days);
  gtk_spin_button_set_value (self->days, 5);
  add_row (self, _("_Working days"), days);
  add_row (self, _("_Due back"), new_time_entry (self, &self->due));
  add_hint (self, _("A due time, if given, is used instead of the number of working days."));
}

static void
add_apology_fields (McActionDialog *self)
{
  McTime suggested = 0;
  g_autoptr(GError) error = NULL;

  add_reason (self, _("_Reason"));
  add_department_and_person (self);
  add_row (self, _("_New appointment"), new_time_entry (self, &self->due));
  if (mc_workflow_suggest_new_due (mc_application_get_workflow (self->app), self->code, 0, &suggested, &error))
    mc_date_entry_set_time (MC_DATE_ENTRY (self->due), suggested);
  if (self->extended_due_at != 0)
    {
      g_autofree char *old = mc_time_to_typed (self->extended_due_at);
      /* Translators: %s is a date and time such as 20/11/2026 15:30 */
      g_autofree char *hint = g_strdup_printf (_("A new appointment (%s) was already set once: leave the field empty "
                                                 "to keep it."), old);
      gtk_editable_set_text (GTK_EDITABLE (self->due), "");
      add_hint (self, hint);
    }
  else
    add_hint (self, _("Proposed by the working calendar; it may be set only once per dossier."));
}

static void
build_fields (McActionDialog *self)
{
  switch (self->kind)
    {
    case MC_ACTION_TRANSFER:
      add_department_and_person (self);
      add_row (self, _("_Note"), new_entry (self, &self->note, NULL));
      break;
    case MC_ACTION_SEND_BACK:
    case MC_ACTION_UNQUALIFIED:
      add_reason (self, _("_Reason"));
      break;
    case MC_ACTION_SUPPLEMENT:
      add_reason (self, _("_Documents missing"));
      add_hint (self, _("One document per line; printed on the request for supplements (Mẫu 02)."));
      break;
    case MC_ACTION_SEND_EXTERNAL:
      add_unit (self);
      add_row (self, _("_Note"), new_entry (self, &self->note, NULL));
      break;
    case MC_ACTION_FINISH:
      add_row (self, _("Result _number"), new_entry (self, &self->result_number, _("e.g. 125/GCN-UBND")));
      add_row (self, _("_Description"), new_entry (self, &self->result_description, NULL));
      add_row (self, _("_Note"), new_entry (self, &self->note, NULL));
      break;
    case MC_ACTION_APOLOGY:
      add_apology_fields (self);
      break;
    case MC_ACTION_FINANCIAL:
      add_row (self, _("_Obligation"), new_entry (self, &self->note, _("e.g. registration fee, land use levy")));
      break;
    case MC_ACTION_ACCEPT:
    case MC_ACTION_RESUME:
    case MC_ACTION_RECEIVE_EXTERNAL:
    case MC_ACTION_WITHDRAW:
    case MC_N_ACTIONS:
    default:
      add_row (self, _("_Note"), new_entry (self, &self->note, NULL));
      break;
    }
}

/* Applying */

static const char *
chosen_username (McActionDialog *self)
{
  guint i = self->person ? gtk_drop_down_get_selected (self->person) : 0;

  return i > 0 && self->people != NULL && i - 1 < self->people->len
         ? mc_staff_get_username (self->people->pdata[i - 1]) : NULL;
}

/* Where a transfer or a referral sends the dossier: "Phòng Tư pháp (Trần
 * Văn Tuấn)", or NULL when the core picks it. */
static char *
destination_name (McActionDialog *self)
{
  McDepartment *d;
  guint person;
  const char *department;

  if (self->kind == MC_ACTION_SEND_EXTERNAL)
    return g_strdup (mc_unit_get_name (self->units->pdata[MIN (gtk_drop_down_get_selected (self->unit),
                                                                self->units->len - 1)]));
  if (self->kind != MC_ACTION_TRANSFER)
    return NULL;
  d = chosen_department (self);
  department = d ? d->name : self->next_department_name;
  person = self->person ? gtk_drop_down_get_selected (self->person) : 0;
  if (department == NULL)
    return NULL;
  if (person > 0 && self->people != NULL && person - 1 < self->people->len)
    return g_strdup_printf ("%s (%s)", department, mc_staff_get_full_name (self->people->pdata[person - 1]));
  return g_strdup (department);
}

static gboolean
apply_kind (McActionDialog *self, const McAction *a, McTime due, GError **error)
{
  McWorkflow *wf = mc_application_get_workflow (self->app);
  McDepartment *d;

  switch (self->kind)
    {
    case MC_ACTION_ACCEPT: return mc_workflow_accept (wf, self->code, a, error);
    case MC_ACTION_SEND_BACK: return mc_workflow_send_back (wf, self->code, a, error);
    case MC_ACTION_SUPPLEMENT: return mc_workflow_pause (wf, self->code, a, MC_PAUSE_SUPPLEMENT, error);
    case MC_ACTION_FINANCIAL: return mc_workflow_pause (wf, self->code, a, MC_PAUSE_FINANCIAL, error);
    case MC_ACTION_RESUME: return mc_workflow_resume (wf, self->code, a, error);
    case MC_ACTION_RECEIVE_EXTERNAL: return mc_workflow_receive_external (wf, self->code, a, error);
    case MC_ACTION_UNQUALIFIED: return mc_workflow_unqualified (wf, self->code, a, error);
    case MC_ACTION_WITHDRAW: return mc_workflow_withdraw (wf, self->code, a, error);
    case MC_ACTION_TRANSFER:
      d = chosen_department (self);
      return mc_workflow_transfer (wf, self->code, a, d ? d->code : NULL, chosen_username (self), error);
    case MC_ACTION_SEND_EXTERNAL:
      {
        McUnit *u = self->units->pdata[MIN (gtk_drop_down_get_selected (self->unit), self->units->len - 1)];
        return mc_workflow_send_external (wf, self->code, a, mc_unit_get_code (u), due,
                                          due ? 0 : gtk_spin_button_get_value (self->days), error);
      }
    case MC_ACTION_FINISH:
      {
        g_autofree char *number = entry_text (self->result_number);
        g_autofree char *description = entry_text (self->result_description);
        return mc_workflow_finish (wf, self->code, a, number, description, error);
      }
    case MC_ACTION_APOLOGY:
      d = chosen_department (self);
      return mc_workflow_apologize (wf, self->code, a, d ? d->code : NULL, chosen_username (self), due,
                                    &self->apology_id, error);
    case MC_N_ACTIONS:
    default:
      g_assert_not_reached ();
    }
}

gboolean
mc_action_dialog_apply (McActionDialog *self, GError **error)
{
  g_autofree char *reason = NULL;
  g_autofree char *note = NULL;
  g_autofree char *destination = NULL;
  const char *problem;
  McTime due;

  g_return_val_if_fail (MC_IS_ACTION_DIALOG (self), FALSE);

  problem = check_fields (self, &due);
  if (problem != NULL)
    {
      g_set_error_literal (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID, problem);
      return FALSE;
    }
  reason = reason_text (self);
  note = entry_text (self->note);
  destination = destination_name (self);
  {
    McAction a = { 0, mc_application_get_username (self->app), reason ? reason : note };

    if (!apply_kind (self, &a, due, error))
      return FALSE;
  }
  g_free (self->done_message);
  self->done_message = mc_action_done_message (self->kind, self->code, destination);
  g_signal_emit (self, signals[SIGNAL_APPLIED], 0);
  return TRUE;
}

const char *
mc_action_dialog_get_done_message (McActionDialog *self)
{
  g_return_val_if_fail (MC_IS_ACTION_DIALOG (self), NULL);

  return self->done_message;
}

void
mc_action_show_error (GtkWindow *parent, const char *heading, const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
response_cb (McActionDialog *self, const char *response)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "apply") == 0 && !mc_action_dialog_apply (self, &error))
    mc_action_show_error (gtk_window_get_transient_for (GTK_WINDOW (self)), _("Not done"), error->message);
}

/* Construction */

/* The department of the next step of the procedure's route, for the
 * transfer's default choice. */
static void
find_next_step (McActionDialog *self, const McWorkItem *item)
{
  g_autoptr(McDossierStore) store = mc_dossier_store_new (mc_application_get_db (self->app),
                                                          mc_application_get_calendar (self->app));
  g_autoptr(McDossier) dossier = mc_dossier_store_find (store, item->code, NULL);
  g_autoptr(McProcedure) procedure = NULL;
  GPtrArray *steps;

  if (dossier == NULL)
    return;
  procedure = mc_catalog_find_procedure (mc_application_get_catalog (self->app),
                                         mc_dossier_get_data (dossier)->procedure_code, NULL);
  if (procedure == NULL)
    return;
  steps = mc_procedure_get_steps (procedure);
  if (item->step >= 0 && (guint) item->step < steps->len)
    {
      McProcedureStep *next = steps->pdata[item->step];
      self->next_department_id = next->department_id;
      self->next_department_name = g_strdup (next->department_name);
    }
}

static void
mc_action_dialog_dispose (GObject *object)
{
  McActionDialog *self = MC_ACTION_DIALOG (object);

  g_clear_pointer (&self->departments, g_ptr_array_unref);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  G_OBJECT_CLASS (mc_action_dialog_parent_class)->dispose (object);
}

static void
mc_action_dialog_finalize (GObject *object)
{
  McActionDialog *self = MC_ACTION_DIALOG (object);

  g_free (self->code);
  g_free (self->done_message);
  g_free (self->department_name);
  g_free (self->next_department_name);
  G_OBJECT_CLASS (mc_action_dialog_parent_class)->finalize (object);
}

static void
mc_action_dialog_class_init (McActionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mc_action_dialog_dispose;
  object_class->finalize = mc_action_dialog_finalize;
  /* Emitted after the transition was recorded. */
  signals[SIGNAL_APPLIED] = g_signal_new ("applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                          NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
mc_action_dialog_init (McActionDialog *self)
{
  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (self->grid, 8);
  gtk_grid_set_column_spacing (self->grid, 12);
  self->hint = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->hint, 0);
  gtk_label_set_wrap (self->hint, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->hint), "error");
}

McActionDialog *
mc_action_dialog_new (McApplication *app, McActionKind kind, const McWorkItem *item)
{
  McActionDialog *self;
  g_autofree char *body = NULL;

  g_return_val_if_fail (MC_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (kind < MC_N_ACTIONS && item != NULL, NULL);

  /* Translators: the dossier code and the procedure's name */
  body = g_strdup_printf (_("Dossier %s — %s"), item->code, item->procedure_name ? item->procedure_name : "");
  self = g_object_new (MC_TYPE_ACTION_DIALOG, "heading", mc_action_kind_to_label (kind), "body", body,
                       "modal", TRUE, "resizable", TRUE, NULL);
  self->app = app;
  self->kind = kind;
  self->code = g_strdup (item->code);
  self->department_name = g_strdup (item->department_name);
  self->extended_due_at = item->extended_due_at;
  if (kind == MC_ACTION_TRANSFER)
    find_next_step (self, item);
  build_fields (self);
  gtk_grid_attach (self->grid, GTK_WIDGET (self->hint), 1, self->n_rows++, 1, 1);
  gtk_widget_set_size_request (GTK_WIDGET (self->grid), 460, -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), GTK_WIDGET (self->grid));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self), "cancel", _("_Cancel"),
                                    "apply", mc_action_kind_to_label (kind), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "apply",
                                              kind == MC_ACTION_UNQUALIFIED || kind == MC_ACTION_WITHDRAW
                                              ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "apply");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");
  g_signal_connect (self, "response", G_CALLBACK (response_cb), NULL);
  update_response (self);
  return self;
}

McActionKind
mc_action_dialog_get_kind (McActionDialog *self)
{
  g_return_val_if_fail (MC_IS_ACTION_DIALOG (self), MC_N_ACTIONS);

  return self->kind;
}

gint64
mc_action_dialog_get_apology_id (McActionDialog *self)
{
  g_return_val_if_fail (MC_IS_ACTION_DIALOG (self), 0);

  return self->apology_id;
}

void
mc_action_dialog_set_note (McActionDialog *self, const char *note)
{
  g_return_if_fail (MC_IS_ACTION_DIALOG (self));

  if (self->reason != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->reason), note ? note : "", -1);
  else if (self->note != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->note), note ? note : "");
}

void
mc_action_dialog_set_target (McActionDialog *self, const char *department_code, const char *username)
{
  g_return_if_fail (MC_IS_ACTION_DIALOG (self));
  g_return_if_fail (self->department != NULL);

  gtk_drop_down_set_selected (self->department, 0);
  for (guint i = 0; department_code != NULL && i < self->departments->len; i++)
    if (g_strcmp0 (((McDepartment *) self->departments->pdata[i])->code, department_code) == 0)
      gtk_drop_down_set_selected (self->department, i + (self->department_default ? 1 : 0));
  for (guint i = 0; username != NULL && self->people != NULL && i < self->people->len; i++)
    if (g_strcmp0 (mc_staff_get_username (self->people->pdata[i]), username) == 0)
      gtk_drop_down_set_selected (self->person, i + 1);
}
