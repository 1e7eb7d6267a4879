/* test-ui-changes.c — pages follow the database's changes: a procedure saved in the catalog reaches the
 * reception counter, a result made ready reaches the return desk, from this window or another process
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "mc-catalog.h"
#include "mc-catalog-page.h"
#include "mc-inbox-page.h"
#include "mc-reception-page.h"
#include "mc-return-page.h"
#include "mc-test-ui-utils.h"
#include "mc-test-utils.h"
#include "mc-window.h"

static McApplication *app;
static McWindow *window;

static GtkWidget *
page (const char *name)
{
  return mc_window_get_page_widget (window, name);
}

/* Whether the counter's list of matches offers the procedure `code`. */
static gboolean
offers (GtkWidget *root, const char *code)
{
  if (ADW_IS_ACTION_ROW (root) && g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (root)), code) == 0)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    if (offers (c, code))
      return TRUE;
  return FALSE;
}

static gboolean
reception_offers (const char *words, const char *code)
{
  GtkWidget *reception = page ("reception");
  GtkEditable *search = GTK_EDITABLE (mc_test_ui_find_type (reception, GTK_TYPE_SEARCH_ENTRY, 0));

  /* Typed once: typing again at each turn of the loop would keep the main
   * loop busy above the priority of the page's reload. */
  if (g_strcmp0 (gtk_editable_get_text (search), words) != 0)
    gtk_editable_set_text (search, words);
  return offers (reception, code);
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until `done` says so or `seconds` passed; the time it took, in ms, or -1. */
static double
wait_until (gboolean (*done) (gconstpointer), gconstpointer data, guint seconds)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (seconds, timeout_cb, &timed_out);
  gint64 start = g_get_monotonic_time ();

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    return -1;
  g_source_remove (timeout);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static McProcedure *
new_procedure (McCatalog *catalog, const char *code, const char *name)
{
  g_autoptr(McProcedure) model = mc_catalog_find_procedure (catalog, "1.001193", NULL);
  McProcedure *p = mc_procedure_copy (model);

  mc_procedure_set_id (p, 0);  /* a new procedure, not the model renamed */
  mc_procedure_set_code (p, code);
  mc_procedure_set_name (p, name);
  return p;
}

static gboolean
offers_code (gconstpointer code)
{
  g_autofree char *only_code = g_strndup (code, 8);  /* "9.99900N Thủ tục …": the code, then the words */

  return reception_offers ((const char *) code + 9, only_code);
}

/* Saved through the window's own catalog (as the Danh mục page does): the
 * counter offers it without a restart, though it loaded its list before. */
static void
test_reception_same_app (void)
{
  static const char code_and_name[] = "9.999001 Cấp giấy phép nuôi chim yến";
  g_autoptr(GError) error = NULL;
  g_autoptr(McProcedure) p = new_procedure (mc_application_get_catalog (app), "9.999001",
                                            "Cấp giấy phép nuôi chim yến");
  double ms;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "reception");
  g_assert_false (reception_offers ("nuôi chim yến", "9.999001"));
  g_assert_true (mc_catalog_save_procedure (mc_application_get_catalog (app), p, &error));
  g_assert_no_error (error);
  ms = wait_until ((gpointer) offers_code, code_and_name, 2);
  g_assert_cmpfloat (ms, >=, 0);
  g_test_message ("offered after %.0f ms", ms);
}

/* Run as a subprocess: the catalog edited by another program (a second
 * Motcua, the CLI's catalog import). */
static void
test_other_process_child (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) db = mc_db_new (g_getenv ("MC_UI_CHANGES_DB"), NULL, &error);
  g_autoptr(McCatalog) catalog = NULL;
  const char *what = g_getenv ("MC_UI_CHANGES_WHAT");

  g_assert_no_error (error);
  catalog = mc_catalog_new (db);
  if (g_strcmp0 (what, "procedure") == 0)
    {
      g_autoptr(McProcedure) p = new_procedure (catalog, "9.999002", "Cấp giấy phép khai thác cát");
      g_assert_true (mc_catalog_save_procedure (catalog, p, &error));
    }
  else if (g_strcmp0 (what, "catalog") == 0)
    {
      g_autoptr(McProcedure) p = new_procedure (catalog, "9.999003", "Cấp giấy phép khai thác đá ong");
      g_assert_true (mc_catalog_save_procedure (catalog, p, &error));
    }
  else
    {
      /* The clock's seconds from here: strftime is SQLite's alone. */
      g_autofree char *sql = g_strdup_printf ("UPDATE dossier SET state = 'result_ready', "
                                              "finished_at = %" G_GINT64_FORMAT " WHERE code = '%s'",
                                              g_get_real_time () / G_USEC_PER_SEC, what);
      g_assert_true (mc_db_exec (db, sql, &error));
    }
  g_assert_no_error (error);
}

static void
run_child (const char *what)
{
  g_setenv ("MC_UI_CHANGES_DB", mc_db_get_path (mc_application_get_db (app)), TRUE);
  g_setenv ("MC_UI_CHANGES_WHAT", what, TRUE);
  g_test_trap_subprocess ("/ui/changes/subprocess/child", 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_reception_other_process (void)
{
  double ms;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "reception");
  g_assert_false (reception_offers ("khai thác cát", "9.999002"));
  run_child ("procedure");
  ms = wait_until ((gpointer) offers_code, "9.999002 Cấp giấy phép khai thác cát", 3);
  g_assert_cmpfloat (ms, >=, 0);
  g_test_message ("offered after %.0f ms", ms);
}

/* Whether a label under `root` reads `text` (a row of a column view). */
static gboolean
shows_label (GtkWidget *root, const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    if (shows_label (c, text))
      return TRUE;
  return FALSE;
}

static gboolean
catalog_shows (gconstpointer name)
{
  McCatalogPage *catalog = MC_CATALOG_PAGE (page ("catalog"));
  g_autoptr(McProcedure) first = NULL;

  if (mc_catalog_page_get_n_shown (catalog) != 1)
    return FALSE;
  first = mc_catalog_page_get_shown (catalog, 0);
  return g_strcmp0 (mc_procedure_get_name (first), name) == 0 && shows_label (page ("catalog"), name);
}

/* Danh mục thủ tục, shown, while another process adds a procedure: the
 * row appears (bound to core's catalog model, which follows the change)
 * without a restart or a switch of pages. */
static void
test_catalog_other_process (void)
{
  McCatalogPage *catalog;
  double ms;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "catalog");
  catalog = MC_CATALOG_PAGE (page ("catalog"));
  mc_catalog_page_set_search (catalog, "khai thác đá ong");
  mc_test_ui_wait_for_idle ();
  g_assert_cmpuint (mc_catalog_page_get_n_shown (catalog), ==, 0);
  run_child ("catalog");
  ms = wait_until (catalog_shows, "Cấp giấy phép khai thác đá ong", 3);
  g_assert_cmpfloat (ms, >=, 0);
  g_test_message ("shown after %.0f ms", ms);
  mc_catalog_page_set_search (catalog, "");
}

static guint expected_waiting;

static gboolean
return_page_waits (gconstpointer data)
{
  return mc_return_page_get_n_waiting (MC_RETURN_PAGE (page ("return"))) == expected_waiting &&
         mc_return_page_get_n_shown (MC_RETURN_PAGE (page ("return"))) == expected_waiting;
}

/* A result made ready on another computer shows on the return desk while
 * it is shown, with no timer and no switch of pages (its 60-second timer
 * is gone: the wait is 3 s). */
static void
test_return_page_other_process (void)
{
  g_autofree char *code = mc_test_ui_receive (window, "Lê Thị Trả", "038190000123", "0912000123");
  McReturnPage *desk;
  double ms;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "return");
  desk = MC_RETURN_PAGE (page ("return"));
  mc_test_ui_wait_for_idle ();
  expected_waiting = mc_return_page_get_n_waiting (desk) + 1;
  run_child (code);
  ms = wait_until (return_page_waits, NULL, 3);
  g_assert_cmpfloat (ms, >=, 0);
  g_test_message ("shown after %.0f ms", ms);
  g_assert_cmpstr (mc_dossier_get_code (mc_return_page_get_shown (desk, expected_waiting - 1)), ==, code);
}

/* The label showing `text` under `root`, or NULL. */
static GtkWidget *
find_label (GtkWidget *root, const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label (c, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
inbox_shows (gconstpointer text)
{
  return find_label (page ("inbox"), text) != NULL;
}

static void
count_items_changed_cb (GListModel *model, guint position, guint removed, guint added, guint *n)
{
  (*n)++;
}

/* A dossier in the inbox corrected elsewhere (here an applicant's name,
 * written as another page would): its row shows the new words in the same
 * label, the list is not read into new rows (no items-changed at all), and
 * the selected row stays selected. */
static void
test_inbox_row_follows (void)
{
  g_autofree char *code = mc_test_ui_receive (window, "Hoàng Văn Cũ", "038190000456", "0912000456");
  McInboxPage *inbox;
  GtkColumnView *view;
  GListModel *rows;
  g_autoptr(GtkWidget) name_label = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  guint n_changed = 0;
  double ms;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "inbox");
  inbox = MC_INBOX_PAGE (page ("inbox"));
  mc_inbox_page_set_filter (inbox, 0, FALSE);
  g_assert_true (mc_inbox_page_select (inbox, code));
  g_assert_cmpfloat (wait_until (inbox_shows, "Hoàng Văn Cũ", 3), >=, 0);
  name_label = g_object_ref (find_label (page ("inbox"), "Hoàng Văn Cũ"));
  view = GTK_COLUMN_VIEW (mc_test_ui_find_type (page ("inbox"), GTK_TYPE_COLUMN_VIEW, 0));
  rows = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_signal_connect (rows, "items-changed", G_CALLBACK (count_items_changed_cb), &n_changed);

  sql = g_strdup_printf ("UPDATE dossier SET applicant_name = 'Hoàng Văn Mới' WHERE code = '%s'", code);
  g_assert_true (mc_db_exec (mc_application_get_db (app), sql, &error));
  g_assert_no_error (error);
  ms = wait_until (inbox_shows, "Hoàng Văn Mới", 3);
  g_assert_cmpfloat (ms, >=, 0);
  g_test_message ("row updated after %.0f ms", ms);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (name_label)), ==, "Hoàng Văn Mới");
  g_assert_cmpuint (n_changed, ==, 0);
  g_assert_cmpstr (mc_dossier_get_code (gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (rows))), ==,
                   code);
  g_signal_handlers_disconnect_by_func (rows, count_items_changed_cb, &n_changed);
}

int
main (int argc, char **argv)
{
  int status;

  mc_test_ui_init (&argc, &argv);
  if (g_test_subprocess ())
    {
      g_test_add_func ("/ui/changes/subprocess/child", test_other_process_child);
      return g_test_run ();
    }
  app = mc_test_ui_app_new ("vn.motcua.TestChanges", "changes.sqlite");
  window = mc_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  mc_test_ui_wait_for_idle ();
  g_test_add_func ("/ui/changes/reception-same-app", test_reception_same_app);
  g_test_add_func ("/ui/changes/reception-other-process", test_reception_other_process);
  g_test_add_func ("/ui/changes/return-other-process", test_return_page_other_process);
  g_test_add_func ("/ui/changes/catalog-other-process", test_catalog_other_process);
  g_test_add_func ("/ui/changes/inbox-row-follows", test_inbox_row_follows);
  g_test_add_func ("/ui/changes/subprocess/child", test_other_process_child);
  status = g_test_run ();
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (app);
  return status;
}
