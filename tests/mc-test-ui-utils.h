/* mc-test-ui-utils.h — helpers shared by the UI test programs
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <gtk/gtk.h>

#include "mc-application.h"
#include "mc-window.h"

G_BEGIN_DECLS

/* GTK and libadwaita for a test program, the clock at 2026-11-23 09:30. */
void           mc_test_ui_init         (int *argc, char ***argv);
/* An application with `application_id` (NULL: the app's own, as
 * mc_application_new) on a fresh database `db_name` in the test's tmp dir,
 * registered; the test fails if it cannot be. */
McApplication *mc_test_ui_app_new      (const char *application_id, const char *db_name);
/* Runs what is pending in the main loop, without blocking. */
void           mc_test_ui_wait_for_idle (void);
/* Types `text` (UTF-8) into the window as a barcode scanner does (Shift
 * before capitals), one key every `gap` ms from `start`. */
void           mc_test_ui_feed         (McWindow *window, const char *text, guint32 start, guint32 gap);
/* A dossier of 1.001193 saved on the window's Tiếp nhận page for `name`
 * (ID `id_number`, phone `phone`); its code. */
char          *mc_test_ui_receive      (McWindow *window, const char *name, const char *id_number,
                                        const char *phone);
/* Depth first under `root` (itself included): the first widget of `type`
 * after skipping `skip` of them, or NULL. */
GtkWidget     *mc_test_ui_find_type    (GtkWidget *root, GType type, guint skip);
/* Depth first under `root`: the first widget whose name (gtk_widget_set_name,
 * or the template's id) is `name`, or NULL. */
GtkWidget     *mc_test_ui_find_named   (GtkWidget *root, const char *name);
AdwPreferencesRow *mc_test_ui_find_row (GtkWidget *root, const char *title);
/* The widget as drawn by its window's renderer. */
GdkTexture    *mc_test_ui_render       (GtkWidget *widget);

/* The first window of `app` of `type` (its subtypes too), or NULL. */
gpointer       mc_test_ui_find_window  (McApplication *app, GType type);
/* Through the sign-in window, as a person does: signs out whoever is in
 * (the main window is gone then), signs `username` in; the main window. */
McWindow      *mc_test_ui_sign_in      (McApplication *app, const char *username, const char *password);

G_END_DECLS
