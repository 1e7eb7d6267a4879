/* mc-queue-report.c — Thống kê xếp hàng as a McReportDocument (issue 18 item 6)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figures of mc_queue_stats_all laid out as the other reports: the
 * issuing unit, the title, the period and a sentence of the whole period,
 * then one table per grouping (by counter, by service, by day, by hour) and
 * the two signature blocks of the settings report.*. The Thống kê xếp hàng
 * page shows this document and the exports (src/export/mc-report-doc.c)
 * write it, so the screen and the files cannot differ. No statutory form
 * prescribes a queue report (none found in TT 01/2018/TT-VPCP nor in
 * NĐ 61/2018 as amended by NĐ 107/2021): the layout is the appendices' (NĐ
 * 30/2020 Phụ lục I), portrait A4, and the figures are the issue's list.
 */
#include "config.h"

#include "mc-format.h"
#include "mc-queue-report.h"
#include "mc-report-document-private.h"

char *
mc_queue_report_minutes (double seconds)
{
  return seconds < 0 ? g_strdup ("") : mc_format_decimal (seconds / 60.0, 1);
}

/* Whether [from, to] is the whole month (or the three months of a
 * quarter, or the year) that from begins. */
static gboolean
is_whole_months (McDate from, McDate to, int months)
{
  int y, m, d, y2, m2, d2;

  mc_date_to_ymd (from, &y, &m, &d);
  if (d != 1 || (months == 3 && (m - 1) % 3 != 0) || (months == 12 && m != 1))
    return FALSE;
  mc_date_to_ymd (to + 1, &y2, &m2, &d2);
  return d2 == 1 && (y2 * 12 + m2) - (y * 12 + m) == months;
}

char *
mc_queue_report_period_text (McDate from, McDate to)
{
  static const char *const roman[] = { "I", "II", "III", "IV" };
  int y, m, d;

  mc_date_to_ymd (from, &y, &m, &d);
  if (from == to)
    {
      g_autofree char *date = mc_format_date (from);

      return g_strdup_printf ("ngày %s", date);
    }
  if (is_whole_months (from, to, 1))
    return g_strdup_printf ("tháng %d năm %d", m, y);
  if (is_whole_months (from, to, 3))
    return g_strdup_printf ("quý %s năm %d", roman[(m - 1) / 3], y);
  if (is_whole_months (from, to, 12))
    return g_strdup_printf ("năm %d", y);
  {
    g_autofree char *first = mc_format_date (from), *last = mc_format_date (to);

    return g_strdup_printf ("từ ngày %s đến ngày %s", first, last);
  }
}

char *
mc_queue_report_line_name (McQueueStatsBy by, const McQueueStatsRow *row)
{
  McDate day;

  if (row->sort == G_MAXINT)
    return g_strdup ("Tổng cộng");
  if (by == MC_QUEUE_STATS_BY_DAY && mc_date_parse_iso (row->key, &day))
    return mc_format_date (day);
  if (by == MC_QUEUE_STATS_BY_HOUR)
    return g_strdup_printf ("%02d:00 – %02d:00", row->sort, row->sort + 1);
  /* In Vietnamese whatever the program's language: the document is (core
   * names a counter by its number, sort, and 0 the tickets never called). */
  if (by == MC_QUEUE_STATS_BY_COUNTER)
    return row->sort > 0 ? g_strdup_printf ("Quầy %d", row->sort) : g_strdup ("Chưa gọi");
  return g_strdup (row->key);
}

char *
mc_queue_report_summary (const McQueueStatsRow *total)
{
  g_autofree char *issued = mc_format_count (total->issued), *served = mc_format_count (total->served);
  g_autofree char *absent = mc_format_count (total->absent);
  g_autofree char *rate = total->issued ? mc_format_percent ((double) total->served / total->issued, 1) : NULL;
  g_autofree char *wait = mc_queue_report_minutes (total->wait_avg);
  g_autofree char *p90 = mc_queue_report_minutes ((double) total->wait_p90);
  g_autofree char *service = mc_queue_report_minutes (total->service_avg);
  GString *s = g_string_new (NULL);

  if (total->issued == 0)
    return g_strdup ("Không có lượt lấy số nào trong kỳ.");
  g_string_append_printf (s, "%s lượt lấy số, %s lượt đã phục vụ (%s), %s lượt vắng mặt", issued, served, rate,
                          absent);
  if (total->wait_avg >= 0)
    g_string_append_printf (s, "; chờ trung bình %s phút, 90%% không quá %s phút", wait, p90);
  if (total->service_avg >= 0)
    g_string_append_printf (s, "; phục vụ trung bình %s phút", service);
  g_string_append (s, ".");
  return g_string_free (s, FALSE);
}

/* The same columns in every table: the counts under "Số lượt", the times
 * under "Thời gian (phút)"; portrait A4 holds 468 points. */
static void
add_columns (McReportTable *t, const char *name_title)
{
  mc_report_document_add_column (t, name_title, NULL, 0, 26, FALSE, -1);
  mc_report_document_add_column (t, "Lấy số", "Số lượt", 44, 9, TRUE, -1);
  mc_report_document_add_column (t, "Đã phục vụ", "Số lượt", 44, 9, TRUE, -1);
  mc_report_document_add_column (t, "Vắng mặt", "Số lượt", 44, 9, TRUE, -1);
  mc_report_document_add_column (t, "Tỷ lệ phục vụ", NULL, 48, 9, TRUE, -1);
  mc_report_document_add_column (t, "Chờ trung bình", "Thời gian (phút)", 48, 10, TRUE, -1);
  mc_report_document_add_column (t, "90% chờ không quá", "Thời gian (phút)", 52, 10, TRUE, -1);
  mc_report_document_add_column (t, "Phục vụ trung bình", "Thời gian (phút)", 52, 10, TRUE, -1);
}

static void
add_line (McReportTable *t, McQueueStatsBy by, const McQueueStatsRow *r)
{
  gboolean total = r->sort == G_MAXINT;
  /* No list behind a figure (key -1): the tickets hold no dossier to open. */
  McReportRow *row = mc_report_document_add_row (t, -1, total);

  mc_report_row_take_cell (row, MC_QUEUE_REPORT_COLUMN_NAME, mc_queue_report_line_name (by, r));
  mc_report_row_take_cell (row, MC_QUEUE_REPORT_COLUMN_ISSUED, mc_format_count (r->issued));
  mc_report_row_take_cell (row, MC_QUEUE_REPORT_COLUMN_SERVED, mc_format_count (r->served));
  mc_report_row_take_cell (row, MC_QUEUE_REPORT_COLUMN_ABSENT, mc_format_count (r->absent));
  mc_report_row_take_cell (row, MC_QUEUE_REPORT_COLUMN_RATE,
                           r->issued ? mc_format_percent ((double) r->served / r->issued, 1) : g_strdup (""));
  mc_report_row_take_cell (row, MC_QUEUE_REPORT_COLUMN_WAIT, mc_queue_report_minutes (r->wait_avg));
  mc_report_row_take_cell (row, MC_QUEUE_REPORT_COLUMN_WAIT_P90, mc_queue_report_minutes ((double) r->wait_p90));
  mc_report_row_take_cell (row, MC_QUEUE_REPORT_COLUMN_SERVICE, mc_queue_report_minutes (r->service_avg));
}

/* The page's two charts (mc-queue-stats-page.c), on paper and in the
 * workbook: tickets taken beside served per hour; the average wait and its
 * p90 per day, or per hour for a single day. */
static void
add_charts (McReportDocument *doc, const McQueueStatsAll *stats)
{
  static const guint counts[] = { MC_QUEUE_REPORT_COLUMN_ISSUED, MC_QUEUE_REPORT_COLUMN_SERVED };
  static const guint waits[] = { MC_QUEUE_REPORT_COLUMN_WAIT, MC_QUEUE_REPORT_COLUMN_WAIT_P90 };
  gboolean one_day = stats->from == stats->to;

  mc_report_document_add_chart (doc, MC_REPORT_CHART_COLUMNS, "Lượt lấy số và đã phục vụ theo giờ",
                                MC_QUEUE_REPORT_TABLE_HOUR, counts, G_N_ELEMENTS (counts), 0);
  mc_report_document_add_chart (doc, MC_REPORT_CHART_LINES,
                                one_day ? "Thời gian chờ theo giờ (phút)" : "Thời gian chờ theo ngày (phút)",
                                one_day ? MC_QUEUE_REPORT_TABLE_HOUR : MC_QUEUE_REPORT_TABLE_DAY, waits,
                                G_N_ELEMENTS (waits), 1);
}

McReportDocument *
mc_queue_report_new (McDb *db, const McQueueStatsAll *stats, GError **error)
{
  static const struct {
    McQueueStatsBy by;
    const char    *heading, *name;
  } tables[] = {
    { MC_QUEUE_STATS_BY_COUNTER, "I. Theo quầy", "Quầy" },
    { MC_QUEUE_STATS_BY_SERVICE, "II. Theo dịch vụ", "Dịch vụ" },
    { MC_QUEUE_STATS_BY_DAY, "III. Theo ngày", "Ngày" },
    { MC_QUEUE_STATS_BY_HOUR, "IV. Theo giờ lấy số", "Giờ" },
  };
  g_autoptr(McReportDocument) doc = NULL;
  g_autofree char *period = NULL, *summary = NULL;
  GPtrArray *info;

  g_return_val_if_fail (stats != NULL, NULL);

  doc = mc_report_document_begin (db, MC_REPORT_DOC_QUEUE, 0, MC_REPORT_SCOPE_UNIT, stats->from, stats->to, error);
  if (doc == NULL)
    return NULL;
  /* Signed the day it is made, or the period's last day when that is over. */
  mc_report_document_set_signed_on (doc, MIN (stats->to, mc_time_get_date (mc_time_now ())));
  period = mc_queue_report_period_text (stats->from, stats->to);
  mc_report_document_take_text (doc, MC_REPORT_TEXT_SHEET, g_strdup ("Thống kê xếp hàng"));
  mc_report_document_take_text (doc, MC_REPORT_TEXT_TITLE, g_strdup ("THỐNG KÊ LẤY SỐ THỨ TỰ VÀ THỜI GIAN CHỜ"));
  mc_report_document_take_text (doc, MC_REPORT_TEXT_SUBTITLE, g_strdup_printf ("(Kỳ thống kê: %s)", period));
  info = mc_report_document_get_info (doc);
  summary = mc_queue_report_summary (mc_queue_stats_all_total (stats));
  g_ptr_array_add (info, g_strdup_printf ("Tổng hợp: %s", summary));
  g_ptr_array_add (info, g_strdup ("Thời gian chờ tính từ khi lấy số đến lần gọi đầu tiên; thời gian phục vụ từ khi "
                                   "bắt đầu phục vụ đến khi xong. Đơn vị tính: lượt, phút."));
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      McReportTable *t = mc_report_document_add_table (doc, tables[i].heading, FALSE);
      GPtrArray *rows = stats->rows[tables[i].by];

      add_columns (t, tables[i].name);
      for (guint r = 0; r < rows->len; r++)
        add_line (t, tables[i].by, rows->pdata[r]);
    }
  add_charts (doc, stats);
  return g_steal_pointer (&doc);
}
