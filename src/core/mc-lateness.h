/* mc-lateness.h — "quá hạn" and "chậm tiến độ": one definition each
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * quá hạn (overdue): a dossier not finished whose appointment has passed.
 *   The appointment is the apology's new appointment (Mẫu 04, set once) from
 *   the moment that apology was issued, else the appointment of the receipt;
 *   both are moved by pauses. The dossier's clock stands still while it is
 *   paused (waiting for the citizen), so a pause begun before the
 *   appointment keeps it in time.
 * chậm tiến độ (behind schedule): a dossier not finished whose current step
 *   is past its own due time, on the same clock.
 *
 * A settled dossier is "trả quá hạn" (dossier.timeliness 'late', Biểu 06a
 * column 10), a different figure: it is measured against the appointment of
 * the receipt, an apology does not make a late result on time.
 *
 * Every screen, list and report that counts overdue dossiers uses the SQL
 * condition below or the C function that mirrors it (tested to agree), so
 * the inbox, the dossier list, the liveboard and Biểu 06a (13) give the same
 * number for the same instant.
 */
#pragma once

#include "mc-db.h"
#include "mc-time.h"

G_BEGIN_DECLS

/* What decides the lateness of one dossier; 0 stands for "none". */
typedef struct {
  McTime received_at;
  McTime finished_at;      /* result ready or settled; 0: open */
  McTime due_at;           /* hẹn trả of the receipt, moved by pauses */
  McTime extended_due_at;  /* the apology's new appointment */
  McTime extended_at;      /* when that apology was issued */
  McTime paused_since;     /* waiting for the citizen since */
  McTime step_due_at;      /* the current step's due time */
} McDeadlines;

/* Open at `at`: received before it and not finished before it. */
gboolean  mc_deadlines_is_open_at    (const McDeadlines *deadlines, McTime at);
/* The appointment in force at `at`. */
McTime    mc_deadlines_appointment   (const McDeadlines *deadlines, McTime at);
/* The dossier's clock at `at`: stopped at the start of a pause. */
McTime    mc_deadlines_clock         (const McDeadlines *deadlines, McTime at);
/* quá hạn at `at`. */
gboolean  mc_deadlines_is_overdue    (const McDeadlines *deadlines, McTime at);
/* chậm tiến độ at `at` (the current step's due time: meaningful for now). */
gboolean  mc_deadlines_is_step_late  (const McDeadlines *deadlines, McTime at);

/* The same as SQL conditions on a dossier row aliased d, `at` being the SQL
 * expression of the instant (a parameter such as "?3"), which may appear
 * several times in the result. */
char     *mc_lateness_sql_appointment (const char *at);
char     *mc_lateness_sql_overdue     (const char *at);
char     *mc_lateness_sql_step_late   (const char *at);

/* The definitions in a sentence, translated, for the tooltips of every
 * screen that counts them. */
const char *mc_lateness_overdue_meaning   (void);
const char *mc_lateness_step_late_meaning (void);

G_END_DECLS
