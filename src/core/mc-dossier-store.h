/* mc-dossier-store.h — receiving, finding and importing dossiers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mc-calendar.h"
#include "mc-db.h"
#include "mc-dossier.h"

G_BEGIN_DECLS

#define MC_TYPE_DOSSIER_STORE (mc_dossier_store_get_type ())
G_DECLARE_FINAL_TYPE (McDossierStore, mc_dossier_store, MC, DOSSIER_STORE, GObject)

#define MC_DOSSIER_ERROR (mc_dossier_error_quark ())
GQuark mc_dossier_error_quark (void);

typedef enum {
  MC_DOSSIER_ERROR_INVALID,
  MC_DOSSIER_ERROR_NOT_FOUND,
} McDossierError;

McDossierStore *mc_dossier_store_new          (McDb *db, McCalendar *calendar);
McDb           *mc_dossier_store_get_db       (McDossierStore *self);
McCalendar     *mc_dossier_store_get_calendar (McDossierStore *self);

/* The appointment the law allows for a procedure received at `received`. */
gboolean        mc_dossier_store_compute_due  (McDossierStore *self, const char *procedure_code,
                                               McTime received, McTime *due, GError **error);
/* Validates, computes the appointment, assigns the code and writes the dossier,
 * its documents and its first event in one transaction. On success the
 * dossier's code, id, due_at and state are filled in. */
gboolean        mc_dossier_store_receive      (McDossierStore *self, McDossier *dossier, GError **error);
/* A refusal's reference is the register's number of refusals, not a mã hồ
 * sơ: a dossier refused at the counter never received one (TT 03/2025 Điều
 * 13 gives the code at reception), so Mẫu 03's "Mã hồ sơ (nếu có)" stays
 * blank for it. */
#define MC_REFUSAL_REFERENCE_PREFIX "TC-"
gboolean        mc_dossier_store_is_refusal_reference (const char *code);
/* Mẫu 03: records a refusal at the counter (it is not a received dossier)
 * with the clerk signed in; returns its reference "TC-YYMMDD-N" for the
 * printed form, NULL on error. The dossier's received_by becomes that clerk's
 * name, who signs the form. */
char           *mc_dossier_store_refuse       (McDossierStore *self, McDossier *dossier, const char *reason,
                                               GError **error);
McDossier      *mc_dossier_store_find         (McDossierStore *self, const char *code, GError **error);
/* Code, name, ID number or phone, with or without diacritics. */
/* A person's search (the command line): needs MC_PERMISSION_PERSONAL_DATA,
 * and a search by an ID number or a phone writes an audit row. NULL on refusal. */
GPtrArray      *mc_dossier_store_search_person (McDossierStore *self, const char *query, guint limit,
                                                GError **error);
/* The lists below are NULL with error set when the database could not be
 * read to the end (busy, unreadable, damaged): never a shorter list. */
GPtrArray      *mc_dossier_store_search       (McDossierStore *self, const char *query, guint limit,
                                               GError **error);
/* What mc_dossier_store_search finds, as dossier ids, newest first, without
 * reading the dossiers (the list reads only the rows it shows). */
GArray         *mc_dossier_store_search_ids   (McDossierStore *self, const char *query, guint limit,
                                               GError **error);
/* The FTS5 expression mc_dossier_store_search matches `query` with (the
 * dossier list counts its hits with it); "" when the query has no word. */
char           *mc_dossier_store_fts_query    (const char *query);
/* The ids of the newest `limit` dossiers a text search finds, newest first,
 * as one SELECT for this store's engine (the only place search differs
 * between SQLite and PostgreSQL); *match: text to bind at ?`param`, or NULL
 * when nothing is bound. NULL when the query has no word. */
char           *mc_dossier_store_search_sql   (McDossierStore *self, const char *query, guint param,
                                               gint64 limit, char **match);
/* Procedure codes most received at this counter in the last 90 days, most
 * first, among the last 2,000 dossiers received (bounded at any size). */
GPtrArray      *mc_dossier_store_recent_procedures (McDossierStore *self, const char *counter, guint limit,
                                                   GError **error);
GPtrArray      *mc_dossier_store_list_events  (McDossierStore *self, gint64 dossier_id, GError **error);
/* DESIGN.md §4 dossier CSV; all or nothing, the first bad line named. */
gboolean        mc_dossier_store_import_csv   (McDossierStore *self, const char *data, gsize length,
                                               guint *n_imported, GError **error);
/* The same for a subordinate unit's dossiers (motcua dossier import --unit):
 * they count in its reports, not the center's own. */
gboolean        mc_dossier_store_import_csv_for_unit (McDossierStore *self, gint64 unit_id, const char *data,
                                                      gsize length, guint *n_imported, GError **error);
/* The same read from `stream` as it goes (a file of any size, in the same
 * memory); unit_id 0 for the center's own. A code given twice is named with
 * its first line only if the stream can seek back to its start. */
gboolean        mc_dossier_store_import_stream (McDossierStore *self, gint64 unit_id, GInputStream *stream,
                                                guint *n_imported, GError **error);

G_END_DECLS
