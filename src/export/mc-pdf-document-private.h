/* mc-pdf-document-private.h — what mc-pdf-document.c (the page, its text,
 * header and signatures) and mc-pdf-table.c (its tables) share
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sizes in points, of NĐ 30/2020/NĐ-CP Phụ lục I (see mc-pdf-document.c).
 */
#pragma once

#include "mc-pdf-document.h"

G_BEGIN_DECLS

#define BODY_SIZE     13.0
#define HEADER_SIZE   12.0
#define TITLE_SIZE    14.0
#define TABLE_SIZE    12.0
#define PARA_AFTER    6.0    /* the decree: at least 6 pt between paragraphs */
#define RULE_WIDTH    0.6
#define RULE_GAP      2.5    /* between a line of text and the rule under it */
#define LEADING       0.08   /* extra space between lines, as a share of the size */
#define CELL_PAD_X    3.0
#define CELL_PAD_Y    2.5
#define SIGN_SPACE    54.0   /* room to sign (and stamp) */
#define ALL_PAGES     (-2)

/* Layouts made since start: the unit of work that tests count. */

struct _McPdfDocument {
  cairo_t      *cr;
  PangoContext *context;
  int           target_page;   /* MC_PDF_ALL_PAGES when drawing through page_func */
  McPdfPageFunc page_func;
  gpointer      page_data;
  const McExportMonitor *monitor;
  int           page;
  double        y;
  double        page_height;
  double        content_width;
  char         *footnote;      /* small print at the foot of every page */
  double        keep_next;     /* the height the next table's last row or text's last lines keep with them */
  /* The page's geometry: NĐ 30/2020's on A4, scaled down on A5 (see
   * set_geometry). */
  double        margin_top;
  double        margin_bottom;
  double        margin_left;
  double        margin_right;
  double        scale;         /* of every font size and the room to sign */
};

/* Where the page's text must end: above the bottom margin and the footnote. */
double       mc_pdf_bottom_limit  (McPdfDocument *doc);
/* A layout of `markup` at `size` points (scaled with the page), wrapped at
 * `width`; counted by mc_pdf_document_get_layouts_created (). */
PangoLayout *mc_pdf_create_layout (McPdfDocument *doc, const char *markup, double size, McPdfTextFlags flags,
                                   double width);
double       mc_pdf_layout_height (PangoLayout *layout);
/* Width of the widest line, not of the box the layout wraps in. */
double       mc_pdf_ink_width     (PangoLayout *layout);
/* Ends the page and starts the next (page number, footnote, header rows). */
void         mc_pdf_new_page      (McPdfDocument *doc);
/* Breaks the page before what comes unless `height` and what is kept with
 * it fit under it. */
void         mc_pdf_keep_before   (McPdfDocument *doc, double height);

G_END_DECLS
