/* mc-report-lists.h — what the Báo cáo page shows of the dossiers and
 * procedures behind a figure, and the units a report can be made for
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mc-db.h"
#include "mc-time.h"

G_BEGIN_DECLS

typedef struct {
  gint64  id;
  char   *code;
  char   *name;
  char   *relation;         /* self, subordinate */
} McReportUnit;

/* One item per code, in the order of `codes` (the figure's list): a list
 * model of McFigureDossier or McFigureProcedure; a code that is no longer
 * in the database is an error. Needs MC_PERMISSION_REPORT. */
GListModel *mc_report_figure_dossiers   (McDb *db, GPtrArray *codes, GError **error);
GListModel *mc_report_figure_procedures (McDb *db, GPtrArray *codes, GError **error);
/* The center's own unit first, then its subordinate units by name. */
GPtrArray *mc_report_units          (McDb *db, GError **error);                    /* McReportUnit* */

/* The unit's name as written ("Ủy ban nhân dân phường Phú Sơn") and its
 * level (tinh, huyen, xa); unit_id 0: the center's own. */
gboolean   mc_report_unit_name      (McDb *db, gint64 unit_id, char **name, char **level, GError **error);
/* Whether the subordinate units are communes (cấp xã). */
gboolean   mc_report_subordinates_are_communes (McDb *db);

void mc_report_unit_free          (McReportUnit *unit);

G_END_DECLS
