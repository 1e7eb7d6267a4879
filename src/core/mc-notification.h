/* mc-notification.h — one thing that concerns a staff member, under the bell
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "mc-time.h"

G_BEGIN_DECLS

/* What happened; the ids are notification.kind (0018-notification.sql). */
typedef enum {
  MC_NOTIFICATION_ASSIGNED,  /* a dossier handed to this person (chuyển, giao) */
  MC_NOTIFICATION_RETURNED,  /* sent back to this person's step for correction (trả lại) */
  MC_NOTIFICATION_OVERDUE,   /* theirs, or their department's for a head, passed its appointment */
  MC_NOTIFICATION_APOLOGY,   /* an apology letter (Mẫu 04) waiting for a leader's signature */
  MC_N_NOTIFICATION_KINDS
} McNotificationKind;

const char *mc_notification_kind_to_string   (McNotificationKind kind);
gboolean    mc_notification_kind_from_string (const char *text, McNotificationKind *kind);
/* A symbolic icon of the Adwaita theme for the kind. */
const char *mc_notification_kind_icon        (McNotificationKind kind);

/* How long ago `at` was at `now`, as the bell shows it: "vừa xong",
 * "5 phút trước", "3 giờ trước", "2 ngày trước", then the date (14/03/2024). */
char       *mc_notification_format_age       (McTime at, McTime now);

#define MC_TYPE_NOTIFICATION (mc_notification_get_type ())
G_DECLARE_FINAL_TYPE (McNotification, mc_notification, MC, NOTIFICATION, GObject)

/* Only the store makes them (g_object_new with the row's values); "read"
 * is writable for the list model's update, not for marking it read — that
 * is mc_notification_mark_read. Properties: id, kind, dossier-code,
 * procedure-name, by-name, at, read, summary, text, icon-name. */
gint64              mc_notification_get_id             (McNotification *self);
McNotificationKind  mc_notification_get_kind           (McNotification *self);
const char         *mc_notification_get_dossier_code   (McNotification *self);
const char         *mc_notification_get_procedure_name (McNotification *self);
const char         *mc_notification_get_by_name        (McNotification *self);
McTime              mc_notification_get_at             (McNotification *self);
gboolean            mc_notification_get_read           (McNotification *self);
/* What happened, with the code ("Hồ sơ … được giao cho bạn"). */
const char         *mc_notification_get_summary        (McNotification *self);
/* One line in Vietnamese with the dossier's code and procedure
 * ("Hồ sơ … được giao cho bạn — Đăng ký khai sinh"). */
const char         *mc_notification_get_text           (McNotification *self);
const char         *mc_notification_get_icon_name      (McNotification *self);

G_END_DECLS
