/* mc-staff.c — a staff member's account (cán bộ): who they are, their roles, whether they may sign in
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A plain record was handed to the accounts page, which boxed it to list it
 * and rebuilt every row after any change. As an object with properties a row
 * binds to it, and a reload of the accounts model updates it in place: an
 * account disabled at another desk changes its row's state and nothing else.
 * Only McAccounts makes them (g_object_new with the row's values); the
 * properties are writable for that and for the model's update, not for
 * changing an account — that is mc_accounts_update, checked and audited.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-accounts.h"
#include "mc-format.h"
#include "mc-staff.h"

struct _McStaff
{
  GObject   parent_instance;

  gint64    id;
  char     *username;
  char     *full_name;
  char     *title;            /* chức vụ */
  gint64    department_id;
  char     *department_code;
  char     *department_name;
  McRoles   roles;
  gboolean  active;
  McTime    locked_until;     /* 0: not locked */
  gboolean  has_password;
  gboolean  must_change_password;  /* must choose a new password at the next sign-in */
};

G_DEFINE_FINAL_TYPE (McStaff, mc_staff, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_USERNAME,
  PROP_FULL_NAME,
  PROP_TITLE,
  PROP_DEPARTMENT_ID,
  PROP_DEPARTMENT_CODE,
  PROP_DEPARTMENT_NAME,
  PROP_ROLES,
  PROP_ACTIVE,
  PROP_LOCKED_UNTIL,
  PROP_HAS_PASSWORD,
  PROP_MUST_CHANGE_PASSWORD,
  PROP_ROLES_LABEL,
  PROP_STATE_LABEL,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static const GFlagsValue role_values[] = {
  { MC_ROLE_RECEPTION, "MC_ROLE_RECEPTION", "tiep_nhan" },
  { MC_ROLE_SPECIALIST, "MC_ROLE_SPECIALIST", "chuyen_vien" },
  { MC_ROLE_HEAD, "MC_ROLE_HEAD", "lanh_dao_phong" },
  { MC_ROLE_LEADER, "MC_ROLE_LEADER", "lanh_dao_ubnd" },
  { MC_ROLE_RECORDS, "MC_ROLE_RECORDS", "van_thu" },
  { MC_ROLE_REPORTING, "MC_ROLE_REPORTING", "bao_cao" },
  { MC_ROLE_ADMIN, "MC_ROLE_ADMIN", "quan_tri" },
  { 0, NULL, NULL },
};

GType
mc_roles_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_flags_register_static (g_intern_static_string ("McRoles"), role_values));
  return type;
}

static void
mc_staff_finalize (GObject *object)
{
  McStaff *self = MC_STAFF (object);

  g_free (self->username);
  g_free (self->full_name);
  g_free (self->title);
  g_free (self->department_code);
  g_free (self->department_name);
  G_OBJECT_CLASS (mc_staff_parent_class)->finalize (object);
}

static void
mc_staff_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  McStaff *self = MC_STAFF (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_USERNAME: g_value_set_string (value, self->username); break;
    case PROP_FULL_NAME: g_value_set_string (value, self->full_name); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_DEPARTMENT_ID: g_value_set_int64 (value, self->department_id); break;
    case PROP_DEPARTMENT_CODE: g_value_set_string (value, self->department_code); break;
    case PROP_DEPARTMENT_NAME: g_value_set_string (value, self->department_name); break;
    case PROP_ROLES: g_value_set_flags (value, self->roles); break;
    case PROP_ACTIVE: g_value_set_boolean (value, self->active); break;
    case PROP_LOCKED_UNTIL: g_value_set_int64 (value, self->locked_until); break;
    case PROP_HAS_PASSWORD: g_value_set_boolean (value, self->has_password); break;
    case PROP_MUST_CHANGE_PASSWORD: g_value_set_boolean (value, self->must_change_password); break;
    case PROP_ROLES_LABEL: g_value_take_string (value, mc_roles_to_label (self->roles)); break;
    case PROP_STATE_LABEL: g_value_take_string (value, mc_staff_dup_state_label (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_text (McStaff *self, char **field, const GValue *value, guint prop)
{
  if (g_strcmp0 (*field, g_value_get_string (value)) == 0)
    return;
  g_free (*field);
  *field = g_value_dup_string (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/* A number or a truth value; `label` is the words that depend on it. */
static void
set_number (McStaff *self, gint64 *field, gint64 value, guint prop, guint label)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  if (label != PROP_0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[label]);
}

static void
set_flag (McStaff *self, gboolean *field, gboolean value, guint prop)
{
  gint64 wide = *field;

  set_number (self, &wide, value != FALSE, prop, PROP_STATE_LABEL);
  *field = (gboolean) wide;
}

static void
mc_staff_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  McStaff *self = MC_STAFF (object);
  gint64 roles = self->roles;

  switch (prop_id)
    {
    case PROP_ID: set_number (self, &self->id, g_value_get_int64 (value), prop_id, PROP_0); break;
    case PROP_USERNAME: set_text (self, &self->username, value, prop_id); break;
    case PROP_FULL_NAME: set_text (self, &self->full_name, value, prop_id); break;
    case PROP_TITLE: set_text (self, &self->title, value, prop_id); break;
    case PROP_DEPARTMENT_ID: set_number (self, &self->department_id, g_value_get_int64 (value), prop_id, PROP_0); break;
    case PROP_DEPARTMENT_CODE: set_text (self, &self->department_code, value, prop_id); break;
    case PROP_DEPARTMENT_NAME: set_text (self, &self->department_name, value, prop_id); break;
    case PROP_ROLES:
      set_number (self, &roles, g_value_get_flags (value), prop_id, PROP_ROLES_LABEL);
      self->roles = (McRoles) roles;
      break;
    case PROP_ACTIVE: set_flag (self, &self->active, g_value_get_boolean (value), prop_id); break;
    case PROP_LOCKED_UNTIL:
      set_number (self, &self->locked_until, g_value_get_int64 (value), prop_id, PROP_STATE_LABEL);
      break;
    case PROP_HAS_PASSWORD: set_flag (self, &self->has_password, g_value_get_boolean (value), prop_id); break;
    case PROP_MUST_CHANGE_PASSWORD:
      set_flag (self, &self->must_change_password, g_value_get_boolean (value), prop_id);
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_staff_class_init (McStaffClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags read_only = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = mc_staff_finalize;
  object_class->get_property = mc_staff_get_property;
  object_class->set_property = mc_staff_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_USERNAME] = g_param_spec_string ("username", NULL, NULL, NULL, flags);
  properties[PROP_FULL_NAME] = g_param_spec_string ("full-name", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_DEPARTMENT_ID] = g_param_spec_int64 ("department-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_DEPARTMENT_CODE] = g_param_spec_string ("department-code", NULL, NULL, NULL, flags);
  properties[PROP_DEPARTMENT_NAME] = g_param_spec_string ("department-name", NULL, NULL, NULL, flags);
  properties[PROP_ROLES] = g_param_spec_flags ("roles", NULL, NULL, MC_TYPE_ROLES, 0, flags);
  properties[PROP_ACTIVE] = g_param_spec_boolean ("active", NULL, NULL, FALSE, flags);
  properties[PROP_LOCKED_UNTIL] = g_param_spec_int64 ("locked-until", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_HAS_PASSWORD] = g_param_spec_boolean ("has-password", NULL, NULL, FALSE, flags);
  properties[PROP_MUST_CHANGE_PASSWORD] = g_param_spec_boolean ("must-change-password", NULL, NULL, FALSE, flags);
  properties[PROP_ROLES_LABEL] = g_param_spec_string ("roles-label", NULL, NULL, NULL, read_only);
  properties[PROP_STATE_LABEL] = g_param_spec_string ("state-label", NULL, NULL, NULL, read_only);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mc_staff_init (McStaff *self)
{
}

McStaff *
mc_staff_new (void)
{
  return g_object_new (MC_TYPE_STAFF, NULL);
}

gint64 mc_staff_get_id (McStaff *self) { return self->id; }
const char *mc_staff_get_username (McStaff *self) { return self->username; }
const char *mc_staff_get_full_name (McStaff *self) { return self->full_name; }
const char *mc_staff_get_title (McStaff *self) { return self->title; }
gint64 mc_staff_get_department_id (McStaff *self) { return self->department_id; }
const char *mc_staff_get_department_code (McStaff *self) { return self->department_code; }
const char *mc_staff_get_department_name (McStaff *self) { return self->department_name; }
McRoles mc_staff_get_roles (McStaff *self) { return self->roles; }
gboolean mc_staff_get_active (McStaff *self) { return self->active; }
McTime mc_staff_get_locked_until (McStaff *self) { return self->locked_until; }
gboolean mc_staff_get_has_password (McStaff *self) { return self->has_password; }
gboolean mc_staff_get_must_change_password (McStaff *self) { return self->must_change_password; }

char *
mc_staff_dup_state_label (McStaff *self)
{
  g_return_val_if_fail (MC_IS_STAFF (self), NULL);

  if (!self->active)
    return g_strdup (_("Disabled"));
  if (self->locked_until > mc_time_now ())
    {
      g_autofree char *until = mc_format_time (self->locked_until);
      /* Translators: %s is a time such as "10:00 ngày 03/05/2024" */
      return g_strdup_printf (_("Locked until %s"), until);
    }
  if (!self->has_password)
    return g_strdup (_("No password yet"));
  if (self->must_change_password)
    return g_strdup (_("Must change password"));
  return g_strdup (_("Active"));
}
