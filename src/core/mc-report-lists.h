/* mc-report-lists.h — what the Báo cáo page shows of the dossiers and
 * procedures behind a figure, and the units a report can be made for
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "mc-db.h"
#include "mc-time.h"

G_BEGIN_DECLS

typedef struct {
  char   *code;
  char   *applicant_name;
  char   *procedure_name;
  McTime  received_at;
  McTime  finished_at;      /* 0: still being processed */
} McReportDossierRow;

typedef struct {
  char *code;
  char *name;
  char *field_name;
  char *mechanism;          /* mot_cua, lien_thong */
} McReportProcedureRow;

typedef struct {
  gint64  id;
  char   *code;
  char   *name;
  char   *relation;         /* self, subordinate */
} McReportUnit;

/* One row per code, in the order of `codes` (the figure's list); a code
 * that is no longer in the database is an error. Needs MC_PERMISSION_REPORT. */
GPtrArray *mc_report_dossier_rows   (McDb *db, GPtrArray *codes, GError **error);  /* McReportDossierRow* */
GPtrArray *mc_report_procedure_rows (McDb *db, GPtrArray *codes, GError **error);  /* McReportProcedureRow* */
/* The center's own unit first, then its subordinate units by name. */
GPtrArray *mc_report_units          (McDb *db, GError **error);                    /* McReportUnit* */

void mc_report_dossier_row_free   (McReportDossierRow *row);
void mc_report_procedure_row_free (McReportProcedureRow *row);
void mc_report_unit_free          (McReportUnit *unit);

G_END_DECLS
