-- Motcua schema, version 18: what concerns a staff member (issue 16 item 5),
-- shown under the bell of the main window and by `motcua notifications`.
-- A dossier assigned to them, sent back to them for correction, an apology
-- waiting for a leader's signature: written by the workflow in the
-- transaction of the event (src/core/mc-workflow.c). A dossier becoming
-- overdue is time-driven: written by a check at sign-in and every minute
-- (mc_notification_check_overdue), once per dossier, person and appointment
-- (the unique index below), however often the check runs.
-- Not audited: a notification repeats what the audited event already says,
-- and marking it read changes nothing but the person's own list.
CREATE TABLE notification (
  id          INTEGER PRIMARY KEY,
  staff_id    INTEGER NOT NULL REFERENCES staff (id),      -- who it concerns
  kind        TEXT NOT NULL CHECK (kind IN ('assigned', 'returned', 'overdue', 'apology')),
  dossier_id  INTEGER NOT NULL REFERENCES dossier (id),
  at          INTEGER NOT NULL,                            -- the event; for 'overdue', the appointment passed
  by_staff_id INTEGER REFERENCES staff (id),               -- who caused it (none for 'overdue')
  read_at     INTEGER
);

-- the person's list, newest first, a page at a time
CREATE INDEX notification_by_staff ON notification (staff_id, at, id);
-- the bell's count and the unread list, newest first
CREATE INDEX notification_unread ON notification (staff_id, at, id) WHERE read_at IS NULL;
-- the overdue check is idempotent: one row per person, dossier and appointment
CREATE UNIQUE INDEX notification_overdue_once ON notification (staff_id, dossier_id, at) WHERE kind = 'overdue';
