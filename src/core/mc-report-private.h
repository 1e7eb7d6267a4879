/* mc-report-private.h — what the statutory reports share inside core
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-db.h"
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

G_END_DECLS
