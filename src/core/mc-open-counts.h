/* mc-open-counts.h — the open dossiers' lateness counts from open_due
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Migration 0031 keeps open_due: the "running" dossiers (open, not paused,
 * no apology's appointment, no finish time) by department, column (due_at,
 * step_due_at) and local day. Their counts at an instant are the days before
 * it summed and that day read from an index, so Xử lý hồ sơ and Tổng quan
 * cost the number of days, not of open dossiers (issue 15). The other open
 * dossiers are counted by the caller row by row (mc-lateness.h).
 */
#pragma once

#include "mc-db.h"
#include "mc-time.h"

G_BEGIN_DECLS

typedef struct {
  guint total;      /* running dossiers */
  guint overdue;    /* due_at before `now` */
  guint step_late;  /* step_due_at before `now` */
  guint soon;       /* due_at or step_due_at in [now, soon] */
} McOpenCounts;

/* The running dossiers of `department_id` (0: every department) at `now`;
 * `soon` is one standard working day after `now` (the caller's calendar).
 * *valid is FALSE, and the counts zero, when some open dossier was received
 * at or after `now` (an instant before the last reception, as a test's
 * clock may ask): its lateness then is not the table's, count the rows. */
gboolean      mc_open_counts_running       (McDb *db, gint64 department_id, McTime now, McTime soon,
                                            McOpenCounts *counts, gboolean *valid, GError **error);
/* Whether open_due answers for `now`: FALSE when some open dossier was
 * received at or after it (then count the rows). */
gboolean      mc_open_counts_apply         (McDb *db, McTime now, gboolean *applies, GError **error);
/* The condition of a running dossier on a dossier aliased d, in the form
 * the partial indexes of migration 0031 are used for. */
char         *mc_open_counts_running_sql   (McDb *db);
/* The condition that selects the other open dossiers (paused, with an
 * apology's appointment, or open with a finish time), on a dossier aliased
 * d, in the form the partial index dossier_open_other is used for. */
const char   *mc_open_counts_other_sql     (McDb *db);
/* The dossier table aliased d for that condition: on SQLite "INDEXED BY
 * dossier_open_other", as the planner, without statistics, takes the
 * larger dossier_inbox_urgent_department for it as readily. */
const char   *mc_open_counts_other_table   (McDb *db);
/* The end of a query of Xử lý hồ sơ's first rows on a dossier aliased d,
 * from WHERE on: open, held by the department ?1 (0: every department),
 * in its order (coalesce (step_due_at, due_at), id), the first ?2; read
 * through dossier_inbox_urgent(_department) without sorting. */
char         *mc_open_counts_urgent_sql    (McDb *db, gint64 department_id);

G_END_DECLS
