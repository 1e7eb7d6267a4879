/* mc-dossier-state.h — the state machine of a dossier: its states, the kinds
 * of events its timeline records, the transitions between them
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One table each (mc-dossier-state.c): the id stored in the database (the
 * strings of dossier.state and dossier_event.kind, unchanged since the first
 * schema), the words a clerk reads, and for each transition the states it
 * leaves from. Core's rules (mc-workflow-rules.c), the windows, the command
 * line and the board read these tables; none keeps a copy.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where a dossier is (dossier.state). */
typedef enum {
  MC_STATE_RECEIVED,       /* tiếp nhận, at the counter's step */
  MC_STATE_PROCESSING,     /* đang giải quyết */
  MC_STATE_PAUSED,         /* tạm dừng: bổ sung, nghĩa vụ tài chính */
  MC_STATE_SENT_EXTERNAL,  /* tại cơ quan liên thông */
  MC_STATE_RESULT_READY,   /* có kết quả, chờ trả */
  MC_STATE_RETURNED,       /* đã trả kết quả */
  MC_STATE_UNQUALIFIED,    /* không đủ điều kiện giải quyết */
  MC_STATE_WITHDRAWN,      /* rút hồ sơ */
  MC_N_STATES
} McDossierState;

/* What a line of the timeline records (dossier_event.kind). */
typedef enum {
  MC_EVENT_RECEIVE,
  MC_EVENT_TRANSFER,
  MC_EVENT_ACCEPT,
  MC_EVENT_SEND_BACK,
  MC_EVENT_PAUSE,            /* for supplements (Mẫu 02) */
  MC_EVENT_PAUSE_FINANCIAL,
  MC_EVENT_RESUME,
  MC_EVENT_SEND_EXTERNAL,
  MC_EVENT_RECEIVE_EXTERNAL,
  MC_EVENT_FINISH,
  MC_EVENT_UNQUALIFIED,
  MC_EVENT_WITHDRAW,
  MC_EVENT_RETURN,
  MC_EVENT_APOLOGY,          /* Mẫu 04 */
  MC_EVENT_IMPORT,           /* a dossier brought from the previous system */
  MC_N_EVENT_KINDS
} McEventKind;

/* The transitions, as the windows and the command line offer them and core
 * checks them. */
typedef enum {
  MC_TRANSITION_ACCEPT,            /* nhận hồ sơ at a step */
  MC_TRANSITION_TRANSFER,          /* chuyển */
  MC_TRANSITION_SEND_BACK,         /* trả lại bước trước */
  MC_TRANSITION_PAUSE,             /* tạm dừng: bổ sung, nghĩa vụ tài chính */
  MC_TRANSITION_RESUME,            /* tiếp tục */
  MC_TRANSITION_SEND_EXTERNAL,     /* gửi liên thông */
  MC_TRANSITION_RECEIVE_EXTERNAL,  /* nhận lại từ liên thông */
  MC_TRANSITION_FINISH,            /* có kết quả */
  MC_TRANSITION_UNQUALIFIED,       /* không đủ điều kiện giải quyết */
  MC_TRANSITION_WITHDRAW,          /* rút hồ sơ */
  MC_TRANSITION_APOLOGIZE,         /* xin lỗi, hẹn lại */
  MC_TRANSITION_RETURN,            /* trả kết quả */
  MC_N_TRANSITIONS
} McTransition;

/* A set of transitions: bit (1 << transition). */
typedef guint McTransitionSet;

const char *mc_dossier_state_to_string   (McDossierState state);
gboolean    mc_dossier_state_from_string (const char *text, McDossierState *state);
/* "Đang giải quyết" */
const char *mc_dossier_state_get_label   (McDossierState state);
/* Still being settled: its appointment runs, it sits in an inbox. */
gboolean    mc_dossier_state_is_open     (McDossierState state);
/* The open states as an SQL list, "('received', 'processing', …)", for the
 * queries (and the partial index dossier_inbox) that select them. */
const char *mc_dossier_state_open_sql    (void);

const char *mc_event_kind_to_string      (McEventKind kind);
gboolean    mc_event_kind_from_string    (const char *text, McEventKind *kind);
/* "Tạm dừng chờ thực hiện nghĩa vụ tài chính" */
const char *mc_event_kind_get_label      (McEventKind kind);

/* "transfer", as the command line names it */
const char *mc_transition_to_string      (McTransition transition);
gboolean    mc_transition_from_string    (const char *text, McTransition *transition);
/* "Chuyển hồ sơ" */
const char *mc_transition_get_label      (McTransition transition);
/* Whether the transition leaves from `state` at all; for a result back at
 * the counter, whether it does when the result was late. The actor's right
 * and what else the transition checks are mc-workflow-rules.c's. */
gboolean    mc_transition_leaves_from    (McTransition transition, McDossierState state, gboolean late);

G_END_DECLS
