/* mc-report-doc-build.c — the tables of Biểu 06a, the public-results and
 * apology appendix, the CCHC statistics and the evaluation table, as the
 * seeds print them, and the lists behind their figures
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-audit.h"
#include "mc-format.h"
#include "mc-records-private.h"
#include "mc-report.h"
#include "mc-report-cchc.h"
#include "mc-report-doc-private.h"
#include "mc-report-evaluation.h"
#include "mc-report-public.h"
#include "mc-report-rules.h"

/* The unit's name in capitals (unit_id 0: the center's own) and its level. */
static gboolean
unit_of (McDb *db, gint64 unit_id, char **name, char **level, GError **error)
{
  sqlite3_stmt *stmt = mc_db_prepare (db, "SELECT name, level FROM unit WHERE (?1 = 0 AND relation = 'self') "
                                          "OR id = ?1 ORDER BY id LIMIT 1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *name = g_utf8_strup ((const char *) sqlite3_column_text (stmt, 0), -1);
      if (level != NULL)
        *level = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error_literal (error, MC_DB_ERROR, MC_DB_ERROR_NOT_FOUND, _("The unit does not exist"));
      else
        mc_db_set_error (db, rc, error);
      return FALSE;
    }
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
rules_note (McDb *db, McReportDocKind kind)
{
  McReportRules rules;

  mc_report_rules_load (db, &rules);
  return mc_report_rules_note (&rules, kind != MC_REPORT_DOC_EVALUATION, kind == MC_REPORT_DOC_06A,
                               kind == MC_REPORT_DOC_EVALUATION);
}

/* The issuing unit, the place, the people who sign, from the settings as Biểu 06a. */
static McReportDoc *
doc_begin (McDb *db, McReportDocKind kind, gint64 unit_id, McDate from, McDate to, GError **error)
{
  g_autoptr(McReportDoc) doc = mc_report_doc_alloc (kind);
  McRecordsUnit own = { NULL, };
  g_autofree char *title = NULL;

  if (!mc_report_check_permission (db, error) || !unit_of (db, unit_id, &doc->issuer, NULL, error) ||
      !mc_records_unit_load (db, &own, error))
    return NULL;
  doc->unit_id = unit_id;
  doc->from = from;
  doc->to = to;
  doc->signed_on = to;
  doc->place = mc_db_get_setting (db, "report.place", own.place_name ? own.place_name : "");
  doc->preparer_title = g_strdup ("NGƯỜI LẬP BIỂU");
  doc->preparer = mc_db_get_setting (db, "report.preparer", "");
  doc->signer = mc_db_get_setting (db, "report.signer", "");
  title = mc_db_get_setting (db, "report.signer_title", "");
  doc->signer_heading = signer_heading (title);
  doc->audit_head = mc_audit_head_text (db);
  doc->rules_note = rules_note (db, kind);
  mc_records_unit_clear (&own);
  return g_steal_pointer (&doc);
}

/* The unit's name as written ("Ủy ban nhân dân phường Phú Sơn"). */
static char *
reference_line (McDb *db, const McReportDoc *doc)
{
  sqlite3_stmt *stmt = mc_db_prepare (db, "SELECT name FROM unit WHERE (?1 = 0 AND relation = 'self') "
                                          "OR id = ?1 ORDER BY id LIMIT 1", NULL);
  g_autofree char *unit = NULL;

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, doc->unit_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        unit = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  return g_strdup_printf ("(Kèm theo Báo cáo số: …/BC-UBND ngày …/…/… của %s)", unit ? unit : doc->issuer);
}

/* As the report prints it: 2.501 (the XLSX stores the number). */
static void
set_count (McReportDocRow *row, guint column, guint value)
{
  row->cells[column] = mc_format_count (value);
}

/* Biểu 06a, for the screen */

McReportDoc *
mc_report_doc_new_06a (McDb *db, gint64 unit_id, McDate from, McDate to, gboolean only_with_dossiers,
                       GError **error)
{
  static const char *const titles[] = { "Tổng số", "Trực tuyến", "Trực tiếp, dịch vụ bưu chính", "Từ kỳ trước",
                                        "Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn",
                                        "Tổng số", "Trong hạn", "Quá hạn" };
  static const char *const groups[] = { "Số hồ sơ nhận giải quyết", "Số hồ sơ đã giải quyết",
                                        "Số hồ sơ đang giải quyết" };
  g_autoptr(McReportDoc) doc = doc_begin (db, MC_REPORT_DOC_06A, unit_id, from, to, error);
  g_autoptr(McReport06a) report = NULL;
  g_autofree char *period = NULL;
  McReportDocTable *t;

  if (doc == NULL || (report = mc_report_06a_compute (db, unit_id, from, to, only_with_dossiers, error)) == NULL)
    return NULL;
  period = mc_report_doc_period_label (db, from, to, FALSE);
  doc->landscape = TRUE;
  doc->sheet = g_strdup ("Biểu 06a");
  doc->corner = g_strdup ("Biểu số 06a/VPCP/KSTT");
  doc->title = g_strdup ("TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT TTHC");
  doc->subtitle = g_strdup_printf ("(Kỳ báo cáo: %s)", period);
  g_ptr_array_add (doc->info, g_strdup ("Đơn vị tính: Số hồ sơ TTHC"));
  t = mc_report_doc_add_table (doc, NULL, TRUE);
  mc_report_doc_add_column (t, "STT", NULL, 28, 5, TRUE, -1);
  mc_report_doc_add_column (t, "Lĩnh vực, công việc giải quyết theo cấp", NULL, 0, 38, FALSE, -1);
  for (int k = MC_06A_RECEIVED; k < MC_06A_N_COLUMNS; k++)
    mc_report_doc_add_column (t, titles[k - 3], groups[k < 7 ? 0 : k < 11 ? 1 : 2], 0, 10, TRUE, k);
  for (guint i = 0; i <= report->rows->len; i++)
    {
      const McReport06aRow *r = i < report->rows->len ? report->rows->pdata[i] : &report->total;
      McReportDocRow *row = mc_report_doc_add_row (t, r->field_id, i == report->rows->len);

      row->cells[0] = i < report->rows->len ? g_strdup_printf ("%u", i + 1) : g_strdup ("");
      row->cells[1] = g_strdup (r->field_name);
      for (int k = MC_06A_RECEIVED; k < MC_06A_N_COLUMNS; k++)
        set_count (row, k - 1, r->c[k]);
    }
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
public_columns (McReportDocTable *t)
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

  mc_report_doc_add_column (t, "STT", NULL, 28, 5, TRUE, -1);
  mc_report_doc_add_column (t, "Lĩnh vực", NULL, 0, 34, FALSE, -1);
  for (guint i = 0; i < G_N_ELEMENTS (cols); i++)
    mc_report_doc_add_column (t, cols[i].title, cols[i].group, 52, 11, TRUE, MC_PUBLIC_ONE_STOP + i);
}

McReportDoc *
mc_report_doc_new_public (McDb *db, gint64 unit_id, McReportScope scope, McDate from, McDate to,
                          gboolean only_with_dossiers, GError **error)
{
  g_autoptr(McReportDoc) doc = doc_begin (db, MC_REPORT_DOC_PUBLIC, scope == MC_REPORT_SCOPE_UNIT ? unit_id : 0,
                                          from, to, error);
  g_autoptr(McReportPublic) report = NULL;
  g_autofree char *period = NULL, *level = NULL, *name = NULL, *sub_level = NULL;
  const char *level_text;
  McReportDocTable *t;

  if (doc == NULL || !unit_of (db, doc->unit_id, &name, &level, error) ||
      (report = mc_report_public_compute (db, unit_id, scope, from, to, only_with_dossiers, error)) == NULL)
    return NULL;
  sub_level = mc_db_query_int (db, "SELECT count (*) FROM unit WHERE relation = 'subordinate' AND level = 'xa'",
                               NULL) > 0 ? g_strdup ("xa") : g_strdup ("khac");
  doc->scope = scope;
  period = mc_report_doc_period_label (db, from, to, TRUE);
  level_text = scope == MC_REPORT_SCOPE_UNIT ? level_name (level)
               : scope == MC_REPORT_SCOPE_SUBORDINATES ? level_name (sub_level) : "TOÀN ĐỊA BÀN";
  doc->landscape = TRUE;
  doc->sheet = g_strdup ("Công khai kết quả");
  doc->corner = g_strdup (scope == MC_REPORT_SCOPE_UNIT ? "Phụ lục số 01"
                          : scope == MC_REPORT_SCOPE_SUBORDINATES ? "Phụ lục số 02" : "Phụ lục số 03");
  doc->title = g_strdup_printf ("BẢNG TỔNG HỢP KẾT QUẢ THỰC HIỆN QUY ĐỊNH CÔNG KHAI GIẢI QUYẾT TTHC;\n"
                                "CÔNG KHAI XIN LỖI TRONG GIẢI QUYẾT TTHC %s, %s", period, level_text);
  doc->subtitle = reference_line (db, doc);
  if (report->n_reported_units > 0)
    g_ptr_array_add (doc->info, g_strdup_printf ("Số liệu của %u/%u đơn vị theo biểu 06a đơn vị gửi.",
                                                 report->n_reported_units, report->n_units));
  t = mc_report_doc_add_table (doc, NULL, TRUE);
  public_columns (t);
  for (guint i = 0; i <= report->rows->len; i++)
    {
      const McReportPublicRow *r = i < report->rows->len ? report->rows->pdata[i] : &report->total;
      McReportDocRow *row = mc_report_doc_add_row (t, r->field_id, i == report->rows->len);

      row->cells[0] = i < report->rows->len ? g_strdup_printf ("%u", i + 1) : g_strdup ("");
      row->cells[1] = g_strdup (r->field_name);
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
cchc_columns (McReportDocTable *t)
{
  /* The unit column holds the codes of the yes/no lines ("Có ban hành QC = 1"). */
  mc_report_doc_add_column (t, "STT", NULL, 44, 8, TRUE, -1);
  mc_report_doc_add_column (t, "Chỉ tiêu thống kê (Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, 9 tháng, năm)", NULL,
                            0, 50, FALSE, -1);
  mc_report_doc_add_column (t, "Đơn vị tính", "Kết quả thống kê", 125, 22, TRUE, -1);
  mc_report_doc_add_column (t, "Số liệu", "Kết quả thống kê", 50, 10, TRUE, 0);
  mc_report_doc_add_column (t, "Ghi chú", NULL, 42, 9, FALSE, -1);
}

McReportDoc *
mc_report_doc_new_cchc (McDb *db, gint64 unit_id, McDate from, McDate to, GError **error)
{
  g_autoptr(McReportDoc) doc = doc_begin (db, MC_REPORT_DOC_CCHC, unit_id, from, to, error);
  g_autofree McReportCchc *report = NULL;
  g_autoptr(GHashTable) entries = NULL;
  g_autofree char *period = NULL;
  const McCchcLine *lines;
  McReportDocTable *t;
  guint n;

  if (doc == NULL || (report = mc_report_cchc_compute (db, unit_id, from, to, error)) == NULL ||
      (entries = mc_report_cchc_entries (db, unit_id, from, to, error)) == NULL)
    return NULL;
  period = mc_report_doc_period_label (db, from, to, FALSE);
  doc->sheet = g_strdup ("Thống kê CCHC");
  doc->corner = g_strdup ("Phụ lục 01b");
  doc->title = g_strdup_printf ("THỐNG KÊ SỐ LIỆU VỀ KẾT QUẢ THỰC HIỆN CÔNG TÁC\nCẢI CÁCH HÀNH CHÍNH CỦA %s",
                                doc->issuer);
  /* An appendix names the document it goes with (Nghị định 30/2020, Phụ lục I, III.1.c). */
  doc->subtitle = reference_line (db, doc);
  g_ptr_array_add (doc->info, g_strdup_printf ("Kỳ báo cáo: %s", period));
  t = mc_report_doc_add_table (doc, NULL, FALSE);
  cchc_columns (t);
  lines = mc_report_cchc_lines (&n);
  for (guint i = 0; i < n; i++)
    {
      const McCchcLine *line = &lines[i];
      McReportDocRow *row;

      /* The carried-over line only when there is something carried over:
       * seed 003 has none, and without it the lines under 3.3.1 add up. */
      if (line->item == MC_CCHC_RECEIVED_CARRIED && report->value[line->item] == 0)
        continue;
      row = mc_report_doc_add_row (t, line->kind == MC_CCHC_LINE_COMPUTED ? line->item : -1,
                                   line->kind == MC_CCHC_LINE_SECTION);
      row->cells[0] = g_strdup (line->number[0] == '\0' && i > 0 && lines[i - 1].number[0] != '\0'
                                ? "Trong đó" : line->number);
      row->cells[1] = mc_report_cchc_line_label (db, line, unit_id, to);
      row->cells[2] = g_strdup (line->unit);
      row->cells[3] = cchc_value (line, report, entries);
      row->cells[4] = g_strdup ("");
    }
  return g_steal_pointer (&doc);
}

/* Bảng đánh giá việc giải quyết thủ tục hành chính (seed 002) */

static char *
tenths (guint value)
{
  return mc_format_decimal (value / 10.0, 1);
}

McReportDoc *
mc_report_doc_new_evaluation (McDb *db, gint64 unit_id, McDate from, McDate to, GError **error)
{
  g_autoptr(McReportDoc) doc = doc_begin (db, MC_REPORT_DOC_EVALUATION, unit_id, from, to, error);
  g_autoptr(McReportEvaluation) r = NULL;
  g_autofree char *period = NULL, *ratings = NULL;
  McReportDocTable *t;
  McReportDocRow *row;

  if (doc == NULL || (r = mc_report_evaluation_compute (db, unit_id, from, to, error)) == NULL)
    return NULL;
  period = mc_report_doc_period_label (db, from, to, FALSE);
  ratings = mc_format_count (r->n_ratings);
  doc->sheet = g_strdup ("Đánh giá");
  doc->title = g_strdup ("BẢNG ĐÁNH GIÁ VIỆC GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH");
  doc->subtitle = reference_line (db, doc);
  doc->preparer_title = (g_free (doc->preparer_title), g_strdup ("NGƯỜI TỔNG HỢP"));
  g_ptr_array_add (doc->info, g_strdup_printf ("Cơ quan/đơn vị: %s", doc->issuer));
  g_ptr_array_add (doc->info, g_strdup_printf ("Thời điểm đánh giá: %s", period));
  g_ptr_array_add (doc->info, g_strdup_printf ("Số phiếu đánh giá: %s", ratings));

  t = mc_report_doc_add_table (doc, "I. Đánh giá việc giải quyết thủ tục hành chính", FALSE);
  mc_report_doc_add_column (t, "Chỉ số", NULL, 40, 7, TRUE, -1);
  mc_report_doc_add_column (t, "Tên chỉ số", NULL, 0, 50, FALSE, -1);
  mc_report_doc_add_column (t, "Điểm chuẩn", NULL, 50, 9, TRUE, -1);
  mc_report_doc_add_column (t, "Điểm tự chấm", NULL, 50, 9, TRUE, 0);
  mc_report_doc_add_column (t, "Điểm thẩm định", NULL, 55, 9, TRUE, -1);
  mc_report_doc_add_column (t, "Ghi chú", NULL, 70, 14, FALSE, -1);
  for (int i = 1; i <= MC_EVALUATION_N_INDICES; i++)
    {
      row = mc_report_doc_add_row (t, i, FALSE);
      row->cells[0] = g_strdup_printf ("%d", i);
      row->cells[1] = g_strdup (mc_evaluation_index_title (i));
      row->cells[2] = g_strdup ("2");
      row->cells[3] = r->index_count[i - 1] > 0 ? tenths (r->index_tenths[i - 1]) : g_strdup ("");
    }
  row = mc_report_doc_add_row (t, MC_EVALUATION_ALL, TRUE);
  row->cells[1] = g_strdup ("Tổng cộng");
  row->cells[2] = g_strdup ("18");
  row->cells[3] = r->n_ratings > 0 ? tenths (r->total_tenths) : g_strdup ("");
  row->cells[5] = r->rating[0] ? g_strdup_printf ("Xếp loại: %s", r->rating) : g_strdup ("");

  t = mc_report_doc_add_table (doc, "II. Đánh giá mức độ hài lòng", FALSE);
  for (int l = 1; l <= MC_EVALUATION_N_LEVELS; l++)
    mc_report_doc_add_column (t, mc_evaluation_level_title (l),
                              "Tỷ lệ % mức độ hài lòng trong việc giải quyết thủ tục hành chính", 0, 14,
                              TRUE, MC_EVALUATION_LEVEL_1 + l - 1);
  row = mc_report_doc_add_row (t, 0, FALSE);
  for (int l = 0; l < MC_EVALUATION_N_LEVELS; l++)
    row->cells[l] = r->n_satisfaction > 0 ? tenths (r->level_tenths[l]) : g_strdup ("");
  return g_steal_pointer (&doc);
}

/* The lists behind the figures */

static const McReportDocColumn *
column_at (const McReportDoc *doc, guint table, guint column, const McReportDocRow **row, guint r)
{
  const McReportDocTable *t;

  if (table >= doc->tables->len)
    return NULL;
  t = doc->tables->pdata[table];
  if (r >= t->rows->len || column >= t->columns->len)
    return NULL;
  *row = t->rows->pdata[r];
  return &g_array_index (t->columns, McReportDocColumn, column);
}

gboolean
mc_report_doc_cell_has_items (const McReportDoc *doc, guint table, guint r, guint column)
{
  const McReportDocRow *row = NULL;
  const McReportDocColumn *col = column_at (doc, table, column, &row, r);

  return col != NULL && col->key >= 0 && row->key >= 0;
}

GPtrArray *
mc_report_doc_items (McDb *db, const McReportDoc *doc, guint table, guint r, guint column, gboolean *procedures,
                     GError **error)
{
  const McReportDocRow *row = NULL;
  const McReportDocColumn *col = column_at (doc, table, column, &row, r);
  gboolean dummy;

  g_return_val_if_fail (mc_report_doc_cell_has_items (doc, table, r, column), NULL);

  procedures = procedures ? procedures : &dummy;
  *procedures = FALSE;
  switch (doc->kind)
    {
    case MC_REPORT_DOC_06A:
      return mc_report_06a_dossiers (db, doc->unit_id, doc->from, doc->to, row->key, col->key, error);
    case MC_REPORT_DOC_PUBLIC:
      *procedures = mc_report_public_column_is_procedures (col->key);
      return mc_report_public_items (db, doc->unit_id, doc->scope, doc->from, doc->to, row->key, col->key, error);
    case MC_REPORT_DOC_CCHC:
      *procedures = mc_report_cchc_item_is_procedures (row->key);
      return mc_report_cchc_items (db, doc->unit_id, doc->from, doc->to, row->key, error);
    case MC_REPORT_DOC_EVALUATION:
    default:
      return mc_report_evaluation_dossiers (db, doc->unit_id, doc->from, doc->to,
                                            table == 0 ? row->key : col->key, error);
    }
}
