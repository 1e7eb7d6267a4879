-- Motcua schema, version 26: the name of the counter clerk who called a
-- ticket, for the screens that show it to the citizen (issue 18 item 4: the
-- counter display's "Cán bộ: …"; src/core/mc-queue.c's ticket reads). Only
-- the reception clerks' id and name: the only ones who call tickets
-- (MC_PERMISSION_RECEIVE, mc-accounts.c), and whose name the citizen sees at
-- the counter anyway. On PostgreSQL the display and the board sign in as
-- motcua_board, which reads no table holding a person (0001): the twin of
-- this view is granted to it, so it needs no right on staff.
CREATE VIEW queue_clerk AS
  SELECT id, full_name FROM staff WHERE ',' || roles || ',' LIKE '%,tiep_nhan,%';
