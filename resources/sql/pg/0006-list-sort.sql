-- Motcua schema on PostgreSQL: the dossier list sorted by a column header
-- (resources/sql/0006-list-sort.sql). PostgreSQL 15 has stored generated
-- columns only (SQLite's is VIRTUAL): the appointment takes 8 bytes a row.
SET LOCAL ROLE motcua_owner;

ALTER TABLE dossier ADD COLUMN appointment_at bigint
  GENERATED ALWAYS AS (coalesce (extended_due_at, due_at)) STORED;
CREATE INDEX dossier_by_appointment ON dossier (appointment_at);
CREATE INDEX dossier_by_applicant ON dossier (applicant_name);

GRANT SELECT (appointment_at) ON dossier TO motcua_p_signed_in;
