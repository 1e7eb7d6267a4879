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
/* What the Return button does: validates, records, closes; on error the
 * dialog stays open with the message and nothing is changed. */
gboolean        mc_return_dialog_submit     (McReturnDialog *self, GError **error);

G_END_DECLS
