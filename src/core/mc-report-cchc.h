/* mc-report-cchc.h — Phụ lục thống kê số liệu cải cách hành chính, items
 * 3.1–3.3 and 3.5 (seed 003's Phụ lục 01b; seed 004)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "mc-db.h"
#include "mc-time.h"

G_BEGIN_DECLS

typedef enum {
  MC_CCHC_PROCEDURES,            /* 3.1.3 Tổng số TTHC đang áp dụng */
  MC_CCHC_ONE_STOP,              /* 3.2.1 … theo cơ chế một cửa */
  MC_CCHC_LINKED,                /* 3.2.3 … liên thông */
  MC_CCHC_RECEIVED,              /* 3.3.1 hồ sơ đã tiếp nhận = the five below (06a (3)) */
  MC_CCHC_RECEIVED_DIRECT,       /*   tiếp nhận trực tiếp */
  MC_CCHC_RECEIVED_POST,         /*   qua BCCI */
  MC_CCHC_RECEIVED_PARTIAL,      /*   trực tuyến một phần (mức độ 3) */
  MC_CCHC_RECEIVED_FULL,         /*   trực tuyến toàn trình (mức độ 4) */
  MC_CCHC_RECEIVED_CARRIED,      /*   từ kỳ trước chuyển qua */
  MC_CCHC_ON_TIME,               /* 3.3.2 giải quyết đúng hạn = the four below */
  MC_CCHC_ON_TIME_DIRECT,
  MC_CCHC_ON_TIME_POST,
  MC_CCHC_ON_TIME_PARTIAL,
  MC_CCHC_ON_TIME_FULL,
  MC_CCHC_ON_TIME_LAND,          /* 3.3.3 lĩnh vực đất đai */
  MC_CCHC_ON_TIME_CONSTRUCTION,  /* 3.3.4 lĩnh vực xây dựng */
  MC_CCHC_APOLOGIES,             /* 3.5 số thư / trường hợp đã công khai xin lỗi */
  MC_CCHC_N_ITEMS,
} McCchcItem;

typedef struct {
  McDate from, to;
  guint  value[MC_CCHC_N_ITEMS];
} McReportCchc;

/* unit_id 0: the center's own unit. Needs MC_PERMISSION_REPORT. */
McReportCchc *mc_report_cchc_compute (McDb *db, gint64 unit_id, McDate from, McDate to, GError **error);
/* Procedure codes for the first three items, else dossier codes; the
 * length equals the value. */
GPtrArray    *mc_report_cchc_items   (McDb *db, gint64 unit_id, McDate from, McDate to, McCchcItem item,
                                      GError **error);
gboolean      mc_report_cchc_item_is_procedures (McCchcItem item);
/* The form's numbering ("3.3.1", or "" under "Trong đó"), label and unit. */
const char   *mc_report_cchc_item_number (McCchcItem item);
const char   *mc_report_cchc_item_label  (McCchcItem item);
const char   *mc_report_cchc_item_unit   (McCchcItem item);
/* Whether the item is a "Trong đó" line of the one above it. */
gboolean      mc_report_cchc_item_is_detail (McCchcItem item);

G_END_DECLS
