/* mc-figure-dossier.h — a dossier in the list behind a report's figure
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "mc-time.h"

G_BEGIN_DECLS

#define MC_TYPE_FIGURE_DOSSIER (mc_figure_dossier_get_type ())
G_DECLARE_FINAL_TYPE (McFigureDossier, mc_figure_dossier, MC, FIGURE_DOSSIER, GObject)

/* Read-only properties: "code", "applicant-name", "procedure-name",
 * "received-at" and "finished-at" (McTime, 0 while still being processed). */
McFigureDossier *mc_figure_dossier_new                (const char *code, const char *applicant_name,
                                                       const char *procedure_name, McTime received_at,
                                                       McTime finished_at);
const char      *mc_figure_dossier_get_code           (McFigureDossier *self);
const char      *mc_figure_dossier_get_applicant_name (McFigureDossier *self);
const char      *mc_figure_dossier_get_procedure_name (McFigureDossier *self);
McTime           mc_figure_dossier_get_received_at    (McFigureDossier *self);
McTime           mc_figure_dossier_get_finished_at    (McFigureDossier *self);

G_END_DECLS
