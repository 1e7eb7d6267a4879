/* mc-workflow.h — the life of a dossier after reception: routing between
 * departments and agencies, pauses, results, returns and apologies
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every transition is one transaction that updates the dossier and appends
 * its event; an invalid transition is refused with MC_WORKFLOW_ERROR_TRANSITION
 * and a Vietnamese message, and changes nothing.
 */
#pragma once

#include "mc-calendar.h"
#include "mc-db.h"
#include "mc-dossier.h"
#include "mc-dossier-state.h"

G_BEGIN_DECLS

#define MC_TYPE_WORKFLOW (mc_workflow_get_type ())
G_DECLARE_FINAL_TYPE (McWorkflow, mc_workflow, MC, WORKFLOW, GObject)

#define MC_WORKFLOW_ERROR (mc_workflow_error_quark ())
GQuark mc_workflow_error_quark (void);

typedef enum {
  MC_WORKFLOW_ERROR_NOT_FOUND,   /* no such dossier, department, staff or unit */
  MC_WORKFLOW_ERROR_TRANSITION,  /* not allowed in the dossier's state */
  MC_WORKFLOW_ERROR_INVALID,     /* a missing reason, a time before the last event, … */
  MC_WORKFLOW_ERROR_AUTHORISATION, /* a result collected with another's ID card, no authorisation given */
} McWorkflowError;

typedef enum {
  MC_PAUSE_SUPPLEMENT,  /* yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02) */
  MC_PAUSE_FINANCIAL,   /* chờ thực hiện nghĩa vụ tài chính */
} McPauseKind;

/* Who acts, when, and why: passed to every transition. */
typedef struct {
  McTime      at;        /* 0: now; never before the dossier's last event */
  const char *username;  /* staff.username of the actor, or NULL */
  const char *note;      /* the reason or note; required where the law asks for one */
} McAction;

McWorkflow   *mc_workflow_new              (McDb *db, McCalendar *calendar);
McDb         *mc_workflow_get_db           (McWorkflow *self);
McCalendar   *mc_workflow_get_calendar     (McWorkflow *self);


/* Whether `username` (NULL: the staff member signed in) may take this
 * transition on the dossier now: the same checks of its state and of the
 * actor's role and department the transition makes before it writes,
 * without writing. A refusal has the transition's own Vietnamese message.
 * What the action itself carries (a reason, a target) is not judged. */
gboolean      mc_workflow_allows           (McWorkflow *self, const char *code, McTransition transition,
                                            const char *username, GError **error);
/* What the windows, the command line and the board offer: every transition
 * `username` (NULL: the one signed in) may take on the dossier now, asked of
 * the same rules the transitions enforce (mc-workflow-rules.c), one read of
 * the dossier; bit (1 << transition) for each; 0 for an unknown dossier. */
McTransitionSet mc_dossier_allowed_actions (McWorkflow *workflow, const char *code, const char *username);

/* Transitions. `code` is the dossier code. */

/* To the next step of the procedure's route, or to `department_code` (a later
 * step's department jumps there; any other department is consulted within the
 * current step). `to_username` names the person, or NULL for the department. */
gboolean      mc_workflow_transfer         (McWorkflow *self, const char *code, const McAction *action,
                                            const char *department_code, const char *to_username,
                                            GError **error);
/* The holder confirms receipt of the hand-over ("nhận" on Mẫu 05). */
gboolean      mc_workflow_accept           (McWorkflow *self, const char *code, const McAction *action,
                                            GError **error);
/* Back to where it came from, with a reason (action->note). */
gboolean      mc_workflow_send_back        (McWorkflow *self, const char *code, const McAction *action,
                                            GError **error);
/* The clock stops; for a supplement action->note lists what is missing. */
gboolean      mc_workflow_pause            (McWorkflow *self, const char *code, const McAction *action,
                                            McPauseKind kind, GError **error);
/* The clock runs again: the appointment and the step's due time move by the
 * working time the pause lasted. */
gboolean      mc_workflow_resume           (McWorkflow *self, const char *code, const McAction *action,
                                            GError **error);
/* Một cửa liên thông: to another agency, due back at `unit_due` (or, if 0,
 * after `days` working days). */
gboolean      mc_workflow_send_external    (McWorkflow *self, const char *code, const McAction *action,
                                            const char *unit_code, McTime unit_due, double days,
                                            GError **error);
gboolean      mc_workflow_receive_external (McWorkflow *self, const char *code, const McAction *action,
                                            GError **error);
/* The result is ready at the counter; classified early / on time / late. */
gboolean      mc_workflow_finish           (McWorkflow *self, const char *code, const McAction *action,
                                            const char *result_number, const char *result_description,
                                            GError **error);
/* Không đủ điều kiện giải quyết: action->note is the reason. */
gboolean      mc_workflow_unqualified      (McWorkflow *self, const char *code, const McAction *action,
                                            GError **error);
/* Rút hồ sơ at the citizen's request. */
gboolean      mc_workflow_withdraw         (McWorkflow *self, const char *code, const McAction *action,
                                            GError **error);
/* Handed to the citizen (or posted): who collected it, the ID number checked.
 * A collector whose ID number is not the applicant's needs `authorisation`
 * (the giấy ủy quyền shown: its number, date, who certified it), recorded in
 * the return's event; without it the return is refused with
 * MC_WORKFLOW_ERROR_AUTHORISATION. */
gboolean      mc_workflow_return           (McWorkflow *self, const char *code, const McAction *action,
                                            const char *collected_by, const char *collector_id_number,
                                            const char *authorisation, McChannel method, GError **error);
/* Whether a collector with this ID number (any spacing) is someone other than
 * the applicant, who needs the applicant's authorisation; FALSE when the
 * number is not valid or the dossier has no person's ID on file. */
gboolean      mc_workflow_needs_authorisation (McWorkflow *self, const char *code,
                                               const char *collector_id_number);

/* Apologies (Mẫu 04) */

/* A new appointment the calendar proposes for an apology issued at `at`. */
gboolean      mc_workflow_suggest_new_due  (McWorkflow *self, const char *code, McTime at, McTime *new_due,
                                            GError **error);
/* Records the apology; a new appointment may be set once per dossier
 * (new_due 0: no new appointment, allowed only when one was set before). */
gboolean      mc_workflow_apologize        (McWorkflow *self, const char *code, const McAction *action,
                                            const char *department_code, const char *responsible_username,
                                            McTime new_due, gint64 *apology_id, GError **error);

/* Reading */

/* McLateness: mc-dossier.h, a property of McDossier. */

/* A dossier in an inbox or at the return desk. */
typedef struct {
  gint64      id;                 /* the dossier's row id: the key of the list models' rows */
  char       *code;
  char       *procedure_name;
  char       *field_name;
  char       *applicant_name;
  char       *applicant_phone;
  McDossierState state;
  int         step;
  int         n_steps;
  char       *department_name;
  char       *staff_name;
  char       *unit_name;          /* external unit while sent_external */
  McTime      received_at;
  McTime      due_at;             /* the appointment (moved only by pauses) */
  McTime      extended_due_at;    /* the apology's new appointment, or 0 */
  McTime      appointment_at;     /* the one in force when the lateness was computed */
  McTime      step_due_at;
  McTime      step_accepted_at;   /* 0: not yet accepted */
  McTime      finished_at;
  char       *outcome;
  char       *timeliness;
  char       *result_number;
  char       *pause_kind;
  McLateness  step_lateness;      /* NONE, SOON or STEP_LATE for the step */
  McLateness  lateness;           /* NONE, SOON or OVERDUE for the appointment */
} McWorkItem;

void          mc_work_item_free            (McWorkItem *item);
/* The dossier of an inbox's or the return desk's line, with its properties
 * set (mc-dossier.c). */
McDossier    *mc_work_item_to_dossier      (const McWorkItem *item);
/* The same for each line (McWorkItem*): a new array of McDossier*. */
GPtrArray    *mc_work_items_to_dossiers    (GPtrArray *items);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (McWorkItem, mc_work_item_free)

/* Open dossiers held by a department (0: any) and/or a person (NULL: any),
 * most urgent first; lateness computed at `now`. */
GPtrArray    *mc_workflow_inbox            (McWorkflow *self, gint64 department_id, const char *username,
                                            McTime now, GError **error);  /* McWorkItem* */
/* The one dossier `dossier_id` as that inbox shows it: an array of one
 * line, or of none when the dossier is not in that inbox (one query by the
 * primary key, for a change that names its dossier); NULL on error. */
GPtrArray    *mc_workflow_inbox_line       (McWorkflow *self, gint64 department_id, const char *username,
                                            gint64 dossier_id, McTime now, GError **error);  /* McWorkItem* */
typedef struct {
  guint total;
  guint soon;
  guint step_late;
  guint overdue;
} McInboxCounts;
gboolean      mc_workflow_count_inbox      (McWorkflow *self, gint64 department_id, const char *username,
                                            McTime now, McInboxCounts *counts, GError **error);
/* The same, the first `limit` only, and `counts` over the whole inbox (as
 * mc_workflow_count_inbox): an inbox of all departments holds tens of
 * thousands of dossiers at a million. */
GPtrArray    *mc_workflow_inbox_first      (McWorkflow *self, gint64 department_id, const char *username,
                                            McTime now, guint limit, McInboxCounts *counts,
                                            GError **error);  /* McWorkItem* */
/* The number of dossiers in that inbox and of those "quá hạn", counted in
 * SQL (for the badges of a page not built yet). */
gboolean      mc_workflow_count_inbox_overdue (McWorkflow *self, gint64 department_id, const char *username,
                                               McTime now, guint *total, guint *overdue, GError **error);
/* The number of results waiting at the counter (mc_workflow_ready with no query). */
gboolean      mc_workflow_count_ready      (McWorkflow *self, guint *n, GError **error);
/* Codes in that inbox whose appointment passed in (since, now]: the desktop
 * notification "hồ sơ … đã quá hạn". */
GStrv         mc_workflow_newly_overdue    (McWorkflow *self, gint64 department_id, const char *username,
                                            McTime since, McTime now, GError **error);
/* Results (and unqualified / withdrawn dossiers) waiting at the counter, oldest first. */
GPtrArray    *mc_workflow_ready           (McWorkflow *self, const char *query, GError **error);  /* McWorkItem* */
/* The same for one dossier: one line, or none (not waiting, or not matching `query`). */
GPtrArray    *mc_workflow_ready_line      (McWorkflow *self, const char *query, gint64 dossier_id,
                                           GError **error);  /* McWorkItem* */
/* The same, the first `limit` only (oldest first), and in `n_matching` how
 * many match in all: the return desk at a million dossiers has tens of
 * thousands waiting and shows the oldest. */
GPtrArray    *mc_workflow_ready_first     (McWorkflow *self, const char *query, guint limit, guint *n_matching,
                                           GError **error);  /* McWorkItem* */
McWorkItem   *mc_workflow_get_item         (McWorkflow *self, const char *code, McTime now, GError **error);

/* One hand-over for Mẫu 05 and the per-department lateness: who gave, who
 * received, when, and how the giver's step ended against its due time. */
typedef struct {
  int           index;            /* 1, 2, … */
  char         *kind;             /* transfer, send_back, send_external, receive_external, finish, … */
  McTime        at;               /* giao */
  McTime        accepted_at;      /* nhận (0: not confirmed) */
  char         *from_name;        /* department or unit that handed over */
  char         *from_staff;
  char         *to_name;          /* department or unit that received */
  char         *to_staff;
  McTime        ended_step_due;   /* the giver's due time (0: none) */
  McTimeliness  timeliness;       /* of the giver's step */
  gboolean      has_timeliness;
  char         *note;
} McHandover;

void          mc_handover_free             (McHandover *handover);
GPtrArray    *mc_workflow_handovers        (McWorkflow *self, const char *code, GError **error);  /* McHandover* */

/* One apology in the register. */
typedef struct {
  gint64  id;
  char   *dossier_code;
  char   *procedure_name;
  char   *field_name;
  char   *applicant_name;
  char   *applicant_address;
  McTime  received_at;
  McTime  issued_at;
  McTime  previous_due_at;
  McTime  new_due_at;
  char   *reason;
  char   *department_name;
  char   *responsible_name;
  char   *responsible_title;
  gboolean in_time;               /* issued ≥ 1 working day before the appointment */
} McApologyRecord;

void          mc_apology_record_free       (McApologyRecord *record);
/* Apologies issued in [from, to), oldest first. */
GPtrArray    *mc_workflow_apologies        (McWorkflow *self, McTime from, McTime to, GError **error);
McApologyRecord *mc_workflow_get_apology   (McWorkflow *self, gint64 id, GError **error);
/* The id of the dossier's latest apology; 0 and an error if it has none. */
gint64        mc_workflow_latest_apology   (McWorkflow *self, const char *code, GError **error);
/* Who issued the apology: full name, title ("" when none) and whether they
 * hold the leader role; all unset and TRUE when the apology or its issuer is
 * gone (the letter then falls back to the report's signer). */
gboolean      mc_workflow_apology_issuer   (McWorkflow *self, gint64 apology_id, char **name, char **title,
                                            gboolean *leader, GError **error);

/* People responsible for at least `threshold` apologies in a year. */
typedef struct {
  char  *username;
  char  *full_name;
  char  *department_name;
  guint  count;
} McApologyCount;

void          mc_apology_count_free        (McApologyCount *count);
GPtrArray    *mc_workflow_apology_counts   (McWorkflow *self, int year, guint threshold, GError **error);
/* The setting "apology.threshold" (default 3); 0 with `error` set when it
 * could not be read. */
guint         mc_workflow_get_apology_threshold (McWorkflow *self, GError **error);

/* One line of Mẫu 06 Sổ theo dõi hồ sơ. */
typedef struct {
  char   *code;
  char   *procedure_name;
  int     n_sets;                 /* số lượng hồ sơ (bộ) */
  char   *applicant_name;
  char   *applicant_contact;      /* address, phone */
  char   *handling_body;          /* cơ quan chủ trì giải quyết */
  McTime  received_at;
  McTime  due_at;
  McTime  transferred_at;         /* chuyển hồ sơ đến cơ quan giải quyết */
  McTime  finished_at;            /* nhận kết quả từ cơ quan giải quyết */
  McTime  returned_at;
  char   *returned_to;
  char   *note;
  char   *field_name;             /* lĩnh vực: the register is kept per field */
} McRegisterRow;

void          mc_register_row_free         (McRegisterRow *row);
/* Dossiers received in [from, to), in the order received; of one field
 * (lĩnh vực, its name matched without case or tone marks) when field is not
 * NULL: an unknown name is MC_WORKFLOW_ERROR_NOT_FOUND. */
GPtrArray    *mc_workflow_register         (McWorkflow *self, McTime from, McTime to, const char *field,
                                            GError **error);
/* The field's name as the catalog writes it ("ho tich" → "Hộ tịch"), or NULL
 * with MC_WORKFLOW_ERROR_NOT_FOUND. */
char         *mc_workflow_find_field       (McWorkflow *self, const char *name, GError **error);
/* How the results of dossiers received in [from, to) went back: code →
 * McChannel (GINT_TO_POINTER), only for those with a return method. */
GHashTable   *mc_workflow_return_methods   (McWorkflow *self, McTime from, McTime to, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McHandover, mc_handover_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (McApologyRecord, mc_apology_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (McApologyCount, mc_apology_count_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (McRegisterRow, mc_register_row_free)

const char   *mc_lateness_to_label         (McLateness lateness);
const char   *mc_timeliness_to_label       (McTimeliness timeliness);
gboolean      mc_timeliness_from_string    (const char *text, McTimeliness *timeliness);

G_END_DECLS
