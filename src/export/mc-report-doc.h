/* mc-report-doc.h — a statutory report as printed: header, title, tables
 * of text cells and the signature blocks, written as XLSX, PDF, CSV and
 * drawn page by page for printing; the Báo cáo page shows the same tables
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each cell that is a figure knows which one (the report's kind, the row's
 * key and the column's key), so the list of dossiers behind it can be
 * asked for (mc_report_doc_items).
 */
#pragma once

#include <cairo.h>

#include "mc-db.h"
#include "mc-records-private.h"
#include "mc-report-public.h"
#include "mc-time.h"

G_BEGIN_DECLS

typedef enum {
  MC_REPORT_DOC_06A,
  MC_REPORT_DOC_PUBLIC,      /* Phụ lục công khai kết quả và xin lỗi */
  MC_REPORT_DOC_CCHC,        /* Phụ lục thống kê 3.3 / 3.5 */
  MC_REPORT_DOC_EVALUATION,  /* Bảng đánh giá việc giải quyết TTHC */
} McReportDocKind;

typedef struct {
  char     *title;
  char     *group;       /* a heading over it and the next columns of the same group, or NULL */
  double    width;       /* points in the PDF; 0: what is left */
  double    xlsx_width;  /* characters */
  gboolean  center;
  int       key;         /* the figure of its cells (a column enum), -1 for labels */
} McReportDocColumn;

typedef struct {
  char    **cells;       /* one string per column */
  gint64    key;         /* the row's part of a figure: field id, item …; -1 for none */
  gboolean  bold;
} McReportDocRow;

typedef struct {
  char      *heading;    /* "I. Đánh giá việc giải quyết thủ tục hành chính", or NULL */
  GArray    *columns;    /* McReportDocColumn */
  GPtrArray *rows;       /* McReportDocRow* */
  gboolean   numbered;   /* a row "(1) (2) …" under the header */
} McReportDocTable;

typedef struct {
  McReportDocKind  kind;
  gint64           unit_id;
  McReportScope    scope;
  McDate           from, to;
  gboolean         landscape;
  char            *sheet;         /* the XLSX sheet's name */
  char            *issuer;        /* UBND PHƯỜNG PHÚ SƠN (top left) */
  char            *corner;        /* "Phụ lục số 01" or NULL */
  char            *title;         /* bold capitals, lines split by \n */
  char            *subtitle;      /* italic, or NULL */
  GPtrArray       *info;          /* lines under the title ("Số phiếu đánh giá: 103") */
  GPtrArray       *tables;        /* McReportDocTable* */
  char            *place;
  McDate           signed_on;
  char            *preparer_title;/* NGƯỜI LẬP BIỂU / NGƯỜI TỔNG HỢP */
  char            *preparer;
  char            *signer_heading;/* KT. THỦ TRƯỞNG ĐƠN VỊ\nPHÓ CHỦ TỊCH */
  char            *signer;
  char            *audit_head;    /* the audit trail's head when built (mc_audit_head_text) */
  char            *rules_note;    /* the time rules its figures followed (mc_report_rules_note), or NULL */
} McReportDoc;

/* The figures of the unit (0: the center's own) over [from, to], as the
 * document prints them; needs MC_PERMISSION_REPORT. */
McReportDoc *mc_report_doc_new_public     (McDb *db, gint64 unit_id, McReportScope scope, McDate from, McDate to,
                                           gboolean only_with_dossiers, GError **error);
McReportDoc *mc_report_doc_new_cchc       (McDb *db, gint64 unit_id, McDate from, McDate to, GError **error);
McReportDoc *mc_report_doc_new_evaluation (McDb *db, gint64 unit_id, McDate from, McDate to, GError **error);
McReportDoc *mc_report_doc_new_06a        (McDb *db, gint64 unit_id, McDate from, McDate to,
                                           gboolean only_with_dossiers, GError **error);
void         mc_report_doc_free           (McReportDoc *doc);

/* Whether the cell is a figure with a list behind it, and that list:
 * dossier codes, or procedure codes when *procedures is set. */
gboolean     mc_report_doc_cell_has_items (const McReportDoc *doc, guint table, guint row, guint column);
GPtrArray   *mc_report_doc_items          (McDb *db, const McReportDoc *doc, guint table, guint row, guint column,
                                           gboolean *procedures, GError **error);

gboolean     mc_report_doc_write_xlsx     (const McReportDoc *doc, const char *path, GError **error);
gboolean     mc_report_doc_write_pdf      (const McReportDoc *doc, const char *path, GError **error);
gboolean     mc_report_doc_write_csv      (const McReportDoc *doc, const char *path, GError **error);
/* Every page laid out once, for printing (A4, landscape if doc->landscape). */
McRecordsPages *mc_report_doc_record_pages (const McReportDoc *doc, GError **error);

/* "QUÝ I NĂM 2024" when [from, to] is a statutory period of the database's
 * rule, else "TỪ NGÀY 15/12/2023 ĐẾN NGÀY 14/03/2024"; in lower case with
 * upper = FALSE ("quý I năm 2024"). */
char        *mc_report_doc_period_label   (McDb *db, McDate from, McDate to, gboolean upper);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McReportDoc, mc_report_doc_free)

G_END_DECLS
