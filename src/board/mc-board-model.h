/* mc-board-model.h — what the public liveboard shows, as plain data
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The model is filled from the database by mc_board_model_load (no GTK, so
 * the command line renders it without a display) and read by the pure
 * drawing function mc_board_draw. Every name in it is already masked.
 */
#pragma once

#include "mc-queue-board.h"
#include "mc-report.h"
#include "mc-workflow.h"

G_BEGIN_DECLS

typedef enum {
  MC_BOARD_PAGE_RESULTS,      /* Hồ sơ đã có kết quả — mời ông/bà đến nhận */
  MC_BOARD_PAGE_STATISTICS,   /* today, this month, this year; by field */
  MC_BOARD_PAGE_DEPARTMENTS,  /* on-time rate by department */
  MC_BOARD_PAGE_APOLOGIES,    /* Công khai xin lỗi */
  MC_BOARD_N_PAGES,
} McBoardPage;

typedef struct {
  char    *name;         /* masked */
  char    *code;
  char    *procedure;
  McTime   ready_at;
  gboolean unqualified;  /* returned with a reason, not a result */
} McBoardResult;

/* Figures of Biểu 06a the board shows, for a period or a field. "Tiếp nhận"
 * on a board is what was received in the period: (4) + (5), without the
 * dossiers carried over (6) that 06a's (3) adds. */
typedef struct {
  char  *label;
  guint  received;       /* (4) + (5): received in the period */
  guint  settled;        /* (7) */
  guint  early;          /* (8) */
  guint  on_time;        /* (9) */
  guint  late;           /* (10) trả quá hạn: settled after the appointment */
  guint  pending;        /* (11) open now */
  guint  pending_late;   /* (13) quá hạn now (mc-lateness.h) */
} McBoardFigures;

typedef struct {
  char           *title;  /* "Hôm nay", "Tháng 11/2026", "Năm 2026" */
  McDate          from;
  McDate          to;
  McBoardFigures  total;
  GPtrArray      *fields;  /* McBoardFigures*, fields with a dossier */
} McBoardPeriod;

typedef enum {
  MC_BOARD_TODAY,
  MC_BOARD_MONTH,
  MC_BOARD_YEAR,
  MC_BOARD_N_PERIODS,
} McBoardPeriodKind;

typedef struct {
  char  *name;
  guint  settled;
  guint  in_time;
} McBoardDepartment;

typedef struct {
  char   *name;          /* masked */
  char   *code;
  char   *procedure;
  char   *department;
  McTime  issued_at;
  McTime  new_due_at;    /* 0: none */
} McBoardApology;

/* What moves: set by the widget before each frame, by the command line
 * from --at and --page. */
typedef struct {
  McTime   clock;         /* the time the header shows */
  double   elapsed;       /* seconds since the board started: pages, scrolling, ticker */
  int      page;          /* -1: rotate by elapsed; else always that McBoardPage */
  double   page_seconds;  /* how long a page stays at least */
  gboolean offline;       /* the database is unreachable: the last good data stays */
} McBoardFrame;

typedef struct _McBoardCache McBoardCache;

/* The results the first page lists at most. */
#define MC_BOARD_RESULTS_MAX 100
/* The calling panel: the counters' last calls it reads at most, and how
 * long a new call (or a recall) blinks. */
#define MC_BOARD_CALLS_MAX 16
#define MC_BOARD_CALL_BLINK_SECONDS 8

typedef struct {
  char           *unit_name;
  char           *title;
  McTime          loaded_at;    /* the instant the figures are for */
  GPtrArray      *results;      /* McBoardResult*, the newest MC_BOARD_RESULTS_MAX */
  guint           results_total;  /* how many results wait in all */
  McBoardPeriod   periods[MC_BOARD_N_PERIODS];
  GPtrArray      *departments;  /* McBoardDepartment* */
  char           *departments_period;  /* "Năm 2026" */
  GPtrArray      *apologies;    /* McBoardApology* */
  char           *apologies_period;    /* "Tháng 11/2026" */
  GPtrArray      *announcements;  /* char*, the ticker's lines */
  GPtrArray      *calls;        /* McQueueCall*: each counter's last call today, newest first */
  McQueueBoardSummary queue;    /* counters 0: no queue, no calling panel */
  McBoardFrame    frame;
  McBoardCache   *cache;        /* text layouts kept between frames (mc-board-draw.c) */
} McBoardModel;

McBoardModel *mc_board_model_new    (void);
void          mc_board_model_free   (McBoardModel *model);
/* Everything as of `now` (0: the current time): the newest results waiting
 * and their number, the figures of today, this month and this year up to
 * `now` as mc_report_06a_compute_at gives them (from the daily counters),
 * the rates by department of this year, the apologies of this month and
 * the ticker's announcements. */
McBoardModel *mc_board_model_load   (McWorkflow *workflow, McTime now, GError **error);
/* Whether the board has a calling panel: the center runs a queue (it has
 * an active counter). */
gboolean      mc_board_model_has_calls (const McBoardModel *model);
/* Whether `call` blinks at `clock`: within MC_BOARD_CALL_BLINK_SECONDS of
 * its last call (a second early too: another PC's clock may run ahead). */
gboolean      mc_board_call_blinking (const McQueueCall *call, McTime clock);
/* The figures of one 06a computation, as the board shows them. */
void          mc_board_figures_from_06a (McBoardFigures *figures, const McReport06aRow *row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McBoardModel, mc_board_model_free)

G_END_DECLS
