/* bench-dossier.c — a center with N dossiers: bulk import, lookup by scanned
 * code, diacritic-insensitive search (p50/p95), reception.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-dossier [N]   (default 1000000)
 *        bench-dossier --db FILE   (the same reads on an existing database,
 *        e.g. bench/run's, built by `motcua dossier import`: no import here)
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sys/resource.h>

#include <glib/gstdio.h>

#include "mc-bench-utils.h"
#include "mc-calendar-store.h"
#include "mc-catalog.h"
#include "mc-db-sqlite-private.h"
#include "mc-demo-people.h"
#include "mc-dossier-list.h"
#include "mc-dossier-store.h"
#include "mc-text.h"

static char *
make_csv (GPtrArray *codes, guint n, GPtrArray *names)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  GString *csv = g_string_new ("code,procedure_code,channel,received_at,due_at,finished_at,returned_at,outcome,applicant_name\n");
  static const char *const procedures[] = { "1.001193", "1.000894", "1.000656", "2.000815", "2.000884" };
  static const char *const channels[] = { "truc_tiep", "buu_chinh", "truc_tuyen" };
  McDate first = mc_date_from_ymd (2017, 1, 2);

  for (guint i = 0; i < n; i++)
    {
      McDemoPerson p;
      McDate day = first + (McDate) (i / 300);
      McTime received = mc_time_from_local (day, 7 * 60 + (int) (i % 300));
      g_autofree char *code = g_strdup_printf ("000.00.06.H56-%06u-%04u", (unsigned) day, i % 300 + 1);
      g_autofree char *at = mc_time_to_iso (received);
      g_autofree char *fin = mc_time_to_iso (received + 3 * 3600);

      mc_demo_person_make (rand, 2026, &p);
      g_string_append_printf (csv, "%s,%s,%s,%s,,%s,%s,approved,%s\n", code,
                              procedures[g_rand_int_range (rand, 0, 5)], channels[i % 3], at, fin, fin, p.name);
      if (i % 997 == 0)
        {
          g_ptr_array_add (codes, g_strdup (code));
          g_ptr_array_add (names, g_strdup (p.name));
        }
      mc_demo_person_clear (&p);
    }
  return g_string_free (csv, FALSE);
}

/* Every 997th dossier's code and name, for the lookups and searches on an
 * existing database. */
static gboolean
sample_rows (McDb *db, GPtrArray *codes, GPtrArray *names, GError **error)
{
  McSqlStmt *stmt = mc_db_prepare (db, "SELECT code, applicant_name FROM dossier WHERE id % 997 = 0", error);
  McDbStep step;

  if (stmt == NULL)
    return FALSE;
  while ((step = mc_db_step_row (db, stmt, error)) == MC_DB_STEP_ROW)
    {
      g_ptr_array_add (codes, g_strdup (mc_sql_column_text (stmt, 0)));
      g_ptr_array_add (names, g_strdup (mc_sql_column_text (stmt, 1)));
    }
  mc_sql_reset (stmt);
  return step == MC_DB_STEP_DONE;
}

int
main (int argc, char **argv)
{
  const char *given = argc > 2 && g_str_equal (argv[1], "--db") ? argv[2] : NULL;
  guint n = argc > 1 && given == NULL ? (guint) atoi (argv[1]) : 1000000;
  g_autofree char *dir = g_dir_make_tmp ("motcua-bench-XXXXXX", NULL);
  g_autofree char *path = given ? g_strdup (given) : g_build_filename (dir, "bench.sqlite", NULL);
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) db = mc_db_new (path, NULL, &error);
  g_autoptr(McCatalog) catalog = mc_catalog_new (db);
  g_autoptr(McCalendar) calendar = NULL;
  g_autoptr(McDossierStore) store = NULL;
  g_autofree char *csv = NULL;
  g_autofree double *lookups = NULL, *searches = NULL, *search_cpu = NULL;
  gint64 t0, t1;
  double cpu0;
  guint imported = 0;

  if (db == NULL || (given == NULL && !mc_catalog_install_builtin (catalog, NULL, &error)))
    return fprintf (stderr, "%s\n", error->message), 1;
  calendar = mc_calendar_store_load (db, &error);
  store = mc_dossier_store_new (db, calendar);
  if (given != NULL)
    {
      if (!sample_rows (db, codes, names, &error))
        return fprintf (stderr, "%s\n", error->message), 1;
      printf ("%s: %" G_GINT64_FORMAT " dossiers (no import: it was built by motcua dossier import)\n", given,
              mc_db_query_int (db, "SELECT count (*) FROM dossier", NULL));
      goto reads;
    }
  csv = make_csv (codes, n, names);
  t0 = g_get_monotonic_time ();
  cpu0 = mc_bench_cpu_seconds ();
  if (!mc_dossier_store_import_csv (store, csv, strlen (csv), &imported, &error))
    return fprintf (stderr, "%s\n", error->message), 1;
  t1 = g_get_monotonic_time ();
  printf ("import: %u dossiers (+ %u events) in %.2f s = %.0f dossiers/s (processor time %.2f s)\n",
          imported, imported, (t1 - t0) / 1e6, imported / ((t1 - t0) / 1e6), mc_bench_cpu_seconds () - cpu0);
reads:
  lookups = g_new (double, codes->len);
  searches = g_new (double, names->len);
  search_cpu = g_new (double, names->len);
  for (guint i = 0; i < codes->len; i++)
    {
      g_autoptr(McDossier) d = NULL;
      t0 = g_get_monotonic_time ();
      d = mc_dossier_store_find (store, codes->pdata[i], NULL);
      lookups[i] = (g_get_monotonic_time () - t0) / 1000.0;
      g_assert (d != NULL);
    }
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *query = mc_text_fold (names->pdata[i]);
      g_autoptr(GPtrArray) hits = NULL;
      double c0 = mc_bench_cpu_seconds ();

      t0 = g_get_monotonic_time ();
      hits = mc_dossier_store_search (store, query, 50, NULL);
      searches[i] = (g_get_monotonic_time () - t0) / 1000.0;
      search_cpu[i] = (mc_bench_cpu_seconds () - c0) * 1000.0;
    }
  qsort (lookups, codes->len, sizeof (double), mc_bench_compare_doubles);
  qsort (searches, names->len, sizeof (double), mc_bench_compare_doubles);
  qsort (search_cpu, names->len, sizeof (double), mc_bench_compare_doubles);
  printf ("lookup by code (%u): p50 %.3f ms, p95 %.3f ms, max %.3f ms\n", codes->len,
          lookups[codes->len / 2], lookups[codes->len * 95 / 100], lookups[codes->len - 1]);
  printf ("search by name without diacritics, 50 hits (%u): p50 %.2f ms, p95 %.2f ms; processor p50 %.2f ms, "
          "p95 %.2f ms\n", names->len, searches[names->len / 2], searches[names->len * 95 / 100],
          search_cpu[names->len / 2], search_cpu[names->len * 95 / 100]);
  {
    McDossierQuery all = { MC_DOSSIER_FILTER_ALL, 0, -1, 0, 0, NULL, MC_DOSSIER_ORDER_NEWEST, FALSE };
    McDossierQuery overdue = { MC_DOSSIER_FILTER_OVERDUE, 0, -1, 0, 0, NULL, MC_DOSSIER_ORDER_DUE, FALSE };
    g_autoptr(McDossierList) list = NULL;
    g_autoptr(McDossier) first = NULL;

    t0 = g_get_monotonic_time ();
    list = mc_dossier_list_new (store);
    first = g_list_model_get_item (G_LIST_MODEL (list), 0);
    t1 = g_get_monotonic_time ();
    printf ("dossier list, all: count %u + first page of 200 in %.1f ms\n",
            g_list_model_get_n_items (G_LIST_MODEL (list)), (t1 - t0) / 1000.0);
    for (McDossierOrder o = 0; o < MC_DOSSIER_N_ORDERS; o++)
      for (int reversed = 0; reversed < 2; reversed++)
        {
          static const char *const order_names[] = { "newest", "appointment", "code", "applicant", "state" };
          McDossierQuery q = all;
          guint n_items, positions[4];
          double jumps[4], scroll, first_ms;

          q.order = o, q.reversed = reversed;
          t0 = g_get_monotonic_time ();
          mc_dossier_list_set_query (list, &q, NULL);
          g_clear_object (&first);
          first = g_list_model_get_item (G_LIST_MODEL (list), 0);
          first_ms = (g_get_monotonic_time () - t0) / 1000.0;
          n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
          /* Jumps as a dragged scrollbar makes them: the middle, a quarter,
           * then near the middle again, then 3/4. */
          positions[0] = n_items / 2, positions[1] = n_items / 4;
          positions[2] = n_items / 2 + 1000, positions[3] = n_items * 3 / 4;
          for (int j = 0; j < 4; j++)
            {
              g_autoptr(McDossier) d = NULL;
              gint64 t = g_get_monotonic_time ();
              d = g_list_model_get_item (G_LIST_MODEL (list), positions[j]);
              jumps[j] = (g_get_monotonic_time () - t) / 1000.0;
            }
          /* Scrolling on from a deep position: 10 pages in a row. */
          t0 = g_get_monotonic_time ();
          for (guint p = 0; p < 10 * 200; p += 200)
            g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), n_items / 4 + 200 + p));
          scroll = (g_get_monotonic_time () - t0) / 1000.0 / 10;
          printf ("dossier list by %s%s: count + first page %.1f ms; jump to 1/2 %.1f ms, 1/4 %.1f ms, "
                  "1/2+1000 %.1f ms, 3/4 %.1f ms; next page while scrolling %.1f ms\n", order_names[o],
                  reversed ? " (reversed)" : "", first_ms, jumps[0], jumps[1], jumps[2], jumps[3], scroll);
        }
    t0 = g_get_monotonic_time ();
    mc_dossier_list_set_query (list, &overdue, NULL);
    g_clear_object (&first);
    first = g_list_model_get_item (G_LIST_MODEL (list), 0);
    printf ("dossier list, quá hạn filter: %u rows, first page in %.1f ms\n",
            g_list_model_get_n_items (G_LIST_MODEL (list)), (g_get_monotonic_time () - t0) / 1000.0);
    mc_dossier_list_set_query (list, &all, NULL);
  }
  printf ("database file: %.0f MB\n", (double) mc_db_query_int (db, "SELECT page_count * page_size FROM "
                                                                "pragma_page_count, pragma_page_size", NULL) / 1e6);
  g_clear_object (&store);
  g_clear_object (&catalog);
  g_clear_object (&db);
  if (given == NULL)
    g_remove (path);
  return 0;
}
