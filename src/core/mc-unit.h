/* mc-unit.h — the center's own unit (đơn vị): name, code, place
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-db.h"

G_BEGIN_DECLS

typedef struct {
  char *code;        /* mã định danh, e.g. 000.00.06.H56 */
  char *name;        /* Ủy ban nhân dân phường Phú Sơn */
  char *place_name;  /* Phú Sơn */
} McUnitInfo;

gboolean mc_unit_get_own   (McDb *db, McUnitInfo *info, GError **error);
/* Validates (name and code required, code printable ASCII for barcodes). */
gboolean mc_unit_set_own   (McDb *db, const McUnitInfo *info, GError **error);
void     mc_unit_info_clear (McUnitInfo *info);

/* The names a unit had at instant t: its own and its parent's (NULL when it
 * had none), from the names it left (unit_former_name) or else today's. */
gboolean mc_unit_names_at  (McDb *db, gint64 unit_id, gint64 t, char **name, char **parent_name, GError **error);
/* The names printed on a dossier's forms: those stored at its reception, or
 * for a dossier without them (received before they were stored, imported)
 * the unit's names at its reception. FALSE with an error when no dossier
 * has the code. */
gboolean mc_unit_names_of_dossier (McDb *db, const char *code, char **name, char **parent_name,
                                   GError **error);

G_END_DECLS
