-- Motcua schema, version 27: the queue's statistics kept by hour (issue 18:
-- a year of 1,000 tickets a day within 100 ms for the four groupings of
-- Thống kê xếp hàng; src/core/mc-queue-stats.c). One row per local day and
-- hour taken holds, for each of that hour's tickets, what the statistics
-- read of it, packed as text: "counter service state wait service_time"
-- (counter 0: never called; state its first letter; wait from taking to
-- the first call, not below 0, -1 when never called; service time from
-- the start of serving to done, not below 0, -1 unless done), the tickets
-- separated by ';'. The p90 needs every wait of a group, so sums alone
-- would not do; read by the day's rows, a year is 3,650 rows instead of
-- 365,000 (the ticket rows' own reading was three quarters of the time).
-- Kept in the transaction that writes the ticket by the triggers below: a
-- ticket taken appends its part; a ticket moved writes its hour again from
-- the day's tickets through the covering index queue_ticket_day (a day's
-- tickets, not the table). The tickets of an hour are in no order.
CREATE TABLE queue_stat_hour (
  id      INTEGER PRIMARY KEY,
  day     TEXT NOT NULL,
  hour    INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
  tickets TEXT NOT NULL DEFAULT '',
  UNIQUE (day, hour)
);

-- A ticket taken (the kiosk's write, the most frequent) adds its own part.
CREATE TRIGGER queue_stat_insert AFTER INSERT ON queue_ticket BEGIN
  INSERT INTO queue_stat_hour (day, hour, tickets)
  VALUES (new.day, (new.taken_at + 25200) / 3600 % 24,
          coalesce (new.counter_id, 0) || ' ' || new.service_id || ' ' || substr (new.state, 1, 1) || ' ' ||
          CASE WHEN new.called_at IS NULL THEN -1 ELSE max (new.called_at - new.taken_at, 0) END || ' ' ||
          CASE WHEN new.state = 'done' AND new.served_at IS NOT NULL AND new.done_at IS NOT NULL
               THEN max (new.done_at - new.served_at, 0) ELSE -1 END)
  ON CONFLICT (day, hour) DO UPDATE
    SET tickets = CASE WHEN tickets = '' THEN excluded.tickets ELSE tickets || ';' || excluded.tickets END;
END;

-- A ticket moved writes its hour again (and the hour it left, if any).
CREATE TRIGGER queue_stat_update AFTER UPDATE OF day, taken_at, state, counter_id, service_id, called_at, served_at,
  done_at ON queue_ticket BEGIN
  INSERT INTO queue_stat_hour (day, hour, tickets)
  SELECT k.day, k.hour,
         coalesce ((SELECT group_concat (coalesce (counter_id, 0) || ' ' || service_id || ' ' || substr (state, 1, 1) ||
                                         ' ' || CASE WHEN called_at IS NULL THEN -1 ELSE max (called_at - taken_at, 0) END ||
                                         ' ' || CASE WHEN state = 'done' AND served_at IS NOT NULL AND done_at IS NOT NULL
                                                     THEN max (done_at - served_at, 0) ELSE -1 END, ';')
                    FROM queue_ticket WHERE day = k.day AND (taken_at + 25200) / 3600 % 24 = k.hour), '')
  FROM (SELECT new.day AS day, (new.taken_at + 25200) / 3600 % 24 AS hour
        UNION SELECT old.day, (old.taken_at + 25200) / 3600 % 24) k
  WHERE true
  ON CONFLICT (day, hour) DO UPDATE SET tickets = excluded.tickets;
END;

CREATE TRIGGER queue_stat_delete AFTER DELETE ON queue_ticket BEGIN
  UPDATE queue_stat_hour
  SET tickets = coalesce ((SELECT group_concat (coalesce (counter_id, 0) || ' ' || service_id || ' ' ||
                                                substr (state, 1, 1) || ' ' ||
                                                CASE WHEN called_at IS NULL THEN -1 ELSE max (called_at - taken_at, 0) END ||
                                                ' ' || CASE WHEN state = 'done' AND served_at IS NOT NULL AND done_at IS NOT NULL
                                                            THEN max (done_at - served_at, 0) ELSE -1 END, ';')
                           FROM queue_ticket WHERE day = old.day AND (taken_at + 25200) / 3600 % 24 = queue_stat_hour.hour), '')
  WHERE day = old.day AND hour = (old.taken_at + 25200) / 3600 % 24;
END;

-- The tickets already there.
INSERT INTO queue_stat_hour (day, hour, tickets)
SELECT day, (taken_at + 25200) / 3600 % 24 AS h,
       group_concat (coalesce (counter_id, 0) || ' ' || service_id || ' ' || substr (state, 1, 1) || ' ' ||
                     CASE WHEN called_at IS NULL THEN -1 ELSE max (called_at - taken_at, 0) END || ' ' ||
                     CASE WHEN state = 'done' AND served_at IS NOT NULL AND done_at IS NOT NULL
                          THEN max (done_at - served_at, 0) ELSE -1 END, ';')
FROM queue_ticket GROUP BY day, h;
