/* test-authz.c — every command of the command line × nobody / each role
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On a demo database (an administrator exists, so accounts are enforced)
 * each command runs as nobody and as one person of each role, and is either
 * allowed (exit 0) or refused for the person (a sign-in or permission
 * message). The commands come from `motcua help --commands`, the table the
 * command line itself is dispatched from: a command added there without a
 * row here fails /authz/every-command-has-a-row.
 */
#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "mc-accounts.h"
#include "mc-db.h"
#include "mc-test-utils.h"

#define PASSWORD "motcua2026"

/* Who runs each command, in the order of a row's expectations: nobody, the
 * administrator, the counter, a specialist, the head and the leader of the
 * department holding the dossiers (Văn phòng), its records clerk, a reporting
 * clerk and the head of another department (Kinh tế). */
static const char *const personas[] = {
  NULL, "admin", "tn.lan", "cv.tuan", "tp.hoa", "pct.nga", "vt.yen", "bc.thu", "tp.quang"
};
#define N_PERSONAS G_N_ELEMENTS (personas)

typedef struct {
  const char *command;  /* as motcua help --commands lists it */
  const char *args;     /* after the command; {R0} … are the fixture's dossiers, {DIR} the inputs' folder,
                         * {OUT} an empty folder for the outputs */
  const char *expect;   /* per persona: y allowed, n refused, e another error (said why below) */
} Row;

/* The dossiers (Đăng ký khai sinh: Tiếp nhận TTPV → chuyên viên VP → lãnh
 * đạo UBND VP): R0 just received at the counter, S2 at step 2 in VP, P
 * paused there, E at another agency, F at step 3 of 3, RR with its result
 * back at the counter, W withdrawn at the applicant's request, A apologised
 * for at step 2 (its Mẫu 04 to reprint). */
static const Row rows[] = {
  /*                                                                   N A L C H G Y B Q */
  { "help", "", "yyyyyyyyy" },
  /* An administrator exists: nobody creates a first one again. */
  { "account init", "--username x.y --name \"X Y\"", "nnnnnnnnn" },
  { "account add", "tn.moi --name \"Nguyễn Văn Mới\" --roles tiep_nhan --department TTPV", "nynnnnnnn" },
  { "account list", "", "nyyyyyyyy" },
  { "account password", "", "nyyyyyyyy" },
  { "account passwd", "", "nyyyyyyyy" },
  { "account unlock", "tn.lan", "nynnnnnnn" },
  { "account set", "tn.lan --roles tiep_nhan", "nynnnnnnn" },
  { "audit verify", "", "nynnnynnn" },
  { "audit list", "--limit 1", "nynnnynnn" },
  { "backup", "{OUT}/copy.sqlite", "nynnnnnnn" },
  { "restore", "{DIR}/backup.sqlite", "nynnnnnnn" },
  { "check", "", "yyyyyyyyy" },
  { "calendar due", "--from \"2026-12-07 08:00\" --days 3", "yyyyyyyyy" },
  { "calendar holidays", "--year 2026", "yyyyyyyyy" },
  { "calendar lunar", "2026-02-17", "yyyyyyyyy" },
  { "calendar solar", "1/1/2026", "yyyyyyyyy" },
  { "calendar set", "2026-12-24 holiday \"Nghỉ theo quyết định\"", "nynnnnnnn" },
  { "calendar remove", "2026-12-31", "nynnnnnnn" },
  { "calendar import", "{DIR}/days.csv", "nynnnnnnn" },
  { "calendar hours", "", "nyyyyyyyy" },
  { "catalog import", "{DIR}/catalog.csv", "nynnnnnnn" },
  { "catalog export", "-", "nyyyyyyyy" },
  { "catalog list", "\"khai sinh\"", "nyyyyyyyy" },
  { "catalog receptions", "\"khai sinh\"", "nyyyyyyyy" },
  { "catalog receive", "1.010814 province", "nynnnnnnn" },
  /* The demo only fills an empty database: the administrator gets that answer. */
  { "demo", "--dossiers 1", "nennnnnnn" },
  { "dossier receive", "--procedure 1.001193 --name \"Lê Văn Bình\" --id-number 038085012346 "
                       "--channel truc_tiep", "nnynnnnnn" },
  { "dossier refuse", "--procedure 1.001193 --name \"Lê Văn Bình\" --reason \"Thiếu giấy chứng sinh\"",
    "nnynnnnnn" },
  { "dossier show", "{R0}", "nyyyyyyyy" },
  { "dossier search", "038085012345", "nnyyyyyny" },
  { "dossier import", "{DIR}/dossiers.csv", "nynnnnnnn" },
  { "dossier receipt", "{R0} -o {OUT}/receipt.pdf", "nnyyyyyny" },
  { "dossier control-sheet", "{R0} -o {OUT}/sheet.pdf", "nnyyyyyny" },
  { "dossier stop-notice", "{W} -o {OUT}/stop.pdf", "nnyyyyyny" },
  { "dossier apology-letter", "{A} -o {OUT}/apology.pdf", "nnyyyyyny" },
  { "dossier register", "--from 2026-12-01 --to 2026-12-31 -o {OUT}/register.xlsx", "nnyyyyyny" },
  { "dossier transfer", "{R0}", "nnynnynnn" },
  { "dossier accept", "{S2}", "nnnyyyynn" },
  { "dossier send-back", "{S2} --reason \"Thiếu bản sao\"", "nnnyyyynn" },
  { "dossier pause", "{S2} --reason \"Bổ sung giấy tờ\"", "nnnyyyynn" },
  { "dossier resume", "{P}", "nnnyyyynn" },
  { "dossier external", "{E} --back", "nnnyyyynn" },
  /* At step 2 of 3 the route is cut short, skipping the leader's step: the leader's alone. */
  { "dossier finish", "{S2} --number 1/KS", "nnnnnynnn" },
  { "dossier unqualified", "{S2} --reason \"Không đủ điều kiện\"", "nnnnyyynn" },
  { "dossier withdraw", "{R0} --reason \"Người dân rút\"", "nnynnynnn" },
  { "dossier return", "{RR} --collected-by \"Lê Văn An\" --id-number 038085012345", "nnynnnnnn" },
  { "dossier apology", "{S2} --reason \"Chậm xác minh\" --new-due \"2027-03-01 16:00\"", "nnnnyyynn" },
  { "dossier inbox", "", "nyyyyyyyy" },
  { "dossier actions", "{R0}", "nyyyyyyyy" },
  { "dossier apologies", "--year 2026", "nyyyyyyyy" },
  /* One's own notifications: anybody signed in; a number that is not one's own is "not found" (e). */
  { "notifications", "", "nyyyyyyyy" },
  { "notifications list", "--unread", "nyyyyyyyy" },
  { "notifications read", "999999", "neeeeeeee" },
  { "notifications read-all", "", "nyyyyyyyy" },
  { "report period", "--year 2026 --quarter 4", "yyyyyyyyy" },
  { "report 06a", "--from 2026-10-15 --to 2027-01-14 --format csv -o {OUT}/06a.csv", "nnnnyynyy" },
  { "report public", "--from 2026-10-15 --to 2027-01-14 --format csv -o {OUT}/public.csv", "nnnnyynyy" },
  { "report cchc", "--from 2026-10-15 --to 2027-01-14 --format csv -o {OUT}/cchc.csv", "nnnnyynyy" },
  { "report evaluation", "--from 2026-10-15 --to 2027-01-14 --format csv -o {OUT}/eval.csv", "nnnnyynyy" },
  { "report narrative", "--from 2026-10-15 --to 2027-01-14 --format txt -o {OUT}/bao-cao.txt", "nnnnyynyy" },
  { "settings list", "", "nynnnnnnn" },
  { "settings get", "report.signer", "nynnnnnnn" },
  { "settings set", "report.place \"Phú Sơn\"", "nynnnnnnn" },
  { "settings reset", "report.preparer", "nynnnnnnn" },
  { "report import-06a", "--unit 000.00.06.X02 --from 2026-10-15 --to 2027-01-14 {DIR}/x02.csv", "nnnnyynyy" },
  { "dashboard", "--format json", "nynnyynny" },
  { "liveboard", "--render {OUT}/board.png --size 320x180", "yyyyyyyyy" },
  { "queue say", "--number 1025 --counter 3 --output {OUT}/call.wav --force", "yyyyyyyyy" },
  /* A PostgreSQL server's administrator, not a Motcua account, decides (its
   * CREATEROLE; tests/pg/test-pg-roles.sh): here no server answers, for anyone. */
  { "server init", "\"host={OUT} dbname=x\" --password-file {OUT}/pw", "eeeeeeeee" },
  { "server add-login", "\"host={OUT} dbname=x\" tn.lan --password-file {OUT}/pw", "eeeeeeeee" },
  { "server add-board", "\"host={OUT} dbname=x\" sanh --password-file {OUT}/pw", "eeeeeeeee" },
  /* The installer beside the server: its log and the server decide (tests/pg/test-pg-desks.c /pg-desks/lockout). */
  { "server lockout", "\"host={OUT} dbname=x\" --log {OUT}/none.log", "eeeeeeeee" },
  /* The same: the server's installer decides (motcua_owner; tests/pg/test-pg-copy.sh). */
  { "db copy", "--from {OUT}/none.sqlite --to \"host={OUT} dbname=x\"", "eeeeeeeee" },
  /* The queue: A001 called at counter 2, A002 waiting (fixture_build), on a
   * fixed day (a demo database takes any time), so that no run straddles
   * the day's change at 17:00 UTC. A ticket and the status need nobody (the
   * kiosk, the board); the counter's actions a reception clerk; A001 is
   * called, not served, so the clerk's finish is refused by the state
   * machine (e). */
  { "queue take", "--service A", "yyyyyyyyy" },
  { "queue status", "--day 2026-12-07", "yyyyyyyyy" },
  /* The kiosk's ticket printed again (A001 of the fixture), and its
   * look-up, masked, on a kiosk-mode connection whoever runs it. */
  { "queue ticket", "--number A001 --day 2026-12-07 --output {OUT}/ticket.pdf --force", "yyyyyyyyy" },
  { "kiosk lookup", "{R0}", "yyyyyyyyy" },
  { "queue call", "--counter 1 --at \"2026-12-07 10:05\"", "nnynnnnnn" },
  { "queue recall", "--counter 2 --at \"2026-12-07 10:05\"", "nnynnnnnn" },
  { "queue serve", "--counter 2 --at \"2026-12-07 10:05\"", "nnynnnnnn" },
  { "queue skip", "--counter 2 --at \"2026-12-07 10:05\"", "nnynnnnnn" },
  { "queue finish", "--counter 2 --at \"2026-12-07 10:05\"", "nnennnnnn" },
  { "queue transfer", "--counter 2 --to-counter 1 --at \"2026-12-07 10:05\"", "nnynnnnnn" },
  /* "Mời đánh giá" ends A001's service: a clerk's. D001, done at counter 4,
   * is rated by the citizen at the display: nobody needed. */
  { "queue invite", "--counter 2 --at \"2026-12-07 10:05\"", "nnynnnnnn" },
  { "queue rate", "--ticket D001 --level 5 --at \"2026-12-07 10:05\"", "yyyyyyyyy" },
  { "queue stats", "--from 2026-01-01 --to 2026-12-31", "nyyyyyyyy" },
  { "queue stats", "--from 2026-12-01 --to 2026-12-31 --format json", "nyyyyyyyy" },
  /* One's own day at the counter: anyone signed in (nothing when they called nobody). */
  { "queue mine", "--day 2026-12-07", "nyyyyyyyy" },
  /* Thống kê xếp hàng as a document: those who see Tổng quan. */
  { "queue stats", "--from 2026-12-01 --to 2026-12-31 --format xlsx --output {OUT}/queue.xlsx --force", "nynnyynny" },
  { "queue stats", "--from 2026-12-01 --to 2026-12-31 --format pdf --output {OUT}/queue.pdf --force", "nynnyynny" },
  { "queue service", "list", "nyyyyyyyy" },
  { "queue counter", "list", "nyyyyyyyy" },
};

/* What a refusal for the person says (messages in English: LC_ALL=C). */
static const char *const refusals[] = {
  "needs a signed-in person", "is not allowed to do this", "Sign in to do this", "works in another department",
  "cannot skip", "cannot end the route", "sign in as an administrator", "An administrator already exists",
  NULL
};

typedef struct {
  char *dir;
  char *template_db;
  GHashTable *codes;  /* R0 … → dossier code */
} Fixture;

static Fixture fx;

static int
run_on (const char *db, const char *user, const char *args, char **out, char **err)
{
  g_autofree char *cmd = g_strdup_printf ("%s --db %s%s%s %s", g_getenv ("MOTCUA_BIN"), db, user ? " --user " : "",
                                          user ? user : "", args);
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_command_line_sync (cmd, out, err, &status, &error));
  g_assert_no_error (error);
  return g_spawn_check_wait_status (status, NULL) ? 0 : WEXITSTATUS (status);
}

/* Runs as `user` on the template; the test fails unless it exits with 0. */
static char *
setup_run (const char *user, const char *args)
{
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = run_on (fx.template_db, user, args, &out, &err);

  if (status != 0)
    g_error ("motcua %s → %d: %s", args, status, err);
  return out;
}

static char *
first_field (const char *line)
{
  return g_strndup (line, strcspn (line, "\t\n"));
}

/* A khai sinh dossier received now; `steps` further commands (as pct.nga, the
 * committee leader, who acts on any department) with {C} for its code. */
static void
add_dossier (const char *name, const char *const *steps)
{
  g_autofree char *out = setup_run ("tn.lan", "dossier receive --procedure 1.001193 --name \"Lê Văn An\" "
                                              "--id-number 038085012345 --phone 0912345678 --channel truc_tiep");
  char *code = first_field (out);

  for (int i = 0; steps && steps[i]; i++)
    {
      g_autoptr(GString) args = g_string_new (steps[i]);
      g_autofree char *ignored = NULL;
      g_string_replace (args, "{C}", code, 0);
      ignored = setup_run (g_str_has_prefix (steps[i], "dossier return") ? "tn.lan" : "pct.nga", args->str);
    }
  g_hash_table_insert (fx.codes, g_strdup (name), code);
}

static void
write_file (const char *name, const char *text)
{
  g_autofree char *path = g_build_filename (fx.dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

static void
add_subordinate_unit (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) db = mc_db_new (fx.template_db, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (mc_db_exec (db, "INSERT INTO unit (code, name, level, relation) VALUES "
                                 "('000.00.06.X02', 'UBND xã Hà Lan', 'xa', 'subordinate')", &error));
  g_assert_no_error (error);
}

static void
fixture_build (void)
{
  static const char *const to_vp[] = { "dossier transfer {C}", NULL };
  static const char *const paused[] = { "dossier transfer {C}", "dossier pause {C} --reason \"Bổ sung\"", NULL };
  static const char *const external[] = { "dossier transfer {C}", "dossier external {C} --unit 000.30.06.H56 --days 3",
                                          NULL };
  static const char *const last[] = { "dossier transfer {C}", "dossier transfer {C}", NULL };
  static const char *const apologised[] = { "dossier transfer {C}",
                                            "dossier apology {C} --reason \"Chậm xác minh\" --new-due \"2027-03-01 16:00\"",
                                            NULL };
  static const char *const withdrawn[] = { "dossier withdraw {C} --reason \"Người dân xin rút\"", NULL };
  static const char *const ready[] = { "dossier transfer {C}", "dossier transfer {C}",
                                       "dossier finish {C} --number 9/KS", NULL };
  g_autofree char *out = NULL, *figures = NULL;

  fx.dir = mc_test_tmp_path ("authz");
  g_mkdir_with_parents (fx.dir, 0700);
  fx.template_db = g_build_filename (fx.dir, "template.sqlite", NULL);
  fx.codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  /* English messages (no catalog for it), to tell refusals from other errors. */
  g_setenv ("LANGUAGE", "en", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("MOTCUA_PASSWORD", PASSWORD, TRUE);
  g_setenv ("MOTCUA_NEW_PASSWORD", PASSWORD, TRUE);
  /* No queue history: the fixture numbers its own tickets today (D001, A001). */
  out = setup_run (NULL, "demo --dossiers 30 --queue-days 0");
  g_clear_pointer (&out, g_free);
  out = setup_run ("admin", "account add bc.thu --name \"Đỗ Thị Thu\" --roles bao_cao --department VP "
                            "--no-password-change");
  /* `account password` in the table: each person's own new one. */
  g_setenv ("MOTCUA_NEW_PASSWORD", "doimatkhau2027", TRUE);
  add_dossier ("R0", NULL);
  add_dossier ("S2", to_vp);
  add_dossier ("P", paused);
  add_dossier ("E", external);
  add_dossier ("F", last);
  add_dossier ("RR", ready);
  add_dossier ("W", withdrawn);
  add_dossier ("A", apologised);
  add_subordinate_unit ();
  /* D001 served to the end at counter 4 (results), to be rated. */
  g_free (setup_run (NULL, "queue take --service D --at \"2026-12-07 09:50\""));
  g_free (setup_run ("tn.hung", "queue call --counter 4 --at \"2026-12-07 09:51\""));
  g_free (setup_run ("tn.hung", "queue serve --counter 4 --at \"2026-12-07 09:52\""));
  g_free (setup_run ("tn.hung", "queue finish --counter 4 --at \"2026-12-07 09:55\""));
  g_free (setup_run (NULL, "queue take --service A --at \"2026-12-07 10:00\""));
  g_free (setup_run (NULL, "queue take --service A --at \"2026-12-07 10:01\""));
  /* tn.hung calls: tn.lan acts in the rows, and test_at counts her backdated rows. */
  g_free (setup_run ("tn.hung", "queue call --counter 2 --at \"2026-12-07 10:02\""));
  figures = g_build_filename (fx.dir, "x02.csv", NULL);
  {
    g_autofree char *args = g_strdup_printf ("report 06a --from 2026-10-15 --to 2027-01-14 --format csv -o %s",
                                             figures);
    g_free (setup_run ("pct.nga", args));
  }
  {
    g_autofree char *args = g_strdup_printf ("backup %s/backup.sqlite", fx.dir);
    g_free (setup_run ("admin", args));
  }
  write_file ("days.csv", "date,kind,name\n2027-01-02,holiday,Nghỉ thử\n");
  write_file ("catalog.csv", "code,name,field,level,mechanism,days,online_level,fee\n"
                             "9.000001,Thủ tục thử,Hộ tịch,xa,mot_cua,1,none,0\n");
  write_file ("dossiers.csv", "code,procedure_code,channel,received_at,due_at,finished_at,returned_at,outcome,"
                              "applicant_name\nCU-0001,1.001193,truc_tiep,2025-03-03 08:00,2025-03-04 08:00,,,,"
                              "Phạm Văn Cũ\n");
}

static char *
expand (const char *args, const char *out_dir)
{
  GString *s = g_string_new (args);
  GHashTableIter iter;
  gpointer key, value;

  g_string_replace (s, "{DIR}", fx.dir, 0);
  g_string_replace (s, "{OUT}", out_dir, 0);
  g_hash_table_iter_init (&iter, fx.codes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *mark = g_strdup_printf ("{%s}", (const char *) key);
      g_string_replace (s, mark, value, 0);
    }
  return g_string_free (s, FALSE);
}

static gboolean
is_refusal (const char *err)
{
  for (int i = 0; refusals[i]; i++)
    if (strstr (err, refusals[i]))
      return TRUE;
  return FALSE;
}

/* Files written by the run before are not in the way of the next one
 * (an existing file is replaced only with --force). */
static void
empty_folder (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_mkdir_with_parents (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *file = g_build_filename (path, name, NULL);
      g_assert_cmpint (g_remove (file), ==, 0);
    }
}

static const char *const side_files[] = { "-wal", "-shm", "-journal", ".mark" };

/* One command as one persona, on its own copy of the template, its outputs in {OUT}. */
static char
outcome (const Row *row, guint p, char **err_out)
{
  g_autofree char *name = g_strdup_printf ("run-%u.sqlite", p);
  g_autofree char *db = g_build_filename (fx.dir, name, NULL);
  g_autofree char *out_dir = g_build_filename (fx.dir, "out", NULL);
  g_autofree char *rest = expand (row->args, out_dir);
  g_autofree char *args = g_strdup_printf ("%s %s", row->command, rest);
  g_autoptr(GFile) from = g_file_new_for_path (fx.template_db);
  g_autoptr(GFile) to = g_file_new_for_path (db);
  g_autofree char *out = NULL;
  int status;

  /* The previous run's side files (its WAL, its commit mark) belong to another database. */
  for (guint i = 0; i < G_N_ELEMENTS (side_files); i++)
    {
      g_autofree char *side = g_strconcat (db, side_files[i], NULL);
      g_remove (side);
    }
  g_assert_true (g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL));
  empty_folder (out_dir);
  status = run_on (db, personas[p], args, &out, err_out);
  if (status == 0)
    return 'y';
  return is_refusal (*err_out) ? 'n' : 'e';
}

static void
test_table (void)
{
  guint mismatches = 0;

  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      g_assert_cmpuint (strlen (rows[r].expect), ==, N_PERSONAS);
      for (guint p = 0; p < N_PERSONAS; p++)
        {
          g_autofree char *err = NULL;
          char got = outcome (&rows[r], p, &err);

          if (got != rows[r].expect[p])
            {
              g_test_message ("motcua %s %s as %s: expected %c, got %c (%s)", rows[r].command, rows[r].args,
                              personas[p] ? personas[p] : "nobody", rows[r].expect[p], got, err);
              mismatches++;
            }
        }
    }
  g_assert_cmpuint (mismatches, ==, 0);
}

static void
test_every_command_has_a_row (void)
{
  g_autofree char *out = setup_run (NULL, "help --commands");
  g_auto(GStrv) listed = g_strsplit (g_strstrip (out), "\n", -1);

  g_assert_cmpuint (g_strv_length (listed), >, 40);
  for (guint i = 0; listed[i]; i++)
    {
      gboolean found = FALSE;
      for (guint r = 0; r < G_N_ELEMENTS (rows) && !found; r++)
        found = g_str_equal (rows[r].command, listed[i]);
      if (!found)
        g_error ("“motcua %s” has no row in test-authz.c's table: who may run it?", listed[i]);
    }
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    g_assert_true (g_strv_contains ((const char *const *) listed, rows[r].command));
}

/* A command not in the table is not run, even by the administrator. */
static void
test_unlisted_subcommand (void)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_on (fx.template_db, "admin", "catalog wipe", &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "catalog wipe"));
}

static char *
copy_template (const char *name)
{
  char *db = g_build_filename (fx.dir, name, NULL);
  g_autoptr(GFile) from = g_file_new_for_path (fx.template_db);
  g_autoptr(GFile) to = g_file_new_for_path (db);

  g_assert_true (g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL));
  return db;
}

static gint64
query (const char *path, const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) db = mc_db_new (path, NULL, &error);

  g_assert_no_error (error);
  return mc_db_query_int (db, sql, NULL);
}

static const char RECEIVE[] = "dossier receive --procedure 1.001193 --name \"Lê Văn Bình\" --id-number 038085012346 "
                              "--channel truc_tiep";

/* --at (and MOTCUA_NOW) on a real center's database: the counter cannot
 * date a reception in the past, nor the leader a transfer tomorrow; an
 * administrator can, and the trail keeps the given time beside the real one.
 * On the demo's database anyone can, audited the same way. */
static void
test_at (void)
{
  g_autofree char *real = copy_template ("real.sqlite"), *demo = copy_template ("demo.sqlite");
  g_autofree char *tomorrow = mc_time_to_iso (g_get_real_time () / G_USEC_PER_SEC + 86400);
  g_autofree char *dated = g_strdup_printf ("%s --at \"2026-01-05 08:00\"", RECEIVE);
  g_autofree char *transfer = g_strdup_printf ("dossier transfer %s --at \"%s\"",
                                               (char *) g_hash_table_lookup (fx.codes, "R0"), tomorrow);
  g_autofree char *out = NULL, *err = NULL;
  gint64 before;

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(McDb) db = mc_db_new (real, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (mc_accounts_set_database_purpose (db, MC_DATABASE_REAL, &error));
    g_assert_cmpint (mc_accounts_get_database_purpose (db, NULL), ==, MC_DATABASE_REAL);
  }
  before = query (real, "SELECT count (*) FROM dossier");
#define REFUSED(user, args)                                                             \
  G_STMT_START {                                                                        \
    g_clear_pointer (&out, g_free);                                                     \
    g_clear_pointer (&err, g_free);                                                     \
    g_assert_cmpint (run_on (real, user, args, &out, &err), ==, 1);                     \
    g_assert_nonnull (strstr (err, "Only the administrator can record an action at"));  \
  } G_STMT_END
  REFUSED ("tn.lan", dated);
  REFUSED ("pct.nga", transfer);
  g_setenv ("MOTCUA_NOW", "2026-01-05 08:00", TRUE);
  REFUSED ("tn.lan", RECEIVE);
  g_unsetenv ("MOTCUA_NOW");
  g_assert_cmpint (query (real, "SELECT count (*) FROM dossier"), ==, before);
  g_assert_cmpint (query (real, "SELECT count (*) FROM dossier_event WHERE at > strftime ('%s', 'now')"), ==, 0);
  /* The administrator (here also at the counter) may, audited. */
  g_setenv ("MOTCUA_NEW_PASSWORD", PASSWORD, TRUE);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_on (real, "admin", "account add qt.lan --name \"Lê Thị Lan\" --roles quan_tri,tiep_nhan "
                                  "--department TTPV --no-password-change", &out, &err), ==, 0);
  g_setenv ("MOTCUA_NEW_PASSWORD", "doimatkhau2027", TRUE);
  g_assert_cmpint (run_on (real, "qt.lan", dated, &out, &err), ==, 0);
  g_assert_cmpint (query (real, "SELECT count (*) FROM dossier"), ==, before + 1);
  g_assert_cmpint (query (real, "SELECT count (*) FROM audit_log a JOIN staff s ON s.id = a.staff_id "
                                "WHERE a.action = 'backdated' AND s.username = 'qt.lan' AND a.at > 1790000000 "
                                "AND a.detail LIKE '%thời điểm ghi 08:00 ngày 05/01/2026, giờ thực %'"), ==, 1);
  /* The demo's database takes the counter's dated reception, audited too. */
  g_assert_cmpint (run_on (demo, "tn.lan", dated, &out, &err), ==, 0);
  g_assert_cmpint (query (demo, "SELECT count (*) FROM audit_log a JOIN staff s ON s.id = a.staff_id "
                                "WHERE a.action = 'backdated' AND s.username = 'tn.lan'"), ==, 1);
}

/* Catalog and calendar changes refused leave everything as it was; allowed,
 * the trail names the administrator. */
static void
test_catalog_calendar_named (void)
{
  g_autofree char *db = copy_template ("catalog.sqlite");
  g_autofree char *import = g_strdup_printf ("catalog import %s/catalog.csv", fx.dir);
  g_autofree char *out = NULL, *err = NULL;
  gint64 procedures = query (db, "SELECT count (*) FROM procedure");
  /* (the clerk's sign-in is on the record, as every sign-in) */
  gint64 n_rows = query (db, "SELECT count (*) FROM audit_log WHERE action != 'sign_in'");

  g_assert_cmpint (run_on (db, NULL, import, &out, &err), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_on (db, "tn.lan", "calendar set 2026-12-24 holiday \"Nghỉ\"", &out, &err), ==, 1);
  g_assert_cmpint (query (db, "SELECT count (*) FROM procedure"), ==, procedures);
  g_assert_cmpint (query (db, "SELECT count (*) FROM calendar_day WHERE date = '2026-12-24'"), ==, 0);
  g_assert_cmpint (query (db, "SELECT count (*) FROM audit_log WHERE action != 'sign_in'"), ==, n_rows);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_on (db, "admin", import, &out, &err), ==, 0);
  g_assert_cmpint (query (db, "SELECT count (*) FROM audit_log a JOIN staff s ON s.id = a.staff_id WHERE "
                              "s.username = 'admin' AND a.action LIKE 'procedure.%' AND a.detail LIKE '9.000001 %'"), >=, 1);
}

/* Each export with personal data leaves a row naming who took it. */
static void
test_exports_audited (void)
{
  g_autofree char *db = copy_template ("exports.sqlite");
  const char *code = g_hash_table_lookup (fx.codes, "R0");
  g_autofree char *receipt = g_strdup_printf ("dossier receipt %s -o %s/r.pdf", code, fx.dir);
  g_autofree char *sheet = g_strdup_printf ("dossier control-sheet %s -o %s/s.pdf", code, fx.dir);
  g_autofree char *reg = g_strdup_printf ("dossier register --from 2026-12-01 --to 2026-12-31 -o %s/r.xlsx", fx.dir);
  const char *const commands[] = { receipt, sheet, reg, "dossier search 038085012345", "dossier search 0912345678" };
  const char *const actions[] = { "export.receipt", "export.control_sheet", "export.register", "export.search",
                                  "export.search" };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *out = NULL, *err = NULL;
      g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM audit_log a JOIN staff s ON s.id = a.staff_id "
                                              "WHERE a.action = '%s' AND s.username = 'cv.tuan'", actions[i]);
      gint64 n = query (db, sql);

      g_assert_cmpint (run_on (db, "cv.tuan", commands[i], &out, &err), ==, 0);
      g_assert_cmpint (query (db, sql), ==, n + 1);
    }
  /* The trail names the search, not the citizen's number. */
  g_assert_cmpint (query (db, "SELECT count (*) FROM audit_log WHERE detail LIKE '%038085012345%'"), ==, 0);
}

int
main (int argc, char *argv[])
{
  int status;

  /* One demo database for every test: its folder outlives each test. */
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/authz/every-command-has-a-row", test_every_command_has_a_row);
  g_test_add_func ("/authz/unlisted-subcommand", test_unlisted_subcommand);
  g_test_add_func ("/authz/at", test_at);
  g_test_add_func ("/authz/catalog-calendar-named", test_catalog_calendar_named);
  g_test_add_func ("/authz/exports-audited", test_exports_audited);
  g_test_add_func ("/authz/table", test_table);
  fixture_build ();
  status = g_test_run ();
  g_hash_table_unref (fx.codes);
  g_free (fx.template_db);
  g_free (fx.dir);
  return status;
}
