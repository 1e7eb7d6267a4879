/* mc-board-announcer.h — the liveboard says each new call aloud, offline
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Follows the board's models: each call or recall it has not seen is queued
 * and said in the order called (mc_speech_call_ticket: the chime, then "Mời
 * công dân có số thứ tự … đến quầy số …", from the center's clips or
 * espeak-ng), one at a time through GStreamer, never two at once. Volume and
 * a quiet period (lunch) are this PC's settings; in the quiet period the
 * calls are shown, not said. Without a sound output the board goes on and
 * says so once in its log. Needs no GTK.
 */
#pragma once

#include "mc-board-model.h"
#include "mc-spoken.h"

G_BEGIN_DECLS

/* A call is said only if the board sees it within this many seconds of its
 * time: a board that was off or offline does not read out a backlog. */
#define MC_BOARD_CALL_STALE_SECONDS 60

typedef McTime (*McBoardClock) (gpointer data);

#define MC_TYPE_BOARD_ANNOUNCER (mc_board_announcer_get_type ())
G_DECLARE_FINAL_TYPE (McBoardAnnouncer, mc_board_announcer, MC, BOARD_ANNOUNCER, GObject)

McBoardAnnouncer *mc_board_announcer_new        (void);
/* 0–100 (default 80): the next sound's and the one playing. */
void              mc_board_announcer_set_volume (McBoardAnnouncer *self, int percent);
int               mc_board_announcer_get_volume (McBoardAnnouncer *self);
void              mc_board_announcer_set_quiet  (McBoardAnnouncer *self, int from_minute, int to_minute);
/* The center's recorded clips (NULL or "": espeak-ng) and reading style. */
void              mc_board_announcer_set_voice  (McBoardAnnouncer *self, const char *clips_dir, McSpokenStyle style);
/* FALSE: nothing is said (the board's "mute"). */
void              mc_board_announcer_set_enabled (McBoardAnnouncer *self, gboolean enabled);
/* Where the sound goes, as a gst-launch description: NULL for the PC's
 * output (autoaudiosink); a test gives "wavenc ! filesink location=…" or
 * "fakesink sync=true". */
void              mc_board_announcer_set_sink   (McBoardAnnouncer *self, const char *description);
/* The time the quiet period is checked against (tests); NULL: the clock. */
void              mc_board_announcer_set_clock  (McBoardAnnouncer *self, McBoardClock clock, gpointer data);

/* The board's new model: the calls it shows that are newer than those of
 * the models before (a recall raises a call's count) are queued, oldest
 * first. The first model only tells what was there before the board. */
void              mc_board_announcer_follow     (McBoardAnnouncer *self, const McBoardModel *model);
/* Queues one announcement; FALSE when it is not to be said (disabled, or
 * the quiet period). */
gboolean          mc_board_announcer_say        (McBoardAnnouncer *self, const char *label, int counter);
/* Announcements queued or playing. */
guint             mc_board_announcer_get_pending (McBoardAnnouncer *self);
/* FALSE once a sound could not be played (no output device): later calls
 * are still tried, and the log said it once. */
gboolean          mc_board_announcer_has_output (McBoardAnnouncer *self);

G_END_DECLS
