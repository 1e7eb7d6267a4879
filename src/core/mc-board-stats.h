/* mc-board-stats.h — figures the liveboard shows beside Biểu 06a
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-db.h"
#include "mc-workflow.h"
#include "mc-report.h"
#include "mc-time.h"

G_BEGIN_DECLS

/* The department in charge of each procedure (phòng chủ trì): the
 * department of its first "chuyên viên" step, as a common table `lead`
 * (procedure_id, department_id) for a query that follows: the step at the
 * lowest position (unique per procedure), one SQL text for SQLite and
 * PostgreSQL (which has no bare-column rule for min ()). The liveboard's
 * and the dashboard's rates by department both group by it. */
#define MC_BOARD_STATS_LEAD_SQL \
  "WITH lead AS (SELECT s.procedure_id, s.department_id FROM procedure_step s WHERE s.role = 'chuyen_vien' " \
  "AND s.position = (SELECT min (t.position) FROM procedure_step t WHERE t.procedure_id = s.procedure_id " \
  "AND t.role = 'chuyen_vien')) "

/* Dossiers settled in a period by the department in charge of them. */
typedef struct {
  gint64  department_id;
  char   *name;
  guint   settled;    /* with a classification (early, on time or late) */
  guint   in_time;    /* early or on time */
} McDepartmentRate;

void        mc_department_rate_free           (McDepartmentRate *rate);

/* A result waiting at the counter to be collected. */
typedef struct {
  char    *applicant_name;  /* in full: the board masks it */
  char    *code;
  char    *procedure;
  McTime   ready_at;
  gboolean unqualified;     /* returned with a reason (unqualified, withdrawn), not a result */
} McWaitingResult;

void        mc_waiting_result_free            (McWaitingResult *result);
/* The `limit` results ready most recently and not collected yet, the newest
 * first, and in `total` how many wait in all (from the partial index
 * dossier_waiting: a count of its entries, not of the dossiers). */
GPtrArray  *mc_board_stats_waiting            (McDb *db, guint limit, guint *total, GError **error);
/* On a server, the apologies issued from … to for the board
 * (McApologyRecord: code, procedure, department, times, the name masked by
 * the server), from board_apology: the board's login reads no apology or
 * dossier row with a person in it. */
GPtrArray  *mc_board_stats_apologies          (McDb *db, McTime from, McTime to, GError **error);
/* Dossiers of the center's own unit finished on the local days from … to
 * (inclusive), grouped by the department in charge (phòng chủ trì): the
 * department of the first specialist step of the procedure's process; by
 * department name. Read from the daily counters; _from_rows reads the same
 * from the dossier rows (the reference the tests compare them with). */
GPtrArray  *mc_board_stats_department_rates   (McDb *db, McDate from, McDate to, GError **error);
GPtrArray  *mc_board_stats_department_rates_from_rows (McDb *db, McDate from, McDate to, GError **error);

/* Biểu 06a of the own unit over each period from[i] … to (i < n) as known
 * at `now`, the fields with dossiers only, as mc_report_06a_compute_at
 * gives it, from the daily counters; the dossiers open at the periods' end
 * are read once for all, and (6) is derived ((3) = (7) + (11)) instead of
 * counted, since the board does not show it and counting it reads every
 * dossier received within the longest processing time before the period.
 * McReport06a*. */
GPtrArray  *mc_board_stats_06a_periods        (McDb *db, const McDate *from, guint n, McDate to, McTime now,
                                               GError **error);

G_END_DECLS
