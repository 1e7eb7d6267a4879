/* mc-board-stats.h — figures the liveboard shows beside Biểu 06a
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-db.h"
#include "mc-time.h"

G_BEGIN_DECLS

/* Dossiers settled in a period by the department in charge of them. */
typedef struct {
  gint64  department_id;
  char   *name;
  guint   settled;    /* with a classification (early, on time or late) */
  guint   in_time;    /* early or on time */
} McDepartmentRate;

void        mc_department_rate_free           (McDepartmentRate *rate);
/* Dossiers of the center's own unit finished in [from, to), grouped by the
 * department in charge (phòng chủ trì): the department of the first
 * specialist step of the procedure's process; by department name. */
GPtrArray  *mc_board_stats_department_rates   (McDb *db, McTime from, McTime to, GError **error);

G_END_DECLS
