/* mc-dossier-list.h — every dossier, as a GListModel that pages from SQLite
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mc-dossier-store.h"

G_BEGIN_DECLS

#define MC_TYPE_DOSSIER_LIST (mc_dossier_list_get_type ())
G_DECLARE_FINAL_TYPE (McDossierList, mc_dossier_list, MC, DOSSIER_LIST, GObject)

typedef enum {
  MC_DOSSIER_FILTER_ALL,
  MC_DOSSIER_FILTER_OPEN,        /* đang giải quyết */
  MC_DOSSIER_FILTER_DUE_SOON,    /* sắp đến hạn: open, due within one working day */
  MC_DOSSIER_FILTER_OVERDUE,     /* quá hạn (mc-lateness.h): open, the appointment in force passed */
  MC_DOSSIER_FILTER_STEP_LATE,   /* chậm tiến độ (mc-lateness.h): open, the current step past its due time */
  MC_DOSSIER_FILTER_READY,       /* đã có kết quả, chờ trả */
  MC_DOSSIER_FILTER_FINISHED,    /* đã trả, không đủ điều kiện, đã rút */
  MC_DOSSIER_FILTER_TO_HAND_BACK, /* chờ trả công dân: a result, or an unqualified or withdrawn dossier, not
                                   * yet handed back — the return desk's rows (mc_workflow_ready) */
} McDossierFilter;

/* Each order has its natural direction; `reversed` in the query turns it. */
typedef enum {
  MC_DOSSIER_ORDER_NEWEST,     /* mới tiếp nhận trước */
  MC_DOSSIER_ORDER_DUE,        /* hạn trả sớm nhất trước */
  MC_DOSSIER_ORDER_CODE,       /* mã hồ sơ A → Z */
  MC_DOSSIER_ORDER_APPLICANT,  /* người nộp A → Z (code-point order) */
  MC_DOSSIER_ORDER_STATE,      /* grouped by state, then by reception */
  MC_DOSSIER_N_ORDERS
} McDossierOrder;

typedef struct {
  McDossierFilter  filter;
  gint64           field_id;   /* 0: all */
  int              channel;    /* -1: all, else McChannel */
  McTime           from;       /* received at or after; 0: no bound */
  McTime           to;         /* received before; 0: no bound */
  char            *text;       /* code, name, ID number or phone; NULL: none */
  McDossierOrder   order;
  gboolean         reversed;   /* the order's opposite direction */
} McDossierQuery;

/* How far the list's total is known: exact; more than the number (a
 * search with more hits than it counts); at least the number (the same
 * search with other filters, counted among the newest hits only); or about
 * the number (hits too costly to count now, estimated from the listed ones). */
typedef enum {
  MC_DOSSIER_COUNT_EXACT,
  MC_DOSSIER_COUNT_MORE_THAN,
  MC_DOSSIER_COUNT_AT_LEAST,
  MC_DOSSIER_COUNT_ABOUT,
} McDossierCountKind;

McDossierList *mc_dossier_list_new        (McDossierStore *store);
/* Applies a query; the model emits items-changed for the whole range. */
gboolean       mc_dossier_list_set_query  (McDossierList *self, const McDossierQuery *query, GError **error);
/* Re-reads the current query (after another window or process wrote). */
gboolean       mc_dossier_list_refresh    (McDossierList *self, GError **error);
/* The dossiers the query matches, which can be more than the list holds (a
 * search lists its newest 1,000 hits): exact, or a bound as `kind` says. */
guint64        mc_dossier_list_get_total  (McDossierList *self, McDossierCountKind *kind);
/* The count as the page shows it, Vietnamese style: "1.157 hồ sơ",
 * "1.174 hồ sơ — hiện 1.000 hồ sơ mới nhất", "hơn 10.000 hồ sơ — …",
 * "khoảng 7.900 hồ sơ — …". */
char          *mc_dossier_list_describe_count (McDossierList *self);
char          *mc_dossier_list_describe_shown (McDossierList *self, guint shown);
/* How long a search's total may take to count before it is estimated
 * (8 ms; tests set it to see both ways on any machine). */
void           mc_dossier_list_set_count_budget (McDossierList *self, gint64 us);

G_END_DECLS
