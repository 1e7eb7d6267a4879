/* mc-staff.h — a staff member's account (cán bộ): who they are, their roles, whether they may sign in
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "mc-time.h"

G_BEGIN_DECLS

/* vai trò */
typedef enum {
  MC_ROLE_RECEPTION     = 1 << 0,  /* tiep_nhan: cán bộ tiếp nhận và trả kết quả */
  MC_ROLE_SPECIALIST    = 1 << 1,  /* chuyen_vien */
  MC_ROLE_HEAD          = 1 << 2,  /* lanh_dao_phong */
  MC_ROLE_LEADER        = 1 << 3,  /* lanh_dao_ubnd */
  MC_ROLE_RECORDS       = 1 << 4,  /* van_thu */
  MC_ROLE_REPORTING     = 1 << 5,  /* bao_cao */
  MC_ROLE_ADMIN         = 1 << 6,  /* quan_tri */
} McRoles;

#define MC_TYPE_ROLES (mc_roles_get_type ())
GType mc_roles_get_type (void);

#define MC_TYPE_STAFF (mc_staff_get_type ())
G_DECLARE_FINAL_TYPE (McStaff, mc_staff, MC, STAFF, GObject)

/* Properties (each notifies when it changes, so a row bound to the object
 * follows a reload of the accounts model): id, username, full-name, title
 * (chức vụ), department-id, department-code, department-name, roles,
 * active, locked-until (0: not locked), has-password, must-change-password;
 * read-only, in words: roles-label ("Tiếp nhận, Báo cáo"), state-label
 * ("Đang hoạt động", "Bị khóa đến …", …). */
McStaff    *mc_staff_new                      (void);

gint64      mc_staff_get_id                   (McStaff *self);
const char *mc_staff_get_username             (McStaff *self);
const char *mc_staff_get_full_name            (McStaff *self);
const char *mc_staff_get_title                (McStaff *self);
gint64      mc_staff_get_department_id        (McStaff *self);
const char *mc_staff_get_department_code      (McStaff *self);
const char *mc_staff_get_department_name      (McStaff *self);
McRoles     mc_staff_get_roles                (McStaff *self);
gboolean    mc_staff_get_active               (McStaff *self);
McTime      mc_staff_get_locked_until         (McStaff *self);
gboolean    mc_staff_get_has_password         (McStaff *self);
gboolean    mc_staff_get_must_change_password (McStaff *self);
/* The state as the accounts page and `motcua account list` say it. */
char       *mc_staff_dup_state_label          (McStaff *self);

G_END_DECLS
