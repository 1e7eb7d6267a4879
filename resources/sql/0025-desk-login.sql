-- Motcua schema, version 25: nothing to do on SQLite. On PostgreSQL this step
-- lets a desk sign in as its own login (resources/sql/pg/0025-desk-login.sql:
-- whether an account can sign in, a person changing their own password, the
-- rights each group's pages need). A SQLite file has no logins: the person
-- signs in with the argon2 hash in staff. The step is kept so that both
-- engines count the same versions.
SELECT 1;
