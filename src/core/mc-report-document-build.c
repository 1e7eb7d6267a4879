/* mc-report-document-build.c — Biểu 06a, the public-results and apology
 * appendix, the CCHC statistics and the evaluation table built as the
 * seeds print them: every title of a report is written here (or, for Biểu
 * 06a's columns, in mc-report.c), and nowhere in the page or the writers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-accounts.h"
#include "mc-audit.h"
#include "mc-format.h"
#include "mc-report.h"
#include "mc-report-cchc.h"
#include "mc-report-document-private.h"
#include "mc-report-evaluation.h"
#include "mc-report-lists.h"
#include "mc-report-public.h"
#include "mc-report-rules.h"
#include "mc-unit.h"

/* The unit's name in capitals (unit_id 0: the center's own) and its level. */
static gboolean
unit_of (McDb *db, gint64 unit_id, char **name, char **level, GError **error)
{
  g_autofree char *written = NULL;

  if (!mc_report_unit_name (db, unit_id, &written, level, error))
    return FALSE;
  *name = g_utf8_strup (written, -1);
  return TRUE;
}

/* "THỦ TRƯỞNG ĐƠN VỊ", or "KT. THỦ TRƯỞNG ĐƠN VỊ\nPHÓ CHỦ TỊCH" for a deputy. */
static char *
signer_heading (const char *signer_title)
{
  g_autofree char *title = g_utf8_strup (signer_title, -1);

  if (title[0] == '\0' || g_str_equal (title, "THỦ TRƯỞNG ĐƠN VỊ"))
    return g_strdup ("THỦ TRƯỞNG ĐƠN VỊ");
  return g_strdup_printf ("KT. THỦ TRƯỞNG ĐƠN VỊ\n%s", title);
}

/* The time rules a kind of report follows, as it prints them: Biểu 06a
 * both of its rules, the public and CCHC appendices the moment of
 * timeliness (they count unqualified dossiers apart), the evaluation table
 * its total (mc-report-rules.c). */
static char *
rules_note (McDb *db, McReportDocKind kind, GError **error)
{
  McReportRules rules;

  if (!mc_report_rules_load (db, &rules, error))
    return NULL;
  return mc_report_rules_note (&rules, kind != MC_REPORT_DOC_EVALUATION, kind == MC_REPORT_DOC_06A,
                               kind == MC_REPORT_DOC_EVALUATION);
}

static void
set_text (McReportDocument *doc, McReportText which, const char *text)
{
  mc_report_document_take_text (doc, which, g_strdup (text));
}

/* Whom a kind of document is for: the statutory reports MC_PERMISSION_REPORT;
 * the queue's statistics those who see Tổng quan (heads, leaders,
 * administrators — issue 18 item 6), not a report to a higher level. */
static gboolean
check_permission (McDb *db, McReportDocKind kind, GError **error)
{
  if (kind == MC_REPORT_DOC_QUEUE)
    return mc_accounts_check (db, mc_db_get_actor (db), MC_PERMISSION_DASHBOARD, 0, error);
  return mc_report_check_permission (db, error);
}

/* The issuing unit, the place, the people who sign, from the settings as Biểu 06a. */
static McReportDocument *
doc_begin (McDb *db, McReportDocKind kind, gint64 unit_id, McReportScope scope, McDate from, McDate to,
           GError **error)
{
  g_autoptr(McReportDocument) doc = mc_report_document_alloc (kind, unit_id, scope, from, to);
  g_autoptr(McUnit) own = NULL;
  g_autofree char *issuer = NULL, *title = NULL, *place_text = NULL, *preparer = NULL, *signer = NULL;
  g_autofree char *note = NULL;
  const char *place;

  if (!check_permission (db, kind, error) || !unit_of (db, unit_id, &issuer, NULL, error) ||
      (own = mc_unit_get_own (db, error)) == NULL)
    return NULL;
  place = mc_unit_get_place_name (own);
  mc_report_document_take_text (doc, MC_REPORT_TEXT_ISSUER, g_steal_pointer (&issuer));
  /* A report is never signed by a default name because the unit's could
   * not be read: the error instead. */
  if ((place_text = mc_db_get_setting (db, "report.place", place ? place : "", error)) == NULL ||
      (preparer = mc_db_get_setting (db, "report.preparer", "", error)) == NULL ||
      (signer = mc_db_get_setting (db, "report.signer", "", error)) == NULL ||
      (title = mc_db_get_setting (db, "report.signer_title", "", error)) == NULL)
    return NULL;
  mc_report_document_take_text (doc, MC_REPORT_TEXT_PLACE, g_steal_pointer (&place_text));
  set_text (doc, MC_REPORT_TEXT_PREPARER_TITLE, "NGƯỜI LẬP BIỂU");
  mc_report_document_take_text (doc, MC_REPORT_TEXT_PREPARER, g_steal_pointer (&preparer));
  mc_report_document_take_text (doc, MC_REPORT_TEXT_SIGNER, g_steal_pointer (&signer));
  mc_report_document_take_text (doc, MC_REPORT_TEXT_SIGNER_HEADING, signer_heading (title));
  mc_report_document_take_text (doc, MC_REPORT_TEXT_AUDIT_HEAD, mc_audit_head_text (db));
  /* The queue's figures are times of day, not the dossiers' time rules. */
  if (kind == MC_REPORT_DOC_QUEUE)
    return g_steal_pointer (&doc);
  if ((note = rules_note (db, kind, error)) == NULL)
    return NULL;
  mc_report_document_take_text (doc, MC_REPORT_TEXT_RULES_NOTE, g_steal_pointer (&note));
  return g_steal_pointer (&doc);
}

McReportDocument *
mc_report_document_begin (McDb *db, McReportDocKind kind, gint64 unit_id, McReportScope scope, McDate from,
                          McDate to, GError **error)
{
  return doc_begin (db, kind, unit_id, scope, from, to, error);
}

/* "(Kèm theo Báo cáo số: …/BC-UBND ngày …/…/… của Ủy ban nhân dân phường Phú Sơn)". */
static char *
reference_line (McDb *db, McReportDocument *doc)
{
  g_autofree char *unit = NULL;

  if (!mc_report_unit_name (db, mc_report_document_get_unit_id (doc), &unit, NULL, NULL))
    unit = g_strdup (mc_report_document_get_text (doc, MC_REPORT_TEXT_ISSUER));
  return g_strdup_printf ("(Kèm theo Báo cáo số: …/BC-UBND ngày …/…/… của %s)", unit);
}

/* As the report prints it: 2.501 (the XLSX stores the number). */
static void
set_count (McReportRow *row, guint column, guint value)
{
  mc_report_row_take_cell (row, column, mc_format_count (value));
}

static void
set_cell (McReportRow *row, guint column, const char *text)
{
  mc_report_row_take_cell (row, column, g_strdup (text));
}

/* Biểu số 06a/VPCP/KSTT (TT 01/2020/TT-VPCP, seed 002): the form's number
 * and basis top left, the title, "(Từ ngày … đến ngày …)", the unit and
 * "Đơn vị tính", the three header rows of mc_report_06a_column_title, one
 * row per field and the total. */

static char *
period_06a (McDate from, McDate to)
{
  int y1, m1, d1, y2, m2, d2;

  mc_date_to_ymd (from, &y1, &m1, &d1);
  mc_date_to_ymd (to, &y2, &m2, &d2);
  return g_strdup_printf ("(Từ ngày %02d/%02d/%d đến ngày %02d/%02d/%d)", d1, m1, y1, d2, m2, y2);
}

static void
columns_06a (McReportTable *t)
{
  mc_report_document_add_column (t, mc_report_06a_column_title (1), NULL, 28, 5, TRUE, -1);
  mc_report_document_add_column (t, mc_report_06a_column_title (2), NULL, 0, 38, FALSE, -1);
  for (int k = MC_06A_RECEIVED; k < MC_06A_N_COLUMNS; k++)
    {
      McReportColumn *c = mc_report_document_add_column (t, mc_report_06a_column_title (k),
                                                         mc_report_06a_column_group (k), 0, 10, TRUE, k);

      c->subgroup = g_strdup (mc_report_06a_column_subgroup (k));
    }
}

void
mc_report_document_fill_06a (McReportDocument *doc, const McReport06a *report)
{
  McReportTable *t;

  mc_report_document_set_landscape (doc, TRUE);
  set_text (doc, MC_REPORT_TEXT_SHEET, "Biểu 06a");
  set_text (doc, MC_REPORT_TEXT_CORNER, "Biểu số 06a/VPCP/KSTT");
  set_text (doc, MC_REPORT_TEXT_BASIS, "Ban hành theo Thông tư số 01/2020/TT-VPCP ngày 21/10/2020");
  set_text (doc, MC_REPORT_TEXT_TITLE,
            "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT TTHC");
  mc_report_document_take_text (doc, MC_REPORT_TEXT_SUBTITLE, period_06a (report->from, report->to));
  g_ptr_array_add (mc_report_document_get_info (doc), g_strdup ("Đơn vị tính: Số hồ sơ TTHC"));
  t = mc_report_document_add_table (doc, NULL, TRUE);
  columns_06a (t);
  for (guint i = 0; i <= report->rows->len; i++)
    {
      const McReport06aRow *r = i < report->rows->len ? report->rows->pdata[i] : &report->total;
      McReportRow *row = mc_report_document_add_row (t, r->field_id, i == report->rows->len);

      mc_report_row_take_cell (row, 0, i < report->rows->len ? g_strdup_printf ("%u", i + 1) : g_strdup (""));
      set_cell (row, 1, r->field_name);
      for (int k = MC_06A_RECEIVED; k < MC_06A_N_COLUMNS; k++)
        set_count (row, k - 1, r->c[k]);
    }
}

McReportDocument *
mc_report_document_new_06a (McDb *db, gint64 unit_id, McDate from, McDate to, gboolean only_with_dossiers,
                            GError **error)
{
  g_autoptr(McReportDocument) doc = doc_begin (db, MC_REPORT_DOC_06A, unit_id, MC_REPORT_SCOPE_UNIT, from, to,
                                               error);
  g_autoptr(McReport06a) report = NULL;

  if (doc == NULL || (report = mc_report_06a_compute (db, unit_id, from, to, only_with_dossiers, error)) == NULL)
    return NULL;
  mc_report_document_fill_06a (doc, report);
  return g_steal_pointer (&doc);
}

/* Phụ lục công khai kết quả giải quyết TTHC và công khai xin lỗi (seed 000) */

static const char *
level_name (const char *level)
{
  if (g_strcmp0 (level, "tinh") == 0)
    return "CẤP TỈNH";
  if (g_strcmp0 (level, "huyen") == 0)
    return "CẤP HUYỆN";
  if (g_strcmp0 (level, "xa") == 0)
    return "CẤP XÃ";
  return "CẤP ĐƠN VỊ";
}

static void
public_columns (McReportTable *t)
{
  static const struct { const char *title, *group; } cols[] = {
    { "TTHC thực hiện theo cơ chế một cửa", "TTHC thuộc thẩm quyền giải quyết" },
    { "TTHC thực hiện theo cơ chế một cửa liên thông", "TTHC thuộc thẩm quyền giải quyết" },
    { "Tổng số hồ sơ giải quyết TTHC đã tiếp nhận", "Tình trạng giải quyết hồ sơ TTHC" },
    { "Tổng số hồ sơ TTHC đã giải quyết", "Tình trạng giải quyết hồ sơ TTHC" },
    { "Số hồ sơ TTHC giải quyết đúng hạn", "Tình trạng giải quyết hồ sơ TTHC" },
    { "Số hồ sơ TTHC giải quyết quá hạn", "Tình trạng giải quyết hồ sơ TTHC" },
    { "Số hồ sơ TTHC đang giải quyết", "Tình trạng giải quyết hồ sơ TTHC" },
    { "Số hồ sơ TTHC không đủ điều kiện giải quyết", "Tình trạng giải quyết hồ sơ TTHC" },
    { "Công khai xin lỗi (trường hợp)", NULL },
    { "Không thực hiện công khai xin lỗi (trường hợp)", NULL },
  };

  mc_report_document_add_column (t, "STT", NULL, 28, 5, TRUE, -1);
  mc_report_document_add_column (t, "Lĩnh vực", NULL, 0, 34, FALSE, -1);
  for (guint i = 0; i < G_N_ELEMENTS (cols); i++)
    mc_report_document_add_column (t, cols[i].title, cols[i].group, 52, 11, TRUE, MC_PUBLIC_ONE_STOP + i);
}

McReportDocument *
mc_report_document_new_public (McDb *db, gint64 unit_id, McReportScope scope, McDate from, McDate to,
                               gboolean only_with_dossiers, GError **error)
{
  g_autoptr(McReportDocument) doc = doc_begin (db, MC_REPORT_DOC_PUBLIC,
                                               scope == MC_REPORT_SCOPE_UNIT ? unit_id : 0, scope, from, to, error);
  g_autoptr(McReportPublic) report = NULL;
  g_autofree char *period = NULL, *level = NULL, *name = NULL, *sub_level = NULL;
  const char *level_text;
  McReportTable *t;

  if (doc == NULL || !unit_of (db, mc_report_document_get_unit_id (doc), &name, &level, error) ||
      (report = mc_report_public_compute (db, unit_id, scope, from, to, only_with_dossiers, error)) == NULL)
    return NULL;
  sub_level = g_strdup (mc_report_subordinates_are_communes (db) ? "xa" : "khac");
  period = mc_report_period_text (db, from, to, TRUE);
  level_text = scope == MC_REPORT_SCOPE_UNIT ? level_name (level)
               : scope == MC_REPORT_SCOPE_SUBORDINATES ? level_name (sub_level) : "TOÀN ĐỊA BÀN";
  mc_report_document_set_landscape (doc, TRUE);
  set_text (doc, MC_REPORT_TEXT_SHEET, "Công khai kết quả");
  set_text (doc, MC_REPORT_TEXT_CORNER, scope == MC_REPORT_SCOPE_UNIT ? "Phụ lục số 01"
                                        : scope == MC_REPORT_SCOPE_SUBORDINATES ? "Phụ lục số 02" : "Phụ lục số 03");
  mc_report_document_take_text (doc, MC_REPORT_TEXT_TITLE,
                                g_strdup_printf ("BẢNG TỔNG HỢP KẾT QUẢ THỰC HIỆN QUY ĐỊNH CÔNG KHAI GIẢI QUYẾT "
                                                 "TTHC;\nCÔNG KHAI XIN LỖI TRONG GIẢI QUYẾT TTHC %s, %s",
                                                 period, level_text));
  mc_report_document_take_text (doc, MC_REPORT_TEXT_SUBTITLE, reference_line (db, doc));
  if (report->n_reported_units > 0)
    g_ptr_array_add (mc_report_document_get_info (doc),
                     g_strdup_printf ("Số liệu của %u/%u đơn vị theo biểu 06a đơn vị gửi.",
                                      report->n_reported_units, report->n_units));
  t = mc_report_document_add_table (doc, NULL, TRUE);
  public_columns (t);
  for (guint i = 0; i <= report->rows->len; i++)
    {
      const McReportPublicRow *r = i < report->rows->len ? report->rows->pdata[i] : &report->total;
      McReportRow *row = mc_report_document_add_row (t, r->field_id, i == report->rows->len);

      mc_report_row_take_cell (row, 0, i < report->rows->len ? g_strdup_printf ("%u", i + 1) : g_strdup (""));
      mc_report_row_take_cell (row, 1, g_strdup (r->field_name));
      for (int k = MC_PUBLIC_ONE_STOP; k < MC_PUBLIC_N_COLUMNS; k++)
        set_count (row, k - 1, r->c[k]);
    }
  return g_steal_pointer (&doc);
}

/* Phụ lục 01b, thống kê số liệu CCHC (seed 003), sections 1–7 */

/* The figure of a line: computed, entered for the period, or blank. */
static char *
cchc_value (const McCchcLine *line, const McReportCchc *report, GHashTable *entries)
{
  const char *entered;

  if (line->kind == MC_CCHC_LINE_COMPUTED)
    return mc_format_count (report->value[line->item]);
  if (line->kind == MC_CCHC_LINE_ENTRY && (entered = g_hash_table_lookup (entries, line->key)) != NULL)
    return g_strdup (entered);
  return g_strdup ("");
}

static void
cchc_columns (McReportTable *t)
{
  /* The unit column holds the codes of the yes/no lines ("Có ban hành QC = 1"). */
  mc_report_document_add_column (t, "STT", NULL, 44, 8, TRUE, -1);
  mc_report_document_add_column (t, "Chỉ tiêu thống kê (Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, 9 tháng, năm)",
                                 NULL, 0, 50, FALSE, -1);
  mc_report_document_add_column (t, "Đơn vị tính", "Kết quả thống kê", 125, 22, TRUE, -1);
  mc_report_document_add_column (t, "Số liệu", "Kết quả thống kê", 50, 10, TRUE, 0);
  mc_report_document_add_column (t, "Ghi chú", NULL, 42, 9, FALSE, -1);
}

McReportDocument *
mc_report_document_new_cchc (McDb *db, gint64 unit_id, McDate from, McDate to, GError **error)
{
  g_autoptr(McReportDocument) doc = doc_begin (db, MC_REPORT_DOC_CCHC, unit_id, MC_REPORT_SCOPE_UNIT, from, to,
                                               error);
  g_autofree McReportCchc *report = NULL;
  g_autoptr(GHashTable) entries = NULL;
  g_autofree char *period = NULL;
  const McCchcLine *lines;
  McReportTable *t;
  guint n;

  /* Its lines' labels depend on the setting of the online levels' names:
   * read here with its error, so that they never take a default. */
  if (doc == NULL || (report = mc_report_cchc_compute (db, unit_id, from, to, error)) == NULL ||
      (entries = mc_report_cchc_entries (db, unit_id, from, to, error)) == NULL)
    return NULL;
  {
    g_autoptr(GError) read_error = NULL;

    mc_report_cchc_old_online_names (db, to, &read_error);
    if (read_error != NULL)
      {
        g_propagate_error (error, g_steal_pointer (&read_error));
        return NULL;
      }
  }
  period = mc_report_period_text (db, from, to, FALSE);
  set_text (doc, MC_REPORT_TEXT_SHEET, "Thống kê CCHC");
  set_text (doc, MC_REPORT_TEXT_CORNER, "Phụ lục 01b");
  mc_report_document_take_text (doc, MC_REPORT_TEXT_TITLE,
                                g_strdup_printf ("THỐNG KÊ SỐ LIỆU VỀ KẾT QUẢ THỰC HIỆN CÔNG TÁC\nCẢI CÁCH HÀNH "
                                                 "CHÍNH CỦA %s", mc_report_document_get_text (doc, MC_REPORT_TEXT_ISSUER)));
  /* An appendix names the document it goes with (Nghị định 30/2020, Phụ lục I, III.1.c). */
  mc_report_document_take_text (doc, MC_REPORT_TEXT_SUBTITLE, reference_line (db, doc));
  g_ptr_array_add (mc_report_document_get_info (doc), g_strdup_printf ("Kỳ báo cáo: %s", period));
  t = mc_report_document_add_table (doc, NULL, FALSE);
  cchc_columns (t);
  lines = mc_report_cchc_lines (&n);
  for (guint i = 0; i < n; i++)
    {
      const McCchcLine *line = &lines[i];
      McReportRow *row;

      /* The carried-over line only when there is something carried over:
       * seed 003 has none, and without it the lines under 3.3.1 add up. */
      if (line->item == MC_CCHC_RECEIVED_CARRIED && report->value[line->item] == 0)
        continue;
      row = mc_report_document_add_row (t, line->kind == MC_CCHC_LINE_COMPUTED ? line->item : -1,
                                        line->kind == MC_CCHC_LINE_SECTION);
      set_cell (row, 0, line->number[0] == '\0' && i > 0 && lines[i - 1].number[0] != '\0' ? "Trong đó" : line->number);
      mc_report_row_take_cell (row, 1, mc_report_cchc_line_label (db, line, unit_id, to));
      mc_report_row_take_cell (row, 2, g_strdup (line->unit));
      mc_report_row_take_cell (row, 3, cchc_value (line, report, entries));
      mc_report_row_take_cell (row, 4, g_strdup (""));
    }
  return g_steal_pointer (&doc);
}

/* Bảng đánh giá việc giải quyết thủ tục hành chính (seed 002) */

static char *
tenths (guint value)
{
  return mc_format_decimal (value / 10.0, 1);
}

McReportDocument *
mc_report_document_new_evaluation (McDb *db, gint64 unit_id, McDate from, McDate to, GError **error)
{
  g_autoptr(McReportDocument) doc = doc_begin (db, MC_REPORT_DOC_EVALUATION, unit_id, MC_REPORT_SCOPE_UNIT,
                                               from, to, error);
  g_autoptr(McReportEvaluation) r = NULL;
  g_autofree char *period = NULL, *ratings = NULL;
  McReportTable *t;
  McReportRow *row;
  GPtrArray *info;

  if (doc == NULL || (r = mc_report_evaluation_compute (db, unit_id, from, to, error)) == NULL)
    return NULL;
  period = mc_report_period_text (db, from, to, FALSE);
  ratings = mc_format_count (r->n_ratings);
  set_text (doc, MC_REPORT_TEXT_SHEET, "Đánh giá");
  set_text (doc, MC_REPORT_TEXT_TITLE, "BẢNG ĐÁNH GIÁ VIỆC GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH");
  mc_report_document_take_text (doc, MC_REPORT_TEXT_SUBTITLE, reference_line (db, doc));
  set_text (doc, MC_REPORT_TEXT_PREPARER_TITLE, "NGƯỜI TỔNG HỢP");
  info = mc_report_document_get_info (doc);
  g_ptr_array_add (info, g_strdup_printf ("Cơ quan/đơn vị: %s", mc_report_document_get_text (doc, MC_REPORT_TEXT_ISSUER)));
  g_ptr_array_add (info, g_strdup_printf ("Thời điểm đánh giá: %s", period));
  g_ptr_array_add (info, g_strdup_printf ("Số phiếu đánh giá: %s", ratings));

  t = mc_report_document_add_table (doc, "I. Đánh giá việc giải quyết thủ tục hành chính", FALSE);
  mc_report_document_add_column (t, "Chỉ số", NULL, 40, 7, TRUE, -1);
  mc_report_document_add_column (t, "Tên chỉ số", NULL, 0, 50, FALSE, -1);
  mc_report_document_add_column (t, "Điểm chuẩn", NULL, 50, 9, TRUE, -1);
  mc_report_document_add_column (t, "Điểm tự chấm", NULL, 50, 9, TRUE, 0);
  mc_report_document_add_column (t, "Điểm thẩm định", NULL, 55, 9, TRUE, -1);
  mc_report_document_add_column (t, "Ghi chú", NULL, 70, 14, FALSE, -1);
  for (int i = 1; i <= MC_EVALUATION_N_INDICES; i++)
    {
      row = mc_report_document_add_row (t, i, FALSE);
      mc_report_row_take_cell (row, 0, g_strdup_printf ("%d", i));
      mc_report_row_take_cell (row, 1, g_strdup (mc_evaluation_index_title (i)));
      mc_report_row_take_cell (row, 2, g_strdup ("2"));
      mc_report_row_take_cell (row, 3, r->index_count[i - 1] > 0 ? tenths (r->index_tenths[i - 1]) : NULL);
    }
  row = mc_report_document_add_row (t, MC_EVALUATION_ALL, TRUE);
  mc_report_row_take_cell (row, 1, g_strdup ("Tổng cộng"));
  mc_report_row_take_cell (row, 2, g_strdup ("18"));
  mc_report_row_take_cell (row, 3, r->n_ratings > 0 ? tenths (r->total_tenths) : g_strdup (""));
  mc_report_row_take_cell (row, 5, r->rating[0] ? g_strdup_printf ("Xếp loại: %s", r->rating) : g_strdup (""));

  t = mc_report_document_add_table (doc, "II. Đánh giá mức độ hài lòng", FALSE);
  for (int l = 1; l <= MC_EVALUATION_N_LEVELS; l++)
    mc_report_document_add_column (t, mc_evaluation_level_title (l),
                                   "Tỷ lệ % mức độ hài lòng trong việc giải quyết thủ tục hành chính", 0, 14,
                                   TRUE, MC_EVALUATION_LEVEL_1 + l - 1);
  row = mc_report_document_add_row (t, 0, FALSE);
  for (int l = 0; l < MC_EVALUATION_N_LEVELS; l++)
    mc_report_row_take_cell (row, l, r->n_satisfaction > 0 ? tenths (r->level_tenths[l]) : g_strdup (""));
  return g_steal_pointer (&doc);
}
