/* test-ui-templates.c — the preferences window, the document settings page,
 * the procedure editor and the action dialog built from their templates
 * (resources/ui/) with their construct properties: the bound children are
 * there and what was passed in is what the widget shows and gives back
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-application.h"
#include "mc-document-settings-page.h"
#include "mc-preferences-window.h"
#include "mc-settings.h"
#include "mc-test-ui-utils.h"
#include "mc-test-utils.h"

static McApplication *app;

/* Every key of the document groups has its row, titled with its label, and
 * the page's own words come from the template, translated. */
static void
test_document_settings_page (void)
{
  McDocumentSettingsPage *page = g_object_ref_sink (g_object_new (MC_TYPE_DOCUMENT_SETTINGS_PAGE,
                                                                  "application", app, NULL));
  McApplication *owner = NULL;
  const McSettingInfo *all;
  guint n, rows = 0;

  g_object_get (page, "application", &owner, NULL);
  g_assert_true (owner == app);
  g_object_unref (owner);
  g_assert_cmpstr (adw_preferences_page_get_title (ADW_PREFERENCES_PAGE (page)), ==, _("Documents and reports"));
  g_assert_cmpstr (adw_preferences_page_get_icon_name (ADW_PREFERENCES_PAGE (page)), ==,
                   "x-office-document-symbolic");
  all = mc_settings_all (&n);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = mc_document_settings_page_get_row (page, all[i].key);

      if (all[i].group > MC_SETTING_GROUP_LAST_DOCUMENT)
        {
          g_assert_null (row);
          continue;
        }
      g_assert_nonnull (row);
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, _(all[i].label));
      g_assert_true (gtk_widget_is_ancestor (row, GTK_WIDGET (page)));
      rows++;
    }
  g_assert_cmpuint (rows, >, 10);
  g_assert_finalize_object (page);
}

/* A refused value is told in a toast by the window holding the page, through
 * win.toast: the page does not look its window up. */
static void
test_document_settings_toast (void)
{
  McPreferencesWindow *prefs = mc_preferences_window_new (app);
  McDocumentSettingsPage *page = MC_DOCUMENT_SETTINGS_PAGE (mc_test_ui_find_type (GTK_WIDGET (prefs),
                                                                                  MC_TYPE_DOCUMENT_SETTINGS_PAGE, 0));

  g_assert_nonnull (page);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "win.toast", "s", "…"));
  g_assert_false (mc_document_settings_page_apply (page, "report.narrative_subject", ""));
  g_assert_true (gtk_widget_has_css_class (mc_document_settings_page_get_row (page, "report.narrative_subject"),
                                           "error"));
  gtk_window_destroy (GTK_WINDOW (prefs));
}

int
main (int argc, char **argv)
{
  int status;

  mc_test_ui_init (&argc, &argv);
  app = mc_test_ui_app_new (NULL, "templates.sqlite");
  g_test_add_func ("/ui/templates/document-settings-page", test_document_settings_page);
  g_test_add_func ("/ui/templates/document-settings-toast", test_document_settings_toast);
  status = g_test_run ();
  g_object_unref (app);
  return status;
}
