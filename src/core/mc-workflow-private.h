/* mc-workflow-private.h — what the transitions and the readers of McWorkflow share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-accounts.h"
#include "mc-db-private.h"
#include "mc-workflow.h"

G_BEGIN_DECLS

struct _McWorkflow
{
  GObject     parent_instance;

  McDb       *db;
  McCalendar *calendar;
};

/* Text of column i, or NULL; a time column, or 0. */
char   *mc_workflow_column_text (McSqlStmt *stmt, int i);
McTime  mc_workflow_column_time (McSqlStmt *stmt, int i);

#define MAX_STEPS 32

/* Where a dossier is: the mutable columns of its row. */
typedef struct {
  gint64  id;
  gint64  procedure_id;
  char   *code;
  McDossierState state;
  int     step;
  gint64  department;
  gint64  staff;
  gint64  unit;
  McTime  received;
  McTime  due;
  McTime  extended_due;
  McTime  step_due;
  McTime  step_started;
  McTime  step_accepted;
  McTime  paused_since;
  char   *pause_kind;
  McDossierState paused_state;  /* where a pause returns to */
  McTime  held_step_due;
  gint64  paused_minutes;
  McTime  finished;
  McTime  returned;
  char   *timeliness;
  McTime  last_event;
} Position;

typedef struct {
  gint64  department;
  double  days;
  McRoles role;  /* who acts at the step (procedure_step.role) */
} RouteStep;

/* One row of dossier_event. */
typedef struct {
  McEventKind     kind;
  McDossierState  state_from;
  McDossierState  state_to;
  int         step;
  int         step_from;
  gint64      from_department;
  gint64      to_department;
  gint64      to_staff;
  gint64      from_unit;
  gint64      to_unit;
  McTime      step_due;
  McTime      ended_step_due;
  const char *note;
} Event;

/* The context of one transition, inside its transaction. */
typedef struct {
  McWorkflow *self;
  Position    pos;
  McTime      at;
  gint64      actor;
  gint64      saved_actor;  /* the connection's actor, restored after */
  RouteStep   route[MAX_STEPS];
  int         n_route;
} Txn;

/* The transaction of one transition: mc-workflow.c opens and closes it,
 * mc-workflow-transitions.c and mc-workflow-apology.c fill it in. */
void      mc_workflow_position_clear      (Position *p);
void      mc_workflow_set_str             (char **field, const char *value);
gboolean  mc_workflow_fail                (GError **error, McWorkflowError code, const char *message);
gboolean  mc_workflow_refuse              (GError **error, const Position *p, const char *what);
gboolean  mc_workflow_load_position       (McWorkflow *self, const char *code, Position *p, GError **error);
gboolean  mc_workflow_lookup_staff        (McWorkflow *self, const char *username, gint64 *id, gint64 *department,
                                           GError **error);
gint64    mc_workflow_lookup_department   (McWorkflow *self, const char *code, GError **error);
gint64    mc_workflow_lookup_external_unit (McWorkflow *self, const char *code, GError **error);
void      mc_workflow_bind_id             (McSqlStmt *stmt, int i, gint64 value);
void      mc_workflow_bind_text           (McSqlStmt *stmt, int i, const char *text);
/* The dossier's position, its route and the actor, read outside any
 * transaction (mc_workflow_allows); mc_workflow_position_clear after. */
gboolean  mc_workflow_txn_read            (McWorkflow *self, const char *code, const McAction *action, Txn *t,
                                           GError **error);
gboolean  mc_workflow_txn_begin           (McWorkflow *self, const char *code, const McAction *action, Txn *t,
                                           GError **error);
gboolean  mc_workflow_txn_commit          (Txn *t, const Event *e, gboolean ok, GError **error);
gboolean  mc_workflow_txn_abort           (Txn *t);
gint64    mc_workflow_holder              (const Txn *t);
gboolean  mc_workflow_authorize           (Txn *t, McPermission permission, GError **error);
gboolean  mc_workflow_step_due_from       (Txn *t, int step, McTime *due, GError **error);
/* The state and the actor's right for a transition: the one rule that
 * both the transition and mc_workflow_allows apply (mc-workflow-rules.c). */
gboolean  mc_workflow_check_transition    (Txn *t, McTransition transition, GError **error);
/* Where a send-back goes: consulted outside its route, back to the step's
 * own department; else back one step; 0 at the first step. */
int       mc_workflow_send_back_step      (const Txn *t);
gboolean  mc_workflow_require_note        (const McAction *action, GError **error, const char *message);

G_END_DECLS
