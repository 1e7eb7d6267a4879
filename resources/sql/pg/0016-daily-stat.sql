-- Motcua schema on PostgreSQL: daily counters of Biểu 06a (4), (5), (8)–(10)
-- and of the liveboard's on-time rate by department, per unit, local day and
-- procedure (resources/sql/0016-daily-stat.sql says what each column
-- counts). Kept by SECURITY DEFINER triggers in the transaction that writes
-- the dossier row; clients read the table and never write it.
--
-- day: days since 1970-01-01 in Vietnam time (UTC+7): (t + 25200) / 86400,
-- integer division on both engines.
SET LOCAL ROLE motcua_owner;

CREATE TABLE daily_stat (
  unit_id          bigint NOT NULL,
  day              bigint NOT NULL,
  procedure_id     bigint NOT NULL,
  received_online  bigint NOT NULL DEFAULT 0,
  received_direct  bigint NOT NULL DEFAULT 0,
  settled_early    bigint NOT NULL DEFAULT 0,
  settled_on_time  bigint NOT NULL DEFAULT 0,
  settled_late     bigint NOT NULL DEFAULT 0,
  timed            bigint NOT NULL DEFAULT 0,
  timed_in_time    bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (unit_id, day, procedure_id)
);
GRANT SELECT ON daily_stat TO motcua_p_signed_in;

-- One dossier's reception counted (sign 1) or taken back (-1).
CREATE FUNCTION daily_stat_received (d dossier, sign bigint) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO daily_stat AS s (unit_id, day, procedure_id, received_online, received_direct)
  VALUES (d.unit_id, (d.received_at + 25200) / 86400, d.procedure_id,
          sign * (d.channel = 'truc_tuyen')::int, sign * (d.channel <> 'truc_tuyen')::int)
  ON CONFLICT (unit_id, day, procedure_id) DO UPDATE
    SET received_online = s.received_online + excluded.received_online,
        received_direct = s.received_direct + excluded.received_direct;
$$;

-- Its settlement, classified as mc-report.c's count_settled does under the
-- default rules; nothing for a dossier not finished.
CREATE FUNCTION daily_stat_settled (d dossier, sign bigint) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO daily_stat AS s (unit_id, day, procedure_id, settled_early, settled_on_time, settled_late, timed,
                               timed_in_time)
  SELECT d.unit_id, (d.finished_at + 25200) / 86400, d.procedure_id,
         sign * (r AND d.timeliness IS NOT DISTINCT FROM 'early')::int,
         sign * (NOT (r AND (d.timeliness IS NOT DISTINCT FROM 'early' OR d.timeliness IS NOT DISTINCT FROM 'late')))::int,
         sign * (r AND d.timeliness IS NOT DISTINCT FROM 'late')::int,
         sign * (d.timeliness IS NOT NULL)::int,
         sign * (d.timeliness IS NOT DISTINCT FROM 'early' OR d.timeliness IS NOT DISTINCT FROM 'on_time')::int
  FROM (SELECT coalesce (d.outcome, 'approved') = 'approved' AS r) AS with_result
  WHERE d.finished_at IS NOT NULL
  ON CONFLICT (unit_id, day, procedure_id) DO UPDATE
    SET settled_early = s.settled_early + excluded.settled_early,
        settled_on_time = s.settled_on_time + excluded.settled_on_time,
        settled_late = s.settled_late + excluded.settled_late,
        timed = s.timed + excluded.timed, timed_in_time = s.timed_in_time + excluded.timed_in_time;
$$;

CREATE FUNCTION daily_stat_row () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM daily_stat_received (NEW, 1);
    PERFORM daily_stat_settled (NEW, 1);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM daily_stat_received (OLD, -1);
    PERFORM daily_stat_settled (OLD, -1);
  ELSE
    -- An update moves a dossier's counts only when a column they depend on
    -- changed: most transitions (a hand-over, a pause) touch none of them.
    IF OLD.unit_id IS DISTINCT FROM NEW.unit_id OR OLD.procedure_id IS DISTINCT FROM NEW.procedure_id
       OR OLD.channel IS DISTINCT FROM NEW.channel OR OLD.received_at IS DISTINCT FROM NEW.received_at THEN
      PERFORM daily_stat_received (OLD, -1);
      PERFORM daily_stat_received (NEW, 1);
    END IF;
    IF OLD.unit_id IS DISTINCT FROM NEW.unit_id OR OLD.procedure_id IS DISTINCT FROM NEW.procedure_id
       OR OLD.finished_at IS DISTINCT FROM NEW.finished_at OR OLD.outcome IS DISTINCT FROM NEW.outcome
       OR OLD.timeliness IS DISTINCT FROM NEW.timeliness THEN
      PERFORM daily_stat_settled (OLD, -1);
      PERFORM daily_stat_settled (NEW, 1);
    END IF;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER daily_stat_insert AFTER INSERT OR DELETE ON dossier
  FOR EACH ROW EXECUTE FUNCTION daily_stat_row ();
CREATE TRIGGER daily_stat_update AFTER UPDATE OF unit_id, procedure_id, channel, received_at, finished_at, outcome,
  timeliness ON dossier FOR EACH ROW EXECUTE FUNCTION daily_stat_row ();

-- The counts of the dossiers already there.
INSERT INTO daily_stat
SELECT unit_id, day, procedure_id, sum (ro), sum (rd), sum (se), sum (so), sum (sl), sum (t), sum (ti)
FROM (SELECT unit_id, (received_at + 25200) / 86400 AS day, procedure_id,
             (channel = 'truc_tuyen')::int AS ro, (channel <> 'truc_tuyen')::int AS rd,
             0 AS se, 0 AS so, 0 AS sl, 0 AS t, 0 AS ti
      FROM dossier
      UNION ALL
      SELECT unit_id, (finished_at + 25200) / 86400, procedure_id, 0, 0,
             (r AND timeliness IS NOT DISTINCT FROM 'early')::int,
             (NOT (r AND (timeliness IS NOT DISTINCT FROM 'early' OR timeliness IS NOT DISTINCT FROM 'late')))::int,
             (r AND timeliness IS NOT DISTINCT FROM 'late')::int,
             (timeliness IS NOT NULL)::int,
             (timeliness IS NOT DISTINCT FROM 'early' OR timeliness IS NOT DISTINCT FROM 'on_time')::int
      FROM (SELECT *, coalesce (outcome, 'approved') = 'approved' AS r FROM dossier WHERE finished_at IS NOT NULL) f)
  AS counts
GROUP BY unit_id, day, procedure_id;

-- The results waiting at the counter, the newest first, a page at a time.
CREATE INDEX dossier_waiting ON dossier (finished_at, id) WHERE finished_at IS NOT NULL AND returned_at IS NULL;

-- The dossiers open now, with extended_due_at so the index covers quá hạn.
DROP INDEX dossier_report_open;
CREATE INDEX dossier_report_open ON dossier (unit_id, procedure_id, received_at, due_at, extended_due_at, paused_since,
                                             finished_at) WHERE finished_at IS NULL;

-- The lobby board and kiosks (motcua_board) read no table that holds a
-- person: they read the catalog, the calendar, the ticker and the daily
-- counters, and dossiers only through the two views below, which carry no ID
-- number, phone, address or birth date, and the applicant's name masked as
-- mc_privacy_mask_name () masks it (src/core/mc-privacy.c: Nghị định
-- 13/2023/NĐ-CP; DESIGN.md §6). Views run with their owner's rights, so the
-- board needs no right on dossier itself.
CREATE FUNCTION mc_mask_name (name text) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  normal text := btrim (normalize (name, NFC));
  raw    text;
  word   text;
  ch     text;
  words  text[] := '{}';
  n      int;
  kept   int := 0;
  result text := '';
BEGIN
  IF normal IS NULL OR normal = '' THEN
    RETURN '';
  END IF;
  -- An organisation's name is public (mc-privacy.c organisation_prefixes).
  IF mc_fold (normal) ~ ('^(?:(?:cong ty|cty|tong cong ty|tap doan|doanh nghiep|dntn|hop tac xa|htx|'
                          'lien hiep hop tac xa|chi nhanh|van phong dai dien|van phong cong chung|ngan hang|'
                          'benh vien|tram y te|truong mam non|truong tieu hoc|truong trung hoc|truong thcs|'
                          'truong thpt|truong dai hoc|truong cao dang|uy ban|ubnd|hoi dong|chi hoi|to chuc|'
                          'trung tam|co so|nha tho|giao xu|ban quan ly|ban dai dien|dang uy|cong doan|'
                          'doan thanh nien|hiep hoi|cua hang|xi nghiep|nha may)(?: |$)|hoi |quy |chua )') THEN
    RETURN normal;
  END IF;
  -- The letters of each word (a letter: what folds to a-z).
  FOREACH raw IN ARRAY regexp_split_to_array (normal, '\s+') LOOP
    word := '';
    FOREACH ch IN ARRAY regexp_split_to_array (raw, '') LOOP
      IF mc_fold (ch) ~ '^[a-z]$' THEN
        word := word || ch;
      END IF;
    END LOOP;
    IF word <> '' THEN
      words := words || word;
    END IF;
  END LOOP;
  n := coalesce (array_length (words, 1), 0);
  IF n = 0 THEN
    RETURN '';
  END IF;
  -- A household keeps its kind ("Hộ kinh doanh"), "Ông"/"Bà" their title.
  FOR k IN REVERSE least (n - 1, 3)..1 LOOP
    IF mc_fold (array_to_string (words[1:k], ' ')) IN ('ho kinh doanh', 'ho gia dinh') THEN
      kept := k;
      EXIT;
    END IF;
  END LOOP;
  IF kept = 0 AND n >= 3 AND lower (words[1] COLLATE "und-x-icu") IN ('ông', 'bà') THEN
    kept := 1;
  END IF;
  IF kept > 0 THEN
    result := array_to_string (words[1:kept], ' ');
  END IF;
  -- The family name and the initials of the rest; a single word is a given
  -- name, so only its initial.
  FOR i IN kept + 1..n LOOP
    IF result <> '' THEN
      result := result || ' ';
    END IF;
    IF i = kept + 1 AND n - kept > 1 THEN
      word := lower (words[i] COLLATE "und-x-icu");
      result := result || upper (left (word, 1) COLLATE "und-x-icu") || substr (word, 2);
    ELSE
      result := result || upper (left (words[i], 1) COLLATE "und-x-icu") || '.';
    END IF;
  END LOOP;
  RETURN result;
END
$$;

-- The results waiting at the counter, as the board lists them.
CREATE VIEW board_waiting AS
  SELECT d.id, d.code, mc_mask_name (d.applicant_name) AS applicant_masked, d.procedure_id, p.name AS procedure_name,
         d.unit_id, d.state, d.finished_at
  FROM dossier d JOIN procedure p ON p.id = d.procedure_id
  WHERE d.finished_at IS NOT NULL AND d.returned_at IS NULL;

-- The columns of Biểu 06a and of the board's figures, without a person.
CREATE VIEW board_dossier AS
  SELECT id, unit_id, procedure_id, channel, state, received_at, due_at, extended_due_at, paused_since,
         paused_minutes, finished_at, returned_at, outcome, timeliness, current_department_id
  FROM dossier;

GRANT SELECT ON board_waiting, board_dossier, daily_stat, dossier_state_count, unit, department, field, procedure,
  procedure_step, unit_procedure, calendar_day, announcement, setting, schema_version TO motcua_board;
-- Staff see the masked list too (the board preview in the application).
GRANT SELECT ON board_waiting, board_dossier TO motcua_p_signed_in;
