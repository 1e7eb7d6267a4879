-- Motcua schema, version 28: nothing to do on SQLite. On PostgreSQL this step
-- lets the lobby board, the counter display and the kiosk run under their
-- own login (resources/sql/pg/0028-board-login.sql). A SQLite file has no
-- logins. The step is kept so that both engines count the same versions.
SELECT 1;
