/* mc-dossier-window.c — one dossier: its data, its timeline, its receipt
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-action-dialog.h"
#include "mc-apology-form.h"
#include "mc-control-sheet.h"
#include "mc-dossier-receipt.h"
#include "mc-dossier-window.h"
#include "mc-form-set.h"
#include "mc-format.h"
#include "mc-procedure.h"
#include "mc-receipt-print.h"
#include "mc-records-print.h"
#include "mc-stop-notice.h"
#include "mc-timeliness-badge.h"

struct _McDossierWindow
{
  AdwWindow       parent_instance;

  McApplication  *app;
  McDossierStore *store;
  McDossier      *dossier;
  McActionDialog *dialog;    /* the action being filled in, or NULL */
  gint64          apology_id; /* recorded from this window, to print */
};

G_DEFINE_FINAL_TYPE (McDossierWindow, mc_dossier_window, ADW_TYPE_WINDOW)

static void build (McDossierWindow *self);

static void
add_row (AdwPreferencesGroup *group, const char *title, const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *escaped = g_markup_escape_text (value && *value ? value : "—", -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (group, row);
}

static void
fill_timeline (McDossierWindow *self, AdwPreferencesGroup *group)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = mc_dossier_store_list_events (self->store, mc_dossier_get_data (self->dossier)->id,
                                                              &error);

  /* A timeline that could not be read says why (busy, damaged …), not "no events". */
  if (events == NULL)
    {
      add_row (group, error->message, NULL);
      return;
    }
  for (guint i = 0; i < events->len; i++)
    {
      McDossierEvent *e = events->pdata[i];
      g_autofree char *when = mc_format_time (e->at);
      g_autofree char *where = g_strjoin (" — ", when, e->department_name ? e->department_name : "",
                                          e->staff_name ? e->staff_name : "", NULL);
      /* The note says why (a pause's missing papers) or to whom (a return,
       * on whose authorisation); the counter's name on a receipt is no news. */
      g_autofree char *line = e->note && *e->note && g_strcmp0 (e->kind, "receive") != 0
                              ? g_strconcat (where, "\n", e->note, NULL) : g_strdup (where);

      add_row (group, mc_dossier_event_kind_to_label (e->kind), line);
    }
}

static char *
handover_party (const char *name, const char *staff)
{
  if (staff == NULL || *staff == '\0')
    return g_strdup (name && *name ? name : "—");
  return g_strdup_printf ("%s (%s)", name && *name ? name : "—", staff);
}

/* Mẫu 05 on screen: each hand-over, giao → nhận, and how the giver's step
 * ended against its own due time (per-department lateness). */
static void
add_handover_row (AdwPreferencesGroup *group, const McHandover *h)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *badge = mc_timeliness_badge_new ();
  gboolean to_counter = g_strcmp0 (h->kind, "finish") == 0 || g_strcmp0 (h->kind, "unqualified") == 0 ||
                        g_strcmp0 (h->kind, "withdraw") == 0;
  gboolean to_citizen = g_strcmp0 (h->kind, "return") == 0;
  g_autofree char *from = handover_party (h->from_name && *h->from_name ? h->from_name
                                          : to_citizen ? _("Reception and results counter") : NULL, h->from_staff);
  g_autofree char *to = handover_party (h->to_name && *h->to_name ? h->to_name
                                        : to_counter ? _("Reception and results counter")
                                        : to_citizen ? _("The applicant") : NULL, h->to_staff);
  /* Translators: a hand-over of the dossier, giver → receiver */
  g_autofree char *title = g_strdup_printf (_("%d. %s → %s"), h->index, from, to);
  g_autofree char *given = mc_format_time (h->at);
  g_autofree char *accepted = h->accepted_at ? mc_format_time (h->accepted_at) : NULL;
  g_autofree char *due = h->ended_step_due ? mc_format_time (h->ended_step_due) : NULL;
  GString *subtitle = g_string_new (NULL);
  g_autofree char *escaped_title = g_markup_escape_text (title, -1);
  g_autofree char *escaped = NULL;

  /* Translators: when the dossier was handed over (giao) */
  g_string_append_printf (subtitle, _("Handed over %s"), given);
  if (accepted)
    /* Translators: when the receiver confirmed (nhận) */
    g_string_append_printf (subtitle, _("; received %s"), accepted);
  else if (!to_counter && !to_citizen)
    g_string_append (subtitle, _("; receipt not confirmed"));
  if (due)
    /* Translators: the giver's step was due at */
    g_string_append_printf (subtitle, _("; step due %s"), due);
  if (h->note && *h->note)
    g_string_append_printf (subtitle, " — %s", h->note);
  escaped = g_markup_escape_text (subtitle->str, -1);
  g_string_free (subtitle, TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  mc_timeliness_badge_set (badge, h->has_timeliness, h->timeliness);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
  adw_preferences_group_add (group, row);
}

static void
fill_handovers (McDossierWindow *self, AdwPreferencesGroup *group)
{
  McDossierData *d = mc_dossier_get_data (self->dossier);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) handovers = mc_workflow_handovers (mc_application_get_workflow (self->app), d->code, &error);
  GtkWidget *overall = adw_action_row_new ();
  GtkWidget *badge = mc_timeliness_badge_new ();
  /* Mẫu 05 of TT 01/2018 or Mẫu 06 of TT 03/2025, by the date received. */
  g_autofree char *form = mc_form_set_label (mc_form_set_for_time (mc_application_get_db (self->app), d->received_at),
                                             MC_FORM_TYPE_CONTROL_SHEET);
  /* Translators: %s is the form's number, "Mẫu 05" or "Mẫu 06" */
  g_autofree char *button_label = g_strdup_printf (_("Print the _control sheet (%s)"), form);
  /* Translators: %s is the form's number, "Mẫu 05" or "Mẫu 06" */
  g_autofree char *title = g_strdup_printf (_("Hand-overs (%s)"), form);
  GtkWidget *control = gtk_button_new_with_mnemonic (button_label);

  adw_preferences_group_set_title (group, title);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (control), "dossier.print-control-sheet");
  gtk_widget_set_tooltip_text (control, _("Phiếu kiểm soát quá trình giải quyết hồ sơ: every hand-over, on time or late"));
  gtk_widget_set_valign (control, GTK_ALIGN_CENTER);
  adw_preferences_group_set_header_suffix (group, control);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (overall), _("Classification of the dossier"));
  mc_timeliness_badge_set_string (badge, d->timeliness);
  if (d->timeliness == NULL || *d->timeliness == '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (overall), _("Not settled yet"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (overall), badge);
  adw_preferences_group_add (group, overall);
  if (handovers == NULL)
    {
      adw_preferences_group_set_description (group, error->message);
      return;
    }
  if (handovers->len == 0)
    adw_preferences_group_set_description (group, _("Not handed over yet"));
  for (guint i = 0; i < handovers->len; i++)
    add_handover_row (group, handovers->pdata[i]);
}

static void
print_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  McDossierWindow *self = MC_DOSSIER_WINDOW (widget);
  McFormKind kind = g_str_equal (action_name, "dossier.print-supplement") ? MC_FORM_SUPPLEMENT : MC_FORM_RECEIPT;
  g_autoptr(McReceiptData) data = mc_dossier_receipt_data (mc_application_get_db (self->app), self->dossier,
                                                           kind, NULL);

  if (data != NULL)
    mc_receipt_print (GTK_WINDOW (self), kind, data);
}

static void
print_control_sheet_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  McDossierWindow *self = MC_DOSSIER_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  McControlSheetData *data = mc_control_sheet_data_new (mc_application_get_workflow (self->app),
                                                        mc_dossier_get_code (self->dossier), &error);

  if (data == NULL)
    {
      AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                                             _("Cannot print the control sheet"),
                                                                             error->message));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  mc_records_print_on (GTK_WINDOW (self), mc_dossier_get_code (self->dossier), data,
                       (GDestroyNotify) mc_control_sheet_data_free,
                       (McPrintCountFunc) mc_control_sheet_get_n_pages, (McPrintDrawFunc) mc_control_sheet_draw_page,
                       mc_control_sheet_is_a5 (data));
}

static void
print_stop_notice_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  McDossierWindow *self = MC_DOSSIER_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  McStopNoticeData *data = mc_stop_notice_data_new (mc_application_get_workflow (self->app),
                                                    mc_dossier_get_code (self->dossier), &error);

  if (data == NULL)
    {
      AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                                             _("Cannot print the stop notice"),
                                                                             error->message));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  mc_records_print_on (GTK_WINDOW (self), mc_dossier_get_code (self->dossier), data,
                       (GDestroyNotify) mc_stop_notice_data_free,
                       (McPrintCountFunc) mc_stop_notice_get_n_pages, (McPrintDrawFunc) mc_stop_notice_draw_page,
                       mc_stop_notice_is_a5 (data));
}

/* Actions: what core allows the person signed in on this dossier now
 * (mc_dossier_allowed_actions), whatever its state — a late result at the
 * counter is apologised for from here, as the command line does. */

static void
reload (McDossierWindow *self)
{
  g_autoptr(McDossier) fresh = mc_dossier_store_find (self->store, mc_dossier_get_code (self->dossier), NULL);

  if (fresh != NULL)
    g_set_object (&self->dossier, fresh);
  build (self);
}

static void
show_problem (McDossierWindow *self, const char *heading, const char *message)
{
  mc_action_show_error (GTK_WINDOW (self), heading, message);
}

/* Mẫu 04 goes to the citizen: once recorded here, the header offers it. */
static void
print_apology_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  McDossierWindow *self = MC_DOSSIER_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  McApologyFormData *data = mc_apology_form_data_new (mc_application_get_workflow (self->app), self->apology_id,
                                                      &error);

  if (data == NULL)
    {
      show_problem (self, _("Not done"), error->message);
      return;
    }
  mc_records_print (GTK_WINDOW (self), mc_dossier_get_code (self->dossier), data,
                    (GDestroyNotify) mc_apology_form_data_free,
                    (McPrintCountFunc) mc_apology_form_get_n_pages, (McPrintDrawFunc) mc_apology_form_draw_page);
}

static void
applied_cb (McActionDialog *dialog, McDossierWindow *self)
{
  if (mc_action_dialog_get_kind (dialog) == MC_ACTION_APOLOGY)
    self->apology_id = mc_action_dialog_get_apology_id (dialog);
  reload (self);
}

static void
act_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  McDossierWindow *self = MC_DOSSIER_WINDOW (widget);
  const char *code = mc_dossier_get_code (self->dossier);
  const char *name = g_variant_get_string (parameter, NULL);
  g_autoptr(McWorkItem) item = NULL;
  g_autoptr(GError) error = NULL;
  McActionKind kind = MC_N_ACTIONS;

  for (McActionKind k = 0; k < MC_N_ACTIONS; k++)
    if (g_strcmp0 (name, mc_action_kind_to_name (k)) == 0)
      kind = k;
  g_return_if_fail (kind < MC_N_ACTIONS);
  /* Asked again: another clerk may have moved the dossier meanwhile. */
  if (!mc_action_kind_is_allowed (self->app, kind, code, &error) ||
      (item = mc_workflow_get_item (mc_application_get_workflow (self->app), code, mc_time_now (), &error)) == NULL)
    {
      show_problem (self, _("Not done"), error->message);
      return;
    }
  self->dialog = mc_action_dialog_new (self->app, kind, item);
  g_object_add_weak_pointer (G_OBJECT (self->dialog), (gpointer *) &self->dialog);
  gtk_window_set_transient_for (GTK_WINDOW (self->dialog), GTK_WINDOW (self));
  g_signal_connect_object (self->dialog, "applied", G_CALLBACK (applied_cb), self, 0);
  gtk_window_present (GTK_WINDOW (self->dialog));
}

/* "Xử lý" in the header: one item per action core allows, none otherwise. */
static GtkWidget *
new_actions_button (McDossierWindow *self)
{
  guint allowed = mc_action_kinds_allowed (self->app, mc_dossier_get_code (self->dossier));
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *button;

  for (McActionKind k = 0; k < MC_N_ACTIONS; k++)
    if (allowed & (1u << k))
      {
        g_autofree char *detailed = g_strdup_printf ("dossier.act::%s", mc_action_kind_to_name (k));
        g_menu_append (menu, mc_action_kind_to_label (k), detailed);
      }
  if (g_menu_model_get_n_items (G_MENU_MODEL (menu)) == 0)
    return NULL;
  button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("_Actions"));
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (button), TRUE);
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_tooltip_text (button, _("What you may do with this dossier now"));
  return button;
}

/* A withdrawn dossier under the forms of TT 03/2025 has its Mẫu 05. */
static gboolean
has_stop_notice (McDossierWindow *self)
{
  McDossierData *d = mc_dossier_get_data (self->dossier);

  return g_strcmp0 (d->outcome, "withdrawn") == 0 &&
         mc_form_set_for_time (mc_application_get_db (self->app), d->finished_at) == MC_FORM_SET_2025;
}

static GtkWidget *
build_content (McDossierWindow *self)
{
  McDossierData *d = mc_dossier_get_data (self->dossier);
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *data = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *handovers = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *timeline = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  g_autofree char *received = mc_format_time (d->received_at);
  g_autofree char *due = mc_format_time (d->due_at);
  g_autofree char *procedure = g_strdup_printf ("%s — %s", d->procedure_code, d->procedure_name);

  adw_preferences_group_set_title (data, d->code);
  add_row (data, _("Procedure"), procedure);
  add_row (data, _("Field"), d->field_name);
  add_row (data, _("Applicant"), d->applicant_name);
  add_row (data, _("Personal ID number (12 digits) or tax code"), d->applicant_id_number);
  add_row (data, _("Phone"), d->applicant_phone);
  add_row (data, _("Address"), d->applicant_address);
  add_row (data, _("Channel"), mc_channel_to_label (d->channel));
  if (d->online_level != NULL)
    {
      McOnlineLevel level = MC_ONLINE_PARTIAL;

      mc_online_level_from_string (d->online_level, &level);
      add_row (data, _("Online service level"), mc_online_level_to_label (level));
    }
  add_row (data, _("Received"), received);
  add_row (data, _("Appointment"), due);
  add_row (data, _("State"), mc_dossier_state_to_label (d->state));
  adw_preferences_group_set_title (timeline, _("Timeline"));
  fill_timeline (self, timeline);
  fill_handovers (self, handovers);
  adw_preferences_page_add (page, data);
  adw_preferences_page_add (page, handovers);
  adw_preferences_page_add (page, timeline);
  gtk_widget_set_vexpand (GTK_WIDGET (page), TRUE);
  return GTK_WIDGET (page);
}

static void
build (McDossierWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *print = gtk_button_new_with_mnemonic (_("_Reprint the receipt"));
  GtkWidget *supplement = gtk_button_new_with_mnemonic (_("Request _supplements"));
  GtkWidget *actions;

  gtk_actionable_set_action_name (GTK_ACTIONABLE (print), "dossier.print");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (supplement), "dossier.print-supplement");
  gtk_widget_set_tooltip_text (supplement, _("Print Mẫu 02 listing the documents still missing"));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), print);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), supplement);
  if (has_stop_notice (self))
    {
      /* Translators: Mẫu 05 is the form's number in Thông tư 03/2025/TT-VPCP */
      GtkWidget *stop = gtk_button_new_with_mnemonic (_("S_top notice (Mẫu 05)"));

      gtk_actionable_set_action_name (GTK_ACTIONABLE (stop), "dossier.print-stop-notice");
      gtk_widget_set_tooltip_text (stop, _("Thông báo dừng giải quyết hồ sơ: the applicant asked to stop"));
      adw_header_bar_pack_start (ADW_HEADER_BAR (header), stop);
    }
  if (self->apology_id > 0)
    {
      GtkWidget *apology = gtk_button_new_with_mnemonic (_("Print the _apology (Mẫu 04)"));

      gtk_actionable_set_action_name (GTK_ACTIONABLE (apology), "dossier.print-apology");
      adw_header_bar_pack_end (ADW_HEADER_BAR (header), apology);
    }
  actions = new_actions_button (self);
  if (actions != NULL)
    adw_header_bar_pack_end (ADW_HEADER_BAR (header), actions);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), build_content (self));
  adw_window_set_content (ADW_WINDOW (self), box);
}

McActionDialog *
mc_dossier_window_get_dialog (McDossierWindow *self)
{
  g_return_val_if_fail (MC_IS_DOSSIER_WINDOW (self), NULL);

  return self->dialog;
}

static void
mc_dossier_window_dispose (GObject *object)
{
  McDossierWindow *self = MC_DOSSIER_WINDOW (object);

  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->dialog));
  g_clear_object (&self->dossier);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (mc_dossier_window_parent_class)->dispose (object);
}

static void
mc_dossier_window_class_init (McDossierWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = mc_dossier_window_dispose;
  gtk_widget_class_install_action (widget_class, "dossier.print", NULL, print_cb);
  gtk_widget_class_install_action (widget_class, "dossier.print-supplement", NULL, print_cb);
  gtk_widget_class_install_action (widget_class, "dossier.print-control-sheet", NULL, print_control_sheet_cb);
  gtk_widget_class_install_action (widget_class, "dossier.print-stop-notice", NULL, print_stop_notice_cb);
  gtk_widget_class_install_action (widget_class, "dossier.act", "s", act_cb);
  gtk_widget_class_install_action (widget_class, "dossier.print-apology", NULL, print_apology_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "dossier.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mc_dossier_window_init (McDossierWindow *self)
{
}

McDossierWindow *
mc_dossier_window_new (McApplication *app, McDossierStore *store, McDossier *dossier)
{
  McDossierWindow *self = g_object_new (MC_TYPE_DOSSIER_WINDOW, "default-width", 720, "default-height", 800, NULL);

  self->app = app;
  self->store = g_object_ref (store);
  self->dossier = g_object_ref (dossier);
  gtk_window_set_title (GTK_WINDOW (self), mc_dossier_get_code (dossier));
  build (self);
  return self;
}
