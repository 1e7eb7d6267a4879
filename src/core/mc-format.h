/* mc-format.h — numbers and dates the Vietnamese way
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "mc-time.h"

G_BEGIN_DECLS

char *mc_format_count      (gint64 n);              /* 1.157 */
char *mc_format_count_rounded (gint64 n);           /* an estimate: 7.900; 1,2 triệu */
char *mc_format_decimal    (double value, int decimals);  /* 77,5 (trailing zeros dropped) */
char *mc_format_percent    (double ratio, int decimals);  /* 0.775 → "77,5%" */
char *mc_format_money      (gint64 dong);           /* 50.000 đồng */
char *mc_format_date       (McDate date);           /* 14/03/2024 */
char *mc_format_date_long  (McDate date);           /* ngày 14 tháng 3 năm 2024 */
char *mc_format_date_full  (McDate date);           /* Thứ Năm, ngày 14 tháng 3 năm 2024 */
char *mc_format_time       (McTime t);              /* 10:00 ngày 03/05/2024 */
const char *mc_format_weekday (int weekday);        /* 1 → "Thứ Hai", 7 → "Chủ nhật" */
char *mc_format_working_days (double days);         /* "0,5 ngày làm việc" */

G_END_DECLS
