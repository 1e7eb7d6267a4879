-- Motcua schema, version 36: Biểu 06a's daily counters summed by month
-- (issue 17 item 6: 06a for a year ≤ 300 ms at 1,000,000 dossiers on
-- PostgreSQL). A year's (4), (5), (8)–(10) summed 134 procedures × 365 rows
-- of daily_stat (49,000 at 1M: 60–120 ms on the server at load 10); the
-- whole months of a period are now read here, 134 × 12 rows, and only the
-- days before the first whole month and after the last from daily_stat
-- (mc-report.c, count_daily).
--
-- month: the day number (days since 1970-01-01, Vietnam time, as
-- daily_stat.day) of the first day of the month. Each row is the sum of
-- daily_stat's rows of its unit, procedure and month, kept by the triggers
-- below in the transaction that changes daily_stat (itself kept by the
-- dossier triggers of step 16): every change of a daily row adds its
-- difference to its month. mc_report_month_stat_differences (src/core/
-- mc-report-counters.c) compares the table with daily_stat summed by month,
-- which tests/test-daily-stat.c asserts after every kind of write, and
-- mc_report_month_stat_rebuild makes it again from daily_stat.
CREATE TABLE month_stat (
  unit_id          INTEGER NOT NULL,
  month            INTEGER NOT NULL,
  procedure_id     INTEGER NOT NULL,
  received_online  INTEGER NOT NULL DEFAULT 0,
  received_direct  INTEGER NOT NULL DEFAULT 0,
  settled_early    INTEGER NOT NULL DEFAULT 0,
  settled_on_time  INTEGER NOT NULL DEFAULT 0,
  settled_late     INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (unit_id, month, procedure_id)
) WITHOUT ROWID;

INSERT INTO month_stat (unit_id, month, procedure_id, received_online, received_direct, settled_early,
                        settled_on_time, settled_late)
SELECT unit_id, CAST (julianday (day * 86400, 'unixepoch', 'start of month') - 2440587.5 AS INTEGER),
       procedure_id, sum (received_online), sum (received_direct), sum (settled_early), sum (settled_on_time),
       sum (settled_late)
FROM daily_stat GROUP BY 1, 2, 3;

CREATE TRIGGER month_stat_insert AFTER INSERT ON daily_stat BEGIN
  INSERT INTO month_stat (unit_id, month, procedure_id, received_online, received_direct, settled_early,
                          settled_on_time, settled_late)
  VALUES (NEW.unit_id, CAST (julianday (NEW.day * 86400, 'unixepoch', 'start of month') - 2440587.5 AS INTEGER),
          NEW.procedure_id, NEW.received_online, NEW.received_direct, NEW.settled_early, NEW.settled_on_time,
          NEW.settled_late)
  ON CONFLICT (unit_id, month, procedure_id) DO UPDATE
    SET received_online = received_online + excluded.received_online,
        received_direct = received_direct + excluded.received_direct,
        settled_early = settled_early + excluded.settled_early,
        settled_on_time = settled_on_time + excluded.settled_on_time,
        settled_late = settled_late + excluded.settled_late;
END;

-- An update (the dossier triggers' upserts): the difference, in one row
-- when the key stays (always, from the program), else out of the old month
-- and into the new.
CREATE TRIGGER month_stat_update AFTER UPDATE OF received_online, received_direct, settled_early, settled_on_time,
  settled_late ON daily_stat
WHEN NEW.unit_id = OLD.unit_id AND NEW.day = OLD.day AND NEW.procedure_id = OLD.procedure_id BEGIN
  INSERT INTO month_stat (unit_id, month, procedure_id, received_online, received_direct, settled_early,
                          settled_on_time, settled_late)
  VALUES (NEW.unit_id, CAST (julianday (NEW.day * 86400, 'unixepoch', 'start of month') - 2440587.5 AS INTEGER),
          NEW.procedure_id, NEW.received_online - OLD.received_online, NEW.received_direct - OLD.received_direct,
          NEW.settled_early - OLD.settled_early, NEW.settled_on_time - OLD.settled_on_time,
          NEW.settled_late - OLD.settled_late)
  ON CONFLICT (unit_id, month, procedure_id) DO UPDATE
    SET received_online = received_online + excluded.received_online,
        received_direct = received_direct + excluded.received_direct,
        settled_early = settled_early + excluded.settled_early,
        settled_on_time = settled_on_time + excluded.settled_on_time,
        settled_late = settled_late + excluded.settled_late;
END;

CREATE TRIGGER month_stat_rekey AFTER UPDATE OF unit_id, day, procedure_id ON daily_stat
WHEN NEW.unit_id <> OLD.unit_id OR NEW.day <> OLD.day OR NEW.procedure_id <> OLD.procedure_id BEGIN
  INSERT INTO month_stat (unit_id, month, procedure_id, received_online, received_direct, settled_early,
                          settled_on_time, settled_late)
  VALUES (OLD.unit_id, CAST (julianday (OLD.day * 86400, 'unixepoch', 'start of month') - 2440587.5 AS INTEGER),
          OLD.procedure_id, -OLD.received_online, -OLD.received_direct, -OLD.settled_early, -OLD.settled_on_time,
          -OLD.settled_late)
  ON CONFLICT (unit_id, month, procedure_id) DO UPDATE
    SET received_online = received_online + excluded.received_online,
        received_direct = received_direct + excluded.received_direct,
        settled_early = settled_early + excluded.settled_early,
        settled_on_time = settled_on_time + excluded.settled_on_time,
        settled_late = settled_late + excluded.settled_late;
  INSERT INTO month_stat (unit_id, month, procedure_id, received_online, received_direct, settled_early,
                          settled_on_time, settled_late)
  VALUES (NEW.unit_id, CAST (julianday (NEW.day * 86400, 'unixepoch', 'start of month') - 2440587.5 AS INTEGER),
          NEW.procedure_id, NEW.received_online, NEW.received_direct, NEW.settled_early, NEW.settled_on_time,
          NEW.settled_late)
  ON CONFLICT (unit_id, month, procedure_id) DO UPDATE
    SET received_online = received_online + excluded.received_online,
        received_direct = received_direct + excluded.received_direct,
        settled_early = settled_early + excluded.settled_early,
        settled_on_time = settled_on_time + excluded.settled_on_time,
        settled_late = settled_late + excluded.settled_late;
END;

CREATE TRIGGER month_stat_delete AFTER DELETE ON daily_stat BEGIN
  INSERT INTO month_stat (unit_id, month, procedure_id, received_online, received_direct, settled_early,
                          settled_on_time, settled_late)
  VALUES (OLD.unit_id, CAST (julianday (OLD.day * 86400, 'unixepoch', 'start of month') - 2440587.5 AS INTEGER),
          OLD.procedure_id, -OLD.received_online, -OLD.received_direct, -OLD.settled_early, -OLD.settled_on_time,
          -OLD.settled_late)
  ON CONFLICT (unit_id, month, procedure_id) DO UPDATE
    SET received_online = received_online + excluded.received_online,
        received_direct = received_direct + excluded.received_direct,
        settled_early = settled_early + excluded.settled_early,
        settled_on_time = settled_on_time + excluded.settled_on_time,
        settled_late = settled_late + excluded.settled_late;
END;
