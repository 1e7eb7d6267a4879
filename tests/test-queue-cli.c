/* test-queue-cli.c — motcua queue …: services and counters, tickets taken
 * by kiosk processes at once (no number twice, none skipped), the counter's
 * calls, status and statistics, and errors in Vietnamese
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "mc-db.h"
#include "mc-test-utils.h"

static char *db_path;

/* motcua --db DB ARGS…: the exit status; stdout and stderr. */
static int
run (const char *const *args, char **out, char **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) g_getenv ("MOTCUA_BIN"));
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, db_path);
  for (int i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  {
    g_autofree char *o = g_strescape (*out ? *out : "", NULL), *e = g_strescape (*err ? *err : "", NULL);

    g_test_message ("%s %s: exit %d, [%.300s] [%.300s]", args[0], args[1] ? args[1] : "", status, o, e);
  }
  return g_spawn_check_wait_status (status, NULL) ? 0 : WEXITSTATUS (status);
}

/* Runs and returns stdout; the test fails unless it exits with 0. */
static char *
ok (const char *const *args)
{
  g_autofree char *err = NULL;
  char *out = NULL;

  g_assert_cmpint (run (args, &out, &err), ==, 0);
  return out;
}

/* Runs, expecting exit 1 and `words` in the Vietnamese error. */
static void
refused (const char *const *args, const char *words)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run (args, &out, &err), ==, 1);
  g_autofree char *flat = NULL;

  g_assert_cmpstr (out, ==, "");
  flat = mc_test_normalize (err);
  mc_test_assert_has (flat, words);
}

#define ARGS(...) ((const char *const[]) { __VA_ARGS__, NULL })

static void
set_up_queue (void)
{
  g_free (ok (ARGS ("queue", "service", "add", "--name", "Hộ tịch – Chứng thực", "--prefix", "A")));
  g_free (ok (ARGS ("queue", "service", "add", "--name", "Đất đai", "--first", "1000", "--last", "1999")));
  g_free (ok (ARGS ("queue", "counter", "add", "--number", "1", "--name", "Quầy 1", "--services", "A,Đất đai")));
  g_free (ok (ARGS ("queue", "counter", "add", "--number", "2", "--name", "Quầy 2", "--services", "a")));
}

static void
test_flow (void)
{
  g_autofree char *services = NULL, *counters = NULL, *t1 = NULL, *t2 = NULL, *t3 = NULL, *called = NULL;
  g_autofree char *recalled = NULL, *served = NULL, *moved = NULL, *status = NULL, *csv = NULL, *text = NULL;
  g_autofree char *skipped = NULL, *status2 = NULL;

  db_path = mc_test_db_path ("queue-flow.sqlite");
  set_up_queue ();
  services = ok (ARGS ("queue", "service", "list"));
  g_assert_cmpstr (services, ==, "1\tA\t1-999\tactive\tHộ tịch – Chứng thực\n2\t\t1000-1999\tactive\tĐất đai\n");
  counters = ok (ARGS ("queue", "counter", "list"));
  g_assert_cmpstr (counters, ==, "1\tQuầy 1\tactive\tHộ tịch – Chứng thực; Đất đai\n2\tQuầy 2\tactive\tHộ tịch – Chứng thực\n");

  t1 = ok (ARGS ("queue", "take", "--service", "A", "--at", "2026-12-07 08:00"));
  g_assert_cmpstr (t1, ==, "A001\tHộ tịch – Chứng thực\t2026-12-07 08:00\t0\n");
  t2 = ok (ARGS ("queue", "take", "--service", "Đất đai", "--at", "2026-12-07 08:01"));
  g_assert_cmpstr (t2, ==, "1000\tĐất đai\t2026-12-07 08:01\t0\n");
  t3 = ok (ARGS ("queue", "take", "--service", "1", "--priority", "nguoi_cao_tuoi", "--at", "2026-12-07 08:02"));
  g_assert_cmpstr (t3, ==, "A002\tHộ tịch – Chứng thực\t2026-12-07 08:02\t1\n");

  /* Priority first (the default): A002 before A001. */
  called = ok (ARGS ("queue", "call", "--counter", "2", "--at", "2026-12-07 08:05"));
  g_assert_cmpstr (called, ==, "A002\tHộ tịch – Chứng thực\tĐã gọi\t2\t2026-12-07 08:02\tNgười cao tuổi\n");
  recalled = ok (ARGS ("queue", "recall", "--counter", "2", "--at", "2026-12-07 08:06"));
  g_assert_nonnull (strstr (recalled, "A002\t"));
  served = ok (ARGS ("queue", "serve", "--counter", "2", "--at", "2026-12-07 08:07"));
  g_assert_nonnull (strstr (served, "\tĐang phục vụ\t"));
  refused (ARGS ("queue", "recall", "--counter", "2", "--at", "2026-12-07 08:08"), "không thể gọi lại");
  moved = ok (ARGS ("queue", "transfer", "--counter", "2", "--to-service", "Đất đai", "--at", "2026-12-07 08:09"));
  g_assert_cmpstr (moved, ==, "A002\tĐất đai\tĐang chờ\t\t2026-12-07 08:02\tNgười cao tuổi\n");
  status = ok (ARGS ("queue", "status", "--day", "2026-12-07"));
  g_assert_cmpstr (status, ==, "counter\t1\tQuầy 1\t\t\ncounter\t2\tQuầy 2\t\t\n"
                               "waiting\tA001\tHộ tịch – Chứng thực\t\t\n"
                               "waiting\t1000\tĐất đai\t\t\n"
                               "waiting\tA002\tĐất đai\t\tNgười cao tuổi\n");
  g_free (ok (ARGS ("queue", "call", "--counter", "1", "--at", "2026-12-07 08:10")));
  skipped = ok (ARGS ("queue", "skip", "--counter", "1", "--at", "2026-12-07 08:12"));
  g_assert_cmpstr (skipped, ==, "A002\tĐất đai\tVắng mặt\t1\t2026-12-07 08:02\tNgười cao tuổi\n");
  status2 = ok (ARGS ("queue", "status", "--counter", "2", "--day", "2026-12-07"));
  g_assert_cmpstr (status2, ==, "counter\t2\tQuầy 2\t\t\nwaiting\tA001\tHộ tịch – Chứng thực\t\t\n");

  /* A001 waited from 8:00; A002 from 8:02 to its first call at 8:05 (3 min). */
  csv = ok (ARGS ("queue", "stats", "--from", "2026-12-07", "--to", "2026-12-07", "--by", "service", "--format", "csv"));
  g_assert_cmpstr (csv, ==, "nhom,so_phat,da_phuc_vu,vang_mat,cho_tb_phut,cho_p90_phut,phuc_vu_tb_phut\n"
                            "\"Hộ tịch – Chứng thực\",1,0,0,0.0,0.0,0.0\n"
                            "\"Đất đai\",2,0,1,3.0,3.0,0.0\n"
                            "\"Tổng cộng\",3,0,1,3.0,3.0,0.0\n");
  text = ok (ARGS ("queue", "stats", "--from", "2026-12-07", "--to", "2026-12-07"));
  {
    g_autofree char *flat = mc_test_normalize (text);

    mc_test_assert_has (flat, "Nhóm Đã cấp Đã phục vụ Vắng mặt Chờ TB Chờ p90 Phục vụ TB 2026-12-07 3 0 1 3 3 "
                              "Tổng cộng 3 0 1 3 3");
  }

  refused (ARGS ("queue", "take", "--service", "Z"), "Không có dịch vụ lấy số “Z”");
  refused (ARGS ("queue", "take", "--service", "A", "--priority", "vip"), "nguoi_cao_tuoi");
  refused (ARGS ("queue", "call", "--counter", "7"), "7");
  refused (ARGS ("queue", "service", "add", "--name", "Khác", "--prefix", "A"), "Hộ tịch – Chứng thực");
  refused (ARGS ("queue", "stats", "--from", "2026-12-08", "--to", "2026-12-07"), "2026-12-07");
  g_clear_pointer (&db_path, g_free);
}

/* The citizen's rating as a script gives it: invite (a clerk's "Mời đánh
 * giá"), rate once with the level's words, refused twice or out of range. */
static void
test_rate (void)
{
  g_autofree char *invited = NULL, *rated = NULL;

  db_path = mc_test_tmp_path ("queue-rate.sqlite");
  set_up_queue ();
  g_free (ok (ARGS ("queue", "take", "--service", "A", "--at", "2026-12-07 08:00")));
  g_free (ok (ARGS ("queue", "call", "--counter", "1", "--at", "2026-12-07 08:01")));
  refused (ARGS ("queue", "rate", "--ticket", "A001", "--level", "5", "--at", "2026-12-07 08:02"), "A001");
  invited = ok (ARGS ("queue", "invite", "--counter", "1", "--at", "2026-12-07 08:03"));
  g_assert_cmpstr (invited, ==, "A001\tHộ tịch – Chứng thực\tĐã xong\t1\t2026-12-07 08:00\t\n");
  refused (ARGS ("queue", "rate", "--ticket", "A001", "--level", "6", "--at", "2026-12-07 08:04"), "6");
  refused (ARGS ("queue", "rate", "--ticket", "A009", "--level", "3", "--at", "2026-12-07 08:04"), "A009");
  rated = ok (ARGS ("queue", "rate", "--ticket", "a001", "--level", "1", "--at", "2026-12-07 08:04"));
  g_assert_cmpstr (rated, ==, "A001\t1\tRất không hài lòng\t\n");
  refused (ARGS ("queue", "rate", "--ticket", "A001", "--level", "5", "--at", "2026-12-07 08:05"), "đã được đánh giá");
  g_clear_pointer (&db_path, g_free);
}

/* Six kiosk processes, five tickets each, all at once. */
static void
test_concurrent_kiosks (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) db = NULL;
  GPid pids[6];

  db_path = mc_test_db_path ("queue-kiosks.sqlite");
  set_up_queue ();
  for (guint i = 0; i < G_N_ELEMENTS (pids); i++)
    {
      /* A fixed day: a run at 17:00 UTC would otherwise start a new day's numbers. */
      const char *script = "for i in 1 2 3 4 5; do \"$0\" --db \"$1\" queue take --service A "
                           "--at '2026-12-07 08:00' >/dev/null || exit 1; done";
      const char *argv[] = { "/bin/sh", "-c", script, g_getenv ("MOTCUA_BIN"), db_path, NULL };

      g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pids[i],
                                    &error));
    }
  for (guint i = 0; i < G_N_ELEMENTS (pids); i++)
    {
      int status = 0;

      g_assert_cmpint (waitpid (pids[i], &status, 0), ==, pids[i]);
      g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
    }
  db = mc_db_new (db_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mc_db_query_int (db, "SELECT count (*) FROM queue_ticket", NULL), ==, 30);
  g_assert_cmpint (mc_db_query_int (db, "SELECT count (DISTINCT number) FROM queue_ticket", NULL), ==, 30);
  g_assert_cmpint (mc_db_query_int (db, "SELECT min (number) FROM queue_ticket", NULL), ==, 1);
  g_assert_cmpint (mc_db_query_int (db, "SELECT max (number) FROM queue_ticket", NULL), ==, 30);
  g_clear_pointer (&db_path, g_free);
}

/* The cells of an XLSX's first sheet, a row a line "a|b|c" (shared strings
 * and numbers as written; empty cells left out). */
static GPtrArray *
xlsx_lines (const char *path)
{
  const char *strings_argv[] = { "unzip", "-p", path, "xl/sharedStrings.xml", NULL };
  const char *sheet_argv[] = { "unzip", "-p", path, "xl/worksheets/sheet1.xml", NULL };
  g_autofree char *strings_xml = mc_test_run_tool (strings_argv), *sheet = mc_test_run_tool (sheet_argv);
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRegex) si = g_regex_new ("<si>(.*?)</si>", G_REGEX_DOTALL, 0, NULL);
  g_autoptr(GRegex) t = g_regex_new ("<t[^>]*>([^<]*)</t>", 0, 0, NULL);
  g_autoptr(GRegex) row = g_regex_new ("<row [^>]*>(.*?)</row>", G_REGEX_DOTALL, 0, NULL);
  g_autoptr(GRegex) cell = g_regex_new ("<c ([^>]*)><v>([^<]*)</v></c>", 0, 0, NULL);
  g_autoptr(GMatchInfo) m = NULL;

  g_assert_nonnull (strings_xml);
  g_assert_nonnull (sheet);
  for (g_regex_match (si, strings_xml, 0, &m); g_match_info_matches (m); g_match_info_next (m, NULL))
    {
      g_autofree char *item = g_match_info_fetch (m, 1);
      g_autoptr(GMatchInfo) tm = NULL;
      GString *text = g_string_new (NULL);

      for (g_regex_match (t, item, 0, &tm); g_match_info_matches (tm); g_match_info_next (tm, NULL))
        {
          g_autofree char *part = g_match_info_fetch (tm, 1);

          g_string_append (text, part);
        }
      g_ptr_array_add (strings, g_string_free (text, FALSE));
    }
  g_clear_pointer (&m, g_match_info_unref);
  for (g_regex_match (row, sheet, 0, &m); g_match_info_matches (m); g_match_info_next (m, NULL))
    {
      g_autofree char *cells = g_match_info_fetch (m, 1);
      g_autoptr(GMatchInfo) cm = NULL;
      GString *line = g_string_new (NULL);

      for (g_regex_match (cell, cells, 0, &cm); g_match_info_matches (cm); g_match_info_next (cm, NULL))
        {
          g_autofree char *attributes = g_match_info_fetch (cm, 1), *value = g_match_info_fetch (cm, 2);
          gboolean shared = strstr (attributes, "t=\"s\"") != NULL;

          if (line->len)
            g_string_append_c (line, '|');
          if (shared && atoi (value) < (int) strings->len)
            g_string_append (line, strings->pdata[atoi (value)]);
          else
            g_string_append (line, value);
        }
      g_ptr_array_add (lines, g_string_free (line, FALSE));
    }
  return lines;
}

static gboolean
has_line (GPtrArray *lines, const char *line)
{
  for (guint i = 0; i < lines->len; i++)
    if (g_str_equal (lines->pdata[i], line))
      return TRUE;
  for (guint i = 0; i < lines->len; i++)
    g_test_message ("line %u: %s", i, (const char *) lines->pdata[i]);
  return FALSE;
}

/* Thống kê xếp hàng as XLSX, PDF and JSON from the demo: counter 1 called
 * A001 at 8:10 (waited 600 s, served 9 minutes), A002 at 8:25 (1,380 s,
 * absent), A003 at 8:30 (1,560 s, served 9 minutes); B001 never called.
 * Counter 1: 3 taken, 2 served (66,7%), 1 absent, wait (600 + 1380 + 1560) /
 * 3 = 1,180 s = 19,7 minutes, p90 the 3rd of 3 = 26 minutes, service 9. */
static void
test_stats_documents (void)
{
  g_autofree char *xlsx = mc_test_tmp_path ("queue.xlsx"), *pdf = mc_test_tmp_path ("queue.pdf");
  g_autofree char *json = NULL, *text = NULL, *flat = NULL;
  static const char *const moves[][3] = {
    { "call", "08:10" }, { "serve", "08:11" }, { "finish", "08:20" }, { "call", "08:25" }, { "skip", "08:27" },
    { "call", "08:30" }, { "serve", "08:31" }, { "finish", "08:40" },
  };

  g_setenv ("MOTCUA_PASSWORD", "motcua2026", TRUE);
  db_path = mc_test_tmp_path ("queue-documents.sqlite");
  /* The demo's staff, not its queue: the figures below are this day's four tickets. */
  g_free (ok (ARGS ("demo", "--dossiers", "3", "--seed", "7", "--queue-days", "0")));
  for (int i = 0; i < 3; i++)
    {
      g_autofree char *at = g_strdup_printf ("2026-12-07 08:0%d", 2 * i);

      g_free (ok (ARGS ("queue", "take", "--service", "A", "--at", at)));
    }
  g_free (ok (ARGS ("queue", "take", "--service", "B", "--at", "2026-12-07 09:00")));
  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    {
      g_autofree char *at = g_strdup_printf ("2026-12-07 %s", moves[i][1]);

      g_free (ok (ARGS ("--user", "tn.lan", "queue", moves[i][0], "--counter", "1", "--at", at)));
    }
  /* The clerk's own day (the queue bar's "Hôm nay của tôi"). */
  {
    g_autofree char *mine = ok (ARGS ("--user", "tn.lan", "queue", "mine", "--day", "2026-12-07"));

    g_assert_true (g_str_has_prefix (mine, "called\t3\nserved\t2\nabsent\t1\nwait_avg_s\t1180.0\n"
                                           "service_avg_s\t540.0\nratings\t0\nrating_avg\t\nrating_5\t0\n"));
    refused (ARGS ("--user", "tn.lan", "queue", "mine", "--day", "7/12/2026"), "7/12/2026");
  }
  /* A counter clerk sees the figures, not the signed document. */
  refused (ARGS ("--user", "tn.lan", "queue", "stats", "--from", "2026-12-01", "--to", "2026-12-31", "--format",
                 "pdf", "--output", pdf), "không có quyền");
  {
    /* A document needs its file: the usage, exit 2. */
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (run (ARGS ("--user", "pct.nga", "queue", "stats", "--from", "2026-12-01", "--to", "2026-12-31",
                                "--format", "xlsx"), &out, &err), ==, 2);
    mc_test_assert_has (err, "--format xlsx|pdf --output");
  }
  json = ok (ARGS ("--user", "tn.lan", "queue", "stats", "--from", "2026-12-01", "--to", "2026-12-31", "--format",
                   "json"));
  mc_test_assert_has (json, "\"total\": {\"name\": \"Tổng cộng\", \"issued\": 4, \"served\": 2, \"absent\": 1, "
                            "\"wait_avg_s\": 1180.0, \"wait_p90_s\": 1560.0, \"service_avg_s\": 540.0}");
  g_free (ok (ARGS ("--user", "pct.nga", "queue", "stats", "--from", "2026-12-01", "--to", "2026-12-31", "--format",
                    "xlsx", "--output", xlsx)));
  g_free (ok (ARGS ("--user", "pct.nga", "queue", "stats", "--from", "2026-12-01", "--to", "2026-12-31", "--format",
                    "pdf", "--output", pdf)));
  /* The gate: no overwrite without --force. */
  refused (ARGS ("--user", "pct.nga", "queue", "stats", "--from", "2026-12-01", "--to", "2026-12-31", "--format",
                 "pdf", "--output", pdf), "đã có");

  if (mc_test_have_program ("unzip"))
    {
      g_autoptr(GPtrArray) lines = xlsx_lines (xlsx);

      g_assert_true (has_line (lines, "THỐNG KÊ LẤY SỐ THỨ TỰ VÀ THỜI GIAN CHỜ"));
      g_assert_true (has_line (lines, "(Kỳ thống kê: tháng 12 năm 2026)"));
      g_assert_true (has_line (lines, "I. Theo quầy"));
      /* Figures are numbers: the rate a ratio, the minutes with their decimals. */
      g_assert_true (has_line (lines, "Chưa gọi|1|0|0|0"));
      g_assert_true (has_line (lines, "Quầy 1|3|2|1|0.667|19.7|26|9"));
      g_assert_true (has_line (lines, "Tổng cộng|4|2|1|0.5|19.7|26|9"));
      g_assert_true (has_line (lines, "07/12/2026|4|2|1|0.5|19.7|26|9"));
      /* The signature blocks under the tables, the reports' (settings report.*). */
      g_assert_true (g_str_has_prefix (lines->pdata[lines->len - 3], "NGƯỜI LẬP BIỂU|"));
      /* The page's two charts as the workbook's own, over the tables' cells
       * (the total row left out): columns by hour, lines of the waits by day. */
      {
        const char *bars_argv[] = { "unzip", "-p", xlsx, "xl/charts/chart1.xml", NULL };
        const char *lines_argv[] = { "unzip", "-p", xlsx, "xl/charts/chart2.xml", NULL };
        g_autofree char *bars = mc_test_run_tool (bars_argv), *waits = mc_test_run_tool (lines_argv);
        const char *const cols[][3] = { { "B", "C", NULL }, { "F", "G", NULL } };

        g_assert_nonnull (bars);
        g_assert_nonnull (waits);
        mc_test_assert_has (bars, "<c:barChart>");
        mc_test_assert_has (bars, "Lượt lấy số và đã phục vụ theo giờ");
        mc_test_assert_has (waits, "<c:lineChart>");
        mc_test_assert_has (waits, "Thời gian chờ theo ngày (phút)");
        /* The categories (the day's two hours, the month's one day; the
         * total left out): the names in column A, the series beside them. */
        for (int k = 0; k < 2; k++)
          {
            const char *xml = k == 0 ? bars : waits;
            g_autoptr(GRegex) re = g_regex_new ("'Thống kê xếp hàng'!\\$A\\$(\\d+)(:\\$A\\$(\\d+))?<", 0, 0, NULL);
            g_autoptr(GMatchInfo) m = NULL;
            g_autofree char *from = NULL, *to = NULL;

            if (!g_regex_match (re, xml, 0, &m))
              g_error ("chart %d has no categories in column A:\n%s", k + 1, xml);
            from = g_match_info_fetch (m, 1);
            to = g_match_info_fetch (m, 3);
            /* A range of one cell is written as the cell ($A$26). */
            g_assert_cmpint ((to && *to ? atoi (to) : atoi (from)) - atoi (from), ==, k == 0 ? 1 : 0);
            for (int c = 0; cols[k][c]; c++)
              {
                g_autofree char *range = to && *to ? g_strdup_printf ("'Thống kê xếp hàng'!$%s$%s:$%s$%s<",
                                                                      cols[k][c], from, cols[k][c], to)
                                                   : g_strdup_printf ("'Thống kê xếp hàng'!$%s$%s<", cols[k][c], from);
                mc_test_assert_has (xml, range);
              }
          }
      }
    }
  text = mc_test_pdftotext (pdf, "-raw");
  if (text == NULL)
    return;
  flat = mc_test_normalize (text);
  mc_test_assert_has (flat, "THỐNG KÊ LẤY SỐ THỨ TỰ VÀ THỜI GIAN CHỜ (Kỳ thống kê: tháng 12 năm 2026)");
  mc_test_assert_has (flat, "Tổng hợp: 4 lượt lấy số, 2 lượt đã phục vụ (50%), 1 lượt vắng mặt; chờ trung bình 19,7 "
                            "phút, 90% không quá 26 phút; phục vụ trung bình 9 phút.");
  mc_test_assert_has (flat, "Quầy 1 3 2 1 66,7% 19,7 26 9");
  mc_test_assert_has (flat, "Hộ tịch – Chứng thực 3 2 1 66,7% 19,7 26 9");
  mc_test_assert_has (flat, "08:00 – 09:00 3 2 1 66,7% 19,7 26 9");
  mc_test_assert_has (flat, "NGƯỜI LẬP BIỂU");
  /* The page's charts drawn on the PDF, with their legends. */
  mc_test_assert_has (flat, "Lượt lấy số và đã phục vụ theo giờ");
  mc_test_assert_has (flat, "Thời gian chờ theo ngày (phút)");
  mc_test_assert_has (flat, "90% chờ không quá");
  g_clear_pointer (&db_path, g_free);
}

/* The text table keeps its columns under a service name longer than the
 * old fixed 28 characters (an administrator names services freely). */
static void
test_stats_text_aligned (void)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  long width = -1;

  db_path = mc_test_db_path ("queue-aligned.sqlite");
  g_free (ok (ARGS ("queue", "service", "add", "--name", "Kinh doanh – Đầu tư – Lao động – Thương binh", "--prefix",
                    "K")));
  g_free (ok (ARGS ("queue", "service", "add", "--name", "Đất đai", "--prefix", "D")));
  g_free (ok (ARGS ("queue", "take", "--service", "K", "--at", "2026-12-07 08:00")));
  g_free (ok (ARGS ("queue", "take", "--service", "D", "--at", "2026-12-07 08:01")));
  text = ok (ARGS ("queue", "stats", "--from", "2026-12-07", "--to", "2026-12-07", "--by", "service"));
  /* Three rows under the header, each ending in a newline (the last
   * element is the empty rest). */
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_cmpstr (lines[4], ==, "");
  /* Every column right-aligned at a fixed place: each line as long as the header. */
  for (guint i = 0; i < 4; i++)
    {
      long n = g_utf8_strlen (lines[i], -1);

      if (width < 0)
        width = n;
      g_assert_cmpint (n, ==, width);
    }
  g_assert_nonnull (strstr (text, "Kinh doanh – Đầu tư – Lao động – Thương binh  "));
  g_clear_pointer (&db_path, g_free);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/queue-cli/flow", test_flow);
  g_test_add_func ("/queue-cli/concurrent-kiosks", test_concurrent_kiosks);
  g_test_add_func ("/queue-cli/rate", test_rate);
  g_test_add_func ("/queue-cli/stats-documents", test_stats_documents);
  g_test_add_func ("/queue-cli/stats-text-aligned", test_stats_text_aligned);
  return g_test_run ();
}
