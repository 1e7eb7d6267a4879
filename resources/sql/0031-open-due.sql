-- Motcua schema, version 31: the counts of Xử lý hồ sơ (đang xử lý, quá hạn,
-- chậm tiến độ, sắp đến hạn) and of Tổng quan without reading every open
-- dossier (issue 15: 143,963 open dossiers at 5,000,000 cost the page of all
-- departments 364 ms of processor at its first visit).
--
-- A "running" dossier is open (mc_dossier_state_open_sql ()), not paused,
-- not finished and without an apology's new appointment. Its lateness at
-- any instant T after its reception (mc-lateness.h) depends only on T and
-- two of its columns: quá hạn when T > due_at, chậm tiến độ when
-- T > step_due_at, sắp đến hạn when one of them lies between T and one
-- working day later. open_due counts them by unit, department and person
-- holding them (0: none; Tổng quan's rows), column (kind 0: due_at, kind
-- 1: step_due_at when set) and local day of that column (Vietnam time, as
-- daily_stat: (t + 25200) / 86400). Then quá hạn at T is the days before
-- T's summed, plus T's own day read from dossier_running_due below up to
-- T: the cost is the number of days and holders, not of dossiers
-- (src/core/mc-open-counts.c, mc-dashboard.c).
-- The other open dossiers (paused, with an apology, or an open state with
-- a finish time) have a clock or an appointment of their own; they are few
-- and read whole through dossier_open_other.
--
-- The triggers keep the table in the transaction that writes the dossier
-- (reception, hand-over, pause, apology, finish, return, withdrawal,
-- import, `db copy` copies the table as it is). The INSERT below builds it
-- from the dossiers; tests/test-daily-stat.c compares it with that recount
-- after every kind of write.
CREATE TABLE open_due (
  unit_id       INTEGER NOT NULL,
  department_id INTEGER NOT NULL,
  staff_id      INTEGER NOT NULL,
  kind          INTEGER NOT NULL,
  day           INTEGER NOT NULL,
  n             INTEGER NOT NULL,
  PRIMARY KEY (unit_id, department_id, staff_id, kind, day)
) WITHOUT ROWID;

INSERT INTO open_due (unit_id, department_id, staff_id, kind, day, n)
SELECT unit_id, department_id, staff_id, kind, day, count (*)
FROM (SELECT coalesce (unit_id, 0) AS unit_id, coalesce (current_department_id, 0) AS department_id,
             coalesce (current_staff_id, 0) AS staff_id, 0 AS kind, (due_at + 25200) / 86400 AS day
      FROM dossier WHERE +state IN ('received', 'processing', 'paused', 'sent_external')
                     AND paused_since IS NULL AND extended_due_at IS NULL AND finished_at IS NULL
      UNION ALL
      SELECT coalesce (unit_id, 0), coalesce (current_department_id, 0), coalesce (current_staff_id, 0), 1,
             (step_due_at + 25200) / 86400
      FROM dossier WHERE +state IN ('received', 'processing', 'paused', 'sent_external')
                     AND paused_since IS NULL AND extended_due_at IS NULL AND finished_at IS NULL
                     AND step_due_at IS NOT NULL)
GROUP BY unit_id, department_id, staff_id, kind, day;

-- A dossier's part counted (sign 1) or taken back (-1). The UPSERT's SELECT
-- needs its WHERE (SQLite's parsing rule for INSERT … SELECT … ON CONFLICT).
CREATE TRIGGER open_due_insert AFTER INSERT ON dossier
WHEN new.state IN ('received', 'processing', 'paused', 'sent_external')
     AND new.paused_since IS NULL AND new.extended_due_at IS NULL AND new.finished_at IS NULL BEGIN
  INSERT INTO open_due (unit_id, department_id, staff_id, kind, day, n)
  SELECT coalesce (new.unit_id, 0), coalesce (new.current_department_id, 0), coalesce (new.current_staff_id, 0), 0, (new.due_at + 25200) / 86400, 1 WHERE 1
  ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO open_due (unit_id, department_id, staff_id, kind, day, n)
  SELECT coalesce (new.unit_id, 0), coalesce (new.current_department_id, 0), coalesce (new.current_staff_id, 0), 1, (new.step_due_at + 25200) / 86400, 1
  WHERE new.step_due_at IS NOT NULL
  ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER open_due_delete AFTER DELETE ON dossier
WHEN old.state IN ('received', 'processing', 'paused', 'sent_external')
     AND old.paused_since IS NULL AND old.extended_due_at IS NULL AND old.finished_at IS NULL BEGIN
  UPDATE open_due SET n = n - 1
  WHERE unit_id = coalesce (old.unit_id, 0) AND department_id = coalesce (old.current_department_id, 0)
        AND staff_id = coalesce (old.current_staff_id, 0) AND kind = 0 AND day = (old.due_at + 25200) / 86400;
  UPDATE open_due SET n = n - 1
  WHERE old.step_due_at IS NOT NULL AND unit_id = coalesce (old.unit_id, 0) AND department_id = coalesce (old.current_department_id, 0)
        AND staff_id = coalesce (old.current_staff_id, 0) AND kind = 1
        AND day = (old.step_due_at + 25200) / 86400;
END;

-- An update moves the counts only when a column they depend on changed.
CREATE TRIGGER open_due_update_old AFTER UPDATE OF state, paused_since, extended_due_at, finished_at, due_at,
                                                 step_due_at, current_department_id, unit_id, current_staff_id ON dossier
WHEN old.state IN ('received', 'processing', 'paused', 'sent_external')
     AND old.paused_since IS NULL AND old.extended_due_at IS NULL AND old.finished_at IS NULL
     AND (old.state IS NOT new.state OR old.paused_since IS NOT new.paused_since
          OR old.extended_due_at IS NOT new.extended_due_at OR old.finished_at IS NOT new.finished_at
          OR old.due_at IS NOT new.due_at OR old.step_due_at IS NOT new.step_due_at
          OR old.current_department_id IS NOT new.current_department_id OR old.unit_id IS NOT new.unit_id
          OR old.current_staff_id IS NOT new.current_staff_id) BEGIN
  UPDATE open_due SET n = n - 1
  WHERE unit_id = coalesce (old.unit_id, 0) AND department_id = coalesce (old.current_department_id, 0)
        AND staff_id = coalesce (old.current_staff_id, 0) AND kind = 0 AND day = (old.due_at + 25200) / 86400;
  UPDATE open_due SET n = n - 1
  WHERE old.step_due_at IS NOT NULL AND unit_id = coalesce (old.unit_id, 0) AND department_id = coalesce (old.current_department_id, 0)
        AND staff_id = coalesce (old.current_staff_id, 0) AND kind = 1
        AND day = (old.step_due_at + 25200) / 86400;
END;

CREATE TRIGGER open_due_update_new AFTER UPDATE OF state, paused_since, extended_due_at, finished_at, due_at,
                                                 step_due_at, current_department_id, unit_id, current_staff_id ON dossier
WHEN new.state IN ('received', 'processing', 'paused', 'sent_external')
     AND new.paused_since IS NULL AND new.extended_due_at IS NULL AND new.finished_at IS NULL
     AND (old.state IS NOT new.state OR old.paused_since IS NOT new.paused_since
          OR old.extended_due_at IS NOT new.extended_due_at OR old.finished_at IS NOT new.finished_at
          OR old.due_at IS NOT new.due_at OR old.step_due_at IS NOT new.step_due_at
          OR old.current_department_id IS NOT new.current_department_id OR old.unit_id IS NOT new.unit_id
          OR old.current_staff_id IS NOT new.current_staff_id) BEGIN
  INSERT INTO open_due (unit_id, department_id, staff_id, kind, day, n)
  SELECT coalesce (new.unit_id, 0), coalesce (new.current_department_id, 0), coalesce (new.current_staff_id, 0), 0, (new.due_at + 25200) / 86400, 1 WHERE 1
  ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO open_due (unit_id, department_id, staff_id, kind, day, n)
  SELECT coalesce (new.unit_id, 0), coalesce (new.current_department_id, 0), coalesce (new.current_staff_id, 0), 1, (new.step_due_at + 25200) / 86400, 1
  WHERE new.step_due_at IS NOT NULL
  ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- The running dossiers by due time and by step due time: the part of the
-- day T falls in, and "sắp đến hạn" (the day or days up to one working day
-- after T). The WHERE is the one src/core/mc-open-counts.c writes.
CREATE INDEX dossier_running_due ON dossier (due_at, current_department_id)
  WHERE +state IN ('received', 'processing', 'paused', 'sent_external')
        AND paused_since IS NULL AND extended_due_at IS NULL AND finished_at IS NULL;
CREATE INDEX dossier_running_step ON dossier (step_due_at, current_department_id)
  WHERE +state IN ('received', 'processing', 'paused', 'sent_external')
        AND paused_since IS NULL AND extended_due_at IS NULL AND finished_at IS NULL AND step_due_at IS NOT NULL;
-- The other open dossiers, read whole.
CREATE INDEX dossier_open_other ON dossier (current_department_id)
  WHERE +state IN ('received', 'processing', 'paused', 'sent_external')
        AND (paused_since IS NOT NULL OR extended_due_at IS NOT NULL OR finished_at IS NOT NULL);
-- Xử lý hồ sơ's most urgent first (its order, mc-workflow-records.c), of
-- all departments and of one, without sorting every open dossier.
CREATE INDEX dossier_inbox_urgent ON dossier (coalesce (step_due_at, due_at), id)
  WHERE +state IN ('received', 'processing', 'paused', 'sent_external');
CREATE INDEX dossier_inbox_urgent_department ON dossier (current_department_id, coalesce (step_due_at, due_at), id)
  WHERE +state IN ('received', 'processing', 'paused', 'sent_external');
