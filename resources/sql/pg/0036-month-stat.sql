-- Motcua schema on PostgreSQL, version 36: Biểu 06a's daily counters summed
-- by month (resources/sql/0036-month-stat.sql says why and what each row
-- is). month: the day number of the first day of the month, as daily_stat's
-- day (days since 1970-01-01, Vietnam time). Kept by a SECURITY DEFINER row
-- trigger on daily_stat, so in the transaction that changes it (the dossier
-- triggers of steps 16 and 23, an import's statement-level upsert included:
-- ON CONFLICT DO UPDATE fires the row's UPDATE trigger); clients read the
-- table and never write it.
SET LOCAL ROLE motcua_owner;

CREATE TABLE month_stat (
  unit_id          bigint NOT NULL,
  month            bigint NOT NULL,
  procedure_id     bigint NOT NULL,
  received_online  bigint NOT NULL DEFAULT 0,
  received_direct  bigint NOT NULL DEFAULT 0,
  settled_early    bigint NOT NULL DEFAULT 0,
  settled_on_time  bigint NOT NULL DEFAULT 0,
  settled_late     bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (unit_id, month, procedure_id)
);
-- Read where daily_stat is read: by everyone signed in and by the lobby
-- board (its 06a figures, 0016).
GRANT SELECT ON month_stat TO motcua_p_signed_in, motcua_board;

-- The first day of day's month, as a day number.
CREATE FUNCTION mc_month_of (day bigint) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (date_trunc ('month', DATE '1970-01-01' + day::int)::date - DATE '1970-01-01')::bigint;
$$;

INSERT INTO month_stat (unit_id, month, procedure_id, received_online, received_direct, settled_early,
                        settled_on_time, settled_late)
SELECT unit_id, mc_month_of (day), procedure_id, sum (received_online), sum (received_direct), sum (settled_early),
       sum (settled_on_time), sum (settled_late)
FROM daily_stat GROUP BY 1, 2, 3;

-- sign × a daily row added to its month.
CREATE FUNCTION month_stat_add (r daily_stat, sign bigint) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO month_stat AS m (unit_id, month, procedure_id, received_online, received_direct, settled_early,
                               settled_on_time, settled_late)
  VALUES (r.unit_id, mc_month_of (r.day), r.procedure_id, sign * r.received_online, sign * r.received_direct,
          sign * r.settled_early, sign * r.settled_on_time, sign * r.settled_late)
  ON CONFLICT (unit_id, month, procedure_id) DO UPDATE
    SET received_online = m.received_online + excluded.received_online,
        received_direct = m.received_direct + excluded.received_direct,
        settled_early = m.settled_early + excluded.settled_early,
        settled_on_time = m.settled_on_time + excluded.settled_on_time,
        settled_late = m.settled_late + excluded.settled_late;
$$;

-- An update whose key stays (always, from the program) adds its difference
-- in one upsert; otherwise the old row leaves its month and the new enters.
CREATE FUNCTION month_stat_row () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (NEW.unit_id, NEW.day, NEW.procedure_id) = (OLD.unit_id, OLD.day, OLD.procedure_id) THEN
    IF (NEW.received_online, NEW.received_direct, NEW.settled_early, NEW.settled_on_time, NEW.settled_late)
       IS DISTINCT FROM (OLD.received_online, OLD.received_direct, OLD.settled_early, OLD.settled_on_time,
                         OLD.settled_late) THEN
      INSERT INTO month_stat AS m (unit_id, month, procedure_id, received_online, received_direct, settled_early,
                                   settled_on_time, settled_late)
      VALUES (NEW.unit_id, mc_month_of (NEW.day), NEW.procedure_id, NEW.received_online - OLD.received_online,
              NEW.received_direct - OLD.received_direct, NEW.settled_early - OLD.settled_early,
              NEW.settled_on_time - OLD.settled_on_time, NEW.settled_late - OLD.settled_late)
      ON CONFLICT (unit_id, month, procedure_id) DO UPDATE
        SET received_online = m.received_online + excluded.received_online,
            received_direct = m.received_direct + excluded.received_direct,
            settled_early = m.settled_early + excluded.settled_early,
            settled_on_time = m.settled_on_time + excluded.settled_on_time,
            settled_late = m.settled_late + excluded.settled_late;
    END IF;
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM month_stat_add (OLD, -1);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    PERFORM month_stat_add (NEW, 1);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER month_stat_row AFTER INSERT OR UPDATE OR DELETE ON daily_stat
  FOR EACH ROW EXECUTE FUNCTION month_stat_row ();

-- The table made again from daily_stat (mc_report_month_stat_rebuild): only
-- the owner writes it, so an administrator asks this function.
CREATE FUNCTION mc_month_stat_rebuild () RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  DELETE FROM month_stat;
  INSERT INTO month_stat (unit_id, month, procedure_id, received_online, received_direct, settled_early,
                          settled_on_time, settled_late)
  SELECT unit_id, mc_month_of (day), procedure_id, sum (received_online), sum (received_direct),
         sum (settled_early), sum (settled_on_time), sum (settled_late)
  FROM daily_stat GROUP BY 1, 2, 3;
$$;
REVOKE ALL ON FUNCTION mc_month_stat_rebuild () FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mc_month_stat_rebuild () TO motcua_quan_tri;
