/* mc-notification-bell.c — the bell of the main window: what concerns the signed-in person
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Core keeps the notifications (src/core/mc-notification-store.c) and the
 * list model, which follows McChanges; the bell shows the newest with their
 * unread count, marks one read and opens its dossier. It is made with the
 * main window, that is at sign-in, and runs the overdue check then and every
 * minute: the desktop notification is sent for the rows that check wrote,
 * so the desktop and the bell tell each overdue dossier once, from the same
 * rows (the inbox page used to send its own, only once it was first built).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-dossier-store.h"
#include "mc-dossier-window.h"
#include "mc-format.h"
#include "mc-notification-bell.h"
#include "mc-notification-store.h"

#define CHECK_INTERVAL_S 60

struct _McNotificationBell
{
  AdwBin          parent_instance;

  McApplication  *app;
  GListModel     *model;     /* McNotification, the newest MC_NOTIFICATION_LIST_MAX */
  guint           n_unread;
  char           *badge_text;
  guint           timer;
  gulong          changed_id;

  GtkMenuButton  *button;
  GtkLabel       *badge;
  GtkPopover     *popover;
  GtkStack       *stack;
  GtkListBox     *list;
  GtkButton      *read_all_button;
  GtkLabel       *count_label;
};

G_DEFINE_FINAL_TYPE (McNotificationBell, mc_notification_bell, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_N_UNREAD,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static McDb *
db_of (McNotificationBell *self)
{
  return mc_application_get_db (self->app);
}

static void
tell (McNotificationBell *self, const char *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", message);
}

static void
show_unread (McNotificationBell *self, guint n)
{
  g_autofree char *tooltip = NULL;

  g_free (self->badge_text);
  self->badge_text = n > 99 ? g_strdup ("99+") : g_strdup_printf ("%u", n);
  gtk_label_set_text (self->badge, self->badge_text);
  gtk_widget_set_visible (GTK_WIDGET (self->badge), n > 0);
  /* The count for a screen reader too: the badge alone is drawn. */
  tooltip = n == 0 ? g_strdup (_("Notifications"))
                   : g_strdup_printf (ngettext ("Notifications: %s unread", "Notifications: %s unread", n),
                                      self->badge_text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), tooltip);
  gtk_widget_set_sensitive (GTK_WIDGET (self->read_all_button), n > 0);
  if (self->n_unread != n)
    {
      self->n_unread = n;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_UNREAD]);
    }
}

/* The list's foot: how many there are when the list shows only the newest. */
static void
show_total (McNotificationBell *self)
{
  g_autoptr(GPtrArray) none = NULL;
  guint shown = g_list_model_get_n_items (self->model), total = 0;

  none = mc_notification_list (db_of (self), FALSE, 0, &total, NULL);
  gtk_stack_set_visible_child_name (self->stack, shown > 0 ? "list" : "empty");
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), none != NULL && total > shown);
  if (none != NULL && total > shown)
    {
      g_autofree char *a = mc_format_count (shown);
      g_autofree char *b = mc_format_count (total);
      g_autofree char *text = NULL;

      /* Translators: "the newest 50 of 1234 notifications" */
      text = g_strdup_printf (_("The newest %s of %s notifications"), a, b);
      gtk_label_set_text (self->count_label, text);
    }
}

static void
update_count (McNotificationBell *self)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (!mc_notification_count_unread (db_of (self), &n, &error))
    {
      g_warning ("%s", error->message);
      return;
    }
  show_unread (self, n);
  show_total (self);
}

static void
changed_cb (McChanges *changes, McChangeKind kind, gint64 id, McNotificationBell *self)
{
  if (mc_change_kind_matches (kind, MC_CHANGE_NOTIFICATION))
    update_count (self);
}

/* Rows */

static void
read_changed_cb (McNotification *item, GParamSpec *pspec, GtkWidget *row)
{
  if (mc_notification_get_read (item))
    gtk_widget_remove_css_class (row, "unread");
  else
    gtk_widget_add_css_class (row, "unread");
}

/* The procedure and how long ago, under the summary. */
static void
update_age (GtkWidget *row, McTime now)
{
  McNotification *item = g_object_get_data (G_OBJECT (row), "notification");
  GtkLabel *detail = g_object_get_data (G_OBJECT (row), "detail");
  g_autofree char *age = mc_notification_format_age (mc_notification_get_at (item), now);
  const char *procedure = mc_notification_get_procedure_name (item);
  g_autofree char *text = procedure && *procedure ? g_strdup_printf ("%s · %s", age, procedure) : g_strdup (age);

  gtk_label_set_text (detail, text);
}

static GtkWidget *
label_new (const char *text, const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 70);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

/* Icon, what happened with the code (bold while unread: row.unread), then
 * how long ago and the procedure; the whole line (mc_notification_get_text)
 * as the tooltip and for a screen reader, since the procedure may be cut
 * at the popover's width. */
static GtkWidget *
create_row_cb (gpointer object, gpointer user_data)
{
  McNotification *item = object;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *words = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *summary = label_new (mc_notification_get_summary (item), "notification-text");
  GtkWidget *detail = label_new (NULL, "notification-detail");

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (mc_notification_get_icon_name (item)));
  gtk_widget_set_tooltip_text (row, mc_notification_get_text (item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  mc_notification_get_text (item), -1);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_box_append (GTK_BOX (words), summary);
  gtk_box_append (GTK_BOX (words), detail);
  gtk_widget_set_hexpand (words, TRUE);
  gtk_box_append (GTK_BOX (box), words);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "notification", g_object_ref (item), g_object_unref);
  g_object_set_data (G_OBJECT (row), "detail", detail);
  update_age (row, mc_time_now ());
  read_changed_cb (item, NULL, row);
  g_signal_connect_object (item, "notify::read", G_CALLBACK (read_changed_cb), row, 0);
  return row;
}

/* Callbacks */

static void
popover_show_cb (McNotificationBell *self)
{
  McTime now = mc_time_now ();

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_object_get_data (G_OBJECT (row), "notification") != NULL)
      update_age (row, now);
  show_total (self);
}

static void
open_dossier (McNotificationBell *self, const char *code)
{
  g_autoptr(McDossierStore) store = mc_dossier_store_new (db_of (self), mc_application_get_calendar (self->app));
  g_autoptr(GError) error = NULL;
  g_autoptr(McDossier) dossier = mc_dossier_store_find (store, code, &error);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWindow *window;

  if (dossier == NULL)
    {
      tell (self, error ? error->message : code);
      return;
    }
  window = GTK_WINDOW (mc_dossier_window_new (self->app, store, dossier));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (window, GTK_WINDOW (root));
  gtk_window_present (window);
}

/* Read, and its dossier opened: what the person clicked it for. */
static void
row_activated_cb (McNotificationBell *self, GtkListBoxRow *row)
{
  McNotification *item = g_object_get_data (G_OBJECT (row), "notification");
  g_autofree char *code = NULL;
  g_autoptr(GError) error = NULL;

  if (item == NULL)
    return;
  code = g_strdup (mc_notification_get_dossier_code (item));
  if (!mc_notification_get_read (item) && !mc_notification_mark_read (db_of (self), mc_notification_get_id (item), &error))
    tell (self, error->message);
  gtk_popover_popdown (self->popover);
  open_dossier (self, code);
}

static void
read_all_cb (McNotificationBell *self)
{
  g_autoptr(GError) error = NULL;

  if (!mc_notification_mark_all_read (db_of (self), NULL, &error))
    tell (self, error->message);
}

static gboolean
tick_cb (gpointer data)
{
  mc_notification_bell_check (data, mc_time_now ());
  return G_SOURCE_CONTINUE;
}

/* Overrides */

static void
mc_notification_bell_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  McNotificationBell *self = MC_NOTIFICATION_BELL (object);

  switch (prop_id)
    {
    case PROP_N_UNREAD:
      g_value_set_uint (value, self->n_unread);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_notification_bell_dispose (GObject *object)
{
  McNotificationBell *self = MC_NOTIFICATION_BELL (object);

  g_clear_handle_id (&self->timer, g_source_remove);
  if (self->changed_id != 0 && self->app != NULL && db_of (self) != NULL)
    g_signal_handler_disconnect (mc_db_get_changes (db_of (self)), self->changed_id);
  self->changed_id = 0;
  g_clear_object (&self->model);
  g_clear_object (&self->app);
  G_OBJECT_CLASS (mc_notification_bell_parent_class)->dispose (object);
}

static void
mc_notification_bell_finalize (GObject *object)
{
  g_free (MC_NOTIFICATION_BELL (object)->badge_text);
  G_OBJECT_CLASS (mc_notification_bell_parent_class)->finalize (object);
}

static void
mc_notification_bell_class_init (McNotificationBellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = mc_notification_bell_get_property;
  object_class->dispose = mc_notification_bell_dispose;
  object_class->finalize = mc_notification_bell_finalize;

  properties[PROP_N_UNREAD] = g_param_spec_uint ("n-unread", NULL, NULL, 0, G_MAXUINT, 0,
                                                 G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/motcua/Motcua/ui/mc-notification-bell.ui");
  gtk_widget_class_bind_template_child (widget_class, McNotificationBell, button);
  gtk_widget_class_bind_template_child (widget_class, McNotificationBell, badge);
  gtk_widget_class_bind_template_child (widget_class, McNotificationBell, popover);
  gtk_widget_class_bind_template_child (widget_class, McNotificationBell, stack);
  gtk_widget_class_bind_template_child (widget_class, McNotificationBell, list);
  gtk_widget_class_bind_template_child (widget_class, McNotificationBell, read_all_button);
  gtk_widget_class_bind_template_child (widget_class, McNotificationBell, count_label);
  gtk_widget_class_bind_template_callback (widget_class, popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, read_all_cb);
}

static void
mc_notification_bell_init (McNotificationBell *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

McNotificationBell *
mc_notification_bell_new (McApplication *app)
{
  McNotificationBell *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (MC_IS_APPLICATION (app), NULL);

  self = g_object_new (MC_TYPE_NOTIFICATION_BELL, NULL);
  self->app = g_object_ref (app);
  self->model = mc_notification_list_model (db_of (self), MC_NOTIFICATION_LIST_MAX, &error);
  if (self->model == NULL)
    {
      g_warning ("%s", error->message);
      self->model = G_LIST_MODEL (g_list_store_new (MC_TYPE_NOTIFICATION));
    }
  gtk_list_box_bind_model (self->list, self->model, create_row_cb, self, NULL);
  self->changed_id = g_signal_connect (mc_db_get_changes (db_of (self)), "changed", G_CALLBACK (changed_cb), self);
  /* Sign-in: the overdue check now, then every minute. */
  mc_notification_bell_check (self, mc_time_now ());
  update_count (self);
  self->timer = g_timeout_add_seconds (CHECK_INTERVAL_S, tick_cb, self);
  return self;
}

static gboolean
bus_has_name (GDBusConnection *bus, const char *method, const char *name)
{
  g_autoptr(GVariant) reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                                           "org.freedesktop.DBus", method, NULL, NULL,
                                                           G_DBUS_CALL_FLAGS_NONE, 500, NULL, NULL);
  g_autoptr(GVariantIter) names = NULL;
  const char *each;

  if (reply == NULL)
    return FALSE;
  g_variant_get (reply, "(as)", &names);
  while (g_variant_iter_next (names, "&s", &each))
    if (g_str_equal (each, name))
      return TRUE;
  return FALSE;
}

/* Whether the desktop shows notifications: a session without a notification
 * server (a counter kiosk, a test under Xvfb) would make GIO warn at every
 * send. Inside a flatpak GIO goes through the portal. */
static gboolean
desktop_notifies (McNotificationBell *self)
{
  GDBusConnection *bus = g_application_get_dbus_connection (G_APPLICATION (self->app));

  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    return TRUE;
  return bus != NULL && (bus_has_name (bus, "ListNames", "org.freedesktop.Notifications") ||
                         bus_has_name (bus, "ListNames", "org.gtk.Notifications") ||
                         bus_has_name (bus, "ListActivatableNames", "org.freedesktop.Notifications"));
}

guint
mc_notification_bell_check (McNotificationBell *self, McTime now)
{
  g_auto(GStrv) codes = NULL;
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  g_return_val_if_fail (MC_IS_NOTIFICATION_BELL (self), 0);

  if (!mc_notification_check_overdue (db_of (self), now, &codes, &error))
    {
      g_warning ("%s", error->message);
      return 0;
    }
  n = g_strv_length (codes);
  if (n == 0 || !desktop_notifies (self))
    return n;
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
  g_application_send_notification (G_APPLICATION (self->app), "overdue", notification);
  return n;
}

guint
mc_notification_bell_get_n_unread (McNotificationBell *self)
{
  g_return_val_if_fail (MC_IS_NOTIFICATION_BELL (self), 0);
  return self->n_unread;
}

const char *
mc_notification_bell_get_badge (McNotificationBell *self)
{
  g_return_val_if_fail (MC_IS_NOTIFICATION_BELL (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->badge)) ? gtk_label_get_text (self->badge) : NULL;
}

GtkListBox *
mc_notification_bell_get_list (McNotificationBell *self)
{
  g_return_val_if_fail (MC_IS_NOTIFICATION_BELL (self), NULL);
  return self->list;
}

GtkMenuButton *
mc_notification_bell_get_button (McNotificationBell *self)
{
  g_return_val_if_fail (MC_IS_NOTIFICATION_BELL (self), NULL);
  return self->button;
}
