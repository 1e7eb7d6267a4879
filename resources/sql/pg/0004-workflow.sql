-- Motcua schema on PostgreSQL, version 4: what the routing of a dossier
-- needs beyond the columns of version 1 (resources/sql/0004-workflow.sql).
SET LOCAL ROLE motcua_owner;

ALTER TABLE dossier ADD COLUMN step_started_at bigint;
ALTER TABLE dossier ADD COLUMN step_accepted_at bigint;
ALTER TABLE dossier ADD COLUMN pause_kind text CHECK (pause_kind IN ('supplement', 'financial'));
ALTER TABLE dossier ADD COLUMN paused_state text;
ALTER TABLE dossier ADD COLUMN held_step_due_at bigint;
-- The collector's ID number checked at the return desk: personal data.
ALTER TABLE dossier ADD COLUMN returned_id_number text;

ALTER TABLE dossier_event ADD COLUMN step_from bigint;
ALTER TABLE dossier_event ADD COLUMN from_unit_id bigint REFERENCES unit (id);
ALTER TABLE dossier_event ADD COLUMN ended_step_due_at bigint;

ALTER TABLE apology ADD COLUMN previous_due_at bigint;
ALTER TABLE apology ADD COLUMN in_time bigint CHECK (in_time IN (0, 1));

CREATE INDEX dossier_ready ON dossier (finished_at)
  WHERE finished_at IS NOT NULL AND returned_at IS NULL;

GRANT SELECT (step_started_at, step_accepted_at, pause_kind, paused_state, held_step_due_at) ON dossier
  TO motcua_p_signed_in;
