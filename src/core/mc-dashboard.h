/* mc-dashboard.h — the figures of Tổng quan, the dashboard of heads and leaders
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything the dashboard draws, computed in core so that `motcua
 * dashboard` prints the same figures and the tests compare them with the
 * reports: today's workload by department and person (the inbox's
 * predicates), the on-time rate and the receptions by channel of the last
 * twelve months (Biểu 06a's classes, from the daily counters the report
 * reads), overdue dossiers by department (mc-lateness.h) and the apologies
 * of the year by person with the register's flag.
 */
#pragma once

#include <gio/gio.h>

#include "mc-db.h"
#include "mc-time.h"

G_BEGIN_DECLS

#define MC_DASHBOARD_MONTHS 12

/* The columns of the workload table. */
typedef enum {
  MC_DASHBOARD_RECEIVED_TODAY,  /* held now and received today (local day of `now`) */
  MC_DASHBOARD_PROCESSING,      /* held now: the inbox (open dossiers) */
  MC_DASHBOARD_DUE_TODAY,       /* held now, not overdue, not paused, the appointment in force before midnight */
  MC_DASHBOARD_OVERDUE,         /* held now and quá hạn at `now` (mc-lateness.h) */
  MC_DASHBOARD_N_WORKLOAD
} McDashboardColumn;

/* department_id of the row of the open dossiers no department holds
 * (received, not yet handed on; sent to another agency). */
#define MC_DASHBOARD_NO_DEPARTMENT ((gint64) -1)

typedef struct {
  gint64  department_id;    /* MC_DASHBOARD_NO_DEPARTMENT for the dossiers no department holds */
  gint64  staff_id;         /* 0 on a department's row */
  char   *name;             /* the department's name, or the person's full name */
  char   *department_name;  /* the department's name on a person's row too ("" when none) */
  guint   n[MC_DASHBOARD_N_WORKLOAD];
} McDashboardWorkload;

/* A month of the unit's (or the department's) dossiers as Biểu 06a counts
 * them: (4), (5), (7) and (8) + (9). */
typedef struct {
  McDate  first_day;
  guint   received_online;   /* (4) trực tuyến */
  guint   received_direct;   /* (5) trực tiếp, dịch vụ bưu chính */
  guint   settled;           /* (7) = (8) + (9) + (10) */
  guint   in_time;           /* (8) + (9) */
} McDashboardMonth;

/* A department's on-time rate by month, as the liveboard counts it
 * (mc_board_stats_department_rates: dossiers settled with a timeliness, by
 * the department in charge). */
typedef struct {
  gint64  department_id;
  char   *name;
  guint   settled[MC_DASHBOARD_MONTHS];
  guint   in_time[MC_DASHBOARD_MONTHS];
} McDashboardRates;

/* A person responsible for apologies this year (Mẫu 04). */
typedef struct {
  char     *username;
  char     *full_name;
  char     *department_name;
  guint     count;
  gboolean  flagged;  /* count ≥ the setting apology.threshold (the register's flag) */
} McDashboardApologies;

typedef struct {
  McTime      now;
  gint64      unit_id;            /* 0: the center's own unit */
  char       *unit_name;
  gint64      department_id;      /* 0: every department */
  char       *department_name;    /* NULL for every department */
  GPtrArray  *departments;        /* McDashboardWorkload*, by name; the no-department row last when not empty */
  GPtrArray  *people;             /* McDashboardWorkload*, the people holding dossiers, by department and name */
  McDashboardWorkload total;      /* name "" */
  McDashboardMonth months[MC_DASHBOARD_MONTHS];  /* the oldest first; the last is the month of `now` */
  GPtrArray  *rates;              /* McDashboardRates*, by name (every department in scope) */
  int         apology_year;
  guint       apology_threshold;
  GPtrArray  *apologies;          /* McDashboardApologies*, the most first */
} McDashboard;

/* The figures at `now` (0: the current time) of the unit (0: the center's
 * own) and the department (0: all). The signed-in person needs
 * MC_PERMISSION_DASHBOARD; a head of department sees only their own
 * department (department_id 0 means theirs, another is refused). */
McDashboard *mc_dashboard_compute       (McDb *db, gint64 unit_id, gint64 department_id, McTime now,
                                         GError **error);
/* The same; `from_rows`: the workload counted on the open dossiers' rows,
 * as before the counts kept by migration 0031 (the tests' reference). */
McDashboard *mc_dashboard_compute_how   (McDb *db, gint64 unit_id, gint64 department_id, McTime now,
                                         gboolean from_rows, GError **error);
void         mc_dashboard_free          (McDashboard *dashboard);

/* The dossiers behind one number of the workload table, in order of their
 * appointment: a list model of McFigureDossier whose length is the number.
 * department_id 0 and staff_id 0: the total row of `dashboard`'s scope. */
GListModel  *mc_dashboard_dossiers      (McDb *db, const McDashboard *dashboard, gint64 department_id,
                                         gint64 staff_id, McDashboardColumn column, GError **error);

/* The on-time rate of a month, (8) + (9) over (7), and whether it exists
 * (nothing settled: no rate). */
gboolean     mc_dashboard_month_rate    (const McDashboardMonth *month, double *rate);
/* "Nhận hôm nay", "Đang xử lý", "Đến hạn hôm nay", "Quá hạn". */
const char  *mc_dashboard_column_title  (McDashboardColumn column);
/* "12/2025" */
char        *mc_dashboard_month_label   (const McDashboardMonth *month);
/* The figures as JSON (the CLI's --format json). */
char        *mc_dashboard_to_json       (const McDashboard *dashboard);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McDashboard, mc_dashboard_free)

G_END_DECLS
