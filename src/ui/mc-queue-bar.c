/* mc-queue-bar.c — the counter's queue bar on Tiếp nhận and Trả kết quả
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The number called or being served at this computer's counter (the
 * "queue-counter" setting), how many wait for it, and the keys: call the
 * next (F12, one key, which also finishes the current one), call again
 * (Shift+F12), absent, transfer to another counter or service. Everything
 * is core's (McQueue): the bar shows its answers and follows MC_CHANGE_QUEUE,
 * so a ticket taken at the kiosk or moved at another counter shows here.
 * A dossier received or returned meanwhile is linked to the ticket by the
 * page's save (mc_queue_link_dossier). "Hôm nay của tôi" shows the
 * signed-in clerk their own day (mc-queue-clerk.c), read when opened.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-page-changes.h"
#include "mc-queue-bar.h"
#include "mc-queue-clerk.h"
#include "mc-queue-rating.h"
#include "mc-wrap-box.h"

struct _McQueueBar
{
  GtkBox          parent_instance;

  McApplication  *app;
  McQueue        *queue;
  McQueueTicket  *current;
  int             counter;

  GtkLabel       *counter_label;
  GtkLabel       *number_label;
  GtkLabel       *state_label;
  GtkLabel       *waiting_label;
  GtkMenuButton  *transfer_button;
  GtkLabel       *mine_label;
};

G_DEFINE_FINAL_TYPE (McQueueBar, mc_queue_bar, GTK_TYPE_BOX)

enum { PROP_0, PROP_APPLICATION, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
toast (McQueueBar *self, const char *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", message);
}

/* Other counters and the active services, as the transfer menu's items. */
static GMenuModel *
transfer_menu (McQueueBar *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) counters = g_menu_new ();
  g_autoptr(GMenu) services = g_menu_new ();
  g_autoptr(GPtrArray) all_counters = mc_queue_list_counters (self->queue, NULL);
  g_autoptr(GPtrArray) all_services = mc_queue_list_services (self->queue, TRUE, NULL);

  for (guint i = 0; all_counters && i < all_counters->len; i++)
    {
      McQueueCounter *c = all_counters->pdata[i];
      g_autofree char *action = g_strdup_printf ("queue.transfer-counter(%d)", c->number);

      if (c->active && c->number != self->counter)
        g_menu_append (counters, c->name, action);
    }
  for (guint i = 0; all_services && i < all_services->len; i++)
    {
      McQueueService *s = all_services->pdata[i];
      g_autofree char *action = g_strdup_printf ("queue.transfer-service(int64 %" G_GINT64_FORMAT ")", s->id);

      g_menu_append (services, s->name, action);
    }
  g_menu_append_section (menu, _("To another counter"), G_MENU_MODEL (counters));
  g_menu_append_section (menu, _("To another service"), G_MENU_MODEL (services));
  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static void
show_current (McQueueBar *self, int waiting)
{
  McQueueState state = self->current ? mc_queue_ticket_get_state (self->current) : MC_QUEUE_STATE_WAITING;
  g_autofree char *counter = g_strdup_printf (_("Counter %d"), self->counter);
  g_autofree char *waits = g_strdup_printf (ngettext ("%d waiting", "%d waiting", MAX (waiting, 0)), MAX (waiting, 0));

  gtk_label_set_text (self->counter_label, counter);
  gtk_label_set_text (self->number_label, self->current ? mc_queue_ticket_get_label (self->current) : "—");
  gtk_label_set_text (self->state_label, self->current ? mc_queue_state_label (state) : _("No number called"));
  gtk_label_set_text (self->waiting_label, waiting >= 0 ? waits : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "queue.recall", state == MC_QUEUE_STATE_CALLED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "queue.skip", state == MC_QUEUE_STATE_CALLED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "queue.invite", self->current != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->transfer_button), self->current != NULL);
}

void
mc_queue_bar_reload (McQueueBar *self)
{
  GSettings *settings = mc_application_get_settings (self->app);
  g_autoptr(GError) error = NULL;
  g_autoptr(McQueueCounter) counter = NULL;
  g_autoptr(GMenuModel) menu = NULL;
  int waiting;

  g_return_if_fail (MC_IS_QUEUE_BAR (self));
  self->counter = settings ? g_settings_get_int (settings, "queue-counter") : 0;
  g_clear_object (&self->current);
  counter = self->counter > 0 ? mc_queue_find_counter (self->queue, self->counter, NULL) : NULL;
  gtk_widget_set_visible (GTK_WIDGET (self), counter != NULL && counter->active);
  if (counter == NULL || !counter->active)
    return;
  self->current = mc_queue_current (self->queue, self->counter, mc_time_now (), &error);
  waiting = error ? -1 : mc_queue_count_waiting (self->queue, self->counter, mc_time_now (), &error);
  if (error != NULL)
    toast (self, error->message);
  show_current (self, waiting);
  menu = transfer_menu (self);
  gtk_menu_button_set_menu_model (self->transfer_button, menu);
}

static void
reload_cb (GtkWidget *widget)
{
  mc_queue_bar_reload (MC_QUEUE_BAR (widget));
}

/* Each action's answer: the ticket it moved, or a refusal in Vietnamese. */
static void
acted (McQueueBar *self, McQueueTicket *ticket, GError *error)
{
  if (ticket == NULL)
    toast (self, error->message);
  g_clear_error (&error);
  g_clear_object (&ticket);
  mc_queue_bar_reload (self);
}

static void
call_next_cb (GtkWidget *widget, const char *action, GVariant *parameter)
{
  McQueueBar *self = MC_QUEUE_BAR (widget);
  GError *error = NULL;

  acted (self, mc_queue_call_next (self->queue, self->counter, mc_time_now (), &error), error);
}

static void
recall_cb (GtkWidget *widget, const char *action, GVariant *parameter)
{
  McQueueBar *self = MC_QUEUE_BAR (widget);
  GError *error = NULL;

  acted (self, mc_queue_recall (self->queue, self->counter, mc_time_now (), &error), error);
}

static void
skip_cb (GtkWidget *widget, const char *action, GVariant *parameter)
{
  McQueueBar *self = MC_QUEUE_BAR (widget);
  GError *error = NULL;

  acted (self, mc_queue_skip (self->queue, self->counter, mc_time_now (), &error), error);
}

/* "Mời đánh giá": the service ends and the counter display asks the citizen. */
static void
invite_cb (GtkWidget *widget, const char *action, GVariant *parameter)
{
  McQueueBar *self = MC_QUEUE_BAR (widget);
  GError *error = NULL;

  acted (self, mc_queue_invite_rating (self->queue, self->counter, mc_time_now (), &error), error);
}

static void
transfer_counter_cb (GtkWidget *widget, const char *action, GVariant *parameter)
{
  McQueueBar *self = MC_QUEUE_BAR (widget);
  GError *error = NULL;

  acted (self, mc_queue_transfer (self->queue, self->counter, g_variant_get_int32 (parameter), 0, mc_time_now (),
                                  &error), error);
}

static void
transfer_service_cb (GtkWidget *widget, const char *action, GVariant *parameter)
{
  McQueueBar *self = MC_QUEUE_BAR (widget);
  GError *error = NULL;

  acted (self, mc_queue_transfer (self->queue, self->counter, 0, g_variant_get_int64 (parameter), mc_time_now (),
                                  &error), error);
}

/* F12 anywhere in the window, but only the bar of the page shown answers
 * (both counter pages have one). */
static gboolean
shortcut_cb (GtkWidget *widget, GVariant *args, gpointer data)
{
  if (!gtk_widget_get_mapped (widget) || !gtk_widget_get_visible (widget))
    return FALSE;
  return gtk_widget_activate_action (widget, data, NULL);
}

static void
add_shortcuts (McQueueBar *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F12, 0),
                      gtk_callback_action_new (shortcut_cb, (gpointer) "queue.call-next", NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F12, GDK_SHIFT_MASK),
                      gtk_callback_action_new (shortcut_cb, (gpointer) "queue.recall", NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
settings_changed_cb (GSettings *settings, const char *key, McQueueBar *self)
{
  mc_queue_bar_reload (self);
}

static void
mc_queue_bar_constructed (GObject *object)
{
  McQueueBar *self = MC_QUEUE_BAR (object);
  McDb *db = mc_application_get_db (self->app);
  GSettings *settings = mc_application_get_settings (self->app);

  G_OBJECT_CLASS (mc_queue_bar_parent_class)->constructed (object);
  self->queue = mc_queue_new (db);
  mc_page_follow_changes (GTK_WIDGET (self), db, MC_CHANGE_MASK (MC_CHANGE_QUEUE), FALSE, reload_cb);
  if (settings)
    g_signal_connect_object (settings, "changed::queue-counter", G_CALLBACK (settings_changed_cb), self, 0);
  mc_queue_bar_reload (self);
}

static void
mc_queue_bar_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  if (prop_id == PROP_APPLICATION)
    MC_QUEUE_BAR (object)->app = g_value_get_object (value);  /* it outlives its windows */
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
mc_queue_bar_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  if (prop_id == PROP_APPLICATION)
    g_value_set_object (value, MC_QUEUE_BAR (object)->app);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

/* The signed-in clerk's figures of today, read as the popover opens. */
static void
mine_popover_show_cb (McQueueBar *self)
{
  McDb *db = mc_queue_get_db (self->queue);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  McQueueClerkDay day;

  if (mc_queue_clerk_day (self->queue, mc_db_get_actor (db), mc_time_get_date (mc_time_now ()), &day, &error))
    text = mc_queue_clerk_day_describe (&day);
  gtk_label_set_text (self->mine_label, text ? text : error->message);
}

char *
mc_queue_bar_dup_my_day (McQueueBar *self)
{
  g_return_val_if_fail (MC_IS_QUEUE_BAR (self), NULL);
  mine_popover_show_cb (self);
  return g_strdup (gtk_label_get_text (self->mine_label));
}

static void
mc_queue_bar_dispose (GObject *object)
{
  McQueueBar *self = MC_QUEUE_BAR (object);

  g_clear_object (&self->current);
  g_clear_object (&self->queue);
  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_QUEUE_BAR);
  G_OBJECT_CLASS (mc_queue_bar_parent_class)->dispose (object);
}

static void
mc_queue_bar_class_init (McQueueBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mc_queue_bar_constructed;
  object_class->set_property = mc_queue_bar_set_property;
  object_class->get_property = mc_queue_bar_get_property;
  object_class->dispose = mc_queue_bar_dispose;
  properties[PROP_APPLICATION] =
    g_param_spec_object ("application", NULL, NULL, MC_TYPE_APPLICATION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_type_ensure (MC_TYPE_WRAP_BOX);
  gtk_widget_class_set_template_from_resource (widget_class, "/vn/motcua/Motcua/ui/mc-queue-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, McQueueBar, counter_label);
  gtk_widget_class_bind_template_child (widget_class, McQueueBar, number_label);
  gtk_widget_class_bind_template_child (widget_class, McQueueBar, state_label);
  gtk_widget_class_bind_template_child (widget_class, McQueueBar, waiting_label);
  gtk_widget_class_bind_template_child (widget_class, McQueueBar, transfer_button);
  gtk_widget_class_bind_template_child (widget_class, McQueueBar, mine_label);
  gtk_widget_class_bind_template_callback (widget_class, mine_popover_show_cb);
  gtk_widget_class_install_action (widget_class, "queue.call-next", NULL, call_next_cb);
  gtk_widget_class_install_action (widget_class, "queue.recall", NULL, recall_cb);
  gtk_widget_class_install_action (widget_class, "queue.skip", NULL, skip_cb);
  gtk_widget_class_install_action (widget_class, "queue.invite", NULL, invite_cb);
  gtk_widget_class_install_action (widget_class, "queue.transfer-counter", "i", transfer_counter_cb);
  gtk_widget_class_install_action (widget_class, "queue.transfer-service", "x", transfer_service_cb);
}

static void
mc_queue_bar_init (McQueueBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_shortcuts (self);
}

McQueueBar *
mc_queue_bar_new (McApplication *app)
{
  g_return_val_if_fail (MC_IS_APPLICATION (app), NULL);
  return g_object_new (MC_TYPE_QUEUE_BAR, "application", app, NULL);
}

McQueueBar *
mc_queue_bar_attach (AdwBin *page, McApplication *app)
{
  GtkWidget *content = adw_bin_get_child (page);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  McQueueBar *bar = mc_queue_bar_new (app);

  g_return_val_if_fail (content != NULL, NULL);
  g_object_ref (content);
  adw_bin_set_child (page, box);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (bar));
  gtk_box_append (GTK_BOX (box), content);
  gtk_widget_set_vexpand (content, TRUE);
  g_object_unref (content);
  return bar;
}

McQueueTicket *
mc_queue_bar_get_current (McQueueBar *self)
{
  g_return_val_if_fail (MC_IS_QUEUE_BAR (self), NULL);
  return self->current;
}

int
mc_queue_bar_get_counter (McQueueBar *self)
{
  g_return_val_if_fail (MC_IS_QUEUE_BAR (self), 0);
  return self->counter;
}
