-- Motcua schema, version 20: what the kiosk's "Tra cứu hồ sơ" reads of a
-- dossier (issue 18 item 2; src/core/mc-kiosk.c). The citizen scans the QR
-- of their receipt (Mẫu 01) or types its code, and the kiosk shows the
-- state, the procedure, the appointment and whether it is on time — never
-- the ID number, phone, address or birth date, and the name only masked
-- (mc_privacy_mask_name, Nghị định 13/2023/NĐ-CP; DESIGN.md §6). On SQLite
-- the view is the one text core reads on both engines (the kiosk's limits
-- there are core's kiosk mode, mc_db_set_kiosk); core masks the name it
-- reads. extended_at: when the apology that set extended_due_at was issued
-- (mc-lateness.h: the new appointment holds from then).
CREATE VIEW kiosk_dossier AS
  SELECT d.code, d.applicant_name AS applicant, p.name AS procedure_name, d.state, d.received_at, d.due_at,
         d.extended_due_at,
         (SELECT min (a.issued_at) FROM apology a WHERE a.dossier_id = d.id AND a.new_due_at IS NOT NULL)
           AS extended_at,
         d.paused_since, d.finished_at, d.returned_at, d.timeliness
  FROM dossier d JOIN procedure p ON p.id = d.procedure_id;
