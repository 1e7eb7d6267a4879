-- Motcua schema, version 8: an account can be made to choose its own password
-- at its next sign-in (a new account, or a password the administrator set),
-- and the audit trail says when that was required and when it was done.

ALTER TABLE staff ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0
  CHECK (must_change_password IN (0, 1));

DROP TRIGGER audit_staff_update;
CREATE TRIGGER audit_staff_update AFTER UPDATE ON staff WHEN mc_audit_on () AND (old.roles IS NOT new.roles OR old.department_id IS NOT new.department_id OR old.active IS NOT new.active OR old.password_hash IS NOT new.password_hash OR new.failed_logins > old.failed_logins OR old.locked_until IS NOT new.locked_until OR old.full_name IS NOT new.full_name OR old.title IS NOT new.title OR old.must_change_password IS NOT new.must_change_password) BEGIN
  INSERT INTO audit_log (at, staff_id, action, object_kind, object_id, detail, prev_hash, hash)
  SELECT a.at, a.actor, 'staff.update', 'staff', a.oid, a.detail, a.prev,
         mc_audit_hash (a.prev, a.at, a.actor, 'staff.update', 'staff', a.oid, a.detail)
  FROM (SELECT mc_now () AS at, mc_actor () AS actor, new.id AS oid, new.username || CASE WHEN old.roles IS NOT new.roles THEN ' vai trò: ' || new.roles ELSE '' END || CASE WHEN old.department_id IS NOT new.department_id THEN ' đổi phòng' ELSE '' END || CASE WHEN old.active IS NOT new.active THEN CASE new.active WHEN 1 THEN ' mở khóa tài khoản' ELSE ' khóa tài khoản' END ELSE '' END || CASE WHEN old.password_hash IS NOT new.password_hash THEN CASE WHEN mc_actor () = new.id THEN ' tự đổi mật khẩu' ELSE ' đổi mật khẩu' END ELSE '' END || CASE WHEN new.must_change_password > old.must_change_password THEN ' yêu cầu đổi mật khẩu khi đăng nhập' WHEN new.must_change_password < old.must_change_password AND old.password_hash IS new.password_hash THEN ' bỏ yêu cầu đổi mật khẩu' ELSE '' END || CASE WHEN new.failed_logins > old.failed_logins THEN ' đăng nhập sai lần ' || new.failed_logins ELSE '' END || CASE WHEN new.locked_until IS NOT NULL AND old.locked_until IS NOT new.locked_until THEN ' tạm khóa do đăng nhập sai' ELSE '' END AS detail,
               coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') AS prev) a;
END;
