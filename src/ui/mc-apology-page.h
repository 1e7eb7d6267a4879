/* mc-apology-page.h — Sổ xin lỗi: apologies of a period, people flagged by their count
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mc-apology.h"
#include "mc-application.h"

G_BEGIN_DECLS

#define MC_TYPE_APOLOGY_PAGE (mc_apology_page_get_type ())
G_DECLARE_FINAL_TYPE (McApologyPage, mc_apology_page, MC, APOLOGY_PAGE, AdwBin)

McApologyPage         *mc_apology_page_new            (McApplication *app);
/* The period, both days included; the flagged people are counted over the year of `from`. */
void                   mc_apology_page_set_period     (McApologyPage *self, McDate from, McDate to);
void                   mc_apology_page_reload         (McApologyPage *self);
guint                  mc_apology_page_get_n_apologies (McApologyPage *self);
/* The apology shown at position (the page's list keeps it), NULL past the end. */
McApology             *mc_apology_page_get_apology    (McApologyPage *self, guint position);
/* The list shown: a GListModel of McApology (McApologyList). */
GListModel            *mc_apology_page_get_model      (McApologyPage *self);
guint                  mc_apology_page_get_n_flagged  (McApologyPage *self);
const McApologyCount  *mc_apology_page_get_flagged    (McApologyPage *self, guint position);

/* Mẫu 06 Sổ theo dõi hồ sơ of the dossiers received in the page's period;
 * format "xlsx" or "pdf". */
gboolean               mc_apology_page_export_register (McApologyPage *self, const char *format,
                                                        const char *path, GError **error);
/* The same in a worker thread with progress and Cancel; a toast tells the end. */
void                   mc_apology_page_start_export_register (McApologyPage *self, const char *format,
                                                              const char *path);

G_END_DECLS
