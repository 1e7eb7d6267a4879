/* mc-window.c — the main window: the areas of the app in a sidebar
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only the areas that exist are listed; each later area adds its page here.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-calendar-page.h"
#include "mc-catalog-page.h"
#include "mc-dossier-page.h"
#include "mc-reception-page.h"
#include "mc-window.h"

struct _McWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toasts;
  GtkStack             *stack;
  AdwWindowTitle       *title;
};

G_DEFINE_FINAL_TYPE (McWindow, mc_window, ADW_TYPE_APPLICATION_WINDOW)

static void
show_page_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  McWindow *self = MC_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (gtk_stack_get_child_by_name (self->stack, name) != NULL)
    gtk_stack_set_visible_child_name (self->stack, name);
}

static void
page_changed_cb (McWindow *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->stack);

  if (child != NULL)
    adw_window_title_set_subtitle (self->title, gtk_stack_page_get_title (gtk_stack_get_page (self->stack, child)));
}

static void
save_state (McWindow *self)
{
  GSettings *settings = mc_application_get_settings (MC_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  int width, height;

  if (settings == NULL)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_set_string (settings, "last-page", mc_window_get_page (self));
}

static gboolean
mc_window_close_request (GtkWindow *window)
{
  save_state (MC_WINDOW (window));
  return GTK_WINDOW_CLASS (mc_window_parent_class)->close_request (window);
}

static void
mc_window_class_init (McWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  GTK_WINDOW_CLASS (klass)->close_request = mc_window_close_request;
  gtk_widget_class_set_template_from_resource (widget_class, "/vn/motcua/Motcua/ui/mc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, McWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, McWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, McWindow, title);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "win.show-page", "s", "reception");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK, "win.show-page", "s", "dossiers");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK, "win.show-page", "s", "catalog");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_CONTROL_MASK, "win.show-page", "s", "calendar");
}

static void
mc_window_init (McWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->stack, "notify::visible-child", G_CALLBACK (page_changed_cb), self);
}

static void
restore_state (McWindow *self, GSettings *settings)
{
  g_autofree char *page = NULL;

  if (settings == NULL)
    return;
  gtk_window_set_default_size (GTK_WINDOW (self), g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  page = g_settings_get_string (settings, "last-page");
  if (gtk_stack_get_child_by_name (self->stack, page) != NULL)
    gtk_stack_set_visible_child_name (self->stack, page);
}

McWindow *
mc_window_new (McApplication *app)
{
  McWindow *self = g_object_new (MC_TYPE_WINDOW, "application", app, NULL);

  gtk_stack_add_titled (self->stack, GTK_WIDGET (mc_reception_page_new (app)), "reception", _("Reception"));
  gtk_stack_add_titled (self->stack, GTK_WIDGET (mc_dossier_page_new (app)), "dossiers", _("Dossiers"));
  gtk_stack_add_titled (self->stack, GTK_WIDGET (mc_catalog_page_new (app)), "catalog", _("Procedure catalog"));
  gtk_stack_add_titled (self->stack, GTK_WIDGET (mc_calendar_page_new (app)), "calendar", _("Working calendar"));
  restore_state (self, mc_application_get_settings (app));
  page_changed_cb (self);
  return self;
}

const char *
mc_window_get_page (McWindow *self)
{
  g_return_val_if_fail (MC_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

GtkWidget *
mc_window_get_page_widget (McWindow *self, const char *name)
{
  g_return_val_if_fail (MC_IS_WINDOW (self), NULL);

  return gtk_stack_get_child_by_name (self->stack, name);
}

void
mc_window_toast (McWindow *self, const char *message)
{
  g_return_if_fail (MC_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}
