-- Motcua schema on PostgreSQL, version 28: the lobby board (`motcua
-- liveboard`), the counter display (`motcua counter-display`) and the kiosk
-- (`motcua kiosk`) run under a board's own login (`motcua server add-board`,
-- group motcua_board), which reads nothing that names a citizen in full
-- (issue 17 item 2). What each of them reads, found by running it as that
-- login (tests/pg/test-pg-desks.c):
SET LOCAL ROLE motcua_owner;

-- - Biểu 06a's figures of today, the month and the year, computed by the
--   code the reports use (src/core/mc-report.c) from the dossier rows: of
--   dossier exactly the columns of board_dossier (0016: no person), of
--   apology the times and the department (an extended appointment). Granted
--   as columns so that the one 06a code serves both; any other column (the
--   name, the ID number, the phone, the address) stays refused.
GRANT SELECT (id, unit_id, procedure_id, channel, state, received_at, due_at, extended_due_at, paused_since,
  paused_minutes, finished_at, returned_at, outcome, timeliness, current_department_id) ON dossier TO motcua_board;
GRANT SELECT (id, dossier_id, issued_at, new_due_at, previous_due_at, in_time, responsible_department_id)
  ON apology TO motcua_board;

-- - the month's apologies the board lists: the code, the procedure, the
--   department, the times, the name masked as board_waiting masks it.
CREATE VIEW board_apology AS
  SELECT a.id, d.code, mc_mask_name (d.applicant_name) AS applicant_masked, p.name AS procedure_name,
         dep.name AS department_name, a.issued_at, a.new_due_at
  FROM apology a JOIN dossier d ON d.id = a.dossier_id JOIN procedure p ON p.id = d.procedure_id
  LEFT JOIN department dep ON dep.id = a.responsible_department_id;
GRANT SELECT ON board_apology TO motcua_board, motcua_p_signed_in;

-- The officer's name beside the number called: queue_clerk (0026).
