-- Motcua schema on PostgreSQL, version 23: the counters and the trail of an
-- insert of many dossiers at once (issue 17 item 6: `dossier import` through
-- COPY, 2,048 rows a statement, src/core/mc-dossier-import.c).
--
-- daily_stat (step 16) and dossier_state_count (step 14) were kept by a
-- trigger per row: an upsert of the same few rows for every dossier. Inside
-- one transaction each upsert of a row already updated there follows the
-- chain of its versions, so a chunk of 20,000 imported rows took 35 s (psql,
-- COPY of 20,000 rows, every trigger on) against 4.3 s with the user
-- triggers off. An insert is now counted once per statement, from its
-- transition table (REFERENCING NEW TABLE), grouped by the rows the
-- counters keep: the same totals (the predicates of daily_stat_received and
-- daily_stat_settled, summed), one upsert per unit, day and procedure. A
-- reception at the counter is a statement of one row and is counted as
-- before. Deletes and updates stay per row, as they were.
--
-- The trail's row triggers on dossier and dossier_event are asked only when
-- mc_audit_on () says the change is audited (a WHEN condition, evaluated
-- before any function is called): in an administrator's bulk mode (the
-- import, the demo) they wrote nothing already, but each row still entered a
-- SECURITY DEFINER function. The functions themselves still check it.
SET LOCAL ROLE motcua_owner;

CREATE FUNCTION daily_stat_inserted () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  INSERT INTO daily_stat AS s (unit_id, day, procedure_id, received_online, received_direct, settled_early,
                               settled_on_time, settled_late, timed, timed_in_time)
  SELECT unit_id, day, procedure_id, sum (ro), sum (rd), sum (se), sum (so), sum (sl), sum (t), sum (ti)
  FROM (SELECT unit_id, (received_at + 25200) / 86400 AS day, procedure_id,
               (channel = 'truc_tuyen')::int AS ro, (channel <> 'truc_tuyen')::int AS rd,
               0 AS se, 0 AS so, 0 AS sl, 0 AS t, 0 AS ti
        FROM new_rows
        UNION ALL
        SELECT unit_id, (finished_at + 25200) / 86400, procedure_id, 0, 0,
               (r AND timeliness IS NOT DISTINCT FROM 'early')::int,
               (NOT (r AND (timeliness IS NOT DISTINCT FROM 'early' OR timeliness IS NOT DISTINCT FROM 'late')))::int,
               (r AND timeliness IS NOT DISTINCT FROM 'late')::int,
               (timeliness IS NOT NULL)::int,
               (timeliness IS NOT DISTINCT FROM 'early' OR timeliness IS NOT DISTINCT FROM 'on_time')::int
        FROM (SELECT *, coalesce (outcome, 'approved') = 'approved' AS r FROM new_rows
              WHERE finished_at IS NOT NULL) f) AS counts
  GROUP BY unit_id, day, procedure_id
  ON CONFLICT (unit_id, day, procedure_id) DO UPDATE
    SET received_online = s.received_online + excluded.received_online,
        received_direct = s.received_direct + excluded.received_direct,
        settled_early = s.settled_early + excluded.settled_early,
        settled_on_time = s.settled_on_time + excluded.settled_on_time,
        settled_late = s.settled_late + excluded.settled_late,
        timed = s.timed + excluded.timed, timed_in_time = s.timed_in_time + excluded.timed_in_time;
  RETURN NULL;
END
$$;

CREATE FUNCTION dossier_count_inserted () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  INSERT INTO dossier_state_count AS c (state, n)
  SELECT state, count (*) FROM new_rows GROUP BY state
  ON CONFLICT (state) DO UPDATE SET n = c.n + excluded.n;
  RETURN NULL;
END
$$;

DROP TRIGGER daily_stat_insert ON dossier;
CREATE TRIGGER daily_stat_insert AFTER INSERT ON dossier REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION daily_stat_inserted ();
CREATE TRIGGER daily_stat_delete AFTER DELETE ON dossier
  FOR EACH ROW EXECUTE FUNCTION daily_stat_row ();

DROP TRIGGER dossier_count_insert ON dossier;
CREATE TRIGGER dossier_count_insert AFTER INSERT ON dossier REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dossier_count_inserted ();
CREATE TRIGGER dossier_count_delete AFTER DELETE ON dossier
  FOR EACH ROW EXECUTE FUNCTION dossier_count ();

DROP TRIGGER audit_dossier ON dossier;
CREATE TRIGGER audit_dossier AFTER INSERT OR UPDATE OR DELETE ON dossier
  FOR EACH ROW WHEN (mc_audit_on ()) EXECUTE FUNCTION audit_dossier ();
DROP TRIGGER audit_dossier_event_insert ON dossier_event;
CREATE TRIGGER audit_dossier_event_insert AFTER INSERT ON dossier_event
  FOR EACH ROW WHEN (mc_audit_on ()) EXECUTE FUNCTION audit_dossier_event ();
