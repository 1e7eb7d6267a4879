/* mc-report-private.h — what the statutory reports share inside core
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-db.h"
#include "mc-report.h"
#include "mc-time.h"

G_BEGIN_DECLS

/* The unit whose relation is 'self', or 0 with an error. */
gint64     mc_report_own_unit        (McDb *db, GError **error);
/* [from 00:00, to + 1 00:00) Vietnam time, the end no later than `now`
 * (mc_report_bounds: the current time). */
void       mc_report_bounds_at       (McDate from, McDate to, McTime now, McTime *t0, McTime *t1);
void       mc_report_bounds          (McDate from, McDate to, McTime *t0, McTime *t1);
/* "1,4,7": the ids as SQL list items (integers only, never text). */
char      *mc_report_id_list         (GArray *ids);
/* The first column of every row of `sql` as strings; ?1…?3 are bound to
 * the integers a, b and c. */
GPtrArray *mc_report_query_strings   (McDb *db, const char *sql, gint64 a, gint64 b, gint64 c,
                                      GError **error);

/* How Biểu 06a is counted. By default (4), (5) and (8)–(10) of the
 * period's whole days come from the daily counters (migration 0016) and the
 * rest of a day from the dossier rows; FULL reads every figure from the
 * rows (the reference the tests compare the counters with). CARRIED_DERIVED
 * gives (6) by the identity (3) = (7) + (11) instead of counting the
 * dossiers open at the start: what mc_report_06a_compute and the liveboard
 * use (COUNTERS | CARRIED_DERIVED), the same figure for every row. */
typedef enum {
  MC_REPORT_06A_COUNTERS        = 0,
  MC_REPORT_06A_FULL            = 1 << 0,
  MC_REPORT_06A_CARRIED_DERIVED = 1 << 1,
} McReport06aHow;

McReport06a *mc_report_06a_compute_how (McDb *db, gint64 unit_id, McDate from, McDate to,
                                        gboolean only_with_dossiers, McTime now, McReport06aHow how,
                                        GError **error);
/* The reports of the periods from[i] … to (i < n), as known at `now`; the
 * dossiers open at their common end are counted once. McReport06a*. */
GPtrArray   *mc_report_06a_compute_periods (McDb *db, gint64 unit_id, const McDate *from, guint n, McDate to,
                                            gboolean only_with_dossiers, McTime now, McReport06aHow how,
                                            GError **error);

/* month_stat (migration 0036: daily_stat summed by month, what 06a reads
 * for a period's whole months): the number of its rows that differ from the
 * sums of daily_stat's rows (0 when it is right), -1 on error; and the table
 * made again from daily_stat in one transaction (an administrator's). */
gint64       mc_report_month_stat_differences (McDb *db, GError **error);
gboolean     mc_report_month_stat_rebuild     (McDb *db, GError **error);

G_END_DECLS
