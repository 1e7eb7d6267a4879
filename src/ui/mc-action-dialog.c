/* mc-action-dialog.c — one step of a dossier's processing, with the fields it needs
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One dialog class for the twelve actions of the processing page: each kind
 * shows only its fields (a reason, a department and person, an external unit
 * and its due time, a result, a new appointment). The "apply" button stays
 * disabled until what the law requires is filled in; what the core still
 * refuses (the dossier moved meanwhile, a time in the past) is shown in
 * Vietnamese from its GError, and nothing is changed.
 * Every field is in the template (resources/ui/mc-action-dialog.ui); the
 * kind says which it shows (kinds[].fields). What it needs comes in as
 * construct properties: "kind", "dossier" (the McDossier of the item the
 * page or window has selected) and the application (GtkWindow:application).
 */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "mc-action-dialog.h"
#include "mc-session.h"
#include "mc-date-entry.h"
#include "mc-decimal-spin.h"
#include "mc-catalog.h"
#include "mc-directory.h"
#include "mc-unit.h"
#include "mc-dossier-store.h"

struct _McActionDialog
{
  AdwMessageDialog  parent_instance;

  McActionKind      kind;
  McDossier        *dossier;
  char             *code;
  char             *department_name;   /* where the dossier is now */
  McTime            extended_due_at;
  gint64            next_department_id;
  char             *next_department_name;
  gint64            apology_id;
  char             *done_message;      /* for the toast, once applied */
  GPtrArray        *departments;       /* McDepartment* */
  gboolean          department_default; /* transfer: item 0 is "the next step" */
  GPtrArray        *people;            /* McStaff*, item i + 1 of the drop-down */
  GPtrArray        *units;             /* McUnit* */

  /* The template's fields; those of another kind stay hidden. */
  GtkGrid          *grid;
  GtkLabel         *reason_label;
  GtkWidget        *reason_scroller;
  GtkTextView      *reason;            /* required, several lines */
  GtkLabel         *supplement_hint;
  GtkLabel         *unit_label;
  GtkDropDown      *unit;
  GtkLabel         *days_label;
  GtkSpinButton    *days;
  GtkLabel         *department_label;
  GtkDropDown      *department;
  GtkLabel         *person_label;
  GtkDropDown      *person;
  GtkLabel         *result_number_label;
  GtkEntry         *result_number;
  GtkLabel         *result_description_label;
  GtkEntry         *result_description;
  GtkLabel         *due_label;
  GtkEntry         *due;
  GtkLabel         *due_hint;
  GtkLabel         *note_label;
  GtkEntry         *note;              /* optional, one line */
  GtkLabel         *hint;
};

G_DEFINE_FINAL_TYPE (McActionDialog, mc_action_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum { SIGNAL_APPLIED, N_SIGNALS };
static guint signals[N_SIGNALS];

enum { PROP_0, PROP_APPLICATION, PROP_KIND, PROP_DOSSIER, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* The fields a kind shows. */
typedef enum {
  FIELD_REASON = 1 << 0,      /* required text, several lines */
  FIELD_DEPARTMENT = 1 << 1,  /* a department and a person in it */
  FIELD_UNIT = 1 << 2,        /* an external agency and how long it has */
  FIELD_RESULT = 1 << 3,      /* the result document's number or description */
  FIELD_DUE = 1 << 4,         /* a date and time: due back, the new appointment */
  FIELD_NOTE = 1 << 5,        /* optional, one line */
} McActionFields;

static const struct {
  const char     *name;
  const char     *label;
  McTransition    transition;
  McActionFields  fields;
} kinds[MC_N_ACTIONS] = {
  [MC_ACTION_ACCEPT] = { "accept", N_("Accept"), MC_TRANSITION_ACCEPT, FIELD_NOTE },
  [MC_ACTION_TRANSFER] = { "transfer", N_("Transfer"), MC_TRANSITION_TRANSFER, FIELD_DEPARTMENT | FIELD_NOTE },
  [MC_ACTION_SEND_BACK] = { "send-back", N_("Send back"), MC_TRANSITION_SEND_BACK, FIELD_REASON },
  [MC_ACTION_SUPPLEMENT] = { "supplement", N_("Request supplements"), MC_TRANSITION_PAUSE, FIELD_REASON },
  [MC_ACTION_FINANCIAL] = { "financial", N_("Pause for financial obligations"), MC_TRANSITION_PAUSE, FIELD_NOTE },
  [MC_ACTION_RESUME] = { "resume", N_("Resume"), MC_TRANSITION_RESUME, FIELD_NOTE },
  [MC_ACTION_SEND_EXTERNAL] = { "send-external", N_("Send to another agency"), MC_TRANSITION_SEND_EXTERNAL,
                                FIELD_UNIT | FIELD_DUE | FIELD_NOTE },
  [MC_ACTION_RECEIVE_EXTERNAL] = { "receive-external", N_("Receive back from the agency"),
                                   MC_TRANSITION_RECEIVE_EXTERNAL, FIELD_NOTE },
  [MC_ACTION_FINISH] = { "finish", N_("Record the result"), MC_TRANSITION_FINISH, FIELD_RESULT | FIELD_NOTE },
  [MC_ACTION_UNQUALIFIED] = { "unqualified", N_("Not qualified"), MC_TRANSITION_UNQUALIFIED, FIELD_REASON },
  [MC_ACTION_WITHDRAW] = { "withdraw", N_("Withdraw"), MC_TRANSITION_WITHDRAW, FIELD_NOTE },
  [MC_ACTION_APOLOGY] = { "apology", N_("Apologise and set a new appointment"), MC_TRANSITION_APOLOGIZE,
                          FIELD_REASON | FIELD_DEPARTMENT | FIELD_DUE },
};

static gboolean
uses (McActionDialog *self, McActionFields field)
{
  return (kinds[self->kind].fields & field) != 0;
}

/* The dialog is one of the application's windows (signing out closes it). */
static McApplication *
app_of (McActionDialog *self)
{
  return MC_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

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

  {
    g_autofree char *username = mc_session_dup_username (app);

    return mc_workflow_allows (mc_application_get_workflow (app), code, kinds[kind].transition, username, error);
  }
}

guint
mc_action_kinds_allowed (McApplication *app, const char *code)
{
  g_autofree char *username = NULL;
  guint transitions, allowed = 0;

  g_return_val_if_fail (MC_IS_APPLICATION (app), 0);

  username = mc_session_dup_username (app);
  transitions = mc_dossier_allowed_actions (mc_application_get_workflow (app), code, username);
  for (McActionKind k = 0; k < MC_N_ACTIONS; k++)
    if (transitions & (1u << kinds[k].transition))
      allowed |= 1u << k;
  return allowed;
}

/* Fields */

static char *
reason_text (McActionDialog *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (!uses (self, FIELD_REASON))
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
  McDateEntryState due_state = uses (self, FIELD_DUE) ? mc_date_entry_read_time (MC_DATE_ENTRY (self->due), due)
                                                      : MC_DATE_ENTRY_EMPTY;

  if (due_state != MC_DATE_ENTRY_VALID)
    *due = 0;
  if (uses (self, FIELD_REASON) && reason == NULL)
    return self->kind == MC_ACTION_SUPPLEMENT ? _("List the documents to supplement.") : _("Enter the reason.");
  if (self->kind == MC_ACTION_FINISH && !has_text (self->result_number) && !has_text (self->result_description))
    return _("Give the number or a description of the result document.");
  if (uses (self, FIELD_UNIT) && (self->units == NULL || self->units->len == 0))
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

static void
fill_people (McActionDialog *self, gint64 department_id)
{
  GtkStringList *names = gtk_string_list_new (NULL);

  g_clear_pointer (&self->people, g_ptr_array_unref);
  self->people = department_id > 0 ? mc_directory_list_staff (mc_application_get_db (app_of (self)), department_id, NULL)
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

/* A row of the grid: its label and its field, shown for this kind. */
static void
show_row (GtkLabel *label, GtkWidget *field)
{
  if (label != NULL)
    gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
  gtk_widget_set_visible (field, TRUE);
}

/* The departments (transfer: after "the next step"); the one the dossier is
 * in is chosen for an apology. */
static void
fill_departments (McActionDialog *self)
{
  GtkStringList *names = gtk_string_list_new (NULL);
  guint selected = 0;

  self->departments = mc_catalog_list_departments (mc_application_get_catalog (app_of (self)), NULL);
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
  gtk_drop_down_set_model (self->department, G_LIST_MODEL (names));
  g_object_unref (names);
  gtk_drop_down_set_selected (self->department, selected);
  department_changed_cb (self);
}

static void
show_department_and_person (McActionDialog *self)
{
  if (self->kind == MC_ACTION_APOLOGY)
    {
      gtk_label_set_text_with_mnemonic (self->department_label, _("Responsible _department"));
      gtk_label_set_text_with_mnemonic (self->person_label, _("Responsible _person"));
    }
  fill_departments (self);
  show_row (self->department_label, GTK_WIDGET (self->department));
  show_row (self->person_label, GTK_WIDGET (self->person));
}

static void
show_unit (McActionDialog *self)
{
  GtkStringList *names = gtk_string_list_new (NULL);

  self->units = mc_unit_list_others (mc_application_get_db (app_of (self)), NULL);
  for (guint i = 0; self->units != NULL && i < self->units->len; i++)
    gtk_string_list_append (names, mc_unit_get_name (self->units->pdata[i]));
  gtk_drop_down_set_model (self->unit, G_LIST_MODEL (names));
  g_object_unref (names);
  set_search_placeholder (GTK_WIDGET (self->unit), _("Find an agency"));
  show_row (self->unit_label, GTK_WIDGET (self->unit));
  show_row (self->days_label, GTK_WIDGET (self->days));
  gtk_label_set_text (self->due_hint, _("A due time, if given, is used instead of the number of working days."));
}

/* The new appointment the calendar proposes, or, once one was set (it may
 * be set only once), empty to keep that one. */
static void
show_apology_due (McActionDialog *self)
{
  McTime suggested = 0;
  g_autoptr(GError) error = NULL;

  gtk_label_set_text_with_mnemonic (self->due_label, _("_New appointment"));
  if (mc_workflow_suggest_new_due (mc_application_get_workflow (app_of (self)), self->code, 0, &suggested, &error))
    mc_date_entry_set_time (MC_DATE_ENTRY (self->due), suggested);
  if (self->extended_due_at != 0)
    {
      g_autofree char *old = mc_time_to_typed (self->extended_due_at);
      /* Translators: %s is a date and time such as 20/11/2026 15:30 */
      g_autofree char *hint = g_strdup_printf (_("A new appointment (%s) was already set once: leave the field empty "
                                                 "to keep it."), old);
      gtk_editable_set_text (GTK_EDITABLE (self->due), "");
      gtk_label_set_text (self->due_hint, hint);
    }
  else
    gtk_label_set_text (self->due_hint, _("Proposed by the working calendar; it may be set only once per dossier."));
}

/* The words that differ from the template's for this kind. */
static void
set_kind_words (McActionDialog *self)
{
  if (self->kind == MC_ACTION_SUPPLEMENT)
    {
      gtk_label_set_text_with_mnemonic (self->reason_label, _("_Documents missing"));
      gtk_widget_set_visible (GTK_WIDGET (self->supplement_hint), TRUE);
    }
  if (self->kind == MC_ACTION_FINANCIAL)
    {
      gtk_label_set_text_with_mnemonic (self->note_label, _("_Obligation"));
      gtk_entry_set_placeholder_text (self->note, _("e.g. registration fee, land use levy"));
    }
}

static void
show_fields (McActionDialog *self)
{
  set_kind_words (self);
  if (uses (self, FIELD_REASON))
    show_row (self->reason_label, self->reason_scroller);
  if (uses (self, FIELD_UNIT))
    show_unit (self);
  if (uses (self, FIELD_DEPARTMENT))
    show_department_and_person (self);
  if (uses (self, FIELD_RESULT))
    {
      show_row (self->result_number_label, GTK_WIDGET (self->result_number));
      show_row (self->result_description_label, GTK_WIDGET (self->result_description));
    }
  if (uses (self, FIELD_DUE))
    {
      if (self->kind == MC_ACTION_APOLOGY)
        show_apology_due (self);
      show_row (self->due_label, GTK_WIDGET (self->due));
      gtk_widget_set_visible (GTK_WIDGET (self->due_hint), TRUE);
    }
  if (uses (self, FIELD_NOTE))
    show_row (self->note_label, GTK_WIDGET (self->note));
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
  McWorkflow *wf = mc_application_get_workflow (app_of (self));
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
  note = uses (self, FIELD_NOTE) ? entry_text (self->note) : NULL;
  destination = destination_name (self);
  {
    g_autofree char *username = mc_session_dup_username (app_of (self));
    McAction a = { 0, username, reason ? reason : note };

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
find_next_step (McActionDialog *self)
{
  g_autoptr(McProcedure) procedure = NULL;
  g_autofree char *procedure_code = NULL;
  GPtrArray *steps;
  int step = 0;

  g_object_get (self->dossier, "procedure-code", &procedure_code, "step", &step, NULL);
  if (procedure_code == NULL)
    {
      /* A dossier made from an inbox row does not carry its procedure's code. */
      g_autoptr(McDossierStore) store = mc_dossier_store_new (mc_application_get_db (app_of (self)),
                                                              mc_application_get_calendar (app_of (self)));
      g_autoptr(McDossier) stored = mc_dossier_store_find (store, self->code, NULL);

      if (stored == NULL)
        return;
      procedure_code = g_strdup (mc_dossier_get_data (stored)->procedure_code);
    }
  procedure = mc_catalog_find_procedure (mc_application_get_catalog (app_of (self)), procedure_code, NULL);
  if (procedure == NULL)
    return;
  steps = mc_procedure_get_steps (procedure);
  if (step >= 0 && (guint) step < steps->len)
    {
      McProcedureStep *next = steps->pdata[step];
      self->next_department_id = next->department_id;
      self->next_department_name = g_strdup (next->department_name);
    }
}

/* The heading, the fields of the kind and the buttons: once the kind, the
 * dossier and the application are known. */
static void
build (McActionDialog *self)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);
  g_autofree char *procedure_name = NULL;
  g_autofree char *body = NULL;

  g_object_get (self->dossier, "procedure-name", &procedure_name, "current-department", &self->department_name,
                "extended-due-at", &self->extended_due_at, NULL);
  self->code = g_strdup (mc_dossier_get_code (self->dossier));
  /* Translators: the dossier code and the procedure's name */
  body = g_strdup_printf (_("Dossier %s — %s"), self->code, procedure_name ? procedure_name : "");
  adw_message_dialog_set_heading (dialog, mc_action_kind_to_label (self->kind));
  adw_message_dialog_set_body (dialog, body);
  if (self->kind == MC_ACTION_TRANSFER)
    find_next_step (self);
  show_fields (self);
  adw_message_dialog_add_response (dialog, "apply", mc_action_kind_to_label (self->kind));
  adw_message_dialog_set_response_appearance (dialog, "apply",
                                              self->kind == MC_ACTION_UNQUALIFIED || self->kind == MC_ACTION_WITHDRAW
                                              ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "apply");
  update_response (self);
}

static void
mc_action_dialog_dispose (GObject *object)
{
  McActionDialog *self = MC_ACTION_DIALOG (object);

  g_clear_object (&self->dossier);
  g_clear_pointer (&self->departments, g_ptr_array_unref);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_ACTION_DIALOG);
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
mc_action_dialog_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  McActionDialog *self = MC_ACTION_DIALOG (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      g_value_set_object (value, gtk_window_get_application (GTK_WINDOW (self)));
      break;
    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;
    case PROP_DOSSIER:
      g_value_set_object (value, self->dossier);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* GtkWindow:application is not a construct property: g_object_new sets it
 * after the construct-only kind and dossier, and the dialog is built then. */
static void
mc_action_dialog_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  McActionDialog *self = MC_ACTION_DIALOG (object);
  GtkApplication *app;

  switch (prop_id)
    {
    case PROP_APPLICATION:
      app = g_value_get_object (value);
      g_return_if_fail (app == NULL || MC_IS_APPLICATION (app));
      g_return_if_fail (app == NULL || self->dossier != NULL);
      gtk_window_set_application (GTK_WINDOW (self), app);
      if (app != NULL && self->code == NULL)
        build (self);
      break;
    case PROP_KIND:
      self->kind = g_value_get_uint (value);
      break;
    case PROP_DOSSIER:
      self->dossier = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_properties (GObjectClass *object_class)
{
  g_object_class_override_property (object_class, PROP_APPLICATION, "application");
  properties[PROP_KIND] =
    g_param_spec_uint ("kind", NULL, NULL, 0, MC_N_ACTIONS - 1, MC_ACTION_ACCEPT,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOSSIER] =
    g_param_spec_object ("dossier", NULL, NULL, MC_TYPE_DOSSIER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, PROP_KIND, properties[PROP_KIND]);
  g_object_class_install_property (object_class, PROP_DOSSIER, properties[PROP_DOSSIER]);
}

static void
bind_template (GtkWidgetClass *widget_class)
{
  gtk_widget_class_set_template_from_resource (widget_class, "/vn/motcua/Motcua/ui/mc-action-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, McActionDialog, grid);
  gtk_widget_class_bind_template_child (widget_class, McActionDialog, reason_label);
  gtk_widget_class_bind_template_child (widget_class, McActionDialog, reason_scroller);
  gtk_widget_class_bind_template_child (widget_class, McActionDialog, reason);
  gtk_widget_class_bind_template_child (widget_class, McActionDialog, supplement_hint);
  gtk_widget_class_bind_template_child (widget_class, McActionDialog, unit_label);
  gtk_widget_class_bind_template_child (widget_class, McActionDialog, unit);
  gtk_widget_class_bind_template_child (widget_class, McActionDialog, days_label);
  gtk_widget_class_bind_template_child (widget_class, McActionDialog, days);
  gtk_widget_class_bind_template_child (widget_class, McActionDialog, department_label);
  gtk_widget_class_bind_template_child (widget_class, McActionDialog, department);
  gtk_widget_class_bind_template_child (widget_class, McActionDialog, person_label);
  gtk_widget_class_bind_template_child (widget_class, McActionDialog, person);
  gtk_widget_class_bind_template_child (widget_class, McActionDialog, result_number_label);
  gtk_widget_class_bind_template_child (widget_class, McActionDialog, result_number);
  gtk_widget_class_bind_template_child (widget_class, McActionDialog, result_description_label);
  gtk_widget_class_bind_template_child (widget_class, McActionDialog, result_description);
  gtk_widget_class_bind_template_child (widget_class, McActionDialog, due_label);
  gtk_widget_class_bind_template_child (widget_class, McActionDialog, due);
  gtk_widget_class_bind_template_child (widget_class, McActionDialog, due_hint);
  gtk_widget_class_bind_template_child (widget_class, McActionDialog, note_label);
  gtk_widget_class_bind_template_child (widget_class, McActionDialog, note);
  gtk_widget_class_bind_template_child (widget_class, McActionDialog, hint);
  gtk_widget_class_bind_template_callback (widget_class, update_response);
  gtk_widget_class_bind_template_callback (widget_class, department_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, response_cb);
}

static void
mc_action_dialog_class_init (McActionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mc_action_dialog_dispose;
  object_class->finalize = mc_action_dialog_finalize;
  object_class->get_property = mc_action_dialog_get_property;
  object_class->set_property = mc_action_dialog_set_property;
  install_properties (object_class);
  /* Emitted after the transition was recorded. */
  signals[SIGNAL_APPLIED] = g_signal_new ("applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                          NULL, NULL, NULL, G_TYPE_NONE, 0);
  g_type_ensure (MC_TYPE_DATE_ENTRY);
  bind_template (GTK_WIDGET_CLASS (klass));
}

/* Every field starts hidden: show_fields shows the kind's. */
static void
hide_fields (McActionDialog *self)
{
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->grid)); c; c = gtk_widget_get_next_sibling (c))
    if (c != GTK_WIDGET (self->hint))
      gtk_widget_set_visible (c, FALSE);
}

static void
mc_action_dialog_init (McActionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  mc_decimal_spin_attach (self->days);
  hide_fields (self);
}

McActionDialog *
mc_action_dialog_new (McApplication *app, McActionKind kind, const McWorkItem *item)
{
  g_autoptr(McDossier) dossier = NULL;

  g_return_val_if_fail (MC_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (kind < MC_N_ACTIONS && item != NULL, NULL);

  dossier = mc_work_item_to_dossier (item);
  return g_object_new (MC_TYPE_ACTION_DIALOG, "kind", kind, "dossier", dossier, "application", app, NULL);
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

  if (uses (self, FIELD_REASON))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->reason), note ? note : "", -1);
  else if (uses (self, FIELD_NOTE))
    gtk_editable_set_text (GTK_EDITABLE (self->note), note ? note : "");
}

void
mc_action_dialog_set_target (McActionDialog *self, const char *department_code, const char *username)
{
  g_return_if_fail (MC_IS_ACTION_DIALOG (self));
  g_return_if_fail (uses (self, FIELD_DEPARTMENT));

  gtk_drop_down_set_selected (self->department, 0);
  for (guint i = 0; department_code != NULL && i < self->departments->len; i++)
    if (g_strcmp0 (((McDepartment *) self->departments->pdata[i])->code, department_code) == 0)
      gtk_drop_down_set_selected (self->department, i + (self->department_default ? 1 : 0));
  for (guint i = 0; username != NULL && self->people != NULL && i < self->people->len; i++)
    if (g_strcmp0 (mc_staff_get_username (self->people->pdata[i]), username) == 0)
      gtk_drop_down_set_selected (self->person, i + 1);
}
