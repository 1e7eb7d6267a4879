/* mc-inbox-model.h — Xử lý hồ sơ as a list model: the dossiers a department or a person holds
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mc-workflow.h"

G_BEGIN_DECLS

#define MC_TYPE_INBOX_MODEL (mc_inbox_model_get_type ())
G_DECLARE_FINAL_TYPE (McInboxModel, mc_inbox_model, MC, INBOX_MODEL, GObject)

/* The rows an inbox holds at most, unless told (mc_inbox_model_set_limit). */
#define MC_INBOX_MODEL_LIMIT 500

/* A GListModel of McDossier, the most urgent `limit` first
 * (mc_workflow_inbox_first), its counts over the whole inbox. It
 * follows the database's changes (McChanges: a dossier, a staff member, an
 * apology, the calendar, a setting; another process) by itself, with exact
 * "items-changed" (mc-keyed-rows.h). Empty until the first refresh. */
McInboxModel *mc_inbox_model_new          (McWorkflow *workflow);
/* Department 0: all; username NULL: anyone's. Takes effect at the next refresh. */
void          mc_inbox_model_set_filter   (McInboxModel *self, gint64 department_id, const char *username);
/* Reads the inbox again with its lateness at `now` (0: the clock). */
gboolean      mc_inbox_model_refresh      (McInboxModel *self, McTime now, GError **error);
/* At most `limit` rows from the next refresh on. */
void          mc_inbox_model_set_limit    (McInboxModel *self, guint limit);
/* The whole inbox as last read (every row, shown or not), as mc_workflow_count_inbox counts. */
void          mc_inbox_model_get_counts   (McInboxModel *self, McInboxCounts *counts);
/* The row of `code`, or G_MAXUINT. */
guint         mc_inbox_model_find         (McInboxModel *self, const char *code);

G_END_DECLS
