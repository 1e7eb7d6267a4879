/* test-ui-dialog-templates.c — the dossier window built from its template
 * with nothing but their construct properties
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "mc-action-dialog.h"
#include "mc-dossier-state.h"
#include "mc-dossier-window.h"
#include "mc-test-ui-utils.h"
#include "mc-test-utils.h"
#include "mc-window.h"

static McApplication *app;
static char *paused_code;    /* received, paused for fees, resumed, finished, returned */
static char *open_code;      /* received only */

static GtkWidget *
child (gpointer widget, GType type, const char *name)
{
  GObject *found = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (found);
  g_assert_true (GTK_IS_WIDGET (found));
  return GTK_WIDGET (found);
}

/* The titles of the action rows of a preferences group, in order. */
static GPtrArray *
row_titles (GtkWidget *group)
{
  GPtrArray *titles = g_ptr_array_new ();

  for (guint skip = 0;; skip++)
    {
      GtkWidget *row = mc_test_ui_find_type (group, ADW_TYPE_ACTION_ROW, skip);

      if (row == NULL)
        return titles;
      g_ptr_array_add (titles, (gpointer) adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
    }
}

static McDossier *
find_dossier (McDossierStore *store, const char *code)
{
  g_autoptr(GError) error = NULL;
  McDossier *dossier = mc_dossier_store_find (store, code, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dossier);
  return dossier;
}

/* The timeline says each event in the state machine's words
 * (mc_event_kind_get_label), in the store's order: no "[pause_financial]". */
static void
assert_timeline (McDossierWindow *window, McDossierStore *store, McDossier *dossier)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = mc_dossier_store_list_events (store, mc_dossier_get_data (dossier)->id, &error);
  g_autoptr(GPtrArray) titles = row_titles (child (window, MC_TYPE_DOSSIER_WINDOW, "timeline_group"));

  g_assert_no_error (error);
  g_assert_cmpuint (titles->len, ==, events->len);
  for (guint i = 0; i < events->len; i++)
    {
      McDossierEvent *e = events->pdata[i];
      McEventKind kind;

      g_assert_true (mc_event_kind_from_string (e->kind, &kind));
      g_assert_cmpstr (titles->pdata[i], ==, mc_event_kind_get_label (kind));
      g_assert_null (strchr (titles->pdata[i], '['));
    }
}

static void
test_dossier_window (void)
{
  g_autoptr(McDossierStore) store = mc_dossier_store_new (mc_application_get_db (app),
                                                          mc_application_get_calendar (app));
  g_autoptr(McDossier) paused = find_dossier (store, paused_code);
  g_autoptr(McDossier) open = find_dossier (store, open_code);
  McDossierWindow *window = g_object_new (MC_TYPE_DOSSIER_WINDOW, "application", app, "store", store,
                                          "dossier", paused, NULL);
  g_autoptr(McDossier) shown = NULL;
  g_autoptr(GPtrArray) titles = NULL;
  McEventKind kind;

  g_object_get (window, "dossier", &shown, NULL);
  g_assert_true (shown == paused);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, paused_code);
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (child (window, MC_TYPE_DOSSIER_WINDOW,
                                                                                   "data_group"))), ==, paused_code);
  assert_timeline (window, store, paused);
  titles = row_titles (child (window, MC_TYPE_DOSSIER_WINDOW, "timeline_group"));
  g_assert_true (mc_event_kind_from_string ("pause_financial", &kind));
  g_assert_true (g_ptr_array_find_with_equal_func (titles, mc_event_kind_get_label (kind), g_str_equal, NULL));
  /* The control sheet's button names the form of the date received. */
  g_assert_nonnull (strstr (gtk_button_get_label (GTK_BUTTON (child (window, MC_TYPE_DOSSIER_WINDOW,
                                                                     "control_button"))), "Mẫu 0"));
  g_assert_false (gtk_widget_get_visible (child (window, MC_TYPE_DOSSIER_WINDOW, "apology_button")));
  g_assert_false (gtk_widget_get_visible (child (window, MC_TYPE_DOSSIER_WINDOW, "stop_button")));

  /* Another dossier through the property: everything follows, the rows of
   * the first are gone. */
  g_object_set (window, "dossier", open, NULL);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, open_code);
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (child (window, MC_TYPE_DOSSIER_WINDOW,
                                                                                   "data_group"))), ==, open_code);
  assert_timeline (window, store, open);
  g_assert_true (mc_dossier_window_get_dossier (window) == open);
  /* The Actions menu holds what core allows the person signed in, and
   * shows only when that is something. */
  {
    guint allowed = mc_action_kinds_allowed (app, open_code);
    GtkMenuButton *actions = GTK_MENU_BUTTON (child (window, MC_TYPE_DOSSIER_WINDOW, "actions_button"));

    g_assert_cmpint (gtk_widget_get_visible (GTK_WIDGET (actions)), ==, allowed != 0);
    g_assert_cmpint (g_menu_model_get_n_items (gtk_menu_button_get_menu_model (actions)), ==,
                     __builtin_popcount (allowed));
  }
  gtk_window_destroy (GTK_WINDOW (window));
  mc_test_ui_wait_for_idle ();
}

/* Dossiers made the way the counter and the departments make them. */
static void
make_dossiers (void)
{
  McWindow *window = mc_window_new (app);
  McWorkflow *workflow = mc_application_get_workflow (app);
  McAction a = { 0, NULL, "Chờ nộp lệ phí trước bạ" };
  g_autoptr(GError) error = NULL;

  gtk_window_present (GTK_WINDOW (window));
  mc_test_ui_wait_for_idle ();
  paused_code = mc_test_ui_receive (window, "Lê Văn Cường", "001089000777", "0912345678");
  open_code = mc_test_ui_receive (window, "Phạm Thị Dung", "001190000888", "0912345678");
  g_assert_true (mc_workflow_pause (workflow, paused_code, &a, MC_PAUSE_FINANCIAL, &error));
  a.note = NULL;
  g_assert_true (mc_workflow_resume (workflow, paused_code, &a, &error));
  g_assert_true (mc_workflow_finish (workflow, paused_code, &a, "15/QĐ", NULL, &error));
  g_assert_true (mc_workflow_return (workflow, paused_code, &a, "Lê Văn Cường", "001089000777", NULL,
                                     MC_CHANNEL_TRUC_TIEP, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (window));
  mc_test_ui_wait_for_idle ();
}

int
main (int argc, char **argv)
{
  int status;

  mc_test_ui_init (&argc, &argv);
  app = mc_test_ui_app_new ("vn.motcua.TestDialogTemplates", "dialog-templates.sqlite");
  make_dossiers ();
  g_test_add_func ("/ui/dialog-templates/dossier-window", test_dossier_window);
  status = g_test_run ();
  g_free (paused_code);
  g_free (open_code);
  g_object_unref (app);
  return status;
}
