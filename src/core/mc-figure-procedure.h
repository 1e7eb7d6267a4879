/* mc-figure-procedure.h — a procedure in the list behind a report's figure
 * (the public appendix's (3)–(4), Phụ lục 01b's procedure lines)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define MC_TYPE_FIGURE_PROCEDURE (mc_figure_procedure_get_type ())
G_DECLARE_FINAL_TYPE (McFigureProcedure, mc_figure_procedure, MC, FIGURE_PROCEDURE, GObject)

/* Read-only properties: "code", "name", "field-name" (lĩnh vực) and
 * "mechanism" (mot_cua, lien_thong). */
McFigureProcedure *mc_figure_procedure_new            (const char *code, const char *name, const char *field_name,
                                                       const char *mechanism);
const char        *mc_figure_procedure_get_code       (McFigureProcedure *self);
const char        *mc_figure_procedure_get_name       (McFigureProcedure *self);
const char        *mc_figure_procedure_get_field_name (McFigureProcedure *self);
const char        *mc_figure_procedure_get_mechanism  (McFigureProcedure *self);
/* Whether it is under the inter-agency one-stop mechanism (liên thông). */
gboolean           mc_figure_procedure_is_inter_agency (McFigureProcedure *self);

G_END_DECLS
