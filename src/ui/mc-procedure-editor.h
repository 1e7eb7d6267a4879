/* mc-procedure-editor.h — view and edit a procedure, its documents and its steps
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mc-application.h"

G_BEGIN_DECLS

#define MC_TYPE_PROCEDURE_EDITOR (mc_procedure_editor_get_type ())
G_DECLARE_FINAL_TYPE (McProcedureEditor, mc_procedure_editor, MC, PROCEDURE_EDITOR, AdwWindow)

/* procedure NULL: a new procedure. The editor works on a copy. */
McProcedureEditor *mc_procedure_editor_new     (McApplication *app, McProcedure *procedure);
McProcedure       *mc_procedure_editor_collect (McProcedureEditor *self);
gboolean           mc_procedure_editor_save    (McProcedureEditor *self, GError **error);
gboolean           mc_procedure_editor_is_read_only (McProcedureEditor *self);
/* The rows of the reform of 1/7/2025, for the tests to choose as a person does. */
AdwComboRow       *mc_procedure_editor_get_competence_row (McProcedureEditor *self);
AdwComboRow       *mc_procedure_editor_get_reception_row  (McProcedureEditor *self);

G_END_DECLS
