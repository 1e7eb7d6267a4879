-- Motcua schema on PostgreSQL: the indexes of Biểu 06a
-- (resources/sql/0007-report.sql).
SET LOCAL ROLE motcua_owner;

CREATE INDEX IF NOT EXISTS dossier_report_received ON dossier (unit_id, procedure_id, channel, received_at, finished_at, due_at);
CREATE INDEX IF NOT EXISTS dossier_report_settled ON dossier (unit_id, procedure_id, timeliness, outcome, finished_at)
  WHERE finished_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS dossier_report_open ON dossier (unit_id, procedure_id, received_at, due_at, paused_since, finished_at)
  WHERE finished_at IS NULL;
CREATE INDEX IF NOT EXISTS dossier_report_span ON dossier ((finished_at - received_at)) WHERE finished_at IS NOT NULL;
