/* mc-report-tables.h — a McReportDocument's tables on screen, every figure a button
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mc-report-document.h"

G_BEGIN_DECLS

/* Called when the button of the figure in (table, row, column) is clicked. */
typedef void (*McReportCellFunc) (gpointer user_data, guint table, guint row, guint column);

/* Appends the document's heading lines and its tables to box; the views
 * hold the rows of doc (its list models) while they are shown. */
void       mc_report_tables_show      (GtkBox *box, McReportDocument *doc, McReportCellFunc clicked,
                                       gpointer user_data);
/* The button of a figure's cell under widget (NULL if none, or not realized). */
GtkWidget *mc_report_tables_find_cell (GtkWidget *widget, guint table, guint row, guint column);

G_END_DECLS
