/* mc-receipt.c — the counter documents: Mẫu 01, 02 and 03 of the one-stop shop
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Wording. TT 01/2018/TT-VPCP (dossiers received before the switch date of
 * mc-form-set.c): the forms
 * as reproduced by systems built on it (a Phú Thọ one-stop system's Mẫu 01
 * with its "Ghi chú"; Thanh Hóa's Mẫu 01–03). TT 03/2025/TT-VPCP: Phụ lục I
 * as reproduced in Quyết định 3621/QĐ-BYT (24/11/2025), BM.01–BM.03. The
 * official PDFs of the two Phụ lục were not at hand: see docs/LEGAL.md §1.2.
 * The 2025 Mẫu 01 keeps its line on ủy quyền ("Trường hợp ủy quyền thì cung
 * cấp thêm thông tin của người ủy quyền…"): it is part of the text found and
 * tells the clerk what to add for a proxy. The note on digital signatures
 * ("Chữ ký số … nếu là biểu mẫu điện tử") concerns electronic forms only and
 * is left off paper. The 2018 Mẫu 01 counts "Số bộ hồ sơ" (the Phú Thọ
 * template of TT 01/2018), the 2025 one "Số lượng hồ sơ" (BM.01).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-barcode.h"
#include "mc-dossier-store.h"
#include "mc-format.h"
#include "mc-pdf-document.h"
#include "mc-receipt.h"
#include "mc-form-paper.h"
#include "mc-records-private.h"

/* A dotted blank, as on the legal forms, where the value is not known. */
#define BLANK MC_RECORDS_BLANK
#define SHORT_BLANK "…………"

McReceiptDocument *
mc_receipt_document_new (const char *name, int originals, int copies, gboolean received)
{
  McReceiptDocument *document = g_new0 (McReceiptDocument, 1);

  document->name = g_strdup (name);
  document->originals = originals;
  document->copies = copies;
  document->received = received;
  return document;
}

void
mc_receipt_document_free (McReceiptDocument *document)
{
  if (document == NULL)
    return;
  g_free (document->name);
  g_free (document);
}

McReceiptData *
mc_receipt_data_new (void)
{
  McReceiptData *data = g_new0 (McReceiptData, 1);

  data->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_receipt_document_free);
  data->copies_to_print = 2;  /* "được lập thành 2 liên" */
  data->form_set = -1;
  data->a5 = -1;
  return data;
}

void
mc_receipt_data_free (McReceiptData *data)
{
  if (data == NULL)
    return;
  g_free (data->parent_unit_name);
  g_free (data->unit_name);
  g_free (data->office_name);
  g_free (data->place_name);
  g_free (data->code);
  g_free (data->procedure_name);
  g_free (data->applicant_name);
  g_free (data->applicant_id_number);
  g_free (data->applicant_address);
  g_free (data->applicant_phone);
  g_free (data->applicant_email);
  g_free (data->receiver_name);
  g_free (data->channel);
  g_clear_pointer (&data->documents, g_ptr_array_unref);
  g_free (data->reason);
  g_free (data->office_phone);
  g_free (data->number_line);
  g_free (data);
}

static gboolean
check_utf8 (const char *text, GError **error)
{
  if (text == NULL || g_utf8_validate (text, -1, NULL))
    return TRUE;
  g_set_error_literal (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_INVALID,
                       _("The form contains text that is not valid UTF-8"));
  return FALSE;
}

static gboolean
check_texts (const McReceiptData *data, GError **error)
{
  const char *texts[] = { data->parent_unit_name, data->unit_name, data->office_name,
                          data->place_name, data->procedure_name, data->applicant_name,
                          data->applicant_id_number, data->applicant_address,
                          data->applicant_phone, data->applicant_email, data->receiver_name,
                          data->reason, data->office_phone };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (!check_utf8 (texts[i], error))
      return FALSE;
  for (guint i = 0; data->documents != NULL && i < data->documents->len; i++)
    {
      McReceiptDocument *document = g_ptr_array_index (data->documents, i);

      if (!check_utf8 (document->name, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
mc_receipt_data_validate (const McReceiptData *data, GError **error)
{
  g_return_val_if_fail (data != NULL, FALSE);

  if (data->code == NULL)
    {
      g_set_error_literal (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_INVALID,
                           _("The dossier has no code"));
      return FALSE;
    }
  if (!mc_barcode_validate (data->code, error))
    return FALSE;
  return check_texts (data, error);
}

McFormSet
mc_receipt_get_form_set (const McReceiptData *data)
{
  g_return_val_if_fail (data != NULL, MC_FORM_SET_2018);

  /* A dossier keeps the forms of the rules it was received under. */
  if (data->form_set >= 0)
    return (McFormSet) data->form_set;
  return mc_form_set_for_time (NULL, data->received_at, NULL);
}

/* Mẫu 01–03 share their set's paper (mc-form-paper.h). */
gboolean
mc_receipt_is_a5 (const McReceiptData *data)
{
  g_return_val_if_fail (data != NULL, FALSE);

  if (data->a5 >= 0)
    return data->a5;
  return mc_form_paper_is_a5 (NULL, mc_receipt_get_form_set (data), MC_FORM_TYPE_RECEIPT, NULL);
}

static double
page_width (const McReceiptData *data)
{
  return mc_records_page_width (mc_receipt_is_a5 (data));
}

static double
page_height (const McReceiptData *data)
{
  return mc_records_page_height (mc_receipt_is_a5 (data));
}

McFormType
mc_receipt_form_type (McFormKind kind)
{
  switch (kind)
    {
    case MC_FORM_RECEIPT:
      return MC_FORM_TYPE_RECEIPT;
    case MC_FORM_SUPPLEMENT:
      return MC_FORM_TYPE_SUPPLEMENT;
    case MC_FORM_REFUSAL:
      return MC_FORM_TYPE_REFUSAL;
    default:
      g_return_val_if_reached (MC_FORM_TYPE_RECEIPT);
    }
}

const char *
mc_receipt_get_title (McFormKind kind)
{
  /* The three counter forms have the same title in both sets. */
  return mc_form_set_title (MC_FORM_SET_2025, mc_receipt_form_type (kind));
}

static const char *
or_empty (const char *value)
{
  return value != NULL ? value : "";
}

/* "09 giờ 30 phút, ngày 14 tháng 3 năm 2024", the forms' "…giờ…phút, ngày…
 * tháng…năm…"; the appointment adds the weekday so nobody comes on a Sunday. */
static char *
format_instant (McTime t, gboolean weekday)
{
  McDate date = mc_time_get_date (t);
  int minute = mc_time_get_minute (t);
  g_autofree char *day = mc_pdf_format_date (date);

  if (weekday)
    return g_strdup_printf ("%02d giờ %02d phút, %s, %s", minute / 60, minute % 60,
                            mc_format_weekday (mc_date_weekday (date)), day);
  return g_strdup_printf ("%02d giờ %02d phút, %s", minute / 60, minute % 60, day);
}

/* A line of the form to fill in. Closer than the decree's 6 pt between
 * paragraphs: these are the lines of one form, and Mẫu 01 must fit a page. */
static void
form_line (McPdfDocument *doc, const char *markup)
{
  mc_pdf_document_text (doc, markup, 13, MC_PDF_TEXT_JUSTIFY | MC_PDF_TEXT_INDENT);
  mc_pdf_document_space (doc, 3);
}

/* "Label: value" with the value escaped. */
static void
field (McPdfDocument *doc, const char *label, const char *value)
{
  g_autofree char *markup = g_markup_printf_escaped ("%s %s", label, value);

  form_line (doc, markup);
}

static void
field_bold (McPdfDocument *doc, const char *label, const char *value)
{
  g_autofree char *markup = g_markup_printf_escaped ("%s <b>%s</b>", label, value);

  form_line (doc, markup);
}

static void
contact_fields (McPdfDocument *doc, const McReceiptData *data)
{
  g_autofree char *markup = g_markup_printf_escaped ("Số điện thoại: %s      Email: %s",
                                                     or_empty (data->applicant_phone),
                                                     or_empty (data->applicant_email));

  field (doc, "Địa chỉ:", or_empty (data->applicant_address));
  form_line (doc, markup);
}

static void
office_field (McPdfDocument *doc, const McReceiptData *data)
{
  g_autofree char *label = g_strdup_printf ("%s:", mc_records_or_blank (data->office_name));

  field (doc, label, or_empty (data->unit_name));
}

static void
header (McPdfDocument *doc, McFormKind kind, const McReceiptData *data)
{
  const char *bodies[3] = { NULL, };
  g_autofree char *blank = NULL;
  int n = 0;

  /* Tên cơ quan chủ quản trực tiếp, then the office that issues the form. The
   * unit is the direct parent of its office; the unit's own parent only
   * stands in when the unit is not given. */
  if (data->unit_name != NULL && data->unit_name[0] != '\0')
    bodies[n++] = data->unit_name;
  else if (data->parent_unit_name != NULL && data->parent_unit_name[0] != '\0')
    bodies[n++] = data->parent_unit_name;
  bodies[n++] = mc_records_or_blank (data->office_name);
  /* A form drawn without a database (a preview in a test) has the number
   * left to fill. */
  if (data->number_line == NULL)
    blank = mc_form_set_blank_number_line (mc_receipt_get_form_set (data), mc_receipt_form_type (kind), NULL);
  mc_pdf_document_header_numbered (doc, bodies, data->number_line ? data->number_line : blank,
                                   data->place_name, mc_time_get_date (data->received_at));
}

/* Mẫu 01: the code as Code 128 in the middle (the counter's scanner) and as
 * QR at the right margin (a phone), on a band of their own under the title. */
static void
receipt_codes (McPdfDocument *doc, const McReceiptData *data)
{
  /* On A5 the codes shrink with the type; a Code 128 of 238 pt still scans. */
  const double k = mc_pdf_document_get_scale (doc);
  const double band = 58 * k * k, bar_width = 280 * k, bar_height = 40 * k * k;
  const double left = mc_pdf_document_get_margin_left (doc), width = mc_pdf_document_get_content_width (doc);
  double top = mc_pdf_document_place (doc, band);
  cairo_t *cr = mc_pdf_document_get_cairo (doc);

  if (cr == NULL)
    return;
  mc_barcode_draw (cr, MC_BARCODE_CODE128, data->code, left + (width - bar_width) / 2,
                   top + (band - bar_height) / 2, bar_width, bar_height, NULL);
  mc_barcode_draw (cr, MC_BARCODE_QR, data->code, left + width - band, top, band, band, NULL);
}

/* Mẫu 02 and 03 have no code line of their own (03 of 2025 only "nếu có"):
 * a Code 128 with the code under it brings the dossier up when the citizen
 * comes back with the paper. */
static void
small_code (McPdfDocument *doc, const McReceiptData *data)
{
  const double k = mc_pdf_document_get_scale (doc);
  const double bar_width = 240 * k, bar_height = 28 * k;
  g_autofree char *markup = g_markup_escape_text (data->code, -1);
  double top;
  cairo_t *cr;

  mc_pdf_document_space (doc, 6);
  top = mc_pdf_document_place (doc, bar_height);
  cr = mc_pdf_document_get_cairo (doc);
  if (cr != NULL)
    mc_barcode_draw (cr, MC_BARCODE_CODE128, data->code,
                     mc_pdf_document_get_margin_left (doc)
                     + (mc_pdf_document_get_content_width (doc) - bar_width) / 2, top,
                     bar_width, bar_height, NULL);
  mc_pdf_document_space (doc, 1);
  mc_pdf_document_text (doc, markup, 10, MC_PDF_TEXT_CENTER);
  mc_pdf_document_space (doc, 10);
}

static char *
count_cell (int n)
{
  return n > 0 ? g_strdup_printf ("%02d", n) : g_strdup ("");
}

static void
documents_table (McPdfDocument *doc, const McReceiptData *data)
{
  static const McPdfColumn columns[] = {
    { "TT", 30, TRUE },
    { "Tên giấy tờ", 0, FALSE },
    { "Bản chính", 62, TRUE },
    { "Bản sao", 62, TRUE },
  };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; i < data->documents->len; i++)
    {
      McReceiptDocument *document = g_ptr_array_index (data->documents, i);
      char **row;

      if (!document->received)
        continue;
      row = g_new0 (char *, 5);
      row[0] = g_strdup_printf ("%u", rows->len + 1);
      row[1] = g_strdup (or_empty (document->name));
      row[2] = count_cell (document->originals);
      row[3] = count_cell (document->copies);
      g_ptr_array_add (rows, row);
    }
  mc_pdf_document_table (doc, columns, G_N_ELEMENTS (columns), rows);
  mc_pdf_document_space (doc, 6);
}

static char *
result_place (const McReceiptData *data)
{
  /* The choice the 2018 note offers: the office, or home by post. */
  if (g_strcmp0 (data->channel, "buu_chinh") == 0 && data->applicant_address != NULL)
    return g_strdup_printf ("%s (qua dịch vụ bưu chính)", data->applicant_address);
  if (data->unit_name != NULL)
    return g_strdup_printf ("%s, %s", mc_records_or_blank (data->office_name), data->unit_name);
  return g_strdup (mc_records_or_blank (data->office_name));
}

static char *
processing_time (const McReceiptData *data)
{
  if (data->processing_days > 0)
    return mc_format_working_days (data->processing_days);
  return g_strdup (BLANK " ngày");
}

/* Items 2–6 and the book entry; TT 01/2018 numbers them, TT 03/2025 does not. */
static void
receipt_times (McPdfDocument *doc, const McReceiptData *data, gboolean new_form)
{
  g_autofree char *days = processing_time (data);
  g_autofree char *received = format_instant (data->received_at, FALSE);
  g_autofree char *due = format_instant (data->due_at, TRUE);
  g_autofree char *place = result_place (data);

  field (doc, new_form ? "Số lượng hồ sơ:" : "2. Số bộ hồ sơ:", "01 (bộ)");
  field (doc, new_form ? "Thời gian giải quyết hồ sơ theo quy định là:"
                       : "3. Thời gian giải quyết hồ sơ theo quy định là:", days);
  field (doc, new_form ? "Thời gian nhận hồ sơ:" : "4. Thời gian nhận hồ sơ:", received);
  field_bold (doc, new_form ? "Thời gian trả kết quả giải quyết hồ sơ:"
                            : "5. Thời gian trả kết quả giải quyết hồ sơ:", due);
  field (doc, new_form ? "Đăng ký nhận kết quả tại:" : "6. Đăng ký nhận kết quả tại:", place);
  /* The book is kept by hand or by another program: left for the clerk. */
  form_line (doc, new_form
             ? "Vào Sổ theo dõi hồ sơ, Quyển số: " SHORT_BLANK " Số thứ tự: " SHORT_BLANK " (nếu có)"
             : "Vào Sổ theo dõi hồ sơ, Quyển số: " SHORT_BLANK " Số thứ tự: " SHORT_BLANK);
}

/* 11 pt as the decree's small print (Nơi nhận's list): on A5 the notes
 * then stay on the page with the signatures. */
static void
receipt_note (McPdfDocument *doc)
{
  mc_pdf_document_space (doc, 6);
  mc_pdf_document_text (doc, "<b><i>Ghi chú:</i></b>", 11, MC_PDF_TEXT_PLAIN);
  mc_pdf_document_text (doc,
                        "- Giấy tiếp nhận và hẹn trả kết quả được lập thành 2 liên; một liên chuyển "
                        "kèm theo Phiếu kiểm soát quá trình giải quyết hồ sơ và được lưu tại Bộ phận "
                        "tiếp nhận và trả kết quả; một liên giao cho cá nhân, tổ chức nộp hồ sơ;",
                        11, MC_PDF_TEXT_JUSTIFY);
  mc_pdf_document_text (doc,
                        "- Cá nhân, tổ chức có thể đăng ký nhận kết quả tại Bộ phận tiếp nhận và trả "
                        "kết quả hoặc tại nhà (trụ sở tổ chức) qua dịch vụ bưu chính.",
                        11, MC_PDF_TEXT_JUSTIFY);
}

static void
two_signatures (McPdfDocument *doc, const McReceiptData *data)
{
  const McPdfSignature signatures[] = {
    { "NGƯỜI NỘP HỒ SƠ", "(Ký và ghi rõ họ tên)", data->applicant_name },
    { "NGƯỜI TIẾP NHẬN HỒ SƠ", "(Ký và ghi rõ họ tên)", data->receiver_name },
  };

  mc_pdf_document_space (doc, 6);
  mc_pdf_document_signatures (doc, signatures, G_N_ELEMENTS (signatures));
}

static void
code_lines (McPdfDocument *doc, const McReceiptData *data, gboolean new_form)
{
  g_autofree char *code = g_markup_printf_escaped ("Mã hồ sơ: <b>%s</b>", data->code);

  mc_pdf_document_text (doc, code, 13, MC_PDF_TEXT_CENTER);
  if (!new_form)
    mc_pdf_document_text (doc, "<i>(Liên: " BLANK ")</i>", 13, MC_PDF_TEXT_CENTER);
}

static void
draw_receipt (McPdfDocument *doc, const McReceiptData *data, gboolean new_form)
{
  code_lines (doc, data, new_form);
  receipt_codes (doc, data);
  mc_pdf_document_space (doc, 4);
  office_field (doc, data);
  if (new_form)
    {
      field (doc, "Tiếp nhận hồ sơ của Ông (Bà)/Tổ chức:", or_empty (data->applicant_name));
      field (doc, "Số định danh cá nhân/tổ chức:", or_empty (data->applicant_id_number));
    }
  else
    field (doc, "Tiếp nhận hồ sơ của:", or_empty (data->applicant_name));
  contact_fields (doc, data);
  if (new_form)
    mc_pdf_document_text (doc, "<i>(Trường hợp ủy quyền thì cung cấp thêm thông tin của người ủy quyền, "
                               "bao gồm: họ và tên, địa chỉ, số định danh cá nhân, số điện thoại, email, "
                               "giấy tờ ủy quyền).</i>", 12, MC_PDF_TEXT_JUSTIFY);
  field (doc, "Nội dung yêu cầu giải quyết:", or_empty (data->procedure_name));
  form_line (doc, new_form ? "Thành phần hồ sơ nộp gồm:" : "1. Thành phần hồ sơ nộp gồm:");
  documents_table (doc, data);
  receipt_times (doc, data, new_form);
  two_signatures (doc, data);
  if (!new_form)
    receipt_note (doc);
}

static char *
document_counts (const McReceiptDocument *document)
{
  if (document->originals > 0 && document->copies > 0)
    return g_strdup_printf (" (%02d bản chính, %02d bản sao)", document->originals, document->copies);
  if (document->originals > 0)
    return g_strdup_printf (" (%02d bản chính)", document->originals);
  if (document->copies > 0)
    return g_strdup_printf (" (%02d bản sao)", document->copies);
  return g_strdup ("");
}

static void
missing_documents (McPdfDocument *doc, const McReceiptData *data)
{
  guint n = 0;

  for (guint i = 0; i < data->documents->len; i++)
    {
      McReceiptDocument *document = g_ptr_array_index (data->documents, i);
      g_autofree char *counts = NULL;
      g_autofree char *markup = NULL;

      if (document->received)
        continue;
      counts = document_counts (document);
      markup = g_markup_printf_escaped ("%u. %s%s", ++n, or_empty (document->name), counts);
      form_line (doc, markup);
    }
  if (n == 0)
    form_line (doc, "1. " BLANK);
}

static void
draw_supplement (McPdfDocument *doc, const McReceiptData *data)
{
  const McPdfSignature signature = { "NGƯỜI HƯỚNG DẪN", "(Ký và ghi rõ họ tên)", data->receiver_name };
  g_autofree char *contact = g_markup_printf_escaped (
    "Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, Ông/Bà liên hệ với %s số điện thoại %s "
    "để được hướng dẫn./.", mc_records_or_blank (data->receiver_name), mc_records_or_blank (data->office_phone));

  small_code (doc, data);
  field (doc, "Hồ sơ của:", or_empty (data->applicant_name));
  field (doc, "Nội dung yêu cầu giải quyết:", or_empty (data->procedure_name));
  contact_fields (doc, data);
  form_line (doc, "Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:");
  missing_documents (doc, data);
  field (doc, "Lý do:", mc_records_or_blank (data->reason));
  mc_pdf_document_paragraph (doc, contact);
  mc_pdf_document_space (doc, 6);
  mc_pdf_document_signatures (doc, &signature, 1);
}

static void
draw_refusal (McPdfDocument *doc, const McReceiptData *data, gboolean new_form)
{
  g_autofree char *notice = g_markup_printf_escaped (
    "Qua xem xét, %s thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:",
    mc_records_or_blank (data->office_name));
  g_autofree char *reason = g_markup_escape_text (mc_records_or_blank (data->reason), -1);

  small_code (doc, data);
  office_field (doc, data);
  field (doc, "Tiếp nhận hồ sơ của:", or_empty (data->applicant_name));
  if (new_form)
    field (doc, "Số định danh cá nhân/tổ chức:", or_empty (data->applicant_id_number));
  contact_fields (doc, data);
  if (new_form)
    field (doc, "Mã hồ sơ (nếu có):",
           mc_dossier_store_is_refusal_reference (data->code) ? MC_RECORDS_BLANK : data->code);
  field (doc, "Nội dung yêu cầu giải quyết:", or_empty (data->procedure_name));
  mc_pdf_document_paragraph (doc, notice);
  mc_pdf_document_paragraph (doc, reason);
  mc_pdf_document_paragraph (doc, "Xin thông báo cho Ông/Bà được biết và thực hiện./.");
  two_signatures (doc, data);
}

/* The whole form as a flow: called once to count pages, once per page drawn. */
static void
lay_out (McPdfDocument *doc, McFormKind kind, const McReceiptData *data)
{
  gboolean new_form = mc_receipt_get_form_set (data) == MC_FORM_SET_2025;

  header (doc, kind, data);
  mc_pdf_document_title (doc, mc_receipt_get_title (kind));
  mc_pdf_document_space (doc, 4);
  switch (kind)
    {
    case MC_FORM_RECEIPT:
      draw_receipt (doc, data, new_form);
      break;
    case MC_FORM_SUPPLEMENT:
      draw_supplement (doc, data);
      break;
    case MC_FORM_REFUSAL:
      draw_refusal (doc, data, new_form);
      break;
    default:
      g_return_if_reached ();
    }
}

int
mc_receipt_get_n_pages (McFormKind kind, const McReceiptData *data, double width, double height)
{
  g_autoptr(McPdfDocument) doc = NULL;

  g_return_val_if_fail (data != NULL, 0);

  doc = mc_pdf_document_new_sized (NULL, -1, page_width (data), page_height (data));
  lay_out (doc, kind, data);
  return mc_pdf_document_get_n_pages (doc);
}

void
mc_receipt_draw_page (cairo_t             *cr,
                      McFormKind           kind,
                      const McReceiptData *data,
                      int                  page,
                      double               width,
                      double               height)
{
  McPdfDocument *doc;

  g_return_if_fail (cr != NULL && data != NULL);
  g_return_if_fail (width > 0 && height > 0);

  doc = mc_records_begin_page (cr, page, page_width (data), page_height (data), width, height);
  lay_out (doc, kind, data);
  mc_records_end_page (cr, doc);
}

/* The form and its data as one pointer, for mc_records_write_pdf's layout. */
typedef struct {
  McFormKind           kind;
  const McReceiptData *data;
} Form;

static void
lay_out_form (McPdfDocument *doc, gconstpointer form)
{
  const Form *f = form;

  lay_out (doc, f->kind, f->data);
}

gboolean
mc_receipt_write_pdf (McFormKind           kind,
                      const McReceiptData *data,
                      const char          *path,
                      GError             **error)
{
  Form form = { kind, data };

  g_return_val_if_fail (data != NULL && path != NULL, FALSE);

  if (!mc_receipt_data_validate (data, error))
    return FALSE;
  return mc_records_write_pdf (path, mc_receipt_get_title (kind), page_width (data), page_height (data),
                               lay_out_form, &form, NULL, error);
}

gboolean
mc_receipt_write_png (McFormKind           kind,
                      const McReceiptData *data,
                      int                  page,
                      double               scale,
                      const char          *path,
                      GError             **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  int width, height;
  gboolean ok;

  g_return_val_if_fail (data != NULL && path != NULL, FALSE);
  g_return_val_if_fail (scale > 0 && scale <= 10, FALSE);

  if (!mc_receipt_data_validate (data, error))
    return FALSE;
  if (page < 0 || page >= mc_receipt_get_n_pages (kind, data, 1, 1))
    {
      g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_INVALID,
                   _("The form has no page %d"), page + 1);
      return FALSE;
    }
  width = (int) (page_width (data) * scale + 0.5);
  height = (int) (page_height (data) * scale + 0.5);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (surface);
  mc_receipt_draw_page (cr, kind, data, page, width, height);
  cairo_destroy (cr);
  ok = mc_records_check_cairo_status (cairo_surface_status (surface), path, error)
       && mc_records_write_png (surface, path, error);
  cairo_surface_destroy (surface);
  return ok;
}
