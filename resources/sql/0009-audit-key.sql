-- Motcua schema, version 9: the audit chain becomes keyed. Rows before this
-- one keep their SHA-256 hashes (still verified as they were); this row and
-- every later one carry HMAC-SHA256 with a key that is not in the database
-- (mc_audit_load_key: a 0600 file in the user's configuration folder), so
-- someone who holds only the file can no longer recompute the chain after an
-- edit or forge a row. `motcua audit verify` requires this row once the
-- schema has reached version 9: a chain put back to plain SHA-256 is found.
-- Its random part makes its hash name this chain alone (the anchors file
-- tells databases apart by it), even for two made in the same second.
INSERT INTO audit_log (at, staff_id, action, object_kind, object_id, detail, prev_hash, hash)
SELECT a.at, NULL, 'audit.keyed', 'audit', NULL, a.detail, a.prev,
       mc_audit_hash (a.prev, a.at, NULL, 'audit.keyed', 'audit', NULL, a.detail)
FROM (SELECT mc_now () AS at, 'HMAC-SHA256 ' || lower (hex (randomblob (8))) AS detail,
             coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') AS prev) a;
