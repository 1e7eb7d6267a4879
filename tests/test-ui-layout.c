/* test-ui-layout.c — every page of the main window fits the office's screens (issue 16 item 1)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each demo role signs in through the sign-in window; at each screen size
 * below, every page the window has (its stack's children, so a page added
 * to mc-pages.c is visited without a line here) is shown and:
 *   - the window asks for no more than the screen: its minimum and natural
 *     widths, and its minimum height at that width;
 *   - nothing scrolls sideways: every scrolled area of the page (a table
 *     above all) has the width its content needs; a table leaves out its
 *     secondary columns instead (McColumnFit), the inbox's and the return
 *     desk's status chip never among them;
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

#include "mc-account-dialog.h"
#include "mc-accounts.h"
#include "mc-action-dialog.h"
#include "mc-application.h"
#include "mc-catalog.h"
#include "mc-column-fit.h"
#include "mc-cchc-entry-dialog.h"
#include "mc-dossier-store.h"
#include "mc-dossier-window.h"
#include "mc-figure-dossier.h"
#include "mc-figure-list-dialog.h"
#include "mc-preferences-window.h"
#include "mc-procedure-editor.h"
#include "mc-return-dialog.h"
#include "mc-screen-fit.h"
#include "mc-demo.h"
#include "mc-workflow.h"
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

/* The column left out last (the first shown again) would not fit: the
 * table as shown and that column's fixed width are wider than the room.
 * GTK 4.8 measures a table with its hidden columns (mc-column-fit.c). */
static void
check_room_used (GtkColumnView *view, const char *where)
{
  GListModel *columns = gtk_column_view_get_columns (view);
  McColumnFit *fit = MC_COLUMN_FIT (gtk_widget_get_ancestor (GTK_WIDGET (view), MC_TYPE_COLUMN_FIT));
  GtkColumnViewColumn *next = mc_column_fit_get_next_shown (fit);
  int room = (int) gtk_adjustment_get_page_size (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view)));
  int shown = 0;

  if (next == NULL || !gtk_widget_get_mapped (GTK_WIDGET (view)))
    return;
  gtk_widget_measure (GTK_WIDGET (view), GTK_ORIENTATION_HORIZONTAL, -1, &shown, NULL, NULL, NULL);
  for (guint i = 0; gtk_get_minor_version () < 12 && i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (!gtk_column_view_column_get_visible (column))
        shown -= gtk_column_view_column_get_fixed_width (column);
    }
  if (shown + gtk_column_view_column_get_fixed_width (next) <= room)
    misfit ("%s: “%s” (%d pixels) is left out, and the table (%d) has %d", where,
            gtk_column_view_column_get_title (next), gtk_column_view_column_get_fixed_width (next), shown, room);
}

/* No scrolled area of the page scrolls sideways: its horizontal adjustment
 * spans no more than its page (a table whose columns do not fit has an
 * upper larger than the page). */
static void
check_no_sideways (GtkWidget *widget, const char *where)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  /* A report document's table is the form's, column for column
   * (mc-report-tables.c, on Báo cáo and Thống kê xếp hàng): it alone may
   * scroll sideways, with its reason told. */
  if (GTK_IS_SCROLLED_WINDOW (widget) && g_object_get_data (G_OBJECT (widget), "mc-scrolls-sideways") != NULL)
    g_test_message ("%s: a report's table may scroll sideways: %s", where,
                    (const char *) g_object_get_data (G_OBJECT (widget), "mc-scrolls-sideways"));
  else if (GTK_IS_SCROLLED_WINDOW (widget))
    {
      GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (widget));
      GtkWidget *child = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (widget));

      if (gtk_adjustment_get_upper (h) - gtk_adjustment_get_lower (h) > gtk_adjustment_get_page_size (h) + 0.5)
        misfit ("%s: %s scrolls sideways: %.0f pixels in %.0f", where,
                child != NULL ? G_OBJECT_TYPE_NAME (child) : "a scrolled area",
                gtk_adjustment_get_upper (h) - gtk_adjustment_get_lower (h), gtk_adjustment_get_page_size (h));
    }
  if (GTK_IS_COLUMN_VIEW (widget) && gtk_widget_get_ancestor (widget, MC_TYPE_COLUMN_FIT) != NULL)
    check_room_used (GTK_COLUMN_VIEW (widget), where);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    check_no_sideways (c, where);
}

/* A page's table takes the page's height, not the few rows of its natural
 * size: Danh mục thủ tục showed five procedures in a full-HD window when the
 * empty-state stack copied the table's unset vexpand as FALSE. */
static void
check_tables_fill (GtkWidget *widget, GtkWidget *page, const char *where)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (MC_IS_COLUMN_FIT (widget) && gtk_widget_get_height (widget) < gtk_widget_get_height (page) / 2)
    misfit ("%s: a table is %d pixels high in a page of %d", where, gtk_widget_get_height (widget),
            gtk_widget_get_height (page));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    check_tables_fill (c, page, where);
}

/* The inbox and the return desk keep their status chip (the second column)
 * whatever they leave out; at full HD every column is there, and at half
 * of it some are left out (else McColumnFit was not needed or not used). */
static void
check_status_column (McWindow *window, const char *page, const Size *size, const char *where)
{
  GtkWidget *view = mc_test_ui_find_type (mc_window_get_page_widget (window, page), GTK_TYPE_COLUMN_VIEW, 0);
  GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (view));
  guint n_shown = 0, n = g_list_model_get_n_items (columns);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (gtk_column_view_column_get_visible (column))
        n_shown++;
      else if (i <= 1)
        misfit ("%s: the column “%s” is left out", where, gtk_column_view_column_get_title (column));
    }
  g_test_message ("%s: %u of %u columns shown", where, n_shown, n);
  if (size->width >= 1920 && n_shown < n)
    misfit ("%s: %u of %u columns shown on a full HD screen", where, n_shown, n);
  /* An empty list shows its empty state instead: no table to fit. */
  if (size->width <= 960 && n_shown == n && gtk_widget_get_mapped (view))
    misfit ("%s: every column shown at %d pixels", where, size->width);
}

/* The sizes of `widget`'s descendants, `levels` deep. */
static void
tell_children (GtkWidget *widget, int depth, int levels)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); levels > 0 && c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      int min = 0, nat = 0;

      gtk_widget_measure (c, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      g_test_message ("  %*s%s %s: %d/%d", depth, "", G_OBJECT_TYPE_NAME (c),
                      GTK_IS_LABEL (c) ? gtk_label_get_text (GTK_LABEL (c)) : "", min, nat);
      tell_children (c, depth + 1, levels - 1);
    }
}

/* MC_LAYOUT_DEBUG: the deepest widgets asking (naturally, or at least) for
 * more than `width`, to find what makes a page too wide. */
static gboolean
tell_wide (GtkWidget *widget, int width, int depth)
{
  int min = 0, nat = 0;
  gboolean below = FALSE;

  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return FALSE;
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  if (nat <= width)
    return FALSE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    below |= tell_wide (c, width, depth + 1);
  if (!below)
    {
      g_test_message ("  %*s%s %s: %d/%d", depth, "", G_OBJECT_TYPE_NAME (widget),
                      GTK_IS_LABEL (widget) ? gtk_label_get_text (GTK_LABEL (widget)) : gtk_widget_get_name (widget),
                      min, nat);
      tell_children (widget, depth + 1, 3);
    }
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
  if (min_w > inner.width || nat_w > inner.width || min_h > inner.height)
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
  check_no_sideways (mc_window_get_page_widget (window, page), where);
  check_tables_fill (mc_window_get_page_widget (window, page), mc_window_get_page_widget (window, page), where);
  if (g_str_equal (page, "inbox") || g_str_equal (page, "return"))
    check_status_column (window, page, size, where);
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

/* "Ch…" for a rating in the return dialog (issue 16): a label that carries
 * a choice — a drop-down's, a combo row's, a check or toggle button's — is
 * never ellipsized. */
static void
check_choice_labels (GtkWidget *widget, gboolean in_choice, const char *where)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  in_choice = in_choice || GTK_IS_DROP_DOWN (widget) || ADW_IS_COMBO_ROW (widget) || GTK_IS_CHECK_BUTTON (widget) ||
              GTK_IS_TOGGLE_BUTTON (widget);
  if (in_choice && GTK_IS_LABEL (widget) && gtk_label_get_ellipsize (GTK_LABEL (widget)) != PANGO_ELLIPSIZE_NONE &&
      pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))))
    misfit ("%s: the choice “%s” is cut", where, gtk_label_get_text (GTK_LABEL (widget)));
  /* A drop-down's popover lists its choices whole; not open here. */
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    check_choice_labels (c, in_choice, where);
}

/* A dialog opened on a `screen`: its default size brought within the room
 * (mc_screen_fit, as on realize with that monitor), its content asks for
 * no more, its buttons outside scrolled areas are inside it, and no choice
 * it offers is cut. */
static void
check_dialog (GtkWindow *dialog, const char *name, const Size *screen)
{
  const Size room = { screen->width - MC_SCREEN_FIT_MARGIN, screen->height - MC_SCREEN_FIT_MARGIN };
  int min_w = 0, min_h = 0, width = 0, height = 0;
  g_autofree char *where = g_strdup_printf ("dialog-%s-%dx%d", name, screen->width, screen->height);

  mc_screen_fit_window (dialog, room.width, room.height);
  gtk_window_get_default_size (dialog, &width, &height);
  g_assert_cmpint (width, <=, room.width);
  g_assert_cmpint (height, <=, room.height);
  gtk_widget_measure (GTK_WIDGET (dialog), GTK_ORIENTATION_HORIZONTAL, -1, &min_w, NULL, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (dialog), GTK_ORIENTATION_VERTICAL, MAX (width, min_w), &min_h, NULL, NULL, NULL);
  g_test_message ("%s: default %d×%d, minimum %d×%d", where, width, height, min_w, min_h);
  if (min_w > room.width || min_h > room.height)
    {
      misfit ("%s: asks for %d×%d, more than %d×%d", where, min_w, min_h, room.width, room.height);
    }
  gtk_window_present (dialog);
  wait_frames (MC_WINDOW (gtk_window_get_transient_for (dialog)), 4);
  mc_test_ui_wait_for_idle ();
  if (min_w > room.width && g_getenv ("MC_LAYOUT_DEBUG") != NULL)
    tell_children (GTK_WIDGET (dialog), 0, 14);
  check_buttons (GTK_WIDGET (dialog), GTK_WIDGET (dialog), &(Size) { gtk_widget_get_width (GTK_WIDGET (dialog)),
                                                                      gtk_widget_get_height (GTK_WIDGET (dialog)) },
                 where);
  check_choice_labels (GTK_WIDGET (dialog), FALSE, where);
  g_test_message ("%s: opened at %d×%d", where, gtk_widget_get_width (GTK_WIDGET (dialog)),
                  gtk_widget_get_height (GTK_WIDGET (dialog)));
  if (gtk_widget_get_width (GTK_WIDGET (dialog)) > room.width || gtk_widget_get_height (GTK_WIDGET (dialog)) > room.height)
    misfit ("%s: opened at %d×%d", where, gtk_widget_get_width (GTK_WIDGET (dialog)),
            gtk_widget_get_height (GTK_WIDGET (dialog)));
  keep_shot_of (GTK_WIDGET (dialog), where);
  gtk_window_destroy (dialog);
  mc_test_ui_wait_for_idle ();
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

/* The dialogs, each opened over a main window of each screen's size. */
static const Size dialog_screens[] = { { 1280, 720 }, { 960, 1080 } };

typedef struct
{
  McDossierStore *store;
  McDossier      *dossier;    /* being processed */
  McWorkItem     *open_item;  /* the same, as the inbox gives it */
  McWorkItem     *ready;      /* a result waiting at the counter */
  McProcedure    *procedure;
  McStaff        *staff;
} Fixtures;

static void
fixtures_init (Fixtures *f)
{
  McWorkflow *wf = mc_application_get_workflow (app);
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GPtrArray) ready = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(McAccounts) accounts = mc_accounts_new (mc_application_get_db (app));

  f->store = mc_dossier_store_new (mc_application_get_db (app), mc_application_get_calendar (app));
  open = mc_workflow_inbox (wf, 0, NULL, mc_time_now (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (open->len, >, 0);
  f->open_item = mc_workflow_get_item (wf, ((McWorkItem *) open->pdata[0])->code, mc_time_now (), &error);
  g_assert_no_error (error);
  f->dossier = mc_dossier_store_find (f->store, f->open_item->code, &error);
  g_assert_no_error (error);
  ready = mc_workflow_ready (wf, NULL, &error);
  g_assert_no_error (error);
  if (ready->len == 0)
    {
      /* The demo returned every result: the leader signs one more. */
      McAction leader = { 0, "pct.nga", NULL };
      guint i = 1;

      sign_in_as ("pct.nga");
      while (i < open->len &&
             !(mc_action_kinds_allowed (app, ((McWorkItem *) open->pdata[i])->code) & (1u << MC_ACTION_FINISH)))
        i++;
      g_assert_cmpuint (i, <, open->len);
      mc_workflow_finish (wf, ((McWorkItem *) open->pdata[i])->code, &leader, "15/QĐ-UBND", "Quyết định", &error);
      g_assert_no_error (error);
      sign_in_as ("admin");
      g_ptr_array_unref (ready);
      ready = mc_workflow_ready (wf, NULL, &error);
      g_assert_no_error (error);
    }
  g_assert_cmpuint (ready->len, >, 0);
  f->ready = mc_workflow_get_item (wf, ((McWorkItem *) ready->pdata[0])->code, mc_time_now (), &error);
  g_assert_no_error (error);
  f->procedure = mc_catalog_find_procedure (mc_application_get_catalog (app), "1.001193", NULL);
  g_assert_nonnull (f->procedure);
  f->staff = mc_accounts_get_staff (accounts, "cv.tuan", &error);
  g_assert_no_error (error);
}

static void
fixtures_clear (Fixtures *f)
{
  g_clear_object (&f->store);
  g_clear_object (&f->dossier);
  g_clear_pointer (&f->open_item, mc_work_item_free);
  g_clear_pointer (&f->ready, mc_work_item_free);
  g_clear_object (&f->procedure);
  g_clear_object (&f->staff);
}

/* The list behind a figure: a dashboard's or a report's dossiers. */
static GtkWindow *
figure_list (McWindow *parent)
{
  g_autoptr(GListStore) items = g_list_store_new (MC_TYPE_FIGURE_DOSSIER);

  for (int i = 0; i < 40; i++)
    {
      g_autofree char *code = g_strdup_printf ("000.00.06.H56-261119-%04d", i + 1);
      g_autoptr(McFigureDossier) d = mc_figure_dossier_new (code, "Nguyễn Thị Phương Thảo",
                                                            "Đăng ký khai sinh có yếu tố nước ngoài kết hợp "
                                                            "nhận cha, mẹ, con", 1762000000 + i * 3600, 0);
      g_list_store_append (items, d);
    }
  return GTK_WINDOW (mc_figure_list_dialog_new (app, GTK_WINDOW (parent), "Hộ tịch", "Đã tiếp nhận",
                                                G_LIST_MODEL (items)));
}

/* The return dialog's second step, in person: the citizen's rating, whose
 * drop-downs read "Ch…" (issue 16). */
static GtkWindow *
rating_step (McReturnDialog *dialog)
{
  GObject *next = gtk_widget_get_template_child (GTK_WIDGET (dialog), MC_TYPE_RETURN_DIALOG, "next_button");

  mc_return_dialog_set_values (dialog, "Lê Văn Cường", "001089000777", MC_CHANNEL_TRUC_TIEP, NULL);
  mc_return_dialog_set_authorisation (dialog, "Giấy ủy quyền số 12/2026");
  g_signal_emit_by_name (next, "clicked");
  g_assert_cmpstr (mc_return_dialog_get_step (dialog), ==, "rating");
  return GTK_WINDOW (dialog);
}

static McWindow *
open_main_window (const Size *screen)
{
  McWindow *window = mc_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), screen->width, screen->height);
  gtk_window_present (GTK_WINDOW (window));
  lay_out (window, screen);
  return window;
}

static void
check_dialogs_at (Fixtures *f, const Size *screen)
{
  McWindow *parent = open_main_window (screen);
  GtkWindow *dialog;

#define OPEN(name, make) \
  G_STMT_START { dialog = GTK_WINDOW (make); \
                 gtk_window_set_transient_for (dialog, GTK_WINDOW (parent)); \
                 check_dialog (dialog, name, screen); } G_STMT_END
  OPEN ("dossier", mc_dossier_window_new (app, f->store, f->dossier));
  OPEN ("procedure", mc_procedure_editor_new (app, f->procedure));
  OPEN ("preferences", mc_preferences_window_new (app));
  OPEN ("return", mc_return_dialog_new (app, f->ready));
  OPEN ("return-rating", rating_step (mc_return_dialog_new (app, f->ready)));
  for (McActionKind k = MC_ACTION_ACCEPT + 1; k < MC_N_ACTIONS; k++)
    OPEN (mc_action_kind_to_name (k), mc_action_dialog_new (app, k, f->open_item));
  OPEN ("account-add", mc_account_dialog_new (app, MC_ACCOUNT_DIALOG_ADD, NULL));
  OPEN ("account-edit", mc_account_dialog_new (app, MC_ACCOUNT_DIALOG_EDIT, f->staff));
  OPEN ("account-password", mc_account_dialog_new (app, MC_ACCOUNT_DIALOG_PASSWORD, f->staff));
  OPEN ("figure-list", figure_list (parent));
#undef OPEN
  gtk_window_destroy (GTK_WINDOW (parent));
}

/* Every dialog a person opens, on a 1280×720 laptop and at half of a
 * 1920×1080 screen, as the administrator (who may open them all). */
static void
test_dialogs (void)
{
  Fixtures f = { 0 };
  McWindow *window;

  fixtures_init (&f);
  window = sign_in_as ("admin");
  gtk_window_set_default_size (GTK_WINDOW (window), 1270, 710);
  gtk_window_present (GTK_WINDOW (window));
  check_screen_fit (GTK_WINDOW (window));
  for (guint s = 0; s < G_N_ELEMENTS (dialog_screens); s++)
    check_dialogs_at (&f, &dialog_screens[s]);
  fixtures_clear (&f);
  /* The figures of the CCHC report are entered by whoever makes the reports. */
  sign_in_as ("tn.ha");
  for (guint s = 0; s < G_N_ELEMENTS (dialog_screens); s++)
    {
      McWindow *parent = open_main_window (&dialog_screens[s]);
      g_autoptr(GError) error = NULL;
      GtkWindow *dialog = GTK_WINDOW (mc_cchc_entry_dialog_new (GTK_WINDOW (parent), mc_application_get_db (app), 0,
                                                                mc_date_from_ymd (2026, 1, 1),
                                                                mc_date_from_ymd (2026, 6, 30), &error));

      g_assert_no_error (error);
      gtk_window_set_transient_for (dialog, GTK_WINDOW (parent));
      check_dialog (dialog, "cchc-entry", &dialog_screens[s]);
      gtk_window_destroy (GTK_WINDOW (parent));
    }
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
