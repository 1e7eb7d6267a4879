-- Motcua schema on PostgreSQL, version 33: on a server a desk acts in its
-- own name only, and reads the citizen's ID number and phone masked when it
-- may not read them whole (issue 17 item 2, what was left after 0025/0028).
SET LOCAL ROLE motcua_owner;

-- 1. Who did it comes from the login, never from the client. A reception
--    and a refusal wrote mc_actor () in their statement, but the statement
--    is the client's: tn.lan with psql could insert an event, a refusal, an
--    apology or a dossier naming vt.yen, and the return (trả kết quả) named
--    whoever the client said. A BEFORE trigger, SECURITY DEFINER like the
--    audit's, puts the session's staff member (mc_actor (): session_user,
--    which SET ROLE and SECURITY DEFINER leave alone) in the row's actor
--    column, whatever was given. The installer's connection (a superuser,
--    `db copy`, the demo) is nobody: mc_actor () is NULL and what it writes
--    is kept, so a copied center keeps its history.
--    (TG_ARGV[0] names the column: the same rule for every table.)
CREATE FUNCTION mc_own_name () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  me bigint := mc_actor ();
BEGIN
  IF me IS NOT NULL THEN
    NEW := jsonb_populate_record (NEW, jsonb_build_object (TG_ARGV[0], me));
  END IF;
  RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION mc_own_name () FROM PUBLIC;

-- Every event of a dossier (receive, transfer, …, return): its staff_id.
CREATE TRIGGER dossier_event_own_name BEFORE INSERT ON dossier_event
  FOR EACH ROW EXECUTE FUNCTION mc_own_name ('staff_id');
-- A refusal (Mẫu 03): who refused.
CREATE TRIGGER refusal_own_name BEFORE INSERT ON refusal
  FOR EACH ROW EXECUTE FUNCTION mc_own_name ('staff_id');
-- An apology (Mẫu 04): who issued it (the one answering for the delay,
-- responsible_staff_id, is named by the leader and stays as given).
CREATE TRIGGER apology_own_name BEFORE INSERT ON apology
  FOR EACH ROW EXECUTE FUNCTION mc_own_name ('issued_by');
-- A dossier: who received it. An imported dossier names no one (the older
-- system's clerk is unknown), so the trigger runs only for a row naming
-- someone and a COPY import pays nothing for it.
CREATE TRIGGER dossier_own_name BEFORE INSERT ON dossier
  FOR EACH ROW WHEN (NEW.received_by IS NOT NULL) EXECUTE FUNCTION mc_own_name ('received_by');
-- The report's narrative: who edited it last (INSERT … ON CONFLICT DO
-- UPDATE takes staff_id from the inserted row, which the trigger set).
CREATE TRIGGER narrative_edit_own_name BEFORE INSERT OR UPDATE OF staff_id ON narrative_edit
  FOR EACH ROW EXECUTE FUNCTION mc_own_name ('staff_id');

-- 2. What a dossier's writer may change. UPDATE on the whole row let a
--    specialist rewrite with psql what the program never changes after the
--    reception: the citizen's name, ID number, phone and address, the code,
--    who received it and when, the procedure, the fee. The program's updates
--    (mc-workflow.c write_position, mc-workflow-transitions.c write_outcome
--    and write_return) name these columns only; the rest stays as received.
REVOKE UPDATE ON dossier FROM motcua_p_process;
GRANT UPDATE (state, current_step, current_department_id, current_staff_id, current_unit_id, due_at, extended_due_at,
  step_due_at, step_started_at, step_accepted_at, paused_since, pause_kind, paused_state, held_step_due_at,
  paused_minutes, finished_at, returned_at, timeliness, outcome, result_number, result_note, returned_to,
  return_method, returned_id_number) ON dossier TO motcua_p_process;

-- 2b. Password hashes: an administrator's login read the whole of staff,
--    argon2 hashes included (a center copied from a file, or the installer's
--    demo, has them): material for guessing offline, and the program never
--    reads them on a login's connection (mc-accounts.c: mc_staff_has_password
--    ()). Every column but that one, as for everyone else (a later step
--    adding a column to staff grants it to motcua_quan_tri by name).
REVOKE SELECT ON staff FROM motcua_quan_tri;
DO $$
DECLARE
  c text;
BEGIN
  FOR c IN SELECT attname FROM pg_attribute WHERE attrelid = 'staff'::regclass AND attnum > 0 AND NOT attisdropped
             AND attname <> 'password_hash' LOOP
    EXECUTE format ('GRANT SELECT (%I) ON staff TO motcua_quan_tri', c);
  END LOOP;
END
$$;

-- 3. The ID number and the phone, masked, for a login without the
--    personal-data permission (an administrator, a reporting clerk), who may
--    not read the columns themselves (0001): the first and the last three
--    digits, as the program masks them (mc_mask_digits, 0021, the rule of
--    mc_id_number_mask in src/core/mc-id-number.c; test pg-desks compares
--    the two). A view runs with its owner's rights, so the login reads the
--    masked text and still cannot read the whole number; it has no WHERE, so
--    a condition the reader adds sees only the masked values.
CREATE VIEW dossier_masked AS
  SELECT d.id, mc_mask_digits (d.applicant_id_number) AS applicant_id_number,
         mc_mask_digits (d.applicant_phone) AS applicant_phone
  FROM dossier d;
GRANT SELECT ON dossier_masked TO motcua_p_signed_in;

-- 4. Failed sign-ins. PostgreSQL counts none and locks no one (auth_delay
--    only slows each attempt). The program's rule on a file
--    (mc-accounts.c count_attempt: security.max_failures wrong passwords in
--    a row lock the account for security.lockout_minutes, a success clears
--    the count) is applied on a server by `motcua server lockout`, run by the
--    installer beside the server (a systemd timer, or --every): it reads the
--    server's log — the only place a refused connection is recorded, since a
--    client that failed to connect can run nothing, and a counter a desk
--    would call itself could not be trusted — and keeps staff.failed_logins
--    and staff.locked_until as the program does. login_log_read is how far
--    it has read (milliseconds since 1970 of the last line counted).
CREATE TABLE login_log_read (
  id      integer PRIMARY KEY CHECK (id = 1),
  read_to bigint NOT NULL
);

RESET ROLE;
--    The lock itself is the login's: mc_staff_login_locks () gives every
--    Motcua login whose staff row is locked VALID UNTIL '-infinity' (its
--    password has expired: the server refuses it at connect with the same
--    message as a wrong one — SCRAM's mock authentication — so guessing on
--    during the lock tells nothing), and gives it back 'infinity' once the
--    lock has ended or an administrator lifted it (`motcua account unlock`
--    calls it). NOLOGIN would tell a right password from a wrong one ("not
--    permitted to log in" comes after the password check). Owned by
--    motcua_login_admin (CREATEROLE, 0022); for an administrator and the
--    installer; only roles that are Motcua logins with no other power.
GRANT SELECT (locked_until) ON staff TO motcua_login_admin;
-- One login in step with its staff row; TRUE when it was changed. Only a
-- role that is a Motcua login with no other power.
CREATE FUNCTION mc_staff_login_lock (p_username text, p_locked_until bigint) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  r      record;
  locked boolean := coalesce (p_locked_until, 0) > mc_now ();
BEGIN
  SELECT * INTO r FROM pg_roles WHERE rolname = p_username;
  IF NOT FOUND OR r.rolsuper OR r.rolcreaterole OR r.rolcreatedb OR r.rolreplication OR r.rolbypassrls
     OR NOT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles gr ON gr.oid = m.roleid
                    WHERE m.member = r.oid AND gr.rolname IN ('motcua_login', 'motcua_tiep_nhan', 'motcua_chuyen_vien',
                      'motcua_lanh_dao_phong', 'motcua_lanh_dao_ubnd', 'motcua_van_thu', 'motcua_bao_cao',
                      'motcua_quan_tri')) THEN
    RETURN FALSE;
  END IF;
  IF locked AND r.rolvaliduntil IS DISTINCT FROM '-infinity'::timestamptz THEN
    EXECUTE format ('ALTER ROLE %I VALID UNTIL %L', p_username, '-infinity');
    RETURN TRUE;
  ELSIF NOT locked AND r.rolvaliduntil = '-infinity'::timestamptz THEN
    EXECUTE format ('ALTER ROLE %I VALID UNTIL %L', p_username, 'infinity');
    RETURN TRUE;
  END IF;
  RETURN FALSE;
END
$$;

-- Every login: the locks that ended since are lifted (the job calls it).
CREATE FUNCTION mc_staff_login_locks () RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  s       record;
  changed integer := 0;
BEGIN
  IF NOT pg_has_role (session_user, 'motcua_quan_tri', 'MEMBER')
     AND NOT pg_has_role (session_user, 'motcua_login_admin', 'MEMBER') THEN
    RAISE EXCEPTION 'only an administrator or the installer locks logins' USING ERRCODE = 'insufficient_privilege';
  END IF;
  FOR s IN SELECT username, locked_until FROM staff LOOP
    IF mc_staff_login_lock (s.username, s.locked_until) THEN
      changed := changed + 1;
    END IF;
  END LOOP;
  RETURN changed;
END
$$;

-- Whoever changes a staff row's lock (the job locking, `account unlock`, a
-- new password set by the administrator or by the person) changes the
-- login's with it, in the same transaction.
CREATE FUNCTION mc_staff_lock_follows () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM mc_staff_login_lock (NEW.username, NEW.locked_until);
  RETURN NULL;
END
$$;
GRANT CREATE ON SCHEMA public TO motcua_login_admin;
ALTER FUNCTION mc_staff_login_lock (text, bigint) OWNER TO motcua_login_admin;
ALTER FUNCTION mc_staff_login_locks () OWNER TO motcua_login_admin;
ALTER FUNCTION mc_staff_lock_follows () OWNER TO motcua_login_admin;
REVOKE CREATE ON SCHEMA public FROM motcua_login_admin;
REVOKE ALL ON FUNCTION mc_staff_login_lock (text, bigint) FROM PUBLIC;
REVOKE ALL ON FUNCTION mc_staff_login_locks () FROM PUBLIC;
REVOKE ALL ON FUNCTION mc_staff_lock_follows () FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mc_staff_lock_follows () TO motcua_owner;
GRANT EXECUTE ON FUNCTION mc_staff_login_locks () TO motcua_quan_tri, CURRENT_USER;
SET LOCAL ROLE motcua_owner;
CREATE TRIGGER staff_lock_follows AFTER UPDATE OF locked_until ON staff FOR EACH ROW
  WHEN (OLD.locked_until IS DISTINCT FROM NEW.locked_until) EXECUTE FUNCTION mc_staff_lock_follows ();
