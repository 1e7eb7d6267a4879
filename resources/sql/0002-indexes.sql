-- Motcua schema, version 2: the indexes a center with 1,000,000 dossiers needs,
-- each named after the query it serves, and the diacritic-insensitive search index.

-- catalog
CREATE INDEX procedure_by_field ON procedure (field_id);
CREATE INDEX procedure_step_by_department ON procedure_step (department_id);
CREATE INDEX staff_by_department ON staff (department_id);
CREATE INDEX department_by_unit ON department (unit_id);

-- the dossier list sorted by reception, and reports by period (06a columns 3–6)
CREATE INDEX dossier_by_received ON dossier (received_at, procedure_id, channel);
-- settled in a period (06a columns 7–10)
CREATE INDEX dossier_by_finished ON dossier (finished_at, procedure_id) WHERE finished_at IS NOT NULL;
-- still being processed, per department: inboxes with "sắp đến hạn" / "chậm tiến độ"
CREATE INDEX dossier_inbox ON dossier (current_department_id, state, step_due_at)
  WHERE state IN ('received', 'processing', 'paused', 'sent_external');
CREATE INDEX dossier_inbox_staff ON dossier (current_staff_id, state)
  WHERE current_staff_id IS NOT NULL;
CREATE INDEX dossier_by_procedure ON dossier (procedure_id, received_at);
-- open dossiers ("quá hạn" lists), results waiting at the counter, the liveboard:
-- the states other than 'returned' hold a small share of the rows
CREATE INDEX dossier_by_state ON dossier (state, received_at);
CREATE INDEX dossier_by_unit ON dossier (unit_id, received_at);

CREATE INDEX dossier_document_by_dossier ON dossier_document (dossier_id);
CREATE INDEX dossier_event_by_dossier ON dossier_event (dossier_id, at);
CREATE INDEX dossier_event_by_staff ON dossier_event (staff_id, at);
CREATE INDEX dossier_event_by_department ON dossier_event (to_department_id, at);

CREATE INDEX refusal_by_at ON refusal (at);
CREATE INDEX apology_by_dossier ON apology (dossier_id);
CREATE INDEX apology_by_issued ON apology (issued_at);
CREATE INDEX apology_by_staff ON apology (responsible_staff_id, issued_at);
CREATE INDEX rating_by_at ON rating (rated_at);
CREATE INDEX audit_by_at ON audit_log (at);
CREATE INDEX audit_by_staff ON audit_log (staff_id, at);
CREATE INDEX audit_by_object ON audit_log (object_kind, object_id);

-- Search by code, name, ID number or phone, with or without diacritics. The
-- "vn" tokenizer (registered on every connection by McDb) is unicode61 with
-- remove_diacritics 2 plus đ → d, which unicode61 never folds.
CREATE VIRTUAL TABLE dossier_fts USING fts5 (
  code, applicant_name, applicant_id_number, applicant_phone,
  content = 'dossier', content_rowid = 'id', tokenize = 'vn'
);
CREATE TRIGGER dossier_fts_insert AFTER INSERT ON dossier BEGIN
  INSERT INTO dossier_fts (rowid, code, applicant_name, applicant_id_number, applicant_phone)
  VALUES (new.id, new.code, new.applicant_name, new.applicant_id_number, new.applicant_phone);
END;
CREATE TRIGGER dossier_fts_delete AFTER DELETE ON dossier BEGIN
  INSERT INTO dossier_fts (dossier_fts, rowid, code, applicant_name, applicant_id_number, applicant_phone)
  VALUES ('delete', old.id, old.code, old.applicant_name, old.applicant_id_number, old.applicant_phone);
END;
CREATE TRIGGER dossier_fts_update AFTER UPDATE OF code, applicant_name, applicant_id_number,
  applicant_phone ON dossier BEGIN
  INSERT INTO dossier_fts (dossier_fts, rowid, code, applicant_name, applicant_id_number, applicant_phone)
  VALUES ('delete', old.id, old.code, old.applicant_name, old.applicant_id_number, old.applicant_phone);
  INSERT INTO dossier_fts (rowid, code, applicant_name, applicant_id_number, applicant_phone)
  VALUES (new.id, new.code, new.applicant_name, new.applicant_id_number, new.applicant_phone);
END;

-- The event log and the audit trail are append-only.
CREATE TRIGGER dossier_event_no_update BEFORE UPDATE ON dossier_event BEGIN
  SELECT RAISE (ABORT, 'dossier_event is append-only');
END;
CREATE TRIGGER dossier_event_no_delete BEFORE DELETE ON dossier_event BEGIN
  SELECT RAISE (ABORT, 'dossier_event is append-only');
END;
