/* mc-board-table.c — the liveboard's lists: tables whose rows scroll
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list longer than its area holds still for SCROLL_HOLD_SECONDS, scrolls
 * to its end at a reading speed, holds again and then lets the page turn:
 * its page stays up as long as that takes, at most PAGE_MAX_SECONDS (the
 * list scrolls faster when it would take longer).
 */
#include "config.h"

#include <math.h>

#include "mc-board-draw-private.h"

#define SCROLL_HOLD_SECONDS 3.0
#define PAGE_MAX_SECONDS 120.0

/* Narrow pages (portrait, or beside the calling panel) give lists with long texts two lines per row. */
static gboolean
is_narrow (Ctx *c, const Table *t)
{
  return c->narrow && t->narrow_line1 != NULL;
}

TableGeometry
mc_board_table_geometry (Ctx *c, const Table *t, McBoardRect r)
{
  TableGeometry g;

  g.head_h = is_narrow (c, t) ? 0 : 62 * c->s;
  g.row_h = (is_narrow (c, t) ? 118 : 78) * c->s;
  g.view_h = r.height - g.head_h;
  g.content_h = t->n_rows * g.row_h;
  return g;
}

/* Pixels per second and the seconds a scrolling page needs. */
static double
scroll_speed (double row_h)
{
  return row_h / 1.3;
}

double
mc_board_scroll_seconds (double distance, double row_h, double page_seconds)
{
  double needed;

  if (distance <= 0)
    return page_seconds;
  needed = 2 * SCROLL_HOLD_SECONDS + distance / scroll_speed (row_h) + TRANSITION_SECONDS;
  return CLAMP (needed, page_seconds, MAX (page_seconds, PAGE_MAX_SECONDS));
}

double
mc_board_scroll_offset (double distance, double row_h, double into, double duration)
{
  double travel = duration - 2 * SCROLL_HOLD_SECONDS - TRANSITION_SECONDS;
  double speed = MAX (scroll_speed (row_h), distance / MAX (travel, 1));

  if (distance <= 0)
    return 0;
  return CLAMP ((into - SCROLL_HOLD_SECONDS) * speed, 0, distance);
}

static void
draw_row_cells (Ctx *c, const Table *t, guint row, const int *cols, guint n, McBoardRect line,
                const Style *st, gboolean wide)
{
  double total = 0, x = line.x;

  for (guint k = 0; k < n; k++)
    total += t->columns[cols[k]].share;
  for (guint k = 0; k < n; k++)
    {
      const Column *col = &t->columns[cols[k]];
      double cw = line.width * col->share / total;
      g_autofree char *text = NULL;
      Style s = *st;

      s.align = col->align;
      if (wide)
        {
          s.bold = col->bold;
          s.max_lines = MAX (col->lines, 1);
          if (s.max_lines > 1)
            s.size *= 0.9;
        }
      t->cell (c->model, row, cols[k], &text);
      mc_board_draw_text (c, text, &s, inset (rect (x, line.y, cw, line.height), 10 * c->s, 4 * c->s), ink);
      x += cw;
    }
}

void
mc_board_draw_table (Ctx *c, const Table *t, McBoardRect r, double into, double duration, const char *empty)
{
  static const Style head = { 23, TRUE, ALIGN_LEFT, 2, 0.75 };
  static const Style cell = { 28, FALSE, ALIGN_LEFT, 1, 0.8 };
  static const Style narrow1 = { 32, TRUE, ALIGN_LEFT, 1, 0.7 };
  static const Style narrow2 = { 25, FALSE, ALIGN_LEFT, 1, 0.7 };
  TableGeometry g = mc_board_table_geometry (c, t, r);
  McBoardRect rows = rect (r.x, r.y + g.head_h, r.width, g.view_h), saved;
  double offset = mc_board_scroll_offset (g.content_h - g.view_h, g.row_h, into, duration);

  if (!is_narrow (c, t))
    {
      double x = r.x;
      mc_board_fill_rect (c, rect (r.x, r.y, r.width, g.head_h), head_row);
      for (guint k = 0; k < t->n_columns; k++)
        {
          double cw = r.width * t->columns[k].share;
          Style s = head;
          s.align = t->columns[k].align;
          mc_board_draw_text (c, t->columns[k].title, &s, inset (rect (x, r.y, cw, g.head_h), 10 * c->s, 3 * c->s),
                              navy_dark);
          x += cw;
        }
    }
  if (t->n_rows == 0)
    {
      mc_board_fill_rect (c, rows, paper);
      mc_board_draw_text (c, empty, &(Style) { 32, FALSE, ALIGN_CENTER, 2, 0.7 }, inset (rows, 40 * c->s, 40 * c->s),
                          ink_soft);
      return;
    }
  mc_board_push_clip (c, rows, &saved);
  {
    guint first = (guint) MAX (0, floor (offset / g.row_h));
    double end = rows.y + t->n_rows * g.row_h - offset;

    if (end < rows.y + rows.height)  /* the rows fill the rest */
      mc_board_fill_rect (c, rect (r.x, end, r.width, rows.y + rows.height - end), paper);
    for (guint i = first; i < t->n_rows; i++)
      {
        double y = rows.y + i * g.row_h - offset;
        McBoardRect line = rect (r.x, y, r.width, g.row_h);

        if (y >= rows.y + rows.height)
          break;
        mc_board_fill_rect (c, line, i % 2 ? zebra : white);
        if (!is_narrow (c, t))
          {
            int all[16];
            for (guint k = 0; k < t->n_columns && k < G_N_ELEMENTS (all); k++)
              all[k] = (int) k;
            draw_row_cells (c, t, i, all, t->n_columns, line, &cell, TRUE);
            continue;
          }
        line = inset (line, 8 * c->s, 6 * c->s);
        draw_row_cells (c, t, i, t->narrow_line1, t->narrow_n1, rect (line.x, line.y, line.width, line.height * 0.55),
                        &narrow1, FALSE);
        draw_row_cells (c, t, i, t->narrow_line2, t->narrow_n2,
                        rect (line.x, line.y + line.height * 0.55, line.width, line.height * 0.45), &narrow2, FALSE);
      }
  }
  mc_board_pop_clip (c, saved);
}

