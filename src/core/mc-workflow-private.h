/* mc-workflow-private.h — what the transitions and the readers of McWorkflow share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-workflow.h"

G_BEGIN_DECLS

struct _McWorkflow
{
  GObject     parent_instance;

  McDb       *db;
  McCalendar *calendar;
};

/* Text of column i, or NULL; a time column, or 0. */
char   *mc_workflow_column_text (sqlite3_stmt *stmt, int i);
McTime  mc_workflow_column_time (sqlite3_stmt *stmt, int i);
/* The states in which a dossier is still being settled. */
gboolean mc_workflow_state_is_open (const char *state);

G_END_DECLS
