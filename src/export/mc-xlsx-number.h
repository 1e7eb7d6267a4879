/* mc-xlsx-number.h — figures in a workbook as numbers that sum, shown as
 * Vietnamese documents print them (2.501; 77,5; 77,5%)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every statutory workbook (Biểu 06a, the appendices, the CCHC statistics,
 * the evaluation table) writes its figures through these: a cell holds the
 * number, its format makes it look like the printed report.
 */
#pragma once

#include <glib.h>
#include <xlsxwriter.h>

G_BEGIN_DECLS

/* Whole numbers with a dot between thousands whatever the reader's regional
 * settings: "#,##0" would print 2,501 on an English Windows. The dots are
 * literal characters between digit placeholders, so each magnitude needs its
 * own section (Excel allows two conditions and a default). */
#define MC_XLSX_COUNT_FORMAT "[>=1000000]#\\.###\\.##0;[>=1000]#\\.##0;0"

#define MC_XLSX_MAX_DECIMALS 2

/* The number format of a figure with `decimals` digits after the comma
 * (0 to MC_XLSX_MAX_DECIMALS), a ratio shown as a percentage when percent. */
void     mc_xlsx_number_set_format (lxw_format *format, int decimals, gboolean percent);

/* Reads a figure as mc_format_count / _decimal / _percent write it
 * ("2.501", "77,5", "-3", "77,5%", "1.234,56"): its value (a ratio for a
 * percentage: 0.775), its digits after the comma and whether it had "%".
 * Anything else ("3.1", "TTHC", "", "1.5") is not a figure. */
gboolean mc_xlsx_number_parse      (const char *text, double *value, int *decimals, gboolean *percent);

/* One cell style (font, border, alignment) with each number format. */
typedef struct {
  lxw_format *formats[2][MC_XLSX_MAX_DECIMALS + 1];  /* [percent][decimals] */
} McXlsxFigureFormats;

/* Makes a new format of the style: the caller's font, border, alignment. */
typedef lxw_format *(*McXlsxStyleFunc) (lxw_workbook *wb, gconstpointer style);

void     mc_xlsx_figure_formats_init (McXlsxFigureFormats *figures, lxw_workbook *wb, McXlsxStyleFunc make,
                                      gconstpointer style);
/* text as a number in its format when it is a figure, else as a string in
 * text_format (an empty text: a blank cell in text_format, for its border).
 * Returns whether it was written as a number. */
gboolean mc_xlsx_write_figure        (lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *text,
                                      const McXlsxFigureFormats *figures, lxw_format *text_format);

G_END_DECLS
