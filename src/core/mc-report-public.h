/* mc-report-public.h — Phụ lục công khai kết quả giải quyết TTHC và công
 * khai xin lỗi (seed 000), for the unit itself or its subordinate units
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "mc-db.h"
#include "mc-time.h"

G_BEGIN_DECLS

/* Columns (3)…(12) of the appendix; (1) STT, (2) lĩnh vực. */
typedef enum {
  MC_PUBLIC_ONE_STOP = 3,        /* (3) TTHC thực hiện theo cơ chế một cửa (procedures) */
  MC_PUBLIC_LINKED = 4,          /* (4) TTHC thực hiện theo cơ chế một cửa liên thông (procedures) */
  MC_PUBLIC_RECEIVED = 5,        /* (5) hồ sơ đã tiếp nhận = (6) + (9) + (10), as 06a (3) */
  MC_PUBLIC_SETTLED = 6,         /* (6) đã giải quyết (with a result) = (7) + (8) */
  MC_PUBLIC_ON_TIME = 7,         /* (7) đúng hạn (trước hạn and đúng hạn) */
  MC_PUBLIC_LATE = 8,            /* (8) quá hạn */
  MC_PUBLIC_PENDING = 9,         /* (9) đang giải quyết, as 06a (11) */
  MC_PUBLIC_UNQUALIFIED = 10,    /* (10) không đủ điều kiện giải quyết (returned unqualified or withdrawn) */
  MC_PUBLIC_APOLOGISED = 11,     /* (11) công khai xin lỗi: dossiers with an apology issued in the period */
  MC_PUBLIC_NOT_APOLOGISED = 12, /* (12) late (settled late or pending late) without any apology */
  MC_PUBLIC_N_COLUMNS = 13,
} McReportPublicColumn;

typedef enum {
  MC_REPORT_SCOPE_UNIT,          /* the unit itself (cấp huyện / the commune's own appendix) */
  MC_REPORT_SCOPE_SUBORDINATES,  /* every unit whose relation is 'subordinate' (cấp xã) */
  MC_REPORT_SCOPE_COMBINED,      /* the center's own unit and its subordinate units together */
} McReportScope;

typedef struct {
  gint64  field_id;                   /* 0 for the total row */
  char   *field_name;
  guint   c[MC_PUBLIC_N_COLUMNS];     /* c[3] … c[12] */
  guint   reported[MC_PUBLIC_N_COLUMNS]; /* the part of c[k] a subordinate unit reported as
                                       * 06a figures (unit_report): no dossiers behind it */
} McReportPublicRow;

typedef struct {
  McDate             from, to;
  McReportScope      scope;
  GPtrArray         *rows;            /* McReportPublicRow* in the fields' order */
  McReportPublicRow  total;
  guint              n_units;         /* units counted (subordinate scope) */
  guint              n_reported_units;/* of which by their reported figures */
} McReportPublic;

/* unit_id 0: the center's own unit (scope UNIT); ignored for SUBORDINATES.
 * A subordinate unit that reported its 06a figures for exactly [from, to]
 * (motcua report import-06a) counts by them, else by its dossiers. With
 * only_with_dossiers, the fields without any figure are left out. Needs
 * MC_PERMISSION_REPORT once accounts are enforced. */
McReportPublic *mc_report_public_compute (McDb *db, gint64 unit_id, McReportScope scope, McDate from,
                                          McDate to, gboolean only_with_dossiers, GError **error);
void            mc_report_public_free    (McReportPublic *report);

/* The codes behind one figure (field_id 0: every field): procedure codes
 * for (3) and (4), dossier codes in order of reception for the others;
 * the length equals c[k] − reported[k]. */
GPtrArray      *mc_report_public_items   (McDb *db, gint64 unit_id, McReportScope scope, McDate from,
                                          McDate to, gint64 field_id, McReportPublicColumn column,
                                          GError **error);
gboolean        mc_report_public_column_is_procedures (McReportPublicColumn column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McReportPublic, mc_report_public_free)

G_END_DECLS
