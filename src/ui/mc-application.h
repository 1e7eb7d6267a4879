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
/* Whether the database is a PostgreSQL server (issue 17): each person signs
 * in as their own login, and the connection is opened by the sign-in. */
gboolean       mc_application_is_server     (McApplication *self);
/* Connects to the server as `username` with `password` (the server checks
 * it); FALSE with the error in Vietnamese, nothing left open. */
gboolean       mc_application_sign_in_server (McApplication *self, const char *username, const char *password,
                                              GError **error);
/* Closes the database and everything reading it (a server's sign-out). */
void           mc_application_close_db      (McApplication *self);
/* Re-reads the calendar's settings and exceptions after an edit. */
void           mc_application_reload_calendar (McApplication *self);

G_END_DECLS
