/* mc-directory.h — who and where a dossier can go: active staff, external units
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-db.h"
#include "mc-staff.h"

G_BEGIN_DECLS

/* Another agency or level a dossier is sent to under một cửa liên thông. */
typedef struct {
  gint64  id;
  char   *code;
  char   *name;
  char   *level;            /* tw, tinh, huyen, xa, khac */
} McUnitEntry;

/* Active staff, by department (0: all departments), sorted by name: who
 * they are and their department (roles and the password's state are
 * mc_accounts_list's). */
GPtrArray *mc_directory_list_staff     (McDb *db, gint64 department_id, GError **error);  /* McStaff* */
/* The units other than the center's own, sorted by name. */
GPtrArray *mc_directory_list_units     (McDb *db, GError **error);                        /* McUnitEntry* */

void       mc_unit_entry_free          (McUnitEntry *entry);

G_END_DECLS
