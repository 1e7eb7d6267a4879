-- Motcua schema, version 37: nothing to do on SQLite. On PostgreSQL this step
-- writes the trail's rows for dossiers and their events at commit, and keeps
-- the state counts in one row per session slot, so that desks writing at
-- once do not queue on them (resources/sql/pg/0037-desk-concurrency.sql). On
-- SQLite one writer at a time is the engine's own rule (BEGIN IMMEDIATE):
-- nothing waits on a row. The step is kept so that both engines count the
-- same versions.
SELECT 1;
