-- Motcua schema, version 4: what the routing of a dossier needs beyond the
-- columns of version 1 (issue 4).

-- The current step's hand-over ("giao") and its confirmation ("nhận") on Mẫu 05.
ALTER TABLE dossier ADD COLUMN step_started_at INTEGER;
ALTER TABLE dossier ADD COLUMN step_accepted_at INTEGER;
-- A pause is either waiting for the citizen's supplement (Mẫu 02) or for the
-- payment of financial obligations; the state to resume to is kept with it.
ALTER TABLE dossier ADD COLUMN pause_kind TEXT CHECK (pause_kind IN ('supplement', 'financial'));
ALTER TABLE dossier ADD COLUMN paused_state TEXT;
-- While a dossier is at an external unit (liên thông), step_due_at is that
-- unit's due time; the department's own step due time waits here.
ALTER TABLE dossier ADD COLUMN held_step_due_at INTEGER;
-- The collector's ID number checked at the return desk.
ALTER TABLE dossier ADD COLUMN returned_id_number TEXT;

-- A hand-over event also closes the step before it: which step it was, where
-- it came from and its due time then (pauses included), so Mẫu 05 and the
-- per-department lateness read straight from the log.
ALTER TABLE dossier_event ADD COLUMN step_from INTEGER;
ALTER TABLE dossier_event ADD COLUMN from_unit_id INTEGER REFERENCES unit (id);
ALTER TABLE dossier_event ADD COLUMN ended_step_due_at INTEGER;

-- An apology is due at least one working day before the appointment; the
-- register shows which were not, and the appointment they replaced.
ALTER TABLE apology ADD COLUMN previous_due_at INTEGER;
ALTER TABLE apology ADD COLUMN in_time INTEGER CHECK (in_time IN (0, 1));

-- Results waiting at the counter (Trả kết quả page).
CREATE INDEX dossier_ready ON dossier (finished_at)
  WHERE finished_at IS NOT NULL AND returned_at IS NULL;
