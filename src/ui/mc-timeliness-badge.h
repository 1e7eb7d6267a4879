/* mc-timeliness-badge.h — Trước hạn / Đúng hạn / Quá hạn as a coloured badge with its word
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mc-calendar.h"

G_BEGIN_DECLS

GtkWidget *mc_timeliness_badge_new        (void);
/* has FALSE: no classification (still open, withdrawn): the badge is hidden. */
void       mc_timeliness_badge_set        (GtkWidget *badge, gboolean has, McTimeliness timeliness);
/* From the core's text form ("early", …); NULL or unknown hides the badge. */
void       mc_timeliness_badge_set_string (GtkWidget *badge, const char *timeliness);

/* Binds the badge to `timeliness` (a string expression such as a dossier's
 * "timeliness" property, evaluated on `this_`, usually a GtkListItem; taken):
 * it follows the value as mc_timeliness_badge_set_string would show it. */
void       mc_timeliness_badge_bind       (GtkWidget *badge, GtkExpression *timeliness, gpointer this_);

G_END_DECLS
