/* test-kiosk-cli.c — the kiosk's ticket as a PDF (motcua queue take
 * --ticket-pdf, motcua queue ticket): its words (pdftotext), its QR
 * (zbarimg), its 80 mm page, the output gate; motcua kiosk lookup, masked
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

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
  g_test_message ("%s %s: exit %d, [%.300s] [%.300s]", args[0], args[1] ? args[1] : "", status, *out, *err);
  return g_spawn_check_wait_status (status, NULL) ? 0 : WEXITSTATUS (status);
}

static char *
ok (const char *const *args)
{
  g_autofree char *err = NULL;
  char *out = NULL;

  g_assert_cmpint (run (args, &out, &err), ==, 0);
  return out;
}

static void
refused (const char *const *args, const char *words)
{
  g_autofree char *out = NULL, *err = NULL, *flat = NULL;

  g_assert_cmpint (run (args, &out, &err), ==, 1);
  g_assert_cmpstr (out, ==, "");
  flat = mc_test_normalize (err);
  mc_test_assert_has (flat, words);
}

#define ARGS(...) ((const char *const[]) { __VA_ARGS__, NULL })

static void
set_up (const char *name)
{
  g_free (db_path);
  db_path = mc_test_tmp_path (name);
  /* The kiosk's clock: Monday 7 December 2026, 09:00 in Vietnam. */
  g_setenv ("MOTCUA_NOW", "2026-12-07 09:00", TRUE);
  g_free (ok (ARGS ("queue", "service", "add", "--name", "Hộ tịch – Chứng thực", "--prefix", "A")));
  g_free (ok (ARGS ("queue", "counter", "add", "--number", "1", "--name", "Quầy 1", "--services", "A")));
}

/* The QR of the PDF's page, read as a counter's scanner would (216 dpi). */
static char *
decode_qr (const char *pdf)
{
  g_autofree char *stem = g_strconcat (pdf, "-page", NULL);
  g_autofree char *png = g_strconcat (stem, "-1.png", NULL);
  const char *render[] = { "pdftoppm", "-png", "-r", "216", pdf, stem, NULL };
  const char *scan[] = { "zbarimg", "-q", "--raw", png, NULL };

  g_free (mc_test_run_tool (render));
  return g_strstrip (mc_test_run_tool (scan));
}

static void
test_ticket_pdf (void)
{
  g_autofree char *pdf = mc_test_tmp_path ("A002.pdf"), *again = mc_test_tmp_path ("again.pdf");
  g_autofree char *taken = NULL, *text = NULL, *flat = NULL, *text1 = NULL;
  const char *info[] = { "pdfinfo", pdf, NULL };
  GStatBuf st;

  if (!mc_test_have_program ("pdftotext") || !mc_test_have_program ("pdftoppm") ||
      !mc_test_have_program ("zbarimg"))
    {
      g_test_skip ("poppler-utils or zbar-tools is not installed");
      return;
    }
  set_up ("kiosk-ticket.sqlite");
  g_free (ok (ARGS ("queue", "take", "--service", "A")));
  taken = ok (ARGS ("queue", "take", "--service", "A", "--ticket-pdf", pdf));
  g_assert_cmpstr (taken, ==, "A002\tHộ tịch – Chứng thực\t2026-12-07 09:00\t1\n");
  g_assert_cmpint (g_stat (pdf, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  text = mc_test_pdftotext (pdf, "-raw");
  flat = mc_test_normalize (text);
  mc_test_assert_has (flat, "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG");
  mc_test_assert_has (flat, "SỐ THỨ TỰ A002");
  mc_test_assert_has (flat, "Hộ tịch – Chứng thực");
  mc_test_assert_has (flat, "Lấy số lúc 09:00");
  mc_test_assert_has (flat, "Thứ Hai, ngày 7 tháng 12 năm 2026");
  mc_test_assert_has (flat, "Số người chờ trước: 1");
  /* Nobody served yet today: no figure is invented. */
  mc_test_assert_has (flat, "Thời gian chờ dự kiến: đang cập nhật");
  mc_test_assert_has (flat, "Vui lòng chờ gọi số");
  {
    g_autofree char *qr = decode_qr (pdf);

    g_assert_cmpstr (qr, ==, "STT:A002;NGAY:2026-12-07;DV:1");
  }
  {
    g_autofree char *out = mc_test_run_tool (info);

    /* 80 mm = 226,77 pt wide, as long as the content. */
    mc_test_assert_has (out, "226.772 x");
  }

  /* The counter serves A001 in 6 minutes: A002 printed again now has one
   * counter open and a 6-minute average, nobody ahead. */
  g_free (ok (ARGS ("queue", "call", "--counter", "1", "--at", "2026-12-07 09:01")));
  g_free (ok (ARGS ("queue", "serve", "--counter", "1", "--at", "2026-12-07 09:01")));
  g_free (ok (ARGS ("queue", "finish", "--counter", "1", "--at", "2026-12-07 09:07")));
  g_free (ok (ARGS ("queue", "take", "--service", "A")));  /* A003, behind A002 */
  refused (ARGS ("queue", "ticket", "--number", "A003", "--day", "2026-12-07", "--output", pdf), "đã có");
  g_free (ok (ARGS ("queue", "ticket", "--number", "a003", "--day", "2026-12-07", "--output", again)));
  text1 = mc_test_pdftotext (again, "-raw");
  g_clear_pointer (&flat, g_free);
  flat = mc_test_normalize (text1);
  mc_test_assert_has (flat, "SỐ THỨ TỰ A003");
  mc_test_assert_has (flat, "Số người chờ trước: 1");
  mc_test_assert_has (flat, "Thời gian chờ dự kiến: khoảng 6 phút");
  refused (ARGS ("queue", "ticket", "--number", "A999", "--day", "2026-12-07", "--output", again, "--force"),
           "Không có phiếu số A999 ngày 07/12/2026");
  /* A refused output path takes no number. */
  refused (ARGS ("queue", "take", "--service", "A", "--ticket-pdf", db_path), "");
  {
    g_autofree char *status = ok (ARGS ("queue", "status", "--day", "2026-12-07"));

    g_assert_null (strstr (status, "A004"));
  }
}

static void
test_lookup (void)
{
  g_autofree char *received = NULL, *code = NULL, *shown = NULL, *by_tail = NULL;

  set_up ("kiosk-lookup.sqlite");
  received = ok (ARGS ("dossier", "receive", "--procedure", "1.001193", "--name", "Lê Văn An", "--id-number",
                       "038085012345", "--phone", "0912345678", "--channel", "truc_tiep"));
  code = g_strndup (received, strcspn (received, "\t"));
  shown = ok (ARGS ("kiosk", "lookup", code));
  g_assert_nonnull (strstr (shown, "Mã hồ sơ\t"));
  g_assert_nonnull (strstr (shown, code));
  g_assert_nonnull (strstr (shown, "Người nộp hồ sơ\tLê V. A.\n"));
  g_assert_nonnull (strstr (shown, "Trạng thái\tĐã tiếp nhận\n"));
  g_assert_nonnull (strstr (shown, "Ngày tiếp nhận\t09:00 ngày 07/12/2026\n"));
  g_assert_nonnull (strstr (shown, "Tiến độ\tTrong hạn\n"));
  g_assert_null (strstr (shown, "Văn An"));
  g_assert_null (strstr (shown, "038085012345"));
  g_assert_null (strstr (shown, "0912345678"));
  /* The tail, as typed on the kiosk's keypad. */
  by_tail = ok (ARGS ("kiosk", "lookup", strchr (code, '-') + 1));
  g_assert_cmpstr (by_tail, ==, shown);
  refused (ARGS ("kiosk", "lookup", "000.00.00.X00-261207-0099"),
           "Không tìm thấy hồ sơ có mã “000.00.00.X00-261207-0099”");
  refused (ARGS ("kiosk", "lookup", "<script>"), "Đây không phải mã hồ sơ");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/kiosk-cli/ticket-pdf", test_ticket_pdf);
  g_test_add_func ("/kiosk-cli/lookup", test_lookup);
  return g_test_run ();
}
