/* mc-directory.h — who and where a dossier can go: active staff, external units
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-db.h"

G_BEGIN_DECLS

/* A cán bộ who can hold a dossier. */
typedef struct {
  gint64  id;
  char   *username;
  char   *full_name;
  char   *title;            /* chức vụ, or NULL */
  gint64  department_id;    /* 0: none */
  char   *department_code;
  char   *department_name;
} McStaffEntry;

/* Another agency or level a dossier is sent to under một cửa liên thông. */
typedef struct {
  gint64  id;
  char   *code;
  char   *name;
  char   *level;            /* tw, tinh, huyen, xa, khac */
} McUnitEntry;

/* Active staff, by department (0: all departments), sorted by name. */
GPtrArray *mc_directory_list_staff     (McDb *db, gint64 department_id, GError **error);  /* McStaffEntry* */
/* The units other than the center's own, sorted by name. */
GPtrArray *mc_directory_list_units     (McDb *db, GError **error);                        /* McUnitEntry* */

void       mc_staff_entry_free         (McStaffEntry *entry);
void       mc_unit_entry_free          (McUnitEntry *entry);

G_END_DECLS
