-- Motcua schema, version 12: the figures of the CCHC statistics appendix
-- (Phụ lục 01b, seed 003) that the software does not hold — tasks of the
-- reform plan, inspections, legal documents, staff numbers, e-government —
-- entered per unit and per reporting period (motcua report cchc --set, the
-- Báo cáo page). The value is kept as printed (Vietnamese: 1.157, 0,05).
CREATE TABLE cchc_entry (
  unit_id     INTEGER NOT NULL REFERENCES unit (id),
  period_from TEXT NOT NULL CHECK (period_from GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  period_to   TEXT NOT NULL CHECK (period_to GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  item        TEXT NOT NULL CHECK (length (item) BETWEEN 1 AND 16),
  value       TEXT NOT NULL CHECK (length (value) BETWEEN 1 AND 32),
  PRIMARY KEY (unit_id, period_from, period_to, item)
) WITHOUT ROWID;

CREATE TRIGGER audit_cchc_entry_insert AFTER INSERT ON cchc_entry WHEN mc_audit_on () BEGIN
  INSERT INTO audit_log (at, staff_id, action, object_kind, object_id, detail, prev_hash, hash)
  SELECT a.at, a.actor, 'cchc_entry.insert', 'cchc_entry', a.oid, a.detail, a.prev,
         mc_audit_hash (a.prev, a.at, a.actor, 'cchc_entry.insert', 'cchc_entry', a.oid, a.detail)
  FROM (SELECT mc_now () AS at, mc_actor () AS actor, new.unit_id AS oid,
               new.period_from || '–' || new.period_to || ' ' || new.item || ' = ' || new.value AS detail,
               coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') AS prev) a;
END;

CREATE TRIGGER audit_cchc_entry_update AFTER UPDATE ON cchc_entry WHEN mc_audit_on () BEGIN
  INSERT INTO audit_log (at, staff_id, action, object_kind, object_id, detail, prev_hash, hash)
  SELECT a.at, a.actor, 'cchc_entry.update', 'cchc_entry', a.oid, a.detail, a.prev,
         mc_audit_hash (a.prev, a.at, a.actor, 'cchc_entry.update', 'cchc_entry', a.oid, a.detail)
  FROM (SELECT mc_now () AS at, mc_actor () AS actor, new.unit_id AS oid,
               new.period_from || '–' || new.period_to || ' ' || new.item || ' = ' || new.value ||
               ' (trước: ' || old.value || ')' AS detail,
               coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') AS prev) a;
END;

CREATE TRIGGER audit_cchc_entry_delete AFTER DELETE ON cchc_entry WHEN mc_audit_on () BEGIN
  INSERT INTO audit_log (at, staff_id, action, object_kind, object_id, detail, prev_hash, hash)
  SELECT a.at, a.actor, 'cchc_entry.delete', 'cchc_entry', a.oid, a.detail, a.prev,
         mc_audit_hash (a.prev, a.at, a.actor, 'cchc_entry.delete', 'cchc_entry', a.oid, a.detail)
  FROM (SELECT mc_now () AS at, mc_actor () AS actor, old.unit_id AS oid,
               old.period_from || '–' || old.period_to || ' ' || old.item || ' (đã xóa: ' || old.value || ')' AS detail,
               coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') AS prev) a;
END;
