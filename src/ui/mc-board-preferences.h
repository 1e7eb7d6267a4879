/* mc-board-preferences.h — the display board's page of the preferences
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mc-application.h"

G_BEGIN_DECLS

#define MC_TYPE_BOARD_PREFERENCES (mc_board_preferences_get_type ())
G_DECLARE_FINAL_TYPE (McBoardPreferences, mc_board_preferences, MC, BOARD_PREFERENCES, AdwPreferencesPage)

/* Monitor, page duration and the ticker's announcements; the property
 * "application" (construct-only). */
AdwPreferencesPage *mc_board_preferences_page_new (McApplication *app);

G_END_DECLS
