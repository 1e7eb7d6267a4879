/* mc-reception-page.c — Tiếp nhận hồ sơ: receive a dossier at the counter
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keyboard first: the clerk types part of a procedure's name or code (with
 * or without diacritics), Enter picks the best match for the text as typed
 * (see McProcedureSearch), Tab walks the applicant's fields, Ctrl+S saves
 * and prints Mẫu 01, Ctrl+N or Esc Esc starts a new form.
 * The appointment is recomputed by the calendar on every change, so what
 * the clerk promises is what the receipt prints.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "mc-date-entry.h"
#include "mc-dossier-receipt.h"
#include "mc-dossier-store.h"
#include "mc-id-number.h"
#include "mc-format.h"
#include "mc-procedure.h"
#include "mc-procedure-search.h"
#include "mc-receipt-print.h"
#include "mc-queue-bar.h"
#include "mc-reception-page.h"
#include "mc-wrap-box.h"
#include "mc-page-changes.h"
#include "mc-text.h"

#define N_MATCHES 8

struct _McReceptionPage
{
  AdwBin           parent_instance;

  McApplication   *app;
  McDossierStore  *store;
  GListStore      *procedures;
  McProcedureSearch *finder;
  GPtrArray       *recent;      /* codes of the counter's usual procedures */
  guint32          escape_time; /* of the last Esc, for Esc Esc = Nhập mới */
  guint            focus_source;
  McReceiptData   *last_receipt; /* what Ctrl+P and the toast's "In lại" print again */
  McFormKind       last_kind;
  gboolean         last_printed;
  McProcedure     *chosen;
  GtkSearchEntry  *search;
  GtkListBox      *matches;
  GtkLabel        *chosen_label;
  GtkDropDown     *kind;
  AdwEntryRow     *name;
  AdwEntryRow     *id_number;
  AdwActionRow    *birth_row;
  McDateEntry     *birth_date;
  AdwEntryRow     *phone;
  AdwEntryRow     *email;
  AdwEntryRow     *address;
  AdwEntryRow     *representative;
  GtkDropDown     *channel;
  AdwComboRow     *online_level;  /* một phần / toàn trình, shown for an online dossier */
  GtkListBox      *documents;
  GtkLabel        *due;
  AdwActionRow    *later_due_row;
  McDateEntry     *later_due;
  AdwEntryRow     *note;
  GtkLabel        *error;
};

G_DEFINE_FINAL_TYPE (McReceptionPage, mc_reception_page, ADW_TYPE_BIN)

enum { PROP_0, PROP_APPLICATION, N_PROPS };
static GParamSpec *properties[N_PROPS];

static McTime
now_or_fake (void)
{
  return mc_time_now ();
}

static void
update_due (McReceptionPage *self)
{
  McTime due = mc_reception_page_get_due (self);
  g_autofree char *when = NULL, *text = NULL;

  if (due == 0)
    {
      gtk_label_set_text (self->due, _("Choose a procedure to see the appointment"));
      return;
    }
  when = mc_format_time (due);
  /* Translators: the appointment, e.g. "Hẹn trả: 10:00 ngày 03/05/2024 (Thứ Sáu)" */
  text = g_strdup_printf (_("Appointment: %s (%s)"), when, mc_format_weekday (mc_date_weekday (mc_time_get_date (due))));
  gtk_label_set_text (self->due, text);
}

/* "1 bản chính", "2 bản sao", "1 bản chính, 1 bản sao": no "0 bản sao". */
static char *
document_counts (const McProcedureDocument *d)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (d->originals > 0)
    /* Translators: bản chính */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%d original", "%d originals", d->originals), d->originals));
  if (d->copies > 0)
    /* Translators: bản sao */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%d copy", "%d copies", d->copies), d->copies));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (", ", (char **) parts->pdata);
}

/* A document the law asks for only in some cases, "(nếu nộp thay)", "(nếu
 * có)": the clerk ticks it when it is brought, it is not presumed. */
static gboolean
document_is_conditional (const McProcedureDocument *d)
{
  g_autofree char *folded = mc_text_fold (d->name);

  return strstr (folded, "(neu ") != NULL || g_str_has_prefix (folded, "neu ");
}

static void
fill_documents (McReceptionPage *self)
{
  GtkWidget *child;
  GPtrArray *docs;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->documents))) != NULL)
    gtk_list_box_remove (self->documents, child);
  if (self->chosen == NULL)
    return;
  docs = mc_procedure_get_documents (self->chosen);
  for (guint i = 0; i < docs->len; i++)
    {
      McProcedureDocument *d = docs->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *counts = document_counts (d);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), !document_is_conditional (d));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), d->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), counts);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data (G_OBJECT (row), "document", d);
      g_object_set_data (G_OBJECT (row), "check", check);
      gtk_list_box_append (self->documents, row);
    }
}

/* An online dossier starts at its procedure's level (the catalog's); the
 * clerk may change it before saving. A procedure the catalog does not list
 * as online offers một phần. */
static void
update_online_level (McReceptionPage *self)
{
  gboolean online;

  if (self->online_level == NULL || self->channel == NULL)
    return;
  online = gtk_drop_down_get_selected (self->channel) == MC_CHANNEL_TRUC_TUYEN;
  gtk_widget_set_visible (GTK_WIDGET (self->online_level), online);
  adw_combo_row_set_selected (self->online_level,
                              self->chosen && mc_procedure_get_online_level (self->chosen) == MC_ONLINE_FULL);
}

static void
choose (McReceptionPage *self, McProcedure *p)
{
  g_autofree char *label = NULL;
  g_autofree char *days = p ? mc_format_working_days (mc_procedure_get_days (p)) : NULL;
  g_autofree char *fee = p && mc_procedure_get_fee (p) > 0 ? mc_format_money (mc_procedure_get_fee (p))
                                                           : g_strdup (_("no fee"));

  g_set_object (&self->chosen, p);
  /* Translators: code — name (legal time); fees and charges */
  label = p ? g_strdup_printf (_("%s — %s (%s)\nFees and charges: %s"), mc_procedure_get_code (p),
                               mc_procedure_get_name (p), days, fee)
            : g_strdup (_("No procedure chosen"));
  gtk_label_set_text (self->chosen_label, label);
  fill_documents (self);
  update_online_level (self);
  update_due (self);
}

static void
match_activated_cb (GtkListBox *box, GtkListBoxRow *row, McReceptionPage *self)
{
  choose (self, g_object_get_data (G_OBJECT (row), "procedure"));
  gtk_widget_grab_focus (GTK_WIDGET (self->name));
}

static void
add_match_row (McReceptionPage *self, McProcedure *p)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_markup_escape_text (mc_procedure_get_name (p), -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), mc_procedure_get_code (p));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "procedure", g_object_ref (p), g_object_unref);
  gtk_list_box_append (self->matches, row);
}

static GPtrArray *
find_procedures (McReceptionPage *self, guint limit)
{
  return mc_procedure_search_run (self->finder, gtk_editable_get_text (GTK_EDITABLE (self->search)),
                                  self->recent, limit);
}

/* On every change of the text, not after the search entry's pause: a
 * clerk who types and presses Tab, Down, Enter at once acts on this list. */
static void
refresh_matches (McReceptionPage *self)
{
  g_autoptr(GPtrArray) found = find_procedures (self, N_MATCHES);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->matches))) != NULL)
    gtk_list_box_remove (self->matches, child);
  for (guint i = 0; i < found->len; i++)
    add_match_row (self, found->pdata[i]);
}

/* The best match for the text as it is now, whatever the list shows. */
static void
search_activate_cb (McReceptionPage *self)
{
  g_autoptr(GPtrArray) found = find_procedures (self, 1);

  if (found->len == 0)
    return;
  choose (self, found->pdata[0]);
  gtk_widget_grab_focus (GTK_WIDGET (self->name));
}

/* The catalog as the counter offers it. A procedure saved in the catalog
 * (here or on another computer) is offered at once: the page follows the
 * catalog's changes, shown or not, since a clerk may switch to it any time. */
static void
load_procedures (McReceptionPage *self)
{
  g_autoptr(GError) error = NULL;
  GListStore *procedures = mc_catalog_list_procedures (mc_application_get_catalog (self->app), &error);

  if (procedures == NULL)
    {
      g_warning ("%s", error->message);  /* the last list stays */
      return;
    }
  g_clear_object (&self->finder);
  g_clear_object (&self->procedures);
  self->procedures = procedures;
  self->finder = mc_procedure_search_new (G_LIST_MODEL (self->procedures));
}

static void
reload_procedures (McReceptionPage *self)
{
  load_procedures (self);
  refresh_matches (self);
}

/* The counter's usual procedures, which break ties between equal matches. */
static void
load_recent (McReceptionPage *self)
{
  GSettings *settings = mc_application_get_settings (self->app);
  g_autofree char *counter = settings ? g_settings_get_string (settings, "counter-name") : g_strdup ("");

  g_clear_pointer (&self->recent, g_ptr_array_unref);
  self->recent = mc_dossier_store_recent_procedures (self->store, counter, N_MATCHES, NULL);
}

static void
remember_receipt (McReceptionPage *self, McFormKind kind, McReceiptData *data)
{
  g_clear_pointer (&self->last_receipt, mc_receipt_data_free);
  self->last_receipt = data;
  self->last_kind = kind;
  self->last_printed = FALSE;
}

/* Straight to the remembered printer (the preference), or through the
 * dialog when `ask` — as after a cancelled or failed print, so the clerk
 * can choose another printer. TRUE once printed. */
static gboolean
print_last (McReceptionPage *self, gboolean ask)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  if (self->last_receipt == NULL)
    return FALSE;
  result = mc_receipt_print_run (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->last_kind,
                                 self->last_receipt, ask, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", error->message);
  self->last_printed = result == GTK_PRINT_OPERATION_RESULT_APPLY;
  return self->last_printed;
}

/* A toast whose button prints the receipt again (reception.reprint). */
static void
toast_reprint (McReceptionPage *self, const char *message)
{
  /* Translators: prints the receipt just made once more (In lại) */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast-button", "(sss)", message, _("Print _again"),
                              "reception.reprint");
}

static McDossier *
collect (McReceptionPage *self)
{
  McDossier *dossier = mc_dossier_new ();
  McDossierData *d = mc_dossier_get_data (dossier);
  GSettings *settings = mc_application_get_settings (self->app);
  GtkListBoxRow *row;
  McDate birth;

  d->procedure_code = g_strdup (self->chosen ? mc_procedure_get_code (self->chosen) : "");
  d->applicant_kind = gtk_drop_down_get_selected (self->kind) == 1 ? MC_APPLICANT_ORGANISATION : MC_APPLICANT_PERSON;
  d->applicant_name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name)));
  d->applicant_id_number = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->id_number)));
  /* Stored as yyyy-mm-dd; what cannot be read is left to core to refuse. */
  if (mc_date_entry_read_date (self->birth_date, &birth) == MC_DATE_ENTRY_VALID)
    d->applicant_birth_date = mc_date_to_iso (birth);
  else
    d->applicant_birth_date = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->birth_date)));
  d->applicant_phone = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->phone)));
  d->applicant_email = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->email)));
  d->applicant_address = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->address)));
  d->representative = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->representative)));
  d->channel = (McChannel) gtk_drop_down_get_selected (self->channel);
  if (d->channel == MC_CHANNEL_TRUC_TUYEN)
    d->online_level = g_strdup (adw_combo_row_get_selected (self->online_level) == 1 ? "full" : "partial");
  d->note = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note)));
  d->counter = settings ? g_settings_get_string (settings, "counter-name") : NULL;
  d->received_at = now_or_fake ();
  if (mc_date_entry_read_time (self->later_due, &d->requested_due_at) == MC_DATE_ENTRY_INVALID)
    d->requested_due_at = -1;
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->documents, i)); i++)
    {
      McProcedureDocument *doc = g_object_get_data (G_OBJECT (row), "document");
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "check");
      mc_dossier_add_document (dossier, doc->name, doc->originals, doc->copies, gtk_check_button_get_active (check));
    }
  return dossier;
}

/* The citizen being served at this clerk's counter (issue 18): the dossier
 * records the ticket, its wait and its service time. The dossier is saved
 * whatever happens here; a failure is only told. */
static void
link_ticket (McReceptionPage *self, const char *code)
{
  g_autoptr(McQueue) queue = mc_queue_new (mc_application_get_db (self->app));
  g_autoptr(GError) error = NULL;

  if (!mc_queue_link_dossier (queue, code, MC_QUEUE_LINK_RECEIVE, mc_time_now (), NULL, &error))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", error->message);
}

char *
mc_reception_page_save (McReceptionPage *self, GError **error)
{
  g_autoptr(McDossier) dossier = collect (self);

  if (self->chosen == NULL)
    {
      g_set_error (error, MC_DOSSIER_ERROR, MC_DOSSIER_ERROR_INVALID, _("Choose the procedure first"));
      return NULL;
    }
  /* The dates were read (and a bad one marked on its field) by collect. */
  for (guint i = 0; i < 2; i++)
    {
      McDateEntry *date = i == 0 ? self->birth_date : self->later_due;
      if (mc_date_entry_get_message (date) != NULL)
        {
          g_set_error_literal (error, MC_DOSSIER_ERROR, MC_DOSSIER_ERROR_INVALID, mc_date_entry_get_message (date));
          return NULL;
        }
    }
  if (!mc_dossier_store_receive (self->store, dossier, error))
    return NULL;
  link_ticket (self, mc_dossier_get_code (dossier));
  load_recent (self);
  return g_strdup (mc_dossier_get_code (dossier));
}

static void
clear_form (McReceptionPage *self)
{
  GtkWidget *rows[] = { GTK_WIDGET (self->name), GTK_WIDGET (self->id_number), GTK_WIDGET (self->birth_date),
                        GTK_WIDGET (self->phone), GTK_WIDGET (self->email), GTK_WIDGET (self->address),
                        GTK_WIDGET (self->representative), GTK_WIDGET (self->later_due), GTK_WIDGET (self->note) };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      gtk_editable_set_text (GTK_EDITABLE (rows[i]), "");
      gtk_widget_remove_css_class (GTK_WIDGET (rows[i]), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (rows[i]), NULL);
    }
  gtk_drop_down_set_selected (self->kind, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->search), "");
  refresh_matches (self);  /* an empty search stays empty: no change to follow, but the usual ones may differ */
  choose (self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->error), FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search));
}

/* Marks a field with the message of the rule it breaks, next to it. */
static gboolean
mark (GtkWidget *row, GError *error)
{
  if (error == NULL)
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, NULL);
      return TRUE;
    }
  gtk_widget_add_css_class (row, "error");
  gtk_widget_set_tooltip_text (row, error->message);
  g_error_free (error);
  return FALSE;
}

/* The same core rules as the save, checked field by field so the clerk sees
 * where the mistake is; returns the first bad field. */
static GtkWidget *
mark_invalid_fields (McReceptionPage *self)
{
  GError *error = NULL;
  GtkWidget *first = NULL;
  g_autofree char *id = NULL, *phone = NULL;
  gboolean person = gtk_drop_down_get_selected (self->kind) == 0;
  const char *phone_text = gtk_editable_get_text (GTK_EDITABLE (self->phone));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name))));

  if (*name == '\0')
    error = g_error_new_literal (MC_DOSSIER_ERROR, MC_DOSSIER_ERROR_INVALID, _("The applicant’s full name is empty"));
  if (!mark (GTK_WIDGET (self->name), error))
    first = GTK_WIDGET (self->name);
  error = NULL;
  if (person)
    id = mc_id_number_validate (gtk_editable_get_text (GTK_EDITABLE (self->id_number)), NULL, NULL, &error);
  if (!mark (GTK_WIDGET (self->id_number), error) && first == NULL)
    first = GTK_WIDGET (self->id_number);
  error = NULL;
  if (*phone_text)
    phone = mc_phone_validate (phone_text, &error);
  if (!mark (GTK_WIDGET (self->phone), error) && first == NULL)
    first = GTK_WIDGET (self->phone);
  if (first == NULL && mc_date_entry_get_message (self->birth_date) != NULL)
    first = GTK_WIDGET (self->birth_date);
  if (first == NULL && mc_date_entry_get_message (self->later_due) != NULL)
    first = GTK_WIDGET (self->later_due);
  return first;
}

static void
save_and_print_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  McReceptionPage *self = MC_RECEPTION_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *code = mc_reception_page_save (self, &error);
  g_autoptr(McDossier) dossier = NULL;
  g_autoptr(McReceiptData) data = NULL;

  if (code == NULL)
    {
      GtkWidget *bad = mark_invalid_fields (self);
      /* The form keeps everything typed; the save is one transaction, so
       * saving again once the server is back makes one dossier. */
      if (g_error_matches (error, MC_DB_ERROR, MC_DB_ERROR_CONNECTION))
        gtk_label_set_text (self->error, _("The connection to the server is lost: the dossier was not saved. What "
                                           "you typed is kept here; save again once the connection is back"));
      else
        gtk_label_set_text (self->error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error), TRUE);
      if (bad != NULL)
        gtk_widget_grab_focus (bad);
      return;
    }
  mark_invalid_fields (self);
  dossier = mc_dossier_store_find (self->store, code, NULL);
  data = dossier ? mc_dossier_receipt_data (mc_application_get_db (self->app), dossier, MC_FORM_RECEIPT, NULL) : NULL;
  clear_form (self);
  if (data != NULL)
    remember_receipt (self, MC_FORM_RECEIPT, g_steal_pointer (&data));
  if (g_strcmp0 (action_name, "reception.save-print") != 0 || print_last (self, FALSE))
    {
      g_autofree char *message = g_strdup_printf (_("Dossier %s received"), code);
      toast_reprint (self, message);
    }
  else
    {
      /* Translators: the print dialog was cancelled, or the printer failed */
      g_autofree char *message = g_strdup_printf (_("Dossier %s received; its receipt was not printed"), code);
      toast_reprint (self, message);
    }
}

/* Ctrl+P, and the toast's "In lại": the counter's last receipt again. */
static void
reprint_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  McReceptionPage *self = MC_RECEPTION_PAGE (widget);

  if (self->last_receipt == NULL)
    {
      gtk_widget_activate_action (widget, "win.toast", "s", _("No receipt has been printed at this counter yet"));
      return;
    }
  if (!print_last (self, !self->last_printed))
    toast_reprint (self, _("The receipt was not printed"));
}

/* Nhập mới: a half-filled form is dropped, the next applicant starts clean. */
static void
new_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  clear_form (MC_RECEPTION_PAGE (widget));
}

/* Esc twice within a second is Nhập mới; a single Esc keeps its usual
 * meaning (the search entry clears its text, a popup closes). */
static gboolean
escape_pressed_cb (GtkEventControllerKey *keys, guint keyval, guint keycode, GdkModifierType state,
                   McReceptionPage *self)
{
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (keys));
  guint32 time = event ? gdk_event_get_time (event) : (guint32) (g_get_monotonic_time () / 1000);
  gboolean twice;

  if (keyval != GDK_KEY_Escape || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)))
    return FALSE;
  twice = self->escape_time != 0 && time - self->escape_time <= 1000;
  self->escape_time = twice ? 0 : MAX (time, 1);
  if (twice)
    clear_form (self);
  return twice;
}

static gboolean
focus_search_cb (gpointer data)
{
  McReceptionPage *self = data;
  GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_STACK);
  GtkWidget *shown = stack ? gtk_stack_get_visible_child (GTK_STACK (stack)) : NULL;

  self->focus_source = 0;
  /* Still shown: a page switched to at once stays mapped while it fades out. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) &&
      (shown == NULL || shown == GTK_WIDGET (self) || gtk_widget_is_ancestor (GTK_WIDGET (self), shown)))
    gtk_widget_grab_focus (GTK_WIDGET (self->search));
  return G_SOURCE_REMOVE;
}

/* After sign-in and on each return to the page, the clerk types the next
 * procedure at once. From an idle: the stack, after mapping the page,
 * moves a focus it held to the page's first widget and on from there. */
static void
map_cb (McReceptionPage *self)
{
  if (self->focus_source == 0)
    self->focus_source = g_idle_add (focus_search_cb, self);
}

typedef struct {
  McReceptionPage *page;
  GtkEntry        *reason;
} RefuseDialog;

static McReceiptData *
refusal_data (McReceptionPage *self, McDossier *dossier, const char *reference, const char *reason)
{
  McDossierData *d = mc_dossier_get_data (dossier);
  McReceiptData *data;

  d->code = g_strdup (reference);
  d->procedure_name = g_strdup (mc_procedure_get_name (self->chosen));
  data = mc_dossier_receipt_data (mc_application_get_db (self->app), dossier, MC_FORM_REFUSAL, NULL);
  if (data != NULL)
    data->reason = g_strdup (reason);
  return data;
}

static void
refuse_response_cb (AdwMessageDialog *dialog, const char *response, RefuseDialog *rd)
{
  McReceptionPage *self = rd->page;
  g_autoptr(McDossier) dossier = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reference = NULL;
  g_autoptr(McReceiptData) data = NULL;
  const char *reason = gtk_editable_get_text (GTK_EDITABLE (rd->reason));

  if (g_str_equal (response, "refuse"))
    {
      dossier = collect (self);
      reference = mc_dossier_store_refuse (self->store, dossier, reason, &error);
      if (reference == NULL)
        {
          gtk_label_set_text (self->error, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->error), TRUE);
        }
      else
        {
          data = refusal_data (self, dossier, reference, reason);
          clear_form (self);
          if (data != NULL)
            {
              remember_receipt (self, MC_FORM_REFUSAL, g_steal_pointer (&data));
              if (!print_last (self, FALSE))
                toast_reprint (self, _("The receipt was not printed"));
            }
        }
    }
  g_free (rd);
}

/* Mẫu 03: the dossier cannot be accepted (not this center's competence…):
 * the refusal is recorded, with its reason, and the form printed. */
static void
refuse_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  McReceptionPage *self = MC_RECEPTION_PAGE (widget);
  RefuseDialog *rd;
  AdwMessageDialog *dialog;

  if (self->chosen == NULL)
    {
      gtk_label_set_text (self->error, _("Choose the procedure first"));
      gtk_widget_set_visible (GTK_WIDGET (self->error), TRUE);
      return;
    }
  rd = g_new0 (RefuseDialog, 1);
  rd->page = self;
  rd->reason = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (rd->reason, _("The reason, as it will be printed"));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                       _("Refuse to receive the dossier"),
                                                       _("The refusal is recorded and the form (Mẫu 03) printed.")));
  adw_message_dialog_set_extra_child (dialog, GTK_WIDGET (rd->reason));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "refuse", _("_Refuse and print"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "refuse", ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect (dialog, "response", G_CALLBACK (refuse_response_cb), rd);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Enter moves on to the next field, as on the paper form. */
static void
entry_activated_cb (GtkWidget *row, McReceptionPage *self)
{
  gtk_widget_child_focus (GTK_WIDGET (gtk_widget_get_root (row)), GTK_DIR_TAB_FORWARD);
}

static void
date_activated_cb (GtkWidget *date, McReceptionPage *self)
{
  entry_activated_cb (date, self);
}

static gboolean
message_to_subtitle (GBinding *binding, const GValue *from, GValue *to, gpointer data)
{
  g_value_set_string (to, g_value_get_string (from) ? g_value_get_string (from) : "");
  return TRUE;
}

/* A date entry's mistake is written under its row's title. */
static void
show_date_messages (McReceptionPage *self)
{
  g_object_bind_property_full (self->birth_date, "message", self->birth_row, "subtitle", G_BINDING_SYNC_CREATE,
                               message_to_subtitle, NULL, NULL, NULL);
  g_object_bind_property_full (self->later_due, "message", self->later_due_row, "subtitle", G_BINDING_SYNC_CREATE,
                               message_to_subtitle, NULL, NULL, NULL);
}

/* The channels and online levels in core's words (mc-dossier.c). */
static void
set_core_choices (McReceptionPage *self)
{
  const char *channels[] = { mc_channel_to_label (MC_CHANNEL_TRUC_TIEP), mc_channel_to_label (MC_CHANNEL_BUU_CHINH),
                             mc_channel_to_label (MC_CHANNEL_TRUC_TUYEN), NULL };
  const char *levels[] = { mc_online_level_to_label (MC_ONLINE_PARTIAL), mc_online_level_to_label (MC_ONLINE_FULL),
                           NULL };
  g_autoptr(GtkStringList) channel_list = gtk_string_list_new (channels);
  g_autoptr(GtkStringList) level_list = gtk_string_list_new (levels);

  gtk_drop_down_set_model (self->channel, G_LIST_MODEL (channel_list));
  adw_combo_row_set_model (self->online_level, G_LIST_MODEL (level_list));
}

static void
mc_reception_page_dispose (GObject *object)
{
  McReceptionPage *self = MC_RECEPTION_PAGE (object);

  g_clear_handle_id (&self->focus_source, g_source_remove);
  g_clear_pointer (&self->last_receipt, mc_receipt_data_free);
  g_clear_object (&self->chosen);
  g_clear_object (&self->finder);
  g_clear_pointer (&self->recent, g_ptr_array_unref);
  g_clear_object (&self->procedures);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_RECEPTION_PAGE);
  G_OBJECT_CLASS (mc_reception_page_parent_class)->dispose (object);
}

/* What the page needs comes from its application: the database (the
 * store, receipts), the catalog, the calendar and the counter's settings. */
static void
mc_reception_page_constructed (GObject *object)
{
  McReceptionPage *self = MC_RECEPTION_PAGE (object);

  G_OBJECT_CLASS (mc_reception_page_parent_class)->constructed (object);
  g_return_if_fail (MC_IS_APPLICATION (self->app));
  self->store = mc_dossier_store_new (mc_application_get_db (self->app), mc_application_get_calendar (self->app));
  load_procedures (self);
  load_recent (self);
  mc_page_follow_changes (GTK_WIDGET (self), mc_application_get_db (self->app),
                          MC_CHANGE_MASK (MC_CHANGE_PROCEDURE) | MC_CHANGE_MASK (MC_CHANGE_UNIT), TRUE,
                          (McPageReload) reload_procedures);
  g_signal_connect_object (mc_application_get_calendar (self->app), "changed", G_CALLBACK (update_due), self,
                           G_CONNECT_SWAPPED);
  refresh_matches (self);
  choose (self, NULL);
  mc_queue_bar_attach (ADW_BIN (self), self->app);
}

static void
mc_reception_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_APPLICATION:
      g_value_set_object (value, MC_RECEPTION_PAGE (object)->app);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_reception_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_APPLICATION:
      MC_RECEPTION_PAGE (object)->app = g_value_get_object (value);  /* it outlives its windows */
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bind_template (GtkWidgetClass *widget_class)
{
  g_type_ensure (MC_TYPE_WRAP_BOX);
  gtk_widget_class_set_template_from_resource (widget_class, "/vn/motcua/Motcua/ui/mc-reception-page.ui");
  gtk_widget_class_bind_template_child (widget_class, McReceptionPage, search);
  gtk_widget_class_bind_template_child (widget_class, McReceptionPage, matches);
  gtk_widget_class_bind_template_child (widget_class, McReceptionPage, chosen_label);
  gtk_widget_class_bind_template_child (widget_class, McReceptionPage, documents);
  gtk_widget_class_bind_template_child (widget_class, McReceptionPage, kind);
  gtk_widget_class_bind_template_child (widget_class, McReceptionPage, name);
  gtk_widget_class_bind_template_child (widget_class, McReceptionPage, id_number);
  gtk_widget_class_bind_template_child (widget_class, McReceptionPage, birth_row);
  gtk_widget_class_bind_template_child (widget_class, McReceptionPage, birth_date);
  gtk_widget_class_bind_template_child (widget_class, McReceptionPage, phone);
  gtk_widget_class_bind_template_child (widget_class, McReceptionPage, email);
  gtk_widget_class_bind_template_child (widget_class, McReceptionPage, address);
  gtk_widget_class_bind_template_child (widget_class, McReceptionPage, representative);
  gtk_widget_class_bind_template_child (widget_class, McReceptionPage, channel);
  gtk_widget_class_bind_template_child (widget_class, McReceptionPage, online_level);
  gtk_widget_class_bind_template_child (widget_class, McReceptionPage, due);
  gtk_widget_class_bind_template_child (widget_class, McReceptionPage, later_due_row);
  gtk_widget_class_bind_template_child (widget_class, McReceptionPage, later_due);
  gtk_widget_class_bind_template_child (widget_class, McReceptionPage, note);
  gtk_widget_class_bind_template_child (widget_class, McReceptionPage, error);
  gtk_widget_class_bind_template_callback (widget_class, refresh_matches);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, match_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_online_level);
  gtk_widget_class_bind_template_callback (widget_class, escape_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, map_cb);
}

static void
mc_reception_page_class_init (McReceptionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mc_reception_page_constructed;
  object_class->dispose = mc_reception_page_dispose;
  object_class->get_property = mc_reception_page_get_property;
  object_class->set_property = mc_reception_page_set_property;
  properties[PROP_APPLICATION] =
    g_param_spec_object ("application", NULL, NULL, MC_TYPE_APPLICATION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_type_ensure (MC_TYPE_DATE_ENTRY);
  bind_template (widget_class);
  gtk_widget_class_install_action (widget_class, "reception.save-print", NULL, save_and_print_cb);
  gtk_widget_class_install_action (widget_class, "reception.save", NULL, save_and_print_cb);
  gtk_widget_class_install_action (widget_class, "reception.refuse", NULL, refuse_cb);
  gtk_widget_class_install_action (widget_class, "reception.new", NULL, new_cb);
  gtk_widget_class_install_action (widget_class, "reception.reprint", NULL, reprint_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "reception.reprint", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "reception.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "reception.save-print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "reception.save-print", NULL);
}

static void
mc_reception_page_init (McReceptionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  show_date_messages (self);
  set_core_choices (self);
}

McReceptionPage *
mc_reception_page_new (McApplication *app)
{
  return g_object_new (MC_TYPE_RECEPTION_PAGE, "application", app, NULL);
}

void
mc_reception_page_choose_procedure (McReceptionPage *self, const char *code)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->procedures));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(McProcedure) p = g_list_model_get_item (G_LIST_MODEL (self->procedures), i);
      if (g_strcmp0 (mc_procedure_get_code (p), code) == 0)
        choose (self, p);
    }
}

void
mc_reception_page_set_applicant (McReceptionPage *self, const char *name, const char *id_number, const char *phone)
{
  gtk_editable_set_text (GTK_EDITABLE (self->name), name ? name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->id_number), id_number ? id_number : "");
  gtk_editable_set_text (GTK_EDITABLE (self->phone), phone ? phone : "");
}

const char *
mc_reception_page_get_procedure (McReceptionPage *self)
{
  g_return_val_if_fail (MC_IS_RECEPTION_PAGE (self), NULL);

  return self->chosen ? mc_procedure_get_code (self->chosen) : NULL;
}

void
mc_reception_page_fill_from_id_card (McReceptionPage *self, const McIdCard *card)
{
  g_return_if_fail (MC_IS_RECEPTION_PAGE (self));
  g_return_if_fail (card != NULL);

  gtk_drop_down_set_selected (self->kind, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->name), card->name);
  gtk_editable_set_text (GTK_EDITABLE (self->id_number), card->id_number);
  mc_date_entry_set_date (self->birth_date, card->birth_date);
  gtk_editable_set_text (GTK_EDITABLE (self->address), card->address);
  mark_invalid_fields (self);
  /* The card has no phone: that is what the clerk asks next. */
  gtk_widget_grab_focus (GTK_WIDGET (self->phone));
}

McTime
mc_reception_page_get_due (McReceptionPage *self)
{
  McTime due = 0;

  if (self->chosen == NULL ||
      !mc_dossier_store_compute_due (self->store, mc_procedure_get_code (self->chosen), now_or_fake (), &due, NULL))
    return 0;
  return due;
}

const char *
mc_reception_page_get_error (McReceptionPage *self)
{
  g_return_val_if_fail (MC_IS_RECEPTION_PAGE (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->error)) ? gtk_label_get_text (self->error) : NULL;
}
