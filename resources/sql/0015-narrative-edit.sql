-- Motcua schema, version 15: the narrative report (BÁO CÁO) as a leader
-- edited it before signing, per unit and reporting period; the PDF, the
-- .docx, the printout and `motcua report narrative` take it instead of the
-- draft computed from the template. The audit trail keeps who saved which
-- text (its SHA-256, computed by core) and when; "Khôi phục bản tính toán"
-- deletes the row.
CREATE TABLE narrative_edit (
  unit_id     INTEGER NOT NULL REFERENCES unit (id),
  period_from TEXT NOT NULL CHECK (period_from GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  period_to   TEXT NOT NULL CHECK (period_to GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  body        TEXT NOT NULL CHECK (length (body) BETWEEN 1 AND 100000),
  body_sha256 TEXT NOT NULL CHECK (length (body_sha256) = 64),
  staff_id    INTEGER REFERENCES staff (id),
  edited_at   INTEGER NOT NULL,
  PRIMARY KEY (unit_id, period_from, period_to)
) WITHOUT ROWID;

CREATE TRIGGER audit_narrative_edit_insert AFTER INSERT ON narrative_edit WHEN mc_audit_on () BEGIN
  INSERT INTO audit_log (at, staff_id, action, object_kind, object_id, detail, prev_hash, hash)
  SELECT a.at, a.actor, 'narrative.edit', 'narrative', a.oid, a.detail, a.prev,
         mc_audit_hash (a.prev, a.at, a.actor, 'narrative.edit', 'narrative', a.oid, a.detail)
  FROM (SELECT mc_now () AS at, mc_actor () AS actor, new.unit_id AS oid,
               new.period_from || '–' || new.period_to || ' ' || length (new.body) || ' ký tự, SHA-256 ' ||
               new.body_sha256 AS detail,
               coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') AS prev) a;
END;

CREATE TRIGGER audit_narrative_edit_update AFTER UPDATE ON narrative_edit WHEN mc_audit_on () BEGIN
  INSERT INTO audit_log (at, staff_id, action, object_kind, object_id, detail, prev_hash, hash)
  SELECT a.at, a.actor, 'narrative.edit', 'narrative', a.oid, a.detail, a.prev,
         mc_audit_hash (a.prev, a.at, a.actor, 'narrative.edit', 'narrative', a.oid, a.detail)
  FROM (SELECT mc_now () AS at, mc_actor () AS actor, new.unit_id AS oid,
               new.period_from || '–' || new.period_to || ' ' || length (new.body) || ' ký tự, SHA-256 ' ||
               new.body_sha256 || ' (trước: ' || old.body_sha256 || ')' AS detail,
               coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') AS prev) a;
END;

CREATE TRIGGER audit_narrative_edit_delete AFTER DELETE ON narrative_edit WHEN mc_audit_on () BEGIN
  INSERT INTO audit_log (at, staff_id, action, object_kind, object_id, detail, prev_hash, hash)
  SELECT a.at, a.actor, 'narrative.restore', 'narrative', a.oid, a.detail, a.prev,
         mc_audit_hash (a.prev, a.at, a.actor, 'narrative.restore', 'narrative', a.oid, a.detail)
  FROM (SELECT mc_now () AS at, mc_actor () AS actor, old.unit_id AS oid,
               old.period_from || '–' || old.period_to || ' (bỏ bản chỉnh sửa SHA-256 ' || old.body_sha256 || ')'
               AS detail,
               coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') AS prev) a;
END;
