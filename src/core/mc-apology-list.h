/* mc-apology-list.h — the apologies of a period, as a list model of McApology
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mc-apology.h"
#include "mc-workflow.h"

G_BEGIN_DECLS

#define MC_TYPE_APOLOGY_LIST (mc_apology_list_get_type ())
G_DECLARE_FINAL_TYPE (McApologyList, mc_apology_list, MC, APOLOGY_LIST, GObject)

/* Empty until a period is set. */
McApologyList *mc_apology_list_new        (McWorkflow *workflow);
/* A GListModel of McApology, oldest first (an McObjectList keyed by the
 * apology's id): "items-changed" tells exactly the apologies added or
 * gone; one still there keeps its object, updated in place. */
GListModel    *mc_apology_list_get_model  (McApologyList *self);
/* The apologies issued in [from, to) (McTime). */
gboolean       mc_apology_list_set_period (McApologyList *self, McTime from, McTime to, GError **error);
/* Reads the period again (after a change notification). */
gboolean       mc_apology_list_reload     (McApologyList *self, GError **error);

G_END_DECLS
