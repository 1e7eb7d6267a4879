/* test-ui-settings.c — Tùy chỉnh → "Văn bản và báo cáo": each kind of row
 * saves through the registry, a refused value is marked and changes nothing,
 * the page at 1366×768, and read-only for anyone but the administrator
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "mc-accounts.h"
#include "mc-application.h"
#include "mc-document-settings-page.h"
#include "mc-preferences-window.h"
#include "mc-settings.h"
#include "mc-test-ui-utils.h"
#include "mc-test-utils.h"

static McApplication *app;

static McDocumentSettingsPage *
find_page (GtkWidget *widget)
{
  if (MC_IS_DOCUMENT_SETTINGS_PAGE (widget))
    return MC_DOCUMENT_SETTINGS_PAGE (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      McDocumentSettingsPage *found = find_page (c);
      if (found)
        return found;
    }
  return NULL;
}

static char *
stored (const char *key)
{
  return mc_db_get_setting (mc_application_get_db (app), key, NULL, NULL);
}

static gint64
audit_count (const char *detail)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM audit_log WHERE action LIKE 'setting.%%' "
                                          "AND detail = '%s'", detail);

  return mc_db_query_int (mc_application_get_db (app), sql, NULL);
}

static McPreferencesWindow *
open_page (McDocumentSettingsPage **page)
{
  McPreferencesWindow *prefs = mc_preferences_window_new (app);

  gtk_window_present (GTK_WINDOW (prefs));
  *page = find_page (GTK_WIDGET (prefs));
  g_assert_nonnull (*page);
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (prefs), ADW_PREFERENCES_PAGE (*page));
  mc_test_ui_wait_for_idle ();
  return prefs;
}

/* Entry rows save on apply (✓ or Enter), the combo, spin and switch at once. */
static void
test_rows_save (void)
{
  McDocumentSettingsPage *page;
  McPreferencesWindow *prefs = open_page (&page);
  GtkWidget *place = mc_document_settings_page_get_row (page, "report.place");
  GtkWidget *authority = mc_document_settings_page_get_row (page, "report.signer_authority");
  GtkWidget *cutoff = mc_document_settings_page_get_row (page, "report.cutoff_day");
  g_autofree char *signer = NULL, *p = NULL, *a = NULL, *c = NULL, *cal = NULL;

  g_assert_cmpstr (adw_preferences_page_get_title (ADW_PREFERENCES_PAGE (page)), ==, "Văn bản và báo cáo");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (place)), ==, "Địa danh ghi trên văn bản");

  g_assert_true (mc_document_settings_page_apply (page, "report.signer", " Nguyễn Thị Nga "));
  g_assert_cmpstr ((signer = stored ("report.signer")), ==, "Nguyễn Thị Nga");
  g_assert_cmpint (audit_count ("report.signer = Nguyễn Thị Nga"), ==, 1);

  gtk_editable_set_text (GTK_EDITABLE (place), "Phú Sơn");
  g_signal_emit_by_name (place, "apply");
  g_assert_cmpstr ((p = stored ("report.place")), ==, "Phú Sơn");

  adw_combo_row_set_selected (ADW_COMBO_ROW (authority), 1);
  g_assert_cmpstr ((a = stored ("report.signer_authority")), ==, "KT");

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (g_object_get_data (G_OBJECT (cutoff), "mc-control")), 20);
  g_assert_cmpstr ((c = stored ("report.cutoff_day")), ==, "20");

  gtk_switch_set_active (GTK_SWITCH (g_object_get_data (G_OBJECT (mc_document_settings_page_get_row (
                           page, "report.calendar_periods")), "mc-control")), TRUE);
  g_assert_cmpstr ((cal = stored ("report.calendar_periods")), ==, "1");
  gtk_window_destroy (GTK_WINDOW (prefs));
}

/* A refused value: the row is marked with the reason, the stored value and
 * the audit trail stay as they were. */
static void
test_refused_changes_nothing (void)
{
  McDocumentSettingsPage *page;
  McPreferencesWindow *prefs = open_page (&page);
  GtkWidget *subject = mc_document_settings_page_get_row (page, "report.narrative_subject");
  GtkWidget *thresholds = mc_document_settings_page_get_row (page, "report.rating_thresholds");
  gint64 rows = mc_db_query_int (mc_application_get_db (app), "SELECT count (*) FROM audit_log", NULL);
  g_autofree char *s = NULL, *t = NULL;

  g_assert_false (mc_document_settings_page_apply (page, "report.narrative_subject", ""));
  g_assert_true (gtk_widget_has_css_class (subject, "error"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (subject), "không được để trống"));
  g_assert_null ((s = stored ("report.narrative_subject")));

  g_assert_false (mc_document_settings_page_apply (page, "report.rating_thresholds", "rất tốt"));
  g_assert_true (gtk_widget_has_css_class (thresholds, "error"));
  g_assert_null ((t = stored ("report.rating_thresholds")));
  g_assert_cmpint (mc_db_query_int (mc_application_get_db (app), "SELECT count (*) FROM audit_log", NULL), ==, rows);

  /* Corrected, the mark goes. */
  g_assert_true (mc_document_settings_page_apply (page, "report.rating_thresholds", "Tốt ≥ 12; Khá ≥ 9"));
  g_assert_false (gtk_widget_has_css_class (thresholds, "error"));
  gtk_window_destroy (GTK_WINDOW (prefs));
}

/* Readable at 1366×768: the window fits and the page renders; the PNG is
 * kept for a person to look at. */
static void
test_page_at_1366 (void)
{
  McDocumentSettingsPage *page;
  McPreferencesWindow *prefs = open_page (&page);
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *png = mc_test_tmp_path ("van-ban-va-bao-cao.png");

  for (int i = 0; i < 5; i++)
    mc_test_ui_wait_for_idle ();
  texture = mc_test_ui_render (GTK_WIDGET (prefs));
  g_assert_nonnull (texture);
  g_assert_cmpint (gdk_texture_get_width (texture), <=, 1366);
  g_assert_cmpint (gdk_texture_get_height (texture), <=, 768);
  g_assert_true (gdk_texture_save_to_png (texture, png));
  g_test_message ("page rendered to %s", png);
  gtk_window_destroy (GTK_WINDOW (prefs));
}

/* Signed in as a specialist: every row is read-only, and an apply is refused. */
static void
test_read_only_for_others (void)
{
  McDb *db = mc_application_get_db (app);
  g_autoptr(McAccounts) accounts = mc_accounts_new (db);
  g_autoptr(GError) error = NULL;
  g_autoptr(McStaff) admin = NULL, cv = NULL;
  McDocumentSettingsPage *page;
  McPreferencesWindow *prefs;
  g_autofree char *signer = NULL;

  g_assert_true (mc_accounts_create_first_admin (accounts, "admin", "Quản trị", "quantri2026", &error));
  g_assert_no_error (error);
  admin = mc_accounts_sign_in (accounts, "admin", "quantri2026", &error);
  g_assert_no_error (error);
  g_assert_true (mc_accounts_create (accounts, "cv.an", "Lê An", NULL, "VP", MC_ROLE_SPECIALIST, "chuyenvien2026",
                                     &error));
  g_assert_no_error (error);
  g_assert_true (mc_accounts_set_must_change (accounts, "cv.an", FALSE, &error));
  cv = mc_accounts_sign_in (accounts, "cv.an", "chuyenvien2026", &error);
  g_assert_no_error (error);
  prefs = open_page (&page);
  g_assert_false (gtk_widget_get_sensitive (mc_document_settings_page_get_row (page, "report.signer")));
  g_assert_false (mc_document_settings_page_apply (page, "report.signer", "Kẻ Lạ"));
  g_assert_cmpstr ((signer = stored ("report.signer")), ==, "Nguyễn Thị Nga");
  gtk_window_destroy (GTK_WINDOW (prefs));
}

int
main (int argc, char **argv)
{
  mc_test_ui_init (&argc, &argv);
  mc_test_use_vietnamese ();
  app = mc_test_ui_app_new ("vn.motcua.Motcua.SettingsTest", "settings.sqlite");
  g_test_add_func ("/ui/settings/rows-save", test_rows_save);
  g_test_add_func ("/ui/settings/refused-changes-nothing", test_refused_changes_nothing);
  g_test_add_func ("/ui/settings/page-at-1366", test_page_at_1366);
  g_test_add_func ("/ui/settings/read-only-for-others", test_read_only_for_others);
  return g_test_run ();
}
