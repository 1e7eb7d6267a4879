/* test-export-file.c — an export that fails half-way leaves no file and keeps the previous one
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include "mc-catalog.h"
#include "mc-output-file.h"
#include "mc-test-utils.h"
#include "mc-xlsx-catalog.h"

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

/* The catalog as XLSX, with the file size limit standing in for a full
 * disk: libxlsxwriter fails in workbook_close (a truncated reg.xlsx was
 * once left under its final name); nothing is left, the old file stays. */
static void
test_failed_xlsx (void)
{
  g_autoptr(McDb) db = mc_test_db_new ();
  g_autoptr(McCatalog) catalog = mc_catalog_new (db);
  g_autofree char *dir = mc_test_tmp_path ("xlsx");
  g_autofree char *fresh = g_build_filename (dir, "catalog.xlsx", NULL);
  g_autofree char *kept = g_build_filename (dir, "kept.xlsx", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  void (*old_handler) (int) = signal (SIGXFSZ, SIG_IGN);
  struct rlimit saved, small;
  gboolean ok_fresh, ok_kept;

  g_assert_true (mc_catalog_install_builtin (catalog, NULL, &error));
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (kept, "previous", -1, NULL));
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  small = saved;
  small.rlim_cur = 4096;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
  ok_fresh = mc_xlsx_catalog_write (catalog, fresh, &error);
  g_clear_error (&error);
  ok_kept = mc_xlsx_catalog_write (catalog, kept, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, old_handler);
  g_assert_nonnull (error);
  g_assert_false (ok_fresh);
  g_assert_false (ok_kept);
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (kept, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, "previous");
  g_assert_cmpuint (count_files (dir), ==, 1);
  /* Without the limit the same export is written, private. */
  g_clear_error (&error);
  g_assert_true (mc_xlsx_catalog_write (catalog, fresh, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (dir), ==, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/export-file/failed-xlsx", test_failed_xlsx);
  return g_test_run ();
}
