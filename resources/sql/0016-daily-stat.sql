-- Motcua schema: daily counters of Biểu 06a (4), (5), (8)–(10) and of the
-- liveboard's on-time rate by department, per unit, local day and procedure.
-- The triggers below keep them in the transaction that writes the dossier
-- row (reception, settlement, return, withdrawal, import, a correction), so
-- a year's figures are a sum over ≤ 366 rows per procedure instead of an
-- index range over every dossier (src/core/mc-report.c, mc-board-stats.c).
--
-- day: the McDate of the instant, days since 1970-01-01 in Vietnam time
-- (UTC+7, mc_time_get_date): (t + 25200) / 86400.
-- received_*: dossiers received that day, by channel ((4) online, (5) the
-- rest). settled_*: dossiers finished that day, classified as
-- mc-report.c's count_settled does under the default rules: (8) early and
-- (10) late are the timeliness of a dossier with a result (outcome NULL or
-- 'approved'), (9) on time is every other finished dossier. timed and
-- timed_in_time: finished that day with a timeliness, and early or on time
-- among them (the department rate of mc-board-stats.c).
CREATE TABLE daily_stat (
  unit_id          INTEGER NOT NULL,
  day              INTEGER NOT NULL,
  procedure_id     INTEGER NOT NULL,
  received_online  INTEGER NOT NULL DEFAULT 0,
  received_direct  INTEGER NOT NULL DEFAULT 0,
  settled_early    INTEGER NOT NULL DEFAULT 0,
  settled_on_time  INTEGER NOT NULL DEFAULT 0,
  settled_late     INTEGER NOT NULL DEFAULT 0,
  timed            INTEGER NOT NULL DEFAULT 0,
  timed_in_time    INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (unit_id, day, procedure_id)
) WITHOUT ROWID;

INSERT INTO daily_stat
SELECT unit_id, day, procedure_id, sum (ro), sum (rd), sum (se), sum (so), sum (sl), sum (t), sum (ti)
FROM (SELECT unit_id, (received_at + 25200) / 86400 AS day, procedure_id,
             channel = 'truc_tuyen' AS ro, channel <> 'truc_tuyen' AS rd,
             0 AS se, 0 AS so, 0 AS sl, 0 AS t, 0 AS ti
      FROM dossier
      UNION ALL
      SELECT unit_id, (finished_at + 25200) / 86400, procedure_id, 0, 0,
             coalesce (outcome, 'approved') = 'approved' AND timeliness IS 'early',
             NOT (coalesce (outcome, 'approved') = 'approved' AND (timeliness IS 'early' OR timeliness IS 'late')),
             coalesce (outcome, 'approved') = 'approved' AND timeliness IS 'late',
             timeliness IS NOT NULL, (timeliness IS 'early' OR timeliness IS 'on_time')
      FROM dossier WHERE finished_at IS NOT NULL)
GROUP BY unit_id, day, procedure_id;

-- One dossier's reception counted (sign 1) or taken back (-1), and the same
-- for its settlement; the UPSERT's SELECT needs its WHERE (SQLite's parsing
-- rule for INSERT … SELECT … ON CONFLICT).
CREATE TRIGGER daily_stat_insert AFTER INSERT ON dossier BEGIN
  INSERT INTO daily_stat (unit_id, day, procedure_id, received_online, received_direct)
  SELECT new.unit_id, (new.received_at + 25200) / 86400, new.procedure_id,
         new.channel = 'truc_tuyen', new.channel <> 'truc_tuyen' WHERE 1
  ON CONFLICT DO UPDATE SET received_online = received_online + excluded.received_online,
                            received_direct = received_direct + excluded.received_direct;
  INSERT INTO daily_stat (unit_id, day, procedure_id, settled_early, settled_on_time, settled_late, timed, timed_in_time)
  SELECT new.unit_id, (new.finished_at + 25200) / 86400, new.procedure_id,
         coalesce (new.outcome, 'approved') = 'approved' AND new.timeliness IS 'early',
         NOT (coalesce (new.outcome, 'approved') = 'approved' AND (new.timeliness IS 'early' OR new.timeliness IS 'late')),
         coalesce (new.outcome, 'approved') = 'approved' AND new.timeliness IS 'late',
         new.timeliness IS NOT NULL, (new.timeliness IS 'early' OR new.timeliness IS 'on_time')
  WHERE new.finished_at IS NOT NULL
  ON CONFLICT DO UPDATE SET settled_early = settled_early + excluded.settled_early,
                            settled_on_time = settled_on_time + excluded.settled_on_time,
                            settled_late = settled_late + excluded.settled_late,
                            timed = timed + excluded.timed, timed_in_time = timed_in_time + excluded.timed_in_time;
END;

CREATE TRIGGER daily_stat_delete AFTER DELETE ON dossier BEGIN
  INSERT INTO daily_stat (unit_id, day, procedure_id, received_online, received_direct)
  SELECT old.unit_id, (old.received_at + 25200) / 86400, old.procedure_id,
         -(old.channel = 'truc_tuyen'), -(old.channel <> 'truc_tuyen') WHERE 1
  ON CONFLICT DO UPDATE SET received_online = received_online + excluded.received_online,
                            received_direct = received_direct + excluded.received_direct;
  INSERT INTO daily_stat (unit_id, day, procedure_id, settled_early, settled_on_time, settled_late, timed, timed_in_time)
  SELECT old.unit_id, (old.finished_at + 25200) / 86400, old.procedure_id,
         -(coalesce (old.outcome, 'approved') = 'approved' AND old.timeliness IS 'early'),
         -(NOT (coalesce (old.outcome, 'approved') = 'approved' AND (old.timeliness IS 'early' OR old.timeliness IS 'late'))),
         -(coalesce (old.outcome, 'approved') = 'approved' AND old.timeliness IS 'late'),
         -(old.timeliness IS NOT NULL), -((old.timeliness IS 'early' OR old.timeliness IS 'on_time'))
  WHERE old.finished_at IS NOT NULL
  ON CONFLICT DO UPDATE SET settled_early = settled_early + excluded.settled_early,
                            settled_on_time = settled_on_time + excluded.settled_on_time,
                            settled_late = settled_late + excluded.settled_late,
                            timed = timed + excluded.timed, timed_in_time = timed_in_time + excluded.timed_in_time;
END;

-- An update moves a dossier's counts only when a column they depend on
-- changed: most transitions (a hand-over, a pause) touch none of them.
CREATE TRIGGER daily_stat_update_received AFTER UPDATE OF unit_id, procedure_id, channel, received_at ON dossier
WHEN old.unit_id IS NOT new.unit_id OR old.procedure_id IS NOT new.procedure_id
     OR old.channel IS NOT new.channel OR old.received_at IS NOT new.received_at BEGIN
  INSERT INTO daily_stat (unit_id, day, procedure_id, received_online, received_direct)
  SELECT old.unit_id, (old.received_at + 25200) / 86400, old.procedure_id,
         -(old.channel = 'truc_tuyen'), -(old.channel <> 'truc_tuyen') WHERE 1
  ON CONFLICT DO UPDATE SET received_online = received_online + excluded.received_online,
                            received_direct = received_direct + excluded.received_direct;
  INSERT INTO daily_stat (unit_id, day, procedure_id, received_online, received_direct)
  SELECT new.unit_id, (new.received_at + 25200) / 86400, new.procedure_id,
         new.channel = 'truc_tuyen', new.channel <> 'truc_tuyen' WHERE 1
  ON CONFLICT DO UPDATE SET received_online = received_online + excluded.received_online,
                            received_direct = received_direct + excluded.received_direct;
END;

CREATE TRIGGER daily_stat_update_settled AFTER UPDATE OF unit_id, procedure_id, finished_at, outcome, timeliness ON dossier
WHEN old.unit_id IS NOT new.unit_id OR old.procedure_id IS NOT new.procedure_id
     OR old.finished_at IS NOT new.finished_at OR old.outcome IS NOT new.outcome
     OR old.timeliness IS NOT new.timeliness BEGIN
  INSERT INTO daily_stat (unit_id, day, procedure_id, settled_early, settled_on_time, settled_late, timed, timed_in_time)
  SELECT old.unit_id, (old.finished_at + 25200) / 86400, old.procedure_id,
         -(coalesce (old.outcome, 'approved') = 'approved' AND old.timeliness IS 'early'),
         -(NOT (coalesce (old.outcome, 'approved') = 'approved' AND (old.timeliness IS 'early' OR old.timeliness IS 'late'))),
         -(coalesce (old.outcome, 'approved') = 'approved' AND old.timeliness IS 'late'),
         -(old.timeliness IS NOT NULL), -((old.timeliness IS 'early' OR old.timeliness IS 'on_time'))
  WHERE old.finished_at IS NOT NULL
  ON CONFLICT DO UPDATE SET settled_early = settled_early + excluded.settled_early,
                            settled_on_time = settled_on_time + excluded.settled_on_time,
                            settled_late = settled_late + excluded.settled_late,
                            timed = timed + excluded.timed, timed_in_time = timed_in_time + excluded.timed_in_time;
  INSERT INTO daily_stat (unit_id, day, procedure_id, settled_early, settled_on_time, settled_late, timed, timed_in_time)
  SELECT new.unit_id, (new.finished_at + 25200) / 86400, new.procedure_id,
         coalesce (new.outcome, 'approved') = 'approved' AND new.timeliness IS 'early',
         NOT (coalesce (new.outcome, 'approved') = 'approved' AND (new.timeliness IS 'early' OR new.timeliness IS 'late')),
         coalesce (new.outcome, 'approved') = 'approved' AND new.timeliness IS 'late',
         new.timeliness IS NOT NULL, (new.timeliness IS 'early' OR new.timeliness IS 'on_time')
  WHERE new.finished_at IS NOT NULL
  ON CONFLICT DO UPDATE SET settled_early = settled_early + excluded.settled_early,
                            settled_on_time = settled_on_time + excluded.settled_on_time,
                            settled_late = settled_late + excluded.settled_late,
                            timed = timed + excluded.timed, timed_in_time = timed_in_time + excluded.timed_in_time;
END;

-- The results waiting at the counter (the liveboard's first page, the Trả
-- kết quả page): the newest first, a page at a time, and their number
-- counted from this index alone.
CREATE INDEX dossier_waiting ON dossier (finished_at, id) WHERE finished_at IS NOT NULL AND returned_at IS NULL;

-- The dossiers open now (06a (11)–(13), the board's "đang giải quyết" and
-- "đang quá hạn", at every reload): with extended_due_at the index covers the
-- quá hạn condition (mc-lateness.h) except for the few with an apology, so
-- the rows themselves are not read (28,726 open of 1,000,000: 25 ms → a few).
DROP INDEX dossier_report_open;
CREATE INDEX dossier_report_open ON dossier (unit_id, procedure_id, received_at, due_at, extended_due_at, paused_since,
                                             finished_at) WHERE finished_at IS NULL;
