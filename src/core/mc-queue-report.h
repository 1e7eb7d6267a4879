/* mc-queue-report.h — the waiting measured as a document: Thống kê xếp hàng
 * (issue 18 item 6), shown by its page and written as XLSX and PDF
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-queue-stats.h"
#include "mc-report-document.h"

G_BEGIN_DECLS

/* The tables of the document, in this order. */
typedef enum {
  MC_QUEUE_REPORT_TABLE_COUNTER,
  MC_QUEUE_REPORT_TABLE_SERVICE,
  MC_QUEUE_REPORT_TABLE_DAY,
  MC_QUEUE_REPORT_TABLE_HOUR,
  MC_QUEUE_REPORT_N_TABLES
} McQueueReportTable;

/* The columns of every table. */
typedef enum {
  MC_QUEUE_REPORT_COLUMN_NAME,     /* Quầy 3, the service, 07/12/2026, 08:00 – 09:00, Tổng cộng */
  MC_QUEUE_REPORT_COLUMN_ISSUED,   /* 1.157 */
  MC_QUEUE_REPORT_COLUMN_SERVED,
  MC_QUEUE_REPORT_COLUMN_ABSENT,
  MC_QUEUE_REPORT_COLUMN_RATE,     /* served of issued: 77,5% */
  MC_QUEUE_REPORT_COLUMN_WAIT,     /* minutes, one decimal: 12,5 */
  MC_QUEUE_REPORT_COLUMN_WAIT_P90,
  MC_QUEUE_REPORT_COLUMN_SERVICE,
  MC_QUEUE_REPORT_N_COLUMNS
} McQueueReportColumn;

/* The document of the figures computed (the page computes them once and
 * shows this document; the exports write it). The issuer, place and
 * signatures are the reports' settings (report.*); needs
 * MC_PERMISSION_DASHBOARD. */
McReportDocument *mc_queue_report_new         (McDb *db, const McQueueStatsAll *stats, GError **error);

/* "ngày 07/12/2026", "tháng 12 năm 2026", "quý IV năm 2026", "năm 2026" or
 * "từ ngày 01/12/2026 đến ngày 15/12/2026". */
char             *mc_queue_report_period_text (McDate from, McDate to);
/* Seconds as minutes with one decimal, Vietnamese (12,5); "" for none (< 0). */
char             *mc_queue_report_minutes     (double seconds);
/* A line's name as the document writes it: a day as 07/12/2026, an hour as
 * "08:00 – 09:00", the rest as core named it. */
char             *mc_queue_report_line_name   (McQueueStatsBy by, const McQueueStatsRow *row);
/* One sentence of the period's total: "1.157 lượt lấy số, 1.040 lượt đã
 * phục vụ (89,9%), 93 lượt vắng mặt; chờ trung bình 12,5 phút, 90% không
 * quá 31 phút; phục vụ trung bình 8,2 phút." */
char             *mc_queue_report_summary     (const McQueueStatsRow *total);

G_END_DECLS
