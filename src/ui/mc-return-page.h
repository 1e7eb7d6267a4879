/* mc-return-page.h — Trả kết quả: results waiting at the counter, handed to the citizen
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mc-application.h"
#include "mc-return-dialog.h"

G_BEGIN_DECLS

#define MC_TYPE_RETURN_PAGE (mc_return_page_get_type ())
G_DECLARE_FINAL_TYPE (McReturnPage, mc_return_page, MC, RETURN_PAGE, AdwBin)

McReturnPage   *mc_return_page_new          (McApplication *app);
/* Reads the waiting results again (the page does so each time it is shown). */
void            mc_return_page_reload       (McReturnPage *self);
void            mc_return_page_set_search   (McReturnPage *self, const char *text);
/* Dossiers shown (matching the search) and waiting in all ("n-waiting"). */
guint           mc_return_page_get_n_shown  (McReturnPage *self);
guint           mc_return_page_get_n_waiting (McReturnPage *self);
/* Shows at most the `limit` oldest (MC_RETURN_MODEL_LIMIT unless told), now. */
void            mc_return_page_set_limit     (McReturnPage *self, guint limit);
/* The sidebar's badge while the page is not built (McPageInfo.badges). */
void            mc_return_page_count_badges  (McApplication *app, guint *n_waiting, guint *n_overdue);
/* The dossier shown at `position` (owned by the page's model), or NULL. */
McDossier        *mc_return_page_get_shown  (McReturnPage *self, guint position);
/* Selects the dossier with this code (a scanned receipt); FALSE if it is not waiting. */
gboolean        mc_return_page_select       (McReturnPage *self, const char *code);
const char     *mc_return_page_get_selected_code (McReturnPage *self);
/* Opens the return dialog for the selected dossier (action "return.return"). */
McReturnDialog *mc_return_page_start_return (McReturnPage *self);

G_END_DECLS
