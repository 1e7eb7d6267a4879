/* bench-import-wait.c — how long the counter waits while another process imports
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 12, item 5: a clerk's reception failed with "database is locked"
 * after 5 s during a 200,000-row import. This program makes a database with
 * the catalog, an administrator and a counter clerk, starts itself again as
 * `motcua dossier import` would run (another process, signed in as the
 * administrator) on a file of N dossiers, and meanwhile signs the clerk in
 * and receives a dossier over and over, timing each. It prints the import's
 * time and the counter's waits: the worst must stay under 1 s.
 *
 * Usage: bench-import-wait [N]   (default 200000)
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sys/resource.h>

#include <glib/gstdio.h>

#include "mc-bench-utils.h"
#include "mc-accounts.h"
#include "mc-calendar-store.h"
#include "mc-catalog.h"
#include "mc-demo-people.h"
#include "mc-dossier-store.h"
#include "mc-import-batch.h"

#define PASSWORD "motcua2026"

/* Dossiers of an older system, as bench-dossier makes them. */
static GString *
make_csv (guint n)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  GString *csv = g_string_new ("code,procedure_code,channel,received_at,due_at,finished_at,returned_at,outcome,"
                               "applicant_name\n");
  static const char *const procedures[] = { "1.001193", "1.000894", "1.000656", "2.000815", "2.000884" };
  static const char *const channels[] = { "truc_tiep", "buu_chinh", "truc_tuyen" };
  McDate first = mc_date_from_ymd (2017, 1, 2);

  for (guint i = 0; i < n; i++)
    {
      McDemoPerson p;
      McDate day = first + (McDate) (i / 300);
      McTime received = mc_time_from_local (day, 7 * 60 + (int) (i % 300));
      g_autofree char *at = mc_time_to_iso (received);
      g_autofree char *fin = mc_time_to_iso (received + 3 * 86400);

      mc_demo_person_make (rand, 2026, &p);
      g_string_append_printf (csv, "000.00.06.H56-%06u-%04u,%s,%s,%s,,%s,%s,approved,%s\n", (unsigned) day,
                              i % 300 + 1, procedures[g_rand_int_range (rand, 0, 5)], channels[i % 3], at, fin, fin,
                              p.name);
      mc_demo_person_clear (&p);
    }
  return csv;
}

static McDossierStore *
open_store (McDb *db)
{
  g_autoptr(McCalendar) calendar = mc_calendar_store_load (db, NULL);

  return mc_dossier_store_new (db, calendar);
}

static void
die (const char *what, GError *error)
{
  fprintf (stderr, "%s: %s\n", what, error ? error->message : "?");
  exit (1);
}

static void
make_database (const char *path)
{
  g_autoptr(McDb) db = mc_db_new (path, NULL, NULL);
  g_autoptr(McCatalog) catalog = mc_catalog_new (db);
  g_autoptr(McAccounts) acc = mc_accounts_new (db);
  g_autoptr(McStaff) admin = NULL;
  g_autoptr(GError) error = NULL;

  if (!mc_catalog_install_builtin (catalog, NULL, &error) ||
      !mc_accounts_create_first_admin (acc, "admin", "Quản trị", PASSWORD, &error) ||
      (admin = mc_accounts_sign_in (acc, "admin", PASSWORD, &error)) == NULL ||
      !mc_accounts_create (acc, "tn.lan", "Nguyễn Thị Lan", NULL, NULL, MC_ROLE_RECEPTION, PASSWORD, &error) ||
      !mc_accounts_set_must_change (acc, "tn.lan", FALSE, &error))
    die ("database", error);
}

/* The importing process: `bench-import-wait --import DB CSV`. */
static int
run_import (const char *path, const char *csv_path)
{
  g_autoptr(McDb) db = mc_db_new (path, NULL, NULL);
  g_autoptr(McAccounts) acc = mc_accounts_new (db);
  g_autoptr(McDossierStore) store = open_store (db);
  g_autoptr(McStaff) admin = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;
  guint n = 0;
  gint64 t0;
  double cpu0;

  if (!g_file_get_contents (csv_path, &data, &length, &error) ||
      (admin = mc_accounts_sign_in (acc, "admin", PASSWORD, &error)) == NULL)
    die ("import", error);
  t0 = g_get_monotonic_time ();
  cpu0 = mc_bench_cpu_seconds ();
  if (!mc_dossier_store_import_csv (store, data, length, &n, &error))
    die ("import", error);
  printf ("import in another process: %u dossiers in %.2f s = %.0f dossiers/s (processor time %.2f s)\n", n,
          (g_get_monotonic_time () - t0) / 1e6, n / ((g_get_monotonic_time () - t0) / 1e6), mc_bench_cpu_seconds () - cpu0);
  return 0;
}

typedef struct {
  GArray *sign_in;    /* double, ms */
  GArray *reception;  /* double, ms */
  GArray *locked;     /* double, ms: of each turn, the time spent waiting for the import's lock */
  guint   failures;
} Waits;

/* One sign-in (argon2id, then the attempt written) and one reception. */
static void
counter_turn (McDb *db, McDossierStore *store, guint i, Waits *w)
{
  g_autoptr(McAccounts) acc = mc_accounts_new (db);
  g_autoptr(McStaff) clerk = NULL;
  g_autoptr(McDossier) dossier = mc_dossier_new ();
  McDossierData *d = mc_dossier_get_data (dossier);
  g_autoptr(GError) error = NULL;
  gint64 t0 = g_get_monotonic_time ();
  gint64 waited = mc_db_get_busy_waited (db);
  double ms;

  clerk = mc_accounts_sign_in (acc, "tn.lan", PASSWORD, &error);
  ms = (g_get_monotonic_time () - t0) / 1000.0;
  g_array_append_val (w->sign_in, ms);
  if (clerk == NULL)
    {
      fprintf (stderr, "sign-in failed: %s\n", error->message);
      w->failures++;
      return;
    }
  d->procedure_code = g_strdup ("1.001193");
  d->applicant_name = g_strdup_printf ("Trần Văn Khách %u", i);
  d->applicant_id_number = g_strdup ("038085012345");
  d->channel = MC_CHANNEL_TRUC_TIEP;
  d->received_at = mc_time_now ();
  t0 = g_get_monotonic_time ();
  if (!mc_dossier_store_receive (store, dossier, &error))
    {
      fprintf (stderr, "reception failed: %s\n", error->message);
      w->failures++;
    }
  ms = (g_get_monotonic_time () - t0) / 1000.0;
  g_array_append_val (w->reception, ms);
  ms = (mc_db_get_busy_waited (db) - waited) / 1000.0;
  g_array_append_val (w->locked, ms);
}

static void
print_waits (const char *what, GArray *a)
{
  if (a->len == 0)
    return;
  g_array_sort (a, mc_bench_compare_doubles);
  printf ("  %s (%u): p50 %.1f ms, p95 %.1f ms, max %.1f ms\n", what, a->len, g_array_index (a, double, a->len / 2),
          g_array_index (a, double, a->len * 95 / 100), g_array_index (a, double, a->len - 1));
}

static Waits
waits_new (void)
{
  Waits w = { g_array_new (FALSE, FALSE, sizeof (double)), g_array_new (FALSE, FALSE, sizeof (double)),
              g_array_new (FALSE, FALSE, sizeof (double)), 0 };
  return w;
}

static gboolean
import_recorded (McDb *db)
{
  g_autofree char *value = mc_db_get_setting (db, MC_IMPORT_BATCH_KEY, NULL, NULL);

  return value != NULL;
}

/* The counter's turns while `child` runs (all of them if NULL: `turns`). */
static void
run_counter (const char *path, GSubprocess *child, guint turns, Waits *w)
{
  g_autoptr(McDb) db = mc_db_new (path, NULL, NULL);
  g_autoptr(McDossierStore) store = open_store (db);
  static guint i;

  if (child != NULL)
    while (!import_recorded (db) && g_subprocess_get_identifier (child))
      g_usleep (1000);
  for (guint k = 0; child ? g_subprocess_get_identifier (child) != NULL : k < turns; k++)
    counter_turn (db, store, i++, w);
}

int
main (int argc, char **argv)
{
  guint n = argc > 1 && !g_str_equal (argv[1], "--import") ? (guint) atoi (argv[1]) : 200000;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *csv_path = NULL;
  g_autoptr(GString) csv = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  Waits quiet = waits_new (), during = waits_new ();

  if (argc == 4 && g_str_equal (argv[1], "--import"))
    return run_import (argv[2], argv[3]);
  dir = g_dir_make_tmp ("motcua-bench-XXXXXX", NULL);
  path = g_build_filename (dir, "bench.sqlite", NULL);
  csv_path = g_build_filename (dir, "import.csv", NULL);
  make_database (path);
  csv = make_csv (n);
  if (!g_file_set_contents (csv_path, csv->str, csv->len, &error))
    die ("csv", error);
  run_counter (path, NULL, 10, &quiet);
  child = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, argv[0], "--import", path, csv_path, NULL);
  if (child == NULL)
    die ("spawn", error);
  run_counter (path, child, 0, &during);
  if (!g_subprocess_wait_check (child, NULL, &error))
    die ("import", error);
  printf ("counter, no import running:\n");
  print_waits ("sign-in (argon2id and the attempt written)", quiet.sign_in);
  print_waits ("reception", quiet.reception);
  printf ("counter, while %u dossiers are imported by another process (%u failed):\n", n, during.failures);
  print_waits ("sign-in (argon2id and the attempt written)", during.sign_in);
  print_waits ("reception", during.reception);
  print_waits ("waiting for the import's write lock, per turn", during.locked);
  g_unlink (csv_path);
  return during.failures > 0;
}
