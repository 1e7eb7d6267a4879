/* mc-screen-fit.c — every window opens within its screen
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dialogs were given default sizes for a large monitor (the dossier window
 * 720×800, the procedure editor 900×760, Tùy chỉnh 760×720): on a
 * 1366×768 laptop their buttons were below the screen (issue 16 item 1).
 * Instead of each dialog measuring its monitor, one emission hook on
 * "realize" (before the window is mapped and sized) clamps the default
 * size of every window to the monitor of its parent (less a margin for a
 * dialog); a window's content scrolls where it is taller than that.
 */
#include "config.h"

#include "mc-screen-fit.h"

static GdkMonitor *
monitor_for (GtkWindow *window)
{
  GtkWindow *parent = gtk_window_get_transient_for (window);
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (window));
  GdkSurface *surface = parent != NULL ? gtk_native_get_surface (GTK_NATIVE (parent)) : NULL;
  GListModel *monitors;
  GdkMonitor *monitor;

  if (surface != NULL && (monitor = gdk_display_get_monitor_at_surface (display, surface)) != NULL)
    return monitor;
  monitors = gdk_display_get_monitors (display);
  monitor = g_list_model_get_n_items (monitors) > 0 ? g_list_model_get_item (monitors, 0) : NULL;
  /* The display holds its monitors: the reference taken here is not kept. */
  if (monitor != NULL)
    g_object_unref (monitor);
  return monitor;
}

/* A dialog (a window with a parent) keeps a margin; a main window may take
 * the whole monitor, the window manager keeping its panels clear. */
gboolean
mc_screen_fit_room (GtkWindow *window, int *width, int *height)
{
  GdkMonitor *monitor = monitor_for (window);
  int margin = gtk_window_get_transient_for (window) != NULL ? MC_SCREEN_FIT_MARGIN : 0;
  GdkRectangle geometry;

  if (monitor == NULL)
    return FALSE;
  gdk_monitor_get_geometry (monitor, &geometry);
  *width = geometry.width - margin;
  *height = geometry.height - margin;
  return *width > 0 && *height > 0;
}

gboolean
mc_screen_fit_window (GtkWindow *window, int max_width, int max_height)
{
  int width = -1, height = -1;

  g_return_val_if_fail (GTK_IS_WINDOW (window), FALSE);

  gtk_window_get_default_size (window, &width, &height);
  if (width <= max_width && height <= max_height)
    return FALSE;
  gtk_window_set_default_size (window, width > max_width ? max_width : width,
                               height > max_height ? max_height : height);
  return TRUE;
}

static gboolean
realize_hook (GSignalInvocationHint *hint, guint n_values, const GValue *values, gpointer data)
{
  GObject *object = g_value_get_object (&values[0]);
  int width, height;

  if (GTK_IS_WINDOW (object) && !gtk_window_is_maximized (GTK_WINDOW (object)) &&
      mc_screen_fit_room (GTK_WINDOW (object), &width, &height))
    mc_screen_fit_window (GTK_WINDOW (object), width, height);
  return TRUE;  /* stay installed */
}

void
mc_screen_fit_install (void)
{
  static gsize installed = 0;

  if (g_once_init_enter (&installed))
    {
      /* Signals exist once their class does. */
      GTypeClass *klass = g_type_class_ref (GTK_TYPE_WINDOW);
      guint signal_id = g_signal_lookup ("realize", GTK_TYPE_WIDGET);

      g_type_class_unref (klass);
      g_signal_add_emission_hook (signal_id, 0, realize_hook, NULL, NULL);
      g_once_init_leave (&installed, 1);
    }
}
