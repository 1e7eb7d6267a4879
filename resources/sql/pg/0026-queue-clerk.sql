-- Motcua schema on PostgreSQL, version 26: the name of the counter clerk
-- who called a ticket (resources/sql/0026-queue-clerk.sql). The counter
-- display and the lobby board sign in as motcua_board, which may not read
-- staff (0001: no table holding a person; password hashes, lock-outs and
-- roles are there); the view runs with its owner's rights and carries only
-- the reception clerks' id and name, the name the citizen sees at the
-- counter, so the display shows "Cán bộ: …" under its own login.
SET LOCAL ROLE motcua_owner;

CREATE VIEW queue_clerk AS
  SELECT id, full_name FROM staff WHERE ',' || roles || ',' LIKE '%,tiep_nhan,%';

GRANT SELECT ON queue_clerk TO motcua_board, motcua_p_signed_in;
