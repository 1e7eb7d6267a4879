-- Motcua schema on PostgreSQL, version 29: the filtered lists of Danh sách
-- hồ sơ read only their own dossiers, in page order
-- (resources/sql/0029-open-list.sql). The list writes `d.state` on a server
-- (SQLite's `+d.state` is an error on text there): PostgreSQL uses a partial
-- index when the query's condition implies the index's, and orders by it;
-- its entries do not end with the row's id as SQLite's do, so the id follows
-- each order's key.
SET LOCAL ROLE motcua_owner;

-- Open (đang giải quyết; the same list as mc_dossier_state_open_sql ()). The
-- filters of the open set ("sắp đến hạn", "quá hạn", "chậm tiến độ") test
-- the columns after the key (mc-lateness.c), so they are in each index: a
-- row that fails the test is skipped without reading it from the table, and
-- the filter's count reads an index alone. "chậm tiến độ" holds for none of
-- the 143,963 open dossiers of the 5M benchmark: its first page reads them
-- all, which through the table took as long as the sort did. The id
-- is a column of its own so that the key's order (…, id) comes before the
-- columns tested.
CREATE INDEX dossier_open_by_received ON dossier (received_at, procedure_id, channel, id,
                                                 due_at, extended_due_at, paused_since, step_due_at, finished_at, state)
  WHERE state IN ('received', 'processing', 'paused', 'sent_external');
CREATE INDEX dossier_open_by_appointment ON dossier (appointment_at, id, received_at,
                                                    due_at, extended_due_at, paused_since, step_due_at, finished_at, state)
  WHERE state IN ('received', 'processing', 'paused', 'sent_external');
CREATE INDEX dossier_open_by_code ON dossier (code, received_at, due_at, extended_due_at, paused_since, step_due_at,
                                             finished_at, state)
  WHERE state IN ('received', 'processing', 'paused', 'sent_external');
CREATE INDEX dossier_open_by_applicant ON dossier (applicant_name, id, received_at,
                                                  due_at, extended_due_at, paused_since, step_due_at, finished_at, state)
  WHERE state IN ('received', 'processing', 'paused', 'sent_external');
CREATE INDEX dossier_open_by_state ON dossier (state, received_at, id, due_at, extended_due_at, paused_since,
                                              step_due_at, finished_at)
  WHERE state IN ('received', 'processing', 'paused', 'sent_external');

-- A result ready (đã có kết quả, chờ trả).
CREATE INDEX dossier_ready_by_received ON dossier (received_at, procedure_id, channel, id)
  WHERE state = 'result_ready';
CREATE INDEX dossier_ready_by_appointment ON dossier (appointment_at, id) WHERE state = 'result_ready';
CREATE INDEX dossier_ready_by_code ON dossier (code) WHERE state = 'result_ready';
CREATE INDEX dossier_ready_by_applicant ON dossier (applicant_name, id) WHERE state = 'result_ready';
CREATE INDEX dossier_ready_by_state ON dossier (state, received_at, id) WHERE state = 'result_ready';

-- To hand back (chờ trả công dân): the condition of dossier_ready (0004).
CREATE INDEX dossier_waiting_by_received ON dossier (received_at, procedure_id, channel, id)
  WHERE finished_at IS NOT NULL AND returned_at IS NULL;
CREATE INDEX dossier_waiting_by_appointment ON dossier (appointment_at, id)
  WHERE finished_at IS NOT NULL AND returned_at IS NULL;
CREATE INDEX dossier_waiting_by_code ON dossier (code) WHERE finished_at IS NOT NULL AND returned_at IS NULL;
CREATE INDEX dossier_waiting_by_applicant ON dossier (applicant_name, id)
  WHERE finished_at IS NOT NULL AND returned_at IS NULL;
CREATE INDEX dossier_waiting_by_state ON dossier (state, received_at, id)
  WHERE finished_at IS NOT NULL AND returned_at IS NULL;
