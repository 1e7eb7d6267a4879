/* mc-notification-private.h — the workflow's side of the notifications
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-db-private.h"
#include "mc-dossier-state.h"

G_BEGIN_DECLS

/* Writes, in the open transaction of a dossier's event, the notifications it
 * causes: a transfer to a named person (assigned), a send-back (returned, to
 * whoever worked the step it goes back to), an apology recorded by someone
 * who is not a leader (to every active leader, who signs Mẫu 04). `actor`
 * is never told of their own act. */
gboolean mc_notification_for_event (McDb *db, gint64 dossier_id, McEventKind kind, gint64 actor,
                                    gint64 to_staff, int step, McTime at, GError **error);

G_END_DECLS
