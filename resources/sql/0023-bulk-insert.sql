-- Motcua schema, version 23: nothing to do on SQLite. On PostgreSQL this step
-- counts the dossiers one statement inserts (an import's COPY of 2,048 rows)
-- once per statement instead of once per row, and asks the trail's row
-- triggers only when the change is audited
-- (resources/sql/pg/0023-bulk-insert.sql). On SQLite the import already
-- compiles its statements without the bulk-mode trail's trigger bodies
-- (mc_db_skip_trigger_bodies, src/core/mc-dossier-import.c), and a
-- counter's row upserted many times in one transaction costs no more than
-- once. The step is kept so that both engines count the same versions.
SELECT 1;
