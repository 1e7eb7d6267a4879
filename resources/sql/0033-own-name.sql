-- Motcua schema, version 33: nothing to do on SQLite. On PostgreSQL this step
-- puts the session's login in every row's actor column, narrows what a
-- dossier's writer may change and serves the ID number and phone masked to a
-- login without the personal-data permission
-- (resources/sql/pg/0033-own-name.sql). A SQLite file has no logins: the
-- program writes its signed-in person and masks on display. The step is kept
-- so that both engines count the same versions.
SELECT 1;
