-- Motcua schema, version 22: nothing to do on SQLite. On PostgreSQL this step
-- adds mc_staff_login (), through which `motcua account add` and the
-- account's changes create and keep in step each person's own login role
-- (resources/sql/pg/0022-staff-login.sql). A SQLite file has no logins: the
-- person signs in with the argon2 hash in staff. The step is kept so that
-- both engines count the same versions.
SELECT 1;
