-- Motcua schema, version 5: the audit trail, written by triggers in the
-- transaction of each change (who: mc_actor (), the staff member signed in on
-- this connection; when: mc_now (), the wall clock), each row's hash chained
-- to the previous row's (mc_audit_hash, SHA-256), so an edited or deleted row
-- is found by `motcua audit verify`. Bulk writes (an import, the demo) turn
-- the per-row triggers off with mc_audit_on () and write one summary row.

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
  SELECT RAISE (ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
  SELECT RAISE (ABORT, 'audit_log is append-only');
END;
CREATE INDEX audit_by_action ON audit_log (object_kind, action, at);

CREATE TRIGGER audit_dossier_insert AFTER INSERT ON dossier WHEN mc_audit_on () BEGIN
  INSERT INTO audit_log (at, staff_id, action, object_kind, object_id, detail, prev_hash, hash)
  SELECT a.at, a.actor, 'dossier.insert', 'dossier', a.oid, a.detail, a.prev,
         mc_audit_hash (a.prev, a.at, a.actor, 'dossier.insert', 'dossier', a.oid, a.detail)
  FROM (SELECT mc_now () AS at, mc_actor () AS actor, new.id AS oid, new.code || ' ' || new.state || ' ' || new.applicant_name AS detail,
               coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') AS prev) a;
END;

CREATE TRIGGER audit_dossier_update AFTER UPDATE ON dossier WHEN mc_audit_on () BEGIN
  INSERT INTO audit_log (at, staff_id, action, object_kind, object_id, detail, prev_hash, hash)
  SELECT a.at, a.actor, 'dossier.update', 'dossier', a.oid, a.detail, a.prev,
         mc_audit_hash (a.prev, a.at, a.actor, 'dossier.update', 'dossier', a.oid, a.detail)
  FROM (SELECT mc_now () AS at, mc_actor () AS actor, new.id AS oid, new.code || CASE WHEN old.state IS NOT new.state THEN ' ' || old.state || ' → ' || new.state ELSE '' END || CASE WHEN old.applicant_name IS NOT new.applicant_name OR old.applicant_id_number IS NOT new.applicant_id_number OR old.applicant_phone IS NOT new.applicant_phone OR old.applicant_address IS NOT new.applicant_address THEN ' (thông tin người nộp)' ELSE '' END AS detail,
               coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') AS prev) a;
END;

CREATE TRIGGER audit_dossier_delete AFTER DELETE ON dossier WHEN mc_audit_on () BEGIN
  INSERT INTO audit_log (at, staff_id, action, object_kind, object_id, detail, prev_hash, hash)
  SELECT a.at, a.actor, 'dossier.delete', 'dossier', a.oid, a.detail, a.prev,
         mc_audit_hash (a.prev, a.at, a.actor, 'dossier.delete', 'dossier', a.oid, a.detail)
  FROM (SELECT mc_now () AS at, mc_actor () AS actor, old.id AS oid, old.code AS detail,
               coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') AS prev) a;
END;

CREATE TRIGGER audit_dossier_event_insert AFTER INSERT ON dossier_event WHEN mc_audit_on () BEGIN
  INSERT INTO audit_log (at, staff_id, action, object_kind, object_id, detail, prev_hash, hash)
  SELECT a.at, a.actor, 'dossier_event.insert', 'dossier', a.oid, a.detail, a.prev,
         mc_audit_hash (a.prev, a.at, a.actor, 'dossier_event.insert', 'dossier', a.oid, a.detail)
  FROM (SELECT mc_now () AS at, mc_actor () AS actor, new.dossier_id AS oid, (SELECT code FROM dossier WHERE id = new.dossier_id) || ' ' || new.kind || coalesce (' — ' || new.note, '') AS detail,
               coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') AS prev) a;
END;

CREATE TRIGGER audit_apology_insert AFTER INSERT ON apology WHEN mc_audit_on () BEGIN
  INSERT INTO audit_log (at, staff_id, action, object_kind, object_id, detail, prev_hash, hash)
  SELECT a.at, a.actor, 'apology.insert', 'dossier', a.oid, a.detail, a.prev,
         mc_audit_hash (a.prev, a.at, a.actor, 'apology.insert', 'dossier', a.oid, a.detail)
  FROM (SELECT mc_now () AS at, mc_actor () AS actor, new.dossier_id AS oid, (SELECT code FROM dossier WHERE id = new.dossier_id) || ' xin lỗi: ' || new.reason AS detail,
               coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') AS prev) a;
END;

CREATE TRIGGER audit_refusal_insert AFTER INSERT ON refusal WHEN mc_audit_on () BEGIN
  INSERT INTO audit_log (at, staff_id, action, object_kind, object_id, detail, prev_hash, hash)
  SELECT a.at, a.actor, 'refusal.insert', 'refusal', a.oid, a.detail, a.prev,
         mc_audit_hash (a.prev, a.at, a.actor, 'refusal.insert', 'refusal', a.oid, a.detail)
  FROM (SELECT mc_now () AS at, mc_actor () AS actor, new.id AS oid, new.applicant_name || ': ' || new.reason AS detail,
               coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') AS prev) a;
END;

CREATE TRIGGER audit_rating_insert AFTER INSERT ON rating WHEN mc_audit_on () BEGIN
  INSERT INTO audit_log (at, staff_id, action, object_kind, object_id, detail, prev_hash, hash)
  SELECT a.at, a.actor, 'rating.insert', 'dossier', a.oid, a.detail, a.prev,
         mc_audit_hash (a.prev, a.at, a.actor, 'rating.insert', 'dossier', a.oid, a.detail)
  FROM (SELECT mc_now () AS at, mc_actor () AS actor, new.dossier_id AS oid, (SELECT code FROM dossier WHERE id = new.dossier_id) AS detail,
               coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') AS prev) a;
END;

CREATE TRIGGER audit_procedure_insert AFTER INSERT ON procedure WHEN mc_audit_on () BEGIN
  INSERT INTO audit_log (at, staff_id, action, object_kind, object_id, detail, prev_hash, hash)
  SELECT a.at, a.actor, 'procedure.insert', 'procedure', a.oid, a.detail, a.prev,
         mc_audit_hash (a.prev, a.at, a.actor, 'procedure.insert', 'procedure', a.oid, a.detail)
  FROM (SELECT mc_now () AS at, mc_actor () AS actor, new.id AS oid, new.code || ' ' || new.name AS detail,
               coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') AS prev) a;
END;

CREATE TRIGGER audit_calendar_day_insert AFTER INSERT ON calendar_day WHEN mc_audit_on () BEGIN
  INSERT INTO audit_log (at, staff_id, action, object_kind, object_id, detail, prev_hash, hash)
  SELECT a.at, a.actor, 'calendar_day.insert', 'calendar_day', a.oid, a.detail, a.prev,
         mc_audit_hash (a.prev, a.at, a.actor, 'calendar_day.insert', 'calendar_day', a.oid, a.detail)
  FROM (SELECT mc_now () AS at, mc_actor () AS actor, NULL AS oid, new.date || ' ' || new.kind || ' ' || new.name AS detail,
               coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') AS prev) a;
END;

CREATE TRIGGER audit_announcement_insert AFTER INSERT ON announcement WHEN mc_audit_on () BEGIN
  INSERT INTO audit_log (at, staff_id, action, object_kind, object_id, detail, prev_hash, hash)
  SELECT a.at, a.actor, 'announcement.insert', 'announcement', a.oid, a.detail, a.prev,
         mc_audit_hash (a.prev, a.at, a.actor, 'announcement.insert', 'announcement', a.oid, a.detail)
  FROM (SELECT mc_now () AS at, mc_actor () AS actor, new.id AS oid, new.text AS detail,
               coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') AS prev) a;
END;

CREATE TRIGGER audit_procedure_update AFTER UPDATE ON procedure WHEN mc_audit_on () BEGIN
  INSERT INTO audit_log (at, staff_id, action, object_kind, object_id, detail, prev_hash, hash)
  SELECT a.at, a.actor, 'procedure.update', 'procedure', a.oid, a.detail, a.prev,
         mc_audit_hash (a.prev, a.at, a.actor, 'procedure.update', 'procedure', a.oid, a.detail)
  FROM (SELECT mc_now () AS at, mc_actor () AS actor, new.id AS oid, new.code || ' ' || new.name AS detail,
               coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') AS prev) a;
END;

CREATE TRIGGER audit_calendar_day_update AFTER UPDATE ON calendar_day WHEN mc_audit_on () BEGIN
  INSERT INTO audit_log (at, staff_id, action, object_kind, object_id, detail, prev_hash, hash)
  SELECT a.at, a.actor, 'calendar_day.update', 'calendar_day', a.oid, a.detail, a.prev,
         mc_audit_hash (a.prev, a.at, a.actor, 'calendar_day.update', 'calendar_day', a.oid, a.detail)
  FROM (SELECT mc_now () AS at, mc_actor () AS actor, NULL AS oid, new.date || ' ' || new.kind || ' ' || new.name AS detail,
               coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') AS prev) a;
END;

CREATE TRIGGER audit_announcement_update AFTER UPDATE ON announcement WHEN mc_audit_on () BEGIN
  INSERT INTO audit_log (at, staff_id, action, object_kind, object_id, detail, prev_hash, hash)
  SELECT a.at, a.actor, 'announcement.update', 'announcement', a.oid, a.detail, a.prev,
         mc_audit_hash (a.prev, a.at, a.actor, 'announcement.update', 'announcement', a.oid, a.detail)
  FROM (SELECT mc_now () AS at, mc_actor () AS actor, new.id AS oid, new.text AS detail,
               coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') AS prev) a;
END;

CREATE TRIGGER audit_procedure_delete AFTER DELETE ON procedure WHEN mc_audit_on () BEGIN
  INSERT INTO audit_log (at, staff_id, action, object_kind, object_id, detail, prev_hash, hash)
  SELECT a.at, a.actor, 'procedure.delete', 'procedure', a.oid, a.detail, a.prev,
         mc_audit_hash (a.prev, a.at, a.actor, 'procedure.delete', 'procedure', a.oid, a.detail)
  FROM (SELECT mc_now () AS at, mc_actor () AS actor, old.id AS oid, old.code || ' ' || old.name AS detail,
               coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') AS prev) a;
END;

CREATE TRIGGER audit_calendar_day_delete AFTER DELETE ON calendar_day WHEN mc_audit_on () BEGIN
  INSERT INTO audit_log (at, staff_id, action, object_kind, object_id, detail, prev_hash, hash)
  SELECT a.at, a.actor, 'calendar_day.delete', 'calendar_day', a.oid, a.detail, a.prev,
         mc_audit_hash (a.prev, a.at, a.actor, 'calendar_day.delete', 'calendar_day', a.oid, a.detail)
  FROM (SELECT mc_now () AS at, mc_actor () AS actor, NULL AS oid, old.date || ' ' || old.kind || ' ' || old.name AS detail,
               coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') AS prev) a;
END;

CREATE TRIGGER audit_announcement_delete AFTER DELETE ON announcement WHEN mc_audit_on () BEGIN
  INSERT INTO audit_log (at, staff_id, action, object_kind, object_id, detail, prev_hash, hash)
  SELECT a.at, a.actor, 'announcement.delete', 'announcement', a.oid, a.detail, a.prev,
         mc_audit_hash (a.prev, a.at, a.actor, 'announcement.delete', 'announcement', a.oid, a.detail)
  FROM (SELECT mc_now () AS at, mc_actor () AS actor, old.id AS oid, old.text AS detail,
               coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') AS prev) a;
END;

CREATE TRIGGER audit_setting_insert AFTER INSERT ON setting WHEN mc_audit_on () BEGIN
  INSERT INTO audit_log (at, staff_id, action, object_kind, object_id, detail, prev_hash, hash)
  SELECT a.at, a.actor, 'setting.insert', 'setting', a.oid, a.detail, a.prev,
         mc_audit_hash (a.prev, a.at, a.actor, 'setting.insert', 'setting', a.oid, a.detail)
  FROM (SELECT mc_now () AS at, mc_actor () AS actor, NULL AS oid, new.key || ' = ' || new.value AS detail,
               coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') AS prev) a;
END;

CREATE TRIGGER audit_department_insert AFTER INSERT ON department WHEN mc_audit_on () BEGIN
  INSERT INTO audit_log (at, staff_id, action, object_kind, object_id, detail, prev_hash, hash)
  SELECT a.at, a.actor, 'department.insert', 'department', a.oid, a.detail, a.prev,
         mc_audit_hash (a.prev, a.at, a.actor, 'department.insert', 'department', a.oid, a.detail)
  FROM (SELECT mc_now () AS at, mc_actor () AS actor, new.id AS oid, new.code || ' ' || new.name AS detail,
               coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') AS prev) a;
END;

CREATE TRIGGER audit_unit_insert AFTER INSERT ON unit WHEN mc_audit_on () BEGIN
  INSERT INTO audit_log (at, staff_id, action, object_kind, object_id, detail, prev_hash, hash)
  SELECT a.at, a.actor, 'unit.insert', 'unit', a.oid, a.detail, a.prev,
         mc_audit_hash (a.prev, a.at, a.actor, 'unit.insert', 'unit', a.oid, a.detail)
  FROM (SELECT mc_now () AS at, mc_actor () AS actor, new.id AS oid, new.code || ' ' || new.name AS detail,
               coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') AS prev) a;
END;

CREATE TRIGGER audit_setting_update AFTER UPDATE ON setting WHEN mc_audit_on () BEGIN
  INSERT INTO audit_log (at, staff_id, action, object_kind, object_id, detail, prev_hash, hash)
  SELECT a.at, a.actor, 'setting.update', 'setting', a.oid, a.detail, a.prev,
         mc_audit_hash (a.prev, a.at, a.actor, 'setting.update', 'setting', a.oid, a.detail)
  FROM (SELECT mc_now () AS at, mc_actor () AS actor, NULL AS oid, new.key || ' = ' || new.value AS detail,
               coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') AS prev) a;
END;

CREATE TRIGGER audit_department_update AFTER UPDATE ON department WHEN mc_audit_on () BEGIN
  INSERT INTO audit_log (at, staff_id, action, object_kind, object_id, detail, prev_hash, hash)
  SELECT a.at, a.actor, 'department.update', 'department', a.oid, a.detail, a.prev,
         mc_audit_hash (a.prev, a.at, a.actor, 'department.update', 'department', a.oid, a.detail)
  FROM (SELECT mc_now () AS at, mc_actor () AS actor, new.id AS oid, new.code || ' ' || new.name AS detail,
               coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') AS prev) a;
END;

CREATE TRIGGER audit_unit_update AFTER UPDATE ON unit WHEN mc_audit_on () BEGIN
  INSERT INTO audit_log (at, staff_id, action, object_kind, object_id, detail, prev_hash, hash)
  SELECT a.at, a.actor, 'unit.update', 'unit', a.oid, a.detail, a.prev,
         mc_audit_hash (a.prev, a.at, a.actor, 'unit.update', 'unit', a.oid, a.detail)
  FROM (SELECT mc_now () AS at, mc_actor () AS actor, new.id AS oid, new.code || ' ' || new.name AS detail,
               coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') AS prev) a;
END;

CREATE TRIGGER audit_staff_insert AFTER INSERT ON staff WHEN mc_audit_on () BEGIN
  INSERT INTO audit_log (at, staff_id, action, object_kind, object_id, detail, prev_hash, hash)
  SELECT a.at, a.actor, 'staff.insert', 'staff', a.oid, a.detail, a.prev,
         mc_audit_hash (a.prev, a.at, a.actor, 'staff.insert', 'staff', a.oid, a.detail)
  FROM (SELECT mc_now () AS at, mc_actor () AS actor, new.id AS oid, new.username || ' ' || new.roles AS detail,
               coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') AS prev) a;
END;

CREATE TRIGGER audit_staff_update AFTER UPDATE ON staff WHEN mc_audit_on () AND (old.roles IS NOT new.roles OR old.department_id IS NOT new.department_id OR old.active IS NOT new.active OR old.password_hash IS NOT new.password_hash OR new.failed_logins > old.failed_logins OR old.locked_until IS NOT new.locked_until OR old.full_name IS NOT new.full_name OR old.title IS NOT new.title) BEGIN
  INSERT INTO audit_log (at, staff_id, action, object_kind, object_id, detail, prev_hash, hash)
  SELECT a.at, a.actor, 'staff.update', 'staff', a.oid, a.detail, a.prev,
         mc_audit_hash (a.prev, a.at, a.actor, 'staff.update', 'staff', a.oid, a.detail)
  FROM (SELECT mc_now () AS at, mc_actor () AS actor, new.id AS oid, new.username || CASE WHEN old.roles IS NOT new.roles THEN ' vai trò: ' || new.roles ELSE '' END || CASE WHEN old.department_id IS NOT new.department_id THEN ' đổi phòng' ELSE '' END || CASE WHEN old.active IS NOT new.active THEN CASE new.active WHEN 1 THEN ' mở khóa tài khoản' ELSE ' khóa tài khoản' END ELSE '' END || CASE WHEN old.password_hash IS NOT new.password_hash THEN ' đổi mật khẩu' ELSE '' END || CASE WHEN new.failed_logins > old.failed_logins THEN ' đăng nhập sai lần ' || new.failed_logins ELSE '' END || CASE WHEN new.locked_until IS NOT NULL AND old.locked_until IS NOT new.locked_until THEN ' tạm khóa do đăng nhập sai' ELSE '' END AS detail,
               coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') AS prev) a;
END;
