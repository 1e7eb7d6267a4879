/* mc-demo-queue.h — the demo center's queue history (mc-demo.c's helper)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-calendar.h"
#include "mc-db.h"
#include "mc-demo.h"
#include <stdarg.h>

G_BEGIN_DECLS

typedef struct _McDemoQueue McDemoQueue;

/* The ticket a dossier's visit to a counter was served under. */
typedef struct {
  gint64 ticket_id;
  gint64 clerk_id;  /* the counter's clerk, who receives or returns it */
  int    counter;
} McDemoVisit;

/* The tickets of the `days` working days before `now` and of today up to
 * now, simulated and written (in the caller's transaction); NULL on an
 * error. The services, counters and clerks of mc-demo.c must exist. */
McDemoQueue *mc_demo_queue_new    (McDb *db, McCalendar *calendar, guint days, guint32 seed, McTime now,
                                   McDemoStats *stats, GError **error);
/* A visit at `at` for a procedure of `field` (NULL: a result handed back):
 * the ticket of its service served then, not linked for that yet; FALSE if
 * none (the citizen came without a ticket, or the counters were busy). */
gboolean     mc_demo_queue_visit  (McDemoQueue *q, McTime at, const char *field, McDemoVisit *visit);
gboolean     mc_demo_queue_link   (McDemoQueue *q, const McDemoVisit *visit, gint64 dossier_id, gboolean returned,
                                   McTime at, GError **error);
/* The citizens' ratings, once every link is written. */
gboolean     mc_demo_queue_finish (McDemoQueue *q, GError **error);
void         mc_demo_queue_free   (McDemoQueue *q);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McDemoQueue, mc_demo_queue_free)

/* The demo's row writer, shared by mc-demo.c and the queue's history: binds
 * each parameter of `sql` from `args`, a type then a value — 's' or 'z' text
 * (NULL binds NULL), 'i' an integer, 'I' an integer or NULL when 0 — and
 * steps it once. */
gboolean mc_demo_exec_valist (McDb *db, const char *sql, GError **error, va_list args);

G_END_DECLS
