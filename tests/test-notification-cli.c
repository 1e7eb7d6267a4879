/* test-notification-cli.c — motcua notifications: the signed-in person's own, read one, read all
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include "mc-test-utils.h"

static int
run (const char *db, const char *user, const char *args, char **out, char **err)
{
  g_autofree char *cmd = g_strdup_printf ("%s --db %s%s%s %s", g_getenv ("MOTCUA_BIN"), db, user ? " --user " : "",
                                          user ? user : "", args);
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_command_line_sync (cmd, out, err, &status, &error));
  g_assert_no_error (error);
  return g_spawn_check_wait_status (status, NULL) ? 0 : WEXITSTATUS (status);
}

/* stdout of a run that must succeed. */
static char *
ok (const char *db, const char *user, const char *args)
{
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = run (db, user, args, &out, &err);

  if (status != 0)
    g_error ("motcua %s → %d: %s", args, status, err);
  return out;
}

static guint
n_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    n += *p == '\n';
  return n;
}

/* A dossier handed by the counter to cv.tuan: he sees it, unread, with its
 * code; tn.lan sees nothing and cannot mark his; he reads it, then all. */
static void
test_list_read (void)
{
  g_autofree char *db = mc_test_db_path ("notifications.sqlite");
  g_autofree char *demo = NULL, *received = NULL, *transfer = NULL, *mine = NULL, *theirs = NULL, *id = NULL;
  g_autofree char *read_args = NULL, *unread = NULL, *again = NULL, *all = NULL, *out = NULL, *err = NULL;
  g_autofree char *code = NULL, *transfer_args = NULL;
  g_auto(GStrv) fields = NULL;

  g_setenv ("MOTCUA_PASSWORD", "motcua2026", TRUE);
  demo = ok (db, NULL, "demo --dossiers 20");
  received = ok (db, "tn.lan", "dossier receive --procedure 1.001193 --name \"Lê Văn An\" "
                               "--id-number 038085012345 --channel truc_tiep");
  code = g_strndup (received, strcspn (received, "\t\n"));
  transfer_args = g_strdup_printf ("dossier transfer %s --to-user cv.tuan", code);
  transfer = ok (db, "tn.lan", transfer_args);

  mine = ok (db, "cv.tuan", "notifications list --unread");
  g_assert_cmpuint (n_lines (mine), ==, 1);
  fields = g_strsplit (mine, "\t", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 6);
  g_assert_cmpstr (fields[1], ==, "unread");
  g_assert_cmpstr (fields[3], ==, "assigned");
  g_assert_cmpstr (fields[4], ==, code);
  g_assert_nonnull (strstr (fields[5], code));
  id = g_strdup (fields[0]);

  theirs = ok (db, "tn.lan", "notifications");
  g_assert_cmpstr (theirs, ==, "");
  read_args = g_strdup_printf ("notifications read %s", id);
  g_assert_cmpint (run (db, "tn.lan", read_args, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, id));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (db, NULL, "notifications", &out, &err), !=, 0);  /* nobody signed in */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (db, "cv.tuan", "notifications read x", &out, &err), ==, 2);

  g_free (ok (db, "cv.tuan", read_args));
  unread = ok (db, "cv.tuan", "notifications list --unread");
  g_assert_cmpstr (unread, ==, "");
  again = ok (db, "cv.tuan", "notifications list");
  g_assert_nonnull (strstr (again, "\tread\t"));
  all = ok (db, "cv.tuan", "notifications read-all");
  g_assert_cmpstr (all, ==, "0\n");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/notification-cli/list-read", test_list_read);
  return g_test_run ();
}
