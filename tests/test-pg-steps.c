/* test-pg-steps.c — every SQLite migration has its PostgreSQL step, same number
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * resources/sql/NNNN-*.sql (SQLite) and resources/sql/pg/NNNN-*.sql
 * (PostgreSQL) are the same numbered steps: a database at version N means
 * the same schema on both engines. A migration added for one engine only
 * fails here (HACKING.md, "Migrations on two engines").
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>

#include "mc-db.h"
#include "mc-pg-schema-private.h"

/* The numbers of the .sql files in a resource folder, sorted. */
static GArray *
step_numbers (const char *folder)
{
  g_auto(GStrv) names = g_resources_enumerate_children (folder, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  GArray *numbers = g_array_new (FALSE, FALSE, sizeof (int));

  g_assert_nonnull (names);
  for (guint i = 0; names[i]; i++)
    if (g_str_has_suffix (names[i], ".sql"))
      {
        int n = atoi (names[i]);

        g_assert_cmpint (n, >, 0);
        g_array_append_val (numbers, n);
      }
  return numbers;
}

static int
compare_int (gconstpointer a, gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

static void
test_same_numbers (void)
{
  g_autoptr(GArray) sqlite = NULL;
  g_autoptr(GArray) pg = NULL;

  /* McDb's class registers the resources. */
  g_type_class_unref (g_type_class_ref (MC_TYPE_DB));
  sqlite = step_numbers ("/vn/motcua/Motcua/sql/");
  pg = step_numbers ("/vn/motcua/Motcua/sql/pg/");
  g_array_sort (sqlite, compare_int);
  g_array_sort (pg, compare_int);
  g_assert_cmpuint (sqlite->len, ==, pg->len);
  for (guint i = 0; i < sqlite->len; i++)
    {
      g_assert_cmpint (g_array_index (sqlite, int, i), ==, (int) i + 1);
      g_assert_cmpint (g_array_index (pg, int, i), ==, (int) i + 1);
    }
  g_assert_cmpint (mc_pg_schema_get_latest_version (), ==, mc_db_get_latest_version ());
}

/* The step applied as version N is the file numbered N, with the same name
 * as the SQLite migration of that number (its meaning). */
static void
test_same_names (void)
{
  for (int v = 1; v <= mc_db_get_latest_version (); v++)
    {
      g_autofree char *pg = g_path_get_basename (mc_pg_schema_get_step (v));
      g_autofree char *sqlite_path = g_strdup_printf ("/vn/motcua/Motcua/sql/%s", pg);

      g_assert_cmpint (atoi (pg), ==, v);
      g_assert_true (g_resources_get_info (sqlite_path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL));
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pg-steps/same-numbers", test_same_numbers);
  g_test_add_func ("/pg-steps/same-names", test_same_names);
  return g_test_run ();
}
