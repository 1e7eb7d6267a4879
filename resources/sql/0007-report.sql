-- Motcua schema: the indexes of Biểu 06a (src/core/mc-report.c). Every figure
-- is a count of an index range, never an expression summed over rows, so a
-- year over 1,000,000 dossiers is computed within 150 ms.

-- (4), (5): received in the period, per unit, procedure and channel; with
-- finished_at and due_at the dossiers still open at an instant are read from
-- it too ((6), (11)–(13): those finished after that instant).
CREATE INDEX IF NOT EXISTS dossier_report_received ON dossier (unit_id, procedure_id, channel, received_at, finished_at, due_at);
-- (7)–(10): settled in the period, per unit, procedure, timeliness and outcome.
CREATE INDEX IF NOT EXISTS dossier_report_settled ON dossier (unit_id, procedure_id, timeliness, outcome, finished_at)
  WHERE finished_at IS NOT NULL;
-- (6), (11)–(13): the dossiers not finished yet (a small share of the rows).
CREATE INDEX IF NOT EXISTS dossier_report_open ON dossier (unit_id, procedure_id, received_at, due_at, paused_since, finished_at)
  WHERE finished_at IS NULL;
-- The longest processing time, which bounds how far before an instant a
-- dossier still open at that instant can have been received.
CREATE INDEX IF NOT EXISTS dossier_report_span ON dossier (finished_at - received_at) WHERE finished_at IS NOT NULL;
