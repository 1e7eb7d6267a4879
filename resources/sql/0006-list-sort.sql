-- Motcua schema: the dossier list sorted by a column header, a page at a
-- time from the key of the page before (keyset paging). Each order needs an
-- index whose entries are exactly its key and then the row id; the reception,
-- code and state orders use the indexes of version 2.

-- hẹn trả: the appointment as moved by an apology letter, as a column so
-- that a row-value comparison on it seeks in its index (on the expression
-- itself SQLite scans)
ALTER TABLE dossier ADD COLUMN appointment_at INTEGER
  GENERATED ALWAYS AS (coalesce (extended_due_at, due_at)) VIRTUAL;
CREATE INDEX dossier_by_appointment ON dossier (appointment_at);
-- người nộp
CREATE INDEX dossier_by_applicant ON dossier (applicant_name);
