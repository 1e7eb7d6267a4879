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

G_END_DECLS
