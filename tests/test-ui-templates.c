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
#include "mc-format.h"
#include "mc-preferences-window.h"
#include "mc-procedure-editor.h"
#include "mc-settings.h"
#include "mc-unit.h"
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

static gint64
count (const char *sql)
{
  return mc_db_query_int (mc_application_get_db (app), sql, NULL);
}

static GtkWidget *
child (gpointer widget, GType type, const char *id)
{
  GtkWidget *found = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (widget), type, id));

  g_assert_nonnull (found);
  return found;
}

/* Tùy chỉnh from its template with its application: one of the
 * application's windows (signing out closes it), its four pages in order,
 * the stored values shown without being written back, and a switch the
 * person turns saved at once. */
static void
test_preferences_window (void)
{
  g_autoptr(McUnit) own = mc_unit_get_own (mc_application_get_db (app), NULL);
  gint64 settings_before = count ("SELECT count (*) FROM audit_log WHERE action LIKE 'setting.%'");
  McPreferencesWindow *prefs = g_object_new (MC_TYPE_PREFERENCES_WINDOW, "application", app, NULL);
  GtkWidget *culture = child (prefs, MC_TYPE_PREFERENCES_WINDOW, "culture");
  const char *titles[] = { _("Working hours"), _("Unit"), _("Documents and reports") };
  GtkApplication *owner = NULL;
  g_autofree char *stored = NULL;

  g_object_get (prefs, "application", &owner, NULL);
  g_assert_true (owner == GTK_APPLICATION (app));
  g_object_unref (owner);
  g_assert_nonnull (g_list_find (gtk_application_get_windows (GTK_APPLICATION (app)), prefs));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (prefs)), ==, _("Preferences"));
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    g_assert_cmpstr (adw_preferences_page_get_title (ADW_PREFERENCES_PAGE (
      mc_test_ui_find_type (GTK_WIDGET (prefs), ADW_TYPE_PREFERENCES_PAGE, i))), ==, titles[i]);
  g_assert_nonnull (mc_test_ui_find_type (GTK_WIDGET (prefs), ADW_TYPE_PREFERENCES_PAGE, 3));
  /* Seven weekday rows in the template's group "week". */
  g_assert_nonnull (mc_test_ui_find_type (child (prefs, MC_TYPE_PREFERENCES_WINDOW, "week"), GTK_TYPE_ENTRY, 6));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (prefs, MC_TYPE_PREFERENCES_WINDOW, "unit_name"))), ==,
                   own ? mc_unit_get_name (own) : "");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (child (prefs, MC_TYPE_PREFERENCES_WINDOW,
                                                                             "threshold"))), ==,
                   mc_workflow_get_apology_threshold (mc_application_get_workflow (app), NULL));
  child (prefs, MC_TYPE_PREFERENCES_WINDOW, "counter_name");
  child (prefs, MC_TYPE_PREFERENCES_WINDOW, "print_directly");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (culture)));
  g_assert_cmpint (count ("SELECT count (*) FROM audit_log WHERE action LIKE 'setting.%'"), ==, settings_before);
  gtk_switch_set_active (GTK_SWITCH (culture), FALSE);
  stored = mc_db_get_setting (mc_application_get_db (app), "calendar.compensate_culture_day", NULL, NULL);
  g_assert_cmpstr (stored, ==, "0");
  gtk_switch_set_active (GTK_SWITCH (culture), TRUE);
  g_object_add_weak_pointer (G_OBJECT (prefs), (gpointer *) &prefs);
  gtk_window_destroy (GTK_WINDOW (prefs));
  mc_test_ui_wait_for_idle ();
  g_assert_null (prefs);
}

static guint
n_rows (GtkWidget *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), n) != NULL)
    n++;
  return n;
}

/* The editor from its template with "procedure" and "application": it
 * shows the procedure passed in (a copy: reading "procedure" back gives the
 * copy), its documents and steps as rows, the legal time as a Vietnamese
 * decimal; without a procedure, an empty new one. */
static void
test_procedure_editor (void)
{
  const char *ids[] = { "code", "name", "field", "level", "competence", "basis", "reception", "mechanism",
                        "online", "days", "fee", "documents", "steps", "total", "error", "save", "cancel" };
  g_autoptr(McProcedure) p = mc_catalog_find_procedure (mc_application_get_catalog (app), "1.001193", NULL);
  McProcedureEditor *editor = g_object_new (MC_TYPE_PROCEDURE_EDITOR, "procedure", p, "application", app, NULL);
  g_autoptr(McProcedure) shown = NULL;
  g_autofree char *days = NULL;

  g_assert_nonnull (p);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    child (editor, MC_TYPE_PROCEDURE_EDITOR, ids[i]);
  g_object_get (editor, "procedure", &shown, NULL);
  g_assert_true (shown != p);
  g_assert_cmpstr (mc_procedure_get_code (shown), ==, "1.001193");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, mc_procedure_get_name (p));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (editor, MC_TYPE_PROCEDURE_EDITOR, "code"))), ==,
                   "1.001193");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (editor, MC_TYPE_PROCEDURE_EDITOR, "name"))), ==,
                   mc_procedure_get_name (p));
  g_assert_cmpuint (n_rows (child (editor, MC_TYPE_PROCEDURE_EDITOR, "documents")), ==,
                    mc_procedure_get_documents (p)->len);
  g_assert_cmpuint (n_rows (child (editor, MC_TYPE_PROCEDURE_EDITOR, "steps")), ==, mc_procedure_get_steps (p)->len);
  g_assert_cmpuint (mc_procedure_get_documents (p)->len, >, 0);
  /* "0,5", not an empty button (a numeric spin button refused the comma). */
  days = mc_format_decimal (mc_procedure_get_days (p), 3);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (editor, MC_TYPE_PROCEDURE_EDITOR, "days"))), ==, days);
  g_assert_nonnull (g_list_find (gtk_application_get_windows (GTK_APPLICATION (app)), editor));
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_window_destroy (GTK_WINDOW (editor));
  mc_test_ui_wait_for_idle ();
  g_assert_null (editor);

  editor = g_object_new (MC_TYPE_PROCEDURE_EDITOR, "application", app, NULL);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, _("New procedure"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (editor, MC_TYPE_PROCEDURE_EDITOR, "code"))), ==, "");
  g_assert_cmpuint (n_rows (child (editor, MC_TYPE_PROCEDURE_EDITOR, "steps")), ==, 0);
  gtk_widget_activate_action (child (editor, MC_TYPE_PROCEDURE_EDITOR, "steps"), "editor.close", NULL);
  mc_test_ui_wait_for_idle ();
}

int
main (int argc, char **argv)
{
  int status;

  mc_test_ui_init (&argc, &argv);
  app = mc_test_ui_app_new (NULL, "templates.sqlite");
  g_test_add_func ("/ui/templates/document-settings-page", test_document_settings_page);
  g_test_add_func ("/ui/templates/document-settings-toast", test_document_settings_toast);
  g_test_add_func ("/ui/templates/preferences-window", test_preferences_window);
  g_test_add_func ("/ui/templates/procedure-editor", test_procedure_editor);
  status = g_test_run ();
  g_object_unref (app);
  return status;
}
