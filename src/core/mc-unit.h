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

G_END_DECLS
