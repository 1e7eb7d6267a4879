-- Motcua schema on PostgreSQL, version 25: every desk signs in as its own
-- login (issue 17 item 2). The password is the login role's, checked by
-- PostgreSQL (SCRAM) when the desk connects; the program reads the person's
-- profile through the columns of staff every signed-in role may read
-- (0001: never password_hash) and asks the server the two things the hash
-- told it on a file:
--   - mc_staff_has_password (username): the account can sign in — it has a
--     login role with LOGIN, or (an installer's database filled by the demo)
--     an argon2 hash; the hash itself is never returned;
--   - mc_staff_set_own_password (verifier): a person changes their own
--     login's password (ALTER ROLE … PASSWORD with a SCRAM verifier computed
--     on the desk) and the "must change" mark is cleared; nobody else's.
SET LOCAL ROLE motcua_owner;

CREATE FUNCTION mc_staff_has_password (p_username text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
RETURN EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = p_username AND r.rolcanlogin)
       OR EXISTS (SELECT 1 FROM staff s WHERE s.username = p_username AND s.password_hash IS NOT NULL);
REVOKE ALL ON FUNCTION mc_staff_has_password (text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mc_staff_has_password (text) TO motcua_p_signed_in;

RESET ROLE;
-- The password of the caller's own login, changed by motcua_login_admin
-- (CREATEROLE, 0022) for them: a role may ALTER its own password in
-- PostgreSQL, but clearing staff.must_change_password is an administrator's
-- write, and both go together. It
--   - answers only a staff member's own, active Motcua login (session_user:
--     the login itself, which SET ROLE cannot change), never a superuser or
--     a role with other powers;
--   - takes a SCRAM-SHA-256 verifier only (PQencryptPasswordConn on the
--     desk), so the password is never in a statement nor the server's log;
--   - writes the audit row "tự đổi mật khẩu" in the person's name.
GRANT UPDATE (must_change_password, failed_logins, locked_until) ON staff TO motcua_login_admin;
GRANT SELECT (id) ON staff TO motcua_login_admin;
GRANT EXECUTE ON FUNCTION mc_audit_append (text, text, bigint, text) TO motcua_login_admin;

CREATE FUNCTION mc_staff_set_own_password (p_verifier text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  me  text := session_user;
  sid bigint;
  r   record;
BEGIN
  SELECT id INTO sid FROM staff WHERE username = me AND active = 1;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'only a staff member''s own active login changes its password here'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT * INTO r FROM pg_roles WHERE rolname = me;
  IF r.rolsuper OR r.rolcreaterole OR r.rolcreatedb OR r.rolreplication OR r.rolbypassrls
     OR NOT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles gr ON gr.oid = m.roleid
                    WHERE m.member = r.oid AND gr.rolname IN ('motcua_login', 'motcua_tiep_nhan', 'motcua_chuyen_vien',
                      'motcua_lanh_dao_phong', 'motcua_lanh_dao_ubnd', 'motcua_van_thu', 'motcua_bao_cao',
                      'motcua_quan_tri')) THEN
    RAISE EXCEPTION '"%" is not a Motcua login', me USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF p_verifier IS NULL OR p_verifier !~ '^SCRAM-SHA-256\$[0-9]+:[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*:[A-Za-z0-9+/]+=*$' THEN
    RAISE EXCEPTION 'a password is given as a SCRAM-SHA-256 verifier' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  EXECUTE format ('ALTER ROLE %I PASSWORD %L', me, p_verifier);
  UPDATE staff SET must_change_password = 0, failed_logins = 0, locked_until = NULL WHERE id = sid;
  PERFORM mc_audit_append ('staff.update', 'staff', sid, me || ' tự đổi mật khẩu');
END
$$;
GRANT CREATE ON SCHEMA public TO motcua_login_admin;
ALTER FUNCTION mc_staff_set_own_password (text) OWNER TO motcua_login_admin;
REVOKE CREATE ON SCHEMA public FROM motcua_login_admin;
REVOKE ALL ON FUNCTION mc_staff_set_own_password (text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mc_staff_set_own_password (text) TO motcua_p_signed_in;

-- The rights every group's pages and commands need beyond 0001–0022,
-- found by running each one as that group's own login
-- (tests/pg/test-pg-desks.sh):
SET LOCAL ROLE motcua_owner;
-- - the id of a row just inserted (currval () of its identity sequence,
--   mc_sql_pg_last_insert_id): SELECT on the sequences, which shows nothing
--   but how many rows were ever numbered; no USAGE, so no one draws ids.
GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO motcua_p_signed_in, motcua_board;
-- - the audit trail's head that every report and register prints
--   ("Nhật ký hệ thống: 1234:3fa9c2d1…", mc_audit_head_text ()): the last
--   row's number and hash only; the trail itself stays motcua_p_audit's.
CREATE FUNCTION mc_audit_head (OUT id bigint, OUT hash text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT a.id, a.hash FROM audit_log a ORDER BY a.id DESC LIMIT 1
$$;
REVOKE ALL ON FUNCTION mc_audit_head () FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mc_audit_head () TO motcua_p_signed_in;
