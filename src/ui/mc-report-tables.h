/* mc-report-tables.h — a McReportDoc's tables on screen, every figure a button
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mc-report-doc.h"

G_BEGIN_DECLS

/* Called when the button of the figure in (table, row, column) is clicked. */
typedef void (*McReportCellFunc) (gpointer user_data, guint table, guint row, guint column);

/* Appends the document's heading lines and its tables to box. The views read
 * doc while they are shown: remove them from box before freeing it. */
void       mc_report_tables_show      (GtkBox *box, const McReportDoc *doc, McReportCellFunc clicked,
                                       gpointer user_data);
/* The button of a figure's cell under widget (NULL if none, or not realized). */
GtkWidget *mc_report_tables_find_cell (GtkWidget *widget, guint table, guint row, guint column);
/* The list window's titles for a figure: "Tổng số — Tài nguyên và Môi trường",
 * the column and the row's name. */
void       mc_report_tables_cell_titles (const McReportDoc *doc, guint table, guint row, guint column,
                                         char **title, char **subtitle);

G_END_DECLS
