/* mc-return-model.h — Trả kết quả as a list model: the results waiting at the counter
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mc-workflow.h"

G_BEGIN_DECLS

#define MC_TYPE_RETURN_MODEL (mc_return_model_get_type ())
G_DECLARE_FINAL_TYPE (McReturnModel, mc_return_model, MC, RETURN_MODEL, GObject)

/* The rows a return desk holds at most, unless told (mc_return_model_set_limit). */
#define MC_RETURN_MODEL_LIMIT 200

/* A GListModel of McDossier: the results (and the unqualified and withdrawn
 * dossiers) waiting to be handed back, the oldest `limit` matching the
 * query (mc_workflow_ready_first), and "n-matching" (guint, notifies) how
 * many match in all. It follows the dossiers' changes (McChanges, another
 * process's too) by itself, with exact "items-changed" (mc-keyed-rows.h; a change naming one dossier reads its line alone).
 * Empty until the first refresh. */
McReturnModel *mc_return_model_new       (McWorkflow *workflow);
/* A code, a name or a phone number, as mc_workflow_ready matches them;
 * NULL or "": all. Takes effect at the next refresh. */
void           mc_return_model_set_query (McReturnModel *self, const char *query);
gboolean       mc_return_model_refresh   (McReturnModel *self, GError **error);
/* At most `limit` rows from the next refresh on. */
void           mc_return_model_set_limit (McReturnModel *self, guint limit);
/* How many match the query in all (all waiting without one), shown or not. */
guint          mc_return_model_get_n_matching (McReturnModel *self);
/* The row of `code` (compared without case, as a scanner may type it), or G_MAXUINT. */
guint          mc_return_model_find      (McReturnModel *self, const char *code);

G_END_DECLS
