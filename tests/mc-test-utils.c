/* mc-test-utils.c — helpers shared by the test programs
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-test-utils.h"

char *
mc_test_tmp_path (const char *name)
{
  static char *dir = NULL;

  if (dir == NULL)
    dir = g_dir_make_tmp ("motcua-test-XXXXXX", NULL);
  return g_build_filename (dir, name, NULL);
}

McDb *
mc_test_db_new (void)
{
  static int counter = 0;
  g_autofree char *name = g_strdup_printf ("db-%d.sqlite", ++counter);
  g_autofree char *path = mc_test_tmp_path (name);
  g_autoptr(GError) error = NULL;
  McDb *db = mc_db_new (path, NULL, &error);

  g_assert_no_error (error);
  return db;
}

GPtrArray *
mc_test_fixture_rows (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  gboolean header = TRUE;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);
  for (int i = 0; lines[i]; i++)
    {
      g_strchomp (lines[i]);
      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      if (header)
        {
          header = FALSE;
          continue;
        }
      g_ptr_array_add (rows, g_strsplit (lines[i], "\t", -1));
    }
  return rows;
}

McTime
mc_test_time (const char *iso)
{
  McTime t = 0;

  g_assert_true (mc_time_parse_iso (iso, &t));
  return t;
}

McDate
mc_test_date (const char *iso)
{
  McDate d = 0;

  g_assert_true (mc_date_parse_iso (iso, &d));
  return d;
}
