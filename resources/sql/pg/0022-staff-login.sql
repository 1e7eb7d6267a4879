-- Motcua schema on PostgreSQL, version 22: `motcua account add` creates the
-- person's own login role (issue 17 item 2), and a change of their functions
-- or a disabled account keeps it in step. A desk's administrator signs in as
-- a member of motcua_quan_tri, which may not create roles; the installer
-- (CREATEROLE) is not at the desk. mc_staff_login () does it for them:
-- SECURITY DEFINER, owned by motcua_login_admin, a NOLOGIN role whose only
-- power is CREATEROLE and whose only code is this function (not
-- motcua_owner, so that no other SECURITY DEFINER function runs with
-- CREATEROLE). It
--   - answers only a member of motcua_quan_tri (session_user, the login);
--   - acts only on a staff member's username that is a valid login name, not
--     motcua_… nor pg_…;
--   - creates the role, or changes one that is already a Motcua login (a
--     member of motcua_login, or of a function's group: `server add-login`)
--     and nothing else: an existing superuser, a role with CREATEROLE,
--     CREATEDB, REPLICATION or BYPASSRLS, or another application's login of
--     that name is refused, so an administrator cannot take over a role of
--     the cluster by naming an account after it;
--   - takes the password as a SCRAM-SHA-256 verifier computed on the desk
--     (PQencryptPasswordConn, as `server add-login`), never the password
--     itself; NULL keeps the password (a change of functions), and a new
--     login without one is NOLOGIN until it is given one;
--   - makes the memberships exactly the groups of staff.roles, LOGIN only
--     while the account is active.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'motcua_login_admin') THEN
    BEGIN
      CREATE ROLE motcua_login_admin NOLOGIN CREATEROLE;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL;
    END;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'motcua_login') THEN
    BEGIN
      CREATE ROLE motcua_login NOLOGIN;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL;
    END;
  END IF;
END
$$;
-- The installer gives the function to motcua_login_admin (ALTER … OWNER
-- needs the membership); no desk login is a member.
GRANT motcua_login_admin TO CURRENT_USER;
GRANT SELECT (username, roles, active) ON staff TO motcua_login_admin;

CREATE FUNCTION mc_staff_login (p_username text, p_verifier text) RETURNS void
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
-- A new owner needs CREATE on the schema at the change, not after it.
GRANT CREATE ON SCHEMA public TO motcua_login_admin;
ALTER FUNCTION mc_staff_login (text, text) OWNER TO motcua_login_admin;
REVOKE CREATE ON SCHEMA public FROM motcua_login_admin;
REVOKE ALL ON FUNCTION mc_staff_login (text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mc_staff_login (text, text) TO motcua_quan_tri;
