-- Motcua schema on PostgreSQL, version 3: the event indexes by person and by
-- department skip rows without one (imported history, system events).
SET LOCAL ROLE motcua_owner;
DROP INDEX dossier_event_by_staff;
DROP INDEX dossier_event_by_department;
CREATE INDEX dossier_event_by_staff ON dossier_event (staff_id, at) WHERE staff_id IS NOT NULL;
CREATE INDEX dossier_event_by_department ON dossier_event (to_department_id, at) WHERE to_department_id IS NOT NULL;
