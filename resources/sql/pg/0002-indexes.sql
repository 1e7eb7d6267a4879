-- Motcua schema on PostgreSQL, version 2: the indexes a center with
-- 1,000,000 dossiers needs (resources/sql/0002-indexes.sql) and the search.
SET LOCAL ROLE motcua_owner;

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

-- Search by code, name, ID number or phone, with or without diacritics.
-- SQLite's FTS5 "vn" tokenizer folds with unicode61 remove_diacritics 2 plus
-- đ → d; here mc_fold does the same as mc_text_fold (src/core/mc-text.c):
-- NFD, marks removed (the horn of ơ/ư is a mark, U+031B), đ → d, lower case,
-- runs of space made one. A stored column of it carries a pg_trgm index:
-- measured against unaccent () + pg_trgm on 100,000 rows in
-- docs/DEPLOYMENT.md (the stored column is faster to query, and unaccent
-- is not IMMUTABLE, so an expression index on it needs a wrapper anyway).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE FUNCTION mc_fold (t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT
RETURN btrim (regexp_replace (lower (translate (regexp_replace (normalize (t, NFD), '[\u0300-\u036f]', '', 'g'),
                                                'đĐ', 'dd')),
                              '\s+', ' ', 'g'));

ALTER TABLE dossier ADD COLUMN search_folded text
  GENERATED ALWAYS AS (mc_fold (code || ' ' || applicant_name || ' ' || coalesce (applicant_id_number, '') || ' ' ||
                                coalesce (applicant_phone, ''))) STORED;
CREATE INDEX dossier_search ON dossier USING gin (search_folded gin_trgm_ops);
-- The folded text holds the ID number and phone: personal data.
GRANT SELECT (search_folded) ON dossier TO motcua_p_personal_data;

-- The event log is append-only, for the owner too (clients hold no UPDATE
-- or DELETE on it at all).
CREATE FUNCTION mc_append_only () RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER dossier_event_no_update BEFORE UPDATE OR DELETE ON dossier_event
  FOR EACH ROW EXECUTE FUNCTION mc_append_only ();
