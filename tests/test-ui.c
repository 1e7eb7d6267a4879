/* test-ui.c — the main window, the catalog page, the calendar page and the preferences, driven as a user would
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "mc-application.h"
#include "mc-backup-guard.h"
#include "mc-calendar-page.h"
#include "mc-calendar-store.h"
#include "mc-catalog-page.h"
#include "mc-preferences-window.h"
#include "mc-procedure-editor.h"
#include "mc-reception.h"
#include "mc-test-ui-utils.h"
#include "mc-test-utils.h"
#include "mc-text.h"
#include "mc-window.h"

static McApplication *app;
static McWindow *window;

static void
test_catalog_search (void)
{
  McCatalogPage *page = MC_CATALOG_PAGE (mc_window_get_page_widget (window, "catalog"));

  g_assert_cmpuint (mc_catalog_page_get_n_shown (page), >=, 120);
  mc_catalog_page_set_search (page, "dang ky ket hon");
  g_assert_cmpuint (mc_catalog_page_get_n_shown (page), >=, 1);
  for (guint i = 0; i < mc_catalog_page_get_n_shown (page); i++)
    {
      g_autoptr(McProcedure) p = mc_catalog_page_get_shown (page, i);
      g_assert_true (mc_text_matches_folded (mc_procedure_get_search_key (p), "dang ky ket hon"));
    }
  mc_catalog_page_set_search (page, "ĐĂNG KÝ KẾT HÔN");
  g_assert_cmpuint (mc_catalog_page_get_n_shown (page), >=, 1);
  mc_catalog_page_set_search (page, "xyz khong co thu tuc nay");
  g_assert_cmpuint (mc_catalog_page_get_n_shown (page), ==, 0);
  mc_catalog_page_set_search (page, "");
}

static void
test_switch_pages (void)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "calendar");
  g_assert_cmpstr (mc_window_get_page (window), ==, "calendar");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "catalog");
  g_assert_cmpstr (mc_window_get_page (window), ==, "catalog");
  /* An area that does not exist is not shown. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "no-such-page");
  g_assert_cmpstr (mc_window_get_page (window), ==, "catalog");
}

static void
test_calendar_page (void)
{
  McCalendarPage *page = MC_CALENDAR_PAGE (mc_window_get_page_widget (window, "calendar"));
  McDate culture = mc_test_date ("2026-11-24");
  McDate saturday = mc_test_date ("2026-11-28");
  g_autoptr(GError) error = NULL;
  g_autoptr(McCalendar) reloaded = NULL;
  GtkWidget *cell;

  mc_calendar_page_show_month (page, 2026, 11);
  cell = mc_calendar_page_get_cell (page, culture);
  g_assert_nonnull (cell);
  g_assert_true (gtk_widget_has_css_class (cell, "holiday"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (cell), ==, "Ngày Văn hóa Việt Nam (24/11)");
  /* A Saturday worked, entered on the page, is saved and redrawn. */
  g_assert_true (mc_calendar_page_set_exception (page, saturday, MC_EXCEPTION_WORKDAY, "Làm bù", &error));
  g_assert_no_error (error);
  cell = mc_calendar_page_get_cell (page, saturday);
  g_assert_true (gtk_widget_has_css_class (cell, "swapped"));
  g_assert_true (gtk_widget_has_css_class (cell, "exception"));
  reloaded = mc_calendar_store_load (mc_application_get_db (app), &error);
  g_assert_true (mc_calendar_is_working_day (reloaded, saturday));
  /* An empty name is refused and changes nothing. */
  g_assert_false (mc_calendar_page_set_exception (page, culture, MC_EXCEPTION_WORKDAY, " ", &error));
  g_assert_nonnull (error);
  g_assert_true (gtk_widget_has_css_class (mc_calendar_page_get_cell (page, culture), "holiday"));
  g_assert_true (mc_calendar_page_remove_exception (page, saturday, NULL));
  g_assert_true (gtk_widget_has_css_class (mc_calendar_page_get_cell (page, saturday), "weekend"));
}

static void
test_editor (void)
{
  g_autoptr(GError) error = NULL;
  McCatalog *catalog = mc_application_get_catalog (app);
  g_autoptr(McProcedure) p = mc_catalog_find_procedure (catalog, "1.001193", &error);
  McProcedureEditor *editor = mc_procedure_editor_new (app, p);
  g_autoptr(McProcedure) saved = NULL;
  McProcedure *edited = mc_procedure_editor_collect (editor);

  g_assert_cmpstr (mc_procedure_get_code (edited), ==, "1.001193");
  g_assert_cmpuint (mc_procedure_get_steps (edited)->len, ==, mc_procedure_get_steps (p)->len);
  g_assert_cmpuint (mc_procedure_get_documents (edited)->len, ==, mc_procedure_get_documents (p)->len);
  g_assert_true (mc_procedure_editor_save (editor, &error));
  g_assert_no_error (error);
  saved = mc_catalog_find_procedure (catalog, "1.001193", &error);
  g_assert_cmpfloat (mc_procedure_get_days (saved), ==, mc_procedure_get_days (p));
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* Issue 13 item 17 in the editor: the competence since 1/7/2025 and what the
 * unit receives, chosen in the rows and read back by core and a new editor. */
static void
test_editor_reception (void)
{
  g_autoptr(GError) error = NULL;
  McCatalog *catalog = mc_application_get_catalog (app);
  g_autoptr(McProcedure) p = mc_catalog_find_procedure (catalog, "1.010814", &error);
  McProcedureEditor *editor = mc_procedure_editor_new (app, p);
  McProcedureEditor *again = NULL;
  g_autoptr(McProcedure) saved = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (adw_combo_row_get_selected (mc_procedure_editor_get_competence_row (editor)), ==, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (mc_procedure_editor_get_reception_row (editor)), ==,
                    MC_RECEPTION_DEFAULT);
  adw_combo_row_set_selected (mc_procedure_editor_get_reception_row (editor), MC_RECEPTION_PROVINCE);
  g_assert_true (mc_procedure_editor_save (editor, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (editor));
  g_assert_cmpint (mc_catalog_get_reception (catalog, "1.010814", &error), ==, MC_RECEPTION_PROVINCE);
  saved = mc_catalog_find_procedure (catalog, "1.010814", &error);
  g_assert_cmpint (mc_procedure_get_competence (saved), ==, MC_LEVEL_TINH);
  again = mc_procedure_editor_new (app, saved);
  g_assert_cmpuint (adw_combo_row_get_selected (mc_procedure_editor_get_reception_row (again)), ==,
                    MC_RECEPTION_PROVINCE);
  /* Back to the competence: the declaration is removed. */
  adw_combo_row_set_selected (mc_procedure_editor_get_reception_row (again), MC_RECEPTION_DEFAULT);
  g_assert_true (mc_procedure_editor_save (again, &error));
  gtk_window_destroy (GTK_WINDOW (again));
  g_assert_cmpint (mc_catalog_get_reception (catalog, "1.010814", &error), ==, MC_RECEPTION_DEFAULT);
}

static void
test_preferences (void)
{
  McPreferencesWindow *prefs = mc_preferences_window_new (app);
  McOfficeHours h;

  g_assert_false (mc_preferences_window_set_hours (prefs, 5, "7h-11h"));
  mc_calendar_get_office_hours (mc_application_get_calendar (app), 5, &h);
  g_assert_cmpint (h.start[0], ==, 7 * 60);
  /* Emptied while retyping: refused, the day keeps its hours. */
  g_assert_false (mc_preferences_window_set_hours (prefs, 5, " "));
  mc_calendar_get_office_hours (mc_application_get_calendar (app), 5, &h);
  g_assert_cmpint (h.n_intervals, ==, 2);
  g_assert_true (mc_preferences_window_set_hours (prefs, 5, "07:30-11:30,13:00-16:30"));
  mc_calendar_get_office_hours (mc_application_get_calendar (app), 5, &h);
  g_assert_cmpint (h.start[0], ==, 7 * 60 + 30);
  gtk_window_destroy (GTK_WINDOW (prefs));
}

static void
test_render (void)
{
  g_autofree char *path = mc_test_tmp_path ("window.png");
  g_autoptr(GdkTexture) texture = mc_test_ui_render (GTK_WIDGET (window));

  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  if (g_getenv ("MOTCUA_SCREENSHOT"))
    gdk_texture_save_to_png (texture, g_getenv ("MOTCUA_SCREENSHOT"));
}

/* The rotating backups beside the database file and the one at closing run
 * on a file; on a server (suite ui-on-pg) not at all — they only logged
 * their refusal each hour and at each closing (pg_dump and continuous
 * archiving save a server's database). */
static void
test_backup_guard (void)
{
  g_assert_cmpint (mc_backup_guard_is_running (app), ==, !mc_test_on_pg ());
}

int
main (int argc, char **argv)
{
  int status;

  mc_test_ui_init (&argc, &argv);
  app = mc_test_ui_app_new (NULL, "ui.sqlite");
  window = mc_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  g_test_add_func ("/ui/switch-pages", test_switch_pages);
  g_test_add_func ("/ui/catalog-search", test_catalog_search);
  g_test_add_func ("/ui/calendar-page", test_calendar_page);
  g_test_add_func ("/ui/editor", test_editor);
  g_test_add_func ("/ui/editor-reception", test_editor_reception);
  g_test_add_func ("/ui/preferences", test_preferences);
  g_test_add_func ("/ui/render", test_render);
  g_test_add_func ("/ui/backup-guard", test_backup_guard);
  status = g_test_run ();
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (app);
  return status;
}
