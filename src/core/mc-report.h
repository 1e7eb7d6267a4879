/* mc-report.h — the statutory figures: Biểu 06a and the reporting periods
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One computation of the figures serves every report, the Báo cáo page, the
 * liveboard's statistics and the lists behind each figure, so a report can
 * never disagree with the lists (the most common complaint about existing
 * systems).
 */
#pragma once

#include <glib.h>

#include "mc-db.h"
#include "mc-time.h"

G_BEGIN_DECLS

/* Columns (3)…(13) of Biểu số 06a/VPCP/KSTT. */
typedef enum {
  MC_06A_RECEIVED = 3,         /* (3) Số hồ sơ nhận giải quyết: tổng số = (4)+(5)+(6) */
  MC_06A_ONLINE = 4,           /* (4) trực tuyến, received in the period */
  MC_06A_DIRECT = 5,           /* (5) trực tiếp, dịch vụ bưu chính, received in the period */
  MC_06A_CARRIED = 6,          /* (6) từ kỳ trước */
  MC_06A_SETTLED = 7,          /* (7) đã giải quyết: tổng số = (8)+(9)+(10) */
  MC_06A_EARLY = 8,            /* (8) trước hạn */
  MC_06A_ON_TIME = 9,          /* (9) đúng hạn (with those returned as unqualified or withdrawn) */
  MC_06A_LATE = 10,            /* (10) quá hạn: settled after the appointment of the receipt (trả quá hạn) */
  MC_06A_PENDING = 11,         /* (11) đang giải quyết: tổng số = (12)+(13) */
  MC_06A_PENDING_IN_TIME = 12, /* (12) trong hạn (with those waiting for a supplement) */
  MC_06A_PENDING_LATE = 13,    /* (13) quá hạn: open and quá hạn as mc-lateness.h defines it */
  MC_06A_N_COLUMNS = 14,
} McReport06aColumn;

typedef struct {
  gint64  field_id;          /* 0 for the total row */
  char   *field_name;        /* lĩnh vực */
  guint   c[MC_06A_N_COLUMNS];  /* c[3] … c[13]; c[0..2] unused */
} McReport06aRow;

typedef struct {
  McDate          from;      /* inclusive, local dates */
  McDate          to;
  GPtrArray      *rows;      /* McReport06aRow*, in the fields' order */
  McReport06aRow  total;
} McReport06a;

/* The figures of a unit's dossiers (unit_id 0: the center's own unit) over
 * [from 00:00, to 24:00) Vietnam time; only the fields with a dossier when
 * only_with_dossiers, else every field. */
McReport06a *mc_report_06a_compute (McDb *db, gint64 unit_id, McDate from, McDate to,
                                    gboolean only_with_dossiers, GError **error);
/* The same as known at `now` (mc_report_06a_compute: the current time): a
 * period that ends later is counted up to `now`, its open dossiers (11)–(13)
 * are those open at `now`, and (13) counts those quá hạn at `now`. */
McReport06a *mc_report_06a_compute_at (McDb *db, gint64 unit_id, McDate from, McDate to,
                                       gboolean only_with_dossiers, McTime now, GError **error);
void         mc_report_06a_free    (McReport06a *report);

/* The form's headings of columns (1)…(13), written once: the title
 * ("Quá hạn"), the group over it ("Số hồ sơ đã giải quyết", NULL for (1)
 * and (2)) and the second heading under the group ("Trong đó" over (4) and
 * (5)). The name of a CSV header: "Số hồ sơ đã giải quyết: Quá hạn (10)". */
#define MC_06A_FIELD_COLUMN "Lĩnh vực, công việc giải quyết theo cấp"
const char  *mc_report_06a_column_title    (McReport06aColumn column);
const char  *mc_report_06a_column_group    (McReport06aColumn column);
const char  *mc_report_06a_column_subgroup (McReport06aColumn column);
const char  *mc_report_06a_column_name (McReport06aColumn column);

/* The codes of the dossiers behind one figure, in order of reception: for
 * every column its length equals the figure (field_id 0: the whole unit,
 * the total row). */
GPtrArray   *mc_report_06a_dossiers (McDb *db, gint64 unit_id, McDate from, McDate to,
                                     gint64 field_id, McReport06aColumn column, GError **error);

/* Whether the signed-in staff member (the connection's actor) may produce
 * statutory reports: MC_PERMISSION_REPORT once accounts are enforced. The
 * report documents and the Báo cáo page check it; the public liveboard's
 * statistics do not need it. */
gboolean     mc_report_check_permission (McDb *db, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McReport06a, mc_report_06a_free)

G_END_DECLS
