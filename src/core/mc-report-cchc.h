/* mc-report-cchc.h — Phụ lục 01b, thống kê số liệu về kết quả thực hiện
 * công tác cải cách hành chính (seed 003 word for word; seed 004): the
 * figures the software holds computed, the others entered per period
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "mc-db.h"
#include "mc-time.h"

G_BEGIN_DECLS

typedef enum {
  MC_CCHC_PROCEDURES,            /* 3.1.3 Tổng số TTHC đang áp dụng */
  MC_CCHC_ONE_STOP,              /* 3.2.1 … theo cơ chế một cửa tại cấp … */
  MC_CCHC_LINKED,                /* 3.2.3 … liên thông giữa các cấp chính quyền */
  MC_CCHC_ONLINE_PARTIAL_PROCEDURES, /* 7.4.1 TTHC cung cấp trực tuyến mức độ 3 (một phần) */
  MC_CCHC_ONLINE_FULL_PROCEDURES,    /* 7.4.2 … mức độ 4 (toàn trình) */
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
  MC_CCHC_PUBLISHED,             /* 3.4.2 kết quả đã giải quyết công khai (bảng điện tử, phụ lục công khai) */
  MC_CCHC_APOLOGIES,             /* 3.5 số thư / trường hợp đã công khai xin lỗi */
  MC_CCHC_N_ITEMS,
} McCchcItem;

typedef struct {
  McDate from, to;
  guint  value[MC_CCHC_N_ITEMS];
} McReportCchc;

/* unit_id 0: the center's own unit. Needs MC_PERMISSION_REPORT. */
McReportCchc *mc_report_cchc_compute (McDb *db, gint64 unit_id, McDate from, McDate to, GError **error);
/* Procedure codes for the procedure items, else dossier codes; the
 * length equals the value. */
GPtrArray    *mc_report_cchc_items   (McDb *db, gint64 unit_id, McDate from, McDate to, McCchcItem item,
                                      GError **error);
gboolean      mc_report_cchc_item_is_procedures (McCchcItem item);

/* The appendix's lines in order, as seed 003 prints them. */
typedef enum {
  MC_CCHC_LINE_SECTION,   /* "3 Cải cách thủ tục hành chính", bold */
  MC_CCHC_LINE_GROUP,     /* "3.1 Thống kê TTHC": a heading, no figure */
  MC_CCHC_LINE_COMPUTED,  /* a figure the software holds */
  MC_CCHC_LINE_ENTRY,     /* a figure entered for the period */
} McCchcLineKind;

typedef struct {
  const char     *number;  /* as printed ("6.1."), "" under "Trong đó" */
  const char     *key;     /* the entry's key ("6.1", "7.2.2a"), or the number */
  McCchcLineKind  kind;
  int             item;    /* McCchcItem of a computed line, else -1 */
  const char     *unit;    /* "Thủ tục", "Không = 0\nCó = 1", … */
  double          max;     /* an entry's largest value (1 for Có = 1, 100 for %); 0: none */
  const char     *label;   /* with {cap} for the unit's level ("xã"), {tren} for the level above
                            * ("huyện"), {muc3}/{muc4} for the period's online-level names */
} McCchcLine;

const McCchcLine *mc_report_cchc_lines (guint *n_lines);
/* The entry line of a key ("1.1.1", "6.1." and "6.1" alike), or NULL. */
const McCchcLine *mc_report_cchc_entry_line (const char *key);
/* The label for the unit (unit_id 0: the center's own) and the period. */
char         *mc_report_cchc_line_label (McDb *db, const McCchcLine *line, gint64 unit_id, McDate to);
/* Whether the period prints "mức độ 3 / 4" (before the setting
 * report.online_names_from) rather than "một phần / toàn trình". */
gboolean      mc_report_cchc_old_online_names (McDb *db, McDate to, GError **error);

/* The entered figures of the unit and period: key → value as printed. */
GHashTable   *mc_report_cchc_entries (McDb *db, gint64 unit_id, McDate from, McDate to, GError **error);
/* Enters one figure ("" clears it): a number as Vietnamese write it
 * (1.157; 0,05; 100), not negative, at most the line's max; audited.
 * Needs MC_PERMISSION_REPORT. */
gboolean      mc_report_cchc_set_entry (McDb *db, gint64 unit_id, McDate from, McDate to, const char *key,
                                        const char *value, GError **error);
/* Enters several figures in one transaction: all of them or, when one is
 * refused, none. `keys` and `values` are NULL-terminated and of the same
 * length; on failure *failed (may be NULL) is the index of the figure
 * refused, -1 when the transaction itself failed. */
gboolean      mc_report_cchc_set_entries (McDb *db, gint64 unit_id, McDate from, McDate to,
                                          const char *const *keys, const char *const *values, int *failed,
                                          GError **error);

#define MC_REPORT_ONLINE_NAMES_KEY "report.online_names_from"

G_END_DECLS
