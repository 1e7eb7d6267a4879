/* mc-directory.h — who can hold a dossier: active staff
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-db.h"
#include "mc-staff.h"

G_BEGIN_DECLS

/* Active staff, by department (0: all departments), sorted by name: who
 * they are and their department (roles and the password's state are
 * mc_accounts_list's). */
GPtrArray *mc_directory_list_staff     (McDb *db, gint64 department_id, GError **error);  /* McStaff* */
/* The units a dossier can go to are mc_unit_list_others (mc-unit.h). */

G_END_DECLS
