/* test-ui-layout.c — every page of the main window fits the office's screens (issue 16 item 1)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each demo role signs in through the sign-in window; at each screen size
 * below, every page the window has (its stack's children, so a page added
 * to mc-pages.c is visited without a line here) is shown and:
 *   - the window asks for no more than the screen: its minimum width, and
 *     its minimum height at that width (its natural width is told, not
 *     checked: a window opens at its default size, 1200×680 unless the
 *     person's last, and a folded AdwFlap still adds its sidebar's natural);
 *   - the window then has that size, and every button outside a scrolled
 *     area (header, toolbars, a form's sticky action bar: what a person must
 *     reach without scrolling) lies inside it, whole;
 *   - a page's main action (suggested-action) is never in a scrolled area;
 *   - no label of the sidebar is ellipsized.
 * MC_LAYOUT_SHOTS=DIR keeps a picture of each page as ROLE-WxH-PAGE.png.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "mc-accounts.h"
#include "mc-application.h"
#include "mc-catalog.h"
#include "mc-dossier-store.h"
#include "mc-dossier-window.h"
#include "mc-preferences-window.h"
#include "mc-procedure-editor.h"
#include "mc-screen-fit.h"
#include "mc-demo.h"
#include "mc-login-window.h"
#include "mc-page-slot.h"
#include "mc-session.h"
#include "mc-test-ui-utils.h"
#include "mc-test-utils.h"
#include "mc-window.h"

#define PASSWORD "motcua2026"

typedef struct { int width, height; } Size;

/* The common office laptop (1366×768) and its smaller cousin, a 5:4
 * office monitor, full HD, and half of it (two windows side by side). */
static const Size sizes[] = {
  { 1280, 720 }, { 1366, 768 }, { 1280, 1024 }, { 1920, 1080 }, { 960, 1080 },
};

static McApplication *app;

/* Tells every misfit of a page and goes on, so one run lists them all. */
#define misfit(...) G_STMT_START { g_test_message (__VA_ARGS__); g_test_fail (); } G_STMT_END

static McWindow *
sign_in_as (const char *username)
{
  return mc_test_ui_sign_in (app, username, PASSWORD);
}

static int
surface_width (McWindow *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  return surface != NULL ? gdk_surface_get_width (surface) : 0;
}

static int
surface_height (McWindow *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  return surface != NULL ? gdk_surface_get_height (surface) : 0;
}

static gboolean
count_tick_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

/* A page shown or a breakpoint crossed is laid out in the next frames
 * (the frame clock's layout phase follows its update phase, where ticks run). */
static void
wait_frames (McWindow *window, guint n)
{
  guint ticks = 0;
  guint id = gtk_widget_add_tick_callback (GTK_WIDGET (window), count_tick_cb, &ticks, NULL);
  gint64 give_up = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  while (ticks < n && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_remove_tick_callback (GTK_WIDGET (window), id);
  mc_test_ui_wait_for_idle ();
}

/* Runs the main loop until the window's surface is `size` and laid out,
 * or two seconds passed. */
static void
lay_out (McWindow *window, const Size *size)
{
  gint64 give_up = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  for (;;)
    {
      mc_test_ui_wait_for_idle ();
      if ((surface_width (window) == size->width && surface_height (window) == size->height &&
           gtk_widget_get_width (GTK_WIDGET (window)) > 0) ||
          g_get_monotonic_time () > give_up)
        break;
      g_usleep (5000);
    }
  /* The pages cross-fade: measured and pictured once the new one is alone. */
  while (gtk_stack_get_transition_running (mc_window_get_stack (window)) && g_get_monotonic_time () < give_up + 2 * G_USEC_PER_SEC)
    wait_frames (window, 1);
  wait_frames (window, 3);
}

static gboolean
in_scrolled_area (GtkWidget *widget)
{
  return gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW) != NULL ||
         gtk_widget_get_ancestor (widget, GTK_TYPE_VIEWPORT) != NULL;
}

static const char *
describe (GtkWidget *button)
{
  const char *text = GTK_IS_BUTTON (button) ? gtk_button_get_label (GTK_BUTTON (button)) : NULL;
  const char *action = GTK_IS_ACTIONABLE (button) ? gtk_actionable_get_action_name (GTK_ACTIONABLE (button)) : NULL;

  if (text == NULL && GTK_IS_BUTTON (button))
    text = gtk_button_get_icon_name (GTK_BUTTON (button));
  if (text == NULL)
    text = gtk_widget_get_tooltip_text (button);
  return g_intern_string (text != NULL ? text : action != NULL ? action : G_OBJECT_TYPE_NAME (button));
}

/* Every mapped button outside a scrolled area lies whole inside the
 * window's `size`; a suggested action is never inside a scrolled area. */
static void
check_buttons (GtkWidget *widget, GtkWidget *content, const Size *size, const char *where)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, "suggested-action") && in_scrolled_area (widget))
    misfit ("%s: the main action “%s” scrolls away with the form", where, describe (widget));
  if (GTK_IS_BUTTON (widget) && !in_scrolled_area (widget))
    {
      graphene_rect_t b;

      g_assert_true (gtk_widget_compute_bounds (widget, content, &b));
      if (b.origin.x < 0 || b.origin.y < 0 || b.origin.x + b.size.width > size->width + 0.5 ||
          b.origin.y + b.size.height > size->height + 0.5 || b.size.width < 1 || b.size.height < 1)
        misfit ("%s: the button “%s” is at %.0f,%.0f %.0f×%.0f, outside %d×%d", where, describe (widget),
                 b.origin.x, b.origin.y, b.size.width, b.size.height, size->width, size->height);
      return;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    check_buttons (c, content, size, where);
}

/* "Dos…" for Danh sách hồ sơ beside a wide badge (issue 16). */
static void
check_sidebar_labels (GtkWidget *widget, const char *where)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget) && gtk_label_get_ellipsize (GTK_LABEL (widget)) != PANGO_ELLIPSIZE_NONE &&
      pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))))
    misfit ("%s: the sidebar cuts “%s”", where, gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    check_sidebar_labels (c, where);
}

static void
keep_shot_of (GtkWidget *widget, const char *where)
{
  const char *dir = g_getenv ("MC_LAYOUT_SHOTS");
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  texture = mc_test_ui_render (widget);
  file = g_strconcat (where, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* MC_LAYOUT_DEBUG: the deepest widgets asking for more than `width`, to find
 * what makes a page too wide. */
static gboolean
tell_wide (GtkWidget *widget, int width, int depth)
{
  int min = 0, nat = 0;
  gboolean below = FALSE;

  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return FALSE;
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  if (min <= width)
    return FALSE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    below |= tell_wide (c, width, depth + 1);
  if (!below)
    g_test_message ("  %*s%s %s: %d/%d", depth, "", G_OBJECT_TYPE_NAME (widget),
                    GTK_IS_LABEL (widget) ? gtk_label_get_text (GTK_LABEL (widget)) : gtk_widget_get_name (widget), min, nat);
  return TRUE;
}

/* The window's widget is its surface less the frame (the border drawn
 * around client-side decorations): what it asks for, with the frame,
 * must fit the screen. */
static void
check_page (McWindow *window, const char *page, const Size *size, const char *where)
{
  GtkWidget *widget = GTK_WIDGET (window);
  int min_w = 0, nat_w = 0, min_h = 0, frame_w, frame_h;
  Size inner;

  gtk_widget_activate_action (widget, "win.show-page", "s", page);
  g_assert_cmpstr (mc_window_get_page (window), ==, page);
  lay_out (window, size);
  frame_w = surface_width (window) - gtk_widget_get_width (widget);
  frame_h = surface_height (window) - gtk_widget_get_height (widget);
  inner = (Size) { size->width - frame_w, size->height - frame_h };
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, &nat_w, NULL, NULL);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, inner.width, &min_h, NULL, NULL, NULL);
  g_test_message ("%s: width minimum %d natural %d, height minimum %d (frame %d×%d)", where, min_w, nat_w,
                  min_h, frame_w, frame_h);
  if (min_w > inner.width || min_h > inner.height)
    {
      misfit ("%s: the window asks for %d (natural %d) × %d pixels, and a frame of %d×%d", where, min_w, nat_w,
              min_h, frame_w, frame_h);
      if (g_getenv ("MC_LAYOUT_DEBUG") != NULL)
        tell_wide (widget, inner.width, 0);
    }
  if (surface_width (window) != size->width || surface_height (window) != size->height)
    misfit ("%s: the window is %d×%d", where, surface_width (window), surface_height (window));
  check_buttons (widget, widget, &inner, where);
  check_sidebar_labels (GTK_WIDGET (mc_window_get_sidebar (window)), where);
  keep_shot_of (GTK_WIDGET (window), where);
}

/* Every page of the signed-in person's window at every size. */
static void
test_role (gconstpointer data)
{
  const char *username = data;
  McWindow *window = sign_in_as (username);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GtkStack *stack = mc_window_get_stack (window);

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (stack)); c; c = gtk_widget_get_next_sibling (c))
    g_ptr_array_add (names, (gpointer) gtk_stack_page_get_name (gtk_stack_get_page (stack, c)));
  g_assert_cmpuint (names->len, >, 1);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      /* A window shown keeps its size (there is no window manager under
       * Xvfb to resize it): a window of the same person opens at each size. */
      McWindow *sized = mc_window_new (app);

      gtk_window_set_default_size (GTK_WINDOW (sized), sizes[s].width, sizes[s].height);
      gtk_window_present (GTK_WINDOW (sized));
      for (guint i = 0; i < names->len; i++)
        {
          g_autofree char *where = g_strdup_printf ("%s-%dx%d-%s", username, sizes[s].width, sizes[s].height,
                                                    (char *) names->pdata[i]);

          check_page (sized, names->pdata[i], &sizes[s], where);
        }
      gtk_window_destroy (GTK_WINDOW (sized));
    }
}

/* A dialog opened on a 1280×720 screen: its default size brought within
 * the room (mc_screen_fit, as on realize with that monitor), its content
 * asks for no more, and its buttons outside scrolled areas are inside it. */
static void
check_dialog (GtkWindow *dialog, const char *name)
{
  const Size room = { 1280 - MC_SCREEN_FIT_MARGIN, 720 - MC_SCREEN_FIT_MARGIN };
  int min_w = 0, min_h = 0, width = 0, height = 0;
  g_autofree char *where = g_strconcat ("dialog-", name, NULL);

  mc_screen_fit_window (dialog, room.width, room.height);
  gtk_window_get_default_size (dialog, &width, &height);
  g_assert_cmpint (width, <=, room.width);
  g_assert_cmpint (height, <=, room.height);
  gtk_widget_measure (GTK_WIDGET (dialog), GTK_ORIENTATION_HORIZONTAL, -1, &min_w, NULL, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (dialog), GTK_ORIENTATION_VERTICAL, MAX (width, min_w), &min_h, NULL, NULL, NULL);
  g_test_message ("%s: default %d×%d, minimum %d×%d", where, width, height, min_w, min_h);
  if (min_w > room.width || min_h > room.height)
    misfit ("%s: asks for %d×%d, more than %d×%d", where, min_w, min_h, room.width, room.height);
  gtk_window_present (dialog);
  wait_frames (MC_WINDOW (gtk_window_get_transient_for (dialog)), 4);
  check_buttons (GTK_WIDGET (dialog), GTK_WIDGET (dialog), &(Size) { gtk_widget_get_width (GTK_WIDGET (dialog)),
                                                                      gtk_widget_get_height (GTK_WIDGET (dialog)) },
                 where);
  if (gtk_widget_get_width (GTK_WIDGET (dialog)) > room.width || gtk_widget_get_height (GTK_WIDGET (dialog)) > room.height)
    misfit ("%s: opened at %d×%d", where, gtk_widget_get_width (GTK_WIDGET (dialog)),
            gtk_widget_get_height (GTK_WIDGET (dialog)));
  keep_shot_of (GTK_WIDGET (dialog), where);
  gtk_window_destroy (dialog);
}

/* The hook installed at the application's start brings any window opened
 * over the main one within the monitor (Xvfb's, 1920×1080), a margin kept. */
static void
check_screen_fit (GtkWindow *parent)
{
  GtkWindow *big = GTK_WINDOW (gtk_window_new ());
  g_autoptr(GdkMonitor) monitor = g_list_model_get_item (gdk_display_get_monitors (gdk_display_get_default ()), 0);
  GdkRectangle screen;
  int width = 0, height = 0;

  gtk_window_set_transient_for (big, parent);
  gtk_window_set_default_size (big, 4000, 3000);
  gtk_window_present (big);
  mc_test_ui_wait_for_idle ();
  gdk_monitor_get_geometry (monitor, &screen);
  gtk_window_get_default_size (big, &width, &height);
  g_assert_cmpint (width, ==, screen.width - MC_SCREEN_FIT_MARGIN);
  g_assert_cmpint (height, ==, screen.height - MC_SCREEN_FIT_MARGIN);
  gtk_window_destroy (big);
}

/* The administrator's dialogs that were sized for a large monitor. */
static void
test_dialogs (void)
{
  McWindow *window = sign_in_as ("admin");
  g_autoptr(McDossierStore) store = mc_dossier_store_new (mc_application_get_db (app), mc_application_get_calendar (app));
  g_autoptr(McProcedure) procedure = mc_catalog_find_procedure (mc_application_get_catalog (app), "1.001193", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(McDossier) dossier = mc_dossier_store_find (store, "000.00.06.H56-261119-0001", &error);
  GtkWindow *dialog;

  g_assert_no_error (error);
  g_assert_nonnull (procedure);
  gtk_window_set_default_size (GTK_WINDOW (window), 1270, 710);
  gtk_window_present (GTK_WINDOW (window));
  check_screen_fit (GTK_WINDOW (window));
  dialog = GTK_WINDOW (mc_dossier_window_new (app, store, dossier));
  gtk_window_set_transient_for (dialog, GTK_WINDOW (window));
  check_dialog (dialog, "dossier");
  dialog = GTK_WINDOW (mc_procedure_editor_new (app, procedure));
  gtk_window_set_transient_for (dialog, GTK_WINDOW (window));
  check_dialog (dialog, "procedure");
  dialog = GTK_WINDOW (mc_preferences_window_new (app));
  gtk_window_set_transient_for (dialog, GTK_WINDOW (window));
  check_dialog (dialog, "preferences");
}

static void
fill_demo (void)
{
  g_autoptr(GError) error = NULL;
  McDb *db = mc_test_db_new ();  /* db-1.sqlite */
  g_autoptr(McAccounts) accounts = mc_accounts_new (db);

  g_assert_true (mc_demo_fill (db, 400, 3, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (mc_accounts_set_initial_passwords (accounts, PASSWORD, &error));
  g_assert_no_error (error);
  g_object_unref (db);
}

int
main (int argc, char **argv)
{
  static const char *const roles[] = { "admin", "tn.lan", "cv.tuan", "tp.quang", "pct.nga", "vt.yen" };
  int status;

  mc_test_ui_init (&argc, &argv);
  /* In Vietnamese, as a clerk sees it: its words are the longer. */
  {
    g_autofree char *po = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po", NULL);

    bindtextdomain (GETTEXT_PACKAGE, po);
    bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
    textdomain (GETTEXT_PACKAGE);
    setlocale (LC_MESSAGES, "C.UTF-8");
    setlocale (LC_CTYPE, "C.UTF-8");  /* the misfits' words told whole */
  }
  fill_demo ();
  app = mc_test_ui_app_new ("vn.motcua.TestLayout", "db-1.sqlite");
  g_assert_true (MC_IS_LOGIN_WINDOW (mc_session_start (app)));
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autofree char *path = g_strconcat ("/ui/layout/", roles[i], NULL);

      g_test_add_data_func (path, roles[i], test_role);
    }
  g_test_add_func ("/ui/layout/dialogs", test_dialogs);
  status = g_test_run ();
  for (GList *l; (l = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL;)
    gtk_window_destroy (l->data);
  g_object_unref (app);
  return status;
}
