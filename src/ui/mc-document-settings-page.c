/* mc-document-settings-page.c — Tùy chỉnh → "Văn bản và báo cáo"
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built from core's registry (mc-settings.c): a group per registry group up
 * to MC_SETTING_GROUP_LAST_DOCUMENT, a row per key by its type, so a key
 * another part registers appears here without code. Each value is saved
 * through mc_settings_set (the administrator's, validated, audited) when
 * the person applies it; a refused value leaves the stored one and says why
 * on the row and in a toast (win.toast: the page does not know its window).
 * The page itself is a template (resources/ui/mc-document-settings-page.ui);
 * its rows depend on the registry and are made in code.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-accounts.h"
#include "mc-date-entry.h"
#include "mc-document-settings-page.h"
#include "mc-settings.h"

struct _McDocumentSettingsPage
{
  AdwPreferencesPage  parent_instance;

  McApplication      *app;
  GHashTable         *rows;     /* key → its row (owned by the page's groups) */
  gboolean            loading;  /* widgets being filled: their signals are not edits */
};

G_DEFINE_FINAL_TYPE (McDocumentSettingsPage, mc_document_settings_page, ADW_TYPE_PREFERENCES_PAGE)

enum { PROP_0, PROP_APPLICATION, N_PROPS };
static GParamSpec *properties[N_PROPS];

static const McSettingInfo *
info_of (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "mc-setting");
}

static McDb *
db_of (McDocumentSettingsPage *self)
{
  return mc_application_get_db (self->app);
}

/* Shown by whichever window holds the page (McPreferencesWindow installs
 * win.toast as the main window does); outside one, the row still says it. */
static void
toast (McDocumentSettingsPage *self, const char *text)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", text);
}

static void
mark_row (GtkWidget *row, const char *problem)
{
  if (problem)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
  gtk_widget_set_tooltip_text (row, problem ? problem : NULL);
}

static void load_row (McDocumentSettingsPage *self, GtkWidget *row);

/* The one path of every edit. */
static gboolean
save (McDocumentSettingsPage *self, GtkWidget *row, const char *text)
{
  const McSettingInfo *info = info_of (row);
  g_autoptr(GError) error = NULL;

  if (self->loading)
    return TRUE;
  if (!mc_settings_set (db_of (self), info->key, text, &error))
    {
      mark_row (row, error->message);
      toast (self, error->message);
      return FALSE;
    }
  mark_row (row, NULL);
  load_row (self, row);  /* shows what was stored: trimmed, "1" for "có" */
  return TRUE;
}

static void
entry_apply_cb (AdwEntryRow *row, McDocumentSettingsPage *self)
{
  save (self, GTK_WIDGET (row), gtk_editable_get_text (GTK_EDITABLE (row)));
}

/* A date setting is typed as every date (McDateEntry: dd/mm/yyyy, d/m/yy)
 * and stored as core keeps it (yyyy-mm-dd); a date the entry cannot read
 * is marked on the entry and not saved. Enter or leaving the entry saves. */
static void
date_apply (McDocumentSettingsPage *self, McDateEntry *entry)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (entry), "mc-row");
  g_autoptr(GError) error = NULL;
  g_autofree char *value = mc_settings_get (db_of (self), info_of (row)->key, &error);
  g_autofree char *iso = NULL;
  McDate date;

  if (value == NULL)
    {
      toast (self, error->message);
      return;
    }

  switch (mc_date_entry_read_date (entry, &date))
    {
    case MC_DATE_ENTRY_VALID:
      iso = mc_date_to_iso (date);
      if (g_strcmp0 (iso, value) != 0)
        save (self, row, iso);
      break;
    case MC_DATE_ENTRY_EMPTY:
      save (self, row, "");
      break;
    case MC_DATE_ENTRY_INVALID:
    default:
      mark_row (row, mc_date_entry_get_message (entry));
      break;
    }
}

static void
date_activate_cb (McDateEntry *entry, McDocumentSettingsPage *self)
{
  date_apply (self, entry);
}

static void
date_leave_cb (GtkEventControllerFocus *focus, McDocumentSettingsPage *self)
{
  date_apply (self, MC_DATE_ENTRY (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus))));
}

static void
spin_changed_cb (GtkSpinButton *spin, McDocumentSettingsPage *self)
{
  g_autofree char *text = g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (spin));

  save (self, g_object_get_data (G_OBJECT (spin), "mc-row"), text);
}

static void
switch_cb (GtkSwitch *sw, GParamSpec *pspec, McDocumentSettingsPage *self)
{
  save (self, g_object_get_data (G_OBJECT (sw), "mc-row"), gtk_switch_get_active (sw) ? "1" : "0");
}

static void
combo_cb (AdwComboRow *row, GParamSpec *pspec, McDocumentSettingsPage *self)
{
  const McSettingInfo *info = info_of (GTK_WIDGET (row));
  guint selected = adw_combo_row_get_selected (row);

  if (selected != GTK_INVALID_LIST_POSITION)
    save (self, GTK_WIDGET (row), info->choices[selected].value);
}

/* The template: a dialog with the text, saved as a whole on "Save". */
static void
template_response_cb (AdwMessageDialog *dialog, const char *response, McDocumentSettingsPage *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (dialog), "mc-row");
  GtkTextBuffer *buffer = g_object_get_data (G_OBJECT (dialog), "mc-buffer");
  g_autoptr(GError) error = NULL;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (g_str_equal (response, "reset"))
    {
      if (!mc_settings_reset (db_of (self), info_of (row)->key, &error))
        toast (self, error->message);
      load_row (self, row);
      return;
    }
  if (!g_str_equal (response, "save"))
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  save (self, row, text);
}

static void
edit_template_cb (GtkButton *button, McDocumentSettingsPage *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "mc-row");
  const McSettingInfo *info = info_of (row);
  g_autoptr(GError) error = NULL;
  g_autofree char *value = mc_settings_get (db_of (self), info->key, &error);
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_WINDOW);
  AdwMessageDialog *dialog;
  GtkWidget *scrolled, *view;
  GtkTextBuffer *buffer;

  /* The text in force could not be read: nothing to edit it from. */
  if (value == NULL)
    {
      toast (self, error->message);
      return;
    }
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (window), _(info->label), _(info->description)));
  scrolled = gtk_scrolled_window_new ();
  view = gtk_text_view_new ();
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  gtk_text_buffer_set_text (buffer, value, -1);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_widget_set_size_request (scrolled, 640, 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  adw_message_dialog_set_extra_child (dialog, scrolled);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "reset", _("_Default text"),
                                    "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "mc-row", row);
  g_object_set_data (G_OBJECT (dialog), "mc-buffer", buffer);
  g_signal_connect (dialog, "response", G_CALLBACK (template_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Puts the stored value (or the default) into the row's widget. */
static void
load_row (McDocumentSettingsPage *self, GtkWidget *row)
{
  const McSettingInfo *info = info_of (row);
  g_autoptr(GError) error = NULL;
  g_autofree char *value = mc_settings_get (db_of (self), info->key, &error);
  GtkWidget *control = g_object_get_data (G_OBJECT (row), "mc-control");
  gboolean was_loading = self->loading;

  /* Unread: the row is marked and not offered, lest the default it would
   * show be saved over the unit's value; offered again once read (unless
   * the person may not change settings at all). */
  if (value == NULL)
    {
      /* What it was before (1 + sensitive), to give back once read. */
      if (g_object_get_data (G_OBJECT (row), "mc-unread") == NULL)
        g_object_set_data (G_OBJECT (row), "mc-unread", GINT_TO_POINTER (1 + gtk_widget_get_sensitive (row)));
      gtk_widget_set_sensitive (row, FALSE);
      mark_row (row, error->message);
      toast (self, error->message);
      return;
    }
  if (g_object_get_data (G_OBJECT (row), "mc-unread") != NULL)
    {
      gtk_widget_set_sensitive (row, GPOINTER_TO_INT (g_object_steal_data (G_OBJECT (row), "mc-unread")) - 1);
      mark_row (row, NULL);
    }
  self->loading = TRUE;
  switch (info->type)
    {
    case MC_SETTING_TEXT:
      gtk_editable_set_text (GTK_EDITABLE (row), value);
      break;
    case MC_SETTING_DATE:
      {
        McDate date;

        mc_date_entry_set_date (MC_DATE_ENTRY (control), mc_date_parse_iso (value, &date) ? date : MC_DATE_INVALID);
      }
      break;
    case MC_SETTING_INT:
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (control), g_ascii_strtod (value, NULL));
      break;
    case MC_SETTING_BOOL:
      gtk_switch_set_active (GTK_SWITCH (control), g_str_equal (value, "1"));
      break;
    case MC_SETTING_CHOICE:
      for (guint i = 0; info->choices[i].value; i++)
        if (g_str_equal (info->choices[i].value, value))
          adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
      break;
    case MC_SETTING_MULTILINE:
      {
        /* The first line, so the row says which text is in force. */
        g_auto(GStrv) lines = g_strsplit (value, "\n", 2);
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), lines[0] ? lines[0] : "");
      }
      break;
    default:
      g_assert_not_reached ();
    }
  self->loading = was_loading;
}

static GtkWidget *
entry_row (McDocumentSettingsPage *self)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_signal_connect (row, "apply", G_CALLBACK (entry_apply_cb), self);
  return row;
}

static GtkWidget *
action_row (GtkWidget *control, const McSettingInfo *info)
{
  GtkWidget *row = adw_action_row_new ();

  if (info->description)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(info->description));
  gtk_widget_set_valign (control, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), control);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), control);
  g_object_set_data (G_OBJECT (row), "mc-control", control);
  g_object_set_data (G_OBJECT (control), "mc-row", row);
  return row;
}

static GtkWidget *
date_row (McDocumentSettingsPage *self, const McSettingInfo *info)
{
  GtkWidget *date = mc_date_entry_new (FALSE, FALSE);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (date, "activate", G_CALLBACK (date_activate_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (date_leave_cb), self);
  gtk_widget_add_controller (date, focus);
  return action_row (date, info);
}

static GtkWidget *
spin_row (McDocumentSettingsPage *self, const McSettingInfo *info)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (info->min, info->max, 1);

  g_signal_connect (spin, "value-changed", G_CALLBACK (spin_changed_cb), self);
  return action_row (spin, info);
}

static GtkWidget *
switch_row (McDocumentSettingsPage *self, const McSettingInfo *info)
{
  GtkWidget *sw = gtk_switch_new ();

  g_signal_connect (sw, "notify::active", G_CALLBACK (switch_cb), self);
  return action_row (sw, info);
}

static GtkWidget *
combo_row (McDocumentSettingsPage *self, const McSettingInfo *info)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; info->choices[i].value; i++)
    gtk_string_list_append (labels, _(info->choices[i].label));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  if (info->description)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(info->description));
  g_signal_connect (row, "notify::selected", G_CALLBACK (combo_cb), self);
  return row;
}

static GtkWidget *
template_row (McDocumentSettingsPage *self, const McSettingInfo *info)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Edit…"));
  GtkWidget *row = action_row (button, info);

  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  g_signal_connect (button, "clicked", G_CALLBACK (edit_template_cb), self);
  return row;
}

static GtkWidget *
row_for (McDocumentSettingsPage *self, const McSettingInfo *info)
{
  switch (info->type)
    {
    case MC_SETTING_TEXT:
      return entry_row (self);
    case MC_SETTING_DATE:
      return date_row (self, info);
    case MC_SETTING_INT:
      return spin_row (self, info);
    case MC_SETTING_BOOL:
      return switch_row (self, info);
    case MC_SETTING_CHOICE:
      return combo_row (self, info);
    case MC_SETTING_MULTILINE:
      return template_row (self, info);
    default:
      g_assert_not_reached ();
    }
}

static AdwPreferencesGroup *
group_for (McDocumentSettingsPage *self, McSettingGroup group, gboolean may_edit)
{
  AdwPreferencesGroup *g = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  guint n;
  const McSettingInfo *all = mc_settings_all (&n);

  adw_preferences_group_set_title (g, mc_settings_group_label (group));
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row;

      if (all[i].group != group)
        continue;
      row = row_for (self, &all[i]);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(all[i].label));
      /* An entry row has no subtitle: its description is the tooltip. */
      if (ADW_IS_ENTRY_ROW (row) && all[i].description)
        gtk_widget_set_tooltip_text (row, _(all[i].description));
      g_object_set_data (G_OBJECT (row), "mc-setting", (gpointer) &all[i]);
      gtk_widget_set_sensitive (row, may_edit);
      g_hash_table_insert (self->rows, (gpointer) all[i].key, row);
      load_row (self, row);
      adw_preferences_group_add (g, row);
    }
  return g;
}

/* The groups, a row per registry key, editable by whom core lets
 * configure: known only once the application (its database) is set. */
static void
mc_document_settings_page_constructed (GObject *object)
{
  McDocumentSettingsPage *self = MC_DOCUMENT_SETTINGS_PAGE (object);
  McDb *db;
  gboolean may_edit;

  G_OBJECT_CLASS (mc_document_settings_page_parent_class)->constructed (object);
  g_return_if_fail (MC_IS_APPLICATION (self->app));
  db = mc_application_get_db (self->app);
  may_edit = mc_accounts_check (db, mc_db_get_actor (db), MC_PERMISSION_CONFIGURE, 0, NULL);
  for (McSettingGroup g = 0; g <= MC_SETTING_GROUP_LAST_DOCUMENT; g++)
    {
      AdwPreferencesGroup *group = group_for (self, g, may_edit);

      if (g == 0 && !may_edit)
        adw_preferences_group_set_description (group, _("Only the administrator changes these settings."));
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), group);
    }
}

static void
mc_document_settings_page_finalize (GObject *object)
{
  McDocumentSettingsPage *self = MC_DOCUMENT_SETTINGS_PAGE (object);

  g_clear_pointer (&self->rows, g_hash_table_unref);
  G_OBJECT_CLASS (mc_document_settings_page_parent_class)->finalize (object);
}

static void
mc_document_settings_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_APPLICATION:
      g_value_set_object (value, MC_DOCUMENT_SETTINGS_PAGE (object)->app);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_document_settings_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_APPLICATION:
      MC_DOCUMENT_SETTINGS_PAGE (object)->app = g_value_get_object (value);  /* it outlives its windows */
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_document_settings_page_class_init (McDocumentSettingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = mc_document_settings_page_constructed;
  object_class->finalize = mc_document_settings_page_finalize;
  object_class->get_property = mc_document_settings_page_get_property;
  object_class->set_property = mc_document_settings_page_set_property;
  properties[PROP_APPLICATION] =
    g_param_spec_object ("application", NULL, NULL, MC_TYPE_APPLICATION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass),
                                               "/vn/motcua/Motcua/ui/mc-document-settings-page.ui");
}

static void
mc_document_settings_page_init (McDocumentSettingsPage *self)
{
  self->rows = g_hash_table_new (g_str_hash, g_str_equal);
  gtk_widget_init_template (GTK_WIDGET (self));
}

McDocumentSettingsPage *
mc_document_settings_page_new (McApplication *app)
{
  return g_object_new (MC_TYPE_DOCUMENT_SETTINGS_PAGE, "application", app, NULL);
}

GtkWidget *
mc_document_settings_page_get_row (McDocumentSettingsPage *self, const char *key)
{
  g_return_val_if_fail (MC_IS_DOCUMENT_SETTINGS_PAGE (self), NULL);

  return g_hash_table_lookup (self->rows, key);
}

gboolean
mc_document_settings_page_apply (McDocumentSettingsPage *self, const char *key, const char *text)
{
  GtkWidget *row;

  g_return_val_if_fail (MC_IS_DOCUMENT_SETTINGS_PAGE (self), FALSE);
  g_return_val_if_fail ((row = mc_document_settings_page_get_row (self, key)) != NULL, FALSE);

  /* Entry rows hold what was typed (a refused text stays to be corrected);
   * the other widgets cannot hold an invalid value, so only the save says. */
  if (ADW_IS_ENTRY_ROW (row))
    {
      self->loading = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (row), text);
      self->loading = FALSE;
    }
  return save (self, row, text);
}
