/* mc-queue-rating.h — the citizen's rating of a ticket's service, and what
 * the counter display shows (issue 18 item 4)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-queue.h"

G_BEGIN_DECLS

/* The five levels of satisfaction, 1 Rất không hài lòng … 5 Rất hài lòng:
 * those of the evaluation report (mc_evaluation_level_title) and of the
 * public-service satisfaction surveys (mc-queue-rating.c cites them). */
#define MC_QUEUE_RATING_LEVELS 5

/* How long the counter display asks for a rating once the ticket is done
 * before it returns to idle. */
#define MC_QUEUE_RATING_SECONDS 60

/* The level's words ("Rất hài lòng"), translated; "" outside 1–5. */
const char     *mc_queue_rating_level_label (int level);

/* The citizen rates the service of a ticket that is done, on the day of
 * `at`, once: `level` 1–5. Needs nobody (the display is an unattended
 * machine, as the kiosk is). The dossiers whose result was handed back under
 * the ticket get the level as their rating unless already rated (migration
 * 19's trigger). Refusals in Vietnamese name the ticket. */
gboolean        mc_queue_rate               (McQueue *self, gint64 ticket_id, int level, McTime at, GError **error);
/* The ticket's level, 0 when not rated, -1 on an error. */
int             mc_queue_get_rating         (McQueue *self, gint64 ticket_id, GError **error);
/* The codes of the dossiers that took their rating from the ticket's. */
GPtrArray      *mc_queue_rated_dossiers     (McQueue *self, gint64 ticket_id, GError **error);
/* The ticket numbered `label` ("A025", any case) on `day`; NOT_FOUND. */
McQueueTicket  *mc_queue_find_ticket        (McQueue *self, const char *label, McDate day, GError **error);

/* "Mời đánh giá" at the counter: its current ticket (called or being
 * served) is done now — served from its call when nobody marked it — so
 * the counter display asks the citizen's rating. A reception clerk's. */
McQueueTicket  *mc_queue_invite_rating      (McQueue *self, int counter, McTime at, GError **error);

typedef enum {
  MC_QUEUE_DISPLAY_IDLE,     /* no ticket at the counter */
  MC_QUEUE_DISPLAY_SERVING,  /* a ticket called or being served */
  MC_QUEUE_DISPLAY_RATING,   /* the last ticket done less than MC_QUEUE_RATING_SECONDS ago, not rated */
} McQueueDisplayMode;

/* What the display above counter `counter` shows at `at`: the counter's
 * ticket called last today, by its state. *ticket (may be NULL) is set for
 * SERVING and RATING. */
McQueueDisplayMode mc_queue_display_mode    (McQueue *self, int counter, McTime at, McQueueTicket **ticket,
                                             GError **error);

G_END_DECLS
