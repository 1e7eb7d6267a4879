/* mc-dossier-window.c — one dossier: its data, its timeline, its receipt
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-accounts.h"
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
  AdwWindow            parent_instance;

  McApplication       *app;
  McDossierStore      *store;
  McDossier           *dossier;
  McActionDialog      *dialog;      /* the action being filled in, or NULL */
  gint64               apology_id;  /* recorded from this window, to print */
  GPtrArray           *rows;        /* the rows filled from the dossier, removed on a refill */
  GtkWidget           *overall_badge;
  gboolean             constructed; /* all construct properties are in */

  /* Template widgets */
  GtkButton           *stop_button;
  GtkButton           *apology_button;
  GtkMenuButton       *actions_button;
  AdwPreferencesGroup *data_group;
  AdwPreferencesGroup *handovers_group;
  GtkButton           *control_button;
  AdwActionRow        *overall_row;
  AdwPreferencesGroup *timeline_group;
};

G_DEFINE_FINAL_TYPE (McDossierWindow, mc_dossier_window, ADW_TYPE_WINDOW)

enum { PROP_0, PROP_APPLICATION, PROP_STORE, PROP_DOSSIER, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void fill (McDossierWindow *self);

static void
add_to_group (McDossierWindow *self, AdwPreferencesGroup *group, GtkWidget *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static void
add_row (McDossierWindow *self, AdwPreferencesGroup *group, const char *title, const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *escaped = g_markup_escape_text (value && *value ? value : "—", -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  gtk_widget_add_css_class (row, "property");
  add_to_group (self, group, row);
}

/* Before a refill: the rows of the previous dossier go, the template's stay. */
static void
remove_rows (McDossierWindow *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = self->rows->pdata[i];

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row,
                                                                                    ADW_TYPE_PREFERENCES_GROUP)),
                                    row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static void
fill_timeline (McDossierWindow *self)
{
  AdwPreferencesGroup *group = self->timeline_group;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = mc_dossier_store_list_events (self->store, mc_dossier_get_data (self->dossier)->id,
                                                              &error);

  /* A timeline that could not be read says why (busy, damaged …), not "no events". */
  if (events == NULL)
    {
      add_row (self, group, error->message, NULL);
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

      add_row (self, group, mc_dossier_event_kind_to_label (e->kind), line);
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
add_handover_row (McDossierWindow *self, const McHandover *h)
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
  add_to_group (self, self->handovers_group, row);
}

/* Mẫu 05 of TT 01/2018 or Mẫu 06 of TT 03/2025, by the date received: the
 * group's title and its print button name the form. */
static void
name_control_sheet (McDossierWindow *self)
{
  McDossierData *d = mc_dossier_get_data (self->dossier);
  /* A label: if the setting cannot be read, printing the sheet says so. */
  g_autofree char *form = mc_form_set_label (mc_form_set_for_time (mc_application_get_db (self->app), d->received_at,
                                                                   NULL),
                                             MC_FORM_TYPE_CONTROL_SHEET);
  /* Translators: %s is the form's number, "Mẫu 05" or "Mẫu 06" */
  g_autofree char *button_label = g_strdup_printf (_("Print the _control sheet (%s)"), form);
  /* Translators: %s is the form's number, "Mẫu 05" or "Mẫu 06" */
  g_autofree char *title = g_strdup_printf (_("Hand-overs (%s)"), form);

  adw_preferences_group_set_title (self->handovers_group, title);
  gtk_button_set_label (self->control_button, button_label);
}

static void
fill_handovers (McDossierWindow *self)
{
  McDossierData *d = mc_dossier_get_data (self->dossier);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) handovers = mc_workflow_handovers (mc_application_get_workflow (self->app), d->code, &error);
  gboolean settled = d->timeliness != NULL && *d->timeliness != '\0';

  name_control_sheet (self);
  mc_timeliness_badge_set_string (self->overall_badge, d->timeliness);
  adw_action_row_set_subtitle (self->overall_row, settled ? "" : _("Not settled yet"));
  if (handovers == NULL)
    {
      adw_preferences_group_set_description (self->handovers_group, error->message);
      return;
    }
  adw_preferences_group_set_description (self->handovers_group,
                                         handovers->len == 0 ? _("Not handed over yet") : NULL);
  for (guint i = 0; i < handovers->len; i++)
    add_handover_row (self, handovers->pdata[i]);
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

  if (fresh != NULL && fresh != self->dossier)
    mc_dossier_window_set_dossier (self, fresh);
  else
    fill (self);
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

/* "Xử lý" in the header: one item per action core allows, hidden when
 * there is none. */
static void
fill_actions (McDossierWindow *self)
{
  guint allowed = mc_action_kinds_allowed (self->app, mc_dossier_get_code (self->dossier));
  g_autoptr(GMenu) menu = g_menu_new ();

  for (McActionKind k = 0; k < MC_N_ACTIONS; k++)
    if (allowed & (1u << k))
      {
        g_autofree char *detailed = g_strdup_printf ("dossier.act::%s", mc_action_kind_to_name (k));
        g_menu_append (menu, mc_action_kind_to_label (k), detailed);
      }
  gtk_menu_button_set_menu_model (self->actions_button, G_MENU_MODEL (menu));
  gtk_widget_set_visible (GTK_WIDGET (self->actions_button), g_menu_model_get_n_items (G_MENU_MODEL (menu)) > 0);
}

/* A withdrawn dossier under the forms of TT 03/2025 has its Mẫu 05. */
static gboolean
has_stop_notice (McDossierWindow *self)
{
  McDossierData *d = mc_dossier_get_data (self->dossier);

  return g_strcmp0 (d->outcome, "withdrawn") == 0 &&
         /* Offering the item only: printing it asks again, with the error. */
         mc_form_set_for_time (mc_application_get_db (self->app), d->finished_at, NULL) == MC_FORM_SET_2025;
}

static void
fill_data (McDossierWindow *self)
{
  McDossierData *d = mc_dossier_get_data (self->dossier);
  AdwPreferencesGroup *data = self->data_group;
  g_autofree char *received = mc_format_time (d->received_at);
  g_autofree char *due = mc_format_time (d->due_at);
  g_autofree char *procedure = g_strdup_printf ("%s — %s", d->procedure_code, d->procedure_name);
  McDb *db = mc_application_get_db (self->app);
  g_autofree char *id_number = mc_accounts_shown_personal (db, d->applicant_id_number);
  g_autofree char *phone = mc_accounts_shown_personal (db, d->applicant_phone);

  adw_preferences_group_set_title (data, d->code);
  add_row (self, data, _("Procedure"), procedure);
  add_row (self, data, _("Field"), d->field_name);
  add_row (self, data, _("Applicant"), d->applicant_name);
  /* Masked for whoever may not read them, as the command line shows them. */
  add_row (self, data, _("Personal ID number (12 digits) or tax code"), id_number);
  add_row (self, data, _("Phone"), phone);
  add_row (self, data, _("Address"), d->applicant_address);
  add_row (self, data, _("Channel"), mc_channel_to_label (d->channel));
  if (d->online_level != NULL)
    {
      McOnlineLevel level = MC_ONLINE_PARTIAL;

      mc_online_level_from_string (d->online_level, &level);
      add_row (self, data, _("Online service level"), mc_online_level_to_label (level));
    }
  add_row (self, data, _("Received"), received);
  add_row (self, data, _("Appointment"), due);
  add_row (self, data, _("State"), mc_dossier_state_to_label (d->state));
}

/* Everything shown comes from the dossier and what core allows on it now. */
static void
fill (McDossierWindow *self)
{
  gtk_window_set_title (GTK_WINDOW (self), mc_dossier_get_code (self->dossier));
  gtk_widget_set_visible (GTK_WIDGET (self->stop_button), has_stop_notice (self));
  gtk_widget_set_visible (GTK_WIDGET (self->apology_button), self->apology_id > 0);
  fill_actions (self);
  remove_rows (self);
  fill_data (self);
  fill_handovers (self);
  fill_timeline (self);
}

McActionDialog *
mc_dossier_window_get_dialog (McDossierWindow *self)
{
  g_return_val_if_fail (MC_IS_DOSSIER_WINDOW (self), NULL);

  return self->dialog;
}

static void
mc_dossier_window_constructed (GObject *object)
{
  McDossierWindow *self = MC_DOSSIER_WINDOW (object);

  G_OBJECT_CLASS (mc_dossier_window_parent_class)->constructed (object);
  g_return_if_fail (MC_IS_APPLICATION (self->app));
  g_return_if_fail (MC_IS_DOSSIER_STORE (self->store));
  g_return_if_fail (MC_IS_DOSSIER (self->dossier));
  /* One of the application's windows, so that signing out closes it: the
   * next person at the desk must not find it open over the sign-in window.
   * (The "application" property above is this class's own, typed
   * McApplication; GtkWindow's is set here.) */
  gtk_window_set_application (GTK_WINDOW (self), GTK_APPLICATION (self->app));
  self->constructed = TRUE;
  fill (self);
}

static void
mc_dossier_window_dispose (GObject *object)
{
  McDossierWindow *self = MC_DOSSIER_WINDOW (object);

  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->dialog));
  g_clear_object (&self->dossier);
  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_DOSSIER_WINDOW);
  G_OBJECT_CLASS (mc_dossier_window_parent_class)->dispose (object);
}

static void
mc_dossier_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  McDossierWindow *self = MC_DOSSIER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      g_value_set_object (value, self->app);
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_DOSSIER:
      g_value_set_object (value, self->dossier);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_dossier_window_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  McDossierWindow *self = MC_DOSSIER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      self->app = g_value_get_object (value);  /* it outlives its windows */
      break;
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_DOSSIER:
      mc_dossier_window_set_dossier (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_properties (GObjectClass *object_class)
{
  properties[PROP_APPLICATION] =
    g_param_spec_object ("application", NULL, NULL, MC_TYPE_APPLICATION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Where the dossier is read again after an action. */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, MC_TYPE_DOSSIER_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The dossier shown; it changes to the one read again after an action. */
  properties[PROP_DOSSIER] =
    g_param_spec_object ("dossier", NULL, NULL, MC_TYPE_DOSSIER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mc_dossier_window_class_init (McDossierWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mc_dossier_window_constructed;
  object_class->dispose = mc_dossier_window_dispose;
  object_class->get_property = mc_dossier_window_get_property;
  object_class->set_property = mc_dossier_window_set_property;
  install_properties (object_class);
  gtk_widget_class_set_template_from_resource (widget_class, "/vn/motcua/Motcua/ui/mc-dossier-window.ui");
  gtk_widget_class_bind_template_child (widget_class, McDossierWindow, stop_button);
  gtk_widget_class_bind_template_child (widget_class, McDossierWindow, apology_button);
  gtk_widget_class_bind_template_child (widget_class, McDossierWindow, actions_button);
  gtk_widget_class_bind_template_child (widget_class, McDossierWindow, data_group);
  gtk_widget_class_bind_template_child (widget_class, McDossierWindow, handovers_group);
  gtk_widget_class_bind_template_child (widget_class, McDossierWindow, control_button);
  gtk_widget_class_bind_template_child (widget_class, McDossierWindow, overall_row);
  gtk_widget_class_bind_template_child (widget_class, McDossierWindow, timeline_group);
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
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The badge is drawn by code (its colour follows the value): added once. */
  self->overall_badge = mc_timeliness_badge_new ();
  adw_action_row_add_suffix (self->overall_row, self->overall_badge);
}

McDossierWindow *
mc_dossier_window_new (McApplication *app, McDossierStore *store, McDossier *dossier)
{
  g_return_val_if_fail (MC_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (MC_IS_DOSSIER_STORE (store), NULL);
  g_return_val_if_fail (MC_IS_DOSSIER (dossier), NULL);

  return g_object_new (MC_TYPE_DOSSIER_WINDOW, "application", app, "store", store, "dossier", dossier, NULL);
}

McDossier *
mc_dossier_window_get_dossier (McDossierWindow *self)
{
  g_return_val_if_fail (MC_IS_DOSSIER_WINDOW (self), NULL);

  return self->dossier;
}

/* Before construction (the construct property) only kept; afterwards the
 * window shows the new dossier at once. */
void
mc_dossier_window_set_dossier (McDossierWindow *self, McDossier *dossier)
{
  g_return_if_fail (MC_IS_DOSSIER_WINDOW (self));
  g_return_if_fail (dossier == NULL || MC_IS_DOSSIER (dossier));

  if (!g_set_object (&self->dossier, dossier))
    return;
  if (self->constructed && self->dossier != NULL)
    fill (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOSSIER]);
}
