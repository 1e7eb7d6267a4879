/* mc-test-utils.c — helpers shared by the test programs
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <libpq-fe.h>

#include "mc-calendar-store.h"
#include "mc-catalog.h"
#include "mc-accounts.h"
#include "mc-test-utils.h"

char *
mc_test_tmp_path (const char *name)
{
  static char *dir = NULL;

  if (dir == NULL)
    dir = g_dir_make_tmp ("motcua-test-XXXXXX", NULL);
  return g_build_filename (dir, name, NULL);
}

/* The suite on PostgreSQL (issue 17 item 1): MOTCUA_TEST_ENGINE=pg, and
 * MOTCUA_TEST_PG a keyword=value conninfo of a user who may create
 * databases (.ci/run's throwaway cluster). Each database a test asks for is
 * a fresh one copied from a template migrated once per schema (CREATE
 * DATABASE … TEMPLATE: a few hundred ms instead of running the 18 steps
 * each time), dropped when the test program exits. */
gboolean
mc_test_on_pg (void)
{
  const char *engine = g_getenv ("MOTCUA_TEST_ENGINE");

  if (g_strcmp0 (engine, "pg") != 0)
    return FALSE;
  if (g_getenv ("MOTCUA_TEST_PG") == NULL || *g_getenv ("MOTCUA_TEST_PG") == '\0')
    g_error ("MOTCUA_TEST_ENGINE=pg needs MOTCUA_TEST_PG (a conninfo of a user who may create databases)");
  return TRUE;
}

gboolean
mc_test_sqlite_only (const char *reason)
{
  g_autofree char *why = NULL;

  if (!mc_test_on_pg ())
    return FALSE;
  why = g_strdup_printf ("SQLite only: %s", reason);
  g_test_skip (why);
  return TRUE;
}

gboolean
mc_test_pg_gap (const char *reason)
{
  g_autofree char *why = NULL;

  if (!mc_test_on_pg ())
    return FALSE;
  why = g_strdup_printf ("not yet on PostgreSQL: %s", reason);
  g_test_skip (why);
  return TRUE;
}

char *
mc_test_audit_by (const char *prefix, const char *username)
{
  if (mc_test_on_pg ())
    return g_strdup_printf ("%sstaff_id IS NULL AND %ssession_role = session_user", prefix, prefix);
  return g_strdup_printf ("%sstaff_id = (SELECT id FROM staff WHERE username = '%s')", prefix, username);
}

gint64
mc_test_recorded_staff (McDb *db, const char *username)
{
  g_autofree char *sql = NULL;

  if (mc_test_on_pg ())
    return 0;
  sql = g_strdup_printf ("SELECT id FROM staff WHERE username = '%s'", username);
  return mc_db_query_int (db, sql, NULL);
}

static PGconn *pg_admin;
static GHashTable *pg_databases;  /* test's name → URI of its database */
static GPtrArray *pg_created;     /* database names to drop at exit */

static void
pg_admin_run (const char *sql)
{
  PGresult *res = PQexec (pg_admin, sql);

  if (PQresultStatus (res) != PGRES_COMMAND_OK && PQresultStatus (res) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (res));
  PQclear (res);
}

/* MOTCUA_TEST_PG with dbname replaced, as a postgresql:// URI: one word
 * (the CLI tests put it in a command line), every other keyword kept. */
static char *
pg_uri (const char *dbname)
{
  PQconninfoOption *options = PQconninfoParse (g_getenv ("MOTCUA_TEST_PG"), NULL);
  g_autoptr(GString) uri = g_string_new ("postgresql:///");
  char sep = '?';

  g_assert_nonnull (options);
  g_string_append_uri_escaped (uri, dbname, NULL, FALSE);
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    {
      if (o->val == NULL || *o->val == '\0' || strcmp (o->keyword, "dbname") == 0)
        continue;
      g_string_append_printf (uri, "%c%s=", sep, o->keyword);
      g_string_append_uri_escaped (uri, o->val, NULL, FALSE);
      sep = '&';
    }
  PQconninfoFree (options);
  return g_string_free (g_steal_pointer (&uri), FALSE);
}

static void
pg_drop_created (void)
{
  for (guint i = 0; pg_created != NULL && i < pg_created->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("DROP DATABASE IF EXISTS \"%s\" WITH (FORCE)",
                                              (char *) g_ptr_array_index (pg_created, i));

      PQclear (PQexec (pg_admin, sql));
    }
  g_clear_pointer (&pg_admin, PQfinish);
}

static int
compare_names (const void *a, const void *b)
{
  return g_strcmp0 (*(char *const *) a, *(char *const *) b);
}

/* The template's name says which steps it holds: a changed step is a new
 * template, never a stale one. The steps are hashed in name order (qsort
 * hands the comparison pointers to the array's elements: comparing those
 * as strings gave each process its own order, its own hash and its own
 * template, migrated again by every test program). */
static char *
pg_template_name (void)
{
  static const char *steps = "/vn/motcua/Motcua/sql/pg";
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_auto(GStrv) names = NULL;

  g_type_class_unref (g_type_class_ref (MC_TYPE_DB));  /* registers core's resources */
  names = g_resources_enumerate_children (steps, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert_nonnull (names);
  qsort (names, g_strv_length (names), sizeof (char *), compare_names);
  for (int i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_path ("/", steps, names[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

      g_checksum_update (sum, (const guchar *) names[i], -1);
      g_checksum_update (sum, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    }
  return g_strdup_printf ("motcua_test_template_%.16s", g_checksum_get_string (sum));
}

/* The migrated template, made once by whichever test program comes first
 * (an advisory lock keeps the others waiting); built under another name and
 * renamed, so nobody copies a half-migrated one. */
static char *
pg_template (void)
{
  static char *name = NULL;
  g_autofree char *building = NULL;
  g_autofree char *sql = NULL;
  PGresult *res;
  gboolean exists;

  if (name != NULL)
    return name;
  name = pg_template_name ();
  pg_admin_run ("SELECT pg_advisory_lock (1299149924)");
  sql = g_strdup_printf ("SELECT 1 FROM pg_database WHERE datname = '%s'", name);
  res = PQexec (pg_admin, sql);
  exists = PQresultStatus (res) == PGRES_TUPLES_OK && PQntuples (res) == 1;
  PQclear (res);
  if (!exists)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *uri = NULL;
      McDb *db;

      building = g_strdup_printf ("motcua_test_building_%d", (int) getpid ());
      g_free (sql);
      sql = g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)", building);
      pg_admin_run (sql);
      g_free (sql);
      sql = g_strdup_printf ("CREATE DATABASE %s", building);
      pg_admin_run (sql);
      uri = pg_uri (building);
      db = mc_db_new (uri, NULL, &error);
      g_assert_no_error (error);
      g_object_unref (db);
      g_free (sql);
      sql = g_strdup_printf ("ALTER DATABASE %s RENAME TO %s", building, name);
      pg_admin_run (sql);
    }
  pg_admin_run ("SELECT pg_advisory_unlock (1299149924)");
  return name;
}

static char *
pg_database_new (void)
{
  static int counter = 0;
  char *dbname = g_strdup_printf ("motcua_test_%d_%08x_%d", (int) getpid (), g_random_int (), ++counter);
  g_autofree char *sql = NULL;

  if (pg_admin == NULL)
    {
      pg_admin = PQconnectdb (g_getenv ("MOTCUA_TEST_PG"));
      if (PQstatus (pg_admin) != CONNECTION_OK)
        g_error ("MOTCUA_TEST_PG: %s", PQerrorMessage (pg_admin));
      PQclear (PQexec (pg_admin, "SET client_min_messages = error"));
      pg_created = g_ptr_array_new_with_free_func (g_free);
      atexit (pg_drop_created);
    }
  sql = g_strdup_printf ("CREATE DATABASE %s TEMPLATE %s", dbname, pg_template ());
  pg_admin_run (sql);
  g_ptr_array_add (pg_created, g_strdup (dbname));
  return dbname;
}

char *
mc_test_db_path (const char *name)
{
  const char *uri;

  if (!mc_test_on_pg ())
    return mc_test_tmp_path (name);
  if (pg_databases == NULL)
    pg_databases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  uri = g_hash_table_lookup (pg_databases, name);
  if (uri == NULL)
    {
      g_autofree char *dbname = pg_database_new ();

      uri = pg_uri (dbname);
      g_hash_table_insert (pg_databases, g_strdup (name), (char *) uri);
    }
  return g_strdup (uri);
}

McDb *
mc_test_db_new (void)
{
  static int counter = 0;
  g_autofree char *name = g_strdup_printf ("db-%d.sqlite", ++counter);
  g_autofree char *path = mc_test_db_path (name);
  g_autoptr(GError) error = NULL;
  McDb *db = mc_db_new (path, NULL, &error);

  g_assert_no_error (error);
  /* Tests date their actions (--at, MOTCUA_NOW): a test database says so. */
  g_assert_true (mc_accounts_set_database_purpose (db, MC_DATABASE_TEST, &error));
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

void
mc_test_add_staff (McDb *db, const char *username, const char *name, const char *dept, const char *roles)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf (
      "INSERT INTO staff (username, full_name, title, department_id, roles, created_at) "
      "SELECT '%s', '%s', 'Chuyên viên', id, '%s', 0 FROM department WHERE code = '%s'",
      username, name, roles, dept);

  g_assert_true (mc_db_exec (db, sql, &error));
}

void
mc_test_install_routing (McDb *db)
{
  g_autoptr(McCatalog) catalog = mc_catalog_new (db);
  g_autoptr(GError) error = NULL;

  g_assert_true (mc_catalog_install_builtin (catalog, NULL, &error));
  g_assert_true (mc_db_exec (db, "UPDATE unit SET code = '000.00.06.H56' WHERE relation = 'self';"
                                 "INSERT INTO unit (code, name, level, relation) VALUES "
                                 "('000.30.06.H56', 'Công an phường Phú Sơn', 'xa', 'external')", &error));
  mc_test_add_staff (db, "tn.lan", "Lê Thị Lan", "TTPV", "tiep_nhan");
  mc_test_add_staff (db, "cv.duc", "Vũ Đức Mạnh", "KT", "chuyen_vien");
  mc_test_add_staff (db, "tp.quang", "Trần Quang Huy", "KT", "lanh_dao_phong");
  mc_test_add_staff (db, "pct.nga", "Nguyễn Thị Nga", "VP", "lanh_dao_ubnd");
  mc_test_add_staff (db, "vt.yen", "Bùi Thị Yến", "VP", "van_thu");
}

void
mc_test_routing_set_up (McTestRouting *r)
{
  g_autoptr(GError) error = NULL;

  r->db = mc_test_db_new ();
  mc_test_install_routing (r->db);
  r->calendar = mc_calendar_store_load (r->db, &error);
  g_assert_no_error (error);
  r->store = mc_dossier_store_new (r->db, r->calendar);
  r->wf = mc_workflow_new (r->db, r->calendar);
}

void
mc_test_routing_tear_down (McTestRouting *r)
{
  g_clear_object (&r->wf);
  g_clear_object (&r->store);
  g_clear_object (&r->calendar);
  g_clear_object (&r->db);
}

char *
mc_test_receive (McDossierStore *store, const char *procedure, const char *applicant, const char *at,
                 GError **error)
{
  g_autoptr(McDossier) dossier = mc_dossier_new ();
  McDossierData *d = mc_dossier_get_data (dossier);

  d->procedure_code = g_strdup (procedure);
  d->applicant_name = g_strdup (applicant);
  d->applicant_id_number = g_strdup ("038085012345");
  d->applicant_address = g_strdup ("Số 12 phố Trần Phú, phường Phú Sơn");
  d->applicant_phone = g_strdup ("0912345678");
  d->channel = MC_CHANNEL_TRUC_TIEP;
  d->received_at = mc_test_time (at);
  if (!mc_dossier_store_receive (store, dossier, error))
    return NULL;
  return g_strdup (d->code);
}

McAction
mc_test_action (const char *at, const char *user, const char *note)
{
  McAction a = { mc_test_time (at), user, note };

  return a;
}

char *
mc_test_normalize (const char *text)
{
  g_autofree char *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  g_auto(GStrv) words = g_strsplit_set (nfc, " \t\n\r\f", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (int i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
mc_test_have_program (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  return path != NULL;
}

char *
mc_test_run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  return out;
}

char *
mc_test_pdftotext (const char *path, const char *mode)
{
  const char *argv[] = { "pdftotext", mode, "-enc", "UTF-8", path, "-", NULL };

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  if (!mc_test_have_program ("pdftotext"))
    {
      g_test_skip ("pdftotext is not installed (poppler-utils)");
      return NULL;
    }
  return mc_test_run_tool (argv);
}

void
mc_test_assert_has (const char *text, const char *needle)
{
  g_autofree char *n = mc_test_normalize (needle);

  if (strstr (text, n) == NULL)
    g_error ("“%s” not found in:\n%s", n, text);
}

void
mc_test_assert_lacks (const char *text, const char *needle)
{
  if (strstr (text, needle) != NULL)
    g_error ("“%s” should not be in:\n%s", needle, text);
}

void
mc_test_use_vietnamese (void)
{
  g_autofree char *po = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);

  /* gettext ignores LANGUAGE under the C locale, as main.c says. */
  g_setenv ("LANGUAGE", "vi", TRUE);
  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
  setlocale (LC_NUMERIC, "C");
  bindtextdomain (GETTEXT_PACKAGE, po);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/* Ids the trail stores and words must replace: actions, states, kinds of
 * events, roles, kinds of calendar days, setting keys, ISO dates. */
void
mc_test_assert_no_raw_ids (const char *text)
{
  static const char *const pattern =
    "\\b(sign_in|import|demo|[a-z_]+\\.(insert|update|delete)|export\\.register"
    "|received|processing|paused|sent_external|result_ready|returned|unqualified|withdrawn"
    "|receive|transfer|accept|send_back|pause|pause_financial|resume|receive_external|finish|withdraw"
    "|return|apology|tiep_nhan|chuyen_vien|lanh_dao_phong|lanh_dao_ubnd|van_thu|bao_cao|quan_tri"
    "|holiday|compensatory|workday|(report|calendar|apology|unit)\\.[a-z_.0-9]+|backup_[a-z]+"
    "|\\d{4}-\\d{2}-\\d{2})\\b";
  g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (g_regex_match (regex, text, 0, &match))
    {
      g_autofree char *id = g_match_info_fetch (match, 0);
      g_error ("the id “%s” shows in “%s”", id, text);
    }
}
