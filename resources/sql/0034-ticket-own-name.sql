-- Motcua schema, version 34: nothing to do on SQLite. On PostgreSQL this step
-- makes the clerk named on a queue ticket the login that set it
-- (resources/sql/pg/0034-ticket-own-name.sql). A SQLite file has no logins.
-- The step is kept so that both engines count the same versions.
SELECT 1;
