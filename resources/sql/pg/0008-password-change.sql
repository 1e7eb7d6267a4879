-- Motcua schema on PostgreSQL, version 8: an account can be made to choose
-- its own password at its next sign-in (resources/sql/0008-password-change.sql).
-- On PostgreSQL the password is the login role's (SCRAM): a person changes it
-- with ALTER ROLE CURRENT_USER PASSWORD, which PostgreSQL lets every role do.
SET LOCAL ROLE motcua_owner;

ALTER TABLE staff ADD COLUMN must_change_password bigint NOT NULL DEFAULT 0
  CHECK (must_change_password IN (0, 1));
GRANT SELECT (must_change_password) ON staff TO motcua_p_signed_in;

CREATE OR REPLACE FUNCTION audit_staff () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF NOT mc_audit_on () THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM mc_audit_append ('staff.insert', 'staff', NEW.id, NEW.username || ' ' || NEW.roles);
  ELSE
    PERFORM mc_audit_append ('staff.update', 'staff', NEW.id, NEW.username ||
      CASE WHEN OLD.roles IS DISTINCT FROM NEW.roles THEN ' vai trò: ' || NEW.roles ELSE '' END ||
      CASE WHEN OLD.department_id IS DISTINCT FROM NEW.department_id THEN ' đổi phòng' ELSE '' END ||
      CASE WHEN OLD.active IS DISTINCT FROM NEW.active
           THEN CASE NEW.active WHEN 1 THEN ' mở khóa tài khoản' ELSE ' khóa tài khoản' END ELSE '' END ||
      CASE WHEN OLD.password_hash IS DISTINCT FROM NEW.password_hash
           THEN CASE WHEN mc_actor () = NEW.id THEN ' tự đổi mật khẩu' ELSE ' đổi mật khẩu' END ELSE '' END ||
      CASE WHEN NEW.must_change_password > OLD.must_change_password THEN ' yêu cầu đổi mật khẩu khi đăng nhập'
           WHEN NEW.must_change_password < OLD.must_change_password
                AND OLD.password_hash IS NOT DISTINCT FROM NEW.password_hash THEN ' bỏ yêu cầu đổi mật khẩu'
           ELSE '' END ||
      CASE WHEN NEW.failed_logins > OLD.failed_logins THEN ' đăng nhập sai lần ' || NEW.failed_logins ELSE '' END ||
      CASE WHEN NEW.locked_until IS NOT NULL AND OLD.locked_until IS DISTINCT FROM NEW.locked_until
           THEN ' tạm khóa do đăng nhập sai' ELSE '' END);
  END IF;
  RETURN NULL;
END
$$;

DROP TRIGGER audit_staff_update ON staff;
CREATE TRIGGER audit_staff_update AFTER UPDATE ON staff FOR EACH ROW
  WHEN (OLD.roles IS DISTINCT FROM NEW.roles OR OLD.department_id IS DISTINCT FROM NEW.department_id
        OR OLD.active IS DISTINCT FROM NEW.active OR OLD.password_hash IS DISTINCT FROM NEW.password_hash
        OR NEW.failed_logins > OLD.failed_logins OR OLD.locked_until IS DISTINCT FROM NEW.locked_until
        OR OLD.full_name IS DISTINCT FROM NEW.full_name OR OLD.title IS DISTINCT FROM NEW.title
        OR OLD.must_change_password IS DISTINCT FROM NEW.must_change_password)
  EXECUTE FUNCTION audit_staff ();
