/* mc-queue-private.h — what the queue's source files (mc-queue.c,
 * mc-queue-setup.c, mc-queue-dossier.c) share and nothing else needs
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-queue.h"
#include "mc-sql.h"

G_BEGIN_DECLS

/* Sets `code` and the (already translated) message; returns FALSE. */
gboolean    mc_queue_fail          (GError **error, McQueueError code, const char *message);
/* The Vietnam-time day of `at` as YYYY-MM-DD: tickets are numbered per day. */
char       *mc_queue_day_of        (McTime at);
/* A text column, "" for NULL. */
const char *mc_queue_column_text   (McSqlStmt *stmt, int i);
/* One UPDATE of a ticket, in the caller's transaction: `set` is the SET
 * clause, binding ?1 = at, ?2 = the ticket, ?3 = the actor, ?4 = `counter_id`
 * (a counter, or a service for a transfer). */
gboolean    mc_queue_update_ticket (McQueue *self, const char *set, gint64 ticket_id, McTime at, gint64 counter_id,
                                    GError **error);

G_END_DECLS
