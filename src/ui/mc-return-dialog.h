/* mc-return-dialog.h — trả kết quả: who collected the result, ID checked, how
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mc-application.h"

G_BEGIN_DECLS

#define MC_TYPE_RETURN_DIALOG (mc_return_dialog_get_type ())
G_DECLARE_FINAL_TYPE (McReturnDialog, mc_return_dialog, MC, RETURN_DIALOG, AdwWindow)

/* Emits ::returned (code) once the dossier is recorded as returned, then closes. */
McReturnDialog *mc_return_dialog_new        (McApplication *app, const McWorkItem *item);
void            mc_return_dialog_set_values (McReturnDialog *self, const char *collected_by,
                                             const char *id_number, McChannel method, const char *note);
/* The citizen's rating (indices −1 or 0–2, satisfaction 0 or 1–5),
 * recorded with the return when any is given. */
void            mc_return_dialog_set_rating (McReturnDialog *self, const int indices[9], int satisfaction);
/* The authorisation document (giấy ủy quyền) for a collector who is not the applicant. */
void            mc_return_dialog_set_authorisation (McReturnDialog *self, const char *document);
/* "The citizen does not rate": the rating step settled without a rating. */
void            mc_return_dialog_set_declined (McReturnDialog *self, gboolean declined);
/* What the Return button does: validates, records, closes; on error the
 * dialog stays open with the message and nothing is changed. In person it
 * needs the rating step settled (a rating, or declined). */
gboolean        mc_return_dialog_submit     (McReturnDialog *self, GError **error);
/* "handover" (who collects) or "rating" (the citizen's rating, in person). */
const char     *mc_return_dialog_get_step   (McReturnDialog *self);
/* Whether the ID checked was found not to be the applicant's and the
 * authorisation is asked for. */
gboolean        mc_return_dialog_get_asks_authorisation (McReturnDialog *self);

G_END_DECLS
