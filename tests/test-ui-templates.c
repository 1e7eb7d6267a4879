/* test-ui-templates.c — the preferences window, the document settings page,
 * the procedure editor and the action dialog built from their templates
 * (resources/ui/) with their construct properties: the bound children are
 * there and what was passed in is what the widget shows and gives back
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "mc-action-dialog.h"
#include "mc-application.h"
#include "mc-document-settings-page.h"
#include "mc-format.h"
#include "mc-preferences-window.h"
#include "mc-procedure-editor.h"
#include "mc-settings.h"
#include "mc-unit.h"
#include "mc-window.h"
#include "mc-test-ui-utils.h"
#include "mc-test-utils.h"

static McApplication *app;
static McWindow *window;

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

/* Which fields each kind shows, written out here apart from the dialog's
 * own table: reason, department and person, agency, result, due time, note. */
static const struct {
  McActionKind kind;
  gboolean     reason, department, unit, result, due, note;
} shown_fields[] = {
  { MC_ACTION_ACCEPT, FALSE, FALSE, FALSE, FALSE, FALSE, TRUE },
  { MC_ACTION_TRANSFER, FALSE, TRUE, FALSE, FALSE, FALSE, TRUE },
  { MC_ACTION_SEND_BACK, TRUE, FALSE, FALSE, FALSE, FALSE, FALSE },
  { MC_ACTION_SUPPLEMENT, TRUE, FALSE, FALSE, FALSE, FALSE, FALSE },
  { MC_ACTION_FINANCIAL, FALSE, FALSE, FALSE, FALSE, FALSE, TRUE },
  { MC_ACTION_RESUME, FALSE, FALSE, FALSE, FALSE, FALSE, TRUE },
  { MC_ACTION_SEND_EXTERNAL, FALSE, FALSE, TRUE, FALSE, TRUE, TRUE },
  { MC_ACTION_RECEIVE_EXTERNAL, FALSE, FALSE, FALSE, FALSE, FALSE, TRUE },
  { MC_ACTION_FINISH, FALSE, FALSE, FALSE, TRUE, FALSE, TRUE },
  { MC_ACTION_UNQUALIFIED, TRUE, FALSE, FALSE, FALSE, FALSE, FALSE },
  { MC_ACTION_WITHDRAW, FALSE, FALSE, FALSE, FALSE, FALSE, TRUE },
  { MC_ACTION_APOLOGY, TRUE, TRUE, FALSE, FALSE, TRUE, FALSE },
};

static gboolean
visible (McActionDialog *dialog, const char *id)
{
  return gtk_widget_get_visible (child (dialog, MC_TYPE_ACTION_DIALOG, id));
}

/* A dialog of each kind from the template with "kind", "dossier" and the
 * application: the properties read back, the heading and the button say
 * the kind, and exactly the kind's fields are shown. */
static void
check_dialogs (McDossier *dossier)
{
  for (guint i = 0; i < G_N_ELEMENTS (shown_fields); i++)
    {
      McActionDialog *dialog = g_object_new (MC_TYPE_ACTION_DIALOG, "kind", shown_fields[i].kind,
                                             "dossier", dossier, "application", app, NULL);
      g_autoptr(McDossier) back = NULL;
      guint kind = MC_N_ACTIONS;

      g_object_get (dialog, "kind", &kind, "dossier", &back, NULL);
      g_assert_cmpuint (kind, ==, shown_fields[i].kind);
      g_assert_true (back == dossier);
      g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                       mc_action_kind_to_label (kind));
      g_assert_cmpstr (adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (dialog), "apply"), ==,
                       mc_action_kind_to_label (kind));
      g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                                mc_dossier_get_code (dossier)));
      g_assert_true (visible (dialog, "reason_scroller") == shown_fields[i].reason);
      g_assert_true (visible (dialog, "reason_label") == shown_fields[i].reason);
      g_assert_true (visible (dialog, "department") == shown_fields[i].department);
      g_assert_true (visible (dialog, "person") == shown_fields[i].department);
      g_assert_true (visible (dialog, "unit") == shown_fields[i].unit);
      g_assert_true (visible (dialog, "days") == shown_fields[i].unit);
      g_assert_true (visible (dialog, "result_number") == shown_fields[i].result);
      g_assert_true (visible (dialog, "result_description") == shown_fields[i].result);
      g_assert_true (visible (dialog, "due") == shown_fields[i].due);
      g_assert_true (visible (dialog, "note") == shown_fields[i].note);
      g_assert_true (visible (dialog, "note_label") == shown_fields[i].note);
      g_assert_true (visible (dialog, "supplement_hint") == (kind == MC_ACTION_SUPPLEMENT));
      g_assert_true (visible (dialog, "hint"));
      g_assert_nonnull (g_list_find (gtk_application_get_windows (GTK_APPLICATION (app)), dialog));
      g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
      gtk_window_destroy (GTK_WINDOW (dialog));
      mc_test_ui_wait_for_idle ();
      g_assert_null (dialog);
    }
}

/* What the dialogs are offered for is core's answer, kind for kind:
 * mc_action_kinds_allowed is mc_dossier_allowed_actions mapped, for each
 * person, on a dossier just received and on a late result. */
static guint
check_allowed (const char *code)
{
  const char *people[] = { "tn.an", "cv.binh", "tp.vinh" };
  McWorkflow *wf = mc_application_get_workflow (app);
  guint offered = 0;

  for (guint p = 0; p < G_N_ELEMENTS (people); p++)
    {
      McTransitionSet transitions = mc_dossier_allowed_actions (wf, code, people[p]);
      guint kinds;

      mc_application_set_username (app, people[p]);
      kinds = mc_action_kinds_allowed (app, code);
      for (McActionKind k = 0; k < MC_N_ACTIONS; k++)
        g_assert_true (((kinds >> k) & 1) == ((transitions >> mc_action_kind_to_transition (k)) & 1));
      offered |= kinds;
    }
  return offered;
}

static void
test_action_dialog (void)
{
  McDb *db = mc_application_get_db (app);
  McWorkflow *wf = mc_application_get_workflow (app);
  McAction action = { 0, NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL, *late = NULL, *set_due = NULL;
  g_autoptr(McWorkItem) item = NULL;
  g_autoptr(McDossier) dossier = NULL;

  g_assert_true (mc_db_exec (db, "INSERT INTO staff (username, full_name, department_id, roles, created_at) "
                                 "SELECT 'tn.an', 'Lê Thị An', id, 'tiep_nhan', 0 FROM department WHERE code = 'TTPV';"
                                 "INSERT INTO staff (username, full_name, department_id, roles, created_at) "
                                 "SELECT 'cv.binh', 'Đỗ Văn Bình', id, 'chuyen_vien', 0 FROM department WHERE code = 'VP';"
                                 "INSERT INTO staff (username, full_name, department_id, roles, created_at) "
                                 "SELECT 'tp.vinh', 'Đặng Quốc Vinh', id, 'lanh_dao_phong', 0 FROM department "
                                 "WHERE code = 'VP'", &error));
  g_assert_no_error (error);
  mc_application_set_username (app, "tn.an");
  code = mc_test_ui_receive (window, "Tô Thị Hạnh", "001194000901", "0912345674");
  item = mc_workflow_get_item (wf, code, 0, &error);
  g_assert_no_error (error);
  dossier = mc_work_item_to_dossier (item);
  g_assert_true ((check_allowed (code) >> MC_ACTION_TRANSFER) & 1);
  check_dialogs (dossier);

  /* A late result: the apology is offered (to the head of the office). */
  mc_application_set_username (app, "tn.an");
  late = mc_test_ui_receive (window, "Lê Văn Bình", "001194000902", "0912345675");
  g_assert_true (mc_workflow_transfer (wf, late, &action, NULL, NULL, &error));
  set_due = g_strdup_printf ("UPDATE dossier SET due_at = received_at - 60 WHERE code = '%s'", late);
  g_assert_true (mc_db_exec (db, set_due, &error));
  g_assert_true (mc_workflow_finish (wf, late, &action, "31/QĐ-UBND", NULL, &error));
  g_assert_no_error (error);
  g_assert_true ((check_allowed (late) >> MC_ACTION_APOLOGY) & 1);
  mc_application_set_username (app, NULL);
}

int
main (int argc, char **argv)
{
  int status;

  mc_test_ui_init (&argc, &argv);
  app = mc_test_ui_app_new (NULL, "templates.sqlite");
  window = mc_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  g_test_add_func ("/ui/templates/document-settings-page", test_document_settings_page);
  g_test_add_func ("/ui/templates/document-settings-toast", test_document_settings_toast);
  g_test_add_func ("/ui/templates/preferences-window", test_preferences_window);
  g_test_add_func ("/ui/templates/procedure-editor", test_procedure_editor);
  g_test_add_func ("/ui/templates/action-dialog", test_action_dialog);
  status = g_test_run ();
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (app);
  return status;
}
