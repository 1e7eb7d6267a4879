/* test-board.c — the public liveboard: masking, layout at four screen sizes,
 * figures equal to Biểu 06a, PNG renders, announcements, live reloads
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No display needed: the board's model and drawing use cairo and Pango only.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "mc-announcement.h"
#include "mc-board-draw.h"
#include "mc-board-source.h"
#include "mc-board-stats.h"
#include "mc-calendar-store.h"
#include "mc-demo.h"
#include "mc-privacy.h"
#include "mc-queue.h"
#include "mc-test-utils.h"

static const struct {
  const char *name;
  const char *masked;
} mask_cases[] = {
  { "Nguyễn Văn An", "Nguyễn V. A." },
  { "  trần   thị  bích ngọc ", "Trần T. B. N." },
  { "ĐẶNG ĐÌNH ÚT", "Đặng Đ. Ú." },
  { "Nguye\xcc\x82\xcc\x83n Va\xcc\x86n \xc3\x8an", "Nguyễn V. Ê." },  /* decomposed marks (NFD) */
  { "Âu Dương Phong", "Âu D. P." },
  { "Ông Lê Văn Tám", "Ông Lê V. T." },
  { "Cù Huy Cận", "Cù H. C." },
  { "Hồ Xuân Hương", "Hồ X. H." },
  { "Lan", "L." },
  { "ánh", "Á." },
  { "Nguyễn Văn A 0912345678", "Nguyễn V. A." },
  { "Phạm Thị Hoa, 038095001234", "Phạm T. H." },
  { "0912345678", "" },
  { "", "" },
  { "Hộ kinh doanh Nguyễn Văn Bình", "Hộ kinh doanh Nguyễn V. B." },
  { "Công ty TNHH Minh Phát", "Công ty TNHH Minh Phát" },
  { "CÔNG TY CỔ PHẦN XÂY DỰNG SỐ 1", "CÔNG TY CỔ PHẦN XÂY DỰNG SỐ 1" },
  { "Hợp tác xã Nông nghiệp Đông Sơn", "Hợp tác xã Nông nghiệp Đông Sơn" },
  { "Trường THCS Phú Sơn", "Trường THCS Phú Sơn" },
  { "Ủy ban nhân dân xã Đông Tiến", "Ủy ban nhân dân xã Đông Tiến" },
};

static void
test_mask (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (mask_cases); i++)
    {
      g_autofree char *masked = mc_privacy_mask_name (mask_cases[i].name);
      g_autofree char *expected = g_utf8_normalize (mask_cases[i].masked, -1, G_NORMALIZE_NFC);

      g_test_message ("%s → %s", mask_cases[i].name, masked);
      g_assert_cmpstr (masked, ==, expected);
    }
  g_assert_cmpstr (mc_privacy_mask_name (NULL), ==, "");
}

/* A model with the longest texts a center can produce. */
static McBoardModel *
adversarial_model (guint n_rows)
{
  McBoardModel *m = mc_board_model_new ();
  static const char *procedures[] = {
    "Thủ tục đăng ký khai sinh",
    "Thủ tục ghi vào Sổ hộ tịch việc ly hôn, hủy việc kết hôn của công dân Việt Nam đã được giải quyết "
    "tại cơ quan có thẩm quyền của nước ngoài và các thủ tục liên quan khác theo quy định",
    "Cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất",
  };

  g_free (m->unit_name);
  m->unit_name = g_strdup ("Trung tâm Phục vụ hành chính công Ủy ban nhân dân phường Phú Sơn, tỉnh Thanh Hóa");
  for (guint i = 0; i < n_rows; i++)
    {
      McBoardResult *r = g_new0 (McBoardResult, 1);
      McBoardApology *a = g_new0 (McBoardApology, 1);
      McBoardFigures *f = g_new0 (McBoardFigures, 1);

      r->name = mc_privacy_mask_name (i % 2 ? "Nguyễn Thị Bích Ngọc Hương Giang" : "Lê An");
      r->code = g_strdup_printf ("000.00.06.H56-2611%02u-%04u", i % 30 + 1, 9000 + i);
      r->procedure = g_strdup (procedures[i % G_N_ELEMENTS (procedures)]);
      r->ready_at = mc_test_time ("2026-11-23 08:30") + i * 600;
      g_ptr_array_add (m->results, r);
      a->name = g_strdup (r->name);
      a->code = g_strdup (r->code);
      a->procedure = g_strdup (r->procedure);
      a->department = g_strdup ("Phòng Tài nguyên và Môi trường");
      a->issued_at = r->ready_at;
      a->new_due_at = i % 3 ? r->ready_at + 86400 * 3 : 0;
      g_ptr_array_add (m->apologies, a);
      f->label = g_strdup (i % 2 ? "Giáo dục đào tạo thuộc hệ thống giáo dục quốc dân và các cơ sở giáo dục khác"
                                 : "Hộ tịch");
      f->received = 123456 + i;
      f->settled = 120000;
      f->early = 100000;
      f->on_time = 15000;
      f->late = 5000;
      f->pending = 3456;
      g_ptr_array_add (m->periods[MC_BOARD_YEAR].fields, f);
    }
  for (int p = 0; p < MC_BOARD_N_PERIODS; p++)
    {
      g_free (m->periods[p].title);
      m->periods[p].title = g_strdup (p == 0 ? "Hôm nay" : p == 1 ? "Tháng 11/2026" : "Năm 2026");
      m->periods[p].total = (McBoardFigures) { m->periods[p].total.label, 1234567, 1200000, 1000000, 150000,
                                               50000, 34567 };
    }
  for (guint i = 0; i < MIN (n_rows, 9); i++)
    {
      McBoardDepartment *d = g_new0 (McBoardDepartment, 1);
      d->name = g_strdup (i % 2 ? "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường" : "Phòng Tư pháp");
      d->settled = 100000 + i;
      d->in_time = 90000 + i * 1000;
      g_ptr_array_add (m->departments, d);
    }
  g_free (m->apologies_period);
  m->apologies_period = g_strdup ("Tháng 11/2026");
  g_ptr_array_add (m->announcements, g_strdup ("Đường dây nóng: 0237.3824.xxx — Tổng đài dịch vụ công quốc gia: 18001096"));
  m->loaded_at = mc_test_time ("2026-11-23 14:05");
  m->frame.clock = m->loaded_at;
  return m;
}

/* The calling panel's data: `n` counters' last calls, the newest at `newest`,
 * with the widest labels a service can number (a letter and five digits). */
static void
add_calls (McBoardModel *m, guint n, McTime newest)
{
  for (guint i = 0; i < n; i++)
    {
      McQueueCall *call = g_new0 (McQueueCall, 1);

      call->ticket_id = 100 + i;
      call->label = i % 2 ? g_strdup_printf ("%u", 10025 + i) : g_strdup_printf ("W%05u", 99999 - i);
      call->counter = 100 + (int) i * 37 % 900;
      call->called_at = newest - i * 20;
      call->calls = 1;
      call->state = MC_QUEUE_STATE_CALLED;
      g_ptr_array_add (m->calls, call);
    }
  m->queue.counters = (int) MAX (n, 1);
  m->queue.waiting = 123456;
  m->queue.called = (int) n;
  m->queue.wait_avg = 1234.0;
}

typedef struct {
  int width, height;
} Size;

static const Size sizes[] = { { 1366, 768 }, { 1920, 1080 }, { 3840, 2160 }, { 1080, 1920 } };

static double
overlap (const McBoardRect *a, const McBoardRect *b)
{
  double w = MIN (a->x + a->width, b->x + b->width) - MAX (a->x, b->x);
  double h = MIN (a->y + a->height, b->y + b->height) - MAX (a->y, b->y);

  return w > 0 && h > 0 ? w * h : 0;
}

static guint
check_layout (McBoardModel *model, int width, int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GArray) boxes = mc_board_text_boxes_new ();
  guint n;

  mc_board_draw_reporting (cr, model, width, height, boxes);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  n = boxes->len;
  for (guint i = 0; i < boxes->len; i++)
    {
      McBoardTextBox *b = &g_array_index (boxes, McBoardTextBox, i);

      if (b->text.width > b->cell.width + 0.5 || b->text.height > b->cell.height + 0.5 ||
          b->text.x < b->cell.x - 0.5 || b->text.y < b->cell.y - 0.5 ||
          b->text.x + b->text.width > b->cell.x + b->cell.width + 0.5 ||
          b->text.y + b->text.height > b->cell.y + b->cell.height + 0.5)
        g_error ("%d×%d page %d: “%s” (%.1f×%.1f at %.1f,%.1f) overflows its cell %.1f×%.1f at %.1f,%.1f",
                 width, height, model->frame.page, b->content, b->text.width, b->text.height, b->text.x,
                 b->text.y, b->cell.width, b->cell.height, b->cell.x, b->cell.y);
      g_assert_cmpfloat (b->cell.x, >=, -0.5);
      g_assert_cmpfloat (b->cell.y, >=, -0.5);
      g_assert_cmpfloat (b->cell.x + b->cell.width, <=, width + 0.5);
      g_assert_cmpfloat (b->cell.y + b->cell.height, <=, height + 0.5);
      for (guint j = i + 1; j < boxes->len; j++)
        {
          McBoardTextBox *o = &g_array_index (boxes, McBoardTextBox, j);
          if (overlap (&b->cell, &o->cell) > 1.0)
            g_error ("%d×%d page %d: “%s” and “%s” overlap", width, height, model->frame.page, b->content,
                     o->content);
        }
    }
  return n;
}

static void
test_layout (gconstpointer data)
{
  const Size *size = data;
  g_autoptr(McBoardModel) full = adversarial_model (40);
  g_autoptr(McBoardModel) empty = mc_board_model_new ();

  for (int page = 0; page < MC_BOARD_N_PAGES; page++)
    for (double elapsed = 0; elapsed <= 20; elapsed += 6.5)  /* at rest, then scrolled */
      {
        full->frame.page = page;
        full->frame.elapsed = elapsed;
        g_assert_cmpuint (check_layout (full, size->width, size->height), >=, 12);
        full->frame.offline = !full->frame.offline;
      }
  for (int page = 0; page < MC_BOARD_N_PAGES; page++)
    {
      empty->frame.page = page;
      g_assert_cmpuint (check_layout (empty, size->width, size->height), >=, 4);
    }
  /* With the calling panel: sixteen counters, blinking or not; a queue
   * without a call yet. */
  add_calls (full, MC_BOARD_CALLS_MAX, full->loaded_at);
  for (int page = 0; page < MC_BOARD_N_PAGES; page++)
    for (double elapsed = 0; elapsed <= 20; elapsed += 6.6)
      {
        full->frame.page = page;
        full->frame.elapsed = elapsed;
        full->frame.clock = full->loaded_at + (McTime) elapsed;
        g_assert_cmpuint (check_layout (full, size->width, size->height), >=, 16);
      }
  empty->queue.counters = 2;
  for (int page = 0; page < MC_BOARD_N_PAGES; page++)
    {
      empty->frame.page = page;
      g_assert_cmpuint (check_layout (empty, size->width, size->height), >=, 6);
    }
}

/* The seconds into the rotation at which each page turn is half done. */
static void
turn_times (McBoardModel *model, int width, int height, double turns[MC_BOARD_N_PAGES])
{
  double into, duration, start = 0;

  model->frame.page = -1;
  for (int p = 0; p < MC_BOARD_N_PAGES; p++)
    {
      model->frame.elapsed = start + 0.01;
      mc_board_current_page (model, width, height, &into, &duration);
      start += duration;
      turns[p] = start - 0.4;  /* the turn takes the page's last 0.8 s */
    }
}

#define SENTINEL 0xff00ff  /* magenta: no colour of the board */

static guint
count_sentinel (cairo_surface_t *surface)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint n = 0;

  cairo_surface_flush (surface);
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    {
      const guint32 *row = (const guint32 *) (data + (gsize) y * stride);
      for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
        n += (row[x] & 0xffffff) == SENTINEL;
    }
  return n;
}

static void
draw_on_sentinel (cairo_surface_t *surface, McBoardModel *model, int width, int height)
{
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 0, 1);
  cairo_paint (cr);
  mc_board_draw (cr, model, width, height);
  cairo_destroy (cr);
}

/* Backgrounds are filled once, edge to edge, without one under the other:
 * every pixel must still be painted, at rest, scrolled and in mid-turn, at
 * every size (a widget's surface holds the last frame, not a background). */
static void
test_coverage (gconstpointer data)
{
  const Size *size = data;
  g_autoptr(McBoardModel) full = adversarial_model (40);
  g_autoptr(McBoardModel) empty = mc_board_model_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, size->width, size->height);
  double turns[MC_BOARD_N_PAGES];

  for (int page = 0; page < MC_BOARD_N_PAGES; page++)
    for (double elapsed = 0; elapsed <= 10; elapsed += 5.3)
      {
        full->frame.page = empty->frame.page = page;
        full->frame.elapsed = elapsed;
        draw_on_sentinel (surface, full, size->width, size->height);
        g_assert_cmpuint (count_sentinel (surface), ==, 0);
        draw_on_sentinel (surface, empty, size->width, size->height);
        g_assert_cmpuint (count_sentinel (surface), ==, 0);
      }
  for (int with_calls = 0; with_calls < 2; with_calls++)
    {
      if (with_calls)
        add_calls (full, 5, full->loaded_at);
      turn_times (full, size->width, size->height, turns);
      for (int p = 0; p < MC_BOARD_N_PAGES; p++)
        {
          full->frame.elapsed = turns[p] + 0.013 * p;  /* fractional offsets */
          draw_on_sentinel (surface, full, size->width, size->height);
          g_assert_cmpuint (count_sentinel (surface), ==, 0);
        }
    }
  for (int page = 0; page < MC_BOARD_N_PAGES; page++)
    {
      full->frame.page = page;
      full->frame.elapsed = 0.1;  /* the newest call blinking */
      draw_on_sentinel (surface, full, size->width, size->height);
      g_assert_cmpuint (count_sentinel (surface), ==, 0);
      empty->queue.counters = 1;  /* a queue, no call yet */
      empty->frame.page = page;
      draw_on_sentinel (surface, empty, size->width, size->height);
      g_assert_cmpuint (count_sentinel (surface), ==, 0);
    }
  cairo_surface_destroy (surface);
}

static void
draw_frame (cairo_surface_t *surface, McBoardModel *model, double elapsed)
{
  cairo_t *cr = cairo_create (surface);

  model->frame.page = -1;
  model->frame.page_seconds = 8;
  model->frame.elapsed = elapsed;
  model->frame.clock = model->loaded_at + (gint64) elapsed;
  mc_board_draw (cr, model, cairo_image_surface_get_width (surface), cairo_image_surface_get_height (surface));
  cairo_destroy (cr);
  cairo_surface_flush (surface);
}

/* After each frame the board lays out what the next ones show (rows about to
 * scroll in, the next page, the next second's clock) on a scratch surface.
 * A board that ran through a rotation, so that its page turns and scrolled
 * rows use layouts prepared ahead, must draw exactly what a board drawing
 * that frame cold draws; and preparing must paint nothing. */
static void
test_prepared (void)
{
  g_autoptr(McBoardModel) warm = adversarial_model (40);
  cairo_surface_t *a = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1366, 768);
  cairo_surface_t *b = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1366, 768);
  double turns[MC_BOARD_N_PAGES], elapsed = 0;
  guint compared = 0;

  warm->frame.page_seconds = 8;
  turn_times (warm, 1366, 768, turns);
  for (int p = 0; p < MC_BOARD_N_PAGES; p++)
    for (; elapsed <= turns[p] + 0.3; elapsed += 0.5)
      {
        gboolean check = fabs (elapsed - turns[p]) < 0.26 || fmod (elapsed, 5) == 0;

        draw_frame (a, warm, elapsed);
        if (check)
          {
            g_autoptr(McBoardModel) cold = adversarial_model (40);
            size_t bytes = (size_t) cairo_image_surface_get_stride (a) * 768;

            draw_frame (b, cold, elapsed);
            if (memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b), bytes) != 0)
              g_error ("frame at %.1f s differs from the same frame drawn cold", elapsed);
            compared++;
          }
      }
  g_assert_cmpuint (compared, >=, MC_BOARD_N_PAGES + 4);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

/* A scrolling page lasts long enough to show its last row; pages rotate. */
static void
test_pages (void)
{
  g_autoptr(McBoardModel) model = adversarial_model (40);
  double into, duration, first;

  model->frame.page_seconds = 10;
  g_assert_cmpint (mc_board_current_page (model, 1920, 1080, &into, &first), ==, MC_BOARD_PAGE_RESULTS);
  g_assert_cmpfloat (first, >, 10);
  model->frame.elapsed = first + 1;
  g_assert_cmpint (mc_board_current_page (model, 1920, 1080, &into, &duration), ==, MC_BOARD_PAGE_STATISTICS);
  g_assert_cmpfloat_with_epsilon (into, 1, 1e-9);
  g_ptr_array_set_size (model->results, 0);
  model->frame.elapsed = 0;
  mc_board_current_page (model, 1920, 1080, &into, &duration);
  g_assert_cmpfloat (duration, ==, 10);
}

static McWorkflow *
demo_workflow (guint n_dossiers)
{
  g_autoptr(McDb) db = mc_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(McCalendar) calendar = NULL;

  g_assert_true (mc_demo_fill (db, n_dossiers, 7, NULL, &error));
  g_assert_no_error (error);
  calendar = mc_calendar_store_load (db, &error);
  g_assert_no_error (error);
  return mc_workflow_new (db, calendar);
}

static void
assert_figures_equal (const McBoardFigures *f, const McReport06aRow *row)
{
  /* "Tiếp nhận" on the board: received in the period, not carried over. */
  g_assert_cmpuint (f->received, ==, row->c[MC_06A_ONLINE] + row->c[MC_06A_DIRECT]);
  g_assert_cmpuint (f->settled, ==, row->c[MC_06A_SETTLED]);
  g_assert_cmpuint (f->early, ==, row->c[MC_06A_EARLY]);
  g_assert_cmpuint (f->on_time, ==, row->c[MC_06A_ON_TIME]);
  g_assert_cmpuint (f->late, ==, row->c[MC_06A_LATE]);
  g_assert_cmpuint (f->pending, ==, row->c[MC_06A_PENDING]);
  g_assert_cmpuint (f->pending_late, ==, row->c[MC_06A_PENDING_LATE]);
}

static void
test_figures (void)
{
  g_autoptr(McWorkflow) wf = demo_workflow (3000);
  McDb *db = mc_workflow_get_db (wf);
  g_autoptr(GError) error = NULL;
  g_autoptr(McBoardModel) model = mc_board_model_load (wf, 0, &error);
  McDate today = mc_time_get_date (model ? model->loaded_at : 0);
  McTime now = model ? model->loaded_at : 0;
  guint settled = 0;

  g_assert_no_error (error);
  g_assert_cmpint (model->periods[MC_BOARD_TODAY].from, ==, today);
  for (int p = 0; p < MC_BOARD_N_PERIODS; p++)
    {
      const McBoardPeriod *period = &model->periods[p];
      g_autoptr(McReport06a) report = mc_report_06a_compute_at (db, 0, period->from, period->to, TRUE, now, &error);

      g_assert_no_error (error);
      g_assert_cmpint (period->to, ==, today);
      assert_figures_equal (&period->total, &report->total);
      g_assert_cmpuint (period->fields->len, ==, report->rows->len);
      for (guint i = 0; i < report->rows->len; i++)
        {
          const McReport06aRow *row = report->rows->pdata[i];
          const McBoardFigures *f = period->fields->pdata[i];
          g_assert_cmpstr (f->label, ==, row->field_name);
          assert_figures_equal (f, row);
        }
    }
  g_assert_cmpuint (model->periods[MC_BOARD_YEAR].total.received, >, 0);
  /* Every dossier settled this year is in exactly one department's bar. */
  for (guint i = 0; i < model->departments->len; i++)
    {
      const McBoardDepartment *d = model->departments->pdata[i];
      g_assert_cmpuint (d->in_time, <=, d->settled);
      settled += d->settled;
    }
  {
    int y, m, d;
    g_autofree char *sql = NULL;
    mc_date_to_ymd (today, &y, &m, &d);
    sql = g_strdup_printf ("SELECT count (*) FROM dossier WHERE timeliness IS NOT NULL "
                           "AND finished_at >= %" G_GINT64_FORMAT " AND finished_at < %" G_GINT64_FORMAT,
                           mc_time_from_local (mc_date_from_ymd (y, 1, 1), 0), mc_time_from_local (today + 1, 0));
    g_assert_cmpuint (settled, ==, (guint) mc_db_query_int (db, sql, NULL));
  }
  /* The newest results waiting, no more than the board lists, and how
   * many wait in all. */
  {
    guint waiting = (guint) mc_db_query_int (db, "SELECT count (*) FROM dossier WHERE finished_at IS NOT NULL "
                                                 "AND returned_at IS NULL", NULL);
    McTime newest = mc_db_query_int (db, "SELECT max (finished_at) FROM dossier WHERE returned_at IS NULL", NULL);

    g_test_message ("%u results waiting, %u listed", waiting, model->results->len);
    g_assert_cmpuint (model->results_total, ==, waiting);
    g_assert_cmpuint (model->results->len, ==, MIN (waiting, MC_BOARD_RESULTS_MAX));
    g_assert_cmpint (((McBoardResult *) model->results->pdata[0])->ready_at, ==, newest);
    for (guint i = 1; i < model->results->len; i++)
      g_assert_cmpint (((McBoardResult *) model->results->pdata[i])->ready_at, <=,
                       ((McBoardResult *) model->results->pdata[i - 1])->ready_at);
  }
  /* Results pile up uncollected: the board lists the newest only. */
  {
    g_autoptr(McBoardModel) piled = NULL;
    guint waiting;

    g_assert_true (mc_db_exec (db, "UPDATE dossier SET returned_at = NULL", &error));
    waiting = (guint) mc_db_query_int (db, "SELECT count (*) FROM dossier WHERE finished_at IS NOT NULL", NULL);
    piled = mc_board_model_load (wf, now, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (waiting, >, MC_BOARD_RESULTS_MAX);
    g_assert_cmpuint (piled->results_total, ==, waiting);
    g_assert_cmpuint (piled->results->len, ==, MC_BOARD_RESULTS_MAX);
  }
  /* Masked names only: no result shows a full applicant's name. */
  g_assert_cmpuint (model->results->len, >, 0);
  for (guint i = 0; i < model->results->len; i++)
    g_assert_nonnull (strstr (((McBoardResult *) model->results->pdata[i])->name, "."));
  g_assert_cmpuint (model->announcements->len, >, 0);
}

static void
test_render (void)
{
  g_autoptr(McWorkflow) wf = demo_workflow (400);
  g_autoptr(GError) error = NULL;
  g_autoptr(McBoardModel) model = mc_board_model_load (wf, mc_test_time ("2026-11-23 09:15"), &error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    for (int page = 0; page < MC_BOARD_N_PAGES; page++)
      {
        g_autofree char *name = g_strdup_printf ("board-%dx%d-%d.png", sizes[i].width, sizes[i].height, page);
        g_autofree char *path = mc_test_tmp_path (name);
        cairo_surface_t *png;
        unsigned char *data;
        gboolean varied = FALSE;

        model->frame.page = page;
        g_assert_true (mc_board_render_png (model, sizes[i].width, sizes[i].height, path, &error));
        g_assert_no_error (error);
        png = cairo_image_surface_create_from_png (path);
        g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
        g_assert_cmpint (cairo_image_surface_get_width (png), ==, sizes[i].width);
        g_assert_cmpint (cairo_image_surface_get_height (png), ==, sizes[i].height);
        data = cairo_image_surface_get_data (png);
        for (int y = 1; y < sizes[i].height && !varied; y += 7)
          varied = memcmp (data, data + y * cairo_image_surface_get_stride (png), 64) != 0;
        g_assert_true (varied);
        cairo_surface_destroy (png);
      }
}

/* A demo center's queue (services A–D, counters 1–4) with tn.lan at the
 * counters. */
static McQueue *
demo_queue (McWorkflow *wf)
{
  McDb *db = mc_workflow_get_db (wf);

  mc_db_set_actor (db, mc_db_query_int (db, "SELECT id FROM staff WHERE username = 'tn.lan'", NULL));
  return mc_queue_new (db);
}

static void
take_ticket (McQueue *queue, const char *service, McTime at)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McQueueService) s = mc_queue_find_service (queue, service, &error);
  g_autoptr(McQueueTicket) t = NULL;

  g_assert_no_error (error);
  t = mc_queue_take (queue, s->id, MC_QUEUE_PRIORITY_NONE, at, &error);
  g_assert_no_error (error);
}

static void
act (McQueueTicket *(*action) (McQueue *, int, McTime, GError **), McQueue *queue, int counter, McTime at)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McQueueTicket) t = action (queue, counter, at, &error);

  g_assert_no_error (error);
  g_assert_nonnull (t);
}

static McBoardModel *
load_at (McWorkflow *wf, McTime at)
{
  g_autoptr(GError) error = NULL;
  McBoardModel *model = mc_board_model_load (wf, at, &error);

  g_assert_no_error (error);
  return model;
}

static void
assert_call (McBoardModel *m, guint i, const char *label, int counter, McTime at, int calls)
{
  McQueueCall *call;

  g_assert_cmpuint (i, <, m->calls->len);
  call = m->calls->pdata[i];
  g_assert_cmpstr (call->label, ==, label);
  g_assert_cmpint (call->counter, ==, counter);
  g_assert_cmpint (call->called_at, ==, at);
  g_assert_cmpint (call->calls, ==, calls);
}

/* The calling panel's model: each counter's last call of the day, newest
 * first, a recall moving its call up and counting it, the blink window,
 * the day's waiting figures; nothing on another day. */
static void
test_calls_model (void)
{
  g_autoptr(McWorkflow) wf = demo_workflow (20);
  g_autoptr(McQueue) queue = demo_queue (wf);
  McTime t0 = mc_test_time ("2026-12-07 08:00");
  McBoardModel *m = load_at (wf, t0);

  g_assert_true (mc_board_model_has_calls (m));
  g_assert_cmpint (m->queue.counters, ==, 4);
  g_assert_cmpuint (m->calls->len, ==, 0);
  g_assert_cmpfloat (m->queue.wait_avg, <, 0);
  mc_board_model_free (m);

  take_ticket (queue, "A", t0);
  take_ticket (queue, "A", t0 + 10);
  take_ticket (queue, "A", t0 + 20);
  take_ticket (queue, "B", t0 + 30);
  act (mc_queue_call_next, queue, 1, t0 + 600);   /* A001 at 1 */
  act (mc_queue_call_next, queue, 3, t0 + 660);   /* B001 at 3 */
  act (mc_queue_call_next, queue, 1, t0 + 720);   /* A001 done, A002 at 1 */
  m = load_at (wf, t0 + 730);
  g_assert_cmpuint (m->calls->len, ==, 2);        /* counters 2 and 4 called nobody */
  assert_call (m, 0, "A002", 1, t0 + 720, 1);
  assert_call (m, 1, "B001", 3, t0 + 660, 1);
  g_assert_cmpint (m->queue.waiting, ==, 1);      /* A003 */
  g_assert_cmpint (m->queue.called, ==, 3);
  /* Waits: A001 600 s, B001 630 s, A002 710 s. */
  g_assert_cmpfloat (fabs (m->queue.wait_avg - (600 + 630 + 710) / 3.0), <, 0.01);
  mc_board_model_free (m);

  act (mc_queue_recall, queue, 3, t0 + 800);
  m = load_at (wf, t0 + 805);
  assert_call (m, 0, "B001", 3, t0 + 800, 2);
  assert_call (m, 1, "A002", 1, t0 + 720, 1);
  g_assert_true (mc_board_call_blinking (m->calls->pdata[0], t0 + 805));
  g_assert_true (mc_board_call_blinking (m->calls->pdata[0], t0 + 800 + MC_BOARD_CALL_BLINK_SECONDS - 1));
  g_assert_false (mc_board_call_blinking (m->calls->pdata[0], t0 + 800 + MC_BOARD_CALL_BLINK_SECONDS));
  g_assert_false (mc_board_call_blinking (m->calls->pdata[0], t0 + 795));
  g_assert_false (mc_board_call_blinking (m->calls->pdata[1], t0 + 805));
  mc_board_model_free (m);

  /* Absent: still the counter's last call, shown as such. */
  act (mc_queue_skip, queue, 3, t0 + 900);
  m = load_at (wf, t0 + 905);
  assert_call (m, 0, "B001", 3, t0 + 800, 2);
  g_assert_cmpint (((McQueueCall *) m->calls->pdata[0])->state, ==, MC_QUEUE_STATE_ABSENT);
  mc_board_model_free (m);

  m = load_at (wf, t0 + 86400);
  g_assert_cmpuint (m->calls->len, ==, 0);
  g_assert_cmpint (m->queue.waiting, ==, 0);
  mc_board_model_free (m);
}

static guint32
pixel_at (cairo_surface_t *surface, double x, double y)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  cairo_surface_flush (surface);
  return ((const guint32 *) (data + (gsize) y * stride))[(int) x] & 0xffffff;
}

static const McBoardTextBox *
find_box (GArray *boxes, const char *content)
{
  for (guint i = 0; i < boxes->len; i++)
    if (g_str_equal (g_array_index (boxes, McBoardTextBox, i).content, content))
      return &g_array_index (boxes, McBoardTextBox, i);
  return NULL;
}

#define ACCENT 0xffd166  /* the newest call's band at rest */
#define NAVY 0x0d3b66    /* … blinking, half of each half-second */

/* The newest call drawn at 1080p, 4K and portrait: its number the largest
 * text, in the panel beside (landscape) or above (portrait) the pages, on
 * the accent band that blinks for MC_BOARD_CALL_BLINK_SECONDS; no panel
 * without a queue. */
static void
test_calls_draw (void)
{
  static const Size panel_sizes[] = { { 1920, 1080 }, { 3840, 2160 }, { 1080, 1920 } };

  for (guint i = 0; i < G_N_ELEMENTS (panel_sizes); i++)
    {
      int w = panel_sizes[i].width, h = panel_sizes[i].height;
      double s = MIN (MIN (w, h) / 1080.0, MAX (w, h) / 1920.0);
      g_autoptr(McBoardModel) m = adversarial_model (10);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
      g_autoptr(GArray) boxes = mc_board_text_boxes_new ();
      const McBoardTextBox *newest, *counter, *second;
      McQueueCall *call;
      cairo_t *cr;
      double bx, by;

      add_calls (m, 3, m->loaded_at);
      call = m->calls->pdata[0];
      g_free (call->label);
      call->label = g_strdup ("A025");
      call->counter = 3;
      m->frame.page = MC_BOARD_PAGE_RESULTS;
      m->frame.clock = call->called_at + 60;  /* no longer blinking */
      cr = cairo_create (surface);
      mc_board_draw_reporting (cr, m, w, h, boxes);
      cairo_destroy (cr);
      newest = find_box (boxes, "A025");
      counter = find_box (boxes, "Quầy 3");
      second = find_box (boxes, ((McQueueCall *) m->calls->pdata[1])->label);
      g_assert_nonnull (newest);
      g_assert_nonnull (counter);
      g_assert_nonnull (second);
      g_test_message ("%d×%d: A025 %.0f×%.0f at %.0f,%.0f", w, h, newest->text.width, newest->text.height,
                      newest->text.x, newest->text.y);
      if (w > h)
        g_assert_cmpfloat (newest->cell.x, >, w * 0.6);   /* the panel on the right */
      else
        g_assert_cmpfloat (newest->cell.y + newest->cell.height, <, h * 0.45);  /* above the pages */
      g_assert_cmpfloat (newest->text.height, >, 80 * s);
      g_assert_cmpfloat (newest->text.height, >, second->text.height * 1.5);
      for (guint k = 0; k < boxes->len; k++)
        g_assert_cmpfloat (g_array_index (boxes, McBoardTextBox, k).text.height, <=, newest->text.height);
      g_assert_cmpfloat (second->cell.y, >, newest->cell.y + newest->cell.height);  /* newest first */

      /* The band left of the number: accent at rest, navy and accent in turn while blinking. */
      bx = newest->cell.x - 12 * s;
      by = newest->cell.y + 4 * s;
      g_assert_cmphex (pixel_at (surface, bx, by), ==, ACCENT);
      m->frame.clock = call->called_at + 2;
      m->frame.elapsed = 0.1;
      draw_on_sentinel (surface, m, w, h);
      g_assert_cmphex (pixel_at (surface, bx, by), ==, NAVY);
      m->frame.elapsed = 0.3;
      draw_on_sentinel (surface, m, w, h);
      g_assert_cmphex (pixel_at (surface, bx, by), ==, ACCENT);

      /* No queue, no panel: the pages take the whole width again. */
      m->queue.counters = 0;
      g_array_set_size (boxes, 0);
      cr = cairo_create (surface);
      mc_board_draw_reporting (cr, m, w, h, boxes);
      cairo_destroy (cr);
      g_assert_null (find_box (boxes, "A025"));
      cairo_surface_destroy (surface);
    }
}

static void
test_announcements (void)
{
  g_autoptr(McDb) db = mc_test_db_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *long_text = g_strnfill (MC_ANNOUNCEMENT_MAX_CHARS + 1, 'a');
  gint64 a, b, c;

  a = mc_announcement_add (db, "Giờ làm việc: sáng 07:00–11:30", &error);
  g_assert_no_error (error);
  b = mc_announcement_add (db, "Đường dây nóng:\n0237.3824.xxx", &error);
  c = mc_announcement_add (db, "Nộp hồ sơ trực tuyến tại dichvucong.gov.vn", &error);
  g_assert_no_error (error);
  g_assert_cmpint (mc_announcement_add (db, "   ", &error), ==, 0);
  g_assert_error (error, MC_DB_ERROR, MC_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (mc_announcement_add (db, long_text, &error), ==, 0);
  g_assert_error (error, MC_DB_ERROR, MC_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (mc_announcement_move (db, c, -1, &error));
  g_assert_true (mc_announcement_update (db, a, "Giờ làm việc: sáng 07:30–11:30", FALSE, &error));
  g_assert_no_error (error);
  list = mc_announcement_list (db, FALSE, &error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpint (((McAnnouncement *) list->pdata[0])->id, ==, a);
  g_assert_cmpint (((McAnnouncement *) list->pdata[1])->id, ==, c);
  g_assert_cmpstr (((McAnnouncement *) list->pdata[2])->text, ==, "Đường dây nóng: 0237.3824.xxx");
  g_clear_pointer (&list, g_ptr_array_unref);
  list = mc_announcement_list (db, TRUE, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_true (mc_announcement_remove (db, b, &error));
  g_assert_false (mc_announcement_remove (db, b, &error));
  g_assert_error (error, MC_DB_ERROR, MC_DB_ERROR_NOT_FOUND);
}

/* Live: a commit by another connection reaches the board's model within a
 * second, through the file watch, without any polling. */
typedef struct {
  GMainLoop *loop;
  guint      changes;
} Wait;

static void
changed_cb (McBoardSource *source, Wait *wait)
{
  wait->changes++;
  g_main_loop_quit (wait->loop);
}

static gboolean
timeout_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
wait_for_change (Wait *wait, guint timeout_ms)
{
  guint id = g_timeout_add (timeout_ms, timeout_cb, wait->loop);

  g_main_loop_run (wait->loop);
  g_source_remove (id);
}

static gboolean
has_announcement (McBoardSource *source, const char *text)
{
  McBoardModel *model = mc_board_source_get_model (source);

  for (guint i = 0; model && i < model->announcements->len; i++)
    if (g_str_equal (model->announcements->pdata[i], text))
      return TRUE;
  return FALSE;
}

static void
test_live (void)
{
  g_autoptr(McWorkflow) wf = demo_workflow (50);
  McDb *writer = mc_workflow_get_db (wf);
  g_autoptr(McBoardSource) source = mc_board_source_new (mc_db_get_path (writer));
  g_autoptr(GError) error = NULL;
  Wait wait = { g_main_loop_new (NULL, FALSE), 0 };
  gint64 start;

  g_signal_connect (source, "changed", G_CALLBACK (changed_cb), &wait);
  mc_board_source_start (source);
  wait_for_change (&wait, 10000);
  g_assert_nonnull (mc_board_source_get_model (source));
  g_assert_false (mc_board_source_is_offline (source));
  start = g_get_monotonic_time ();
  mc_announcement_add (writer, "Thông báo mới từ quầy 1", &error);
  g_assert_no_error (error);
  while (!has_announcement (source, "Thông báo mới từ quầy 1") && g_get_monotonic_time () - start < 1000000)
    wait_for_change (&wait, 1000);
  g_test_message ("the change reached the board after %.0f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_assert_true (has_announcement (source, "Thông báo mới từ quầy 1"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 1000000);
  g_main_loop_unref (wait.loop);
}

static gboolean
has_call (McBoardSource *source, const char *label, int calls)
{
  McBoardModel *model = mc_board_source_get_model (source);

  for (guint i = 0; model && i < model->calls->len; i++)
    {
      McQueueCall *call = model->calls->pdata[i];
      if (g_str_equal (call->label, label) && call->calls == calls)
        return TRUE;
    }
  return FALSE;
}

/* A call (and a recall) made on another connection reaches the board's
 * calling panel within a second. */
static void
test_live_call (void)
{
  g_autoptr(McWorkflow) wf = demo_workflow (20);
  g_autoptr(McQueue) queue = demo_queue (wf);
  McDb *writer = mc_workflow_get_db (wf);
  g_autoptr(McBoardSource) source = mc_board_source_new (mc_db_get_path (writer));
  Wait wait = { g_main_loop_new (NULL, FALSE), 0 };

  take_ticket (queue, "C", mc_time_now ());
  g_signal_connect (source, "changed", G_CALLBACK (changed_cb), &wait);
  mc_board_source_start (source);
  wait_for_change (&wait, 10000);
  g_assert_nonnull (mc_board_source_get_model (source));
  for (int calls = 1; calls <= 2; calls++)
    {
      gint64 start = g_get_monotonic_time ();

      act (calls == 1 ? mc_queue_call_next : mc_queue_recall, queue, 2, mc_time_now ());
      while (!has_call (source, "C001", calls) && g_get_monotonic_time () - start < 1000000)
        wait_for_change (&wait, 1000);
      g_test_message ("call %d reached the board after %.0f ms", calls, (g_get_monotonic_time () - start) / 1000.0);
      g_assert_true (has_call (source, "C001", calls));
      g_assert_cmpint (g_get_monotonic_time () - start, <, 1000000);
    }
  g_main_loop_unref (wait.loop);
}

/* A database that is not there yet: offline, then online by itself. */
static void
test_reconnect (void)
{
  g_autofree char *path = mc_test_tmp_path ("later.sqlite");
  g_autoptr(McBoardSource) source = NULL;
  g_autoptr(McDb) db = NULL;
  g_autoptr(GError) error = NULL;
  Wait wait = { NULL, 0 };

  /* A file that appears later; a server's database is there or the server
   * is down (pglive's reconnect). */
  if (mc_test_sqlite_only ("a database file created after the board started"))
    return;
  source = mc_board_source_new (path);
  wait.loop = g_main_loop_new (NULL, FALSE);

  g_signal_connect (source, "changed", G_CALLBACK (changed_cb), &wait);
  mc_board_source_start (source);
  wait_for_change (&wait, 5000);
  g_assert_true (mc_board_source_is_offline (source));
  g_assert_null (mc_board_source_get_model (source));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));  /* the board never creates it */
  db = mc_db_new (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (mc_demo_fill (db, 20, 3, NULL, &error));
  for (int i = 0; i < 3 && mc_board_source_get_model (source) == NULL; i++)
    wait_for_change (&wait, 5000);
  g_assert_false (mc_board_source_is_offline (source));
  g_assert_nonnull (mc_board_source_get_model (source));
  g_main_loop_unref (wait.loop);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/board/mask", test_mask);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *name = g_strdup_printf ("/board/layout/%dx%d", sizes[i].width, sizes[i].height);
      g_test_add_data_func (name, &sizes[i], test_layout);
    }
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *name = g_strdup_printf ("/board/coverage/%dx%d", sizes[i].width, sizes[i].height);
      g_test_add_data_func (name, &sizes[i], test_coverage);
    }
  g_test_add_func ("/board/prepared", test_prepared);
  g_test_add_func ("/board/pages", test_pages);
  g_test_add_func ("/board/figures", test_figures);
  g_test_add_func ("/board/render", test_render);
  g_test_add_func ("/board/announcements", test_announcements);
  g_test_add_func ("/board/live", test_live);
  g_test_add_func ("/board/calls/model", test_calls_model);
  g_test_add_func ("/board/calls/draw", test_calls_draw);
  g_test_add_func ("/board/calls/live", test_live_call);
  g_test_add_func ("/board/reconnect", test_reconnect);
  return g_test_run ();
}
