-- Motcua schema on PostgreSQL, version 31: the counts of Xử lý hồ sơ and
-- Tổng quan kept by holder, column and day of the running dossiers
-- (resources/sql/0031-open-due.sql says what they are and why). An insert
-- is counted once per statement from its transition table, as step 23 does
-- for daily_stat, so that COPY of 2,048 rows is one upsert per key and not
-- one per row; updates and deletes are counted per row. The functions are
-- SECURITY DEFINER: clients read the counts but never write them.
SET LOCAL ROLE motcua_owner;

CREATE TABLE open_due (
  unit_id       bigint NOT NULL,
  department_id bigint NOT NULL,
  staff_id      bigint NOT NULL,
  kind          integer NOT NULL,
  day           bigint NOT NULL,
  n             bigint NOT NULL,
  PRIMARY KEY (unit_id, department_id, staff_id, kind, day)
);
GRANT SELECT ON open_due TO motcua_p_signed_in;

INSERT INTO open_due (unit_id, department_id, staff_id, kind, day, n)
SELECT unit_id, department_id, staff_id, kind, day, count (*)
FROM (SELECT coalesce (unit_id, 0) AS unit_id, coalesce (current_department_id, 0) AS department_id,
             coalesce (current_staff_id, 0) AS staff_id, 0 AS kind, (due_at + 25200) / 86400 AS day
      FROM dossier WHERE state IN ('received', 'processing', 'paused', 'sent_external')
                     AND paused_since IS NULL AND extended_due_at IS NULL AND finished_at IS NULL
      UNION ALL
      SELECT coalesce (unit_id, 0), coalesce (current_department_id, 0), coalesce (current_staff_id, 0), 1,
             (step_due_at + 25200) / 86400
      FROM dossier WHERE state IN ('received', 'processing', 'paused', 'sent_external')
                     AND paused_since IS NULL AND extended_due_at IS NULL AND finished_at IS NULL
                     AND step_due_at IS NOT NULL) AS running
GROUP BY unit_id, department_id, staff_id, kind, day;

CREATE FUNCTION open_due_inserted () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  INSERT INTO open_due AS o (unit_id, department_id, staff_id, kind, day, n)
  SELECT unit_id, department_id, staff_id, kind, day, count (*)
  FROM (SELECT coalesce (unit_id, 0) AS unit_id, coalesce (current_department_id, 0) AS department_id,
               coalesce (current_staff_id, 0) AS staff_id, 0 AS kind, (due_at + 25200) / 86400 AS day
        FROM new_rows WHERE state IN ('received', 'processing', 'paused', 'sent_external')
                        AND paused_since IS NULL AND extended_due_at IS NULL AND finished_at IS NULL
        UNION ALL
        SELECT coalesce (unit_id, 0), coalesce (current_department_id, 0), coalesce (current_staff_id, 0), 1,
               (step_due_at + 25200) / 86400
        FROM new_rows WHERE state IN ('received', 'processing', 'paused', 'sent_external')
                        AND paused_since IS NULL AND extended_due_at IS NULL AND finished_at IS NULL
                        AND step_due_at IS NOT NULL) AS running
  GROUP BY unit_id, department_id, staff_id, kind, day
  ON CONFLICT (unit_id, department_id, staff_id, kind, day) DO UPDATE SET n = o.n + excluded.n;
  RETURN NULL;
END
$$;

-- One dossier's part taken back (OLD) and counted (NEW), when it runs.
CREATE FUNCTION open_due_row () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.state IN ('received', 'processing', 'paused', 'sent_external')
     AND OLD.paused_since IS NULL AND OLD.extended_due_at IS NULL AND OLD.finished_at IS NULL THEN
    UPDATE open_due SET n = n - 1
    WHERE unit_id = coalesce (OLD.unit_id, 0) AND department_id = coalesce (OLD.current_department_id, 0)
          AND staff_id = coalesce (OLD.current_staff_id, 0) AND kind = 0 AND day = (OLD.due_at + 25200) / 86400;
    IF OLD.step_due_at IS NOT NULL THEN
      UPDATE open_due SET n = n - 1
      WHERE unit_id = coalesce (OLD.unit_id, 0) AND department_id = coalesce (OLD.current_department_id, 0)
          AND staff_id = coalesce (OLD.current_staff_id, 0) AND kind = 1 AND day = (OLD.step_due_at + 25200) / 86400;
    END IF;
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.state IN ('received', 'processing', 'paused', 'sent_external')
     AND NEW.paused_since IS NULL AND NEW.extended_due_at IS NULL AND NEW.finished_at IS NULL THEN
    INSERT INTO open_due AS o (unit_id, department_id, staff_id, kind, day, n)
    VALUES (coalesce (NEW.unit_id, 0), coalesce (NEW.current_department_id, 0), coalesce (NEW.current_staff_id, 0), 0, (NEW.due_at + 25200) / 86400, 1)
    ON CONFLICT (unit_id, department_id, staff_id, kind, day) DO UPDATE SET n = o.n + 1;
    IF NEW.step_due_at IS NOT NULL THEN
      INSERT INTO open_due AS o (unit_id, department_id, staff_id, kind, day, n)
      VALUES (coalesce (NEW.unit_id, 0), coalesce (NEW.current_department_id, 0), coalesce (NEW.current_staff_id, 0), 1, (NEW.step_due_at + 25200) / 86400, 1)
      ON CONFLICT (unit_id, department_id, staff_id, kind, day) DO UPDATE SET n = o.n + 1;
    END IF;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER open_due_insert AFTER INSERT ON dossier REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION open_due_inserted ();
CREATE TRIGGER open_due_delete AFTER DELETE ON dossier
  FOR EACH ROW EXECUTE FUNCTION open_due_row ();
CREATE TRIGGER open_due_update AFTER UPDATE OF state, paused_since, extended_due_at, finished_at, due_at, step_due_at,
                                             current_department_id, unit_id, current_staff_id ON dossier FOR EACH ROW
  WHEN (OLD.state IS DISTINCT FROM NEW.state OR OLD.paused_since IS DISTINCT FROM NEW.paused_since
        OR OLD.extended_due_at IS DISTINCT FROM NEW.extended_due_at OR OLD.finished_at IS DISTINCT FROM NEW.finished_at
        OR OLD.due_at IS DISTINCT FROM NEW.due_at OR OLD.step_due_at IS DISTINCT FROM NEW.step_due_at
        OR OLD.current_department_id IS DISTINCT FROM NEW.current_department_id
        OR OLD.unit_id IS DISTINCT FROM NEW.unit_id OR OLD.current_staff_id IS DISTINCT FROM NEW.current_staff_id)
  EXECUTE FUNCTION open_due_row ();

-- The indexes of the SQLite step, without its `+state` (PostgreSQL uses a
-- partial index when the query's condition implies the index's).
CREATE INDEX dossier_running_due ON dossier (due_at, current_department_id)
  WHERE state IN ('received', 'processing', 'paused', 'sent_external')
        AND paused_since IS NULL AND extended_due_at IS NULL AND finished_at IS NULL;
CREATE INDEX dossier_running_step ON dossier (step_due_at, current_department_id)
  WHERE state IN ('received', 'processing', 'paused', 'sent_external')
        AND paused_since IS NULL AND extended_due_at IS NULL AND finished_at IS NULL AND step_due_at IS NOT NULL;
CREATE INDEX dossier_open_other ON dossier (current_department_id)
  WHERE state IN ('received', 'processing', 'paused', 'sent_external')
        AND (paused_since IS NOT NULL OR extended_due_at IS NOT NULL OR finished_at IS NOT NULL);
CREATE INDEX dossier_inbox_urgent ON dossier ((coalesce (step_due_at, due_at)), id)
  WHERE state IN ('received', 'processing', 'paused', 'sent_external');
CREATE INDEX dossier_inbox_urgent_department ON dossier (current_department_id, (coalesce (step_due_at, due_at)), id)
  WHERE state IN ('received', 'processing', 'paused', 'sent_external');
