-- Motcua schema on PostgreSQL, version 37: desks that write at once do not
-- queue on the rows every transaction updates (issue 17 item 6: reception
-- p95 with 8 desks). Sampled under bench/pg-load, the desks' backends waited
-- on two things every transaction holds from its first write to its commit,
-- round trips to the client included:
--
-- 1. the trail's chain lock (mc_audit_append, step 5: one writer of the
--    chain at a time), taken by the row triggers on dossier and
--    dossier_event at the first audited change. Those triggers are now
--    constraint triggers DEFERRABLE INITIALLY DEFERRED: they run at COMMIT,
--    one after another in the order of the changes, so the lock is held
--    from the commit's start to its end only, on the server, with no round
--    trip to a desk inside it. The trail's triggers of the other rows a
--    dossier's step adds (apology, refusal, rating) are deferred alike, so
--    that no transaction takes the chain lock before a row another one
--    holds while waiting for the lock itself (a deadlock). The rows and their chain are the same; a row's
--    time is its commit's second instead of its statement's. The WHEN
--    condition (mc_audit_on (), step 23) is still evaluated at the change,
--    which PostgreSQL does for constraint triggers, so bulk mode queues
--    nothing.
-- 2. dossier_state_count's row of a state (step 14): every reception adds 1
--    to 'received', every transfer takes 1 from it. The counts are now kept
--    in 16 rows per state, one per slot (the server process's id modulo 16):
--    two sessions share a row only if their slots meet, and a slot's count
--    may be negative (a dossier received in one slot and moved on in
--    another); the readers already sum (src/core/mc-dossier-list.c).
SET LOCAL ROLE motcua_owner;

ALTER TABLE dossier_state_count DROP CONSTRAINT dossier_state_count_pkey,
  DROP CONSTRAINT dossier_state_count_n_check,
  ADD COLUMN slot smallint NOT NULL DEFAULT 0,
  ADD PRIMARY KEY (state, slot);

-- This session's counter row: the same for all its statements.
CREATE FUNCTION mc_counter_slot () RETURNS smallint
LANGUAGE sql STABLE PARALLEL SAFE
RETURN (pg_backend_pid () % 16)::smallint;

CREATE OR REPLACE FUNCTION dossier_count () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO dossier_state_count AS c (state, slot, n) VALUES (OLD.state, mc_counter_slot (), -1)
    ON CONFLICT (state, slot) DO UPDATE SET n = c.n - 1;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO dossier_state_count AS c (state, slot, n) VALUES (NEW.state, mc_counter_slot (), 1)
    ON CONFLICT (state, slot) DO UPDATE SET n = c.n + 1;
  END IF;
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION dossier_count_inserted () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  INSERT INTO dossier_state_count AS c (state, slot, n)
  SELECT state, mc_counter_slot (), count (*) FROM new_rows GROUP BY state
  ON CONFLICT (state, slot) DO UPDATE SET n = c.n + excluded.n;
  RETURN NULL;
END
$$;

DROP TRIGGER audit_dossier ON dossier;
CREATE CONSTRAINT TRIGGER audit_dossier AFTER INSERT OR UPDATE OR DELETE ON dossier
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (mc_audit_on ()) EXECUTE FUNCTION audit_dossier ();
DROP TRIGGER audit_dossier_event_insert ON dossier_event;
CREATE CONSTRAINT TRIGGER audit_dossier_event_insert AFTER INSERT ON dossier_event
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (mc_audit_on ()) EXECUTE FUNCTION audit_dossier_event ();
DROP TRIGGER audit_apology_insert ON apology;
CREATE CONSTRAINT TRIGGER audit_apology_insert AFTER INSERT ON apology DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION audit_apology ();
DROP TRIGGER audit_refusal_insert ON refusal;
CREATE CONSTRAINT TRIGGER audit_refusal_insert AFTER INSERT ON refusal DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION audit_refusal ();
DROP TRIGGER audit_rating_insert ON rating;
CREATE CONSTRAINT TRIGGER audit_rating_insert AFTER INSERT ON rating DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION audit_rating ();
