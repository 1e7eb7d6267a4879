/* mc-board-draw-private.h — what the liveboard's drawing files share
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * mc-board-draw.c draws the frame (header, clock, ticker, page turns) and
 * is the public entry; mc-board-text.c fits and caches the texts,
 * mc-board-table.c draws the scrolling lists and mc-board-pages.c the four
 * pages. Nothing here is for use outside src/board.
 */
#pragma once

#include <pango/pango.h>

#include "mc-board-draw.h"

G_BEGIN_DECLS

#define TRANSITION_SECONDS 0.8    /* a page turn */

struct _McBoardCache
{
  PangoContext       *context;
  GHashTable         *layouts;  /* key → CacheEntry */
  GQueue              recent;   /* most recently used first */
  cairo_t            *scratch;  /* 1×1: what the preparing pass paints on */
  /* What prepare_ahead has done, so that it does not walk it each frame. */
  const McBoardModel *prepared_model;
  int                 prepared_width, prepared_height;
  int                 prepared_next;         /* the page after the current one, laid out; -1: none */
  int                 looked_ahead_page;
  double              looked_ahead_at;       /* frame.elapsed of the last look-ahead */
};

typedef struct { double r, g, b; } Rgb;

static const Rgb navy = { 0.051, 0.231, 0.400 };
static const Rgb navy_dark = { 0.031, 0.165, 0.298 };
static const Rgb accent = { 1.0, 0.820, 0.400 };
static const Rgb white = { 1, 1, 1 };
static const Rgb paper = { 0.949, 0.957, 0.973 };
static const Rgb zebra = { 0.894, 0.918, 0.953 };
static const Rgb head_row = { 0.808, 0.855, 0.925 };
static const Rgb ink = { 0.106, 0.106, 0.125 };
static const Rgb ink_soft = { 0.267, 0.329, 0.416 };
static const Rgb green = { 0.180, 0.490, 0.196 };
static const Rgb amber = { 0.878, 0.600, 0.000 };
static const Rgb red = { 0.776, 0.157, 0.157 };
static const Rgb header_soft = { 0.780, 0.840, 0.910 };

typedef enum { ALIGN_LEFT, ALIGN_CENTER, ALIGN_RIGHT } Align;

typedef struct {
  double   size;       /* px at s = 1 */
  gboolean bold;
  Align    align;
  int      max_lines;
  double   min_scale;  /* shrink at most to this before ellipsizing */
} Style;

typedef struct {
  cairo_t            *cr;
  const McBoardModel *model;
  McBoardCache       *cache;
  McTime              clock;      /* the time the header shows */
  gboolean            preparing;  /* lay out only, within deadline */
  gint64              deadline;
  gboolean            out_of_time;
  double              w, h, s;
  gboolean            portrait;
  gboolean            narrow;     /* the pages' width is small: portrait, or beside the calling panel */
  GArray             *boxes;
  McBoardRect         clip;   /* what shows now, for the boxes reported */
} Ctx;

/* A table column: share of the width, heading, alignment. */
typedef struct {
  double      share;
  const char *title;
  Align       align;
  int         lines;  /* a long procedure name wraps rather than shrinks */
  gboolean    bold;
} Column;

typedef struct {
  McBoardRect header, title_bar, body, footer;
  McBoardRect calls;  /* the calling panel; empty without a queue */
} Frame;

/* Tables that scroll */

typedef struct {
  double row_h, head_h;
  double view_h;      /* rows area */
  double content_h;
} TableGeometry;

typedef void (*CellText) (const McBoardModel *m, guint row, guint column, char **text);

typedef struct {
  const Column *columns;
  guint         n_columns;
  guint         n_rows;
  CellText      cell;
  /* Portrait: two lines per row, (line, column index) pairs. */
  const int    *narrow_line1;
  const int    *narrow_line2;
  guint         narrow_n1, narrow_n2;
} Table;

/* Geometry helpers */

static inline McBoardRect
rect (double x, double y, double w, double h)
{
  return (McBoardRect) { x, y, MAX (w, 0), MAX (h, 0) };
}

static inline McBoardRect
inset (McBoardRect r, double dx, double dy)
{
  return rect (r.x + dx, r.y + dy, r.width - 2 * dx, r.height - 2 * dy);
}

static inline McBoardRect
intersect (McBoardRect a, McBoardRect b)
{
  double x0 = MAX (a.x, b.x), y0 = MAX (a.y, b.y);
  double x1 = MIN (a.x + a.width, b.x + b.width), y1 = MIN (a.y + a.height, b.y + b.height);

  return rect (x0, y0, x1 - x0, y1 - y0);
}

static inline void
set_color (cairo_t *cr, Rgb c)
{
  cairo_set_source_rgb (cr, c.r, c.g, c.b);
}

/* mc-board-text.c: texts fitted to their box, laid out once */

void          mc_board_cache_free     (McBoardCache *cache);
McBoardCache *mc_board_get_cache      (const McBoardModel *model);
void          mc_board_logical_size   (PangoLayout *layout, double *width, double *height);
PangoLayout  *mc_board_cached_layout  (Ctx *c, const char *text, const Style *st, double box_w, double box_h);
void          mc_board_draw_text      (Ctx *c, const char *text, const Style *st, McBoardRect box, Rgb color);

/* mc-board-draw.c: fills and clips, the frame */

void          mc_board_fill_rect      (Ctx *c, McBoardRect r, Rgb color);
void          mc_board_fill_around    (Ctx *c, McBoardRect outer, McBoardRect inner, Rgb color);
void          mc_board_push_clip      (Ctx *c, McBoardRect r, McBoardRect *saved);
void          mc_board_pop_clip       (Ctx *c, McBoardRect saved);
Frame         mc_board_frame_layout   (Ctx *c);

/* mc-board-table.c: lists that scroll */

TableGeometry mc_board_table_geometry (Ctx *c, const Table *t, McBoardRect r);
double        mc_board_scroll_seconds (double distance, double row_h, double page_seconds);
double        mc_board_scroll_offset  (double distance, double row_h, double into, double duration);
void          mc_board_draw_table     (Ctx *c, const Table *t, McBoardRect r, double into, double duration,
                                       const char *empty);

/* mc-board-calls.c: the calling panel */

void          mc_board_draw_calls     (Ctx *c, McBoardRect r);

/* mc-board-pages.c: the four pages */

double        mc_board_page_duration  (Ctx *c, McBoardPage page);
void          mc_board_draw_page      (Ctx *c, McBoardPage page, McBoardRect title_bar, McBoardRect body,
                                       double into, double duration);

G_END_DECLS
