/* mc-queue-stats.h — the waiting measured: tickets issued, served and
 * absent, waiting and service times, per day, counter, service or hour
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-queue.h"

G_BEGIN_DECLS

typedef enum {
  MC_QUEUE_STATS_BY_DAY,      /* the local day the ticket was taken */
  MC_QUEUE_STATS_BY_COUNTER,  /* the counter that last had it (none: never called) */
  MC_QUEUE_STATS_BY_SERVICE,  /* its service (after a transfer, the new one) */
  MC_QUEUE_STATS_BY_HOUR,     /* the local hour it was taken */
  MC_QUEUE_STATS_N_BY
} McQueueStatsBy;

gboolean mc_queue_stats_by_from_string (const char *text, McQueueStatsBy *by);

/* One line of the statistics. Waiting time: from taking the ticket to its
 * first call (tickets called); service time: from the start of serving to
 * done (tickets done). Seconds; -1 where no ticket had one. p90: the
 * nearest rank (the wait that 90 % of the called tickets did not exceed). */
typedef struct {
  char   *key;    /* "2026-12-07", "Quầy 3", the service's name, "08:00" */
  int     sort;   /* the order of the lines: day number, counter, service id, hour */
  int     issued, served, absent;
  double  wait_avg;
  gint64  wait_p90;
  double  service_avg;
} McQueueStatsRow;

void mc_queue_stats_row_free (McQueueStatsRow *row);

/* Tickets taken on local days from..to, grouped; the lines in order, then
 * one "Tổng cộng" line for the whole period. Needs a signed-in person
 * (MC_PERMISSION_SIGNED_IN); no personal data. */
GPtrArray *mc_queue_stats (McQueue *queue, McDate from, McDate to, McQueueStatsBy by, GError **error);

/* Every grouping from one pass over the tickets (the Thống kê xếp hàng
 * page, its exports and `queue stats --format json|xlsx|pdf` show them
 * all): rows[by] as mc_queue_stats gives them, each ending with the total. */
typedef struct {
  McDate     from, to;
  GPtrArray *rows[MC_QUEUE_STATS_N_BY];  /* McQueueStatsRow* */
} McQueueStatsAll;

McQueueStatsAll       *mc_queue_stats_all       (McQueue *queue, McDate from, McDate to, GError **error);
void                   mc_queue_stats_all_free  (McQueueStatsAll *all);
/* The same read from the ticket rows instead of queue_stat_hour: the
 * figures must be equal (tests, bench-queue-stats). */
McQueueStatsAll       *mc_queue_stats_all_scan  (McQueue *queue, McDate from, McDate to, GError **error);
/* The "Tổng cộng" line of the period (the same in every grouping). */
const McQueueStatsRow *mc_queue_stats_all_total (const McQueueStatsAll *all);

/* The figures for programs: {"from", "to", "total", "by_day": [...],
 * "by_counter", "by_service", "by_hour"}, each line {"name", "issued",
 * "served", "absent", "wait_avg_s", "wait_p90_s", "service_avg_s"} in
 * seconds (null where no ticket had one); the totals only in "total". */
char                  *mc_queue_stats_all_to_json (const McQueueStatsAll *all);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McQueueStatsAll, mc_queue_stats_all_free)

G_END_DECLS
