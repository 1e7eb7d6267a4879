-- Motcua schema on PostgreSQL, version 15: the narrative report as a leader
-- edited it before signing (resources/sql/0015-narrative-edit.sql); written
-- by those who report (MC_PERMISSION_REPORT), audited with the text's SHA-256.
SET LOCAL ROLE motcua_owner;

CREATE TABLE narrative_edit (
  unit_id     bigint NOT NULL REFERENCES unit (id),
  period_from text NOT NULL CHECK (period_from ~ '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]$'),
  period_to   text NOT NULL CHECK (period_to ~ '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]$'),
  body        text NOT NULL CHECK (length (body) BETWEEN 1 AND 100000),
  body_sha256 text NOT NULL CHECK (length (body_sha256) = 64),
  staff_id    bigint REFERENCES staff (id),
  edited_at   bigint NOT NULL,
  PRIMARY KEY (unit_id, period_from, period_to)
);
GRANT SELECT ON narrative_edit TO motcua_p_signed_in;
GRANT INSERT, UPDATE, DELETE ON narrative_edit TO motcua_p_report;

-- length () counts characters on both engines (SQLite's on text, too).
CREATE FUNCTION audit_narrative_edit () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF NOT mc_audit_on () THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM mc_audit_append ('narrative.edit', 'narrative', NEW.unit_id,
      NEW.period_from || '–' || NEW.period_to || ' ' || length (NEW.body) || ' ký tự, SHA-256 ' || NEW.body_sha256);
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM mc_audit_append ('narrative.edit', 'narrative', NEW.unit_id,
      NEW.period_from || '–' || NEW.period_to || ' ' || length (NEW.body) || ' ký tự, SHA-256 ' || NEW.body_sha256 ||
      ' (trước: ' || OLD.body_sha256 || ')');
  ELSE
    PERFORM mc_audit_append ('narrative.restore', 'narrative', OLD.unit_id,
      OLD.period_from || '–' || OLD.period_to || ' (bỏ bản chỉnh sửa SHA-256 ' || OLD.body_sha256 || ')');
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER audit_narrative_edit AFTER INSERT OR UPDATE OR DELETE ON narrative_edit
  FOR EACH ROW EXECUTE FUNCTION audit_narrative_edit ();
