/* mc-test-utils.h — helpers shared by the test programs
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-db-sqlite-private.h"
#include "mc-dossier-store.h"
#include "mc-time.h"
#include "mc-workflow.h"

G_BEGIN_DECLS

/* A fresh migrated database: a file in the test's isolated tmp dir, or with
 * MOTCUA_TEST_ENGINE=pg a fresh database of the server MOTCUA_TEST_PG. */
McDb   *mc_test_db_new        (void);
char   *mc_test_tmp_path      (const char *name);
/* Where the test's database `name` ("cli.sqlite") is: the file's path in the
 * tmp dir (not yet made), or on PostgreSQL the postgresql:// URI of a fresh
 * migrated database (the same name, the same database, in one process). */
char   *mc_test_db_path       (const char *name);
/* Whether the tests run on PostgreSQL (MOTCUA_TEST_ENGINE=pg). */
gboolean mc_test_on_pg        (void);
/* On PostgreSQL: skips the test ("SQLite only: `reason`") and returns TRUE —
 * for what only SQLite has (files, pragmas, WAL); FALSE on SQLite. */
gboolean mc_test_sqlite_only  (const char *reason);
/* On PostgreSQL: skips the test ("not yet on PostgreSQL: `reason`") — a gap
 * of the server engine still to close, listed in HACKING.md; FALSE on SQLite. */
gboolean mc_test_pg_gap       (const char *reason);
/* Who the audit trail and the records name for what the test did as
 * `username` (issue 17 item 2). On SQLite the person the program acts for
 * (mc_db_set_actor, --user). On PostgreSQL the server names the staff member
 * of the session's login (mc_actor (): session_user, which no client
 * changes, so no desk writes in another's name); the suite connects as its
 * own login, which is no staff member, so those rows name no one and keep
 * that login in audit_log.session_role. An SQL condition on audit_log's
 * columns, `prefix` its alias with the dot ("a.") or "". */
char   *mc_test_audit_by      (const char *prefix, const char *username);
/* The staff id the server's own rows (received_by, created_by, the events
 * written through mc_actor ()) hold for what was done as `username`: that
 * person's on SQLite, 0 (NULL) on PostgreSQL, as above. */
gint64  mc_test_recorded_staff (McDb *db, const char *username);
/* Lines of a fixture under tests/fixtures, without # comments or the header. */
GPtrArray *mc_test_fixture_rows (const char *name);
McTime  mc_test_time          (const char *iso);
McDate  mc_test_date          (const char *iso);

/* The built-in catalog, the unit 000.00.06.H56 with the police of Phú Sơn
 * (000.30.06.H56) as an external unit, and the five people who route the
 * land and birth procedures: tn.lan (TTPV), cv.duc and tp.quang (KT),
 * pct.nga and vt.yen (VP), as staff rows (no accounts). */
void    mc_test_install_routing (McDb *db);

/* A database with the routing installed, its calendar, the dossier store and
 * the workflow on them: what the routing tests start from. */
typedef struct {
  McDb           *db;
  McCalendar     *calendar;
  McDossierStore *store;
  McWorkflow     *wf;
} McTestRouting;

void    mc_test_routing_set_up    (McTestRouting *r);
void    mc_test_routing_tear_down (McTestRouting *r);
void    mc_test_add_staff     (McDb *db, const char *username, const char *name, const char *dept,
                               const char *roles);
/* A dossier of `procedure` received over the counter at `at`
 * ("yyyy-mm-dd hh:mm") from `applicant` (ID 038085012345, an address and a
 * phone in Phú Sơn); its code, or NULL and the store's error. */
char   *mc_test_receive       (McDossierStore *store, const char *procedure, const char *applicant,
                               const char *at, GError **error);
McAction mc_test_action       (const char *at, const char *user, const char *note);

/* Text read back from documents. Whitespace runs folded to one space and
 * NFC: pdftotext pads columns and ends lines where the page did, and a PDF
 * may give tone marks back as combining characters. */
char   *mc_test_normalize     (const char *text);
gboolean mc_test_have_program (const char *name);
/* The program's standard output; the test fails unless it exits with 0. */
char   *mc_test_run_tool      (const char * const *argv);
/* pdftotext's output for the PDF at `path` ("-raw": reading order, "-layout":
 * as placed), pages apart by form feeds; NULL, the test skipped, without
 * pdftotext (poppler-utils). */
char   *mc_test_pdftotext     (const char *path, const char *mode);
/* Whether normalized `text` holds `needle` (normalized too); the test fails
 * showing the text if not. */
void    mc_test_assert_has    (const char *text, const char *needle);
void    mc_test_assert_lacks  (const char *text, const char *needle);

/* Messages in Vietnamese from the catalog just built (build/po), as the
 * application shows them. */
void    mc_test_use_vietnamese (void);
/* The test fails if `text` shows an id of the audit trail or the workflow
 * (sign_in, result_ready, tiep_nhan, report.signer, 2026-12-07…). */
void    mc_test_assert_no_raw_ids (const char *text);

G_END_DECLS
