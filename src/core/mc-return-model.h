/* mc-return-model.h — Trả kết quả as a list model: the results waiting at the counter
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mc-workflow.h"

G_BEGIN_DECLS

#define MC_TYPE_RETURN_MODEL (mc_return_model_get_type ())
G_DECLARE_FINAL_TYPE (McReturnModel, mc_return_model, MC, RETURN_MODEL, GObject)

/* A GListModel of McDossier: the results (and the unqualified and withdrawn
 * dossiers) waiting to be handed back, oldest first (mc_workflow_ready). It
 * follows the dossiers' changes (McChanges, another process's too) by
 * itself, with exact "items-changed" (mc-keyed-rows.h). Empty until the
 * first refresh. */
McReturnModel *mc_return_model_new       (McWorkflow *workflow);
/* A code, a name or a phone number, as mc_workflow_ready matches them;
 * NULL or "": all. Takes effect at the next refresh. */
void           mc_return_model_set_query (McReturnModel *self, const char *query);
gboolean       mc_return_model_refresh   (McReturnModel *self, GError **error);
/* The row of `code` (compared without case, as a scanner may type it), or G_MAXUINT. */
guint          mc_return_model_find      (McReturnModel *self, const char *code);

G_END_DECLS
