/* mc-catalog-page.h — Danh mục thủ tục: browse, search and edit procedures
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mc-application.h"

G_BEGIN_DECLS

#define MC_TYPE_CATALOG_PAGE (mc_catalog_page_get_type ())
G_DECLARE_FINAL_TYPE (McCatalogPage, mc_catalog_page, MC, CATALOG_PAGE, AdwBin)

McCatalogPage *mc_catalog_page_new          (McApplication *app);
void           mc_catalog_page_set_search   (McCatalogPage *self, const char *text);
guint          mc_catalog_page_get_n_shown  (McCatalogPage *self);
McProcedure   *mc_catalog_page_get_shown    (McCatalogPage *self, guint position);

G_END_DECLS
