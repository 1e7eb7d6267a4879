/* mc-queue-admin.h — the administrator's window for the queue: ticket
 * services, counters, the priority rule (issue 18 item 1); and this
 * computer's counter in Tùy chỉnh
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mc-application.h"

G_BEGIN_DECLS

#define MC_TYPE_QUEUE_ADMIN (mc_queue_admin_get_type ())
G_DECLARE_FINAL_TYPE (McQueueAdmin, mc_queue_admin, MC, QUEUE_ADMIN, AdwPreferencesWindow)

McQueueAdmin *mc_queue_admin_new (McApplication *app);

/* The editors, as a person fills them and presses Lưu (for tests): the
 * form's values, then FALSE with the form's error shown when core refuses. */
gboolean      mc_queue_admin_save_service (McQueueAdmin *self, gint64 id, const char *name, const char *prefix,
                                           int first, int last, gboolean active);
gboolean      mc_queue_admin_save_counter (McQueueAdmin *self, gboolean is_new, int number, const char *name,
                                           const char *const *service_names, gboolean active);
/* The error the form shows ("" when none); the rows of the lists. */
const char   *mc_queue_admin_get_error    (McQueueAdmin *self);
guint         mc_queue_admin_count_rows   (McQueueAdmin *self, gboolean counters);

/* Tùy chỉnh's "Xếp hàng" group: "Quầy của máy này" (the queue-counter
 * GSetting, for every desk) and, for the administrator, the row opening
 * the window above. */
GtkWidget    *mc_queue_admin_preferences_group_new (McApplication *app);
/* The group's spin button for this computer's counter (tests). */
GtkSpinButton *mc_queue_admin_group_get_counter_spin (GtkWidget *group);

G_END_DECLS
