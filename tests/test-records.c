/* test-records.c — the routing documents: Mẫu 04 apology, Mẫu 05/06 control
 * sheet, Mẫu 06/07 dossier register (PDF and XLSX), Mẫu 05 (2025) stop
 * notice, and the "Số: …" line each carries
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dossiers are driven through the workflow on a temporary database; the PDFs
 * are read back with pdftotext (what a citizen reads, diacritics included) and
 * the XLSX with unzip. Without those tools the checks that need them skip.
 */
#include "config.h"

#include <string.h>

#include "mc-apology-form.h"
#include "mc-calendar-store.h"
#include "mc-control-sheet.h"
#include "mc-dossier-receipt.h"
#include "mc-dossier-register.h"
#include "mc-dossier-store.h"
#include "mc-form-set.h"
#include "mc-stop-notice.h"
#include "mc-test-utils.h"
#include "mc-workflow.h"

/* Hòa giải tranh chấp đất đai: TTPV → KT chuyên viên → KT lãnh đạo → VP → VP văn thư. */
#define LAND "1.012812"
/* Đăng ký khai sinh: TTPV → VP → VP. */
#define BIRTH "1.001193"
#define E (&error)
#define OK(call) G_STMT_START { g_assert_true (call); g_assert_no_error (error); } G_STMT_END

typedef McTestRouting Fixture;

/* The unit named as on the forms' headers. */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  mc_test_routing_set_up (f);
  g_assert_true (mc_db_exec (f->db, "UPDATE unit SET name = 'Ủy ban nhân dân phường Phú Sơn', "
                                    "place_name = 'Phú Sơn' WHERE relation = 'self'", &error));
  g_assert_true (mc_db_set_setting (f->db, "unit.office_name", "Bộ phận Tiếp nhận và Trả kết quả", &error));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  mc_test_routing_tear_down (f);
}

static char *
receive (Fixture *f, const char *procedure, const char *name, const char *at)
{
  g_autoptr(GError) error = NULL;
  char *code = mc_test_receive (f->store, procedure, name, at, &error);

  g_assert_no_error (error);
  return code;
}

/* Hòa giải tranh chấp đất đai received 2/3/2026 (TT 03/2025 forms), through
 * Phòng Kinh tế, the police and the Văn phòng, with an apology, returned. */
static char *
drive_land (Fixture *f, gint64 *apology_id)
{
  char *code = receive (f, LAND, "Nguyễn Văn An", "2026-03-02 08:00");
  g_autoptr(GError) error = NULL;
  McAction a;
  McTime new_due;

  a = mc_test_action ("2026-03-02 09:00", "tn.lan", NULL);
  OK (mc_workflow_transfer (f->wf, code, &a, NULL, NULL, E));
  a = mc_test_action ("2026-03-02 10:00", "cv.duc", NULL);
  OK (mc_workflow_accept (f->wf, code, &a, E));
  a = mc_test_action ("2026-03-03 10:00", "cv.duc", "Xác minh nhân thân các bên");
  OK (mc_workflow_send_external (f->wf, code, &a, "000.30.06.H56", 0, 3, E));
  a = mc_test_action ("2026-03-05 15:00", "cv.duc", NULL);
  OK (mc_workflow_receive_external (f->wf, code, &a, E));
  a = mc_test_action ("2026-03-10 08:00", "cv.duc", NULL);
  OK (mc_workflow_transfer (f->wf, code, &a, NULL, "tp.quang", E));
  a = mc_test_action ("2026-03-11 08:00", "tp.quang", NULL);
  OK (mc_workflow_transfer (f->wf, code, &a, NULL, NULL, E));
  a = mc_test_action ("2026-03-12 08:00", "pct.nga", "Chờ ý kiến của các bên tranh chấp");
  OK (mc_workflow_suggest_new_due (f->wf, code, a.at, &new_due, E));
  OK (mc_workflow_apologize (f->wf, code, &a, "KT", "cv.duc", new_due, apology_id, E));
  a = mc_test_action ("2026-03-12 09:00", "pct.nga", NULL);
  OK (mc_workflow_transfer (f->wf, code, &a, NULL, "vt.yen", E));
  a = mc_test_action ("2026-03-12 10:00", "vt.yen", NULL);
  OK (mc_workflow_finish (f->wf, code, &a, "15/QĐ-UBND", "Biên bản hòa giải thành", E));
  a = mc_test_action ("2026-03-13 09:00", "tn.lan", NULL);
  OK (mc_workflow_return (f->wf, code, &a, "Nguyễn Văn An", "038085012345", NULL, MC_CHANNEL_TRUC_TIEP, E));
  return code;
}

/* Đăng ký khai sinh received 3/3/2025 (TT 01/2018 forms), late, apologised. */
static char *
drive_birth (Fixture *f, gint64 *apology_id)
{
  char *code = receive (f, BIRTH, "Trần Thị Bích Ngọc", "2025-03-03 08:00");
  g_autoptr(GError) error = NULL;
  McAction a;
  McTime new_due;

  a = mc_test_action ("2025-03-03 08:30", "tn.lan", NULL);
  OK (mc_workflow_transfer (f->wf, code, &a, NULL, NULL, E));
  a = mc_test_action ("2025-03-03 09:00", "pct.nga", "Sai lệch thông tin trên giấy chứng sinh, cần xác minh");
  OK (mc_workflow_suggest_new_due (f->wf, code, a.at, &new_due, E));
  OK (mc_workflow_apologize (f->wf, code, &a, "VP", "pct.nga", new_due, apology_id, E));
  a = mc_test_action ("2025-03-04 08:00", "pct.nga", NULL);
  OK (mc_workflow_transfer (f->wf, code, &a, NULL, "vt.yen", E));
  a = mc_test_action ("2025-03-04 09:00", "vt.yen", NULL);
  OK (mc_workflow_finish (f->wf, code, &a, "12/TLKS", NULL, E));
  return code;
}

/* The PDF's text in reading order (-raw), pages apart in *pages when asked;
 * NULL (the test skips) without pdftotext. */
static char *
pdf_text (const char *path, GStrv *pages)
{
  g_autofree char *raw = mc_test_pdftotext (path, "-raw");

  if (raw == NULL)
    return NULL;
  if (pages != NULL)
    *pages = g_strsplit (raw, "\f", -1);
  return mc_test_normalize (raw);
}

/* A dossier code may wrap after its agency part in a narrow column. */
static void
assert_code (const char *text, const char *code)
{
  const char *dash = strchr (code, '-');
  g_autofree char *agency = g_strndup (code, dash - code + 1);

  g_assert_nonnull (dash);
  if (strstr (text, code) == NULL)
    {
      g_autofree char *wrapped = g_strconcat (agency, " ", dash + 1, NULL);

      mc_test_assert_has (text, wrapped);
    }
}

static void
assert_header (const char *text)
{
  mc_test_assert_has (text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  mc_test_assert_has (text, "Độc lập - Tự do - Hạnh phúc");
  mc_test_assert_has (text, "PHƯỜNG PHÚ SƠN");
}

/* Mẫu 04 */

static void
test_apology_2025 (Fixture *f, gconstpointer unused)
{
  gint64 id = 0;
  g_autofree char *code = drive_land (f, &id);
  g_autofree char *path = mc_test_tmp_path ("apology-2025.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(McApologyFormData) data = NULL;
  g_autofree char *text = NULL;

  /* The Phó Chủ tịch who issued it signs, for the chairman (NĐ 30 II.7). */
  g_assert_true (mc_db_exec (f->db, "UPDATE staff SET title = 'Phó Chủ tịch UBND phường' "
                                    "WHERE username = 'pct.nga'", &error));
  OK (mc_apology_form_write_pdf (f->wf, id, path, E));
  data = mc_apology_form_data_new (f->wf, id, E);
  g_assert_nonnull (data);
  g_assert_cmpint (mc_apology_form_get_n_pages (data, 595, 842), ==, 1);
  g_assert_cmpint (data->previous_due_at, !=, data->new_due_at);
  text = pdf_text (path, NULL);
  if (text == NULL)
    return;
  assert_header (text);
  mc_test_assert_has (text, "PHIẾU XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT");
  mc_test_assert_has (text, "Kính gửi: Nguyễn Văn An");
  mc_test_assert_has (text, "Ngày 02 tháng 3 năm 2026, Ủy ban nhân dân phường Phú Sơn tiếp nhận giải quyết hồ sơ "
                    "đề nghị giải quyết thủ tục hành chính");
  mc_test_assert_has (text, "số định danh: 038085012345; mã số hồ sơ:");
  mc_test_assert_has (text, code);
  mc_test_assert_has (text, "Tuy nhiên đến nay, Ủy ban nhân dân phường Phú Sơn chưa trả kết quả giải quyết hồ sơ của "
                    "Ông/Bà/Tổ chức đúng thời hạn quy định ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.");
  mc_test_assert_has (text, "Lý do: Chờ ý kiến của các bên tranh chấp");
  mc_test_assert_has (text, "xin trân trọng gửi lời xin lỗi đến Ông (Bà)/Tổ chức");
  mc_test_assert_has (text, "Mong nhận được sự thông cảm của Ông/Bà/Tổ chức vì sự chậm trễ này./.");
  mc_test_assert_has (text, "KT. CHỦ TỊCH");
  mc_test_assert_has (text, "PHÓ CHỦ TỊCH");
  mc_test_assert_lacks (text, "PHÓ CHỦ TỊCH UBND");
  mc_test_assert_has (text, "Nguyễn Thị Nga");
  mc_test_assert_has (text, "Nơi nhận:");
  mc_test_assert_has (text, "- Như trên;");
  mc_test_assert_has (text, "- Lưu: VT.");
  g_assert_cmpstr (data->signer_name, ==, "Nguyễn Thị Nga");
  g_assert_cmpstr (data->signer_authority, ==, "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH");
  /* Both appointments, as "…giờ…phút, ngày…". */
  {
    g_autofree char *old_due = mc_records_format_instant (data->previous_due_at);
    g_autofree char *new_due = mc_records_format_instant (data->new_due_at);

    mc_test_assert_has (text, old_due);
    mc_test_assert_has (text, new_due);
  }
}

static void
test_apology_2018 (Fixture *f, gconstpointer unused)
{
  gint64 id = 0;
  g_autofree char *code = drive_birth (f, &id);
  g_autofree char *path = mc_test_tmp_path ("apology-2018.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  /* The chairman signs for the committee; the catalog's "Thủ tục đăng ký
   * khai sinh" is not "thủ tục hành chính Thủ tục …". */
  g_assert_true (mc_db_exec (f->db, "UPDATE staff SET title = 'Chủ tịch', full_name = 'Trần Văn Sơn' "
                                    "WHERE username = 'pct.nga'", &error));
  OK (mc_apology_form_write_pdf (f->wf, id, path, E));
  text = pdf_text (path, NULL);
  if (text == NULL)
    return;
  assert_header (text);
  mc_test_assert_has (text, "TM. ỦY BAN NHÂN DÂN");
  mc_test_assert_has (text, "Trần Văn Sơn");
  mc_test_assert_has (text, "thủ tục hành chính đăng ký khai sinh");
  mc_test_assert_lacks (text, "hành chính Thủ tục");
  mc_test_assert_has (text, "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ");
  mc_test_assert_has (text, "Kính gửi: Trần Thị Bích Ngọc");
  mc_test_assert_has (text, "Ngày 03 tháng 3 năm 2025");
  mc_test_assert_has (text, code);
  mc_test_assert_has (text, "Lý do: Sai lệch thông tin trên giấy chứng sinh, cần xác minh");
  /* What TT 03/2025 added is not on the old form. */
  mc_test_assert_lacks (text, "số định danh");
  mc_test_assert_lacks (text, "ĐỀ NGHỊ GIA HẠN");
}

static void
test_apology_missing (Fixture *f, gconstpointer unused)
{
  g_autofree char *path = mc_test_tmp_path ("none.pdf");
  g_autoptr(GError) error = NULL;

  g_assert_false (mc_apology_form_write_pdf (f->wf, 4242, path, &error));
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Mẫu 05 / 06 */

static void
test_control_sheet_2025 (Fixture *f, gconstpointer unused)
{
  gint64 id = 0;
  g_autofree char *code = drive_land (f, &id);
  g_autofree char *path = mc_test_tmp_path ("control-2025.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(McControlSheetData) data = NULL;
  g_autofree char *text = NULL;

  OK (mc_control_sheet_write_pdf (f->wf, code, path, E));
  data = mc_control_sheet_data_new (f->wf, code, E);
  g_assert_cmpuint (data->handovers->len, ==, 8);
  g_assert_cmpstr (data->coordinating_body, ==, "Công an phường Phú Sơn");
  /* Both appointments: Mẫu 01's and the later one the apology set. */
  g_assert_cmpint (data->due_at, >, mc_test_time ("2026-03-02 08:00"));
  g_assert_cmpint (data->extended_due_at, >, data->due_at);
  /* Handed to the department, accepted there by Vũ Đức Mạnh: he received it. */
  g_assert_cmpstr (((McHandover *) data->handovers->pdata[0])->to_staff, ==, "Vũ Đức Mạnh");
  text = pdf_text (path, NULL);
  if (text == NULL)
    return;
  assert_header (text);
  mc_test_assert_has (text, "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ");
  mc_test_assert_has (text, "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ");
  mc_test_assert_has (text, "Mã số hồ sơ:");
  mc_test_assert_has (text, code);
  mc_test_assert_has (text, "Kèm theo hồ sơ của: Nguyễn Văn An");
  mc_test_assert_has (text, "Cơ quan phối hợp giải quyết hồ sơ: Công an phường Phú Sơn");
  mc_test_assert_has (text, "Ngày nhận: 08 giờ 00 phút, ngày 02 tháng 3 năm 2026");
  {
    g_autofree char *due = mc_records_format_instant (data->due_at);
    g_autofree char *extended = mc_records_format_instant (data->extended_due_at);
    g_autofree char *due_line = g_strconcat ("Hẹn trả kết quả vào ", due, NULL);
    g_autofree char *extended_line = g_strconcat ("Gia hạn trả kết quả đến ", extended, NULL);

    mc_test_assert_has (text, due_line);
    mc_test_assert_has (text, extended_line);
  }
  mc_test_assert_has (text, "2. Nhận: Phòng Kinh tế, Hạ tầng và Đô thị (Vũ Đức Mạnh)");
  mc_test_assert_has (text, "Tên đơn vị");
  mc_test_assert_has (text, "Kết quả giải quyết hồ sơ (trước hạn/");  /* wraps in its column */
  /* Each hand-over: giver, receiver, the times, who signs. */
  mc_test_assert_has (text, "1. Giao: Trung tâm Phục vụ hành chính công");
  mc_test_assert_has (text, "2. Nhận: Phòng Kinh tế, Hạ tầng và Đô thị");
  mc_test_assert_has (text, "2. Nhận: Công an phường Phú Sơn");
  mc_test_assert_has (text, "1. Giao: Công an phường Phú Sơn");
  mc_test_assert_has (text, "2. Nhận: Tổ chức, cá nhân");
  mc_test_assert_has (text, "09 giờ 00 phút, ngày 02/03/2026");
  mc_test_assert_has (text, "Nhận: 10 giờ 00 phút, ngày 02/03/2026");
  mc_test_assert_has (text, "Người giao");
  mc_test_assert_has (text, "Người nhận");
  mc_test_assert_has (text, "Vũ Đức Mạnh");
  mc_test_assert_has (text, "Trần Quang Huy");
  mc_test_assert_has (text, "Trước hạn");
  mc_test_assert_has (text, "Việc lưu vết được thực hiện tự động");
}

static void
test_control_sheet_2018 (Fixture *f, gconstpointer unused)
{
  gint64 id = 0;
  g_autofree char *code = drive_birth (f, &id);
  g_autofree char *path = mc_test_tmp_path ("control-2018.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  OK (mc_control_sheet_write_pdf (f->wf, code, path, E));
  text = pdf_text (path, NULL);
  if (text == NULL)
    return;
  mc_test_assert_has (text, "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ");
  mc_test_assert_has (text, "Mã hồ sơ:");
  mc_test_assert_has (text, "TÊN CƠ QUAN");
  mc_test_assert_has (text, "THỜI GIAN GIAO, NHẬN HỒ SƠ");
  mc_test_assert_has (text, "KẾT QUẢ GIẢI QUYẾT HỒ SƠ (Trước hạn/");
  mc_test_assert_has (text, "08 giờ 30 phút, ngày 03 tháng 3 năm 2025");
  /* The apology's new appointment beside the first, named after the 2018 Mẫu 04. */
  mc_test_assert_has (text, "Hẹn lại ngày trả kết quả vào");
  mc_test_assert_has (text, "(theo Phiếu xin lỗi và hẹn lại ngày trả kết quả)");
  mc_test_assert_has (text, "Nội dung yêu cầu giải quyết: Thủ tục đăng ký khai sinh");
  mc_test_assert_has (text, "dịch vụ bưu chính công ích theo Quyết định số 45/2016/");
  /* The result goes back to the counter, late from the Văn phòng. */
  mc_test_assert_has (text, "2. Nhận: Trung tâm Phục vụ hành chính công");
  mc_test_assert_has (text, "Quá hạn");
}

static char *
pdf_info (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };

  return mc_test_run_tool (argv);
}

/* Rightmost ink of any word (pdftotext -bbox). */
static double
words_right (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-bbox", pdf, "-", NULL };
  g_autofree char *html = mc_test_run_tool (argv);
  double right = 0;

  for (const char *p = strstr (html, "xMax=\""); p != NULL; p = strstr (p + 1, "xMax=\""))
    right = MAX (right, g_ascii_strtod (p + 6, NULL));
  return right;
}

/* TT 01/2018 prints its Mẫu 05 on A5 (forms.paper_2018, default a5): the
 * control sheet of three hand-overs inside the A5 page's margins; A4 when
 * the unit says so. The 2025 sheet is
 * on A4 (forms.paper_2025, no size found in TT 03/2025) or A5 if chosen. */
static void
test_control_sheet_paper (Fixture *f, gconstpointer unused)
{
  gint64 id = 0;
  g_autofree char *birth = drive_birth (f, &id);
  g_autofree char *land = drive_land (f, &id);
  g_autofree char *a5 = mc_test_tmp_path ("control-a5.pdf");
  g_autofree char *a4 = mc_test_tmp_path ("control-a4.pdf");
  g_autofree char *new_a4 = mc_test_tmp_path ("control-2025-a4.pdf");
  g_autofree char *new_a5 = mc_test_tmp_path ("control-2025-a5.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(McControlSheetData) data = NULL;

  data = mc_control_sheet_data_new (f->wf, birth, E);
  g_assert_true (mc_control_sheet_is_a5 (data));
  /* The head, three hand-overs and the three notes of 2018 take two A5
   * pages (as they took two A4 pages at the decree's sizes). */
  g_assert_cmpint (mc_control_sheet_get_n_pages (data, 1, 1), <=, 2);
  OK (mc_control_sheet_data_write_pdf (data, a5, E));
  OK (mc_control_sheet_write_pdf (f->wf, land, new_a4, E));
  OK (mc_db_set_setting (f->db, "forms.paper_2018", "a4", E));
  OK (mc_db_set_setting (f->db, "forms.paper_2025", "a5", E));
  OK (mc_control_sheet_write_pdf (f->wf, birth, a4, E));
  OK (mc_control_sheet_write_pdf (f->wf, land, new_a5, E));
  if (!mc_test_have_program ("pdfinfo") || !mc_test_have_program ("pdftotext"))
    return;
  {
    g_autofree char *i_a5 = pdf_info (a5), *i_a4 = pdf_info (a4), *n_a4 = pdf_info (new_a4), *n_a5 = pdf_info (new_a5);

    mc_test_assert_has (i_a5, "419.528 x 595.276 pts");
    mc_test_assert_has (i_a4, "595.276 x 841.89 pts (A4)");
    mc_test_assert_has (n_a4, "595.276 x 841.89 pts (A4)");
    mc_test_assert_has (n_a5, "419.528 x 595.276 pts");
  }
  g_assert_cmpfloat (words_right (a5), <=, MC_PDF_A5_WIDTH - MC_PDF_MM (10) + 1);
  g_assert_cmpfloat (words_right (new_a5), <=, MC_PDF_A5_WIDTH - MC_PDF_MM (10) + 1);
}

static void
test_control_sheet_missing (Fixture *f, gconstpointer unused)
{
  g_autofree char *path = mc_test_tmp_path ("none.pdf");
  g_autoptr(GError) error = NULL;

  g_assert_false (mc_control_sheet_write_pdf (f->wf, "000.00.06.H56-260101-9999", path, &error));
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_FOUND);
}

/* Mẫu 06 / 07 */

static char *
unzip_member (const char *path, const char *member)
{
  const char *argv[] = { "unzip", "-p", path, member, NULL };

  return mc_test_run_tool (argv);
}

static void
test_register_2025 (Fixture *f, gconstpointer unused)
{
  gint64 id = 0;
  g_autofree char *land = drive_land (f, &id);
  g_autofree char *birth = drive_birth (f, &id);
  g_autofree char *pdf = mc_test_tmp_path ("register-2025.pdf");
  g_autofree char *xlsx = mc_test_tmp_path ("register-2025.xlsx");
  McTime from = mc_test_time ("2026-03-01 00:00"), to = mc_test_time ("2026-04-01 00:00");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  OK (mc_dossier_register_write_pdf (f->wf, from, to, pdf, E));
  OK (mc_dossier_register_write_xlsx (f->wf, from, to, xlsx, E));
  text = pdf_text (pdf, NULL);
  if (text == NULL)
    return;
  assert_header (text);
  mc_test_assert_has (text, "SỔ THEO DÕI HỒ SƠ");
  /* One number for the book of the period, whichever the format. */
  mc_test_assert_has (text, "Số: 01/STD-TTPVHCC");
  mc_test_assert_has (text, "(Từ ngày 01/03/2026 đến ngày 31/03/2026)");
  mc_test_assert_has (text, "Nhận và trả kết quả");
  mc_test_assert_has (text, "Phương thức nhận kết quả");
  mc_test_assert_has (text, "(11)");
  mc_test_assert_lacks (text, "(12)");
  assert_code (text, land);
  mc_test_assert_lacks (text, birth + 14);  /* received in 2025: another period */
  mc_test_assert_has (text, "Nguyễn Văn An");
  mc_test_assert_has (text, "02/03/2026");  /* the day over the time */
  mc_test_assert_has (text, "13/03/2026");
  mc_test_assert_has (text, "Trực tiếp");
  mc_test_assert_has (text, "Sổ theo dõi hồ sơ được lập theo từng lĩnh vực");

  if (!mc_test_have_program ("unzip"))
    {
      g_test_skip ("unzip is not installed");
      return;
    }
  {
    g_autofree char *strings = unzip_member (xlsx, "xl/sharedStrings.xml");
    g_autofree char *sheet = unzip_member (xlsx, "xl/worksheets/sheet1.xml");
    g_autofree char *workbook = unzip_member (xlsx, "xl/workbook.xml");
    g_autofree char *styles = unzip_member (xlsx, "xl/styles.xml");

    mc_test_assert_has (strings, "SỔ THEO DÕI HỒ SƠ");
    mc_test_assert_has (strings, "Số: 01/STD-TTPVHCC");
    mc_test_assert_has (strings, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    mc_test_assert_has (strings, "ỦY BAN NHÂN DÂN PHƯỜNG PHÚ SƠN");
    mc_test_assert_has (strings, "Nhận và trả kết quả");
    mc_test_assert_has (strings, "Phương thức nhận kết quả");
    mc_test_assert_has (strings, "(11)");
    mc_test_assert_has (strings, land);
    mc_test_assert_has (strings, "Nguyễn Văn An");
    mc_test_assert_has (strings, "Trực tiếp");
    mc_test_assert_lacks (strings, birth);
    /* The group heading over columns G–K, titles spanning two rows. */
    mc_test_assert_has (sheet, "<mergeCell ref=\"G7:K7\"/>");
    mc_test_assert_has (sheet, "<mergeCell ref=\"A7:A8\"/>");
    mc_test_assert_has (sheet, "orientation=\"landscape\"");
    mc_test_assert_has (sheet, "paperSize=\"9\"");
    mc_test_assert_has (sheet, "fitToHeight=\"0\"");
    mc_test_assert_has (workbook, "_xlnm.Print_Titles");
    mc_test_assert_has (workbook, "$7:$9");
    mc_test_assert_has (styles, "Times New Roman");
    mc_test_assert_has (styles, "dd/mm/yyyy hh:mm");
  }
}

static void
test_register_2018 (Fixture *f, gconstpointer unused)
{
  gint64 id = 0;
  g_autofree char *birth = drive_birth (f, &id);
  g_autofree char *pdf = mc_test_tmp_path ("register-2018.pdf");
  McTime from = mc_test_time ("2025-03-01 00:00"), to = mc_test_time ("2025-04-01 00:00");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  OK (mc_dossier_register_write_pdf (f->wf, from, to, pdf, E));
  text = pdf_text (pdf, NULL);
  if (text == NULL)
    return;
  mc_test_assert_has (text, "SỔ THEO DÕI HỒ SƠ");
  mc_test_assert_has (text, "Số lượng hồ sơ (bộ)");
  mc_test_assert_has (text, "(14)");
  assert_code (text, birth);
  mc_test_assert_has (text, "Trần Thị Bích Ngọc");
  mc_test_assert_has (text, "03/03/2025");
  mc_test_assert_lacks (text, "Sổ theo dõi hồ sơ được lập theo");
}

/* Many dossiers: landscape pages, the header again on each page. */
static void
test_register_pages (void)
{
  g_autoptr(McDossierRegisterData) data =
    mc_dossier_register_data_new_empty (mc_test_time ("2026-01-01 00:00"), mc_test_time ("2026-02-01 00:00"));
  g_autofree char *pdf = mc_test_tmp_path ("register-long.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  int n_pages;

  g_ptr_array_set_free_func (data->rows, (GDestroyNotify) mc_register_row_free);
  data->unit.unit_name = g_strdup ("Ủy ban nhân dân xã Hoằng Hóa");
  data->unit.office_name = g_strdup ("Bộ phận Một cửa");
  for (int i = 0; i < 60; i++)
    {
      McRegisterRow *row = g_new0 (McRegisterRow, 1);

      row->code = g_strdup_printf ("000.00.07.H56-260105-%04d", i + 1);
      row->procedure_name = g_strdup ("Chứng thực bản sao từ bản chính giấy tờ, văn bản");
      row->n_sets = 1;
      row->applicant_name = g_strdup_printf ("Phạm Thị Thu %d", i + 1);
      row->applicant_contact = g_strdup ("Thôn 3, xã Hoằng Hóa; 0912000111");
      row->handling_body = g_strdup ("Văn phòng HĐND và UBND");
      row->received_at = mc_test_time ("2026-01-05 08:00");
      row->due_at = mc_test_time ("2026-01-05 16:00");
      g_ptr_array_add (data->rows, row);
    }
  n_pages = mc_dossier_register_get_n_pages (data, MC_PDF_LANDSCAPE_WIDTH, MC_PDF_LANDSCAPE_HEIGHT);
  g_assert_cmpint (n_pages, >=, 3);
  OK (mc_dossier_register_data_write_pdf (data, pdf, E));
  text = pdf_text (pdf, &pages);
  if (text == NULL)
    return;
  for (int p = 1; p < n_pages; p++)
    {
      g_autofree char *page = mc_test_normalize (pages[p]);

      mc_test_assert_has (page, "Nhận và trả kết quả");
      mc_test_assert_has (page, "(11)");
    }
  assert_code (text, "000.00.07.H56-260105-0060");
  if (mc_test_have_program ("pdfinfo"))
    {
      const char *argv[] = { "pdfinfo", pdf, NULL };
      g_autofree char *info = mc_test_run_tool (argv);

      mc_test_assert_has (info, "841.89 x 595.276 pts (A4)");
    }
}

static guint
count_of (const char *text, const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* Kept per field (the form's own note): one book per field, --field one. */
static void
test_register_fields (Fixture *f, gconstpointer unused)
{
  gint64 id = 0;
  g_autofree char *land = drive_land (f, &id);
  g_autofree char *birth = receive (f, BIRTH, "Trần Văn Bình", "2026-03-04 08:00");
  g_autofree char *all = mc_test_tmp_path ("register-all.pdf");
  g_autofree char *one = mc_test_tmp_path ("register-one.pdf");
  g_autofree char *xlsx = mc_test_tmp_path ("register-all.xlsx");
  McTime from = mc_test_time ("2026-03-01 00:00"), to = mc_test_time ("2026-04-01 00:00");
  g_autoptr(GError) error = NULL;
  g_autoptr(McDossierRegisterData) every = NULL;
  g_autoptr(McDossierRegisterData) civil = NULL;
  g_autoptr(McDossierRegisterData) unknown = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_one = NULL;

  every = mc_dossier_register_data_new (f->wf, from, to, NULL, E);
  g_assert_no_error (error);
  parts = mc_dossier_register_data_get_parts (every);
  g_assert_cmpuint (parts->len, ==, 2);
  for (guint i = 0; i < parts->len; i++)
    {
      McDossierRegisterPart *part = parts->pdata[i];

      g_assert_cmpuint (part->rows->len, ==, 1);
      g_assert_nonnull (part->field);
      g_assert_true (part->form_2025);
    }
  /* Without case or tone marks, as a clerk types it. */
  civil = mc_dossier_register_data_new (f->wf, from, to, "ho tich", E);
  g_assert_no_error (error);
  g_assert_cmpstr (civil->field, ==, "Hộ tịch");
  g_assert_cmpuint (civil->rows->len, ==, 1);
  g_assert_cmpstr (((McRegisterRow *) civil->rows->pdata[0])->code, ==, birth);
  unknown = mc_dossier_register_data_new (f->wf, from, to, "Không có", &error);
  g_assert_null (unknown);
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_FOUND);
  g_clear_error (&error);

  OK (mc_dossier_register_data_write_pdf (every, all, E));
  OK (mc_dossier_register_data_write_pdf (civil, one, E));
  OK (mc_dossier_register_data_write_xlsx (every, xlsx, E));
  text = pdf_text (all, NULL);
  text_one = pdf_text (one, NULL);
  if (text == NULL)
    return;
  mc_test_assert_has (text, "Lĩnh vực: Hộ tịch");
  mc_test_assert_has (text, "Lĩnh vực: Đất đai");
  g_assert_cmpuint (count_of (text, "SỔ THEO DÕI HỒ SƠ"), ==, 2);
  assert_code (text, land);
  assert_code (text, birth);
  mc_test_assert_has (text_one, "Lĩnh vực: Hộ tịch");
  mc_test_assert_lacks (text_one, "Đất đai");
  mc_test_assert_lacks (text_one, land + 14);
  assert_code (text_one, birth);
  if (mc_test_have_program ("unzip"))
    {
      g_autofree char *workbook = unzip_member (xlsx, "xl/workbook.xml");
      g_autofree char *second = unzip_member (xlsx, "xl/worksheets/sheet2.xml");

      mc_test_assert_has (workbook, "Hộ tịch");
      mc_test_assert_has (workbook, "Đất đai");
      g_assert_nonnull (second);
    }
}

/* A period across the switch of forms: the dossiers of each form set in a
 * book of that set's columns, each with its part of the period. */
static void
test_register_crossing (Fixture *f, gconstpointer unused)
{
  g_autofree char *old_form = receive (f, BIRTH, "Lê Văn Cũ", "2025-06-30 08:00");
  g_autofree char *new_form = receive (f, BIRTH, "Lê Văn Mới", "2026-03-02 08:00");
  g_autofree char *pdf = mc_test_tmp_path ("register-crossing.pdf");
  McTime from = mc_test_time ("2025-06-01 00:00"), to = mc_test_time ("2026-04-01 00:00");
  g_autoptr(GError) error = NULL;
  g_autoptr(McDossierRegisterData) data = mc_dossier_register_data_new (f->wf, from, to, NULL, &error);
  g_autoptr(GPtrArray) parts = NULL;
  McDossierRegisterPart *first, *second;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  parts = mc_dossier_register_data_get_parts (data);
  g_assert_cmpuint (parts->len, ==, 2);
  first = parts->pdata[0];
  second = parts->pdata[1];
  g_assert_false (first->form_2025);
  g_assert_true (second->form_2025);
  g_assert_cmpint (first->from, ==, from);
  g_assert_cmpint (first->to, ==, second->from);
  g_assert_cmpint (second->to, ==, to);
  g_assert_cmpstr (((McRegisterRow *) first->rows->pdata[0])->code, ==, old_form);
  g_assert_cmpstr (((McRegisterRow *) second->rows->pdata[0])->code, ==, new_form);
  OK (mc_dossier_register_data_write_pdf (data, pdf, E));
  text = pdf_text (pdf, NULL);
  if (text == NULL)
    return;
  /* TT 01/2018's columns, then TT 03/2025's, the period cut between them. */
  mc_test_assert_has (text, "Số lượng hồ sơ (bộ)");
  mc_test_assert_has (text, "Phương thức nhận kết quả");
  mc_test_assert_has (text, "(Từ ngày 01/06/2025 đến ngày");
  mc_test_assert_has (text, "đến ngày 31/03/2026)");
  g_assert_true (strstr (text, "Số lượng hồ sơ (bộ)") < strstr (text, "Phương thức nhận kết quả"));
}

/* Rows as the demo's: long procedures, addresses with the phone, the
 * Văn phòng's long name. The columns were fixed (5–6 rows a page, 112 pages
 * for 16 days of the demo); fitted to the text, a page holds many more. */
static void
test_register_rows_fit (void)
{
  g_autoptr(McDossierRegisterData) data =
    mc_dossier_register_data_new_empty (mc_test_time ("2026-11-01 00:00"), mc_test_time ("2026-11-17 00:00"));
  const char *procedures[] = { "Thủ tục đăng ký lại kết hôn có yếu tố nước ngoài",
                               "Công nhận hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp và diêm nghiệp có mức sống trung bình",
                               "Thủ tục cấp bản sao Trích lục hộ tịch", "Đổi, cấp lại Giấy xác nhận khuyết tật" };
  int n_pages;

  g_ptr_array_set_free_func (data->rows, (GDestroyNotify) mc_register_row_free);
  data->unit.unit_name = g_strdup ("Ủy ban nhân dân phường Phú Sơn");
  data->unit.office_name = g_strdup ("Trung tâm Phục vụ hành chính công");
  for (int i = 0; i < 120; i++)
    {
      McRegisterRow *row = g_new0 (McRegisterRow, 1);

      row->code = g_strdup_printf ("000.00.06.H56-2611%02d-%04d", 1 + i % 16, i + 1);
      row->procedure_name = g_strdup (procedures[i % G_N_ELEMENTS (procedures)]);
      row->n_sets = 1;
      row->applicant_name = g_strdup_printf ("Nguyễn Văn Hùng %d", i + 1);
      row->applicant_contact = g_strdup ("Số 140 đường Nguyễn Du, khu phố 8, phường Phú Sơn, tỉnh Thanh Hóa; 0942502131");
      row->handling_body = g_strdup ("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân");
      row->field_name = g_strdup ("Hộ tịch");
      row->received_at = mc_test_time ("2026-11-05 08:00");
      row->due_at = mc_test_time ("2026-11-27 11:26");
      row->returned_at = mc_test_time ("2026-12-02 07:53");
      g_ptr_array_add (data->rows, row);
    }
  n_pages = mc_dossier_register_get_n_pages (data, MC_PDF_LANDSCAPE_WIDTH, MC_PDF_LANDSCAPE_HEIGHT);
  g_test_message ("120 rows: %d pages", n_pages);
  /* 18 measured with the columns fitted; the fixed widths below gave 26. */
  g_assert_cmpint (n_pages, <=, 19);
  g_assert_cmpint (n_pages, >=, 6);
}

/* The same rows in the engine, with the register's former fixed widths and
 * fitted: fitting saves at least a tenth of the pages (20 → 18 measured). */
static int
table_pages (GPtrArray *rows, McPdfTableFlags flags)
{
  static const McPdfColumn fixed[] = {
    { "STT", 26, TRUE, NULL }, { "Mã hồ sơ", 74, FALSE, NULL }, { "Tên TTHC", 0, FALSE, NULL },
    { "Tên tổ chức, cá nhân", 66, FALSE, NULL }, { "Địa chỉ/SĐT", 84, FALSE, NULL },
    { "Cơ quan chủ trì giải quyết", 66, FALSE, NULL }, { "Nhận hồ sơ", 54, TRUE, "G" },
    { "Hẹn trả kết quả", 54, TRUE, "G" }, { "Trả kết quả", 54, TRUE, "G" },
    { "Phương thức nhận kết quả", 64, FALSE, "G" }, { "Ký nhận", 50, TRUE, "G" },
  };
  McPdfColumn columns[G_N_ELEMENTS (fixed)];
  g_autoptr(McPdfDocument) doc = mc_pdf_document_new_sized (NULL, -1, MC_PDF_LANDSCAPE_WIDTH, MC_PDF_LANDSCAPE_HEIGHT);

  for (guint c = 0; c < G_N_ELEMENTS (fixed); c++)
    {
      columns[c] = fixed[c];
      if (flags & MC_PDF_TABLE_FIT)
        columns[c].width = c == 0 || c == 10 ? fixed[c].width : 0;
    }
  mc_pdf_document_table_full (doc, columns, G_N_ELEMENTS (columns), rows, MC_PDF_TABLE_NUMBERED | flags, 10);
  return mc_pdf_document_get_n_pages (doc);
}

static void
test_table_fit (void)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  int before, after;

  for (int i = 0; i < 120; i++)
    {
      char *cells[] = { g_strdup_printf ("%d", i + 1), g_strdup_printf ("000.00.06.H56-\n261105-%04d", i),
                        g_strdup (i % 2 ? "Thủ tục đăng ký lại kết hôn có yếu tố nước ngoài"
                                        : "Công nhận hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp và diêm nghiệp có mức sống trung bình"),
                        g_strdup ("Nguyễn Văn Hùng"),
                        g_strdup ("Số 140 đường Nguyễn Du, khu phố 8, phường Phú Sơn, tỉnh Thanh Hóa; 0942502131"),
                        g_strdup ("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân"), g_strdup ("05/11/2026\n11:26"),
                        g_strdup ("27/11/2026\n11:26"), g_strdup ("02/12/2026\n07:53"), g_strdup ("Trực tiếp"),
                        g_strdup (""), NULL };

      g_ptr_array_add (rows, g_memdup2 (cells, sizeof cells));
    }
  before = table_pages (rows, 0);
  after = table_pages (rows, MC_PDF_TABLE_FIT);
  g_test_message ("120 rows: %d pages with fixed widths, %d fitted", before, after);
  g_assert_cmpint (after * 10, <=, before * 9);
}

static void
test_invalid (Fixture *f, gconstpointer unused)
{
  g_autoptr(McDossierRegisterData) data =
    mc_dossier_register_data_new_empty (mc_test_time ("2026-01-01 00:00"), mc_test_time ("2026-02-01 00:00"));
  g_autoptr(McControlSheetData) sheet = mc_control_sheet_data_new_empty ();
  g_autofree char *path = mc_test_tmp_path ("bad.xlsx");
  g_autofree char *pdf = mc_test_tmp_path ("bad.pdf");
  McRegisterRow *row = g_new0 (McRegisterRow, 1);
  g_autoptr(GError) error = NULL;

  /* An empty or backwards period is refused. */
  g_assert_false (mc_dossier_register_write_xlsx (f->wf, mc_test_time ("2026-02-01 00:00"),
                                                  mc_test_time ("2026-02-01 00:00"), path, &error));
  g_assert_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_INVALID);
  g_clear_error (&error);
  /* libxlsxwriter would write invalid UTF-8 into a file Excel refuses. */
  g_ptr_array_set_free_func (data->rows, (GDestroyNotify) mc_register_row_free);
  row->code = g_strdup ("X-1");
  row->applicant_name = g_strdup ("Nguy\xe1\xbb");
  g_ptr_array_add (data->rows, row);
  g_assert_false (mc_dossier_register_data_write_xlsx (data, path, &error));
  g_assert_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_INVALID);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  sheet->applicant_name = g_strdup ("\xff");
  g_assert_false (mc_control_sheet_data_write_pdf (sheet, pdf, &error));
  g_assert_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_INVALID);
}

/* Every record names who did it: the clerk signed in at the counter is on
 * the receive event (the timeline's "who"), the return names the counter's
 * department, and a refusal (Mẫu 03) stores and prints the clerk. */
static void
test_records_name_the_clerk (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 lan = mc_db_query_int (f->db, "SELECT id FROM staff WHERE username = 'tn.lan'", NULL);
  g_autofree char *code = NULL;
  g_autoptr(McDossier) dossier = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(McDossier) refused = mc_dossier_new ();
  McDossierData *r = mc_dossier_get_data (refused);
  g_autofree char *reference = NULL;
  g_autoptr(McReceiptData) form = NULL;
  g_autofree char *pdf = mc_test_tmp_path ("mau-03.pdf");
  g_autofree char *text = NULL;
  const McDossierEvent *received, *returned;
  McAction a;

  mc_db_set_actor (f->db, lan);
  code = receive (f, BIRTH, "Trần Thị Bích Ngọc", "2026-03-02 08:00");
  a = mc_test_action ("2026-03-02 08:30", "tn.lan", NULL);
  OK (mc_workflow_transfer (f->wf, code, &a, NULL, NULL, E));
  a = mc_test_action ("2026-03-02 09:00", "pct.nga", NULL);
  OK (mc_workflow_transfer (f->wf, code, &a, NULL, "vt.yen", E));
  a = mc_test_action ("2026-03-02 10:00", "vt.yen", NULL);
  OK (mc_workflow_finish (f->wf, code, &a, "12/TLKS", NULL, E));
  a = mc_test_action ("2026-03-03 09:00", NULL, NULL);
  OK (mc_workflow_return (f->wf, code, &a, "Trần Thị Bích Ngọc", "038085012345", NULL, MC_CHANNEL_TRUC_TIEP, E));
  dossier = mc_dossier_store_find (f->store, code, E);
  g_assert_nonnull (dossier);
  events = mc_dossier_store_list_events (f->store, mc_dossier_get_data (dossier)->id, E);
  g_assert_no_error (error);
  received = events->pdata[0];
  returned = events->pdata[events->len - 1];
  g_assert_cmpstr (received->kind, ==, "receive");
  /* The reception's event names who received (dossier.received_by, from
   * mc_actor ()): on a server the staff member of the session's login, no
   * one for the suite's own login (mc_test_recorded_staff). */
  g_assert_cmpstr (received->staff_name, ==, mc_test_on_pg () ? NULL : "Lê Thị Lan");
  g_assert_cmpstr (received->department_name, ==, "Trung tâm Phục vụ hành chính công");
  g_assert_cmpstr (returned->kind, ==, "return");
  g_assert_cmpstr (returned->staff_name, ==, "Lê Thị Lan");
  g_assert_cmpstr (returned->department_name, ==, "Trung tâm Phục vụ hành chính công");
  g_assert_cmpint (mc_db_query_int (f->db, "SELECT count (*) FROM dossier_event e JOIN department d "
                                           "ON d.id = e.from_department_id WHERE e.kind = 'return' "
                                           "AND d.code = 'TTPV'", NULL), ==, 1);

  r->procedure_code = g_strdup (BIRTH);
  r->procedure_name = g_strdup ("Thủ tục đăng ký khai sinh");
  r->applicant_name = g_strdup ("Đỗ Văn Hải");
  r->received_at = mc_test_time ("2026-03-04 10:00");
  reference = mc_dossier_store_refuse (f->store, refused, "Không thuộc thẩm quyền giải quyết của phường", E);
  g_assert_no_error (error);
  g_assert_nonnull (reference);
  g_assert_cmpint (mc_db_query_int (f->db, "SELECT coalesce (staff_id, 0) FROM refusal", NULL), ==,
                   mc_test_recorded_staff (f->db, "tn.lan"));
  g_assert_cmpstr (r->received_by, ==, "Lê Thị Lan");
  r->code = g_strdup (reference);
  form = mc_dossier_receipt_data (f->db, refused, MC_FORM_REFUSAL, E);
  g_assert_nonnull (form);
  form->reason = g_strdup ("Không thuộc thẩm quyền giải quyết của phường");
  OK (mc_receipt_write_pdf (MC_FORM_REFUSAL, form, pdf, E));
  text = pdf_text (pdf, NULL);
  if (text == NULL)
    return;
  mc_test_assert_has (text, "NGƯỜI TIẾP NHẬN HỒ SƠ (Ký và ghi rõ họ tên) Lê Thị Lan");
}

/* The rest of the records name who wrote them too: dossiers imported from
 * the previous system (their event) and the days set in the calendar. */
static void
test_records_name_the_importer (Fixture *f, gconstpointer data)
{
  static const char csv[] = "code,procedure_code,channel,received_at,due_at,finished_at,returned_at,outcome,"
                            "applicant_name\nCU-0001,1.001193,truc_tiep,2025-03-03 08:00,2025-03-04 08:00,,,,"
                            "Phạm Văn Cũ\n";
  g_autoptr(GError) error = NULL;
  gint64 nga;
  guint n = 0;

  /* A migration and the calendar are the administrator's (MC_PERMISSION_ADMINISTER, _CONFIGURE). */
  mc_test_add_staff (f->db, "admin", "Nguyễn Thị Nga", "VP", "quan_tri");
  nga = mc_db_query_int (f->db, "SELECT id FROM staff WHERE username = 'admin'", NULL);
  mc_db_set_actor (f->db, nga);
  OK (mc_dossier_store_import_csv (f->store, csv, strlen (csv), &n, E));
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (mc_db_query_int (f->db, "SELECT e.staff_id FROM dossier_event e JOIN dossier d "
                                           "ON d.id = e.dossier_id WHERE d.code = 'CU-0001' AND e.kind = 'import'",
                                    NULL), ==, nga);
  OK (mc_calendar_store_set_exception (f->db, mc_test_date ("2026-12-24"), MC_EXCEPTION_HOLIDAY,
                                       "Nghỉ theo quyết định của Chủ tịch", E));
  g_assert_cmpint (mc_db_query_int (f->db, "SELECT coalesce (created_by, 0) FROM calendar_day WHERE date = '2026-12-24'",
                                    NULL), ==, mc_test_recorded_staff (f->db, "admin"));
}


/* Mẫu 05 of TT 03/2025: Thông báo dừng giải quyết hồ sơ */

/* Đăng ký khai sinh received at `received`, handed to the Văn phòng, and
 * withdrawn at the applicant's request at `withdrawn`, recorded by tn.lan. */
static char *
withdraw_birth (Fixture *f, const char *received, const char *withdrawn)
{
  char *code = receive (f, BIRTH, "Phạm Thị Hoa", received);
  g_autoptr(GError) error = NULL;
  McAction a = mc_test_action (received, "tn.lan", NULL);

  a.at += 30 * 60;
  OK (mc_workflow_transfer (f->wf, code, &a, NULL, NULL, E));
  a = mc_test_action (withdrawn, "tn.lan", "Gia đình xin rút hồ sơ để bổ sung giấy chứng sinh");
  OK (mc_workflow_withdraw (f->wf, code, &a, E));
  return code;
}

static void
test_stop_notice_2025 (Fixture *f, gconstpointer unused)
{
  g_autofree char *code = withdraw_birth (f, "2025-10-06 08:00", "2025-10-07 09:00");
  g_autofree char *path = mc_test_tmp_path ("stop-2025.pdf");
  g_autofree char *again = mc_test_tmp_path ("stop-2025-again.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(McStopNoticeData) data = NULL;
  g_autofree char *text = NULL, *text_again = NULL;

  data = mc_stop_notice_data_new (f->wf, code, E);
  g_assert_no_error (error);
  g_assert_cmpstr (data->number_line, ==, "Số: 01/TBD-TTPVHCC");
  g_assert_cmpstr (data->notifier_name, ==, "Lê Thị Lan");
  g_assert_cmpint (data->stopped_at, ==, mc_test_time ("2025-10-07 09:00"));
  OK (mc_stop_notice_data_write_pdf (data, path, E));
  /* A reprint keeps its number; the export is audited. */
  OK (mc_stop_notice_write_pdf (f->wf, code, again, E));
  g_assert_cmpint (mc_db_query_int (f->db, "SELECT count (*) FROM audit_log WHERE action = 'export.stop_notice'",
                                    NULL), ==, 2);
  text = pdf_text (path, NULL);
  if (text == NULL)
    return;
  assert_header (text);
  mc_test_assert_has (text, "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ");
  mc_test_assert_has (text, "Số: 01/TBD-TTPVHCC");
  mc_test_assert_has (text, "Phú Sơn, ngày 07 tháng 10 năm 2025");
  mc_test_assert_has (text, "Kính gửi: Ông/Bà/Tổ chức Phạm Thị Hoa");
  mc_test_assert_has (text, "Ngày 06 tháng 10 năm 2025, Bộ phận Tiếp nhận và Trả kết quả tiếp nhận giải quyết "
                            "hồ sơ đề nghị giải quyết thủ tục hành chính Thủ tục đăng ký khai sinh");
  mc_test_assert_has (text, "số định danh: 038085012345; mã số hồ sơ:");
  mc_test_assert_has (text, "Ngày 07 tháng 10 năm 2025, Bộ phận Tiếp nhận và Trả kết quả nhận được yêu cầu dừng "
                            "thực hiện thủ tục hành chính nêu trên");
  mc_test_assert_has (text, "Lý do: Gia đình xin rút hồ sơ để bổ sung giấy chứng sinh");
  mc_test_assert_has (text, "Căn cứ khoản 1 Điều 21 Nghị định số 118/2025/NĐ-CP");
  mc_test_assert_has (text, "Điều 7 Thông tư số 03/2025/TT-VPCP");
  mc_test_assert_has (text, "thông báo dừng giải quyết hồ sơ nêu trên kể từ 09 giờ 00 phút, ngày 07 tháng 10 "
                            "năm 2025");
  mc_test_assert_has (text, "NGƯỜI THÔNG BÁO");
  mc_test_assert_has (text, "Lê Thị Lan");
  text_again = pdf_text (again, NULL);
  mc_test_assert_has (text_again, "Số: 01/TBD-TTPVHCC");
}

/* No notice for a dossier that was not withdrawn, nor for one withdrawn while
 * the 2018 forms applied (between 1/7 and 15/9/2025 by default) — unless
 * the unit moved the switch date. */
static void
test_stop_notice_refused (Fixture *f, gconstpointer unused)
{
  gint64 id = 0;
  g_autofree char *returned = drive_land (f, &id);
  g_autofree char *august = withdraw_birth (f, "2025-08-11 08:00", "2025-08-12 09:00");
  g_autofree char *path = mc_test_tmp_path ("stop-refused.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(McStopNoticeData) data = NULL;

  g_assert_false (mc_stop_notice_write_pdf (f->wf, returned, path, &error));
  g_assert_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (mc_stop_notice_write_pdf (f->wf, august, path, &error));
  g_assert_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "01/2018/TT-VPCP"));
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (mc_db_query_int (f->db, "SELECT count (*) FROM form_number", NULL), ==, 0);

  OK (mc_form_set_set_switch_date (f->db, "2025-07-01", E));
  data = mc_stop_notice_data_new (f->wf, august, E);
  g_assert_no_error (error);
  g_assert_cmpstr (data->number_line, ==, "Số: 01/TBD-TTPVHCC");
}

/* Every form carries its "Số: …": one counter per form and year, kept by the
 * document; or dots, when the unit numbers by hand. */
static void
test_form_numbers (Fixture *f, gconstpointer unused)
{
  gint64 id_land = 0, id_birth = 0;
  g_autofree char *land = drive_land (f, &id_land);
  g_autofree char *birth = drive_birth (f, &id_birth);
  g_autofree char *second = receive (f, LAND, "Hoàng Văn Bảy", "2026-03-20 08:00");
  g_autoptr(GError) error = NULL;
  g_autoptr(McControlSheetData) sheet = NULL, sheet_again = NULL, sheet_second = NULL, sheet_2018 = NULL;
  g_autoptr(McApologyFormData) apology = NULL;
  g_autoptr(McDossierStore) store = mc_dossier_store_new (f->db, f->calendar);
  g_autoptr(McDossier) dossier = mc_dossier_store_find (store, land, E);
  g_autoptr(McReceiptData) receipt = NULL;
  g_autoptr(McReceiptData) supplement = NULL;
  g_autofree char *path = mc_test_tmp_path ("numbered.pdf");
  g_autofree char *text = NULL;

  sheet = mc_control_sheet_data_new (f->wf, land, E);
  sheet_second = mc_control_sheet_data_new (f->wf, second, E);
  sheet_again = mc_control_sheet_data_new (f->wf, land, E);
  sheet_2018 = mc_control_sheet_data_new (f->wf, birth, E);
  g_assert_cmpstr (sheet->number_line, ==, "Số: 01/PKS-TTPVHCC");
  g_assert_cmpstr (sheet_second->number_line, ==, "Số: 02/PKS-TTPVHCC");
  g_assert_cmpstr (sheet_again->number_line, ==, "Số: 01/PKS-TTPVHCC");
  /* 2025's counter is another year's. */
  g_assert_cmpstr (sheet_2018->number_line, ==, "Số: 01/PKS-TTPVHCC");
  g_assert_cmpint (mc_control_sheet_get_form_set (sheet), ==, MC_FORM_SET_2025);
  g_assert_cmpint (mc_control_sheet_get_form_set (sheet_2018), ==, MC_FORM_SET_2018);
  apology = mc_apology_form_data_new (f->wf, id_land, E);
  g_assert_cmpstr (apology->number_line, ==, "Số: 01/PXL");
  receipt = mc_dossier_receipt_data (f->db, dossier, MC_FORM_RECEIPT, E);
  supplement = mc_dossier_receipt_data (f->db, dossier, MC_FORM_SUPPLEMENT, E);
  g_assert_cmpstr (receipt->number_line, ==, "Số: 01/TTPVHCC");
  g_assert_cmpstr (supplement->number_line, ==, "Số: 01/PBS-TTPVHCC");
  OK (mc_control_sheet_data_write_pdf (sheet, path, E));
  text = pdf_text (path, NULL);
  if (text != NULL)
    mc_test_assert_has (text, "Số: 01/PKS-TTPVHCC");

  OK (mc_db_set_setting (f->db, MC_FORMS_NUMBERING_KEY, "blank", E));
  g_clear_pointer (&sheet, mc_control_sheet_data_free);
  sheet = mc_control_sheet_data_new (f->wf, land, E);
  g_assert_cmpstr (sheet->number_line, ==, "Số: ……/PKS-TTPVHCC");
}

/* Issue 13 item 17: a dossier keeps the names of its day. A dossier of 2024
 * (received at the counter, and one imported) reprints under the ward's name
 * and its district of then after the reform renamed the ward and put it
 * under the province; a dossier received since prints the new names. */
static void
test_records_names_of_their_day (Fixture *f, gconstpointer data)
{
  static const char csv[] = "code,procedure_code,channel,received_at,due_at,finished_at,returned_at,outcome,"
                            "applicant_name\nCU-0002,1.001193,truc_tiep,2024-03-05 08:00,2024-03-06 08:00,,,,"
                            "Phạm Văn Cũ\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *old_code = NULL, *new_code = NULL, *path = mc_test_tmp_path ("control-2024.pdf");
  g_autofree char *text = NULL;
  g_autoptr(McControlSheetData) old_sheet = NULL, imported_sheet = NULL, new_sheet = NULL;
  g_autoptr(McDossier) old_dossier = NULL;
  g_autoptr(McReceiptData) old_receipt = NULL;
  guint n = 0;

  OK (mc_db_exec (f->db, "INSERT INTO unit (code, name, level, relation) VALUES "
                         "('000.00.10.H56', 'Ủy ban nhân dân thị xã Bỉm Sơn', 'huyen', 'external'), "
                         "('000.00.00.H56', 'Ủy ban nhân dân tỉnh Thanh Hóa', 'tinh', 'external');"
                         "UPDATE unit SET parent_id = (SELECT id FROM unit WHERE code = '000.00.10.H56') "
                         "WHERE relation = 'self'", E));
  old_code = receive (f, BIRTH, "Trần Thị Cũ", "2024-03-04 08:00");
  mc_test_add_staff (f->db, "admin", "Nguyễn Thị Nga", "VP", "quan_tri");
  mc_db_set_actor (f->db, mc_db_query_int (f->db, "SELECT id FROM staff WHERE username = 'admin'", NULL));
  OK (mc_dossier_store_import_csv (f->store, csv, strlen (csv), &n, E));
  mc_db_set_actor (f->db, 0);
  /* 1/7/2025: the district ends, the ward is renamed and belongs to the province. */
  OK (mc_db_exec (f->db, "UPDATE unit SET name = 'Ủy ban nhân dân phường Bỉm Sơn', parent_id = "
                         "(SELECT id FROM unit WHERE code = '000.00.00.H56') WHERE relation = 'self'", E));
  new_code = receive (f, BIRTH, "Lê Văn Mới", "2026-03-02 08:00");

  old_sheet = mc_control_sheet_data_new (f->wf, old_code, E);
  g_assert_no_error (error);
  g_assert_cmpstr (old_sheet->unit.unit_name, ==, "Ủy ban nhân dân phường Phú Sơn");
  g_assert_cmpstr (old_sheet->unit.parent_unit_name, ==, "Ủy ban nhân dân thị xã Bỉm Sơn");
  imported_sheet = mc_control_sheet_data_new (f->wf, "CU-0002", E);
  g_assert_no_error (error);
  g_assert_cmpstr (imported_sheet->unit.unit_name, ==, "Ủy ban nhân dân phường Phú Sơn");
  g_assert_cmpstr (imported_sheet->unit.parent_unit_name, ==, "Ủy ban nhân dân thị xã Bỉm Sơn");
  new_sheet = mc_control_sheet_data_new (f->wf, new_code, E);
  g_assert_no_error (error);
  g_assert_cmpstr (new_sheet->unit.unit_name, ==, "Ủy ban nhân dân phường Bỉm Sơn");
  g_assert_cmpstr (new_sheet->unit.parent_unit_name, ==, "Ủy ban nhân dân tỉnh Thanh Hóa");
  old_dossier = mc_dossier_store_find (f->store, old_code, E);
  old_receipt = mc_dossier_receipt_data (f->db, old_dossier, MC_FORM_RECEIPT, E);
  g_assert_no_error (error);
  g_assert_cmpstr (old_receipt->unit_name, ==, "Ủy ban nhân dân phường Phú Sơn");
  g_assert_cmpstr (old_receipt->parent_unit_name, ==, "Ủy ban nhân dân thị xã Bỉm Sơn");

  OK (mc_control_sheet_write_pdf (f->wf, old_code, path, E));
  text = pdf_text (path, NULL);
  if (text == NULL)
    return;
  mc_test_assert_has (text, "PHƯỜNG PHÚ SƠN");
  mc_test_assert_lacks (text, "PHƯỜNG BỈM SƠN");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/records/apology/2025", test_apology_2025);
  ADD ("/records/apology/2018", test_apology_2018);
  ADD ("/records/apology/missing", test_apology_missing);
  ADD ("/records/control-sheet/2025", test_control_sheet_2025);
  ADD ("/records/control-sheet/2018", test_control_sheet_2018);
  ADD ("/records/control-sheet/paper", test_control_sheet_paper);
  ADD ("/records/control-sheet/missing", test_control_sheet_missing);
  ADD ("/records/stop-notice/2025", test_stop_notice_2025);
  ADD ("/records/stop-notice/refused", test_stop_notice_refused);
  ADD ("/records/form-numbers", test_form_numbers);
  ADD ("/records/register/2025", test_register_2025);
  ADD ("/records/register/2018", test_register_2018);
  ADD ("/records/register/fields", test_register_fields);
  ADD ("/records/register/crossing", test_register_crossing);
  ADD ("/records/names-of-their-day", test_records_names_of_their_day);
  ADD ("/records/invalid", test_invalid);
  ADD ("/records/name-the-clerk", test_records_name_the_clerk);
  ADD ("/records/name-the-importer", test_records_name_the_importer);
  g_test_add_func ("/records/register/pages", test_register_pages);
  g_test_add_func ("/records/register/rows-fit", test_register_rows_fit);
  g_test_add_func ("/records/register/table-fit", test_table_fit);
  return g_test_run ();
}
