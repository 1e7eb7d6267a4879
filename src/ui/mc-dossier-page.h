/* mc-dossier-page.h — Danh sách hồ sơ: every dossier, filtered, searched, opened
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mc-application.h"
#include "mc-dossier-list.h"

G_BEGIN_DECLS

#define MC_TYPE_DOSSIER_PAGE (mc_dossier_page_get_type ())
G_DECLARE_FINAL_TYPE (McDossierPage, mc_dossier_page, MC, DOSSIER_PAGE, AdwBin)

McDossierPage *mc_dossier_page_new        (McApplication *app);
McDossierList *mc_dossier_page_get_list   (McDossierPage *self);
GtkColumnView *mc_dossier_page_get_view   (McDossierPage *self);
void           mc_dossier_page_set_filter (McDossierPage *self, McDossierFilter filter, const char *text);
/* Opens the detail window of a dossier by code; FALSE if there is none. */
gboolean       mc_dossier_page_open       (McDossierPage *self, const char *code);

G_END_DECLS
