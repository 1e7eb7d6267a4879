-- Motcua schema on PostgreSQL, version 14: the number of dossiers in each
-- state, kept by a trigger in the same transaction as the change
-- (resources/sql/0014-dossier-count.sql). The trigger function is SECURITY
-- DEFINER: clients read the counts but never write them.
SET LOCAL ROLE motcua_owner;

CREATE TABLE dossier_state_count (
  state text PRIMARY KEY,
  n     bigint NOT NULL CHECK (n >= 0)
);
INSERT INTO dossier_state_count (state, n) SELECT state, count (*) FROM dossier GROUP BY state;
GRANT SELECT ON dossier_state_count TO motcua_p_signed_in;

CREATE FUNCTION dossier_count () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE dossier_state_count SET n = n - 1 WHERE state = OLD.state;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO dossier_state_count (state, n) VALUES (NEW.state, 1)
    ON CONFLICT (state) DO UPDATE SET n = dossier_state_count.n + 1;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER dossier_count_insert AFTER INSERT OR DELETE ON dossier
  FOR EACH ROW EXECUTE FUNCTION dossier_count ();
CREATE TRIGGER dossier_count_state AFTER UPDATE OF state ON dossier FOR EACH ROW
  WHEN (OLD.state IS DISTINCT FROM NEW.state) EXECUTE FUNCTION dossier_count ();
