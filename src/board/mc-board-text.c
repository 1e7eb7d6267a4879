/* mc-board-text.c — the liveboard's texts: measured, fitted, kept between frames
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each text goes through fit_layout, which measures it with Pango and
 * shrinks it (down to min_scale) and then ellipsizes it, so a long procedure
 * name can never run into the next column.
 *
 * The layouts are kept between frames in model->cache, the least recently
 * used going first: a frame at 60 Hz redraws the same few dozen strings,
 * and shaping them again would cost more than painting them
 * (bench/bench-board).
 */
#include "config.h"

#include <math.h>

#include <pango/pangocairo.h>

#include "mc-board-draw-private.h"

#define FONT_FAMILY "Liberation Sans, DejaVu Sans"
#define CACHE_LIMIT 3000          /* layouts; the least recently used go first */
#define SIZE_STEP 0.25            /* px: the sizes a shrunk text takes */

typedef struct {
  PangoLayout *layout;
  GList        link;  /* in McBoardCache.recent, data: the key */
} CacheEntry;

/* Cache */

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

McBoardCache *
mc_board_get_cache (const McBoardModel *model)
{
  /* The cache memoizes layouts; it changes nothing the drawing depends on. */
  McBoardModel *m = (McBoardModel *) model;

  if (m->cache == NULL)
    m->cache = cache_new ();
  return m->cache;
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

void
mc_board_logical_size (PangoLayout *layout, double *width, double *height)
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

  mc_board_logical_size (layout, &tw, &th);
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
      mc_board_logical_size (layout, &tw, &th);
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
      mc_board_logical_size (layout, &tw, &th);
      if ((th <= box_h && (!expect_fit || !pango_layout_is_ellipsized (layout))) || px <= SIZE_STEP ||
          tries == 8)
        return layout;
      g_object_unref (layout);
      px -= SIZE_STEP;
    }
}

/* NULL only while preparing, when the frame's time for it is spent. */
PangoLayout *
mc_board_cached_layout (Ctx *c, const char *text, const Style *st, double box_w, double box_h)
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

void
mc_board_draw_text (Ctx *c, const char *text, const Style *st, McBoardRect box, Rgb color)
{
  PangoLayout *layout;
  PangoRectangle logical;
  double x, y, tw, th;

  if (text == NULL || *text == '\0' || box.width < 2 || box.height < 2)
    return;
  layout = mc_board_cached_layout (c, text, st, box.width, box.height);
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

