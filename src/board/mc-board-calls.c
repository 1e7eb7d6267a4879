/* mc-board-calls.c — the liveboard's calling panel: each counter's last call
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Beside the pages on a landscape screen, above them on a portrait one, and
 * only where the center runs a queue (an active counter): a citizen holding
 * ticket A025 looks for it from across the hall, so the newest call is the
 * largest text of the board, on the accent colour, and blinks for
 * MC_BOARD_CALL_BLINK_SECONDS after each call or recall; below it the other
 * counters' last calls, newest first. Tickets and counters only: no name.
 * The blinking follows frame.elapsed (twice a second), so a frame is a pure
 * function of the model and its frame like the rest of the board.
 */
#include "config.h"

#include <math.h>

#include "mc-board-draw-private.h"
#include "mc-format.h"

/* On (the call's colours inverted) during the first half of each half-second. */
static gboolean
blink_on (Ctx *c, const McQueueCall *call)
{
  return mc_board_call_blinking (call, c->clock) && fmod (MAX (c->model->frame.elapsed, 0), 0.5) < 0.25;
}

static char *
counter_text (int counter)
{
  return g_strdup_printf ("Quầy %d", counter);
}

/* The newest call: the number and its counter on one band. */
static void
draw_newest (Ctx *c, McBoardRect r)
{
  static const Style number = { 132, TRUE, ALIGN_RIGHT, 1, 0.3 };
  static const Style counter = { 64, TRUE, ALIGN_LEFT, 1, 0.4 };
  static const Style arrow = { 64, TRUE, ALIGN_CENTER, 1, 0.4 };
  static const Style empty = { 34, FALSE, ALIGN_CENTER, 2, 0.6 };
  const McQueueCall *call = c->model->calls->len ? c->model->calls->pdata[0] : NULL;
  gboolean on = call != NULL && blink_on (c, call);
  Rgb back = on ? navy : accent, front = on ? accent : navy_dark;
  McBoardRect in = inset (r, 24 * c->s, 10 * c->s);
  g_autofree char *where = NULL;

  mc_board_fill_rect (c, r, call ? back : paper);
  if (call == NULL)
    {
      mc_board_draw_text (c, "Chưa gọi số nào hôm nay", &empty, in, ink_soft);
      return;
    }
  where = counter_text (call->counter);
  /* Number, arrow and counter kept together in the middle of the band. */
  mc_board_draw_text (c, call->label, &number, rect (in.x, in.y, in.width * 0.5, in.height), front);
  mc_board_draw_text (c, "→", &arrow, rect (in.x + in.width * 0.5, in.y, in.width * 0.11, in.height), front);
  mc_board_draw_text (c, where, &counter, rect (in.x + in.width * 0.61, in.y, in.width * 0.39, in.height), front);
}

static void
draw_call_row (Ctx *c, const McQueueCall *call, McBoardRect line, guint index)
{
  static const Style number = { 56, TRUE, ALIGN_LEFT, 1, 0.4 };
  static const Style counter = { 44, TRUE, ALIGN_RIGHT, 1, 0.4 };
  gboolean on = blink_on (c, call);
  g_autofree char *where = counter_text (call->counter);
  McBoardRect in = inset (line, 24 * c->s, 6 * c->s);
  Rgb front = on ? navy_dark : navy;

  mc_board_fill_rect (c, line, on ? accent : index % 2 ? zebra : white);
  mc_board_draw_text (c, call->label, &number, rect (in.x, in.y, in.width * 0.55, in.height), front);
  mc_board_draw_text (c, where, &counter, rect (in.x + in.width * 0.55, in.y, in.width * 0.45, in.height), front);
}

/* The other counters' calls, in `columns` columns filled top to bottom. */
static void
draw_others (Ctx *c, McBoardRect r, guint columns)
{
  const GPtrArray *calls = c->model->calls;
  double row_h = 92 * c->s, col_w = r.width / columns;
  guint per_column = (guint) MAX (floor (r.height / row_h), 0);
  guint shown = 0;

  mc_board_fill_rect (c, r, paper);
  for (guint i = 1; i < calls->len && per_column > 0; i++, shown++)
    {
      guint col = shown / per_column, line = shown % per_column;
      if (col >= columns)
        break;
      draw_call_row (c, calls->pdata[i], rect (r.x + col * col_w, r.y + line * row_h, col_w, row_h),
                     line + col);
    }
}

/* "Đang chờ: 12 · Chờ trung bình hôm nay: 9 phút" */
static char *
summary_text (const McQueueBoardSummary *q)
{
  g_autofree char *waiting = mc_format_count ((guint) MAX (q->waiting, 0));
  long minutes = q->wait_avg >= 0 ? lround (q->wait_avg / 60) : -1;

  if (minutes < 0)
    return g_strdup_printf ("Đang chờ: %s", waiting);
  if (minutes == 0)
    return g_strdup_printf ("Đang chờ: %s · Chờ trung bình hôm nay: dưới 1 phút", waiting);
  return g_strdup_printf ("Đang chờ: %s · Chờ trung bình hôm nay: %ld phút", waiting, minutes);
}

void
mc_board_draw_calls (Ctx *c, McBoardRect r)
{
  static const Style title = { 34, TRUE, ALIGN_LEFT, 1, 0.6 };
  static const Style summary = { 24, FALSE, ALIGN_LEFT, 2, 0.7 };
  double title_h = (c->portrait ? 70 : 84) * c->s, footer_h = 64 * c->s;
  double newest_h = MIN ((c->portrait ? 190 : 220) * c->s, r.height * 0.45);
  McBoardRect band = rect (r.x, r.y, r.width, title_h);
  McBoardRect newest = rect (r.x, r.y + title_h, r.width, newest_h);
  McBoardRect footer = rect (r.x, r.y + r.height - footer_h, r.width, footer_h);
  McBoardRect others = rect (r.x, newest.y + newest_h, r.width, footer.y - newest.y - newest_h);
  g_autofree char *figures = summary_text (&c->model->queue);

  if (r.width < 2 || r.height < title_h + footer_h)
    {
      mc_board_fill_rect (c, r, paper);
      return;
    }
  mc_board_fill_rect (c, band, navy_dark);
  mc_board_draw_text (c, "MỜI CÔNG DÂN CÓ SỐ THỨ TỰ", &title, inset (band, 24 * c->s, 8 * c->s), accent);
  draw_newest (c, newest);
  draw_others (c, others, c->portrait ? 2 : 1);
  mc_board_fill_rect (c, footer, head_row);
  mc_board_draw_text (c, figures, &summary, inset (footer, 24 * c->s, 6 * c->s), navy_dark);
}
