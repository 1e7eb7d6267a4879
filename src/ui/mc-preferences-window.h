/* mc-preferences-window.h — office hours, the working week, the unit
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mc-application.h"

G_BEGIN_DECLS

#define MC_TYPE_PREFERENCES_WINDOW (mc_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (McPreferencesWindow, mc_preferences_window, MC, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* A window of `app` (its GtkWindow:application): closed with the others at sign-out. */
McPreferencesWindow *mc_preferences_window_new (McApplication *app);
/* Applies office hours typed for a weekday; FALSE (and nothing saved) if invalid. */
gboolean             mc_preferences_window_set_hours (McPreferencesWindow *self, int weekday, const char *text);
/* As if typed in the spin button: saved at once as the setting "apology.threshold". */
void                 mc_preferences_window_set_apology_threshold (McPreferencesWindow *self, guint threshold);

G_END_DECLS
