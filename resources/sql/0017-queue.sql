-- Motcua schema, version 17: the queue (issue 18). The administrator's
-- ticket services (a letter or a number range each) and counters (quầy) with
-- the services each serves; tickets numbered per local day (Vietnam time)
-- and service by one row of queue_sequence updated in the write transaction
-- (BEGIN IMMEDIATE), so kiosks in several processes never give a number
-- twice or skip one; each ticket's state and times (UTC seconds); the link
-- from a dossier received or returned at a counter to the ticket served
-- there. Every change is audited by the triggers below (the ticket's own
-- moves included), and the rowid tables are seen by McDb's update hook
-- (MC_CHANGE_QUEUE), so other processes follow them.
CREATE TABLE queue_service (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL UNIQUE CHECK (length (name) BETWEEN 1 AND 120),
  prefix       TEXT NOT NULL DEFAULT '' CHECK (prefix = '' OR prefix GLOB '[A-Z]'),
  first_number INTEGER NOT NULL DEFAULT 1 CHECK (first_number BETWEEN 1 AND 99999),
  last_number  INTEGER NOT NULL DEFAULT 999 CHECK (last_number BETWEEN first_number AND 99999),
  active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

CREATE TABLE queue_counter (
  id     INTEGER PRIMARY KEY,
  number INTEGER NOT NULL UNIQUE CHECK (number BETWEEN 1 AND 999),
  name   TEXT NOT NULL CHECK (length (name) BETWEEN 1 AND 120),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

-- Which services a counter calls (a rowid table: the update hook sees it).
CREATE TABLE queue_counter_service (
  id         INTEGER PRIMARY KEY,
  counter_id INTEGER NOT NULL REFERENCES queue_counter (id) ON DELETE CASCADE,
  service_id INTEGER NOT NULL REFERENCES queue_service (id),
  UNIQUE (counter_id, service_id)
);

-- The last number given per local day and service: the one row a kiosk
-- updates inside its write transaction.
CREATE TABLE queue_sequence (
  id         INTEGER PRIMARY KEY,
  day        TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  service_id INTEGER NOT NULL REFERENCES queue_service (id),
  last_seq   INTEGER NOT NULL CHECK (last_seq >= 1),
  UNIQUE (day, service_id)
);

-- A ticket keeps the service that numbered it (issued_service_id, with seq
-- unique per day) and the service or counter it now waits for (a transfer
-- changes those, never its number or taken_at). counter_id: the counter
-- that called it, or the counter it was transferred to while waiting.
CREATE TABLE queue_ticket (
  id                INTEGER PRIMARY KEY,
  day               TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  issued_service_id INTEGER NOT NULL REFERENCES queue_service (id),
  seq               INTEGER NOT NULL CHECK (seq >= 1),
  number            INTEGER NOT NULL,
  label             TEXT NOT NULL,
  service_id        INTEGER NOT NULL REFERENCES queue_service (id),
  priority          TEXT CHECK (priority IN ('nguoi_cao_tuoi', 'nguoi_khuyet_tat', 'phu_nu_mang_thai',
                                             'lich_hen_truc_tuyen')),
  state             TEXT NOT NULL DEFAULT 'waiting'
                    CHECK (state IN ('waiting', 'called', 'serving', 'done', 'absent')),
  counter_id        INTEGER REFERENCES queue_counter (id),
  staff_id          INTEGER REFERENCES staff (id),
  taken_at          INTEGER NOT NULL,
  called_at         INTEGER,
  last_called_at    INTEGER,
  served_at         INTEGER,
  done_at           INTEGER,
  calls             INTEGER NOT NULL DEFAULT 0,
  transfers         INTEGER NOT NULL DEFAULT 0,
  UNIQUE (day, issued_service_id, seq)
);
-- The waiting line of a day (call next) and the statistics of a period,
-- read by day from the index alone (mc-queue-stats.c); a counter's current
-- ticket.
CREATE INDEX queue_ticket_day ON queue_ticket (day, state, service_id, taken_at, counter_id, called_at,
                                               served_at, done_at);
CREATE INDEX queue_ticket_counter ON queue_ticket (counter_id, day, state);

-- A dossier received or returned while its ticket was served at a counter.
CREATE TABLE queue_link (
  id         INTEGER PRIMARY KEY,
  ticket_id  INTEGER NOT NULL REFERENCES queue_ticket (id),
  dossier_id INTEGER NOT NULL REFERENCES dossier (id),
  kind       TEXT NOT NULL CHECK (kind IN ('receive', 'return')),
  at         INTEGER NOT NULL,
  UNIQUE (dossier_id, kind)
);
CREATE INDEX queue_link_ticket ON queue_link (ticket_id);

CREATE TRIGGER audit_queue_service_insert AFTER INSERT ON queue_service WHEN mc_audit_on () BEGIN
  INSERT INTO audit_log (at, staff_id, action, object_kind, object_id, detail, prev_hash, hash)
  SELECT a.at, a.actor, 'queue_service.insert', 'queue_service', a.oid, a.detail, a.prev,
         mc_audit_hash (a.prev, a.at, a.actor, 'queue_service.insert', 'queue_service', a.oid, a.detail)
  FROM (SELECT mc_now () AS at, mc_actor () AS actor, new.id AS oid,
               new.name || ' (' || CASE WHEN new.prefix = '' THEN '' ELSE new.prefix || ', ' END || new.first_number || '–' || new.last_number || CASE WHEN new.active THEN '' ELSE ', ngừng' END || ')' AS detail,
               coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') AS prev) a;
END;
CREATE TRIGGER audit_queue_service_update AFTER UPDATE ON queue_service WHEN mc_audit_on () BEGIN
  INSERT INTO audit_log (at, staff_id, action, object_kind, object_id, detail, prev_hash, hash)
  SELECT a.at, a.actor, 'queue_service.update', 'queue_service', a.oid, a.detail, a.prev,
         mc_audit_hash (a.prev, a.at, a.actor, 'queue_service.update', 'queue_service', a.oid, a.detail)
  FROM (SELECT mc_now () AS at, mc_actor () AS actor, new.id AS oid,
               new.name || ' (' || CASE WHEN new.prefix = '' THEN '' ELSE new.prefix || ', ' END || new.first_number || '–' || new.last_number || CASE WHEN new.active THEN '' ELSE ', ngừng' END || ')' AS detail,
               coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') AS prev) a;
END;
CREATE TRIGGER audit_queue_counter_insert AFTER INSERT ON queue_counter WHEN mc_audit_on () BEGIN
  INSERT INTO audit_log (at, staff_id, action, object_kind, object_id, detail, prev_hash, hash)
  SELECT a.at, a.actor, 'queue_counter.insert', 'queue_counter', a.oid, a.detail, a.prev,
         mc_audit_hash (a.prev, a.at, a.actor, 'queue_counter.insert', 'queue_counter', a.oid, a.detail)
  FROM (SELECT mc_now () AS at, mc_actor () AS actor, new.id AS oid,
               'Quầy ' || new.number || ': ' || new.name || CASE WHEN new.active THEN '' ELSE ' (ngừng)' END AS detail,
               coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') AS prev) a;
END;
CREATE TRIGGER audit_queue_counter_update AFTER UPDATE ON queue_counter WHEN mc_audit_on () BEGIN
  INSERT INTO audit_log (at, staff_id, action, object_kind, object_id, detail, prev_hash, hash)
  SELECT a.at, a.actor, 'queue_counter.update', 'queue_counter', a.oid, a.detail, a.prev,
         mc_audit_hash (a.prev, a.at, a.actor, 'queue_counter.update', 'queue_counter', a.oid, a.detail)
  FROM (SELECT mc_now () AS at, mc_actor () AS actor, new.id AS oid,
               'Quầy ' || new.number || ': ' || new.name || CASE WHEN new.active THEN '' ELSE ' (ngừng)' END AS detail,
               coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') AS prev) a;
END;
CREATE TRIGGER audit_queue_counter_delete AFTER DELETE ON queue_counter WHEN mc_audit_on () BEGIN
  INSERT INTO audit_log (at, staff_id, action, object_kind, object_id, detail, prev_hash, hash)
  SELECT a.at, a.actor, 'queue_counter.delete', 'queue_counter', a.oid, a.detail, a.prev,
         mc_audit_hash (a.prev, a.at, a.actor, 'queue_counter.delete', 'queue_counter', a.oid, a.detail)
  FROM (SELECT mc_now () AS at, mc_actor () AS actor, old.id AS oid,
               'Quầy ' || old.number || ': ' || old.name AS detail,
               coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') AS prev) a;
END;
CREATE TRIGGER audit_queue_counter_service_insert AFTER INSERT ON queue_counter_service WHEN mc_audit_on () BEGIN
  INSERT INTO audit_log (at, staff_id, action, object_kind, object_id, detail, prev_hash, hash)
  SELECT a.at, a.actor, 'queue_counter_service.insert', 'queue_counter_service', a.oid, a.detail, a.prev,
         mc_audit_hash (a.prev, a.at, a.actor, 'queue_counter_service.insert', 'queue_counter_service', a.oid, a.detail)
  FROM (SELECT mc_now () AS at, mc_actor () AS actor, new.counter_id AS oid,
               'Quầy ' || (SELECT number FROM queue_counter WHERE id = new.counter_id) || ' – ' || (SELECT name FROM queue_service WHERE id = new.service_id) AS detail,
               coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') AS prev) a;
END;
CREATE TRIGGER audit_queue_counter_service_delete AFTER DELETE ON queue_counter_service WHEN mc_audit_on () BEGIN
  INSERT INTO audit_log (at, staff_id, action, object_kind, object_id, detail, prev_hash, hash)
  SELECT a.at, a.actor, 'queue_counter_service.delete', 'queue_counter_service', a.oid, a.detail, a.prev,
         mc_audit_hash (a.prev, a.at, a.actor, 'queue_counter_service.delete', 'queue_counter_service', a.oid, a.detail)
  FROM (SELECT mc_now () AS at, mc_actor () AS actor, old.counter_id AS oid,
               'Quầy ' || (SELECT number FROM queue_counter WHERE id = old.counter_id) || ' – ' || (SELECT name FROM queue_service WHERE id = old.service_id) AS detail,
               coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') AS prev) a;
END;
CREATE TRIGGER audit_queue_ticket_insert AFTER INSERT ON queue_ticket WHEN mc_audit_on () BEGIN
  INSERT INTO audit_log (at, staff_id, action, object_kind, object_id, detail, prev_hash, hash)
  SELECT a.at, a.actor, 'queue_ticket.insert', 'queue_ticket', a.oid, a.detail, a.prev,
         mc_audit_hash (a.prev, a.at, a.actor, 'queue_ticket.insert', 'queue_ticket', a.oid, a.detail)
  FROM (SELECT mc_now () AS at, mc_actor () AS actor, new.id AS oid,
               new.label || ' – ' || (SELECT name FROM queue_service WHERE id = new.service_id) || coalesce (' (ưu tiên: ' || CASE new.priority WHEN 'nguoi_cao_tuoi' THEN 'người cao tuổi' WHEN 'nguoi_khuyet_tat' THEN 'người khuyết tật' WHEN 'phu_nu_mang_thai' THEN 'phụ nữ mang thai' WHEN 'lich_hen_truc_tuyen' THEN 'lịch hẹn trực tuyến' END || ')', '') AS detail,
               coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') AS prev) a;
END;
CREATE TRIGGER audit_queue_ticket_update AFTER UPDATE ON queue_ticket WHEN mc_audit_on () BEGIN
  INSERT INTO audit_log (at, staff_id, action, object_kind, object_id, detail, prev_hash, hash)
  SELECT a.at, a.actor, 'queue_ticket.update', 'queue_ticket', a.oid, a.detail, a.prev,
         mc_audit_hash (a.prev, a.at, a.actor, 'queue_ticket.update', 'queue_ticket', a.oid, a.detail)
  FROM (SELECT mc_now () AS at, mc_actor () AS actor, new.id AS oid,
               new.label || ': ' || CASE old.state WHEN 'waiting' THEN 'chờ gọi' WHEN 'called' THEN 'đã gọi' WHEN 'serving' THEN 'đang phục vụ' WHEN 'done' THEN 'đã xong' ELSE 'vắng mặt' END || ' → ' || CASE new.state WHEN 'waiting' THEN 'chờ gọi' WHEN 'called' THEN 'đã gọi' WHEN 'serving' THEN 'đang phục vụ' WHEN 'done' THEN 'đã xong' ELSE 'vắng mặt' END || coalesce (', quầy ' || (SELECT number FROM queue_counter WHERE id = new.counter_id), '') || CASE WHEN new.service_id <> old.service_id THEN ', dịch vụ ' || (SELECT name FROM queue_service WHERE id = new.service_id) ELSE '' END AS detail,
               coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') AS prev) a;
END;
CREATE TRIGGER audit_queue_link_insert AFTER INSERT ON queue_link WHEN mc_audit_on () BEGIN
  INSERT INTO audit_log (at, staff_id, action, object_kind, object_id, detail, prev_hash, hash)
  SELECT a.at, a.actor, 'queue_link.insert', 'queue_link', a.oid, a.detail, a.prev,
         mc_audit_hash (a.prev, a.at, a.actor, 'queue_link.insert', 'queue_link', a.oid, a.detail)
  FROM (SELECT mc_now () AS at, mc_actor () AS actor, new.dossier_id AS oid,
               (SELECT label FROM queue_ticket WHERE id = new.ticket_id) || ' – ' || (SELECT code FROM dossier WHERE id = new.dossier_id) || CASE new.kind WHEN 'receive' THEN ' (tiếp nhận)' ELSE ' (trả kết quả)' END AS detail,
               coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') AS prev) a;
END;
