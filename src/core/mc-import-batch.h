/* mc-import-batch.h — a bulk import written in chunks, all or nothing
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mc-db.h"

G_BEGIN_DECLS

/* The setting that names a running (or abandoned) import: the highest
 * dossier id before its first row. */
#define MC_IMPORT_BATCH_KEY "import.pending"

/* How long one commit of an import may hold the write lock when no writer
 * says it waits (see mc-import-batch.c); one who does waits for the batch
 * of rows being written, the last search-index step and the commit.
 * Chunks of 150 ms whatever happened made an import by chunks cost 1.66×
 * the same import in one transaction on a loaded machine; 1 s made the
 * clerk's waits longer there (a larger commit), 300 ms did not
 * (docs/PERFORMANCE.md, bench-import-wait side by side). */
#define MC_IMPORT_CHUNK_MAX_US (300 * 1000)

typedef struct _McImportBatch McImportBatch;

/* Takes the import lock (one import at a time: MC_DB_ERROR_BUSY, in
 * Vietnamese, while another runs), removes what an import killed before
 * left, and records in one small commit that this import starts. From then
 * on its dossiers (imported = 1, id above the recorded one) go in by chunks
 * of their own commits; `db` must not be inside a transaction. */
McImportBatch *mc_import_batch_begin       (McDb *db, GError **error);
gint64         mc_import_batch_get_first_id(McImportBatch *self);
/* Inside the transaction of the import's last row: once it commits, the
 * import is whole and is finished, never undone (by the next start if this
 * process dies before mc_import_batch_finish). */
gboolean       mc_import_batch_rows_written(McImportBatch *self, guint n_rows, GError **error);
/* After it: the rows' import events by chunks of their own commits, then
 * the audit row and the removal of the record. */
gboolean       mc_import_batch_finish      (McImportBatch *self, GError **error);
/* Before its last row: removes the dossiers the import wrote, in chunks,
 * and the record that it ran (with an audit row if any was written); if
 * that fails (a full disk), the next start does it. Returns the number
 * removed, -1 on failure. */
gint64         mc_import_batch_abandon     (McImportBatch *self, GError **error);
/* Whether a writer of another connection has been waiting for the write
 * lock since the last call (it said so by mc_import_batch_note_waiter): the
 * import then commits its chunk at once and lets it in. */
gboolean       mc_import_batch_has_waiter  (McImportBatch *self);
/* Releases the lock. */
void           mc_import_batch_free        (McImportBatch *self);

/* At start: an import that was killed (its record is there and nobody holds
 * its lock) is removed, or finished if its last row was in. Nothing happens
 * while an import is running. */
gboolean       mc_import_batch_recover     (McDb *db, GError **error);
/* Called while a connection waits for the write lock (mc-db.c's busy
 * handler): touches the lock file of an import into `db_path`, if one ever
 * ran, which the import watches between its batches. */
void           mc_import_batch_note_waiter (const char *db_path);
/* The lock file beside a database: "<db_path>.import-lock". */
char          *mc_import_batch_lock_path   (const char *db_path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McImportBatch, mc_import_batch_free)

G_END_DECLS
