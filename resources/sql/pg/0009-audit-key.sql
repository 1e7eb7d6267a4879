-- Motcua schema on PostgreSQL, version 9: the audit chain becomes keyed
-- (resources/sql/0009-audit-key.sql): this row and every later one carry
-- HMAC-SHA256, the rows before stay SHA-256, as compute_hash () in
-- src/core/mc-audit.c. On SQLite the key is a 0600 file beside the user's
-- configuration; on a server shared by every desk it is a table only
-- motcua_owner reads, so the SECURITY DEFINER writer uses it and no client
-- (nor anyone holding a dump taken by a client) can recompute the chain
-- after an edit. `motcua audit verify` on PostgreSQL asks the server
-- (mc_audit_verify () below), which walks the chain with the same rule.
SET LOCAL ROLE motcua_owner;

-- hmac () and gen_random_bytes (); a trusted extension in PostgreSQL 15.
CREATE EXTENSION IF NOT EXISTS pgcrypto;

CREATE TABLE audit_key (
  one boolean PRIMARY KEY DEFAULT true CHECK (one),
  key bytea NOT NULL CHECK (length (key) = 32)   -- crypto_auth_hmacsha256_KEYBYTES
);
INSERT INTO audit_key (key) VALUES (gen_random_bytes (32));

-- The keyed rule: HMAC-SHA256 of the same fields, lower-case hex.
CREATE FUNCTION mc_audit_hmac (key bytea, prev text, at bigint, actor bigint, action text, kind text, oid bigint,
                               detail text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN encode (hmac (mc_audit_text (prev, at, actor, action, kind, oid, detail), key, 'sha256'), 'hex');

CREATE OR REPLACE FUNCTION mc_audit_hash (prev text, at bigint, actor bigint, action text, kind text, oid bigint,
                                          detail text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
RETURN mc_audit_hmac ((SELECT key FROM audit_key), prev, at, actor, action, kind, oid, detail);
REVOKE ALL ON FUNCTION mc_audit_hash (text, bigint, bigint, text, text, bigint, text) FROM PUBLIC;

-- Its random part makes its hash name this chain alone (the anchors file
-- tells databases apart by it).
DO $$
DECLARE
  v_at     bigint := mc_now ();
  v_detail text := 'HMAC-SHA256 ' || encode (gen_random_bytes (8), 'hex');
  v_prev   text;
  v_hash   text;
BEGIN
  -- No staff member's name on it, as on SQLite.
  PERFORM pg_advisory_xact_lock (x'4d6f746375614155'::bigint);
  v_prev := coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '');
  v_hash := mc_audit_hash (v_prev, v_at, NULL, 'audit.keyed', 'audit', NULL, v_detail);
  INSERT INTO audit_log (at, staff_id, action, object_kind, object_id, detail, prev_hash, hash)
  VALUES (v_at, NULL, 'audit.keyed', 'audit', NULL, v_detail, v_prev, v_hash);
END
$$;

-- The chain walked on the server with the rule of mc-audit.c walk_chain ():
-- each row's prev_hash is the hash before it, and its hash recomputed (SHA-256
-- before the first keyed row, HMAC from it on) is the one stored. Returns
-- the rows verified and the first bad row (0 when none).
CREATE FUNCTION mc_audit_verify (OUT n_rows bigint, OUT bad_id bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  k      bytea := (SELECT key FROM audit_key);
  keyed  bigint := (SELECT coalesce (min (id), 0) FROM audit_log WHERE action = 'audit.keyed');
  prev   text := '';
  want   text;
  r      record;
BEGIN
  n_rows := 0;
  bad_id := 0;
  FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
    IF keyed > 0 AND r.id >= keyed THEN
      want := mc_audit_hmac (k, prev, r.at, r.staff_id, r.action, r.object_kind, r.object_id, r.detail);
    ELSE
      want := encode (sha256 (mc_audit_text (prev, r.at, r.staff_id, r.action, r.object_kind, r.object_id,
                                             r.detail)), 'hex');
    END IF;
    IF r.prev_hash IS DISTINCT FROM prev OR r.hash IS DISTINCT FROM want THEN
      bad_id := r.id;
      RETURN;
    END IF;
    n_rows := n_rows + 1;
    prev := r.hash;
  END LOOP;
  -- A chain at the keyed schema without its keyed row was put back to plain
  -- SHA-256 (the only way to rewrite it without the key): -1. Rows cut off
  -- at the end are found by the anchors, as on SQLite (mc-audit-anchor.c).
  IF keyed = 0 THEN
    bad_id := -1;
  END IF;
END
$$;
REVOKE ALL ON FUNCTION mc_audit_verify () FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mc_audit_verify () TO motcua_p_audit;
