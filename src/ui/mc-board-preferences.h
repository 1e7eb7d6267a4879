/* mc-board-preferences.h — the display board's page of the preferences
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-application.h"

G_BEGIN_DECLS

/* Monitor, page duration and the ticker's announcements. */
AdwPreferencesPage *mc_board_preferences_page_new (McApplication *app);

G_END_DECLS
