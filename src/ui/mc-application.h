/* mc-application.h — the Motcua application: one database, one calendar, one catalog
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mc-calendar.h"
#include "mc-catalog.h"
#include "mc-db.h"
#include "mc-workflow.h"

G_BEGIN_DECLS

#define MC_TYPE_APPLICATION (mc_application_get_type ())
G_DECLARE_FINAL_TYPE (McApplication, mc_application, MC, APPLICATION, AdwApplication)

McApplication *mc_application_new           (void);
McDb          *mc_application_get_db        (McApplication *self);
McCatalog     *mc_application_get_catalog   (McApplication *self);
McCalendar    *mc_application_get_calendar  (McApplication *self);
GSettings     *mc_application_get_settings  (McApplication *self);
McWorkflow    *mc_application_get_workflow  (McApplication *self);
/* The staff member working at this computer (setting "current-user"), NULL
 * when the database has no staff; recorded on every action taken here. */
const char    *mc_application_get_username  (McApplication *self);
void           mc_application_set_username  (McApplication *self, const char *username);
/* Opens (and on first use fills with the built-in catalog) the database. */
gboolean       mc_application_open_db       (McApplication *self, const char *path, GError **error);
/* Re-reads the calendar's settings and exceptions after an edit. */
void           mc_application_reload_calendar (McApplication *self);

G_END_DECLS
