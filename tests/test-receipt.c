/* test-receipt.c — the counter documents (Mẫu 01, 02, 03) as PDF and PNG
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PDFs are read back with pdftotext, so what is checked is the text a
 * citizen reads, diacritics included; the barcodes are read back with zbarimg.
 * Both tools are optional: the tests that need them skip without them.
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "mc-barcode.h"
#include "mc-output-file.h"
#include "mc-pdf-document.h"
#include "mc-receipt.h"
#include "mc-test-utils.h"

#define CODE "000.00.06.H56-231027-0361"

static McReceiptData *
make_data (const char *received, const char *due)
{
  McReceiptData *data = mc_receipt_data_new ();

  data->parent_unit_name = g_strdup ("UBND tỉnh Thanh Hóa");
  data->unit_name = g_strdup ("Ủy ban nhân dân phường Phú Sơn");
  data->office_name = g_strdup ("Bộ phận Tiếp nhận và Trả kết quả");
  data->place_name = g_strdup ("Phú Sơn");
  data->code = g_strdup (CODE);
  data->procedure_name = g_strdup ("Đăng ký khai sinh");
  data->applicant_name = g_strdup ("Nguyễn Thị Hồng Nhung");
  data->applicant_id_number = g_strdup ("038190012345");
  data->applicant_address = g_strdup ("Số 12 phố Trần Phú, phường Phú Sơn, tỉnh Thanh Hóa");
  data->applicant_phone = g_strdup ("0912 345 678");
  data->applicant_email = g_strdup ("nhung.nt@example.vn");
  data->received_at = mc_test_time (received);
  data->due_at = mc_test_time (due);
  data->receiver_name = g_strdup ("Lê Văn Đức");
  data->channel = g_strdup ("truc_tiep");
  data->processing_days = 5;
  data->office_phone = g_strdup ("0237 3852 111");
  data->reason = g_strdup ("Thiếu giấy tờ chứng minh quan hệ cha, mẹ, con theo quy định.");
  g_ptr_array_add (data->documents, mc_receipt_document_new ("Tờ khai đăng ký khai sinh", 1, 0, TRUE));
  g_ptr_array_add (data->documents, mc_receipt_document_new ("Giấy chứng sinh", 1, 0, TRUE));
  g_ptr_array_add (data->documents, mc_receipt_document_new ("Giấy chứng nhận kết hôn của cha, mẹ", 0, 1, FALSE));
  g_ptr_array_add (data->documents, mc_receipt_document_new ("Văn bản ủy quyền có chứng thực", 1, 0, FALSE));
  return data;
}

/* The PDF's text, or NULL (test skipped) without pdftotext. raw keeps the
 * form feeds between pages. */
static char *
write_and_read (McFormKind kind, const McReceiptData *data, const char *name, char **raw)
{
  g_autofree char *path = mc_test_tmp_path (name);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (mc_receipt_write_pdf (kind, data, path, &error));
  g_assert_no_error (error);
  text = mc_test_pdftotext (path, "-layout");
  if (text == NULL)
    return NULL;
  if (raw != NULL)
    *raw = g_strdup (text);
  return mc_test_normalize (text);
}

static void
assert_common (const char *text, const char *title)
{
  mc_test_assert_has (text, title);
  mc_test_assert_has (text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  mc_test_assert_has (text, "Độc lập - Tự do - Hạnh phúc");
  /* The issuing body wraps in its narrow column, and -layout interleaves its
   * lines with the national name's: check it by pieces. */
  mc_test_assert_has (text, "ỦY BAN NHÂN DÂN");
  mc_test_assert_has (text, "PHÚ SƠN");
  mc_test_assert_has (text, "BỘ PHẬN TIẾP NHẬN");
  mc_test_assert_has (text, CODE);
  mc_test_assert_has (text, "Nguyễn Thị Hồng Nhung");
  mc_test_assert_has (text, "Đăng ký khai sinh");
}

/* Without a database the default switch date decides: the forms of
 * Thông tư 03/2025/TT-VPCP from 15/9/2025, those of 01/2018 before, also
 * between Nghị định 118/2025's 1/7/2025 and the circular. */
static void
test_form_date (void)
{
  g_autoptr(McReceiptData) data = make_data ("2025-09-14 23:59", "2025-09-14 23:59");

  g_assert_cmpint (mc_receipt_get_form_set (data), ==, MC_FORM_SET_2018);
  data->received_at = mc_test_time ("2025-09-15 00:00");
  g_assert_cmpint (mc_receipt_get_form_set (data), ==, MC_FORM_SET_2025);
  data->received_at = mc_test_time ("2025-08-12 09:00");
  g_assert_cmpint (mc_receipt_get_form_set (data), ==, MC_FORM_SET_2018);
  data->received_at = mc_test_time ("2025-07-01 00:00");
  g_assert_cmpint (mc_receipt_get_form_set (data), ==, MC_FORM_SET_2018);
  data->received_at = mc_test_time ("2024-03-14 09:30");
  g_assert_cmpint (mc_receipt_get_form_set (data), ==, MC_FORM_SET_2018);
  data->received_at = mc_test_time ("2026-01-05 14:00");
  g_assert_cmpint (mc_receipt_get_form_set (data), ==, MC_FORM_SET_2025);
  /* A loader that asked the database says which. */
  data->form_set = MC_FORM_SET_2018;
  g_assert_cmpint (mc_receipt_get_form_set (data), ==, MC_FORM_SET_2018);
}

static void
test_receipt_2018 (void)
{
  g_autoptr(McReceiptData) data = make_data ("2024-03-14 09:30", "2024-03-21 09:30");
  g_autofree char *text = write_and_read (MC_FORM_RECEIPT, data, "receipt-2024.pdf", NULL);

  if (text == NULL)
    return;
  assert_common (text, "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ");
  mc_test_assert_has (text, "Phú Sơn, ngày 14 tháng 3 năm 2024");
  mc_test_assert_has (text, "Mã hồ sơ: " CODE);
  mc_test_assert_has (text, "(Liên:");
  mc_test_assert_has (text, "Bộ phận Tiếp nhận và Trả kết quả: Ủy ban nhân dân phường Phú Sơn");
  mc_test_assert_has (text, "Tiếp nhận hồ sơ của: Nguyễn Thị Hồng Nhung");
  mc_test_assert_has (text, "1. Thành phần hồ sơ nộp gồm:");
  mc_test_assert_has (text, "Tờ khai đăng ký khai sinh");
  mc_test_assert_has (text, "Bản chính");
  /* TT 01/2018's Mẫu 01 counts sets ("Số bộ hồ sơ"), and leaves the number
   * to fill when no database gave one. */
  mc_test_assert_has (text, "2. Số bộ hồ sơ: 01 (bộ)");
  mc_test_assert_lacks (text, "Số lượng hồ sơ");
  mc_test_assert_has (text, "Số: ……/TTPVHCC");
  mc_test_assert_has (text, "3. Thời gian giải quyết hồ sơ theo quy định là: 5 ngày làm việc");
  mc_test_assert_has (text, "4. Thời gian nhận hồ sơ: 09 giờ 30 phút, ngày 14 tháng 3 năm 2024");
  mc_test_assert_has (text, "5. Thời gian trả kết quả giải quyết hồ sơ: 09 giờ 30 phút, Thứ Năm, ngày 21 tháng 3 năm 2024");
  mc_test_assert_has (text, "6. Đăng ký nhận kết quả tại:");
  mc_test_assert_has (text, "Vào Sổ theo dõi hồ sơ, Quyển số:");
  mc_test_assert_has (text, "NGƯỜI NỘP HỒ SƠ");
  mc_test_assert_has (text, "NGƯỜI TIẾP NHẬN HỒ SƠ");
  mc_test_assert_has (text, "(Ký và ghi rõ họ tên)");
  mc_test_assert_has (text, "Lê Văn Đức");
  mc_test_assert_has (text, "Giấy tiếp nhận và hẹn trả kết quả được lập thành 2 liên");
  mc_test_assert_has (text, "hoặc tại nhà (trụ sở tổ chức) qua dịch vụ bưu chính.");
  /* Missing papers are not "received"; the 2025 fields are not on this form. */
  mc_test_assert_lacks (text, "Văn bản ủy quyền có chứng thực");
  mc_test_assert_lacks (text, "Số định danh cá nhân/tổ chức");
}

static void
test_receipt_2025 (void)
{
  g_autoptr(McReceiptData) data = make_data ("2026-01-05 14:00", "2026-01-12 14:00");
  g_autofree char *text = write_and_read (MC_FORM_RECEIPT, data, "receipt-2026.pdf", NULL);

  if (text == NULL)
    return;
  assert_common (text, "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ");
  mc_test_assert_has (text, "Phú Sơn, ngày 05 tháng 01 năm 2026");
  mc_test_assert_has (text, "Tiếp nhận hồ sơ của Ông (Bà)/Tổ chức: Nguyễn Thị Hồng Nhung");
  mc_test_assert_has (text, "Số định danh cá nhân/tổ chức: 038190012345");
  mc_test_assert_has (text, "Thành phần hồ sơ nộp gồm:");
  mc_test_assert_has (text, "Số lượng hồ sơ: 01 (bộ)");
  mc_test_assert_lacks (text, "Số bộ hồ sơ");
  /* BM.01 of the 2025 set keeps the line on a proxy's details. */
  mc_test_assert_has (text, "(Trường hợp ủy quyền thì cung cấp thêm thông tin của người ủy quyền, bao gồm: "
                            "họ và tên, địa chỉ, số định danh cá nhân, số điện thoại, email, giấy tờ ủy quyền).");
  mc_test_assert_has (text, "Thời gian trả kết quả giải quyết hồ sơ: 14 giờ 00 phút, Thứ Hai, ngày 12 tháng 01 năm 2026");
  mc_test_assert_has (text, "Vào Sổ theo dõi hồ sơ, Quyển số:");
  mc_test_assert_has (text, "(nếu có) NGƯỜI NỘP HỒ SƠ");
  mc_test_assert_has (text, "NGƯỜI TIẾP NHẬN HỒ SƠ");
  mc_test_assert_lacks (text, "(Liên:");
  mc_test_assert_lacks (text, "lập thành 2 liên");
  mc_test_assert_lacks (text, "5. Thời gian trả kết quả");
}

static void
check_supplement (const char *received, const char *name, const char *date_line)
{
  g_autoptr(McReceiptData) data = make_data (received, received);
  g_autofree char *text = write_and_read (MC_FORM_SUPPLEMENT, data, name, NULL);

  if (text == NULL)
    return;
  assert_common (text, "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ");
  mc_test_assert_has (text, date_line);
  mc_test_assert_has (text, "Hồ sơ của: Nguyễn Thị Hồng Nhung");
  mc_test_assert_has (text, "Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:");
  mc_test_assert_has (text, "1. Giấy chứng nhận kết hôn của cha, mẹ (01 bản sao)");
  mc_test_assert_has (text, "2. Văn bản ủy quyền có chứng thực (01 bản chính)");
  mc_test_assert_has (text, "Lý do: Thiếu giấy tờ chứng minh quan hệ cha, mẹ, con theo quy định.");
  mc_test_assert_has (text, "Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, Ông/Bà liên hệ với Lê Văn Đức "
                    "số điện thoại 0237 3852 111 để được hướng dẫn./.");
  mc_test_assert_has (text, "NGƯỜI HƯỚNG DẪN");
  mc_test_assert_has (text, "Số: ……/PBS-TTPVHCC");
  /* Only what is missing is asked for. */
  mc_test_assert_lacks (text, "Tờ khai đăng ký khai sinh");
  mc_test_assert_lacks (text, "Giấy chứng sinh");
}

static void
test_supplement (void)
{
  check_supplement ("2024-03-14 09:30", "supplement-2024.pdf", "Phú Sơn, ngày 14 tháng 3 năm 2024");
  check_supplement ("2026-02-03 08:00", "supplement-2026.pdf", "Phú Sơn, ngày 03 tháng 02 năm 2026");
}

static void
test_refusal (void)
{
  g_autoptr(McReceiptData) old_data = make_data ("2024-03-14 09:30", "2024-03-14 09:30");
  g_autoptr(McReceiptData) new_data = make_data ("2026-01-05 14:00", "2026-01-05 14:00");
  g_autofree char *old_text = write_and_read (MC_FORM_REFUSAL, old_data, "refusal-2024.pdf", NULL);
  g_autofree char *new_text = NULL;

  if (old_text == NULL)
    return;
  assert_common (old_text, "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ");
  mc_test_assert_has (old_text, "Tiếp nhận hồ sơ của: Nguyễn Thị Hồng Nhung");
  mc_test_assert_has (old_text, "Qua xem xét, Bộ phận Tiếp nhận và Trả kết quả thông báo không tiếp nhận, "
                        "giải quyết hồ sơ này với lý do cụ thể như sau:");
  mc_test_assert_has (old_text, "Thiếu giấy tờ chứng minh quan hệ cha, mẹ, con theo quy định.");
  mc_test_assert_has (old_text, "Xin thông báo cho Ông/Bà được biết và thực hiện./.");
  mc_test_assert_has (old_text, "NGƯỜI NỘP HỒ SƠ");
  mc_test_assert_lacks (old_text, "Số định danh cá nhân/tổ chức");

  new_text = write_and_read (MC_FORM_REFUSAL, new_data, "refusal-2026.pdf", NULL);
  assert_common (new_text, "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ");
  mc_test_assert_has (new_text, "Số định danh cá nhân/tổ chức: 038190012345");
  mc_test_assert_has (new_text, "Mã hồ sơ (nếu có): " CODE);
  mc_test_assert_has (new_text, "Số: ……/PTC-TTPVHCC");
}

static int
count (const char *text, const char *needle)
{
  int n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* A long list breaks between table rows, repeats the header on the next page,
 * and loses or doubles no row. */
static void
test_pagination (void)
{
  g_autoptr(McReceiptData) data = make_data ("2024-03-14 09:30", "2024-03-21 09:30");
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  int n_pages;

  for (int i = 1; i <= 60; i++)
    {
      g_autofree char *name = g_strdup_printf ("Giấy tờ kèm theo số %03d", i);

      g_ptr_array_add (data->documents, mc_receipt_document_new (name, 1, 2, TRUE));
    }
  n_pages = mc_receipt_get_n_pages (MC_FORM_RECEIPT, data, 595.276, 841.89);
  g_assert_cmpint (n_pages, >=, 2);
  g_assert_cmpint (mc_receipt_get_n_pages (MC_FORM_RECEIPT, data, 300, 424), ==, n_pages);

  text = write_and_read (MC_FORM_RECEIPT, data, "receipt-long.pdf", &raw);
  if (text == NULL)
    return;
  g_assert_cmpint (count (raw, "\f"), ==, n_pages);
  for (int i = 1; i <= 60; i++)
    {
      g_autofree char *name = g_strdup_printf ("Giấy tờ kèm theo số %03d", i);

      g_assert_cmpint (count (text, name), ==, 1);
    }
  g_assert_cmpint (count (text, "Tên giấy tờ"), >=, 2);
  mc_test_assert_has (text, "NGƯỜI TIẾP NHẬN HỒ SƠ");
}

/* The page size pdfinfo reads ("419.528 x 595.276"), and the rightmost and
 * lowest ink of any word (pdftotext -bbox): text inside the page's margins. */
static char *
page_size (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };

  return mc_test_run_tool (argv);
}

static void
word_extents (const char *pdf, double *x_max, double *y_max)
{
  const char *argv[] = { "pdftotext", "-bbox", pdf, "-", NULL };
  g_autofree char *html = mc_test_run_tool (argv);

  *x_max = *y_max = 0;
  for (const char *p = strstr (html, "xMax=\""); p != NULL; p = strstr (p + 1, "xMax=\""))
    {
      *x_max = MAX (*x_max, g_ascii_strtod (p + 6, NULL));
      *y_max = MAX (*y_max, g_ascii_strtod (strstr (p, "yMax=\"") + 6, NULL));
    }
}

/* TT 01/2018 prints Mẫu 01 on A5: the receipt of 2024 on one A5 page,
 * nothing past its margins; A4 when the unit chooses it; the 2025 forms on
 * A4 unless the unit chooses A5. */
static void
test_paper_a5 (void)
{
  g_autoptr(McReceiptData) data = make_data ("2024-03-14 09:30", "2024-03-21 09:30");
  g_autoptr(McReceiptData) later = make_data ("2026-03-14 09:30", "2026-03-21 09:30");
  g_autofree char *a5 = mc_test_tmp_path ("receipt-a5.pdf");
  g_autofree char *a4 = mc_test_tmp_path ("receipt-a4.pdf");
  g_autoptr(GError) error = NULL;
  double x_max, y_max;

  g_assert_true (mc_receipt_is_a5 (data));
  g_assert_false (mc_receipt_is_a5 (later));
  g_assert_cmpint (mc_receipt_get_n_pages (MC_FORM_RECEIPT, data, 1, 1), ==, 1);
  g_assert_true (mc_receipt_write_pdf (MC_FORM_RECEIPT, data, a5, &error));
  g_assert_no_error (error);
  data->a5 = 0;
  g_assert_true (mc_receipt_write_pdf (MC_FORM_RECEIPT, data, a4, &error));
  g_assert_no_error (error);
  if (!mc_test_have_program ("pdfinfo") || !mc_test_have_program ("pdftotext"))
    {
      g_test_skip ("poppler-utils is not installed");
      return;
    }
  {
    g_autofree char *info_a5 = page_size (a5);
    g_autofree char *info_a4 = page_size (a4);

    mc_test_assert_has (info_a5, "419.528 x 595.276 pts");
    mc_test_assert_has (info_a4, "595.276 x 841.89 pts");
  }
  word_extents (a5, &x_max, &y_max);
  g_assert_cmpfloat (x_max, <=, MC_PDF_A5_WIDTH - MC_PDF_MM (10) + 1);
  g_assert_cmpfloat (y_max, <=, MC_PDF_A5_HEIGHT - MC_PDF_MM (10) + 1);
}

static char *
scan (const char *png)
{
  const char *argv[] = { "zbarimg", "--quiet", png, NULL };

  return mc_test_run_tool (argv);
}

static void
test_barcodes_scan (void)
{
  g_autoptr(McReceiptData) data = make_data ("2024-03-14 09:30", "2024-03-21 09:30");
  g_autofree char *png = mc_test_tmp_path ("receipt-page1.png");
  g_autoptr(GError) error = NULL;
  g_autofree char *found = NULL;

  g_assert_true (mc_receipt_write_png (MC_FORM_RECEIPT, data, 0, 3.0, png, &error));
  g_assert_no_error (error);
  if (!mc_test_have_program ("zbarimg"))
    {
      g_test_skip ("zbarimg is not installed (zbar-tools)");
      return;
    }
  found = scan (png);
  mc_test_assert_has (found, "CODE-128:" CODE);
  mc_test_assert_has (found, "QR-Code:" CODE);
}

static void
test_bad_code (void)
{
  g_autoptr(McReceiptData) data = make_data ("2024-03-14 09:30", "2024-03-21 09:30");
  g_autofree char *pdf = mc_test_tmp_path ("bad.pdf");
  g_autofree char *png = mc_test_tmp_path ("bad.png");
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  g_free (data->code);
  data->code = g_strdup ("000.00.06.H56-Phú-0361");
  g_assert_false (mc_receipt_write_pdf (MC_FORM_RECEIPT, data, pdf, &error));
  g_assert_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_INVALID);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  g_assert_false (mc_receipt_write_png (MC_FORM_REFUSAL, data, 0, 1.0, png, &error));
  g_assert_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_INVALID);
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* A folder that does not exist: a write error, not a crash or a stray file. */
  g_free (data->code);
  data->code = g_strdup (CODE);
  g_assert_false (mc_receipt_write_pdf (MC_FORM_RECEIPT, data, "/nonexistent/dir/r.pdf", &error));
  g_assert_error (error, MC_OUTPUT_FILE_ERROR, MC_OUTPUT_FILE_ERROR_WRITE);
  g_clear_error (&error);
  g_assert_false (mc_receipt_write_png (MC_FORM_RECEIPT, data, 0, 1.0, "/nonexistent/dir/r.png", &error));
  g_assert_error (error, MC_OUTPUT_FILE_ERROR, MC_OUTPUT_FILE_ERROR_WRITE);
  g_clear_error (&error);
  g_assert_false (mc_receipt_write_png (MC_FORM_RECEIPT, data, 5, 1.0, png, &error));
  g_assert_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (mc_barcode_validate ("", NULL));
  g_assert_false (mc_barcode_validate ("A\tB", NULL));
  g_assert_true (mc_barcode_validate (CODE, NULL));
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 200, 100);
  cr = cairo_create (surface);
  g_assert_false (mc_barcode_draw (cr, MC_BARCODE_QR, "mã", 0, 0, 200, 100, &error));
  g_assert_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_INVALID);
  g_assert_true (mc_barcode_draw (cr, MC_BARCODE_QR, CODE, 0, 0, 200, 100, NULL));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Every Vietnamese letter must come from the one serif font: Liberation
 * Serif 1.x (fonts-liberation) lacks ơ, ư and most letters with two marks,
 * and fontconfig would quietly take them from DejaVu Serif, so one word would
 * mix two typefaces. Liberation Serif 2 (fonts-liberation2) has them all. */
static void
test_font_coverage (void)
{
  static const char letters[] =
    "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
    "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ …";
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_from_string (MC_PDF_FONT);
  PangoLayoutIter *iter;
  g_autofree char *first = NULL;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, letters, -1);
  g_assert_cmpint (pango_layout_get_unknown_glyphs_count (layout), ==, 0);
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);
      PangoFontDescription *used;

      if (run == NULL)
        continue;
      used = pango_font_describe (run->item->analysis.font);
      if (first == NULL)
        first = g_strdup (pango_font_description_get_family (used));
      if (g_strcmp0 (first, pango_font_description_get_family (used)) != 0)
        g_error ("“%s” falls back to %s instead of %s: install fonts-liberation2",
                 letters + run->item->offset, pango_font_description_get_family (used), first);
      pango_font_description_free (used);
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);
  pango_font_description_free (font);
  g_object_unref (layout);
  g_object_unref (context);
}

/* The preview draws the same page into whatever size the widget has. */
static void
test_preview_size (void)
{
  g_autoptr(McReceiptData) data = make_data ("2026-01-05 14:00", "2026-01-12 14:00");
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 420, 300);
  cairo_t *cr = cairo_create (surface);
  const guchar *pixels;
  int stride, dark = 0;

  cairo_set_source_rgb (cr, 0.5, 0.5, 0.5);
  cairo_paint (cr);
  mc_receipt_draw_page (cr, MC_FORM_SUPPLEMENT, data, 0, 420, 300);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (surface);
  pixels = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  /* Grey on both sides (the page is narrower than the area), ink in the middle. */
  g_assert_cmpint (pixels[150 * stride + 2], <, 0xc0);
  g_assert_cmpint (pixels[150 * stride + 4 * 419 + 2], <, 0xc0);
  for (int y = 0; y < 300; y++)
    for (int x = 140; x < 280; x++)
      dark += pixels[y * stride + 4 * x + 1] < 0x40;
  g_assert_cmpint (dark, >, 100);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int argc, char *argv[])
{
  /* Failure messages quote Vietnamese text: keep it readable in the log. */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/receipt/form-date", test_form_date);
  g_test_add_func ("/receipt/receipt-2018", test_receipt_2018);
  g_test_add_func ("/receipt/receipt-2025", test_receipt_2025);
  g_test_add_func ("/receipt/supplement", test_supplement);
  g_test_add_func ("/receipt/refusal", test_refusal);
  g_test_add_func ("/receipt/pagination", test_pagination);
  g_test_add_func ("/receipt/paper-a5", test_paper_a5);
  g_test_add_func ("/receipt/barcodes-scan", test_barcodes_scan);
  g_test_add_func ("/receipt/bad-code", test_bad_code);
  g_test_add_func ("/receipt/preview-size", test_preview_size);
  g_test_add_func ("/receipt/font-coverage", test_font_coverage);
  return g_test_run ();
}
