/* mc-pdf-document.h — an A4 page laid out as Nghị định 30/2020/NĐ-CP asks
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A flow layout for administrative documents, in points on an A4 page:
 * blocks are placed one under the other and move to a new page when they do
 * not fit. The same calls measure (cr == NULL: how many pages?) and draw one
 * chosen page, so the preview, the printout and the PDF break their pages in
 * the same places. Text is Pango markup: escape user data with
 * g_markup_printf_escaped().
 */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "mc-export-monitor.h"
#include "mc-time.h"

G_BEGIN_DECLS

/* A4 in PostScript points (NĐ 30/2020 Phụ lục I: khổ A4, 210 × 297 mm). */
#define MC_PDF_PAGE_WIDTH   595.276
#define MC_PDF_PAGE_HEIGHT  841.89
#define MC_PDF_MM(mm)       ((mm) * 72.0 / 25.4)
/* The smallest margins the decree allows (20–25, 20–25, 30–35, 15–20 mm):
 * counter forms are dense and must fit one page. */
#define MC_PDF_MARGIN_TOP     MC_PDF_MM (20)
#define MC_PDF_MARGIN_BOTTOM  MC_PDF_MM (20)
#define MC_PDF_MARGIN_LEFT    MC_PDF_MM (30)
#define MC_PDF_MARGIN_RIGHT   MC_PDF_MM (15)
#define MC_PDF_CONTENT_WIDTH  (MC_PDF_PAGE_WIDTH - MC_PDF_MARGIN_LEFT - MC_PDF_MARGIN_RIGHT)
/* A5 (148 × 210 mm), on which Thông tư 01/2018/TT-VPCP prints its Mẫu
 * 01–05: a document made on a page this narrow takes smaller margins and
 * sizes × MC_PDF_A5_SCALE (mc-pdf-document.c, set_geometry). */
#define MC_PDF_A5_WIDTH     419.528
#define MC_PDF_A5_HEIGHT    595.276
#define MC_PDF_A4_SHORT     MC_PDF_PAGE_WIDTH
#define MC_PDF_A5_SCALE     0.8
/* A4 turned sideways, for registers with many columns (the margins stay). */
#define MC_PDF_LANDSCAPE_WIDTH   MC_PDF_PAGE_HEIGHT
#define MC_PDF_LANDSCAPE_HEIGHT  MC_PDF_PAGE_WIDTH

/* "Times New Roman" with the comma: without it Pango reads "Roman" as a style
 * word and asks fontconfig for a family called "Times New". */
#define MC_PDF_FONT "Times New Roman, 13"

/* The words of NĐ 30/2020 Phụ lục I every document prints: ô 1 (Quốc hiệu
 * and Tiêu ngữ) and ô 9a; the PDF and the .docx take them from here. */
#define MC_PDF_NATION     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
#define MC_PDF_MOTTO      "Độc lập - Tự do - Hạnh phúc"
#define MC_PDF_RECIPIENTS "Nơi nhận:"

typedef enum {
  MC_PDF_TEXT_PLAIN   = 0,
  MC_PDF_TEXT_BOLD    = 1 << 0,
  MC_PDF_TEXT_ITALIC  = 1 << 1,
  MC_PDF_TEXT_CENTER  = 1 << 2,
  MC_PDF_TEXT_RIGHT   = 1 << 3,
  MC_PDF_TEXT_JUSTIFY = 1 << 4,
  MC_PDF_TEXT_INDENT  = 1 << 5,  /* first line indented 1 cm */
} McPdfTextFlags;

typedef struct {
  const char *title;   /* bold; the width is in points, or 0 for "the rest" */
  double      width;
  gboolean    center;  /* centre the cells (counts) instead of left-aligning */
  const char *group;   /* a heading over this column and the next ones with
                        * the same group ("Nhận và trả kết quả"), or NULL */
  const char *subgroup;/* a second heading under the group, over this column
                        * and the next ones with the same one ("Trong đó"), or
                        * NULL: the title then fills both rows */
  gboolean    whole;   /* MC_PDF_TABLE_FIT: as wide as its widest cell, never
                        * wrapped (a dossier code broken inside its digits) */
} McPdfColumn;

typedef enum {
  MC_PDF_TABLE_PLAIN    = 0,
  MC_PDF_TABLE_NUMBERED = 1 << 0,  /* a row "(1) (2) …" under the header, as registers have */
  MC_PDF_TABLE_FIT      = 1 << 1,  /* widths fitted to the cells' text, measured with Pango; the
                                    * columns' widths are then their least */
} McPdfTableFlags;

typedef struct {
  const char *title;   /* "NGƯỜI TIẾP NHẬN HỒ SƠ" */
  const char *note;    /* "(Ký và ghi rõ họ tên)" */
  const char *name;    /* may be NULL: left blank to sign and write by hand */
} McPdfSignature;

typedef struct _McPdfDocument McPdfDocument;

/* Draws page target_page (0-based) on cr, in points with the origin at the
 * page's top-left corner; with cr NULL it only measures. */
McPdfDocument *mc_pdf_document_new          (cairo_t       *cr,
                                             int            target_page);
/* The same on a page of another size (MC_PDF_LANDSCAPE_WIDTH × …_HEIGHT). */
McPdfDocument *mc_pdf_document_new_sized    (cairo_t       *cr,
                                             int            target_page,
                                             double         page_width,
                                             double         page_height);
/* Gives the cairo context of page `page` (a new reference), called when the
 * layout reaches that page; NULL draws nothing more. */
typedef cairo_t *(*McPdfPageFunc) (int page, gpointer user_data);
/* Draws every page in one pass of the layout, each on the context page_func
 * gives: the cost of a document grows with its length, not its square.
 * Tables report their progress to the monitor and stop when it is cancelled. */
McPdfDocument *mc_pdf_document_new_paged    (double                 page_width,
                                             double                 page_height,
                                             McPdfPageFunc          page_func,
                                             gpointer               user_data,
                                             const McExportMonitor *monitor);
double         mc_pdf_document_get_content_width (McPdfDocument *doc);
/* The left margin of this document's page (smaller on A5). */
double         mc_pdf_document_get_margin_left (McPdfDocument *doc);
/* What this page's type sizes are multiplied by: 1 on A4, MC_PDF_A5_SCALE on A5. */
double         mc_pdf_document_get_scale    (McPdfDocument *doc);
void           mc_pdf_document_free         (McPdfDocument *doc);
int            mc_pdf_document_get_n_pages  (McPdfDocument *doc);
/* The cairo context when the block being placed is on the page drawn, else
 * NULL: custom blocks (barcodes) draw only then. */
cairo_t       *mc_pdf_document_get_cairo    (McPdfDocument *doc);
/* Whether the monitor was cancelled: long custom blocks stop early. */
gboolean       mc_pdf_document_is_cancelled (McPdfDocument *doc);
/* Pango layouts made by every document so far (a count of the work done,
 * which tests compare across document sizes). */
guint          mc_pdf_document_get_layouts_created (void);
/* A line of small print in the bottom margin of this page and every later
 * one (a report's audit-trail head). */
void           mc_pdf_document_set_footnote (McPdfDocument *doc,
                                             const char    *text);
/* Reserves height points, kept together on one page; returns the block's top. */
double         mc_pdf_document_place        (McPdfDocument *doc,
                                             double         height);
void           mc_pdf_document_space        (McPdfDocument *doc,
                                             double         points);
/* Whether a block of height points still fits on the current page. */
gboolean       mc_pdf_document_fits         (McPdfDocument *doc,
                                             double         height);
void           mc_pdf_document_break_page   (McPdfDocument *doc);
/* A layout in the document's font and units, width in points: for custom
 * blocks (a table with cells split in two) that measure and then draw. */
PangoLayout   *mc_pdf_document_create_layout (McPdfDocument *doc,
                                              const char    *markup,
                                              double         size,
                                              McPdfTextFlags flags,
                                              double         width);

/* Ô 1, 2 and 4 of the decree: the issuing body top left (the line above is
 * the parent body, plain; the last is the issuing body, bold, with a short
 * rule under it), Quốc hiệu and Tiêu ngữ top right with a rule as wide as the
 * motto, and "<place>, ngày … tháng … năm …" in italics under them. */
void mc_pdf_document_header      (McPdfDocument      *doc,
                                  const char * const *bodies,
                                  const char         *place,
                                  McDate              date);
/* The same with ô 3: `number` ("Số:        /BC-UBND", plain text) centred
 * under the issuing body on the line of place and date (NĐ 30/2020 Phụ lục
 * I, II.3.c, II.4.c); that line moves down when the issuer's lines are
 * longer than the Quốc hiệu's. NULL: as mc_pdf_document_header. */
void mc_pdf_document_header_numbered (McPdfDocument      *doc,
                                      const char * const *bodies,
                                      const char         *number,
                                      const char         *place,
                                      McDate              date);
/* Centred text kept on one page with a rule under it a third as long as its
 * longest line (NĐ 30/2020 Phụ lục I, II.5.a: the trích yếu's rule, 1/3 to
 * 1/2 of the line). */
void mc_pdf_document_text_with_rule (McPdfDocument  *doc,
                                     const char     *markup,
                                     double          size,
                                     McPdfTextFlags  flags);
/* The document's name: bold capitals, centred. */
void mc_pdf_document_title       (McPdfDocument      *doc,
                                  const char         *title);
/* A block of text that may break between lines across pages. */
void mc_pdf_document_text        (McPdfDocument      *doc,
                                  const char         *markup,
                                  double              size,
                                  McPdfTextFlags      flags);
/* Body text: 13 pt, justified, first line indented 1 cm, 6 pt after. */
void mc_pdf_document_paragraph   (McPdfDocument      *doc,
                                  const char         *markup);
/* Rows are NULL-terminated string vectors (plain text, not markup); the
 * header row is repeated on every page the table runs onto. */
void mc_pdf_document_table       (McPdfDocument      *doc,
                                  const McPdfColumn  *columns,
                                  int                 n_columns,
                                  GPtrArray          *rows);
/* The same with group headings, optionally numbered columns, and the cells'
 * font size (0: 12 pt); every header row is repeated on each page. */
void mc_pdf_document_table_full  (McPdfDocument      *doc,
                                  const McPdfColumn  *columns,
                                  int                 n_columns,
                                  GPtrArray          *rows,
                                  McPdfTableFlags     flags,
                                  double              size);
/* The next table keeps its last row, or the next text its last two lines, on the
 * page where the following `height` points still fit: a signature block is
 * never alone on a page (measure it with the _height functions below). */
void mc_pdf_document_keep_with_next (McPdfDocument    *doc,
                                     double            height);
/* The height mc_pdf_document_text would take (on one page). */
double mc_pdf_document_text_height   (McPdfDocument    *doc,
                                      const char       *markup,
                                      double            size,
                                      McPdfTextFlags    flags);
double mc_pdf_document_signatures_height (McPdfDocument        *doc,
                                          const McPdfSignature *signatures,
                                          int                   n_signatures);
/* The height of the table's header and first row: a heading above it is
 * kept with that much. */
double mc_pdf_document_table_start_height (McPdfDocument     *doc,
                                           const McPdfColumn *columns,
                                           int                n_columns,
                                           GPtrArray         *rows,
                                           McPdfTableFlags    flags,
                                           double             size);
/* One block (right half) or two (left and right halves), kept together. */
void mc_pdf_document_signatures  (McPdfDocument      *doc,
                                  const McPdfSignature *signatures,
                                  int                 n_signatures);

/* NĐ 30/2020 ô 9a/9b and 7a–7c: "Nơi nhận:" and its list (plain text,
 * lines apart by \n; NULL: none) sát lề trái, level with the authority and
 * title (bold capitals, centred in the right half), room to sign and stamp,
 * and the signer's name; kept together on one page. */
void mc_pdf_document_closing     (McPdfDocument        *doc,
                                  const char           *recipients,
                                  const char           *authority,
                                  const char           *name);
/* Its height without the MC_PDF_CLOSING_SPACE points above it: what the
 * last paragraph is kept with (mc_pdf_document_keep_with_next). */
#define MC_PDF_CLOSING_SPACE 10.0
double mc_pdf_document_closing_height (McPdfDocument  *doc,
                                       const char     *recipients,
                                       const char     *authority,
                                       const char     *name);

/* "ngày 05 tháng 01 năm 2024": the decree pads days under 10 and the months
 * January and February with a zero. */
char *mc_pdf_format_date         (McDate              date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McPdfDocument, mc_pdf_document_free)

G_END_DECLS
