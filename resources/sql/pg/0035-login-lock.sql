-- Motcua schema on PostgreSQL, version 35: login changes one at a time
-- across the cluster. mc_staff_login () (0022) is the same but for the
-- COMMENT ON ROLE motcua_login it takes first: two databases' transactions
-- creating or changing the same login at once collided (XX000 "tuple
-- concurrently updated", seen when test programs on one cluster created
-- tn.lan together, and possible when two centers' administrators add a
-- login of the same name). CREATE OR REPLACE keeps the function's owner
-- (motcua_login_admin, which has CREATEROLE, as COMMENT ON ROLE needs) and
-- its grants.
CREATE OR REPLACE FUNCTION mc_staff_login (p_username text, p_verifier text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  s      record;
  r      record;
  g      record;
  ident  text := quote_ident (p_username);
BEGIN
  IF NOT pg_has_role (session_user, 'motcua_quan_tri', 'MEMBER') THEN
    RAISE EXCEPTION 'only an administrator creates logins' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF p_username IS NULL OR p_username = '' OR octet_length (p_username) > 63 OR p_username LIKE 'motcua\_%'
     OR p_username LIKE 'pg\_%' OR p_username = 'public' THEN
    RAISE EXCEPTION '"%" cannot be a login', p_username USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF p_verifier IS NOT NULL AND p_verifier !~ '^SCRAM-SHA-256\$' THEN
    RAISE EXCEPTION 'a password is given as a SCRAM-SHA-256 verifier' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  -- Logins belong to the whole cluster: another database's transaction
  -- (another center's, or another test program's) changing the same login
  -- at the same moment made ALTER ROLE fail with "tuple concurrently
  -- updated", and CREATE ROLE with a duplicate key. An advisory lock is
  -- per database; a COMMENT takes a lock on the role it names that holds
  -- across databases until the transaction ends, and whoever waited for it
  -- reads the catalogs afresh. Every login change of Motcua takes it on
  -- motcua_login first (here, and `server add-login`: mc-pg-server.c), so
  -- they run one after the other, cluster-wide.
  COMMENT ON ROLE motcua_login IS 'Motcua: every staff login is a member (login changes lock this role)';
  SELECT roles, active INTO s FROM staff WHERE username = p_username;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no staff member "%"', p_username USING ERRCODE = 'no_data_found';
  END IF;
  SELECT * INTO r FROM pg_roles WHERE rolname = p_username;
  IF FOUND THEN
    IF r.rolsuper OR r.rolcreaterole OR r.rolcreatedb OR r.rolreplication OR r.rolbypassrls
       OR NOT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles gr ON gr.oid = m.roleid
                      WHERE m.member = r.oid AND gr.rolname IN ('motcua_login', 'motcua_tiep_nhan', 'motcua_chuyen_vien',
                        'motcua_lanh_dao_phong', 'motcua_lanh_dao_ubnd', 'motcua_van_thu', 'motcua_bao_cao',
                        'motcua_quan_tri')) THEN
      RAISE EXCEPTION 'a role "%" exists on this server and is not a Motcua login', p_username
        USING ERRCODE = 'duplicate_object';
    END IF;
  ELSIF p_verifier IS NULL AND s.active = 0 THEN
    -- A disabled account that never had a login: nothing to keep in step.
    RETURN;
  ELSE
    EXECUTE format ('CREATE ROLE %s NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE INHERIT', ident);
  END IF;
  IF p_verifier IS NOT NULL THEN
    EXECUTE format ('ALTER ROLE %s PASSWORD %L', ident, p_verifier);
  END IF;
  -- LOGIN while the account is active (a role given no password yet cannot
  -- pass SCRAM anyway), NOLOGIN once it is disabled.
  EXECUTE format ('ALTER ROLE %s %s', ident, CASE WHEN s.active = 1 THEN 'LOGIN' ELSE 'NOLOGIN' END);
  EXECUTE format ('GRANT motcua_login TO %s', ident);
  FOR g IN SELECT * FROM (VALUES ('tiep_nhan'), ('chuyen_vien'), ('lanh_dao_phong'), ('lanh_dao_ubnd'), ('van_thu'),
                                 ('bao_cao'), ('quan_tri')) AS v (code) LOOP
    IF (',' || s.roles || ',') LIKE '%,' || g.code || ',%' THEN
      EXECUTE format ('GRANT %I TO %s', 'motcua_' || g.code, ident);
    ELSIF EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles gr ON gr.oid = m.roleid
                  JOIN pg_roles mr ON mr.oid = m.member
                  WHERE gr.rolname = 'motcua_' || g.code AND mr.rolname = p_username) THEN
      EXECUTE format ('REVOKE %I FROM %s', 'motcua_' || g.code, ident);
    END IF;
  END LOOP;
END
$$;
