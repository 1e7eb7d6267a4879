/* mc-records-private.h — what the routing documents (Mẫu 04–07) share, and
 * the counter documents (Mẫu 01–03, mc-receipt.c) their page and PDF code
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "mc-db.h"
#include "mc-export-monitor.h"
#include "mc-form-set.h"
#include "mc-pdf-document.h"
#include "mc-time.h"

G_BEGIN_DECLS

/* The portrait page of a form: A5 where the unit prints it so
 * (mc_form_paper_is_a5), else A4. */
static inline double mc_records_page_width (gboolean a5) { return a5 ? MC_PDF_A5_WIDTH : MC_PDF_PAGE_WIDTH; }
static inline double mc_records_page_height (gboolean a5) { return a5 ? MC_PDF_A5_HEIGHT : MC_PDF_PAGE_HEIGHT; }

/* A dotted blank, as on the legal forms, where a value is not known. */
#define MC_RECORDS_BLANK "…………………"

/* value, or the dotted blank when it is NULL or empty. */
const char *mc_records_or_blank (const char *value);

/* The center's own unit, as the headers of the forms name it. */
typedef struct {
  char *parent_unit_name;  /* cơ quan chủ quản, or NULL */
  char *unit_name;         /* Ủy ban nhân dân phường Phú Sơn */
  char *office_name;       /* Bộ phận Tiếp nhận và Trả kết quả */
  char *place_name;        /* địa danh */
  char *phone;             /* the unit's telephone, printed on the counter forms */
} McRecordsUnit;

gboolean    mc_records_unit_load   (McDb *db, McRecordsUnit *unit, GError **error);
/* The same with the unit's names of the dossier's day (mc_unit_names_of_dossier):
 * a dossier of 2024 reprints under the names it was received under. */
gboolean    mc_records_unit_load_for_dossier (McDb *db, const char *code, McRecordsUnit *unit, GError **error);
void        mc_records_unit_clear  (McRecordsUnit *unit);
void        mc_records_unit_copy   (McRecordsUnit *dest, const McRecordsUnit *src);
/* The header of a form the one-stop office issues (the control sheet, the
 * stop notice): the unit (or its parent when it has no name), the office,
 * the form's "Số:" line (number_line, or the set's blank one), the place
 * and the date of `at` (now when 0). */
void        mc_records_office_header (McPdfDocument *doc, const McRecordsUnit *unit, McFormSet set,
                                      McFormType type, const char *number_line, McTime at);
gboolean    mc_records_check_utf8  (const char * const *texts, guint n_texts, GError **error);

/* "09 giờ 30 phút, ngày 14 tháng 3 năm 2024": the forms' "…giờ…phút, ngày…
 * tháng…năm…"; a dotted blank for 0. */
char       *mc_records_format_instant (McTime t);
/* "14/03/2024 09:30" for the register's narrow columns; "" for 0. */
char       *mc_records_format_short   (McTime t);
/* Trước hạn / Đúng hạn / Quá hạn, as the forms write them. */
const char *mc_records_timeliness_label (int timeliness);

/* Scales the page (page_width × page_height points) to fit width × height,
 * centred, on white; the caller lays out on the returned document, then
 * calls mc_records_end_page. */
McPdfDocument *mc_records_begin_page (cairo_t *cr, int page, double page_width, double page_height,
                                      double width, double height);
void           mc_records_end_page   (cairo_t *cr, McPdfDocument *doc);

/* A form's whole layout, run once per page counted or drawn, so the
 * preview, the printout and the PDF break their pages in the same places. */
typedef void (*McRecordsLayOutFunc) (McPdfDocument *doc, gconstpointer data);

int            mc_records_count_pages (McRecordsLayOutFunc lay_out, gconstpointer data,
                                       double page_width, double page_height);
void           mc_records_draw_page   (cairo_t *cr, McRecordsLayOutFunc lay_out, gconstpointer data, int page,
                                       double page_width, double page_height, double width, double height);

/* A cairo status as the export layer's GError, naming the file. */
gboolean    mc_records_check_cairo_status (cairo_status_t status, const char *path, GError **error);
/* The image surface as a PNG at path, through a temporary file (mc-export-file). */
gboolean mc_records_write_png (cairo_surface_t *surface,
                               const char      *path,
                               GError         **error);

/* Every page into a PDF in one pass of the layout (its cost grows with the
 * pages, not their square). The file appears under `path` only once
 * complete: a failed or cancelled export leaves nothing behind. */
gboolean    mc_records_write_pdf   (const char *path, const char *title, double page_width,
                                    double page_height, McRecordsLayOutFunc lay_out, gconstpointer data,
                                    const McExportMonitor *monitor, GError **error);

/* Every page laid out once and recorded, for printing: GtkPrintOperation asks
 * for the pages one by one, and laying the whole document out again for
 * each would make a long register cost its pages squared. */
typedef struct _McRecordsPages McRecordsPages;

McRecordsPages *mc_records_pages_new         (McRecordsLayOutFunc lay_out, gconstpointer data,
                                              double page_width, double page_height,
                                              const McExportMonitor *monitor, GError **error);
void            mc_records_pages_free        (McRecordsPages *pages);
int             mc_records_pages_get_n_pages (const McRecordsPages *pages);
/* Page `page` scaled to fit width × height, centred, on white. */
void            mc_records_pages_draw        (const McRecordsPages *pages, cairo_t *cr, int page,
                                              double width, double height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McRecordsPages, mc_records_pages_free)

G_END_DECLS
