/* mc-report-document.h — one statutory report as a document: its heading,
 * its tables (column groups and titles, rows), the signature blocks, and
 * behind every figure the list it counts
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Core builds it once (mc_report_document_new_06a, …); the Báo cáo page
 * shows it, the exports (src/export/mc-report-doc.h) write it and print
 * prints it — the same object, so what is on screen is what is signed, and
 * every title is written in one place, the builder of its report.
 */
#pragma once

#include <gio/gio.h>

#include "mc-db.h"
#include "mc-report-public.h"
#include "mc-report-row.h"
#include "mc-time.h"

G_BEGIN_DECLS

typedef enum {
  MC_REPORT_DOC_06A,
  MC_REPORT_DOC_PUBLIC,      /* Phụ lục công khai kết quả và xin lỗi */
  MC_REPORT_DOC_CCHC,        /* Phụ lục 01b, thống kê số liệu CCHC (3.3 / 3.5) */
  MC_REPORT_DOC_EVALUATION,  /* Bảng đánh giá việc giải quyết TTHC */
  MC_REPORT_DOC_QUEUE,       /* Thống kê xếp hàng (mc-queue-report.h): no statutory form */
} McReportDocKind;

/* The texts of the document, each a string property of the same name. */
typedef enum {
  MC_REPORT_TEXT_SHEET,          /* "sheet": the XLSX sheet's name, the PDF's title */
  MC_REPORT_TEXT_ISSUER,         /* "issuer": UBND PHƯỜNG PHÚ SƠN (top left) */
  MC_REPORT_TEXT_CORNER,         /* "corner": "Biểu số 06a/VPCP/KSTT", "Phụ lục số 01", or NULL */
  MC_REPORT_TEXT_BASIS,          /* "basis": the circular the form is issued by, or NULL */
  MC_REPORT_TEXT_TITLE,          /* "title": bold capitals, lines split by \n */
  MC_REPORT_TEXT_SUBTITLE,       /* "subtitle": italic, under the title, or NULL */
  MC_REPORT_TEXT_PLACE,          /* "place": of the date above the signatures */
  MC_REPORT_TEXT_PREPARER_TITLE, /* "preparer-title": NGƯỜI LẬP BIỂU / NGƯỜI TỔNG HỢP */
  MC_REPORT_TEXT_PREPARER,       /* "preparer" */
  MC_REPORT_TEXT_SIGNER_HEADING, /* "signer-heading": KT. THỦ TRƯỞNG ĐƠN VỊ\nPHÓ CHỦ TỊCH */
  MC_REPORT_TEXT_SIGNER,         /* "signer" */
  MC_REPORT_TEXT_AUDIT_HEAD,     /* "audit-head": the audit trail's head when built (mc_audit_head_text) */
  MC_REPORT_TEXT_RULES_NOTE,     /* "rules-note": the time rules its figures followed, or NULL */
  MC_REPORT_N_TEXTS
} McReportText;

typedef struct {
  char     *title;
  char     *group;       /* a heading over it and the next columns of the same group, or NULL */
  char     *subgroup;    /* a second heading under the group ("Trong đó"), or NULL */
  double    width;       /* points in the PDF; 0: what is left */
  double    xlsx_width;  /* characters */
  gboolean  center;
  int       key;         /* the figure of its cells (a column enum), -1 for labels */
} McReportColumn;

/* A table of the document; read-only for everyone but the builder. */
typedef struct {
  char       *heading;   /* "I. Đánh giá việc giải quyết thủ tục hành chính", or NULL */
  GArray     *columns;   /* McReportColumn */
  GListStore *rows;      /* McReportRow */
  gboolean    numbered;  /* a row "(1) (2) …" under the header */
} McReportTable;

/* A chart of one of the document's tables, drawn on the PDF and a native
 * chart in the XLSX (Thống kê xếp hàng: tickets per hour, the waiting
 * trend): the table's rows but the last (its total) are the categories,
 * named by column 0; each value column is a series named by its title. */
typedef enum {
  MC_REPORT_CHART_COLUMNS,  /* the series' columns side by side in each category */
  MC_REPORT_CHART_LINES,    /* a line per series over the categories */
} McReportChartKind;

#define MC_REPORT_CHART_MAX_SERIES 4

typedef struct {
  McReportChartKind kind;
  char             *title;
  guint             table;
  guint             columns[MC_REPORT_CHART_MAX_SERIES];
  guint             n_columns;
  int               decimals;  /* of the values (minutes: 1; counts: 0) */
} McReportChart;

#define MC_TYPE_REPORT_DOCUMENT (mc_report_document_get_type ())
G_DECLARE_FINAL_TYPE (McReportDocument, mc_report_document, MC, REPORT_DOCUMENT, GObject)

/* The figures of the unit (0: the center's own) over [from, to], as the
 * report prints them; each needs MC_PERMISSION_REPORT. */
McReportDocument *mc_report_document_new_06a        (McDb *db, gint64 unit_id, McDate from, McDate to,
                                                      gboolean only_with_dossiers, GError **error);
McReportDocument *mc_report_document_new_public     (McDb *db, gint64 unit_id, McReportScope scope, McDate from,
                                                      McDate to, gboolean only_with_dossiers, GError **error);
McReportDocument *mc_report_document_new_cchc       (McDb *db, gint64 unit_id, McDate from, McDate to,
                                                      GError **error);
McReportDocument *mc_report_document_new_evaluation (McDb *db, gint64 unit_id, McDate from, McDate to,
                                                      GError **error);

McReportDocKind   mc_report_document_get_kind       (McReportDocument *doc);
gint64            mc_report_document_get_unit_id    (McReportDocument *doc);
McReportScope     mc_report_document_get_scope      (McReportDocument *doc);
McDate            mc_report_document_get_from       (McReportDocument *doc);
McDate            mc_report_document_get_to         (McReportDocument *doc);
McDate            mc_report_document_get_signed_on  (McReportDocument *doc);
gboolean          mc_report_document_get_landscape  (McReportDocument *doc);
/* The text, or NULL when the report has none. */
const char       *mc_report_document_get_text       (McReportDocument *doc, McReportText which);
/* The lines under the title ("Đơn vị tính: Số hồ sơ TTHC", "Số phiếu đánh giá: 103"). */
GPtrArray        *mc_report_document_get_info       (McReportDocument *doc);
guint             mc_report_document_get_n_tables   (McReportDocument *doc);
const McReportTable *mc_report_document_get_table   (McReportDocument *doc, guint table);
guint             mc_report_document_get_n_charts   (McReportDocument *doc);
const McReportChart *mc_report_document_get_chart   (McReportDocument *doc, guint chart);
/* The rows of a table as a list model of McReportRow (the table's own). */
GListModel       *mc_report_document_get_rows       (McReportDocument *doc, guint table);
/* The row (a new reference), NULL past the end. */
McReportRow      *mc_report_document_get_row        (McReportDocument *doc, guint table, guint row);
/* The cell's text, NULL past the table's end. */
const char       *mc_report_document_get_cell       (McReportDocument *doc, guint table, guint row, guint column);

/* Whether the cell is a figure with a list behind it (its column and its
 * row each name their part of the figure). */
gboolean          mc_report_document_is_figure      (McReportDocument *doc, guint table, guint row, guint column);
/* The figure's predicate run: the dossier codes it counts, or procedure
 * codes when *procedures is set — as many as the figure, by the same query
 * (mc_report_06a_dossiers, mc_report_public_items, …). */
GPtrArray        *mc_report_document_figure_items   (McReportDocument *doc, McDb *db, guint table, guint row,
                                                      guint column, gboolean *procedures, GError **error);
/* The figure's list as a clerk reads it: a model of McFigureDossier, or of
 * McFigureProcedure for the figures that count procedures (mc-report-lists.h). */
GListModel       *mc_report_document_figure_list    (McReportDocument *doc, McDb *db, guint table, guint row,
                                                      guint column, GError **error);
/* The list's titles for a figure: "Số hồ sơ đã giải quyết: Quá hạn", and
 * the row's name ("Tài nguyên và Môi trường"); the one figure column of a
 * table (Số liệu, Điểm tự chấm): the row's name and "". */
void              mc_report_document_figure_titles  (McReportDocument *doc, guint table, guint row, guint column,
                                                      char **title, char **subtitle);

/* "quý I năm 2024" when [from, to] is a statutory period of the database's
 * rule, else "từ ngày 15/12/2023 đến ngày 14/03/2024"; in capitals with
 * upper ("QUÝ I NĂM 2024"). */
char             *mc_report_period_text             (McDb *db, McDate from, McDate to, gboolean upper);

G_END_DECLS
