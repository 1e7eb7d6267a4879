-- Motcua schema, version 19: the citizen's rating of a ticket's service
-- (issue 18 item 4), given by touch on the counter display (motcua
-- counter-display) once the ticket is done: one per ticket, in the five
-- levels of satisfaction of the evaluation report (table rating's
-- satisfaction: 1 Rất không hài lòng … 5 Rất hài lòng).
-- When a dossier's result was handed to the ticket's citizen at that counter
-- (queue_link kind 'return': the result is ready, the condition of a rating
-- at the return desk), the level becomes that dossier's rating as well
-- (satisfaction only), unless the dossier was already rated at the return
-- desk: the trigger queue_rating_dossier, so that the display — an
-- unattended machine, the board's login on a server — writes only this row
-- and report 'evaluation' counts the rating. A dossier only received under
-- the ticket is not rated: its rating is the whole settlement's, given when
-- its result is returned.
CREATE TABLE queue_rating (
  id        INTEGER PRIMARY KEY,
  ticket_id INTEGER NOT NULL UNIQUE REFERENCES queue_ticket (id),
  level     INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
  rated_at  INTEGER NOT NULL
);

CREATE TRIGGER queue_rating_dossier AFTER INSERT ON queue_rating BEGIN
  INSERT INTO rating (dossier_id, rated_at, satisfaction)
  SELECT l.dossier_id, new.rated_at, new.level FROM queue_link l JOIN dossier d ON d.id = l.dossier_id
  WHERE l.ticket_id = new.ticket_id AND l.kind = 'return' AND d.finished_at IS NOT NULL
  ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER audit_queue_rating_insert AFTER INSERT ON queue_rating WHEN mc_audit_on () BEGIN
  INSERT INTO audit_log (at, staff_id, action, object_kind, object_id, detail, prev_hash, hash)
  SELECT a.at, a.actor, 'queue_rating.insert', 'queue_ticket', a.oid, a.detail, a.prev,
         mc_audit_hash (a.prev, a.at, a.actor, 'queue_rating.insert', 'queue_ticket', a.oid, a.detail)
  FROM (SELECT mc_now () AS at, mc_actor () AS actor, new.ticket_id AS oid,
               (SELECT label FROM queue_ticket WHERE id = new.ticket_id) || ': ' || CASE new.level WHEN 1 THEN 'Rất không hài lòng' WHEN 2 THEN 'Không hài lòng' WHEN 3 THEN 'Bình thường' WHEN 4 THEN 'Hài lòng' ELSE 'Rất hài lòng' END AS detail,
               coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') AS prev) a;
END;
