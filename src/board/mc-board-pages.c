/* mc-board-pages.c — the liveboard's four pages
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Results waiting to be collected, the statistics of Biểu 06a, the on-time
 * rate by department and the public apologies: each page's title bar,
 * contents and the seconds it stays up.
 */
#include "config.h"

#include "mc-board-draw-private.h"
#include "mc-format.h"

/* Formatting */

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

/* Two words for two figures: "trả quá hạn" is a result given after its
 * appointment (06a (10)), "đang quá hạn" a dossier not settled whose
 * appointment has passed (06a (13), the inbox's "quá hạn"). */
static const Column field_columns[] = {
  { 0.27, "Lĩnh vực (năm nay)", ALIGN_LEFT, 2, FALSE },
  { 0.12, "Tiếp nhận", ALIGN_RIGHT, 1, FALSE },
  { 0.12, "Đã giải quyết", ALIGN_RIGHT, 1, FALSE },
  { 0.14, "Trước hạn, đúng hạn", ALIGN_RIGHT, 1, FALSE },
  { 0.11, "Trả quá hạn", ALIGN_RIGHT, 1, FALSE },
  { 0.12, "Đang giải quyết", ALIGN_RIGHT, 1, FALSE },
  { 0.12, "Đang quá hạn", ALIGN_RIGHT, 1, FALSE },
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
    case 6: return mc_format_count (f->pending_late);
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

/* The statistics: a matrix of the six figures by period on top, the
 * fields of the year below. */
#define SUMMARY_ROWS 7  /* the periods' titles and six figures */

static double
summary_height (Ctx *c)
{
  return SUMMARY_ROWS * (c->portrait ? 70 : 64) * c->s;
}

static void
draw_summary (Ctx *c, McBoardRect r)
{
  static const char *const labels[] = { "Tiếp nhận", "Đã giải quyết", "Tỷ lệ trước hạn, đúng hạn",
                                        "Trả quá hạn", "Đang giải quyết", "Đang quá hạn" };
  static const guint columns[] = { 1, 2, 3, 4, 5, 6 };
  static const Style head = { 28, TRUE, ALIGN_RIGHT, 1, 0.7 };
  static const Style label = { 28, FALSE, ALIGN_LEFT, 1, 0.7 };
  static const Style value = { 40, TRUE, ALIGN_RIGHT, 1, 0.7 };
  double row_h = r.height / SUMMARY_ROWS, label_w = r.width * 0.34, col_w = (r.width - label_w) / 3;

  mc_board_fill_rect (c, rect (r.x, r.y, r.width, row_h), navy);
  for (int p = 0; p < MC_BOARD_N_PERIODS; p++)
    mc_board_draw_text (c, c->model->periods[p].title, &head,
                        inset (rect (r.x + label_w + p * col_w, r.y, col_w, row_h), 14 * c->s, 4 * c->s), white);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      McBoardRect line = rect (r.x, r.y + (i + 1) * row_h, r.width, row_h);

      mc_board_fill_rect (c, line, i % 2 ? zebra : white);
      mc_board_draw_text (c, labels[i], &label, inset (rect (line.x, line.y, label_w, row_h), 14 * c->s, 4 * c->s),
                          ink);
      for (int p = 0; p < MC_BOARD_N_PERIODS; p++)
        {
          g_autofree char *text = figure_text (&c->model->periods[p].total, columns[i]);
          gboolean alarm = (columns[i] == 4 && c->model->periods[p].total.late > 0) ||
                           (columns[i] == 6 && c->model->periods[p].total.pending_late > 0);
          Rgb color = alarm ? red :
                      columns[i] == 3 ? green : navy_dark;
          mc_board_draw_text (c, text, &value, inset (rect (r.x + label_w + p * col_w, line.y, col_w, row_h),
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
  double preferred = (c->narrow ? 130 : 92) * c->s;
  return n ? CLAMP (area.height / n, (c->narrow ? 110 : 70) * c->s, preferred) : preferred;
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
  double value_w = (c->narrow ? 330 : 360) * c->s;

  if (c->narrow)
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
  mc_board_draw_text (c, d->name, &name, inset (name_box, 0, 2 * c->s), ink);
  mc_board_fill_rect (c, rect (bar_box.x, bar_box.y, bar_box.width * rate, bar_box.height), rate_color (rate));
  mc_board_fill_rect (c, rect (bar_box.x + bar_box.width * rate, bar_box.y, bar_box.width * (1 - rate), bar_box.height),
                      zebra);
  mc_board_draw_text (c, label, &value, value_box, ink);
}

static void
draw_departments (Ctx *c, McBoardRect area, double into, double duration)
{
  const McBoardModel *m = c->model;
  guint n = m->departments->len;
  double row_h = department_row_height (c, area, n);
  double offset = mc_board_scroll_offset (n * row_h - area.height, row_h, into, duration);
  McBoardRect saved;

  mc_board_fill_rect (c, area, paper);
  if (n == 0)
    {
      mc_board_draw_text (c, "Chưa có hồ sơ giải quyết xong trong năm",
                          &(Style) { 32, FALSE, ALIGN_CENTER, 2, 0.7 }, inset (area, 40 * c->s, 40 * c->s), ink_soft);
      return;
    }
  mc_board_push_clip (c, area, &saved);
  for (guint i = 0; i < n; i++)
    {
      McBoardRect line = rect (area.x, area.y + i * row_h - offset, area.width, row_h);
      if (line.y + line.height <= area.y || line.y >= area.y + area.height)
        continue;
      draw_department (c, m->departments->pdata[i], inset (line, 0, 8 * c->s));
    }
  mc_board_pop_clip (c, saved);
}

/* Page timing */

double
mc_board_page_duration (Ctx *c, McBoardPage page)
{
  const McBoardModel *m = c->model;
  McBoardRect area = page_area (c, mc_board_frame_layout (c).body);
  double base = MAX (m->frame.page_seconds, 3);

  switch (page)
    {
    case MC_BOARD_PAGE_RESULTS:
    case MC_BOARD_PAGE_APOLOGIES:
      {
        Table t = page == MC_BOARD_PAGE_RESULTS ? results_table (m) : apologies_table (m);
        TableGeometry g = mc_board_table_geometry (c, &t, area);
        return mc_board_scroll_seconds (g.content_h - g.view_h, g.row_h, base);
      }
    case MC_BOARD_PAGE_STATISTICS:
      {
        McBoardRect summary, fields;
        Table t = fields_table (m);
        TableGeometry g;
        statistics_parts (c, area, &summary, &fields);
        g = mc_board_table_geometry (c, &t, fields);
        return mc_board_scroll_seconds (g.content_h - g.view_h, g.row_h, base);
      }
    case MC_BOARD_PAGE_DEPARTMENTS:
    default:
      {
        double row_h = department_row_height (c, area, m->departments->len);
        return mc_board_scroll_seconds (m->departments->len * row_h - area.height, row_h, base);
      }
    }
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
      {
        guint total = MAX (m->results_total, m->results->len);
        g_autofree char *count = mc_format_count (total);

        /* Only the newest are listed when many wait: say so. */
        if (total > m->results->len)
          return g_strdup_printf ("%s hồ sơ, %u mới nhất", count, m->results->len);
        return g_strdup_printf ("%s hồ sơ", count);
      }
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
  const Style title = { 34, TRUE, ALIGN_LEFT, c->narrow ? 2 : 1, 0.75 };
  static const Style sub = { 24, FALSE, ALIGN_RIGHT, 2, 0.7 };
  g_autofree char *subtitle = page_subtitle (c->model, page);
  double pad = 28 * c->s;
  double dots_w = MC_BOARD_N_PAGES * 26 * c->s;
  double sub_w = (c->narrow ? 230 : 420) * c->s;
  McBoardRect in = inset (r, pad, 8 * c->s);

  mc_board_fill_rect (c, r, paper);  /* the rule below is 3 px: not worth cutting around */
  mc_board_fill_rect (c, rect (in.x, r.y + r.height - 3 * c->s, in.width, 3 * c->s), head_row);
  mc_board_draw_text (c, page_titles[page], &title, rect (in.x, in.y, in.width - sub_w - dots_w - pad, in.height),
                      navy);
  mc_board_draw_text (c, subtitle, &sub, rect (in.x + in.width - sub_w - dots_w, in.y, sub_w - 16 * c->s, in.height),
                      ink_soft);
  for (int p = 0; p < MC_BOARD_N_PAGES; p++)
    {
      double cx = in.x + in.width - dots_w + (p + 0.5) * 26 * c->s;
      cairo_arc (c->cr, cx, in.y + in.height / 2, 8 * c->s, 0, 2 * G_PI);
      set_color (c->cr, p == (int) page ? navy : head_row);
      cairo_fill (c->cr);
    }
}

void
mc_board_draw_page (Ctx *c, McBoardPage page, McBoardRect title_bar, McBoardRect body, double into, double duration)
{
  const McBoardModel *m = c->model;
  McBoardRect area = page_area (c, body);

  mc_board_fill_around (c, body, area, paper);  /* each page fills its area */
  draw_title_bar (c, title_bar, page);
  switch (page)
    {
    case MC_BOARD_PAGE_RESULTS:
      {
        Table t = results_table (m);
        mc_board_draw_table (c, &t, area, into, duration, "Hiện chưa có hồ sơ chờ trả kết quả");
        break;
      }
    case MC_BOARD_PAGE_STATISTICS:
      {
        McBoardRect summary, fields;
        Table t = fields_table (m);
        statistics_parts (c, area, &summary, &fields);
        mc_board_fill_rect (c, rect (area.x, summary.y + summary.height, area.width,
                                     fields.y - summary.y - summary.height), paper);
        draw_summary (c, summary);
        mc_board_draw_table (c, &t, fields, into, duration, "Chưa có hồ sơ trong năm");
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
        mc_board_draw_table (c, &t, area, into, duration, empty);
        break;
      }
    }
}

