-- Motcua schema on PostgreSQL, version 38: a login's lock (0033) changed
-- one at a time across the cluster, as its creation and password are since
-- 0035. mc_staff_login_lock () gives a locked account's login VALID UNTIL
-- '-infinity' with ALTER ROLE; two databases on one cluster whose staff row
-- of the same name is locked at once (two centers, or two test programs)
-- had the second ALTER ROLE fail with "tuple concurrently updated" once
-- the first committed. It now takes the same COMMENT ON ROLE motcua_login
-- lock before changing anything, then reads the login afresh: whoever
-- waited finds it already as asked and leaves it. Only a change takes the
-- lock, so the job's pass over every login (mc_staff_login_locks) writes no
-- catalog row for logins already in step. CREATE OR REPLACE keeps the
-- owner (motcua_login_admin) and the grants.
CREATE OR REPLACE FUNCTION mc_staff_login_lock (p_username text, p_locked_until bigint) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  r      record;
  locked boolean := coalesce (p_locked_until, 0) > mc_now ();
  target timestamptz := CASE WHEN locked THEN '-infinity'::timestamptz ELSE 'infinity'::timestamptz END;
BEGIN
  SELECT * INTO r FROM pg_roles WHERE rolname = p_username;
  IF NOT FOUND OR r.rolsuper OR r.rolcreaterole OR r.rolcreatedb OR r.rolreplication OR r.rolbypassrls
     OR NOT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles gr ON gr.oid = m.roleid
                    WHERE m.member = r.oid AND gr.rolname IN ('motcua_login', 'motcua_tiep_nhan', 'motcua_chuyen_vien',
                      'motcua_lanh_dao_phong', 'motcua_lanh_dao_ubnd', 'motcua_van_thu', 'motcua_bao_cao',
                      'motcua_quan_tri')) THEN
    RETURN FALSE;
  END IF;
  -- In step already: a lock asked and the password expired, or no lock and
  -- the password not expired by a lock.
  IF (locked AND r.rolvaliduntil = '-infinity'::timestamptz)
     OR (NOT locked AND r.rolvaliduntil IS DISTINCT FROM '-infinity'::timestamptz) THEN
    RETURN FALSE;
  END IF;
  COMMENT ON ROLE motcua_login IS 'Motcua: every staff login is a member (login changes lock this role)';
  -- Read again after the wait: another database may have done it.
  SELECT rolvaliduntil INTO r FROM pg_roles WHERE rolname = p_username;
  IF (locked AND r.rolvaliduntil = '-infinity'::timestamptz)
     OR (NOT locked AND r.rolvaliduntil IS DISTINCT FROM '-infinity'::timestamptz) THEN
    RETURN FALSE;
  END IF;
  EXECUTE format ('ALTER ROLE %I VALID UNTIL %L', p_username, target);
  RETURN TRUE;
END
$$;
