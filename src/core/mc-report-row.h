/* mc-report-row.h — one row of a statutory report's table: its cells as
 * the report prints them, the key its figures are asked for by
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define MC_TYPE_REPORT_ROW (mc_report_row_get_type ())
G_DECLARE_FINAL_TYPE (McReportRow, mc_report_row, MC, REPORT_ROW, GObject)

/* Properties: "cells" (GStrv, one string per column, read-only once built),
 * "key" (gint64: the row's part of a figure — a field's id, a CCHC item, an
 * evaluation index —, -1 for none), "bold" (the total and section rows). */
McReportRow        *mc_report_row_new       (guint n_cells, gint64 key, gboolean bold);
guint               mc_report_row_get_n_cells (McReportRow *row);
/* The cell's text, "" when it is empty or past the row's end. */
const char         *mc_report_row_get_cell  (McReportRow *row, guint column);
const char *const  *mc_report_row_get_cells (McReportRow *row);
gint64              mc_report_row_get_key   (McReportRow *row);
gboolean            mc_report_row_get_bold  (McReportRow *row);
/* While the report is being built (mc-report-document-build.c) only. */
void                mc_report_row_take_cell (McReportRow *row, guint column, char *text);

G_END_DECLS
