-- Motcua schema, version 35: nothing to do on SQLite. On PostgreSQL this step
-- makes login changes wait for each other across the cluster
-- (resources/sql/pg/0035-login-lock.sql). A SQLite file has no logins. The
-- step is kept so that both engines count the same versions.
SELECT 1;
