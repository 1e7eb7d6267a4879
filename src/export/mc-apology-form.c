/* mc-apology-form.c — Mẫu 04: the apology with a new appointment for a late dossier
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Wording. TT 03/2025/TT-VPCP: Phụ lục I, Mẫu 04, as reproduced in Quyết định
 * 3621/QĐ-BYT (24/11/2025), BM.04 "PHIẾU XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN
 * GIẢI QUYẾT" (the Phụ lục's list names it "Văn bản xin lỗi và đề nghị gia hạn
 * thời gian giải quyết"; the form itself carries the title printed here). Its
 * template's stray parenthesis "(tên thủ tục hành chính) của Ông/Bà/Tổ chức);"
 * is dropped and the applicant's name goes where the template implies it.
 * TT 01/2018/TT-VPCP Mẫu 04 "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ": the
 * official Phụ lục was not at hand (docs/LEGAL.md §1.2, §9). The text is the
 * 2025 one without what 2025 added (the "số định danh" and the sentence "xin
 * trân trọng gửi lời xin lỗi … chi phí, công sức"): the 2025 form was written
 * over the 2018 one, whose title, "Kính gửi", "Tuy nhiên đến nay … ghi trên
 * Giấy tiếp nhận hồ sơ và hẹn trả kết quả", "Lý do" and new date it keeps
 * (implementations of the 2018 form: docs/LEGAL.md §1.2). The instructions
 * for electronic forms ("Chữ ký số … nếu là biểu mẫu điện tử") are left off.
 *
 * Signature. The 2025 form is signed "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ"; NĐ 30/2020
 * Phụ lục I, mục II.7 wants the quyền hạn (TM./KT.), the chức vụ and the
 * name. Decided (the circular names no other signer): the person who issued
 * the apology signs when they lead the unit (lãnh đạo UBND role), with the
 * title on their account and the authority from the settings (a Phó Chủ
 * tịch: "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"); an apology recorded by a head of
 * department is signed by the unit's signer of the settings
 * (report.signer, report.signer_title), the head of the agency the form
 * asks for; with none set, by the person who issued it. "Nơi nhận" from the
 * setting apology.recipients ("Như trên" is the applicant).
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mc-accounts.h"
#include "mc-apology-form.h"
#include "mc-form-paper.h"
#include "mc-dossier-store.h"
#include "mc-receipt.h"
#include "mc-settings.h"

McApologyFormData *
mc_apology_form_data_new_empty (void)
{
  McApologyFormData *data = g_new0 (McApologyFormData, 1);

  data->form_set = -1;
  data->a5 = -1;
  return data;
}

void
mc_apology_form_data_free (McApologyFormData *data)
{
  if (data == NULL)
    return;
  mc_records_unit_clear (&data->unit);
  g_free (data->code);
  g_free (data->procedure_name);
  g_free (data->applicant_name);
  g_free (data->applicant_id_number);
  g_free (data->reason);
  g_free (data->department_name);
  g_free (data->responsible_name);
  g_free (data->number_line);
  g_free (data->signer_authority);
  g_free (data->signer_name);
  g_free (data->recipients);
  g_free (data);
}

/* The dossier's ID number and, for an apology that set no new date, the one
 * set before (a new appointment may be set only once). */
static gboolean
fill_from_dossier (McWorkflow *workflow, McApologyFormData *data, GError **error)
{
  g_autoptr(McDossierStore) store = mc_dossier_store_new (mc_workflow_get_db (workflow),
                                                          mc_workflow_get_calendar (workflow));
  g_autoptr(McDossier) dossier = mc_dossier_store_find (store, data->code, error);

  if (dossier == NULL)
    return FALSE;
  data->applicant_id_number = g_strdup (mc_dossier_get_data (dossier)->applicant_id_number);
  if (data->new_due_at == 0)
    {
      g_autoptr(McWorkItem) item = mc_workflow_get_item (workflow, data->code, data->issued_at, error);

      if (item == NULL)
        return FALSE;
      data->new_due_at = item->extended_due_at;
    }
  return TRUE;
}

/* The dossier keeps the forms of its date received; the letter's number is
 * given once to the apology and of the year it is issued. */
static gboolean
fill_number (McWorkflow *workflow, McApologyFormData *data, gint64 apology_id, GError **error)
{
  McDb *db = mc_workflow_get_db (workflow);
  g_autofree char *subject = g_strdup_printf ("%" G_GINT64_FORMAT, apology_id);
  McTime issued = data->issued_at ? data->issued_at : mc_time_now ();

  McFormSet set;
  gboolean a5;

  if (!mc_form_paper_for_document (db, data->received_at, MC_FORM_TYPE_APOLOGY, &set, &a5, error))
    return FALSE;
  data->form_set = set;
  data->a5 = a5;
  data->number_line = mc_form_set_number_line (db, data->form_set, MC_FORM_TYPE_APOLOGY, subject,
                                               mc_time_get_date (issued), error);
  return data->number_line != NULL;
}

/* See the comment at the top: who signs, under which authority. */
static gboolean
fill_signer (McWorkflow *workflow, gint64 apology_id, McApologyFormData *data, GError **error)
{
  McDb *db = mc_workflow_get_db (workflow);
  g_autofree char *issuer = NULL, *issuer_title = NULL, *signer = NULL, *signer_title = NULL;
  g_autofree char *recipients = NULL;
  gboolean leader = FALSE;

  /* A letter is never signed by a default name because the unit's could
   * not be read: the error instead. */
  if ((recipients = mc_settings_get (db, "apology.recipients", error)) == NULL ||
      !mc_workflow_apology_issuer (workflow, apology_id, &issuer, &issuer_title, &leader, error) ||
      (signer = mc_settings_get (db, "report.signer", error)) == NULL ||
      (signer_title = mc_settings_get (db, "report.signer_title", error)) == NULL)
    return FALSE;
  if (issuer != NULL && (leader || signer[0] == '\0'))
    {
      g_free (signer);
      g_free (signer_title);
      signer = g_steal_pointer (&issuer);
      signer_title = g_steal_pointer (&issuer_title);
    }
  data->signer_name = g_steal_pointer (&signer);
  data->signer_authority = mc_settings_signer_authority (db, signer_title, error);
  data->recipients = mc_settings_recipients_lines (recipients);
  return data->signer_authority != NULL;
}

/* "Thủ tục đăng ký khai sinh" after "thủ tục hành chính" would say "thủ
 * tục" twice: the catalog's names that start with it lose it there. */
static char *
procedure_phrase (const char *name)
{
  static const char *const prefixes[] = { "Thủ tục ", "thủ tục ", "THỦ TỤC " };

  if (name == NULL || *name == '\0')
    return g_strdup (MC_RECORDS_BLANK);
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (name, prefixes[i]) && name[strlen (prefixes[i])] != '\0')
      {
        const char *rest = name + strlen (prefixes[i]);
        char lower[8] = { 0 };

        g_unichar_to_utf8 (g_unichar_tolower (g_utf8_get_char (rest)), lower);
        return g_strconcat (lower, g_utf8_next_char (rest), NULL);
      }
  return g_strdup (name);
}

McApologyFormData *
mc_apology_form_data_new (McWorkflow *workflow, gint64 apology_id, GError **error)
{
  g_autoptr(McApologyFormData) data = mc_apology_form_data_new_empty ();
  McApologyRecord *record;

  g_return_val_if_fail (MC_IS_WORKFLOW (workflow), NULL);

  record = mc_workflow_get_apology (workflow, apology_id, error);
  if (record == NULL)
    return NULL;
  {
    /* The letter names the applicant (and, on the 2025 form, their ID
     * number): checked and audited like every export with personal data,
     * whether printed when issued, from the window or by `dossier
     * apology-letter`. */
    g_autofree char *detail = g_strdup_printf ("Phiếu xin lỗi %s", record->dossier_code);
    if (!mc_accounts_audit_personal_export (mc_workflow_get_db (workflow), "export.apology_form", 0, detail, error))
      {
        mc_apology_record_free (record);
        return NULL;
      }
  }
  data->code = g_strdup (record->dossier_code);
  data->procedure_name = g_strdup (record->procedure_name);
  data->applicant_name = g_strdup (record->applicant_name);
  data->received_at = record->received_at;
  data->issued_at = record->issued_at;
  data->previous_due_at = record->previous_due_at;
  data->new_due_at = record->new_due_at;
  data->reason = g_strdup (record->reason);
  data->department_name = g_strdup (record->department_name);
  data->responsible_name = g_strdup (record->responsible_name);
  mc_apology_record_free (record);
  if (!mc_records_unit_load_for_dossier (mc_workflow_get_db (workflow), data->code, &data->unit, error) ||
      !fill_from_dossier (workflow, data, error) || !fill_number (workflow, data, apology_id, error) ||
      !fill_signer (workflow, apology_id, data, error))
    return NULL;
  return g_steal_pointer (&data);
}

McFormSet
mc_apology_form_get_form_set (const McApologyFormData *data)
{
  if (data->form_set >= 0)
    return (McFormSet) data->form_set;
  return mc_form_set_for_time (NULL, data->received_at, NULL);
}

gboolean
mc_apology_form_is_a5 (const McApologyFormData *data)
{
  g_return_val_if_fail (data != NULL, FALSE);

  if (data->a5 >= 0)
    return data->a5;
  return mc_form_paper_is_a5 (NULL, mc_apology_form_get_form_set (data), MC_FORM_TYPE_APOLOGY, NULL);
}

static gboolean
is_2025_form (const McApologyFormData *data)
{
  return mc_apology_form_get_form_set (data) == MC_FORM_SET_2025;
}

const char *
mc_apology_form_get_title (const McApologyFormData *data)
{
  g_return_val_if_fail (data != NULL, "");

  return mc_form_set_title (mc_apology_form_get_form_set (data), MC_FORM_TYPE_APOLOGY);
}

static void
header (McPdfDocument *doc, const McApologyFormData *data)
{
  const char *bodies[3] = { NULL, };
  g_autofree char *blank = NULL;
  int n = 0;

  /* Cơ quan chủ quản, then the agency that apologises. */
  if (data->unit.parent_unit_name != NULL && data->unit.parent_unit_name[0] != '\0')
    bodies[n++] = data->unit.parent_unit_name;
  bodies[n++] = mc_records_or_blank (data->unit.unit_name);
  if (data->number_line == NULL)
    blank = mc_form_set_blank_number_line (mc_apology_form_get_form_set (data), MC_FORM_TYPE_APOLOGY, NULL);
  mc_pdf_document_header_numbered (doc, bodies, data->number_line ? data->number_line : blank,
                                   data->unit.place_name,
                                   mc_time_get_date (data->issued_at ? data->issued_at : mc_time_now ()));
}

/* "Ngày 05 tháng 3 năm 2024" at the start of a sentence. */
static char *
sentence_date (McTime t)
{
  g_autofree char *date = mc_pdf_format_date (mc_time_get_date (t));

  date[0] = 'N';
  return g_steal_pointer (&date);
}

static void
addressee (McPdfDocument *doc, const McApologyFormData *data)
{
  g_autofree char *markup = g_markup_printf_escaped ("Kính gửi: %s", mc_records_or_blank (data->applicant_name));

  mc_pdf_document_space (doc, 6);
  mc_pdf_document_text (doc, markup, 14, MC_PDF_TEXT_CENTER);
  mc_pdf_document_space (doc, 10);
}

static void
reception_paragraph (McPdfDocument *doc, const McApologyFormData *data, gboolean new_form)
{
  g_autofree char *procedure = procedure_phrase (data->procedure_name);
  g_autofree char *date = data->received_at ? sentence_date (data->received_at)
                                            : g_strdup ("Ngày …… tháng …… năm ……");
  g_autofree char *id = new_form ? g_markup_printf_escaped ("; số định danh: %s",
                                                            mc_records_or_blank (data->applicant_id_number))
                                 : g_strdup ("");
  g_autofree char *markup = g_markup_printf_escaped (
    "%s, %s tiếp nhận giải quyết hồ sơ đề nghị giải quyết thủ tục hành chính %s "
    "của Ông/Bà/Tổ chức <b>%s</b>", date, mc_records_or_blank (data->unit.unit_name),
    procedure, mc_records_or_blank (data->applicant_name));
  g_autofree char *code = g_markup_printf_escaped ("; mã số hồ sơ: <b>%s</b>.", mc_records_or_blank (data->code));
  g_autofree char *all = g_strconcat (markup, id, code, NULL);

  mc_pdf_document_paragraph (doc, all);
}

/* keep: the height of the signature block the last line stays with. */
static void
body (McPdfDocument *doc, const McApologyFormData *data, double keep)
{
  gboolean new_form = is_2025_form (data);
  const char *unit = mc_records_or_blank (data->unit.unit_name);
  g_autofree char *due = mc_records_format_instant (data->previous_due_at);
  g_autofree char *new_due = mc_records_format_instant (data->new_due_at);
  g_autofree char *due_line = g_markup_printf_escaped (
    "Thời gian hẹn trả kết quả giải quyết hồ sơ: %s.", due);
  g_autofree char *late = g_markup_printf_escaped (
    "Tuy nhiên đến nay, %s chưa trả kết quả giải quyết hồ sơ của Ông/Bà/Tổ chức đúng thời hạn "
    "quy định ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.", unit);
  g_autofree char *reason = g_markup_printf_escaped ("Lý do: %s", mc_records_or_blank (data->reason));
  g_autofree char *regret = g_markup_printf_escaped (
    "%s xin trân trọng gửi lời xin lỗi đến Ông (Bà)/Tổ chức vì sự chậm trễ trong quá trình giải "
    "quyết hồ sơ có thể gây phiền hà, tốn kém về chi phí, công sức của Ông (Bà)/Tổ chức.", unit);
  g_autofree char *promise = g_markup_printf_escaped (
    "%s xin lỗi Ông/Bà/Tổ chức và sẽ trả kết quả giải quyết hồ sơ cho Ông/Bà/Tổ chức vào "
    "<b>%s</b>.", unit, new_due);

  reception_paragraph (doc, data, new_form);
  mc_pdf_document_paragraph (doc, due_line);
  mc_pdf_document_paragraph (doc, late);
  mc_pdf_document_paragraph (doc, reason);
  if (new_form)
    mc_pdf_document_paragraph (doc, regret);
  mc_pdf_document_paragraph (doc, promise);
  if (keep > 0)
    mc_pdf_document_keep_with_next (doc, 6 + MC_PDF_CLOSING_SPACE + keep);
  mc_pdf_document_paragraph (doc, "Mong nhận được sự thông cảm của Ông/Bà/Tổ chức vì sự chậm trễ này./.");
}

/* The form's "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ" filled in as NĐ 30 II.7 signs:
 * authority and title, room to sign and stamp, the name; Nơi nhận beside. */
static void
lay_out (McPdfDocument *doc, const McApologyFormData *data)
{
  double keep = data->signer_authority == NULL ? 0
                : mc_pdf_document_closing_height (doc, data->recipients, data->signer_authority, data->signer_name);

  header (doc, data);
  mc_pdf_document_title (doc, mc_apology_form_get_title (data));
  addressee (doc, data);
  body (doc, data, keep);
  if (data->signer_authority != NULL)
    mc_pdf_document_closing (doc, data->recipients, data->signer_authority, data->signer_name);
  else
    {
      /* An empty form (no apology behind it): the circular's words. */
      const McPdfSignature signature = { "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ", "(Ký và ghi rõ họ tên)", NULL };

      mc_pdf_document_space (doc, 8);
      mc_pdf_document_signatures (doc, &signature, 1);
    }
}

int
mc_apology_form_get_n_pages (const McApologyFormData *data, double width, double height)
{
  g_return_val_if_fail (data != NULL, 0);

  return mc_records_count_pages ((McRecordsLayOutFunc) lay_out, data, mc_records_page_width (mc_apology_form_is_a5 (data)), mc_records_page_height (mc_apology_form_is_a5 (data)));
}

void
mc_apology_form_draw_page (cairo_t *cr, const McApologyFormData *data, int page,
                           double width, double height)
{
  g_return_if_fail (cr != NULL && data != NULL);
  g_return_if_fail (width > 0 && height > 0);

  mc_records_draw_page (cr, (McRecordsLayOutFunc) lay_out, data, page, mc_records_page_width (mc_apology_form_is_a5 (data)), mc_records_page_height (mc_apology_form_is_a5 (data)), width, height);
}

gboolean
mc_apology_form_data_write_pdf (const McApologyFormData *data, const char *path, GError **error)
{
  const char *texts[] = { data->unit.parent_unit_name, data->unit.unit_name, data->unit.place_name,
                          data->code, data->procedure_name, data->applicant_name,
                          data->applicant_id_number, data->reason, data->signer_name,
                          data->signer_authority, data->recipients };

  g_return_val_if_fail (data != NULL && path != NULL, FALSE);

  if (!mc_records_check_utf8 (texts, G_N_ELEMENTS (texts), error))
    return FALSE;
  return mc_records_write_pdf (path, mc_apology_form_get_title (data), mc_records_page_width (mc_apology_form_is_a5 (data)),
                               mc_records_page_height (mc_apology_form_is_a5 (data)), (McRecordsLayOutFunc) lay_out, data, NULL, error);
}

gboolean
mc_apology_form_write_pdf (McWorkflow *workflow, gint64 apology_id, const char *path, GError **error)
{
  g_autoptr(McApologyFormData) data = NULL;

  g_return_val_if_fail (MC_IS_WORKFLOW (workflow), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = mc_apology_form_data_new (workflow, apology_id, error);
  return data != NULL && mc_apology_form_data_write_pdf (data, path, error);
}

/* A reprint by dossier code: the latest apology's letter, with the number it
 * was given the first time. */
gboolean
mc_apology_form_reprint_pdf (McWorkflow *workflow, const char *code, const char *path, GError **error)
{
  gint64 id;

  g_return_val_if_fail (MC_IS_WORKFLOW (workflow), FALSE);
  g_return_val_if_fail (code != NULL && path != NULL, FALSE);

  id = mc_workflow_latest_apology (workflow, code, error);
  return id != 0 && mc_apology_form_write_pdf (workflow, id, path, error);
}
