/* mc-queue-admin.c — the administrator's window for the queue (issue 18
 * item 1): ticket services, counters and which services each calls, the
 * priority rule; and Tùy chỉnh's "Xếp hàng" group with this computer's
 * counter
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything is core's (McQueue, mc_settings_set): core checks the
 * administrator's right, validates (a name, one capital letter or none, a
 * range two services do not share, a counter number 1–999), writes in one
 * transaction and audits; a refusal is shown under the form in core's
 * Vietnamese and nothing is saved. Each page is a list of what exists and
 * a form below it: "Sửa" on a row fills the form, "Thêm mới" empties it,
 * "Lưu" saves. The lists follow MC_CHANGE_QUEUE, so a service added by
 * `motcua queue service add` shows.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-page-changes.h"
#include "mc-queue-admin.h"
#include "mc-queue.h"
#include "mc-session.h"
#include "mc-settings.h"

typedef struct {
  AdwPreferencesGroup *list;
  GPtrArray           *rows;     /* the list's rows, removed on reload */
  AdwPreferencesGroup *form;
  GtkLabel            *error;
} Section;

struct _McQueueAdmin
{
  AdwPreferencesWindow parent_instance;

  McApplication *app;
  McQueue       *queue;
  gboolean       loading;

  Section        services;
  gint64         service_id;  /* the service in the form, 0 for a new one */
  AdwEntryRow   *service_name;
  AdwEntryRow   *service_prefix;
  GtkSpinButton *service_first;
  GtkSpinButton *service_last;
  GtkSwitch     *service_active;

  Section        counters;
  gboolean       counter_new;
  GtkSpinButton *counter_number;
  AdwEntryRow   *counter_name;
  GtkSwitch     *counter_active;
  AdwPreferencesGroup *counter_services;
  GPtrArray     *service_checks;  /* GtkCheckButton, "service-id" data */
  GPtrArray     *service_check_rows;

  AdwComboRow   *rule;
  GtkSpinButton *every;
  GtkLabel      *rule_error;
};

G_DEFINE_FINAL_TYPE (McQueueAdmin, mc_queue_admin, ADW_TYPE_PREFERENCES_WINDOW)

static void
toast (McQueueAdmin *self, const char *text)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (text));
}

static void
show_error (Section *s, const char *message)
{
  gtk_label_set_text (s->error, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (s->error), message != NULL && *message);
}

static GtkSpinButton *
spin_row (AdwPreferencesGroup *group, const char *title, int min, int max)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_preferences_group_add (group, row);
  return GTK_SPIN_BUTTON (spin);
}

static GtkSwitch *
switch_row (AdwPreferencesGroup *group, const char *title, const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  adw_preferences_group_add (group, row);
  return GTK_SWITCH (sw);
}

static AdwEntryRow *
entry_row (AdwPreferencesGroup *group, const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (group, row);
  return ADW_ENTRY_ROW (row);
}

/* "Thêm mới" and "Lưu" under a form, and the line its refusals go to. */
static void
form_buttons (McQueueAdmin *self, Section *s, GCallback new_cb, GCallback save_cb)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *add = gtk_button_new_with_label (_("New"));
  GtkWidget *save = gtk_button_new_with_label (_("Save"));
  GtkWidget *error = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_halign (box, GTK_ALIGN_END);
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect_swapped (add, "clicked", new_cb, self);
  g_signal_connect_swapped (save, "clicked", save_cb, self);
  gtk_box_append (GTK_BOX (box), add);
  gtk_box_append (GTK_BOX (box), save);
  gtk_widget_add_css_class (error, "error");
  gtk_label_set_wrap (GTK_LABEL (error), TRUE);
  gtk_label_set_xalign (GTK_LABEL (error), 0);
  gtk_widget_set_margin_top (error, 12);
  gtk_widget_set_visible (error, FALSE);
  s->error = GTK_LABEL (error);
  adw_preferences_group_add (s->form, error);
  adw_preferences_group_add (s->form, box);
}

static void
clear_rows (Section *s)
{
  for (guint i = 0; i < s->rows->len; i++)
    adw_preferences_group_remove (s->list, s->rows->pdata[i]);
  g_ptr_array_set_size (s->rows, 0);
}

static GtkWidget *
list_row (Section *s, const char *title, const char *subtitle, gboolean active, GCallback edit_cb, gpointer self,
          const char *key, gint64 value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *edit = gtk_button_new_with_label (_("Edit"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (!active)
    {
      GtkWidget *tag = gtk_label_new (_("not in use"));

      gtk_widget_add_css_class (tag, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
    }
  gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (edit), key, GINT_TO_POINTER ((int) value));
  g_signal_connect_swapped (edit, "clicked", edit_cb, self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
  adw_preferences_group_add (s->list, row);
  g_ptr_array_add (s->rows, row);
  return row;
}

/* ---- services ------------------------------------------------------------ */

static void reload_counters (McQueueAdmin *self);

/* The first and last numbers as printed on the tickets: A001 – A999
 * (as many digits as the last number, mc-queue.c's ticket_label). */
static char *
range_text (const McQueueService *sv)
{
  int width = 1;

  for (int n = sv->last_number; n >= 10; n /= 10)
    width++;
  if (*sv->prefix)
    return g_strdup_printf ("%s%0*d – %s%d", sv->prefix, width, sv->first_number, sv->prefix, sv->last_number);
  return g_strdup_printf ("%d – %d", sv->first_number, sv->last_number);
}

static void
fill_service_form (McQueueAdmin *self, const McQueueService *sv)
{
  self->service_id = sv ? sv->id : 0;
  adw_preferences_group_set_title (self->services.form, sv ? _("Edit the service") : _("New service"));
  gtk_editable_set_text (GTK_EDITABLE (self->service_name), sv ? sv->name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->service_prefix), sv ? sv->prefix : "");
  gtk_spin_button_set_value (self->service_first, sv ? sv->first_number : 1);
  gtk_spin_button_set_value (self->service_last, sv ? sv->last_number : 999);
  gtk_switch_set_active (self->service_active, sv ? sv->active : TRUE);
  gtk_widget_set_sensitive (gtk_widget_get_ancestor (GTK_WIDGET (self->service_active), ADW_TYPE_ACTION_ROW),
                            sv != NULL);  /* a new service is in use */
  show_error (&self->services, NULL);
}

static void
edit_service_cb (McQueueAdmin *self, GtkButton *button)
{
  gint64 id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "service-id"));
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autoptr(McQueueService) sv = mc_queue_find_service (self->queue, key, NULL);

  fill_service_form (self, sv);
}

static void
new_service_cb (McQueueAdmin *self)
{
  fill_service_form (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->service_name));
}

static void
reload_services (McQueueAdmin *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = mc_queue_list_services (self->queue, FALSE, &error);

  clear_rows (&self->services);
  if (all == NULL)
    {
      show_error (&self->services, error->message);
      return;
    }
  for (guint i = 0; i < all->len; i++)
    {
      McQueueService *sv = all->pdata[i];
      g_autofree char *range = range_text (sv);

      list_row (&self->services, sv->name, range, sv->active, G_CALLBACK (edit_service_cb), self, "service-id",
                sv->id);
    }
  if (all->len == 0)
    adw_preferences_group_set_description (self->services.list, _("No ticket service yet: add one below"));
  else
    adw_preferences_group_set_description (self->services.list, NULL);
}

static gboolean
save_service (McQueueAdmin *self)
{
  g_autoptr(GError) error = NULL;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->service_name));
  const char *prefix = gtk_editable_get_text (GTK_EDITABLE (self->service_prefix));
  int first = gtk_spin_button_get_value_as_int (self->service_first);
  int last = gtk_spin_button_get_value_as_int (self->service_last);
  g_autofree char *done = NULL;

  if (self->service_id == 0)
    {
      g_autoptr(McQueueService) sv = mc_queue_add_service (self->queue, name, prefix, first, last, &error);

      if (sv != NULL)
        self->service_id = sv->id;
    }
  else
    mc_queue_update_service (self->queue, self->service_id, name, prefix, first, last,
                             gtk_switch_get_active (self->service_active), &error);
  if (error != NULL)
    {
      show_error (&self->services, error->message);
      return FALSE;
    }
  show_error (&self->services, NULL);
  done = g_strdup_printf (_("Service “%s” saved"), name);
  toast (self, done);
  reload_services (self);
  reload_counters (self);  /* the counter form offers the new service at once */
  return TRUE;
}

static void
save_service_cb (McQueueAdmin *self)
{
  save_service (self);
}

static void
build_services (McQueueAdmin *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());

  adw_preferences_page_set_title (page, _("Ticket services"));
  adw_preferences_page_set_name (page, "services");
  adw_preferences_page_set_icon_name (page, "view-list-symbolic");
  self->services.list = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->services.list, _("Ticket services"));
  self->services.form = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_description (self->services.form,
    _("A letter gives numbers like A001; without one the range alone (1000–1999) tells the services apart. "
      "Numbers start again each day."));
  self->service_name = entry_row (self->services.form, _("Service name"));
  self->service_prefix = entry_row (self->services.form, _("Letter (empty: numbers only)"));
  self->service_first = spin_row (self->services.form, _("First number"), 1, 99999);
  self->service_last = spin_row (self->services.form, _("Last number"), 1, 99999);
  self->service_active = switch_row (self->services.form, _("In use"),
                                     _("A service not in use is not offered at the kiosk"));
  form_buttons (self, &self->services, G_CALLBACK (new_service_cb), G_CALLBACK (save_service_cb));
  adw_preferences_page_add (page, self->services.list);
  adw_preferences_page_add (page, self->services.form);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), page);
}

/* ---- counters -------------------------------------------------------------- */

static void
fill_counter_form (McQueueAdmin *self, const McQueueCounter *c)
{
  self->counter_new = c == NULL;
  adw_preferences_group_set_title (self->counters.form, c ? _("Edit the counter") : _("New counter"));
  gtk_spin_button_set_value (self->counter_number, c ? c->number : 1);
  gtk_widget_set_sensitive (GTK_WIDGET (self->counter_number), c == NULL);  /* a counter keeps its number */
  gtk_editable_set_text (GTK_EDITABLE (self->counter_name), c ? c->name : "");
  gtk_switch_set_active (self->counter_active, c ? c->active : TRUE);
  for (guint i = 0; i < self->service_checks->len; i++)
    {
      GtkCheckButton *check = self->service_checks->pdata[i];
      gint64 id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "service-id"));
      gboolean on = FALSE;

      for (guint k = 0; c != NULL && k < c->service_ids->len; k++)
        on |= g_array_index (c->service_ids, gint64, k) == id;
      gtk_check_button_set_active (check, on);
    }
  show_error (&self->counters, NULL);
}

static void
edit_counter_cb (McQueueAdmin *self, GtkButton *button)
{
  int number = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "counter-number"));
  g_autoptr(McQueueCounter) c = mc_queue_find_counter (self->queue, number, NULL);

  fill_counter_form (self, c);
}

static void
new_counter_cb (McQueueAdmin *self)
{
  fill_counter_form (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->counter_number));
}

/* One check per service, in the list's order, keeping what was ticked. */
static void
reload_service_checks (McQueueAdmin *self, GPtrArray *services)
{
  g_autoptr(GHashTable) ticked = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < self->service_checks->len; i++)
    if (gtk_check_button_get_active (self->service_checks->pdata[i]))
      g_hash_table_add (ticked, g_object_get_data (G_OBJECT (self->service_checks->pdata[i]), "service-id"));
  for (guint i = 0; i < self->service_check_rows->len; i++)
    adw_preferences_group_remove (self->counter_services, self->service_check_rows->pdata[i]);
  g_ptr_array_set_size (self->service_check_rows, 0);
  g_ptr_array_set_size (self->service_checks, 0);
  for (guint i = 0; i < services->len; i++)
    {
      McQueueService *sv = services->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *range = range_text (sv);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sv->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), range);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data (G_OBJECT (check), "service-id", GINT_TO_POINTER ((int) sv->id));
      g_object_set_data_full (G_OBJECT (check), "service-name", g_strdup (sv->name), g_free);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   g_hash_table_contains (ticked, GINT_TO_POINTER ((int) sv->id)));
      adw_preferences_group_add (self->counter_services, row);
      g_ptr_array_add (self->service_check_rows, row);
      g_ptr_array_add (self->service_checks, check);
    }
}

static void
reload_counters (McQueueAdmin *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) counters = mc_queue_list_counters (self->queue, &error);
  g_autoptr(GPtrArray) services = counters ? mc_queue_list_services (self->queue, FALSE, &error) : NULL;

  clear_rows (&self->counters);
  if (services == NULL)
    {
      show_error (&self->counters, error->message);
      return;
    }
  reload_service_checks (self, services);
  for (guint i = 0; i < counters->len; i++)
    {
      McQueueCounter *c = counters->pdata[i];
      g_autoptr(GString) names = g_string_new (NULL);
      g_autofree char *subtitle = NULL;

      for (guint k = 0; k < c->service_ids->len; k++)
        for (guint j = 0; j < services->len; j++)
          if (((McQueueService *) services->pdata[j])->id == g_array_index (c->service_ids, gint64, k))
            g_string_append_printf (names, "%s%s", names->len ? "; " : "", ((McQueueService *) services->pdata[j])->name);
      /* Translators: a counter's row: its number, the services it calls */
      subtitle = g_strdup_printf (_("Counter %d: %s"), c->number, names->len ? names->str : _("calls no service"));
      list_row (&self->counters, c->name, subtitle, c->active, G_CALLBACK (edit_counter_cb), self, "counter-number",
                c->number);
    }
  adw_preferences_group_set_description (self->counters.list, counters->len ? NULL : _("No counter yet: add one below"));
}

static gboolean
save_counter (McQueueAdmin *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int number = gtk_spin_button_get_value_as_int (self->counter_number);
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->counter_name));
  g_autofree char *done = NULL;

  for (guint i = 0; i < self->service_checks->len; i++)
    if (gtk_check_button_get_active (self->service_checks->pdata[i]))
      {
        gint64 id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self->service_checks->pdata[i]), "service-id"));

        g_array_append_val (ids, id);
      }
  if (self->counter_new)
    {
      g_autoptr(McQueueCounter) c = mc_queue_add_counter (self->queue, number, name, (gint64 *) ids->data, ids->len,
                                                          &error);
      if (c != NULL)
        fill_counter_form (self, c);
    }
  else
    mc_queue_update_counter (self->queue, number, name, (gint64 *) ids->data, ids->len,
                             gtk_switch_get_active (self->counter_active), &error);
  if (error != NULL)
    {
      show_error (&self->counters, error->message);
      return FALSE;
    }
  show_error (&self->counters, NULL);
  done = g_strdup_printf (_("Counter %d saved"), number);
  toast (self, done);
  reload_counters (self);
  return TRUE;
}

static void
save_counter_cb (McQueueAdmin *self)
{
  save_counter (self);
}

static void
build_counters (McQueueAdmin *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());

  adw_preferences_page_set_title (page, _("Counters"));
  adw_preferences_page_set_name (page, "counters");
  adw_preferences_page_set_icon_name (page, "system-users-symbolic");
  self->counters.list = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->counters.list, _("Counters"));
  self->counters.form = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  self->counter_number = spin_row (self->counters.form, _("Counter number"), 1, 999);
  self->counter_name = entry_row (self->counters.form, _("Name shown on the board"));
  self->counter_active = switch_row (self->counters.form, _("In use"),
                                     _("A counter not in use calls no number and shows no queue bar"));
  self->counter_services = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->counter_services, _("Services the counter calls"));
  form_buttons (self, &self->counters, G_CALLBACK (new_counter_cb), G_CALLBACK (save_counter_cb));
  adw_preferences_page_add (page, self->counters.list);
  adw_preferences_page_add (page, self->counters.form);
  adw_preferences_page_add (page, self->counter_services);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), page);
}

/* ---- the priority rule --------------------------------------------------- */

static void
rule_error (McQueueAdmin *self, const GError *error)
{
  gtk_label_set_text (self->rule_error, error ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->rule_error), error != NULL);
}

static void
load_rule (McQueueAdmin *self)
{
  McDb *db = mc_application_get_db (self->app);
  const McSettingInfo *info = mc_settings_lookup (MC_QUEUE_PRIORITY_RULE_KEY);
  g_autoptr(GError) error = NULL;
  g_autofree char *rule = mc_settings_get (db, MC_QUEUE_PRIORITY_RULE_KEY, &error);
  int every = 3;

  self->loading = TRUE;
  for (guint i = 0; rule && info->choices[i].value; i++)
    if (g_str_equal (info->choices[i].value, rule))
      adw_combo_row_set_selected (self->rule, i);
  if (error == NULL && mc_settings_get_int (db, MC_QUEUE_PRIORITY_EVERY_KEY, &every, &error))
    gtk_spin_button_set_value (self->every, every);
  gtk_widget_set_sensitive (GTK_WIDGET (self->every), rule && g_str_equal (rule, MC_QUEUE_RULE_EVERY));
  rule_error (self, error);
  self->loading = FALSE;
}

static void
rule_changed_cb (McQueueAdmin *self)
{
  const McSettingInfo *info = mc_settings_lookup (MC_QUEUE_PRIORITY_RULE_KEY);
  guint i = adw_combo_row_get_selected (self->rule);
  g_autoptr(GError) error = NULL;

  if (self->loading || i == GTK_INVALID_LIST_POSITION)
    return;
  if (mc_settings_set (mc_application_get_db (self->app), MC_QUEUE_PRIORITY_RULE_KEY, info->choices[i].value,
                       &error))
    toast (self, _("Priority rule saved"));
  rule_error (self, error);
  load_rule (self);
}

static void
every_changed_cb (McQueueAdmin *self)
{
  g_autofree char *value = g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (self->every));
  g_autoptr(GError) error = NULL;

  if (self->loading)
    return;
  mc_settings_set (mc_application_get_db (self->app), MC_QUEUE_PRIORITY_EVERY_KEY, value, &error);
  rule_error (self, error);
}

static void
build_priority (McQueueAdmin *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  const McSettingInfo *info = mc_settings_lookup (MC_QUEUE_PRIORITY_RULE_KEY);
  const McSettingInfo *every = mc_settings_lookup (MC_QUEUE_PRIORITY_EVERY_KEY);
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  GtkWidget *error = gtk_label_new (NULL);

  adw_preferences_page_set_title (page, _("Priority"));
  adw_preferences_page_set_name (page, "priority");
  adw_preferences_page_set_icon_name (page, "emblem-important-symbolic");
  adw_preferences_group_set_title (group, _(info->label));
  adw_preferences_group_set_description (group, _(info->description));
  for (guint i = 0; info->choices[i].value; i++)
    gtk_string_list_append (choices, _(info->choices[i].label));
  self->rule = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->rule), _("Rule"));
  adw_combo_row_set_model (self->rule, G_LIST_MODEL (choices));
  adw_preferences_group_add (group, GTK_WIDGET (self->rule));
  self->every = spin_row (group, _(every->label), every->min, every->max);
  gtk_widget_add_css_class (error, "error");
  gtk_label_set_wrap (GTK_LABEL (error), TRUE);
  gtk_label_set_xalign (GTK_LABEL (error), 0);
  gtk_widget_set_margin_top (error, 12);
  self->rule_error = GTK_LABEL (error);
  adw_preferences_group_add (group, error);
  g_signal_connect_swapped (self->rule, "notify::selected", G_CALLBACK (rule_changed_cb), self);
  g_signal_connect_swapped (self->every, "value-changed", G_CALLBACK (every_changed_cb), self);
  adw_preferences_page_add (page, group);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), page);
}

/* ---- the window ------------------------------------------------------------ */

static void
reload_cb (GtkWidget *widget)
{
  McQueueAdmin *self = MC_QUEUE_ADMIN (widget);

  reload_services (self);
  reload_counters (self);
  load_rule (self);
}

static void
mc_queue_admin_dispose (GObject *object)
{
  McQueueAdmin *self = MC_QUEUE_ADMIN (object);

  g_clear_object (&self->queue);
  g_clear_pointer (&self->services.rows, g_ptr_array_unref);
  g_clear_pointer (&self->counters.rows, g_ptr_array_unref);
  g_clear_pointer (&self->service_checks, g_ptr_array_unref);
  g_clear_pointer (&self->service_check_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (mc_queue_admin_parent_class)->dispose (object);
}

static void
mc_queue_admin_class_init (McQueueAdminClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = mc_queue_admin_dispose;
}

static void
mc_queue_admin_init (McQueueAdmin *self)
{
  self->services.rows = g_ptr_array_new ();
  self->counters.rows = g_ptr_array_new ();
  self->service_checks = g_ptr_array_new ();
  self->service_check_rows = g_ptr_array_new ();
  gtk_window_set_title (GTK_WINDOW (self), _("Queue: services and counters"));
  gtk_window_set_default_size (GTK_WINDOW (self), 760, 680);
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (self), FALSE);
}

McQueueAdmin *
mc_queue_admin_new (McApplication *app)
{
  McQueueAdmin *self;

  g_return_val_if_fail (MC_IS_APPLICATION (app), NULL);
  self = g_object_new (MC_TYPE_QUEUE_ADMIN, "application", app, NULL);
  self->app = app;
  self->queue = mc_queue_new (mc_application_get_db (app));
  build_services (self);
  build_counters (self);
  build_priority (self);
  reload_cb (GTK_WIDGET (self));
  fill_service_form (self, NULL);
  fill_counter_form (self, NULL);
  mc_page_follow_changes (GTK_WIDGET (self), mc_application_get_db (app),
                          MC_CHANGE_MASK (MC_CHANGE_QUEUE) | MC_CHANGE_MASK (MC_CHANGE_SETTING), TRUE, reload_cb);
  return self;
}

gboolean
mc_queue_admin_save_service (McQueueAdmin *self, gint64 id, const char *name, const char *prefix, int first,
                             int last, gboolean active)
{
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autoptr(McQueueService) sv = id ? mc_queue_find_service (self->queue, key, NULL) : NULL;

  g_return_val_if_fail (MC_IS_QUEUE_ADMIN (self), FALSE);
  fill_service_form (self, sv);
  gtk_editable_set_text (GTK_EDITABLE (self->service_name), name);
  gtk_editable_set_text (GTK_EDITABLE (self->service_prefix), prefix);
  gtk_spin_button_set_value (self->service_first, first);
  gtk_spin_button_set_value (self->service_last, last);
  gtk_switch_set_active (self->service_active, active);
  return save_service (self);
}

gboolean
mc_queue_admin_save_counter (McQueueAdmin *self, gboolean is_new, int number, const char *name,
                             const char *const *service_names, gboolean active)
{
  g_autoptr(McQueueCounter) c = is_new ? NULL : mc_queue_find_counter (self->queue, number, NULL);

  g_return_val_if_fail (MC_IS_QUEUE_ADMIN (self), FALSE);
  fill_counter_form (self, c);
  gtk_spin_button_set_value (self->counter_number, number);
  gtk_editable_set_text (GTK_EDITABLE (self->counter_name), name);
  gtk_switch_set_active (self->counter_active, active);
  for (guint i = 0; i < self->service_checks->len; i++)
    {
      GtkCheckButton *check = self->service_checks->pdata[i];

      gtk_check_button_set_active (check, service_names &&
                                   g_strv_contains (service_names, g_object_get_data (G_OBJECT (check), "service-name")));
    }
  return save_counter (self);
}

const char *
mc_queue_admin_get_error (McQueueAdmin *self)
{
  GtkLabel *services = self->services.error, *counters = self->counters.error;

  g_return_val_if_fail (MC_IS_QUEUE_ADMIN (self), "");
  if (gtk_widget_get_visible (GTK_WIDGET (services)))
    return gtk_label_get_text (services);
  if (gtk_widget_get_visible (GTK_WIDGET (counters)))
    return gtk_label_get_text (counters);
  return "";
}

guint
mc_queue_admin_count_rows (McQueueAdmin *self, gboolean counters)
{
  g_return_val_if_fail (MC_IS_QUEUE_ADMIN (self), 0);
  return counters ? self->counters.rows->len : self->services.rows->len;
}

/* ---- Tùy chỉnh's group ------------------------------------------------------- */

/* What the number typed means: a counter's name, none, or no such counter. */
static void
describe_counter (GtkSpinButton *spin, AdwActionRow *row)
{
  McApplication *app = g_object_get_data (G_OBJECT (row), "application");
  int number = gtk_spin_button_get_value_as_int (spin);
  g_autoptr(McQueue) queue = NULL;
  g_autoptr(McQueueCounter) c = NULL;
  g_autofree char *text = NULL;

  if (number == 0)
    {
      adw_action_row_set_subtitle (row, _("This computer calls no numbers: Reception and Results show no queue bar"));
      return;
    }
  queue = mc_queue_new (mc_application_get_db (app));
  c = mc_queue_find_counter (queue, number, NULL);
  if (c == NULL)
    text = g_strdup_printf (_("There is no counter %d: the administrator adds counters"), number);
  else if (!c->active)
    text = g_strdup_printf (_("%s — not in use"), c->name);
  adw_action_row_set_subtitle (row, text ? text : c->name);
}

static void
open_admin_cb (GtkButton *button, McApplication *app)
{
  McQueueAdmin *admin = mc_queue_admin_new (app);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (admin), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (admin));
}

GtkWidget *
mc_queue_admin_preferences_group_new (McApplication *app)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 999, 1);
  GSettings *settings = mc_application_get_settings (app);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Queue"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("This computer’s counter"));
  g_object_set_data (G_OBJECT (row), "application", app);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, _("This computer’s counter"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  if (settings)
    g_settings_bind (settings, "queue-counter", spin, "value", G_SETTINGS_BIND_DEFAULT);
  else
    gtk_widget_set_sensitive (spin, FALSE);
  g_signal_connect (spin, "value-changed", G_CALLBACK (describe_counter), row);
  describe_counter (GTK_SPIN_BUTTON (spin), ADW_ACTION_ROW (row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_object_set_data (G_OBJECT (group), "counter-spin", spin);
  if (mc_session_may (app, MC_PERMISSION_ADMINISTER))
    {
      GtkWidget *admin = adw_action_row_new ();
      GtkWidget *open = gtk_button_new_with_label (_("Open"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (admin), _("Ticket services, counters and priority"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (admin), _("What the kiosk offers and which counter calls what"));
      gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
      g_signal_connect (open, "clicked", G_CALLBACK (open_admin_cb), app);
      adw_action_row_add_suffix (ADW_ACTION_ROW (admin), open);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (admin), open);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), admin);
    }
  return group;
}

GtkSpinButton *
mc_queue_admin_group_get_counter_spin (GtkWidget *group)
{
  return g_object_get_data (G_OBJECT (group), "counter-spin");
}
