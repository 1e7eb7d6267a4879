-- Motcua schema, version 38: nothing to do on SQLite. On PostgreSQL this step
-- makes a login's lock wait for other databases' login changes across the
-- cluster (resources/sql/pg/0038-lock-login-lock.sql). A SQLite file has no
-- logins. The step is kept so that both engines count the same versions.
SELECT 1;
