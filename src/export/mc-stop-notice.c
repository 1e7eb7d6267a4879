/* mc-stop-notice.c — Mẫu 05 of Thông tư 03/2025/TT-VPCP: Thông báo dừng giải quyết hồ sơ
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rule. TT 03/2025/TT-VPCP Điều 7 khoản 1 (docs/LEGAL.md §1.2, from the
 * copy in tnt305/tai_lieu_noi_bo src/etl/dataset/9ce9777ea895f842.md): "Ngay
 * sau khi nhận được yêu cầu dừng thực hiện thủ tục hành chính trực tiếp hoặc
 * qua dịch vụ bưu chính của tổ chức, cá nhân theo khoản 1 Điều 21 Nghị định
 * 118/2025/NĐ-CP, Bộ phận Một cửa nơi tiếp nhận hồ sơ có trách nhiệm kiểm tra
 * tình trạng và kết quả giải quyết … Trường hợp chưa có quyết định giải quyết
 * thủ tục hành chính hoặc văn bản thông báo kết quả … thì … thông báo dừng
 * giải quyết hồ sơ theo Mẫu Thông báo dừng giải quyết hồ sơ". In the app that
 * request is the withdrawal (rút hồ sơ): core refuses it once the result is
 * ready, so a withdrawn dossier is one without a decision. A dossier found
 * không đủ điều kiện is the agency's decision, not the citizen's request: it
 * gets no stop notice.
 *
 * The wording. The text of the form itself was not found (docs/LEGAL.md §9
 * item 5: not in the ministry's reproduction QĐ 3621/QĐ-BYT, which has the
 * other six). This one follows the pattern of that reproduction's forms: the
 * header and "Số: …/TBD-TTPVHCC" (see mc-form-set.c), the title, the dossier
 * as BM.04 (the apology) names it ("tiếp nhận giải quyết hồ sơ đề nghị giải
 * quyết thủ tục hành chính … số định danh … mã số hồ sơ"), the request and its
 * date, the reason given, the legal basis above, and the signature of the
 * person of the one-stop office who gave notice. Replace it with the official
 * text when found.
 *
 * Which set. The notice is an act of the day of the withdrawal: it exists
 * when the forms of TT 03/2025 apply on that day (mc_form_set_for_time).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-accounts.h"
#include "mc-dossier-store.h"
#include "mc-stop-notice.h"
#include "mc-form-paper.h"

McStopNoticeData *
mc_stop_notice_data_new_empty (void)
{
  McStopNoticeData *data = g_new0 (McStopNoticeData, 1);

  data->a5 = -1;
  return data;
}

/* Only under TT 03/2025: its paper setting decides. */
gboolean
mc_stop_notice_is_a5 (const McStopNoticeData *data)
{
  g_return_val_if_fail (data != NULL, FALSE);

  if (data->a5 >= 0)
    return data->a5;
  return mc_form_paper_is_a5 (NULL, MC_FORM_SET_2025, MC_FORM_TYPE_STOP_NOTICE, NULL);
}

void
mc_stop_notice_data_free (McStopNoticeData *data)
{
  if (data == NULL)
    return;
  mc_records_unit_clear (&data->unit);
  g_free (data->code);
  g_free (data->procedure_name);
  g_free (data->applicant_name);
  g_free (data->applicant_id_number);
  g_free (data->applicant_address);
  g_free (data->reason);
  g_free (data->notifier_name);
  g_free (data->number_line);
  g_free (data);
}

/* The withdrawal's hand-over: when, who recorded it, the reason given. */
static gboolean
fill_withdrawal (McWorkflow *workflow, McStopNoticeData *data, GError **error)
{
  g_autoptr(GPtrArray) handovers = mc_workflow_handovers (workflow, data->code, error);

  if (handovers == NULL)
    return FALSE;
  for (guint i = handovers->len; i > 0; i--)
    {
      McHandover *h = handovers->pdata[i - 1];

      if (g_strcmp0 (h->kind, "withdraw") == 0)
        {
          data->stopped_at = h->at;
          data->notifier_name = g_strdup (h->from_staff);
          data->reason = g_strdup (h->note);
          return TRUE;
        }
    }
  g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_INVALID,
               _("Dossier %s was not withdrawn: a stop notice is issued only when the applicant asks to stop"),
               data->code);
  return FALSE;
}

static gboolean
fill_dossier (McWorkflow *workflow, McStopNoticeData *data, const char *code, GError **error)
{
  g_autoptr(McDossierStore) store = mc_dossier_store_new (mc_workflow_get_db (workflow),
                                                          mc_workflow_get_calendar (workflow));
  g_autoptr(McDossier) dossier = mc_dossier_store_find (store, code, error);
  McDossierData *d;

  if (dossier == NULL)
    return FALSE;
  d = mc_dossier_get_data (dossier);
  data->code = g_strdup (d->code);
  data->procedure_name = g_strdup (d->procedure_name);
  data->applicant_name = g_strdup (d->applicant_name);
  data->applicant_id_number = g_strdup (d->applicant_id_number);
  data->applicant_address = g_strdup (d->applicant_address);
  data->received_at = d->received_at;
  if (g_strcmp0 (d->outcome, "withdrawn") != 0)
    {
      g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_INVALID,
                   _("Dossier %s was not withdrawn: a stop notice is issued only when the applicant asks to stop"),
                   d->code);
      return FALSE;
    }
  return TRUE;
}

/* Only the 2025 set has the form (see the top of the file). */
static gboolean
check_form_set (McDb *db, const McStopNoticeData *data, GError **error)
{
  g_autofree char *day = NULL;
  g_autofree char *from = NULL;
  McFormSet set;

  if (!mc_form_paper_for_document (db, data->stopped_at, MC_FORM_TYPE_STOP_NOTICE, &set, NULL, error))
    return FALSE;
  if (set == MC_FORM_SET_2025)
    return TRUE;
  day = mc_pdf_format_date (mc_time_get_date (data->stopped_at));
  /* Read just above: a label. */
  from = mc_pdf_format_date (mc_form_set_switch_date (db, NULL));
  g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_INVALID,
               _("Dossier %s was withdrawn on %s, under the forms of Thông tư 01/2018/TT-VPCP, which have no stop "
                 "notice (Thông tư 03/2025/TT-VPCP applies from %s)"), data->code, day, from);
  return FALSE;
}

McStopNoticeData *
mc_stop_notice_data_new (McWorkflow *workflow, const char *code, GError **error)
{
  g_autoptr(McStopNoticeData) data = mc_stop_notice_data_new_empty ();
  McDb *db;
  g_autofree char *detail = NULL;

  g_return_val_if_fail (MC_IS_WORKFLOW (workflow), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  db = mc_workflow_get_db (workflow);
  if (!fill_dossier (workflow, data, code, error) || !fill_withdrawal (workflow, data, error) ||
      !check_form_set (db, data, error))
    return NULL;
  /* The notice carries the ID number: checked and audited like every export
   * with personal data. */
  detail = g_strdup_printf ("Thông báo dừng giải quyết %s", data->code);
  if (!mc_accounts_audit_personal_export (db, "export.stop_notice", 0, detail, error) ||
      !mc_records_unit_load_for_dossier (db, data->code, &data->unit, error))
    return NULL;
  {
    g_autoptr(GError) read_error = NULL;

    data->a5 = mc_form_paper_is_a5 (db, MC_FORM_SET_2025, MC_FORM_TYPE_STOP_NOTICE, &read_error);
    if (read_error != NULL)
      {
        g_propagate_error (error, g_steal_pointer (&read_error));
        return NULL;
      }
  }
  data->number_line = mc_form_set_number_line (db, MC_FORM_SET_2025, MC_FORM_TYPE_STOP_NOTICE, data->code,
                                               mc_time_get_date (data->stopped_at), error);
  if (data->number_line == NULL)
    return NULL;
  return g_steal_pointer (&data);
}

const char *
mc_stop_notice_get_title (void)
{
  return mc_form_set_title (MC_FORM_SET_2025, MC_FORM_TYPE_STOP_NOTICE);
}

/* Issued by the one-stop office that received the dossier. */
static void
header (McPdfDocument *doc, const McStopNoticeData *data)
{
  mc_records_office_header (doc, &data->unit, MC_FORM_SET_2025, MC_FORM_TYPE_STOP_NOTICE, data->number_line,
                            data->stopped_at);
}

/* "Ngày 05 tháng 3 năm 2024" at the start of a sentence. */
static char *
sentence_date (McTime t)
{
  g_autofree char *date = NULL;

  if (t == 0)
    return g_strdup ("Ngày …… tháng …… năm ……");
  date = mc_pdf_format_date (mc_time_get_date (t));
  date[0] = 'N';
  return g_steal_pointer (&date);
}

static void
addressee (McPdfDocument *doc, const McStopNoticeData *data)
{
  g_autofree char *markup = g_markup_printf_escaped ("Kính gửi: Ông/Bà/Tổ chức %s", mc_records_or_blank (data->applicant_name));

  mc_pdf_document_space (doc, 6);
  mc_pdf_document_text (doc, markup, 14, MC_PDF_TEXT_CENTER);
  mc_pdf_document_space (doc, 10);
}

static void
body (McPdfDocument *doc, const McStopNoticeData *data)
{
  const char *office = mc_records_or_blank (data->unit.office_name);
  g_autofree char *received = sentence_date (data->received_at);
  g_autofree char *requested = sentence_date (data->stopped_at);
  g_autofree char *stopped = mc_records_format_instant (data->stopped_at);
  g_autofree char *reception = g_markup_printf_escaped (
    "%s, %s tiếp nhận giải quyết hồ sơ đề nghị giải quyết thủ tục hành chính %s của Ông/Bà/Tổ chức "
    "<b>%s</b>; số định danh: %s; mã số hồ sơ: <b>%s</b>.", received, office, mc_records_or_blank (data->procedure_name),
    mc_records_or_blank (data->applicant_name), mc_records_or_blank (data->applicant_id_number), mc_records_or_blank (data->code));
  g_autofree char *request = g_markup_printf_escaped (
    "%s, %s nhận được yêu cầu dừng thực hiện thủ tục hành chính nêu trên của Ông/Bà/Tổ chức.",
    requested, office);
  g_autofree char *reason = g_markup_printf_escaped ("Lý do: %s", mc_records_or_blank (data->reason));
  g_autofree char *notice = g_markup_printf_escaped (
    "Căn cứ khoản 1 Điều 21 Nghị định số 118/2025/NĐ-CP ngày 09 tháng 6 năm 2025 của Chính phủ và Điều 7 "
    "Thông tư số 03/2025/TT-VPCP ngày 15 tháng 9 năm 2025 của Văn phòng Chính phủ, do hồ sơ chưa có quyết "
    "định giải quyết thủ tục hành chính hoặc văn bản thông báo kết quả giải quyết thủ tục hành chính, %s "
    "thông báo <b>dừng giải quyết hồ sơ</b> nêu trên kể từ %s.", office, stopped);

  mc_pdf_document_paragraph (doc, reception);
  mc_pdf_document_paragraph (doc, request);
  mc_pdf_document_paragraph (doc, reason);
  mc_pdf_document_paragraph (doc, notice);
  mc_pdf_document_paragraph (doc, "Xin thông báo cho Ông/Bà/Tổ chức được biết./.");
}

static void
lay_out (McPdfDocument *doc, const McStopNoticeData *data)
{
  const McPdfSignature signature = { "NGƯỜI THÔNG BÁO", "(Ký và ghi rõ họ tên)", data->notifier_name };

  header (doc, data);
  mc_pdf_document_title (doc, mc_stop_notice_get_title ());
  addressee (doc, data);
  body (doc, data);
  mc_pdf_document_space (doc, 8);
  mc_pdf_document_signatures (doc, &signature, 1);
}

int
mc_stop_notice_get_n_pages (const McStopNoticeData *data, double width, double height)
{
  g_return_val_if_fail (data != NULL, 0);

  return mc_records_count_pages ((McRecordsLayOutFunc) lay_out, data, mc_records_page_width (mc_stop_notice_is_a5 (data)), mc_records_page_height (mc_stop_notice_is_a5 (data)));
}

void
mc_stop_notice_draw_page (cairo_t *cr, const McStopNoticeData *data, int page, double width, double height)
{
  g_return_if_fail (cr != NULL && data != NULL);
  g_return_if_fail (width > 0 && height > 0);

  mc_records_draw_page (cr, (McRecordsLayOutFunc) lay_out, data, page, mc_records_page_width (mc_stop_notice_is_a5 (data)), mc_records_page_height (mc_stop_notice_is_a5 (data)),
                        width, height);
}

gboolean
mc_stop_notice_data_write_pdf (const McStopNoticeData *data, const char *path, GError **error)
{
  const char *texts[] = { data->unit.parent_unit_name, data->unit.unit_name, data->unit.office_name,
                          data->unit.place_name, data->code, data->procedure_name, data->applicant_name,
                          data->applicant_id_number, data->reason, data->notifier_name };

  g_return_val_if_fail (data != NULL && path != NULL, FALSE);

  if (!mc_records_check_utf8 (texts, G_N_ELEMENTS (texts), error))
    return FALSE;
  return mc_records_write_pdf (path, mc_stop_notice_get_title (), mc_records_page_width (mc_stop_notice_is_a5 (data)), mc_records_page_height (mc_stop_notice_is_a5 (data)),
                               (McRecordsLayOutFunc) lay_out, data, NULL, error);
}

gboolean
mc_stop_notice_write_pdf (McWorkflow *workflow, const char *code, const char *path, GError **error)
{
  g_autoptr(McStopNoticeData) data = NULL;

  g_return_val_if_fail (MC_IS_WORKFLOW (workflow), FALSE);
  g_return_val_if_fail (code != NULL && path != NULL, FALSE);

  data = mc_stop_notice_data_new (workflow, code, error);
  return data != NULL && mc_stop_notice_data_write_pdf (data, path, error);
}
