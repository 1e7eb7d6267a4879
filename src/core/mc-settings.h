/* mc-settings.h — the registry of the unit's settings: each key with its
 * type, default, validation, Vietnamese label and group
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * TO ADD A SETTING: add one line to the `registry` table in mc-settings.c
 * (key, group, label, type, default, bounds or choices, an optional check
 * function); `motcua settings get|set|list`, the Tùy chỉnh page "Văn bản và
 * báo cáo" (for groups shown there) and the audit trail's labels then know
 * it. Read it with mc_settings_get / _get_int / _get_bool, which return the
 * registered default while the unit has not set it.
 */
#pragma once

#include <glib.h>

#include "mc-db.h"
#include "mc-time.h"

G_BEGIN_DECLS

#define MC_SETTINGS_ERROR (mc_settings_error_quark ())
GQuark mc_settings_error_quark (void);

typedef enum {
  MC_SETTINGS_ERROR_UNKNOWN_KEY,
  MC_SETTINGS_ERROR_INVALID,
} McSettingsError;

typedef enum {
  MC_SETTING_TEXT,       /* one line */
  MC_SETTING_MULTILINE,  /* paragraphs (a template) */
  MC_SETTING_INT,        /* a whole number in [min, max] */
  MC_SETTING_BOOL,       /* stored "1" / "0" */
  MC_SETTING_CHOICE,     /* one of `choices`' values */
  MC_SETTING_DATE,       /* YYYY-MM-DD (typed also as D/M/YYYY) */
} McSettingType;

/* Groups in the order the page and `settings list` show them; a group's
 * label is in mc-settings.c's group_labels. Groups up to
 * MC_SETTING_GROUP_LAST_DOCUMENT are on the "Văn bản và báo cáo" page. */
typedef enum {
  MC_SETTING_GROUP_SIGNER,      /* người ký, địa danh, người lập biểu */
  MC_SETTING_GROUP_FORMS,       /* biểu mẫu của bộ phận một cửa */
  MC_SETTING_GROUP_PERIOD,      /* kỳ báo cáo */
  MC_SETTING_GROUP_EVALUATION,  /* đánh giá, xếp loại */
  MC_SETTING_GROUP_NARRATIVE,   /* báo cáo bằng lời */
  MC_SETTING_GROUP_LAST_DOCUMENT = MC_SETTING_GROUP_NARRATIVE,
  MC_SETTING_GROUP_RULES,       /* quy định của tỉnh */
  MC_SETTING_GROUP_QUEUE,       /* xếp hàng: thứ tự ưu tiên */
  MC_SETTING_GROUP_SYSTEM,      /* sao lưu, đăng nhập */
  MC_SETTING_N_GROUPS
} McSettingGroup;

typedef struct {
  const char *value;  /* stored */
  const char *label;  /* N_(), shown */
} McSettingChoice;

/* Further validation after the type's: FALSE with an MC_SETTINGS_ERROR_INVALID
 * error in Vietnamese (through _()). */
typedef gboolean (*McSettingCheck) (const char *value, GError **error);

typedef struct {
  const char            *key;
  McSettingGroup         group;
  const char            *label;        /* N_() */
  const char            *description;  /* N_(), or NULL */
  McSettingType          type;
  const char            *fallback;     /* the default, as stored */
  int                    min, max;     /* INT: bounds; TEXT: min 1 = may not be empty */
  const McSettingChoice *choices;      /* CHOICE: ends with { NULL, NULL } */
  McSettingCheck         check;
} McSettingInfo;

/* Every registered setting, in the table's order. */
const McSettingInfo *mc_settings_all          (guint *n_settings);
/* NULL for a key that is not registered. */
const McSettingInfo *mc_settings_lookup       (const char *key);
const char          *mc_settings_group_label  (McSettingGroup group);  /* translated */

/* The stored value, or the default; the key must be registered. NULL (the
 * typed ones: FALSE) with a Vietnamese error when the database could not be
 * read (busy, an I/O error, damaged): never the default in its place. */
char                *mc_settings_get          (McDb *db, const char *key, GError **error);
gboolean             mc_settings_get_int      (McDb *db, const char *key, int *value, GError **error);
gboolean             mc_settings_get_bool     (McDb *db, const char *key, gboolean *value, GError **error);
gboolean             mc_settings_get_date     (McDb *db, const char *key, McDate *value, GError **error);
/* *set: whether the unit stored a value (even one equal to the default). */
gboolean             mc_settings_is_set       (McDb *db, const char *key, gboolean *set, GError **error);

/* The value as it would be stored (trimmed, NFC, "1"/"0", ISO date), or
 * NULL with a Vietnamese error that names the setting. */
char                *mc_settings_validate     (const McSettingInfo *info, const char *value, GError **error);
/* Validates and stores: MC_PERMISSION_CONFIGURE (the administrator); the
 * audit trail records the change with the person signed in (trigger of
 * migration 5). A refused value changes nothing. */
gboolean             mc_settings_set          (McDb *db, const char *key, const char *value, GError **error);
/* Stores the registered default (audited like any change). */
gboolean             mc_settings_reset        (McDb *db, const char *key, GError **error);
/* How a value reads to a person: "Có"/"Không", a choice's label, D/M/YYYY. */
char                *mc_settings_display      (const McSettingInfo *info, const char *value);

/* The signature block's first lines for a signer with `title` (NĐ 30/2020
 * Phụ lục I, mục II.7), by "report.signer_authority": auto gives
 * "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH" when the title is the head's
 * ("report.head_title", after TM. "report.collective") and
 * "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" otherwise; "none" the title alone. An empty
 * title is the head's. */
char                *mc_settings_signer_authority (McDb *db, const char *title, GError **error);
/* "Như trên;Lưu: VT" → "- Như trên;\n- Lưu: VT." (Nơi nhận, NĐ 30 ô 9b). */
char                *mc_settings_recipients_lines (const char *value);

G_END_DECLS
