/* mc-figure-list-dialog.h — the dossiers (or procedures) behind a report's figure
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mc-application.h"

G_BEGIN_DECLS

#define MC_TYPE_FIGURE_LIST_DIALOG (mc_figure_list_dialog_get_type ())
G_DECLARE_FINAL_TYPE (McFigureListDialog, mc_figure_list_dialog, MC, FIGURE_LIST_DIALOG, AdwWindow)

/* items: a list model of McFigureDossier, or of McFigureProcedure (the
 * figure counts procedures), as mc_report_document_figure_list makes it;
 * the dialog keeps a reference. A dossier opens on double-click. */
McFigureListDialog *mc_figure_list_dialog_new        (McApplication *app, GtkWindow *parent, const char *title,
                                                      const char *subtitle, GListModel *items);
guint               mc_figure_list_dialog_get_n_items (McFigureListDialog *self);
/* The code on a row; NULL past the end. */
const char         *mc_figure_list_dialog_get_code    (McFigureListDialog *self, guint position);

G_END_DECLS
