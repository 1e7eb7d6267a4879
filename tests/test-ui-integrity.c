/* test-ui-integrity.c — damage found while the application runs stops every write
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <adwaita.h>

#include "mc-application.h"
#include "mc-backup.h"
#include "mc-backup-guard.h"
#include "mc-reception-page.h"
#include "mc-test-ui-utils.h"
#include "mc-test-utils.h"
#include "mc-window.h"

static McApplication *app;
static McWindow *window;

/* Garbage over the first page of one of the dossier table's indexes, on
 * disk, behind the application's back (as a failing disk would). */
static void
damage_dossier_index (McDb *db)
{
  gint64 root = mc_db_query_int (db, "SELECT rootpage FROM sqlite_schema WHERE type = 'index' "
                                     "AND tbl_name = 'dossier' AND sql IS NOT NULL ORDER BY rootpage DESC LIMIT 1",
                                 NULL);
  gint64 page_size = mc_db_query_int (db, "PRAGMA page_size", NULL);
  FILE *f;

  g_assert_cmpint (root, >, 1);
  g_assert_true (mc_db_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL));
  f = fopen (mc_db_get_path (db), "r+b");
  g_assert_nonnull (f);
  fseek (f, (root - 1) * page_size, SEEK_SET);
  fwrite ("\xff\xff\xff\xff\xff\xff\xff\xff garbage garbage", 1, 24, f);
  fclose (f);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (item) && gtk_widget_get_visible (GTK_WIDGET (item)))
        return ADW_MESSAGE_DIALOG (item);
    }
  return NULL;
}

static void
test_check_pages_stops_writes (void)
{
  McDb *db = mc_application_get_db (app);
  McReceptionPage *page = MC_RECEPTION_PAGE (mc_window_get_page_widget (window, "reception"));
  g_autofree char *first = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *second = NULL;
  AdwMessageDialog *dialog;
  gint64 dossiers, deadline;

  if (mc_test_sqlite_only ("garbage written over a page of the database file; a server checks its own pages"))
    return;
  first = mc_test_ui_receive (window, "Nguyễn Văn An", "001090000001", "0912345678");

  g_assert_nonnull (first);
  dossiers = mc_db_query_int (db, "SELECT count(*) FROM dossier", NULL);
  g_assert_null (mc_db_get_damage (db));
  damage_dossier_index (db);

  /* The check runs in a worker thread; the main loop goes on meanwhile. */
  mc_backup_guard_check_pages (app);
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (mc_db_get_damage (db) == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_nonnull (mc_db_get_damage (db));
  g_assert_nonnull (strstr (mc_db_get_damage (db), "dossier"));
  mc_test_ui_wait_for_idle ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Cơ sở dữ liệu bị hỏng");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Không thể lưu thêm"));

  /* The counter's next reception is refused, in Vietnamese, and nothing is written. */
  mc_reception_page_choose_procedure (page, "1.001193");
  mc_reception_page_set_applicant (page, "Trần Thị Bình", "001090000002", "0912345679");
  second = mc_reception_page_save (page, &error);
  g_assert_null (second);
  g_assert_error (error, MC_DB_ERROR, MC_DB_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "ngừng ghi"));
  g_clear_error (&error);
  /* So is a write that does not go through a transaction. */
  g_assert_false (mc_db_set_setting (db, "backup_keep", "3", &error));
  g_assert_error (error, MC_DB_ERROR, MC_DB_ERROR_DAMAGED);
  g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM dossier", NULL), ==, dossiers);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_error (&error);

  /* The next start reads every page, whatever the size, and so refuses the file. */
  {
    g_autofree char *dir = mc_backup_dir_for (mc_db_get_path (db));
    g_autofree char *mark = g_build_filename (dir, MC_BACKUP_DAMAGED_MARK, NULL);

    g_assert_true (g_file_test (mark, G_FILE_TEST_EXISTS));
    g_assert_false (mc_backup_check_at_start (mc_db_get_path (db), dir, FALSE, &error));
    g_assert_error (error, MC_BACKUP_ERROR, MC_BACKUP_ERROR_DAMAGED);
  }
}

int
main (int argc, char **argv)
{
  int status;

  mc_test_ui_init (&argc, &argv);
  mc_test_use_vietnamese ();
  app = mc_test_ui_app_new ("vn.motcua.Motcua.TestIntegrity", "integrity.sqlite");
  window = mc_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  g_test_add_func ("/ui/integrity/check-pages-stops-writes", test_check_pages_stops_writes);
  status = g_test_run ();
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (app);
  return status;
}
