-- Motcua schema on PostgreSQL, version 5: the audit trail
-- (resources/sql/0005-audit.sql). On SQLite the program registers
-- mc_actor (), mc_now (), mc_audit_on () and mc_audit_hash () in C; here they
-- are SQL, and the rows are written by SECURITY DEFINER functions owned by
-- motcua_owner, which no client role is a member of: a client holds no
-- INSERT, UPDATE or DELETE on audit_log, so the only rows it can cause are
-- those its changes write, under its own name.
SET LOCAL ROLE motcua_owner;

-- who: the staff member whose login role opened the session. session_user
-- is the login itself, which SET ROLE and SECURITY DEFINER leave alone, so no
-- one acts in another's name. NULL for a login that is no staff member (the
-- database administrator); audit_log.session_role still names it.
CREATE FUNCTION mc_actor () RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
RETURN (SELECT id FROM staff WHERE username = session_user);

-- when: the wall clock in UTC seconds, as g_get_real_time () in mc-audit.c.
CREATE FUNCTION mc_now () RETURNS bigint
LANGUAGE sql VOLATILE
RETURN floor (extract (epoch FROM clock_timestamp ()))::bigint;

-- Bulk writes (an import, the demo) write one summary row instead of one per
-- dossier, as mc_audit_on () does on SQLite. Only an administrator's session
-- may ask for it (SET motcua.audit_bulk = 'on'): anyone else is audited
-- whatever they set.
CREATE FUNCTION mc_audit_on () RETURNS boolean
LANGUAGE sql STABLE
RETURN coalesce (current_setting ('motcua.audit_bulk', true), '') <> 'on'
       OR NOT pg_has_role (session_user, 'motcua_quan_tri', 'MEMBER');

-- The fields a row's hash covers, in order, separated by U+001F, exactly as
-- compute_hash () in src/core/mc-audit.c: a NULL staff or object is the empty
-- text, the time its decimal digits.
CREATE FUNCTION mc_audit_text (prev text, at bigint, actor bigint, action text, kind text, oid bigint,
                               detail text) RETURNS bytea
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN convert_to (coalesce (prev, '') || chr (31) || at::text || chr (31) || coalesce (actor::text, '') || chr (31) ||
                   coalesce (action, '') || chr (31) || coalesce (kind, '') || chr (31) ||
                   coalesce (oid::text, '') || chr (31) || coalesce (detail, ''), 'UTF8');

-- Rows before the keyed step (0009) are plain SHA-256, lower-case hex.
CREATE FUNCTION mc_audit_hash (prev text, at bigint, actor bigint, action text, kind text, oid bigint,
                               detail text) RETURNS text
LANGUAGE sql STABLE
RETURN encode (sha256 (mc_audit_text (prev, at, actor, action, kind, oid, detail)), 'hex');

-- One writer at a time: a transaction that writes audit rows holds this
-- lock until it ends, reads the previous hash after taking it and draws the
-- row's id under it, so two desks writing at once are chained one after the
-- other (ids in chain order) instead of forking the chain. At READ COMMITTED
-- (the default, what Motcua uses) each statement of the writer below sees
-- what the previous holder committed; at a stricter level the snapshot would
-- be older than the lock, so such a writer is refused rather than fork it.
-- (A one-row "head" updated per row was measured first: a bulk insert
-- of 100,000 dossiers in one transaction walks every dead version of that
-- row at each audit row, quadratic; the index lookup of the last id is not.)
-- One row of the trail, from whoever's session this is. Granted to every
-- staff role for what the application records itself (mc_audit_append in
-- mc-audit.c: an export of personal data, a report signed…).
CREATE FUNCTION mc_audit_append (p_action text, p_kind text, p_oid bigint, p_detail text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_at    bigint := mc_now ();
  v_actor bigint := mc_actor ();
  v_prev  text;
BEGIN
  IF current_setting ('transaction_isolation') <> 'read committed' THEN
    RAISE EXCEPTION 'the audit trail is written at READ COMMITTED only' USING ERRCODE = 'serialization_failure';
  END IF;
  PERFORM pg_advisory_xact_lock (x'4d6f746375614155'::bigint);  -- "MotcuaAU"
  v_prev := coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '');
  INSERT INTO audit_log (at, staff_id, action, object_kind, object_id, detail, prev_hash, hash)
  VALUES (v_at, v_actor, p_action, p_kind, p_oid, p_detail, v_prev,
          mc_audit_hash (v_prev, v_at, v_actor, p_action, p_kind, p_oid, p_detail));
END
$$;
REVOKE ALL ON FUNCTION mc_audit_append (text, text, bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mc_audit_append (text, text, bigint, text) TO motcua_p_signed_in;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION mc_append_only ();
CREATE INDEX audit_by_action ON audit_log (object_kind, action, at);

-- The triggers: one function per table, SECURITY DEFINER (owned by
-- motcua_owner), each writing what the SQLite trigger of the same name writes.
CREATE FUNCTION audit_dossier () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF NOT mc_audit_on () THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM mc_audit_append ('dossier.insert', 'dossier', NEW.id, NEW.code || ' ' || NEW.state || ' ' || NEW.applicant_name);
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM mc_audit_append ('dossier.update', 'dossier', NEW.id,
      NEW.code || CASE WHEN OLD.state IS DISTINCT FROM NEW.state THEN ' ' || OLD.state || ' → ' || NEW.state ELSE '' END ||
      CASE WHEN OLD.applicant_name IS DISTINCT FROM NEW.applicant_name
             OR OLD.applicant_id_number IS DISTINCT FROM NEW.applicant_id_number
             OR OLD.applicant_phone IS DISTINCT FROM NEW.applicant_phone
             OR OLD.applicant_address IS DISTINCT FROM NEW.applicant_address
           THEN ' (thông tin người nộp)' ELSE '' END);
  ELSE
    PERFORM mc_audit_append ('dossier.delete', 'dossier', OLD.id, OLD.code);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER audit_dossier AFTER INSERT OR UPDATE OR DELETE ON dossier
  FOR EACH ROW EXECUTE FUNCTION audit_dossier ();

CREATE FUNCTION audit_dossier_event () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF mc_audit_on () THEN
    PERFORM mc_audit_append ('dossier_event.insert', 'dossier', NEW.dossier_id,
      (SELECT code FROM dossier WHERE id = NEW.dossier_id) || ' ' || NEW.kind || coalesce (' — ' || NEW.note, ''));
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER audit_dossier_event_insert AFTER INSERT ON dossier_event
  FOR EACH ROW EXECUTE FUNCTION audit_dossier_event ();

CREATE FUNCTION audit_apology () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF mc_audit_on () THEN
    PERFORM mc_audit_append ('apology.insert', 'dossier', NEW.dossier_id,
      (SELECT code FROM dossier WHERE id = NEW.dossier_id) || ' xin lỗi: ' || NEW.reason);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER audit_apology_insert AFTER INSERT ON apology FOR EACH ROW EXECUTE FUNCTION audit_apology ();

CREATE FUNCTION audit_refusal () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF mc_audit_on () THEN
    PERFORM mc_audit_append ('refusal.insert', 'refusal', NEW.id, NEW.applicant_name || ': ' || NEW.reason);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER audit_refusal_insert AFTER INSERT ON refusal FOR EACH ROW EXECUTE FUNCTION audit_refusal ();

CREATE FUNCTION audit_rating () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF mc_audit_on () THEN
    PERFORM mc_audit_append ('rating.insert', 'dossier', NEW.dossier_id,
      (SELECT code FROM dossier WHERE id = NEW.dossier_id));
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER audit_rating_insert AFTER INSERT ON rating FOR EACH ROW EXECUTE FUNCTION audit_rating ();

-- procedure, department and unit: "code name", on insert, update and
-- (procedure) delete; the action named after the table and the operation.
CREATE FUNCTION audit_coded () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  r record;
BEGIN
  IF NOT mc_audit_on () THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN
    r := OLD;
  ELSE
    r := NEW;
  END IF;
  PERFORM mc_audit_append (TG_TABLE_NAME || '.' || lower (TG_OP), TG_TABLE_NAME, r.id, r.code || ' ' || r.name);
  RETURN NULL;
END
$$;
CREATE TRIGGER audit_procedure AFTER INSERT OR UPDATE OR DELETE ON procedure
  FOR EACH ROW EXECUTE FUNCTION audit_coded ();
CREATE TRIGGER audit_department AFTER INSERT OR UPDATE ON department
  FOR EACH ROW EXECUTE FUNCTION audit_coded ();
CREATE TRIGGER audit_unit AFTER INSERT OR UPDATE ON unit
  FOR EACH ROW EXECUTE FUNCTION audit_coded ();

CREATE FUNCTION audit_calendar_day () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF NOT mc_audit_on () THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN
    PERFORM mc_audit_append ('calendar_day.delete', 'calendar_day', NULL, OLD.date || ' ' || OLD.kind || ' ' || OLD.name);
  ELSE
    PERFORM mc_audit_append ('calendar_day.' || lower (TG_OP), 'calendar_day', NULL,
                             NEW.date || ' ' || NEW.kind || ' ' || NEW.name);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER audit_calendar_day AFTER INSERT OR UPDATE OR DELETE ON calendar_day
  FOR EACH ROW EXECUTE FUNCTION audit_calendar_day ();

CREATE FUNCTION audit_announcement () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF NOT mc_audit_on () THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN
    PERFORM mc_audit_append ('announcement.delete', 'announcement', OLD.id, OLD.text);
  ELSE
    PERFORM mc_audit_append ('announcement.' || lower (TG_OP), 'announcement', NEW.id, NEW.text);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER audit_announcement AFTER INSERT OR UPDATE OR DELETE ON announcement
  FOR EACH ROW EXECUTE FUNCTION audit_announcement ();

CREATE FUNCTION audit_setting () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF mc_audit_on () THEN
    PERFORM mc_audit_append ('setting.' || lower (TG_OP), 'setting', NULL, NEW.key || ' = ' || NEW.value);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER audit_setting AFTER INSERT OR UPDATE ON setting FOR EACH ROW EXECUTE FUNCTION audit_setting ();

CREATE FUNCTION audit_staff () RETURNS trigger
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
      CASE WHEN OLD.password_hash IS DISTINCT FROM NEW.password_hash THEN ' đổi mật khẩu' ELSE '' END ||
      CASE WHEN NEW.failed_logins > OLD.failed_logins THEN ' đăng nhập sai lần ' || NEW.failed_logins ELSE '' END ||
      CASE WHEN NEW.locked_until IS NOT NULL AND OLD.locked_until IS DISTINCT FROM NEW.locked_until
           THEN ' tạm khóa do đăng nhập sai' ELSE '' END);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER audit_staff_insert AFTER INSERT ON staff FOR EACH ROW EXECUTE FUNCTION audit_staff ();
CREATE TRIGGER audit_staff_update AFTER UPDATE ON staff FOR EACH ROW
  WHEN (OLD.roles IS DISTINCT FROM NEW.roles OR OLD.department_id IS DISTINCT FROM NEW.department_id
        OR OLD.active IS DISTINCT FROM NEW.active OR OLD.password_hash IS DISTINCT FROM NEW.password_hash
        OR NEW.failed_logins > OLD.failed_logins OR OLD.locked_until IS DISTINCT FROM NEW.locked_until
        OR OLD.full_name IS DISTINCT FROM NEW.full_name OR OLD.title IS DISTINCT FROM NEW.title)
  EXECUTE FUNCTION audit_staff ();
