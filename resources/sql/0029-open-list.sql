-- Motcua schema, version 29: the filtered lists of Danh sách hồ sơ read only
-- their own dossiers, already in page order (issue 15: "being processed" and
-- "overdue" over 143,963 open dossiers took 1.5 and 2.2 s at 5,000,000, the
-- state's index finding them and a sort ordering all of them for a page of
-- 200). For each filter that names a set of dossiers, one partial index per
-- order the list offers (src/core/mc-dossier-list.c, `orders`), whose entries
-- are that order's key and then the row id, as the whole table's are.
--
-- The condition is written `+state`, exactly as the list writes it: SQLite
-- uses a partial index only when a term of the query is the same expression
-- as the index's WHERE, and the unary plus keeps the planner from taking
-- dossier_by_state (state, received_at) instead, which finds the rows out
-- of order. A set is small beside the table (open dossiers are 3 % at 5M),
-- so the indexes are too: entries leave them when the dossier leaves the set.

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
  WHERE +state IN ('received', 'processing', 'paused', 'sent_external');
CREATE INDEX dossier_open_by_appointment ON dossier (appointment_at, id, received_at,
                                                    due_at, extended_due_at, paused_since, step_due_at, finished_at, state)
  WHERE +state IN ('received', 'processing', 'paused', 'sent_external');
CREATE INDEX dossier_open_by_code ON dossier (code, received_at, due_at, extended_due_at, paused_since, step_due_at,
                                             finished_at, state)
  WHERE +state IN ('received', 'processing', 'paused', 'sent_external');
CREATE INDEX dossier_open_by_applicant ON dossier (applicant_name, id, received_at,
                                                  due_at, extended_due_at, paused_since, step_due_at, finished_at, state)
  WHERE +state IN ('received', 'processing', 'paused', 'sent_external');
CREATE INDEX dossier_open_by_state ON dossier (state, received_at, id, due_at, extended_due_at, paused_since,
                                              step_due_at, finished_at)
  WHERE +state IN ('received', 'processing', 'paused', 'sent_external');

-- A result ready (đã có kết quả, chờ trả).
CREATE INDEX dossier_ready_by_received ON dossier (received_at, procedure_id, channel)
  WHERE +state = 'result_ready';
CREATE INDEX dossier_ready_by_appointment ON dossier (appointment_at) WHERE +state = 'result_ready';
CREATE INDEX dossier_ready_by_code ON dossier (code) WHERE +state = 'result_ready';
CREATE INDEX dossier_ready_by_applicant ON dossier (applicant_name) WHERE +state = 'result_ready';
CREATE INDEX dossier_ready_by_state ON dossier (state, received_at) WHERE +state = 'result_ready';

-- To hand back (chờ trả công dân): the condition of dossier_ready (0004).
CREATE INDEX dossier_waiting_by_received ON dossier (received_at, procedure_id, channel)
  WHERE finished_at IS NOT NULL AND returned_at IS NULL;
CREATE INDEX dossier_waiting_by_appointment ON dossier (appointment_at)
  WHERE finished_at IS NOT NULL AND returned_at IS NULL;
CREATE INDEX dossier_waiting_by_code ON dossier (code) WHERE finished_at IS NOT NULL AND returned_at IS NULL;
CREATE INDEX dossier_waiting_by_applicant ON dossier (applicant_name)
  WHERE finished_at IS NOT NULL AND returned_at IS NULL;
CREATE INDEX dossier_waiting_by_state ON dossier (state, received_at)
  WHERE finished_at IS NOT NULL AND returned_at IS NULL;
