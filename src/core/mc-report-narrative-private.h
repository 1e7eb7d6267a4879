/* mc-report-narrative-private.h — building a McReportNarrative (core's
 * builder; tests lay out made-up reports with it)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-report-narrative.h"

G_BEGIN_DECLS

/* A report with the form's own words (number, title) and no other text. */
McReportNarrative *mc_report_narrative_alloc      (gint64 unit_id, McDate from, McDate to);
void               mc_report_narrative_take_text  (McReportNarrative *self, McNarrativeText which, char *text);
/* The computed draft, also the body while no edit is kept. */
void               mc_report_narrative_take_draft (McReportNarrative *self, char *draft);

G_END_DECLS
