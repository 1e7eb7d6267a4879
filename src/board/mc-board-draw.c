/* mc-board-draw.c — the liveboard as one pure drawing function
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Read from five metres: the smallest text is 22 px at 1080 lines and every
 * size scales with the screen (s = 1 at 1920×1080, 2 at 3840×2160, 1 for a
 * portrait 1080×1920). Each text goes through fit_layout, which measures it
 * with Pango and shrinks it (down to min_scale) and then ellipsizes it, so a
 * long procedure name can never run into the next column.
 *
 * The layouts are kept between frames in model->cache: a frame at 60 Hz
 * redraws the same few dozen strings, and shaping them again would cost more
 * than painting them (bench/bench-board). A text seen for the first time
 * costs a shaping and, when it is shrunk, a font at a new size: after each
 * frame, prepare_ahead spends at most PREPARE_BUDGET_US laying out what the
 * next frames will show (the rows about to scroll in, the next page, the
 * next second's clock), so the frame that turns a page finds its layouts
 * ready.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "mc-board-draw.h"
#include "mc-format.h"

#define FONT_FAMILY "Liberation Sans, DejaVu Sans"
#define CACHE_LIMIT 3000          /* layouts; the least recently used go first */
#define PREPARE_BUDGET_US 1000    /* a frame's time for laying out what comes next */
#define LOOK_AHEAD_SECONDS 3.0    /* rows that scroll in within this are prepared */
#define SIZE_STEP 0.25            /* px: the sizes a shrunk text takes */
#define TRANSITION_SECONDS 0.8
#define SCROLL_HOLD_SECONDS 3.0
#define PAGE_MAX_SECONDS 120.0

typedef struct {
  PangoLayout *layout;
  GList        link;  /* in McBoardCache.recent, data: the key */
} CacheEntry;

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

/* Cache */

void mc_board_cache_free (McBoardCache *cache);

void
mc_board_cache_free (McBoardCache *cache)
{
  if (cache == NULL)
    return;
  g_object_unref (cache->context);
  g_hash_table_unref (cache->layouts);  /* the queue's links are in its entries */
  cairo_destroy (cache->scratch);
  g_free (cache);
}

static void
cache_entry_free (gpointer data)
{
  CacheEntry *entry = data;

  g_object_unref (entry->layout);
  g_free (entry);
}

/* Unhinted metrics: a text measures the same at every scale, so a layout
 * that fits at 1920×1080 fits at 3840×2160 too. */
static McBoardCache *
cache_new (void)
{
  McBoardCache *cache = g_new0 (McBoardCache, 1);
  cairo_font_options_t *options = cairo_font_options_create ();

  cache->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_SLIGHT);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (cache->context, options);
  cairo_font_options_destroy (options);
  cache->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, cache_entry_free);
  g_queue_init (&cache->recent);
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1, 1);
    cache->scratch = cairo_create (surface);
    cairo_surface_destroy (surface);
  }
  cache->prepared_next = -1;
  cache->looked_ahead_page = -1;
  return cache;
}

static PangoLayout *
cache_lookup (McBoardCache *cache, const char *key)
{
  CacheEntry *entry = g_hash_table_lookup (cache->layouts, key);

  if (entry == NULL)
    return NULL;
  g_queue_unlink (&cache->recent, &entry->link);
  g_queue_push_head_link (&cache->recent, &entry->link);
  return entry->layout;
}

static void
cache_insert (McBoardCache *cache, char *key, PangoLayout *layout)
{
  CacheEntry *entry = g_new0 (CacheEntry, 1);

  entry->layout = layout;
  entry->link.data = key;
  g_hash_table_insert (cache->layouts, key, entry);
  g_queue_push_head_link (&cache->recent, &entry->link);
  while (cache->recent.length > CACHE_LIMIT)
    {
      GList *oldest = g_queue_pop_tail_link (&cache->recent);
      g_hash_table_remove (cache->layouts, oldest->data);
    }
}

static McBoardCache *
get_cache (const McBoardModel *model)
{
  /* The cache memoizes layouts; it changes nothing the drawing depends on. */
  McBoardModel *m = (McBoardModel *) model;

  if (m->cache == NULL)
    m->cache = cache_new ();
  return m->cache;
}

/* Geometry helpers */

static McBoardRect
rect (double x, double y, double w, double h)
{
  return (McBoardRect) { x, y, MAX (w, 0), MAX (h, 0) };
}

static McBoardRect
inset (McBoardRect r, double dx, double dy)
{
  return rect (r.x + dx, r.y + dy, r.width - 2 * dx, r.height - 2 * dy);
}

static McBoardRect
intersect (McBoardRect a, McBoardRect b)
{
  double x0 = MAX (a.x, b.x), y0 = MAX (a.y, b.y);
  double x1 = MIN (a.x + a.width, b.x + b.width), y1 = MIN (a.y + a.height, b.y + b.height);

  return rect (x0, y0, x1 - x0, y1 - y0);
}

static void
set_color (cairo_t *cr, Rgb c)
{
  cairo_set_source_rgb (cr, c.r, c.g, c.b);
}

/* Backgrounds and clips are snapped to whole device pixels (no
 * antialiasing), so neighbouring fills tile exactly: each pixel of the
 * screen is filled once, without a background under the rows to blend
 * their edges with. At 3840×2160 a full-screen fill costs milliseconds. */
static void
fill_rect (Ctx *c, McBoardRect r, Rgb color)
{
  if (c->preparing)
    return;
  set_color (c->cr, color);
  cairo_set_antialias (c->cr, CAIRO_ANTIALIAS_NONE);
  cairo_rectangle (c->cr, r.x, r.y, r.width, r.height);
  cairo_fill (c->cr);
  cairo_set_antialias (c->cr, CAIRO_ANTIALIAS_DEFAULT);
}

/* The four strips of `outer` around `inner`, which its owner fills. */
static void
fill_around (Ctx *c, McBoardRect outer, McBoardRect inner, Rgb color)
{
  double inner_bottom = inner.y + inner.height, outer_bottom = outer.y + outer.height;

  fill_rect (c, rect (outer.x, outer.y, outer.width, inner.y - outer.y), color);
  fill_rect (c, rect (outer.x, inner_bottom, outer.width, outer_bottom - inner_bottom), color);
  fill_rect (c, rect (outer.x, inner.y, inner.x - outer.x, inner.height), color);
  fill_rect (c, rect (inner.x + inner.width, inner.y, outer.x + outer.width - inner.x - inner.width, inner.height),
             color);
}

static void
push_clip (Ctx *c, McBoardRect r, McBoardRect *saved)
{
  *saved = c->clip;
  c->clip = intersect (c->clip, r);
  cairo_save (c->cr);
  cairo_set_antialias (c->cr, CAIRO_ANTIALIAS_NONE);
  cairo_rectangle (c->cr, r.x, r.y, r.width, r.height);
  cairo_clip (c->cr);
  cairo_set_antialias (c->cr, CAIRO_ANTIALIAS_DEFAULT);
}

static void
pop_clip (Ctx *c, McBoardRect saved)
{
  cairo_restore (c->cr);
  c->clip = saved;
}

/* Text */

static PangoLayout *
make_layout (Ctx *c, const char *text, double px, gboolean bold, double width, int max_lines, Align align)
{
  PangoLayout *layout = pango_layout_new (c->cache->context);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_absolute_size (font, px * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) floor (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (layout, -MAX (max_lines, 1));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (layout, align == ALIGN_CENTER ? PANGO_ALIGN_CENTER :
                                          align == ALIGN_RIGHT ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
    }
  return layout;
}

static void
logical_size (PangoLayout *layout, double *width, double *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  *width = (double) logical.width / PANGO_SCALE;
  *height = (double) logical.height / PANGO_SCALE;
}

/* The text laid out at the style's own size `ref` in a box widened by
 * ref / px, which is how it lays out at `px`: the metrics are unhinted, so
 * a text scales with its size. Trying sizes this way loads no font for each
 * size tried (a font at a new size costs about a millisecond; shaping with
 * a loaded one a tenth of that). */
static PangoLayout *
probe_layout (Ctx *c, const char *text, const Style *st, double ref, double px, double box_w, double box_h,
              gboolean *fits, double *height)
{
  PangoLayout *layout = make_layout (c, text, ref, st->bold, box_w > 0 ? box_w * ref / px : -1, st->max_lines,
                                     st->align);
  double tw, th;

  logical_size (layout, &tw, &th);
  *height = th * px / ref;
  *fits = !pango_layout_is_ellipsized (layout) && *height <= box_h;
  return layout;
}

/* The largest size ≤ px at which the text fits the box on at most
 * max_lines lines; below min_scale it is ellipsized instead, and shrunk
 * further only if even one line is taller than the box. A shrunk text takes
 * a size on a SIZE_STEP grid, so that texts share their fonts. */
static PangoLayout *
fit_layout (Ctx *c, const char *text, const Style *st, double box_w, double box_h)
{
  double ref = st->size * c->s, px = ref, min_px = ref * st->min_scale, tw, th;
  gboolean fits, expect_fit;
  PangoLayout *layout;

  /* One line: the natural width gives the size at once. */
  if (st->max_lines <= 1 && box_w > 0)
    {
      layout = make_layout (c, text, ref, st->bold, -1, 1, st->align);
      logical_size (layout, &tw, &th);
      g_object_unref (layout);
      if (tw > box_w)
        px = MAX (min_px, ref * box_w / tw * 0.995);
    }
  for (;;)
    {
      layout = probe_layout (c, text, st, ref, px, box_w, box_h, &fits, &th);
      if (fits || px <= min_px)
        break;
      g_object_unref (layout);
      px = MAX (min_px, px * 0.92);
    }
  expect_fit = fits;
  while (th > box_h && px > 4)
    {
      g_object_unref (layout);
      px *= MAX (0.5, box_h / th * 0.98);
      layout = probe_layout (c, text, st, ref, px, box_w, box_h, &fits, &th);
    }
  if (px == ref)
    return layout;  /* the probe is the layout */
  g_object_unref (layout);
  /* At the size itself, glyph positions round to other pixels: check. */
  px = MAX (SIZE_STEP, floor (px / SIZE_STEP) * SIZE_STEP);
  for (int tries = 0;; tries++)
    {
      layout = make_layout (c, text, px, st->bold, box_w, st->max_lines, st->align);
      logical_size (layout, &tw, &th);
      if ((th <= box_h && (!expect_fit || !pango_layout_is_ellipsized (layout))) || px <= SIZE_STEP ||
          tries == 8)
        return layout;
      g_object_unref (layout);
      px -= SIZE_STEP;
    }
}

/* NULL only while preparing, when the frame's time for it is spent. */
static PangoLayout *
cached_layout (Ctx *c, const char *text, const Style *st, double box_w, double box_h)
{
  g_autofree char *key = g_strdup_printf ("%.2f|%d|%d|%d|%.2f|%.1f|%.1f|%s", st->size * c->s, st->bold,
                                          st->align, st->max_lines, st->min_scale, box_w, box_h, text);
  PangoLayout *layout = cache_lookup (c->cache, key);

  if (layout == NULL)
    {
      if (c->preparing && (c->out_of_time || g_get_monotonic_time () >= c->deadline))
        {
          c->out_of_time = TRUE;
          return NULL;
        }
      layout = fit_layout (c, text, st, box_w, box_h);
      cache_insert (c->cache, g_steal_pointer (&key), layout);
    }
  return layout;
}

static void
report_box (Ctx *c, McBoardRect cell, McBoardRect text, const char *content)
{
  McBoardTextBox box;
  McBoardRect visible = intersect (cell, c->clip);

  if (c->boxes == NULL || visible.width < 1 || visible.height < 1)
    return;
  box.cell = visible;
  box.text = intersect (text, c->clip);
  if (box.text.width <= 0 || box.text.height <= 0)  /* scrolled out of sight */
    box.text = rect (visible.x, visible.y, 0, 0);
  box.content = g_strdup (content);
  g_array_append_val (c->boxes, box);
}

static void
draw_text (Ctx *c, const char *text, const Style *st, McBoardRect box, Rgb color)
{
  PangoLayout *layout;
  PangoRectangle logical;
  double x, y, tw, th;

  if (text == NULL || *text == '\0' || box.width < 2 || box.height < 2)
    return;
  layout = cached_layout (c, text, st, box.width, box.height);
  if (c->preparing)
    return;
  pango_layout_get_extents (layout, NULL, &logical);
  tw = (double) logical.width / PANGO_SCALE;
  th = (double) logical.height / PANGO_SCALE;
  x = st->align == ALIGN_LEFT ? box.x : st->align == ALIGN_RIGHT ? box.x + box.width - tw
                                                                 : box.x + (box.width - tw) / 2;
  y = box.y + (box.height - th) / 2;
  set_color (c->cr, color);
  cairo_move_to (c->cr, x - (double) logical.x / PANGO_SCALE, y - (double) logical.y / PANGO_SCALE);
  pango_cairo_show_layout (c->cr, layout);
  report_box (c, box, rect (x, y, tw, th), text);
}

/* Formatting */

static char *
format_clock (McTime t)
{
  gint64 local = (t + MC_TIME_UTC_OFFSET) % 86400;

  if (local < 0)
    local += 86400;
  return g_strdup_printf ("%02d:%02d:%02d", (int) (local / 3600), (int) (local / 60 % 60), (int) (local % 60));
}

static char *
format_short_time (McTime t)
{
  int minute = mc_time_get_minute (t);
  g_autofree char *date = mc_format_date (mc_time_get_date (t));

  return g_strdup_printf ("%02d:%02d %s", minute / 60, minute % 60, date);
}

static char *
format_rate (guint part, guint whole)
{
  return whole ? mc_format_percent ((double) part / whole, 1) : g_strdup ("—");
}

/* Layout of the frame */

typedef struct {
  McBoardRect header, title_bar, body, footer;
} Frame;

static Frame
frame_layout (Ctx *c)
{
  Frame f;
  double header_h = (c->portrait ? 250 : 150) * c->s;
  double title_h = 84 * c->s, footer_h = 74 * c->s;

  f.header = rect (0, 0, c->w, header_h);
  f.title_bar = rect (0, header_h, c->w, title_h);
  f.footer = rect (0, c->h - footer_h, c->w, footer_h);
  f.body = rect (0, header_h + title_h, c->w, c->h - header_h - title_h - footer_h);
  return f;
}

static void
draw_status (Ctx *c, McBoardRect box)
{
  static const Style status = { 17, FALSE, ALIGN_RIGHT, 1, 0.8 };
  const McBoardModel *m = c->model;
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;
  double dot = 8 * c->s;

  when = format_clock (m->loaded_at);
  if (m->frame.offline)
    text = g_strdup_printf ("Mất kết nối dữ liệu, đang kết nối lại · số liệu lúc %s", when);
  else
    text = g_strdup_printf ("Cập nhật lúc %s", when);
  set_color (c->cr, m->frame.offline ? accent : header_soft);
  cairo_arc (c->cr, box.x + box.width - dot, box.y + box.height / 2, dot / 2, 0, 2 * G_PI);
  cairo_fill (c->cr);
  draw_text (c, text, &status, rect (box.x, box.y, box.width - 2.5 * dot, box.height),
             m->frame.offline ? accent : header_soft);
}

static void
draw_header (Ctx *c, McBoardRect r)
{
  static const Style unit = { 34, TRUE, ALIGN_LEFT, 1, 0.7 };
  static const Style title = { 30, TRUE, ALIGN_LEFT, 1, 0.6 };
  static const Style clock = { 60, TRUE, ALIGN_RIGHT, 1, 0.8 };
  static const Style date = { 25, FALSE, ALIGN_RIGHT, 1, 0.7 };
  const McBoardModel *m = c->model;
  g_autofree char *unit_upper = g_utf8_strup (m->unit_name, -1);
  g_autofree char *time_text = format_clock (c->clock);
  g_autofree char *date_text = mc_format_date_full (mc_time_get_date (c->clock));
  double pad = 28 * c->s;
  McBoardRect in = inset (r, pad, 12 * c->s);

  fill_rect (c, rect (r.x, r.y, r.width, r.height - 6 * c->s), navy);
  fill_rect (c, rect (r.x, r.y + r.height - 6 * c->s, r.width, 6 * c->s), accent);
  in.height -= 6 * c->s;
  if (c->portrait)
    {
      double row = in.height / 5;
      draw_text (c, unit_upper, &unit, rect (in.x, in.y, in.width, row * 1.2), white);
      draw_text (c, m->title, &title, rect (in.x, in.y + row * 1.2, in.width, row * 1.2), accent);
      draw_text (c, date_text, &(Style) { 25, FALSE, ALIGN_LEFT, 1, 0.7 },
                 rect (in.x, in.y + row * 2.6, in.width * 0.58, row * 1.6), white);
      draw_text (c, time_text, &clock, rect (in.x + in.width * 0.6, in.y + row * 2.4, in.width * 0.4, row * 1.9),
                 white);
      draw_status (c, rect (in.x, in.y + row * 4.3, in.width, row * 0.7));
      return;
    }
  {
    double right_w = MIN (520 * c->s, in.width * 0.4);
    double left_w = in.width - right_w - pad;
    double rx = in.x + in.width - right_w;

    draw_text (c, unit_upper, &unit, rect (in.x, in.y + in.height * 0.06, left_w, in.height * 0.42), white);
    draw_text (c, m->title, &title, rect (in.x, in.y + in.height * 0.52, left_w, in.height * 0.42), accent);
    draw_text (c, time_text, &clock, rect (rx, in.y, right_w, in.height * 0.5), white);
    draw_text (c, date_text, &date, rect (rx, in.y + in.height * 0.5, right_w, in.height * 0.28), white);
    draw_status (c, rect (rx, in.y + in.height * 0.78, right_w, in.height * 0.22));
  }
}

static void
draw_ticker (Ctx *c, McBoardRect r)
{
  static const Style label = { 26, TRUE, ALIGN_CENTER, 1, 0.7 };
  const McBoardModel *m = c->model;
  double label_w = (c->portrait ? 200 : 240) * c->s;
  McBoardRect lane = rect (r.x + label_w, r.y, r.width - label_w, r.height);
  g_autoptr(GString) text = g_string_new (NULL);
  PangoLayout *layout;
  double tw, th, speed = 110 * c->s, gap = 160 * c->s, offset, saved_x;
  McBoardRect saved;

  fill_rect (c, lane, navy_dark);
  fill_rect (c, rect (r.x, r.y, label_w, r.height), accent);
  draw_text (c, "THÔNG BÁO", &label, inset (rect (r.x, r.y, label_w, r.height), 12 * c->s, 6 * c->s), navy_dark);
  for (guint i = 0; i < m->announcements->len; i++)
    g_string_append_printf (text, "%s%s", i ? "        ●        " : "", (char *) m->announcements->pdata[i]);
  if (text->len == 0)
    return;
  layout = cached_layout (c, text->str, &(Style) { 30, FALSE, ALIGN_LEFT, 1, 1.0 }, -1, r.height);
  logical_size (layout, &tw, &th);
  offset = fmod (m->frame.elapsed * speed, tw + gap);
  saved_x = lane.x + 24 * c->s - offset;
  push_clip (c, lane, &saved);
  set_color (c->cr, white);
  for (double x = saved_x; x < lane.x + lane.width; x += tw + gap)
    {
      cairo_move_to (c->cr, x, r.y + (r.height - th) / 2);
      pango_cairo_show_layout (c->cr, layout);
    }
  pop_clip (c, saved);
}

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

/* Portrait screens give lists with long texts two lines per row. */
static gboolean
is_narrow (Ctx *c, const Table *t)
{
  return c->portrait && t->narrow_line1 != NULL;
}

static TableGeometry
table_geometry (Ctx *c, const Table *t, McBoardRect r)
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

static double
scroll_seconds (double distance, double row_h, double page_seconds)
{
  double needed;

  if (distance <= 0)
    return page_seconds;
  needed = 2 * SCROLL_HOLD_SECONDS + distance / scroll_speed (row_h) + TRANSITION_SECONDS;
  return CLAMP (needed, page_seconds, MAX (page_seconds, PAGE_MAX_SECONDS));
}

static double
scroll_offset (double distance, double row_h, double into, double duration)
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
      draw_text (c, text, &s, inset (rect (x, line.y, cw, line.height), 10 * c->s, 4 * c->s), ink);
      x += cw;
    }
}

static void
draw_table (Ctx *c, const Table *t, McBoardRect r, double into, double duration, const char *empty)
{
  static const Style head = { 23, TRUE, ALIGN_LEFT, 2, 0.75 };
  static const Style cell = { 28, FALSE, ALIGN_LEFT, 1, 0.8 };
  static const Style narrow1 = { 32, TRUE, ALIGN_LEFT, 1, 0.7 };
  static const Style narrow2 = { 25, FALSE, ALIGN_LEFT, 1, 0.7 };
  TableGeometry g = table_geometry (c, t, r);
  McBoardRect rows = rect (r.x, r.y + g.head_h, r.width, g.view_h), saved;
  double offset = scroll_offset (g.content_h - g.view_h, g.row_h, into, duration);

  if (!is_narrow (c, t))
    {
      double x = r.x;
      fill_rect (c, rect (r.x, r.y, r.width, g.head_h), head_row);
      for (guint k = 0; k < t->n_columns; k++)
        {
          double cw = r.width * t->columns[k].share;
          Style s = head;
          s.align = t->columns[k].align;
          draw_text (c, t->columns[k].title, &s, inset (rect (x, r.y, cw, g.head_h), 10 * c->s, 3 * c->s),
                     navy_dark);
          x += cw;
        }
    }
  if (t->n_rows == 0)
    {
      fill_rect (c, rows, paper);
      draw_text (c, empty, &(Style) { 32, FALSE, ALIGN_CENTER, 2, 0.7 }, inset (rows, 40 * c->s, 40 * c->s),
                 ink_soft);
      return;
    }
  push_clip (c, rows, &saved);
  {
    guint first = (guint) MAX (0, floor (offset / g.row_h));
    double end = rows.y + t->n_rows * g.row_h - offset;

    if (end < rows.y + rows.height)  /* the rows fill the rest */
      fill_rect (c, rect (r.x, end, r.width, rows.y + rows.height - end), paper);
    for (guint i = first; i < t->n_rows; i++)
      {
        double y = rows.y + i * g.row_h - offset;
        McBoardRect line = rect (r.x, y, r.width, g.row_h);

        if (y >= rows.y + rows.height)
          break;
        fill_rect (c, line, i % 2 ? zebra : white);
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
  pop_clip (c, saved);
}

/* Pages */

static const Column result_columns[] = {
  { 0.06, "STT", ALIGN_CENTER, 1, FALSE },
  { 0.21, "Họ và tên", ALIGN_LEFT, 1, TRUE },
  { 0.24, "Mã hồ sơ", ALIGN_LEFT, 1, FALSE },
  { 0.32, "Thủ tục hành chính", ALIGN_LEFT, 2, FALSE },
  { 0.17, "Có kết quả từ", ALIGN_RIGHT, 1, FALSE },
};
static const int result_line1[] = { 1, 4 };
static const int result_line2[] = { 2, 3 };

static void
result_cell (const McBoardModel *m, guint row, guint column, char **text)
{
  const McBoardResult *r = m->results->pdata[row];

  switch (column)
    {
    case 0: *text = g_strdup_printf ("%u", row + 1); break;
    case 1: *text = g_strdup (r->name); break;
    case 2: *text = g_strdup (r->code); break;
    case 3: *text = g_strdup (r->procedure); break;
    default: *text = format_short_time (r->ready_at); break;
    }
}

static const Column apology_columns[] = {
  { 0.19, "Họ và tên", ALIGN_LEFT, 1, TRUE },
  { 0.23, "Mã hồ sơ", ALIGN_LEFT, 1, FALSE },
  { 0.30, "Thủ tục hành chính", ALIGN_LEFT, 2, FALSE },
  { 0.14, "Ngày xin lỗi", ALIGN_RIGHT, 1, FALSE },
  { 0.14, "Hẹn trả lại", ALIGN_RIGHT, 1, FALSE },
};
static const int apology_line1[] = { 0, 3 };
static const int apology_line2[] = { 1, 2, 4 };

static void
apology_cell (const McBoardModel *m, guint row, guint column, char **text)
{
  const McBoardApology *a = m->apologies->pdata[row];

  switch (column)
    {
    case 0: *text = g_strdup (a->name); break;
    case 1: *text = g_strdup (a->code); break;
    case 2: *text = g_strdup (a->procedure); break;
    case 3: *text = mc_format_date (mc_time_get_date (a->issued_at)); break;
    default: *text = a->new_due_at ? mc_format_date (mc_time_get_date (a->new_due_at)) : g_strdup ("—"); break;
    }
}

static const Column field_columns[] = {
  { 0.34, "Lĩnh vực (năm nay)", ALIGN_LEFT, 2, FALSE },
  { 0.13, "Tiếp nhận", ALIGN_RIGHT, 1, FALSE },
  { 0.13, "Đã giải quyết", ALIGN_RIGHT, 1, FALSE },
  { 0.14, "Trước hạn, đúng hạn", ALIGN_RIGHT, 1, FALSE },
  { 0.12, "Quá hạn", ALIGN_RIGHT, 1, FALSE },
  { 0.14, "Đang giải quyết", ALIGN_RIGHT, 1, FALSE },
};

static char *
figure_text (const McBoardFigures *f, guint column)
{
  switch (column)
    {
    case 1: return mc_format_count (f->received);
    case 2: return mc_format_count (f->settled);
    case 3: return format_rate (f->early + f->on_time, f->settled);
    case 4: return mc_format_count (f->late);
    case 5: return mc_format_count (f->pending);
    default: return g_strdup (f->label);
    }
}

static void
field_cell (const McBoardModel *m, guint row, guint column, char **text)
{
  *text = figure_text (m->periods[MC_BOARD_YEAR].fields->pdata[row], column);
}

static Table
results_table (const McBoardModel *m)
{
  return (Table) { result_columns, G_N_ELEMENTS (result_columns), m->results->len, result_cell,
                   result_line1, result_line2, G_N_ELEMENTS (result_line1), G_N_ELEMENTS (result_line2) };
}

static Table
apologies_table (const McBoardModel *m)
{
  return (Table) { apology_columns, G_N_ELEMENTS (apology_columns), m->apologies->len, apology_cell,
                   apology_line1, apology_line2, G_N_ELEMENTS (apology_line1), G_N_ELEMENTS (apology_line2) };
}

/* In portrait the field table keeps its columns, narrower: six short figures
 * read better side by side than on two lines. */
static Table
fields_table (const McBoardModel *m)
{
  return (Table) { field_columns, G_N_ELEMENTS (field_columns), m->periods[MC_BOARD_YEAR].fields->len,
                   field_cell, NULL, NULL, 0, 0 };
}

static McBoardRect
page_area (Ctx *c, McBoardRect body)
{
  double pad = 28 * c->s;
  return inset (body, pad, 20 * c->s);
}

/* The statistics: a matrix of the five figures by period on top, the
 * fields of the year below. */
static double
summary_height (Ctx *c)
{
  return 6 * (c->portrait ? 70 : 64) * c->s;
}

static void
draw_summary (Ctx *c, McBoardRect r)
{
  static const char *const labels[] = { "Tiếp nhận", "Đã giải quyết", "Tỷ lệ trước hạn, đúng hạn",
                                        "Quá hạn", "Đang giải quyết" };
  static const guint columns[] = { 1, 2, 3, 4, 5 };
  static const Style head = { 28, TRUE, ALIGN_RIGHT, 1, 0.7 };
  static const Style label = { 28, FALSE, ALIGN_LEFT, 1, 0.7 };
  static const Style value = { 40, TRUE, ALIGN_RIGHT, 1, 0.7 };
  double row_h = r.height / 6, label_w = r.width * 0.34, col_w = (r.width - label_w) / 3;

  fill_rect (c, rect (r.x, r.y, r.width, row_h), navy);
  for (int p = 0; p < MC_BOARD_N_PERIODS; p++)
    draw_text (c, c->model->periods[p].title, &head,
               inset (rect (r.x + label_w + p * col_w, r.y, col_w, row_h), 14 * c->s, 4 * c->s), white);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      McBoardRect line = rect (r.x, r.y + (i + 1) * row_h, r.width, row_h);

      fill_rect (c, line, i % 2 ? zebra : white);
      draw_text (c, labels[i], &label, inset (rect (line.x, line.y, label_w, row_h), 14 * c->s, 4 * c->s), ink);
      for (int p = 0; p < MC_BOARD_N_PERIODS; p++)
        {
          g_autofree char *text = figure_text (&c->model->periods[p].total, columns[i]);
          Rgb color = columns[i] == 4 && c->model->periods[p].total.late > 0 ? red :
                      columns[i] == 3 ? green : navy_dark;
          draw_text (c, text, &value, inset (rect (r.x + label_w + p * col_w, line.y, col_w, row_h),
                                             14 * c->s, 4 * c->s), color);
        }
    }
}

static void
statistics_parts (Ctx *c, McBoardRect area, McBoardRect *summary, McBoardRect *fields)
{
  double sh = MIN (summary_height (c), area.height * 0.55);
  double gap = 24 * c->s;

  *summary = rect (area.x, area.y, area.width, sh);
  *fields = rect (area.x, area.y + sh + gap, area.width, area.height - sh - gap);
}

/* Department bars */

static double
department_row_height (Ctx *c, McBoardRect area, guint n)
{
  double preferred = (c->portrait ? 130 : 92) * c->s;
  return n ? CLAMP (area.height / n, (c->portrait ? 110 : 70) * c->s, preferred) : preferred;
}

static Rgb
rate_color (double rate)
{
  return rate >= 0.95 ? green : rate >= 0.8 ? amber : red;
}

static void
draw_department (Ctx *c, const McBoardDepartment *d, McBoardRect line)
{
  static const Style name = { 28, TRUE, ALIGN_LEFT, 2, 0.8 };
  static const Style value = { 28, TRUE, ALIGN_LEFT, 1, 0.7 };
  double rate = d->settled ? (double) d->in_time / d->settled : 0;
  g_autofree char *percent = format_rate (d->in_time, d->settled);
  g_autofree char *in_time = mc_format_count (d->in_time);
  g_autofree char *settled = mc_format_count (d->settled);
  g_autofree char *label = g_strdup_printf ("%s  (%s/%s)", percent, in_time, settled);
  McBoardRect name_box, bar_box, value_box;
  double value_w = (c->portrait ? 330 : 360) * c->s;

  if (c->portrait)
    {
      name_box = rect (line.x, line.y, line.width, line.height * 0.45);
      bar_box = rect (line.x, line.y + line.height * 0.5, line.width - value_w, line.height * 0.4);
    }
  else
    {
      double name_w = line.width * 0.32;
      name_box = rect (line.x, line.y, name_w, line.height);
      bar_box = rect (line.x + name_w + 16 * c->s, line.y + line.height * 0.2,
                      line.width - name_w - value_w - 32 * c->s, line.height * 0.6);
    }
  value_box = rect (bar_box.x + bar_box.width + 16 * c->s, bar_box.y, value_w - 16 * c->s, bar_box.height);
  draw_text (c, d->name, &name, inset (name_box, 0, 2 * c->s), ink);
  fill_rect (c, rect (bar_box.x, bar_box.y, bar_box.width * rate, bar_box.height), rate_color (rate));
  fill_rect (c, rect (bar_box.x + bar_box.width * rate, bar_box.y, bar_box.width * (1 - rate), bar_box.height),
             zebra);
  draw_text (c, label, &value, value_box, ink);
}

static void
draw_departments (Ctx *c, McBoardRect area, double into, double duration)
{
  const McBoardModel *m = c->model;
  guint n = m->departments->len;
  double row_h = department_row_height (c, area, n);
  double offset = scroll_offset (n * row_h - area.height, row_h, into, duration);
  McBoardRect saved;

  fill_rect (c, area, paper);
  if (n == 0)
    {
      draw_text (c, "Chưa có hồ sơ giải quyết xong trong năm", &(Style) { 32, FALSE, ALIGN_CENTER, 2, 0.7 },
                 inset (area, 40 * c->s, 40 * c->s), ink_soft);
      return;
    }
  push_clip (c, area, &saved);
  for (guint i = 0; i < n; i++)
    {
      McBoardRect line = rect (area.x, area.y + i * row_h - offset, area.width, row_h);
      if (line.y + line.height <= area.y || line.y >= area.y + area.height)
        continue;
      draw_department (c, m->departments->pdata[i], inset (line, 0, 8 * c->s));
    }
  pop_clip (c, saved);
}

/* Page timing */

static double
page_duration (Ctx *c, McBoardPage page)
{
  const McBoardModel *m = c->model;
  McBoardRect area = page_area (c, frame_layout (c).body);
  double base = MAX (m->frame.page_seconds, 3);

  switch (page)
    {
    case MC_BOARD_PAGE_RESULTS:
    case MC_BOARD_PAGE_APOLOGIES:
      {
        Table t = page == MC_BOARD_PAGE_RESULTS ? results_table (m) : apologies_table (m);
        TableGeometry g = table_geometry (c, &t, area);
        return scroll_seconds (g.content_h - g.view_h, g.row_h, base);
      }
    case MC_BOARD_PAGE_STATISTICS:
      {
        McBoardRect summary, fields;
        Table t = fields_table (m);
        TableGeometry g;
        statistics_parts (c, area, &summary, &fields);
        g = table_geometry (c, &t, fields);
        return scroll_seconds (g.content_h - g.view_h, g.row_h, base);
      }
    case MC_BOARD_PAGE_DEPARTMENTS:
    default:
      {
        double row_h = department_row_height (c, area, m->departments->len);
        return scroll_seconds (m->departments->len * row_h - area.height, row_h, base);
      }
    }
}

static McBoardPage
current_page (Ctx *c, double *into, double *duration)
{
  double durations[MC_BOARD_N_PAGES], cycle = 0, t;
  int page = c->model->frame.page;

  if (page >= 0 && page < MC_BOARD_N_PAGES)
    {
      *into = MAX (c->model->frame.elapsed, 0);
      *duration = page_duration (c, page);
      return page;
    }
  for (int p = 0; p < MC_BOARD_N_PAGES; p++)
    cycle += durations[p] = page_duration (c, p);
  t = fmod (MAX (c->model->frame.elapsed, 0), cycle);
  for (int p = 0; p < MC_BOARD_N_PAGES; p++)
    {
      if (t < durations[p] || p == MC_BOARD_N_PAGES - 1)
        {
          *into = t;
          *duration = durations[p];
          return p;
        }
      t -= durations[p];
    }
  g_assert_not_reached ();
}

/* Page contents */

static const char *const page_titles[] = {
  "HỒ SƠ ĐÃ CÓ KẾT QUẢ — MỜI ÔNG/BÀ ĐẾN NHẬN",
  "TÌNH HÌNH GIẢI QUYẾT HỒ SƠ",
  "TỶ LỆ GIẢI QUYẾT ĐÚNG HẠN THEO PHÒNG BAN",
  "CÔNG KHAI XIN LỖI",
};

static char *
page_subtitle (const McBoardModel *m, McBoardPage page)
{
  switch (page)
    {
    case MC_BOARD_PAGE_RESULTS:
      return g_strdup_printf ("%u hồ sơ", m->results->len);
    case MC_BOARD_PAGE_STATISTICS:
      return g_strdup ("Số liệu theo Biểu 06a");
    case MC_BOARD_PAGE_DEPARTMENTS:
      return g_strdup (m->departments_period);
    case MC_BOARD_PAGE_APOLOGIES:
    default:
      return g_strdup_printf ("%s: %u trường hợp", m->apologies_period, m->apologies->len);
    }
}

static void
draw_title_bar (Ctx *c, McBoardRect r, McBoardPage page)
{
  const Style title = { 34, TRUE, ALIGN_LEFT, c->portrait ? 2 : 1, 0.75 };
  static const Style sub = { 24, FALSE, ALIGN_RIGHT, 2, 0.7 };
  g_autofree char *subtitle = page_subtitle (c->model, page);
  double pad = 28 * c->s;
  double dots_w = MC_BOARD_N_PAGES * 26 * c->s;
  double sub_w = (c->portrait ? 230 : 420) * c->s;
  McBoardRect in = inset (r, pad, 8 * c->s);

  fill_rect (c, r, paper);  /* the rule below is 3 px: not worth cutting around */
  fill_rect (c, rect (in.x, r.y + r.height - 3 * c->s, in.width, 3 * c->s), head_row);
  draw_text (c, page_titles[page], &title, rect (in.x, in.y, in.width - sub_w - dots_w - pad, in.height), navy);
  draw_text (c, subtitle, &sub, rect (in.x + in.width - sub_w - dots_w, in.y, sub_w - 16 * c->s, in.height),
             ink_soft);
  for (int p = 0; p < MC_BOARD_N_PAGES; p++)
    {
      double cx = in.x + in.width - dots_w + (p + 0.5) * 26 * c->s;
      cairo_arc (c->cr, cx, in.y + in.height / 2, 8 * c->s, 0, 2 * G_PI);
      set_color (c->cr, p == (int) page ? navy : head_row);
      cairo_fill (c->cr);
    }
}

static void
draw_page (Ctx *c, McBoardPage page, McBoardRect title_bar, McBoardRect body, double into, double duration)
{
  const McBoardModel *m = c->model;
  McBoardRect area = page_area (c, body);

  fill_around (c, body, area, paper);  /* each page fills its area */
  draw_title_bar (c, title_bar, page);
  switch (page)
    {
    case MC_BOARD_PAGE_RESULTS:
      {
        Table t = results_table (m);
        draw_table (c, &t, area, into, duration, "Hiện chưa có hồ sơ chờ trả kết quả");
        break;
      }
    case MC_BOARD_PAGE_STATISTICS:
      {
        McBoardRect summary, fields;
        Table t = fields_table (m);
        statistics_parts (c, area, &summary, &fields);
        fill_rect (c, rect (area.x, summary.y + summary.height, area.width, fields.y - summary.y - summary.height),
                   paper);
        draw_summary (c, summary);
        draw_table (c, &t, fields, into, duration, "Chưa có hồ sơ trong năm");
        break;
      }
    case MC_BOARD_PAGE_DEPARTMENTS:
      draw_departments (c, area, into, duration);
      break;
    case MC_BOARD_PAGE_APOLOGIES:
    default:
      {
        Table t = apologies_table (m);
        g_autofree char *period = g_utf8_strdown (m->apologies_period, -1);  /* "tháng 11/2026" */
        g_autofree char *empty = g_strdup_printf ("Không có hồ sơ trễ hẹn phải xin lỗi trong %s", period);
        draw_table (c, &t, area, into, duration, empty);
        break;
      }
    }
}

/* The page and, in its last moments, the next one sliding in from the right.
 * Returns whether the pages are turning. */
static gboolean
draw_pages (Ctx *c, Frame *f, McBoardPage page, double into, double duration)
{
  double progress;
  McBoardRect area = rect (0, f->title_bar.y, c->w, f->title_bar.height + f->body.height), saved;
  gboolean rotating = c->model->frame.page < 0;

  progress = rotating ? (into - (duration - TRANSITION_SECONDS)) / TRANSITION_SECONDS : 0;
  if (progress <= 0)
    {
      draw_page (c, page, f->title_bar, f->body, into, duration);
      return FALSE;
    }
  progress = 0.5 - 0.5 * cos (G_PI * MIN (progress, 1));  /* ease in and out */
  push_clip (c, area, &saved);
  cairo_save (c->cr);
  cairo_translate (c->cr, -progress * c->w, 0);
  draw_page (c, page, f->title_bar, f->body, into, duration);
  cairo_restore (c->cr);
  cairo_save (c->cr);
  cairo_translate (c->cr, (1 - progress) * c->w, 0);
  {
    McBoardPage next = (page + 1) % MC_BOARD_N_PAGES;
    GArray *boxes = c->boxes;
    c->boxes = NULL;  /* moving text is not a layout */
    draw_page (c, next, f->title_bar, f->body, 0, page_duration (c, next));
    c->boxes = boxes;
  }
  cairo_restore (c->cr);
  pop_clip (c, saved);
  return TRUE;
}

/* Lays out, within the budget, what the coming frames show and this one did
 * not: the header at the next second, the rows of this page that scroll in
 * within LOOK_AHEAD_SECONDS and the next page as the turn shows it. Nothing
 * is painted (fill_rect and draw_text only measure; anything else lands on
 * the 1×1 scratch surface). */
static void
prepare_ahead (Ctx *c, Frame *f, McBoardPage page, double into, double duration, gboolean turning)
{
  McBoardCache *cache = c->cache;
  const McBoardModel *m = c->model;
  McBoardPage next = (page + 1) % MC_BOARD_N_PAGES;
  gboolean same = cache->prepared_model == m && cache->prepared_width == (int) c->w &&
                  cache->prepared_height == (int) c->h;

  if (!same)
    {
      cache->prepared_model = m;
      cache->prepared_width = (int) c->w;
      cache->prepared_height = (int) c->h;
      cache->prepared_next = -1;
      cache->looked_ahead_page = -1;
    }
  c->cr = cache->scratch;
  c->boxes = NULL;
  c->preparing = TRUE;
  c->out_of_time = FALSE;
  c->deadline = g_get_monotonic_time () + PREPARE_BUDGET_US;
  c->clock = m->frame.clock + 1;
  draw_header (c, f->header);
  if (turning)
    return;
  if (cache->looked_ahead_page != (int) page || m->frame.elapsed < cache->looked_ahead_at ||
      m->frame.elapsed >= cache->looked_ahead_at + LOOK_AHEAD_SECONDS / 2)
    {
      draw_page (c, page, f->title_bar, f->body, into + LOOK_AHEAD_SECONDS, duration);
      if (!c->out_of_time)
        {
          cache->looked_ahead_page = page;
          cache->looked_ahead_at = m->frame.elapsed;
        }
    }
  if (m->frame.page < 0 && cache->prepared_next != (int) next && !c->out_of_time)
    {
      draw_page (c, next, f->title_bar, f->body, 0, page_duration (c, next));
      if (!c->out_of_time)
        cache->prepared_next = next;
    }
}

static void
init_ctx (Ctx *c, cairo_t *cr, const McBoardModel *model, int width, int height, GArray *boxes)
{
  *c = (Ctx) { 0 };
  c->cr = cr;
  c->model = model;
  c->cache = get_cache (model);
  c->clock = model->frame.clock;
  c->w = width;
  c->h = height;
  c->portrait = height > width;
  c->s = MIN (MIN (width, height) / 1080.0, MAX (width, height) / 1920.0);
  c->boxes = boxes;
  c->clip = rect (0, 0, width, height);
}

static void
draw_board (cairo_t *cr, const McBoardModel *model, int width, int height, GArray *boxes, gboolean prepare)
{
  Ctx c;
  Frame f;
  McBoardPage page;
  double into, duration;
  gboolean turning;

  g_return_if_fail (cr != NULL && model != NULL);
  if (width < 16 || height < 16)
    return;
  init_ctx (&c, cr, model, width, height, boxes);
  f = frame_layout (&c);
  page = current_page (&c, &into, &duration);
  cairo_save (cr);
  draw_header (&c, f.header);
  turning = draw_pages (&c, &f, page, into, duration);
  draw_ticker (&c, f.footer);
  cairo_restore (cr);
  if (prepare)
    prepare_ahead (&c, &f, page, into, duration, turning);
}

void
mc_board_draw_reporting (cairo_t *cr, const McBoardModel *model, int width, int height, GArray *boxes)
{
  draw_board (cr, model, width, height, boxes, TRUE);
}

void
mc_board_draw (cairo_t *cr, const McBoardModel *model, int width, int height)
{
  draw_board (cr, model, width, height, NULL, TRUE);
}

static void
text_box_clear (gpointer data)
{
  g_free (((McBoardTextBox *) data)->content);
}

GArray *
mc_board_text_boxes_new (void)
{
  GArray *boxes = g_array_new (FALSE, TRUE, sizeof (McBoardTextBox));

  g_array_set_clear_func (boxes, text_box_clear);
  return boxes;
}

McBoardPage
mc_board_current_page (const McBoardModel *model, int width, int height, double *into, double *duration)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1, 1);
  cairo_t *cr = cairo_create (surface);
  double i, d;
  Ctx c;
  McBoardPage page;

  init_ctx (&c, cr, model, width, height, NULL);
  page = current_page (&c, &i, &d);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  if (into)
    *into = i;
  if (duration)
    *duration = d;
  return page;
}

gboolean
mc_board_render_png (const McBoardModel *model, int width, int height, const char *path, GError **error)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  draw_board (cr, model, width, height, NULL, FALSE);  /* one frame: nothing comes next */
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  status = cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
