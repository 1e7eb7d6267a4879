/* mc-queue-clerk.h — a counter clerk's own day at the queue: tickets
 * served, service time, the citizens' ratings
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-queue.h"

G_BEGIN_DECLS

typedef struct {
  int    called;       /* tickets the clerk called that day */
  int    served;       /* … done */
  int    absent;       /* … marked absent */
  double wait_avg;     /* seconds the citizens they called had waited; -1 if none */
  double service_avg;  /* seconds from serving to done; -1 if none */
  int    ratings;      /* ratings given on the counter display */
  int    levels[5];    /* how many at each level, 1 Rất không hài lòng … 5 Rất hài lòng */
  double rating_avg;   /* 1–5; -1 if none */
} McQueueClerkDay;

/* The figures of `staff_id`'s tickets on local day `day`: their own for
 * anyone signed in, another's for those who see Tổng quan
 * (MC_PERMISSION_DASHBOARD). */
gboolean mc_queue_clerk_day          (McQueue *queue, gint64 staff_id, McDate day, McQueueClerkDay *out,
                                      GError **error);
/* The figures in Vietnamese, a line each: "Đã phục vụ 23 lượt, vắng mặt 1",
 * "Phục vụ trung bình 8,5 phút", "Đánh giá: 12 lượt, trung bình 4,6/5 …". */
char    *mc_queue_clerk_day_describe (const McQueueClerkDay *day);

G_END_DECLS
