/* mc-reception.h — which procedures a unit receives (tiếp nhận) since the
 * reform of 1/7/2025
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-catalog.h"

G_BEGIN_DECLS

/* What a unit declares for one procedure. DEFAULT is no declaration: the
 * procedure is received when it is of the unit's competence. */
typedef enum {
  MC_RECEPTION_DEFAULT,
  MC_RECEPTION_OWN,          /* thuộc thẩm quyền của đơn vị */
  MC_RECEPTION_PROVINCE,     /* tiếp nhận hồ sơ thuộc thẩm quyền cấp tỉnh (NĐ 118/2025) */
  MC_RECEPTION_LIEN_THONG,   /* tiếp nhận theo cơ chế một cửa liên thông */
  MC_RECEPTION_NONE,         /* không tiếp nhận tại đơn vị */
  MC_N_RECEPTIONS
} McReception;

const char  *mc_reception_to_string   (McReception reception);   /* "province" */
gboolean     mc_reception_from_string (const char *text, McReception *reception);
const char  *mc_reception_to_label    (McReception reception);

/* The declaration of the center's own unit (DEFAULT when there is none). */
McReception  mc_catalog_get_reception (McCatalog *self, const char *code, GError **error);
/* Declares it (DEFAULT removes the declaration), in a transaction, for the
 * administrator (MC_PERMISSION_CONFIGURE); audited by the triggers. */
gboolean     mc_catalog_set_reception (McCatalog *self, const char *code, McReception reception,
                                       GError **error);
/* What the declaration comes to for the own unit: DEFAULT resolved to OWN or
 * NONE by the procedure's competence. */
McReception  mc_catalog_effective_reception (McCatalog *self, McProcedure *procedure, GError **error);

/* SQL conditions on a procedure `p` for the units whose ids are the SQL list
 * `unit_ids`: the procedures they receive, and among them those received
 * under liên thông (the procedure's mechanism or the declaration). */
char        *mc_reception_sql_received (const char *unit_ids);
char        *mc_reception_sql_linked   (const char *unit_ids);

G_END_DECLS
