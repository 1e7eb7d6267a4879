/* mc-dossier-window.h — one dossier: its data, its timeline, its receipt
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mc-action-dialog.h"
#include "mc-application.h"
#include "mc-dossier-store.h"

G_BEGIN_DECLS

#define MC_TYPE_DOSSIER_WINDOW (mc_dossier_window_get_type ())
G_DECLARE_FINAL_TYPE (McDossierWindow, mc_dossier_window, MC, DOSSIER_WINDOW, AdwWindow)

/* The properties "application", "store" (construct-only) and "dossier". */
McDossierWindow *mc_dossier_window_new (McApplication *app, McDossierStore *store, McDossier *dossier);
McDossier       *mc_dossier_window_get_dossier (McDossierWindow *self);
/* Shows another dossier (or the same one read again). */
void             mc_dossier_window_set_dossier (McDossierWindow *self, McDossier *dossier);
/* The action dialog opened from "Actions", while it is open (tests). */
McActionDialog  *mc_dossier_window_get_dialog (McDossierWindow *self);

G_END_DECLS
