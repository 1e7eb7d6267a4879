/* mc-catalog.h — the procedure catalog: fields, departments, procedures
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mc-db.h"
#include "mc-procedure.h"

G_BEGIN_DECLS

#define MC_TYPE_CATALOG (mc_catalog_get_type ())
G_DECLARE_FINAL_TYPE (McCatalog, mc_catalog, MC, CATALOG, GObject)

#define MC_CATALOG_ERROR (mc_catalog_error_quark ())
GQuark mc_catalog_error_quark (void);

typedef enum {
  MC_CATALOG_ERROR_INVALID,
  MC_CATALOG_ERROR_NOT_FOUND,
  MC_CATALOG_ERROR_DUPLICATE,
} McCatalogError;

typedef struct {
  gint64  id;
  char   *name;
  int     sort_order;
} McField;

typedef struct {
  gint64  id;
  char   *code;
  char   *name;
} McDepartment;

/* A procedure found by mc_catalog_match_procedures: what `catalog list` prints. */
typedef struct {
  char   *code;
  char   *name;
  double  days;  /* working days (hours / 8) */
} McProcedureMatch;

typedef struct {
  guint added;
  guint updated;
  guint fields_added;
} McImportStats;

McCatalog    *mc_catalog_new                  (McDb *db);
McDb         *mc_catalog_get_db               (McCatalog *self);

/* The center's own unit (created on first use). */
gint64        mc_catalog_get_own_unit         (McCatalog *self, GError **error);

GPtrArray    *mc_catalog_list_fields          (McCatalog *self, GError **error);       /* McField* */
gint64        mc_catalog_ensure_field         (McCatalog *self, const char *name, gboolean *added, GError **error);
GPtrArray    *mc_catalog_list_departments     (McCatalog *self, GError **error);       /* McDepartment* */
gint64        mc_catalog_ensure_department    (McCatalog *self, const char *code, const char *name, GError **error);
McDepartment *mc_catalog_find_department      (McCatalog *self, const char *code, GError **error);
/* The id of the department (phòng ban) with this code, active or not, of
 * any unit; 0 when none (no error). */
gint64        mc_catalog_lookup_department    (McCatalog *self, const char *code, GError **error);

/* All procedures, with their documents and steps, sorted by field then name. */
GListStore   *mc_catalog_list_procedures      (McCatalog *self, GError **error);
/* The same list as a model that stays current: it reloads when McChanges
 * tells a procedure, field or department committed (here or by another
 * process) and tells exactly the rows that changed (items-changed for rows
 * added, removed or moved; a procedure edited keeps its object, which
 * notifies). NULL with an error if the first load fails. */
GListModel   *mc_catalog_list_model           (McCatalog *self, GError **error);
/* The active procedures whose code, name or field holds every word of
 * `query` from a word's start, accents and case aside ("khai sinh", "1.001193",
 * "tu phap"), sorted by field then name (McProcedureMatch*; all of them for
 * ""). The words are looked for by SQL in the folded names, so a search
 * reads only the rows it prints, not every procedure with its documents
 * and steps (issue 15: `motcua catalog list`). Empty with the error on a
 * failure. */
GPtrArray    *mc_catalog_match_procedures     (McCatalog *self, const char *query, GError **error);
McProcedure  *mc_catalog_find_procedure       (McCatalog *self, const char *code, GError **error);
guint         mc_catalog_count_procedures     (McCatalog *self);
/* The procedure's duration in working days (a duration kept in hours is
 * divided by the 8 working hours of a day, as McProcedure and the deadline
 * do), 0 when no procedure has the code or it cannot be read: the "thời
 * gian giải quyết" the counter receipt prints beside the appointment. */
double        mc_catalog_get_duration_days    (McCatalog *self, const char *code);
/* Inserts or updates (by id, or by code when id is 0) in one transaction.
 * Emits ::changed. */
gboolean      mc_catalog_save_procedure       (McCatalog *self, McProcedure *procedure, GError **error);
/* Same, inside a transaction the caller holds (imports). */
gboolean      mc_catalog_write_procedure      (McCatalog *self, McProcedure *procedure,
                                               gboolean *was_update, GError **error);

/* CSV per DESIGN.md §4, extended with the optional columns documents and steps.
 * All or nothing: the first bad line aborts with its number. */
gboolean      mc_catalog_import_csv           (McCatalog *self, const char *data, gsize length,
                                               McImportStats *stats, GError **error);
gboolean      mc_catalog_import_file          (McCatalog *self, const char *path,
                                               McImportStats *stats, GError **error);
char         *mc_catalog_export_csv           (McCatalog *self, GError **error);

/* The built-in catalog shipped in the resources: fields of Biểu 06a,
 * departments of a ward, real procedures. Only adds what is missing. */
gboolean      mc_catalog_install_builtin      (McCatalog *self, McImportStats *stats, GError **error);

void          mc_field_free                   (McField *field);
void          mc_procedure_match_free         (McProcedureMatch *match);
void          mc_department_free              (McDepartment *department);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McDepartment, mc_department_free)

G_END_DECLS
