-- Motcua schema on PostgreSQL, version 20: what the kiosk's "Tra cứu hồ sơ"
-- reads of a dossier (resources/sql/0020-kiosk-lookup.sql). The kiosk signs
-- in as motcua_board (the lobby board and kiosks, 0001), which reads no
-- table holding a person: this view carries no ID number, phone, address or
-- birth date, and the name masked by mc_mask_name (0016), as board_waiting
-- does; it runs with its owner's rights, so the kiosk needs no right on
-- dossier or apology. A view cannot ask for the code, so a kiosk login
-- could list every code with its state and masked name: the same kind of
-- data board_waiting already shows for the results waiting at the counter.
SET LOCAL ROLE motcua_owner;

CREATE VIEW kiosk_dossier AS
  SELECT d.code, mc_mask_name (d.applicant_name) AS applicant, p.name AS procedure_name, d.state, d.received_at,
         d.due_at, d.extended_due_at,
         (SELECT min (a.issued_at) FROM apology a WHERE a.dossier_id = d.id AND a.new_due_at IS NOT NULL)
           AS extended_at,
         d.paused_since, d.finished_at, d.returned_at, d.timeliness
  FROM dossier d JOIN procedure p ON p.id = d.procedure_id;

GRANT SELECT ON kiosk_dossier TO motcua_board, motcua_p_signed_in;
