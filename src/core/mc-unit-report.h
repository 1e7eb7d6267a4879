/* mc-unit-report.h — a subordinate unit's reported Biểu 06a figures
 * (unit_report), which the public appendix's "cấp xã" part and the combined
 * totals count when the unit's dossiers are not in the database
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "mc-db.h"
#include "mc-time.h"

G_BEGIN_DECLS

/* The unit with this code whose relation is 'subordinate', or 0 with an
 * error naming the code. */
gint64   mc_unit_lookup_subordinate (McDb *db, const char *code, GError **error);

/* Stores the figures of Biểu 06a as the unit sent them for [from, to]: the
 * CSV that motcua report 06a --format csv writes (columns linh_vuc and c4,
 * c5, c6, c8, c9, c10, c12, c13; stt, c3, c7 and c11 optional and checked
 * against the others; the "Tổng số" row checked against the fields' sum).
 * Fields are named as in the catalog. All or nothing, the first bad line
 * named; a report the unit sent before for the same period is replaced.
 * Needs MC_PERMISSION_REPORT. */
gboolean mc_unit_report_import_csv  (McDb *db, gint64 unit_id, McDate from, McDate to, const char *data,
                                     gsize length, guint *n_fields, GError **error);

G_END_DECLS
