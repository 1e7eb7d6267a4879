/* mc-queue-board.h — what the lobby board shows of the queue: the last call
 * at each counter and today's waiting in figures
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Public like the liveboard: tickets and counters only, no name, so no one
 * needs to be signed in (the board's PostgreSQL login, motcua_board, may
 * read the queue's tables). Every read is bounded by the day and by the
 * counters: the board reads what it shows.
 */
#pragma once

#include "mc-db.h"
#include "mc-queue-ticket.h"
#include "mc-time.h"

G_BEGIN_DECLS

/* A counter's last call: the ticket it called last today (a recall moves
 * called_at and raises calls; a ticket transferred away and waiting again
 * is no longer the counter's call). */
typedef struct {
  gint64        ticket_id;
  char         *label;      /* "A025", "1025" */
  int           counter;    /* quầy số */
  McTime        called_at;  /* the last call */
  int           calls;      /* 1 at the first call, +1 at each recall or call elsewhere */
  McQueueState  state;
} McQueueCall;

McQueueCall *mc_queue_call_copy (const McQueueCall *call);
void         mc_queue_call_free (McQueueCall *call);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (McQueueCall, mc_queue_call_free)

/* The last call of each active counter on local day `day`, newest first
 * (by the last call, then the ticket), at most `limit` (McQueueCall*).
 * Counters that called nobody that day are not listed. */
GPtrArray *mc_queue_board_calls   (McDb *db, McDate day, guint limit, GError **error);

/* Today's queue in figures for the board. */
typedef struct {
  int    counters;  /* active counters: 0 when the center runs no queue */
  int    waiting;   /* tickets of the day waiting now */
  int    called;    /* tickets of the day called at least once */
  double wait_avg;  /* seconds from taking to the first call over those; -1 if none */
} McQueueBoardSummary;

gboolean   mc_queue_board_summary (McDb *db, McDate day, McQueueBoardSummary *summary, GError **error);

G_END_DECLS
