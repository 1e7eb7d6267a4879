-- Motcua schema on PostgreSQL, version 12: the figures of the CCHC statistics
-- appendix (Phụ lục 01b) entered per unit and period
-- (resources/sql/0012-cchc-entries.sql); written by those who report
-- (MC_PERMISSION_REPORT).
SET LOCAL ROLE motcua_owner;

CREATE TABLE cchc_entry (
  unit_id     bigint NOT NULL REFERENCES unit (id),
  period_from text NOT NULL CHECK (period_from ~ '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]$'),
  period_to   text NOT NULL CHECK (period_to ~ '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]$'),
  item        text NOT NULL CHECK (length (item) BETWEEN 1 AND 16),
  value       text NOT NULL CHECK (length (value) BETWEEN 1 AND 32),
  PRIMARY KEY (unit_id, period_from, period_to, item)
);
GRANT SELECT ON cchc_entry TO motcua_p_signed_in;
GRANT INSERT, UPDATE, DELETE ON cchc_entry TO motcua_p_report;

CREATE FUNCTION audit_cchc_entry () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF NOT mc_audit_on () THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM mc_audit_append ('cchc_entry.insert', 'cchc_entry', NEW.unit_id,
      NEW.period_from || '–' || NEW.period_to || ' ' || NEW.item || ' = ' || NEW.value);
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM mc_audit_append ('cchc_entry.update', 'cchc_entry', NEW.unit_id,
      NEW.period_from || '–' || NEW.period_to || ' ' || NEW.item || ' = ' || NEW.value || ' (trước: ' || OLD.value || ')');
  ELSE
    PERFORM mc_audit_append ('cchc_entry.delete', 'cchc_entry', OLD.unit_id,
      OLD.period_from || '–' || OLD.period_to || ' ' || OLD.item || ' (đã xóa: ' || OLD.value || ')');
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER audit_cchc_entry AFTER INSERT OR UPDATE OR DELETE ON cchc_entry
  FOR EACH ROW EXECUTE FUNCTION audit_cchc_entry ();
