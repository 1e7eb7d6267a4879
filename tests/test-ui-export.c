/* test-ui-export.c — long exports run in a worker thread: the window keeps
 * working, shows the progress, and Cancel leaves no file (issue 11 item 9)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "mc-apology-page.h"
#include "mc-backup.h"
#include "mc-dossier-register.h"
#include "mc-export-task.h"
#include "mc-output-file.h"
#include "mc-report-page.h"
#include "mc-test-ui-utils.h"
#include "mc-test-utils.h"

static McApplication *app;
static McWindow *window;

/* Thousands of rows: seconds of writing, long enough to watch. */
static McDossierRegisterData *
register_with (guint n)
{
  McDossierRegisterData *data =
    mc_dossier_register_data_new_empty (mc_test_time ("2026-01-01 00:00"), mc_test_time ("2027-01-01 00:00"));

  g_ptr_array_set_free_func (data->rows, (GDestroyNotify) mc_register_row_free);
  data->unit.unit_name = g_strdup ("Ủy ban nhân dân phường Phú Sơn");
  data->unit.office_name = g_strdup ("Trung tâm Phục vụ hành chính công");
  for (guint i = 0; i < n; i++)
    {
      McRegisterRow *row = g_new0 (McRegisterRow, 1);

      row->code = g_strdup_printf ("000.00.07.H56-260105-%04u", i + 1);
      row->procedure_name = g_strdup ("Chứng thực bản sao từ bản chính giấy tờ, văn bản");
      row->applicant_name = g_strdup_printf ("Phạm Thị Thu %u", i + 1);
      row->applicant_contact = g_strdup ("Thôn 3, phường Phú Sơn; 0912000111");
      row->handling_body = g_strdup ("Văn phòng HĐND và UBND");
      row->received_at = mc_test_time ("2026-01-05 08:00");
      g_ptr_array_add (data->rows, row);
    }
  return data;
}

static gboolean
write_register (gconstpointer data, const char *path, const McExportMonitor *monitor, GError **error)
{
  return mc_dossier_register_data_write_pdf_full (data, path, monitor, error);
}

/* What the main loop saw while the export ran. */
typedef struct {
  gboolean  done;
  GError   *error;
  guint     ticks;          /* a 20 ms timeout, counted only while the export runs */
  gint64    last_tick;
  gint64    longest_gap;    /* µs; printed, not asserted (no timing in tests) */
  double    max_fraction;
  gboolean  went_back;
  gboolean  dialog_seen;
  gboolean  cancel;         /* press Cancel once the bar has moved */
  GtkWindow *owner;         /* the window exporting (NULL: the main one) */
  gboolean  close;          /* close the owner once the export is under way */
} Watch;

static AdwMessageDialog *
find_progress_dialog (void)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        GTK_IS_PROGRESS_BAR (adw_message_dialog_get_extra_child (l->data)))
      return l->data;
  return NULL;
}

static gboolean
tick_cb (gpointer user_data)
{
  Watch *w = user_data;
  AdwMessageDialog *dialog = find_progress_dialog ();
  gint64 now = g_get_monotonic_time ();

  if (w->done)
    return G_SOURCE_REMOVE;
  w->ticks++;
  if (w->last_tick != 0)
    w->longest_gap = MAX (w->longest_gap, now - w->last_tick);
  if (w->last_tick != 0 && now - w->last_tick > 100000)
    g_test_message ("tick %u: %.0f ms since the last (dialog %s)", w->ticks, (now - w->last_tick) / 1000.0,
                    dialog ? "shown" : "not yet");
  w->last_tick = now;
  if (dialog != NULL)
    {
      double fraction = gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (adw_message_dialog_get_extra_child (dialog)));

      w->dialog_seen = TRUE;
      w->went_back |= fraction < w->max_fraction;
      w->max_fraction = MAX (w->max_fraction, fraction);
      if (w->cancel && fraction > 0)
        adw_message_dialog_response (dialog, "cancel");
    }
  return G_SOURCE_CONTINUE;
}

static void
done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Watch *w = user_data;

  g_assert_true (source == G_OBJECT (w->owner != NULL ? w->owner : GTK_WINDOW (window)));
  mc_export_task_finish (result, &w->error);
  w->done = TRUE;
}

static void
run_export (const char *path, Watch *w)
{
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  McDossierRegisterData *data = register_with (6000);

  /* The window's first frames are not the export's doing. */
  mc_test_ui_wait_for_idle ();
  g_timeout_add (20, tick_cb, w);
  mc_export_task_run (w->owner != NULL ? GTK_WIDGET (w->owner) : GTK_WIDGET (window), "Exporting", path,
                      write_register, data,
                      (GDestroyNotify) mc_dossier_register_data_free, done_cb, w);
  /* Returned at once: the pages are written in the worker meanwhile. */
  g_assert_false (w->done);
  /* Closed while the worker has thousands of rows to go, whatever the
   * machine's load does to the main loop's timers. */
  if (w->close)
    gtk_window_destroy (w->owner);
  while (!w->done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (w->done);
  mc_test_ui_wait_for_idle ();
  g_test_message ("%u ticks of the main loop during the export, longest gap %.0f ms", w->ticks,
                  w->longest_gap / 1000.0);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

/* The main loop goes on (timeouts fire, the progress bar moves forward)
 * while thousands of rows are written, and the file appears complete. */
static void
test_main_loop_runs (void)
{
  g_autofree char *path = mc_test_tmp_path ("runs/register.pdf");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *contents = NULL;
  gsize length = 0;
  Watch w = { 0, };

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  run_export (path, &w);
  g_assert_no_error (w.error);
  /* Dozens of main-loop turns where the synchronous export allowed none. */
  g_assert_cmpuint (w.ticks, >=, 10);
  g_assert_true (w.dialog_seen);
  g_assert_cmpfloat (w.max_fraction, >, 0.0);
  g_assert_false (w.went_back);
  /* Done: the dialog is gone, the file complete, nothing else left behind. */
  g_assert_null (find_progress_dialog ());
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (length > 1000 && memcmp (contents, "%PDF", 4) == 0);
  g_assert_nonnull (g_strrstr_len (contents + length - 32, 32, "%%EOF"));
  g_assert_cmpuint (count_files (dir), ==, 1);
}

/* Cancel in the dialog: the export stops, no file of that name appears and
 * no temporary file stays; the window is still usable. */
static void
test_cancel (void)
{
  g_autofree char *path = mc_test_tmp_path ("cancel/register.pdf");
  g_autofree char *dir = g_path_get_dirname (path);
  Watch w = { .cancel = TRUE };

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  run_export (path, &w);
  g_assert_error (w.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&w.error);
  g_assert_true (w.dialog_seen);
  g_assert_cmpfloat (w.max_fraction, <, 1.0);
  g_assert_null (find_progress_dialog ());
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (dir), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "apologies");
  mc_test_ui_wait_for_idle ();
  g_assert_cmpstr (mc_window_get_page (window), ==, "apologies");
}

/* Closing the window stops its export, which leaves no file behind. */
static void
test_window_closed (void)
{
  g_autofree char *path = mc_test_tmp_path ("closed/register.pdf");
  g_autofree char *dir = g_path_get_dirname (path);
  GtkWidget *other = gtk_window_new ();
  Watch w = { .owner = GTK_WINDOW (other), .close = TRUE };

  g_object_add_weak_pointer (G_OBJECT (other), (gpointer *) &w.owner);
  gtk_window_present (GTK_WINDOW (other));
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  run_export (path, &w);
  g_assert_error (w.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&w.error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (dir), ==, 0);
  g_assert_null (find_progress_dialog ());
}

/* Waits for a file the page's export renames into place at its end. */
static void
wait_for_file (const char *path)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!g_file_test (path, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (5000), TRUE);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  mc_test_ui_wait_for_idle ();
}

/* The pages' exports go through the worker: Sổ theo dõi hồ sơ from Sổ xin
 * lỗi (read on the worker's own connection) and a report from Báo cáo. */
static void
test_pages_export (void)
{
  McApologyPage *apologies = MC_APOLOGY_PAGE (mc_window_get_page_widget (window, "apologies"));
  McReportPage *reports = MC_REPORT_PAGE (mc_window_get_page_widget (window, "reports"));
  g_autofree char *pdf = mc_test_tmp_path ("pages/register.pdf");
  g_autofree char *xlsx = mc_test_tmp_path ("pages/register.xlsx");
  g_autofree char *csv = mc_test_tmp_path ("pages/report.csv");
  g_autofree char *report_pdf = mc_test_tmp_path ("pages/report.pdf");
  g_autofree char *dir = g_path_get_dirname (pdf);
  g_autofree char *head = NULL;
  gsize length = 0;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  mc_test_ui_receive (window, "Nguyễn Văn An", "001190000111", "0912345678");
  mc_apology_page_set_period (apologies, mc_test_date ("2026-11-01"), mc_test_date ("2026-11-30"));
  mc_apology_page_start_export_register (apologies, "pdf", pdf);
  wait_for_file (pdf);
  g_assert_true (g_file_get_contents (pdf, &head, &length, NULL));
  g_assert_true (length > 4 && memcmp (head, "%PDF", 4) == 0);
  g_clear_pointer (&head, g_free);
  mc_apology_page_start_export_register (apologies, "xlsx", xlsx);
  wait_for_file (xlsx);
  g_assert_true (g_file_get_contents (xlsx, &head, &length, NULL));
  g_assert_true (length > 4 && memcmp (head, "PK", 2) == 0);
  g_clear_pointer (&head, g_free);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "reports");
  mc_test_ui_wait_for_idle ();
  mc_report_page_start_export (reports, "csv", csv);
  wait_for_file (csv);
  g_assert_true (g_file_get_contents (csv, &head, &length, NULL));
  g_assert_cmpuint (length, >, 10);
  g_clear_pointer (&head, g_free);
  mc_report_page_start_export (reports, "pdf", report_pdf);
  wait_for_file (report_pdf);
  g_assert_true (g_file_get_contents (report_pdf, &head, &length, NULL));
  g_assert_true (length > 4 && memcmp (head, "%PDF", 4) == 0);
  g_assert_cmpuint (count_files (dir), ==, 4);
}

/* The GUI passes force (its file chooser asked before replacing a file), but
 * an export over the open database or its WAL is refused all the same,
 * before any worker starts: the database stays whole. An ordinary file is
 * replaced, private (0600). */
static void
test_over_database (void)
{
  McDb *db = mc_application_get_db (app);
  const char *db_path = mc_db_get_path (db);
  g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
  g_autofree char *existing = mc_test_tmp_path ("over/existing.pdf");
  g_autofree char *dir = g_path_get_dirname (existing);
  gint64 dossiers = mc_db_query_int (db, "SELECT count(*) FROM dossier", NULL);
  const char *targets[] = { db_path, wal };
  GStatBuf st;

  if (mc_test_sqlite_only ("a server's database has no file here to write over"))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      Watch w = { 0 };

      run_export (targets[i], &w);
      g_assert_error (w.error, MC_OUTPUT_FILE_ERROR, MC_OUTPUT_FILE_ERROR_PROTECTED);
      g_assert_false (w.dialog_seen);
      g_clear_error (&w.error);
    }
  g_assert_cmpint (mc_db_query_int (db, "SELECT count(*) FROM dossier", NULL), ==, dossiers);
  g_assert_cmpint (mc_backup_check_file (db_path, FALSE, NULL), >, 0);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (existing, "earlier", -1, NULL));
  {
    Watch w = { 0 };
    g_autofree char *head = NULL;

    run_export (existing, &w);
    g_assert_no_error (w.error);
    g_assert_true (g_file_get_contents (existing, &head, NULL, NULL));
    g_assert_true (g_str_has_prefix (head, "%PDF"));
  }
  g_assert_cmpint (g_stat (existing, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpuint (count_files (dir), ==, 1);
}

int
main (int argc, char **argv)
{
  int status;

  mc_test_ui_init (&argc, &argv);
  app = mc_test_ui_app_new ("vn.motcua.Motcua.ExportTest", "export.sqlite");
  window = mc_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  g_test_add_func ("/ui/export/main-loop-runs", test_main_loop_runs);
  g_test_add_func ("/ui/export/cancel", test_cancel);
  g_test_add_func ("/ui/export/window-closed", test_window_closed);
  g_test_add_func ("/ui/export/pages", test_pages_export);
  g_test_add_func ("/ui/export/over-database", test_over_database);
  status = g_test_run ();
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (app);
  return status;
}
