/* mc-board-draw.c — the liveboard as one pure drawing function
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Read from five metres: the smallest text is 22 px at 1080 lines and every
 * size scales with the screen (s = 1 at 1920×1080, 2 at 3840×2160, 1 for a
 * portrait 1080×1920). This file draws the frame around the pages (header
 * and clock, ticker, the page turn) and is the only entry point; the texts
 * are fitted in mc-board-text.c, the lists in mc-board-table.c and the
 * pages in mc-board-pages.c (shared internals: mc-board-draw-private.h).
 *
 * The text layouts are kept between frames in model->cache. A text seen for
 * the first time costs a shaping and, when it is shrunk, a font at a new
 * size: after each frame, prepare_ahead spends at most PREPARE_BUDGET_US
 * laying out what the next frames will show (the rows about to scroll in,
 * the next page, the next second's clock), so the frame that turns a page
 * finds its layouts ready.
 */
#include "config.h"

#include <errno.h>
#include <math.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "mc-board-draw-private.h"
#include "mc-file-error.h"
#include "mc-format.h"
#include "mc-output-file.h"

#define PREPARE_BUDGET_US 1000    /* a frame's time for laying out what comes next */
#define LOOK_AHEAD_SECONDS 3.0    /* rows that scroll in within this are prepared */

/* Backgrounds and clips are snapped to whole device pixels (no
 * antialiasing), so neighbouring fills tile exactly: each pixel of the
 * screen is filled once, without a background under the rows to blend
 * their edges with. At 3840×2160 a full-screen fill costs milliseconds. */
void
mc_board_fill_rect (Ctx *c, McBoardRect r, Rgb color)
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
void
mc_board_fill_around (Ctx *c, McBoardRect outer, McBoardRect inner, Rgb color)
{
  double inner_bottom = inner.y + inner.height, outer_bottom = outer.y + outer.height;

  mc_board_fill_rect (c, rect (outer.x, outer.y, outer.width, inner.y - outer.y), color);
  mc_board_fill_rect (c, rect (outer.x, inner_bottom, outer.width, outer_bottom - inner_bottom), color);
  mc_board_fill_rect (c, rect (outer.x, inner.y, inner.x - outer.x, inner.height), color);
  mc_board_fill_rect (c, rect (inner.x + inner.width, inner.y, outer.x + outer.width - inner.x - inner.width,
                              inner.height), color);
}

void
mc_board_push_clip (Ctx *c, McBoardRect r, McBoardRect *saved)
{
  *saved = c->clip;
  c->clip = intersect (c->clip, r);
  cairo_save (c->cr);
  cairo_set_antialias (c->cr, CAIRO_ANTIALIAS_NONE);
  cairo_rectangle (c->cr, r.x, r.y, r.width, r.height);
  cairo_clip (c->cr);
  cairo_set_antialias (c->cr, CAIRO_ANTIALIAS_DEFAULT);
}

void
mc_board_pop_clip (Ctx *c, McBoardRect saved)
{
  cairo_restore (c->cr);
  c->clip = saved;
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

/* Layout of the frame */

Frame
mc_board_frame_layout (Ctx *c)
{
  Frame f;
  double header_h = (c->portrait ? 250 : 150) * c->s;
  double title_h = 84 * c->s, footer_h = 74 * c->s;
  double top = header_h, height = c->h - header_h - footer_h, width = c->w;

  f.header = rect (0, 0, c->w, header_h);
  f.footer = rect (0, c->h - footer_h, c->w, footer_h);
  f.calls = rect (0, 0, 0, 0);
  /* The calling panel takes whole pixels, so its fills tile with the pages'. */
  if (mc_board_model_has_calls (c->model) && c->portrait)
    {
      double calls_h = round (MIN (560 * c->s, height * 0.4));
      f.calls = rect (0, top, c->w, calls_h);
      top += calls_h;
      height -= calls_h;
    }
  else if (mc_board_model_has_calls (c->model))
    {
      double calls_w = round (MIN (640 * c->s, c->w * 0.36));
      f.calls = rect (c->w - calls_w, top, calls_w, height);
      width -= calls_w;
    }
  f.title_bar = rect (0, top, width, title_h);
  f.body = rect (0, top + title_h, width, height - title_h);
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
  mc_board_draw_text (c, text, &status, rect (box.x, box.y, box.width - 2.5 * dot, box.height),
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

  mc_board_fill_rect (c, rect (r.x, r.y, r.width, r.height - 6 * c->s), navy);
  mc_board_fill_rect (c, rect (r.x, r.y + r.height - 6 * c->s, r.width, 6 * c->s), accent);
  in.height -= 6 * c->s;
  if (c->portrait)
    {
      double row = in.height / 5;
      mc_board_draw_text (c, unit_upper, &unit, rect (in.x, in.y, in.width, row * 1.2), white);
      mc_board_draw_text (c, m->title, &title, rect (in.x, in.y + row * 1.2, in.width, row * 1.2), accent);
      mc_board_draw_text (c, date_text, &(Style) { 25, FALSE, ALIGN_LEFT, 1, 0.7 },
                          rect (in.x, in.y + row * 2.6, in.width * 0.58, row * 1.6), white);
      mc_board_draw_text (c, time_text, &clock,
                          rect (in.x + in.width * 0.6, in.y + row * 2.4, in.width * 0.4, row * 1.9), white);
      draw_status (c, rect (in.x, in.y + row * 4.3, in.width, row * 0.7));
      return;
    }
  {
    double right_w = MIN (520 * c->s, in.width * 0.4);
    double left_w = in.width - right_w - pad;
    double rx = in.x + in.width - right_w;

    mc_board_draw_text (c, unit_upper, &unit, rect (in.x, in.y + in.height * 0.06, left_w, in.height * 0.42), white);
    mc_board_draw_text (c, m->title, &title, rect (in.x, in.y + in.height * 0.52, left_w, in.height * 0.42), accent);
    mc_board_draw_text (c, time_text, &clock, rect (rx, in.y, right_w, in.height * 0.5), white);
    mc_board_draw_text (c, date_text, &date, rect (rx, in.y + in.height * 0.5, right_w, in.height * 0.28), white);
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

  mc_board_fill_rect (c, lane, navy_dark);
  mc_board_fill_rect (c, rect (r.x, r.y, label_w, r.height), accent);
  mc_board_draw_text (c, "THÔNG BÁO", &label, inset (rect (r.x, r.y, label_w, r.height), 12 * c->s, 6 * c->s),
                      navy_dark);
  for (guint i = 0; i < m->announcements->len; i++)
    g_string_append_printf (text, "%s%s", i ? "        ●        " : "", (char *) m->announcements->pdata[i]);
  if (text->len == 0)
    return;
  layout = mc_board_cached_layout (c, text->str, &(Style) { 30, FALSE, ALIGN_LEFT, 1, 1.0 }, -1, r.height);
  mc_board_logical_size (layout, &tw, &th);
  offset = fmod (m->frame.elapsed * speed, tw + gap);
  saved_x = lane.x + 24 * c->s - offset;
  mc_board_push_clip (c, lane, &saved);
  set_color (c->cr, white);
  for (double x = saved_x; x < lane.x + lane.width; x += tw + gap)
    {
      cairo_move_to (c->cr, x, r.y + (r.height - th) / 2);
      pango_cairo_show_layout (c->cr, layout);
    }
  mc_board_pop_clip (c, saved);
}

/* Page timing */

static McBoardPage
current_page (Ctx *c, double *into, double *duration)
{
  double durations[MC_BOARD_N_PAGES], cycle = 0, t;
  int page = c->model->frame.page;

  if (page >= 0 && page < MC_BOARD_N_PAGES)
    {
      *into = MAX (c->model->frame.elapsed, 0);
      *duration = mc_board_page_duration (c, page);
      return page;
    }
  for (int p = 0; p < MC_BOARD_N_PAGES; p++)
    cycle += durations[p] = mc_board_page_duration (c, p);
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

/* The frame */

/* The page and, in its last moments, the next one sliding in from the right.
 * Returns whether the pages are turning. */
static gboolean
draw_pages (Ctx *c, Frame *f, McBoardPage page, double into, double duration)
{
  double progress;
  McBoardRect area = rect (0, f->title_bar.y, f->title_bar.width, f->title_bar.height + f->body.height), saved;
  gboolean rotating = c->model->frame.page < 0;

  progress = rotating ? (into - (duration - TRANSITION_SECONDS)) / TRANSITION_SECONDS : 0;
  if (progress <= 0)
    {
      mc_board_draw_page (c, page, f->title_bar, f->body, into, duration);
      return FALSE;
    }
  progress = 0.5 - 0.5 * cos (G_PI * MIN (progress, 1));  /* ease in and out */
  mc_board_push_clip (c, area, &saved);
  cairo_save (c->cr);
  cairo_translate (c->cr, -progress * area.width, 0);
  mc_board_draw_page (c, page, f->title_bar, f->body, into, duration);
  cairo_restore (c->cr);
  cairo_save (c->cr);
  cairo_translate (c->cr, (1 - progress) * area.width, 0);
  {
    McBoardPage next = (page + 1) % MC_BOARD_N_PAGES;
    GArray *boxes = c->boxes;
    c->boxes = NULL;  /* moving text is not a layout */
    mc_board_draw_page (c, next, f->title_bar, f->body, 0, mc_board_page_duration (c, next));
    c->boxes = boxes;
  }
  cairo_restore (c->cr);
  mc_board_pop_clip (c, saved);
  return TRUE;
}

/* Lays out, within the budget, what the coming frames show and this one did
 * not: the header at the next second, the rows of this page that scroll in
 * within LOOK_AHEAD_SECONDS and the next page as the turn shows it. Nothing
 * is painted (mc_board_fill_rect and mc_board_draw_text only measure; anything else lands on
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
      mc_board_draw_page (c, page, f->title_bar, f->body, into + LOOK_AHEAD_SECONDS, duration);
      if (!c->out_of_time)
        {
          cache->looked_ahead_page = page;
          cache->looked_ahead_at = m->frame.elapsed;
        }
    }
  if (m->frame.page < 0 && cache->prepared_next != (int) next && !c->out_of_time)
    {
      mc_board_draw_page (c, next, f->title_bar, f->body, 0, mc_board_page_duration (c, next));
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
  c->cache = mc_board_get_cache (model);
  c->clock = model->frame.clock;
  c->w = width;
  c->h = height;
  c->portrait = height > width;
  c->narrow = c->portrait || mc_board_model_has_calls (model);
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
  f = mc_board_frame_layout (&c);
  page = current_page (&c, &into, &duration);
  cairo_save (cr);
  draw_header (&c, f.header);
  turning = draw_pages (&c, &f, page, into, duration);
  if (f.calls.width > 0)
    mc_board_draw_calls (&c, f.calls);
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
  const char *reason;
  /* The caller has decided about an existing file (--force); the database
   * and devices are refused all the same. */
  g_autofree char *tmp = mc_output_file_begin (path, MC_OUTPUT_FILE_FORCE, error);

  if (tmp == NULL)
    {
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      return FALSE;
    }
  draw_board (cr, model, width, height, NULL, FALSE);  /* one frame: nothing comes next */
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  status = cairo_surface_write_to_png (surface, tmp);
  /* cairo's words are English; its write error comes with the C library's errno. */
  reason = mc_file_error_known_reason (errno);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      mc_output_file_abort (tmp);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write the file “%s”: %s"), path,
                   status == CAIRO_STATUS_WRITE_ERROR && reason != NULL ? reason
                   : _("the file cannot be written there"));
      return FALSE;
    }
  return mc_output_file_commit (tmp, path, error);
}
