/* mc-test-ui-utils.c — helpers shared by the UI test programs
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "mc-accounts.h"
#include "mc-login-window.h"
#include "mc-reception-page.h"
#include "mc-test-ui-utils.h"
#include "mc-test-utils.h"

void
mc_test_ui_init (int *argc, char ***argv)
{
  g_setenv ("MOTCUA_NOW", "2026-11-23 09:30", TRUE);
  gtk_test_init (argc, argv, NULL);
  adw_init ();
}

McApplication *
mc_test_ui_app_new (const char *application_id, const char *db_name)
{
  /* A file in the tmp dir, or with MOTCUA_TEST_ENGINE=pg a fresh database
   * of the test server (suite ui-on-pg): the same name gives the same
   * database, so mc_test_db_new's "db-1.sqlite" is the application's. */
  g_autofree char *path = mc_test_db_path (db_name);
  g_autoptr(GError) error = NULL;
  McApplication *app;

  if (application_id == NULL)
    app = mc_application_new ();
  else
    app = g_object_new (MC_TYPE_APPLICATION, "application-id", application_id,
                        "flags", G_APPLICATION_NON_UNIQUE, "resource-base-path", "/vn/motcua/Motcua", NULL);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_assert_true (mc_application_open_db (app, path, &error));
  g_assert_no_error (error);
  /* The tests' clock is MOTCUA_NOW: a test database accepts it. */
  g_assert_true (mc_accounts_set_database_purpose (mc_application_get_db (app), MC_DATABASE_TEST, &error));
  return app;
}

void
mc_test_ui_wait_for_idle (void)
{
  for (int i = 0; i < 50 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

void
mc_test_ui_feed (McWindow *window, const char *text, guint32 start, guint32 gap)
{
  guint32 i = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p), i++)
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isupper (c))
        mc_window_feed_key (window, GDK_KEY_Shift_L, start + gap * i);
      mc_window_feed_key (window, gdk_unicode_to_keyval (c), start + gap * i);
    }
}

char *
mc_test_ui_receive (McWindow *window, const char *name, const char *id_number, const char *phone)
{
  McReceptionPage *page = MC_RECEPTION_PAGE (mc_window_get_page_widget (window, "reception"));
  g_autoptr(GError) error = NULL;
  char *code;

  mc_reception_page_choose_procedure (page, "1.001193");
  mc_reception_page_set_applicant (page, name, id_number, phone);
  code = mc_reception_page_save (page, &error);
  g_assert_no_error (error);
  return code;
}

GdkTexture *
mc_test_ui_render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer;
  int w, h;
  gint64 give_up = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  mc_test_ui_wait_for_idle ();
  paintable = gtk_widget_paintable_new (widget);
  w = gdk_paintable_get_intrinsic_width (paintable);
  h = gdk_paintable_get_intrinsic_height (paintable);
  g_assert_cmpint (w, >, 0);
  /* A page that reloads on a change notification (McChanges, emitted from
   * an idle after the commit) may be between two frames here and snapshot
   * to nothing; wait for a frame that draws rather than hand the renderer
   * an empty node (Gsk-CRITICAL, seen on a loaded machine). */
  for (;;)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      gdk_paintable_snapshot (paintable, snapshot, w, h);
      node = gtk_snapshot_free_to_node (snapshot);
      if (node != NULL || g_get_monotonic_time () > give_up)
        break;
      g_usleep (10000);
      mc_test_ui_wait_for_idle ();
    }
  g_assert_nonnull (node);
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
}

static GtkWidget *
find_type (GtkWidget *root, GType type, guint *skip)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && (*skip)-- == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_type (c, type, skip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
mc_test_ui_find_type (GtkWidget *root, GType type, guint skip)
{
  return find_type (root, type, &skip);
}

GtkWidget *
mc_test_ui_find_named (GtkWidget *root, const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = mc_test_ui_find_named (c, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first preferences row titled `title` below root, depth first. */
AdwPreferencesRow *
mc_test_ui_find_row (GtkWidget *root, const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return ADW_PREFERENCES_ROW (root);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      AdwPreferencesRow *found = mc_test_ui_find_row (c, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

gpointer
mc_test_ui_find_window (McApplication *app, GType type)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
      return l->data;
  return NULL;
}

McWindow *
mc_test_ui_sign_in (McApplication *app, const char *username, const char *password)
{
  g_autoptr(GError) error = NULL;
  McWindow *main_window;
  McLoginWindow *login;

  if ((main_window = mc_test_ui_find_window (app, MC_TYPE_WINDOW)) != NULL)
    gtk_widget_activate_action (GTK_WIDGET (main_window), "session.sign-out", NULL);
  login = mc_test_ui_find_window (app, MC_TYPE_LOGIN_WINDOW);
  g_assert_nonnull (login);
  g_assert_null (mc_test_ui_find_window (app, MC_TYPE_WINDOW));
  mc_login_window_fill (login, username, password);
  main_window = mc_login_window_submit (login, &error);
  g_assert_no_error (error);
  g_assert_true (MC_IS_WINDOW (main_window));
  mc_test_ui_wait_for_idle ();
  return main_window;
}
