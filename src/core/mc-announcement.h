/* mc-announcement.h — the liveboard's ticker: announcements and hotlines
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-db.h"

G_BEGIN_DECLS

typedef struct {
  gint64    id;
  int       position;
  char     *text;
  gboolean  active;
} McAnnouncement;

void        mc_announcement_free    (McAnnouncement *announcement);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (McAnnouncement, mc_announcement_free)

/* In their order; only the shown ones when active_only. */
GPtrArray  *mc_announcement_list    (McDb *db, gboolean active_only, GError **error);  /* McAnnouncement* */
/* After the last one; the new id, 0 on error (an empty or too long text). */
gint64      mc_announcement_add     (McDb *db, const char *text, GError **error);
gboolean    mc_announcement_update  (McDb *db, gint64 id, const char *text, gboolean active, GError **error);
gboolean    mc_announcement_remove  (McDb *db, gint64 id, GError **error);
/* Swaps with the neighbour before (delta < 0) or after (delta > 0). */
gboolean    mc_announcement_move    (McDb *db, gint64 id, int delta, GError **error);

#define MC_ANNOUNCEMENT_MAX_CHARS 300

G_END_DECLS
