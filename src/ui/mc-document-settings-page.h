/* mc-document-settings-page.h — Tùy chỉnh → "Văn bản và báo cáo": the
 * settings registry's document groups as rows
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mc-application.h"

G_BEGIN_DECLS

#define MC_TYPE_DOCUMENT_SETTINGS_PAGE (mc_document_settings_page_get_type ())
G_DECLARE_FINAL_TYPE (McDocumentSettingsPage, mc_document_settings_page, MC, DOCUMENT_SETTINGS_PAGE,
                      AdwPreferencesPage)

McDocumentSettingsPage *mc_document_settings_page_new   (McApplication *app);
/* The row that edits `key` (an AdwEntryRow, AdwComboRow or AdwActionRow), or NULL. */
GtkWidget              *mc_document_settings_page_get_row (McDocumentSettingsPage *self, const char *key);
/* As if the person typed `text` in the key's row and applied it (Enter or
 * ✓): FALSE, with the row marked and the reason shown, when it is refused. */
gboolean                mc_document_settings_page_apply (McDocumentSettingsPage *self, const char *key,
                                                         const char *text);

G_END_DECLS
