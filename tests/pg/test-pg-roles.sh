#!/bin/bash
# test-pg-roles.sh — the server enforces who may do what (issue 17, item 2)
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Each staff member signs in to PostgreSQL as their own login role; someone
# who bypasses Motcua with psql and their own password is refused by the
# server. For each refusal: one assertion that psql is refused ("permission
# denied") and one that the allowed path works.
#
# MOTCUA_TEST_PG: a keyword=value conninfo of a user who may create
# databases and roles (.ci/run starts a throwaway cluster and sets it), e.g.
# "host=/tmp/pg port=5432 user=postgres password=… dbname=postgres".
# Without it the test is skipped (exit 77). MOTCUA_BIN: the motcua program.
set -u
[ -n "${MOTCUA_TEST_PG:-}" ] || { echo "1..0 # SKIP MOTCUA_TEST_PG is not set"; exit 77; }
command -v psql >/dev/null || { echo "1..0 # SKIP psql is not installed"; exit 77; }

export LC_ALL=C.UTF-8 PGCONNECT_TIMEOUT=10
tag="t$$_$(date +%s)"
db="motcua_$tag"
admin_pg="$MOTCUA_TEST_PG"
work=$(mktemp -d)
pw="Matkhau2026"
printf '%s\n' "$pw" > "$work/pw"
logins=("${tag}_admin" "${tag}_tn" "${tag}_cv" "${tag}_bc" "${tag}_ld" "${tag}_board" "${tag}_owner")

cleanup () {
  psql "$admin_pg" -qX -v ON_ERROR_STOP=0 -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1
  psql "$admin_pg" -qX -v ON_ERROR_STOP=0 -c "DROP DATABASE IF EXISTS \"${db}_x\" WITH (FORCE)" >/dev/null 2>&1
  for l in "${logins[@]}"; do
    psql "$admin_pg" -qX -c "DROP ROLE IF EXISTS \"$l\"" >/dev/null 2>&1
  done
  rm -rf "$work"
}
trap cleanup EXIT

n=0
failures=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failures=$((failures + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }

as () {  # as LOGIN SQL: runs SQL as that login, its output and errors in $out
  out=$(psql "$admin_pg dbname=$db user=$1 password=$pw" -qXAt -v ON_ERROR_STOP=1 -c "$2" 2>&1)
}
refused () {  # refused LOGIN SQL WHAT
  if as "$1" "$2"; then
    not_ok "refused: $3" "$1 ran: $2" "$out"
  elif grep -q "permission denied" <<<"$out"; then
    ok "refused: $3"
  else
    not_ok "refused: $3 (another error)" "$out"
  fi
}
allowed () {  # allowed LOGIN SQL WHAT [EXPECTED-OUTPUT]
  if ! as "$1" "$2"; then
    not_ok "allowed: $3" "$1 could not run: $2" "$out"
  elif [ $# -ge 4 ] && [ "$out" != "$4" ]; then
    not_ok "allowed: $3" "expected: $4" "got: $out"
  else
    ok "allowed: $3"
  fi
}

# The center: schema, group roles, the first administrator.
psql "$admin_pg" -qX -v ON_ERROR_STOP=1 -c "CREATE DATABASE \"$db\"" >/dev/null || { echo "Bail out! createdb"; exit 1; }
if "$MOTCUA_BIN" server init "$admin_pg dbname=$db" --username "${tag}_admin" --name "Quản Trị" \
     --password-file "$work/pw" >"$work/init.out" 2>&1; then
  ok "server init creates the schema and the first administrator"
else
  not_ok "server init" "$(cat "$work/init.out")"
  echo "1..$n"; exit 1
fi
if "$MOTCUA_BIN" server init "$admin_pg dbname=$db" --username "${tag}_x" --password-file "$work/pw" \
     >"$work/again.out" 2>&1; then
  not_ok "server init refuses a database that is not empty"
elif grep -q "không trống\|not empty" "$work/again.out"; then
  ok "server init refuses a database that is not empty"
else
  not_ok "server init refuses a database that is not empty (another error)" "$(cat "$work/again.out")"
fi

# A database owner without CREATEROLE is refused, and nothing is created.
psql "$admin_pg" -qX -v ON_ERROR_STOP=1 -c "CREATE ROLE \"${tag}_owner\" LOGIN PASSWORD '$pw'" \
  -c "CREATE DATABASE \"${db}_x\" OWNER \"${tag}_owner\"" >/dev/null
if "$MOTCUA_BIN" server init "$admin_pg dbname=${db}_x user=${tag}_owner password=$pw" --username "${tag}_x" \
     --password-file "$work/pw" >"$work/nocreaterole.out" 2>&1; then
  not_ok "server init refuses a user without CREATEROLE"
elif grep -q "CREATEROLE" "$work/nocreaterole.out" &&
     [ "$(psql "$admin_pg dbname=${db}_x" -qXAt -c "SELECT count (*) FROM pg_class WHERE relnamespace = 'public'::regnamespace")" = 0 ]; then
  ok "server init refuses a user without CREATEROLE, creating nothing"
else
  not_ok "server init refuses a user without CREATEROLE (another error, or tables left)" "$(cat "$work/nocreaterole.out")"
fi

A="${tag}_admin" TN="${tag}_tn" CV="${tag}_cv" BC="${tag}_bc" LD="${tag}_ld" BOARD="${tag}_board"

# The administrator (motcua_quan_tri) writes the catalog, units and accounts.
allowed "$A" "INSERT INTO unit (code, name, level, relation) VALUES ('000.00.06.H56', 'UBND xã Phú Sơn', 'xa', 'self');
  INSERT INTO department (unit_id, code, name) VALUES (1, 'TTPV', 'Trung tâm Phục vụ hành chính công');
  INSERT INTO field (name) VALUES ('Hộ tịch');
  INSERT INTO procedure (code, name, name_folded, field_id, level, mechanism, duration, updated_at)
    VALUES ('1.001193', 'Đăng ký khai sinh', '1.001193 dang ky khai sinh', 1, 'xa', 'mot_cua', 1, 0);
  INSERT INTO staff (username, full_name, department_id, roles, created_at) VALUES
    ('$TN', 'Trần Thị Lan', 1, 'tiep_nhan', 0), ('$CV', 'Lê Văn Tuấn', 1, 'chuyen_vien', 0),
    ('$BC', 'Phạm Thu', 1, 'bao_cao', 0), ('$LD', 'Nguyễn Thị Nga', 1, 'lanh_dao_ubnd', 0)" \
  "the administrator writes units, the catalog and accounts"
for l in "$TN" "$CV" "$BC" "$LD"; do
  if "$MOTCUA_BIN" server add-login "$admin_pg dbname=$db" "$l" --password-file "$work/pw" >"$work/login.out" 2>&1; then
    ok "server add-login $l"
  else
    not_ok "server add-login $l" "$(cat "$work/login.out")"
  fi
done
if "$MOTCUA_BIN" server add-login "$admin_pg dbname=$db" "${tag}_nobody" --password-file "$work/pw" \
     >"$work/nobody.out" 2>&1; then
  not_ok "server add-login refuses a name that is no staff member"
else
  ok "server add-login refuses a name that is no staff member"
fi
"$MOTCUA_BIN" server add-board "$admin_pg dbname=$db" "$BOARD" --password-file "$work/pw" >/dev/null 2>&1 &&
  ok "server add-board" || not_ok "server add-board"
allowed "$TN" "SELECT string_agg (b.rolname, ',' ORDER BY b.rolname) FROM pg_auth_members m
  JOIN pg_roles b ON b.oid = m.roleid JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = current_user" \
  "a login is a member of the group of its function only" "motcua_tiep_nhan"

# A dossier received at the counter: the allowed path, its audit row and counters.
allowed "$TN" "INSERT INTO dossier (code, unit_id, procedure_id, applicant_name, applicant_id_number, applicant_phone,
  channel, received_at, due_at, state) VALUES ('H56-261207-0001', 1, 1, 'Nguyễn Văn An', '038085012345',
  '0912345678', 'truc_tiep', 1796600000, 1796686400, 'received')" "the counter receives a dossier"
allowed "$A" "SELECT s.username = '$TN' AND a.session_role = '$TN' FROM audit_log a JOIN staff s ON s.id = a.staff_id
  WHERE a.action = 'dossier.insert'" "its audit row names the counter clerk's login (session_user)" "t"
allowed "$CV" "SELECT n FROM dossier_state_count WHERE state = 'received'" \
  "the per-state counter, written by the owner's trigger" "1"
allowed "$CV" "SELECT received_direct FROM daily_stat" "the daily counter of Biểu 06a" "1"
allowed "$CV" "UPDATE dossier SET state = 'processing' WHERE code = 'H56-261207-0001';
  INSERT INTO dossier_event (dossier_id, at, kind, state_from, state_to) VALUES (1, 1796600100, 'accept', 'received', 'processing')" \
  "a specialist moves the dossier and logs the move"
allowed "$A" "SELECT n_rows > 0 AND bad_id = 0 FROM mc_audit_verify ()" "the chain verifies on the server" "t"

# 1. The audit trail: no client writes, updates or deletes it.
for l in "$TN" "$A" "$LD"; do
  refused "$l" "INSERT INTO audit_log (at, action, prev_hash, hash) VALUES (0, 'forged', '', '')" "$l inserts an audit row"
  refused "$l" "UPDATE audit_log SET detail = 'sửa' WHERE id = 1" "$l updates the audit trail"
  refused "$l" "DELETE FROM audit_log" "$l deletes the audit trail"
done
refused "$A" "SELECT key FROM audit_key" "the audit key (administrator)"
refused "$TN" "SELECT mc_audit_hash ('', 0, NULL, 'x', 'x', NULL, 'x')" "computing a keyed hash"
refused "$TN" "SELECT * FROM mc_audit_verify ()" "verifying without MC_PERMISSION_AUDIT"
allowed "$LD" "SELECT bad_id FROM mc_audit_verify ()" "a committee leader verifies the chain" "0"
refused "$TN" "UPDATE dossier_event SET note = 'x'" "the event log (update)"
refused "$TN" "DELETE FROM dossier_event" "the event log (delete)"
# No one acts in another's name: no role switch, no owner, no bulk switch-off.
refused "$TN" "SET ROLE \"$A\"" "acting as the administrator"
refused "$TN" "SET ROLE motcua_owner" "acting as the owner"
refused "$A" "SET ROLE motcua_owner" "acting as the owner (administrator)"
allowed "$TN" "SET motcua.audit_bulk = 'on';
  INSERT INTO refusal (unit_id, procedure_id, at, applicant_name, reason) VALUES (1, 1, 1796600000, 'Lê Văn Bình', 'Thiếu giấy')" \
  "a clerk refuses an application in bulk mode"
allowed "$A" "SELECT count (*) FROM audit_log WHERE action = 'refusal.insert'" "… and is audited still" "1"
allowed "$TN" "SELECT mc_audit_append ('dossier.export', 'dossier', 1, 'xuất danh sách')" \
  "the application's own audit rows, under the clerk's name"
allowed "$A" "SELECT s.username FROM audit_log a JOIN staff s ON s.id = a.staff_id WHERE a.action = 'dossier.export'" \
  "… which name the clerk" "$TN"

# 2. The catalog, the calendar, accounts and settings: administrator only.
refused "$TN" "INSERT INTO procedure (code, name, name_folded, field_id, level, mechanism, duration, updated_at)
  VALUES ('9.9', 'x', 'x', 1, 'xa', 'mot_cua', 1, 0)" "a clerk adds a procedure"
refused "$CV" "UPDATE procedure SET duration = 30" "a specialist lengthens a procedure"
refused "$LD" "DELETE FROM procedure_step" "a leader changes a procedure's steps"
refused "$TN" "INSERT INTO calendar_day (date, kind, name, created_at) VALUES ('2026-12-24', 'holiday', 'Nghỉ', 0)" \
  "a clerk adds a holiday"
refused "$TN" "UPDATE staff SET roles = 'quan_tri' WHERE username = '$TN'" "a clerk makes themself administrator"
refused "$LD" "INSERT INTO staff (username, full_name, roles, created_at) VALUES ('x', 'x', 'quan_tri', 0)" \
  "a leader adds an account"
refused "$TN" "INSERT INTO setting (key, value) VALUES ('report.signer', 'x')" "a clerk changes a setting"
refused "$BC" "UPDATE setting SET value = 'x'" "reporting changes a setting"
refused "$TN" "UPDATE unit SET name = 'x'" "a clerk renames the unit"
refused "$TN" "UPDATE daily_stat SET received_direct = 0" "a clerk edits the report counters"
refused "$TN" "UPDATE dossier_state_count SET n = 0" "a clerk edits the state counters"
refused "$TN" "SELECT password_hash FROM staff" "a clerk reads password hashes"
refused "$A" "SELECT password_hash FROM staff" "the administrator reads password hashes (0033)"
allowed "$A" "SELECT count (*) FROM staff WHERE username = '$TN' AND locked_until IS NULL" \
  "… but every other column of the accounts" "1"
allowed "$A" "INSERT INTO calendar_day (date, kind, name, created_at) VALUES ('2026-12-24', 'holiday', 'Nghỉ', 0);
  INSERT INTO setting (key, value) VALUES ('report.signer', 'Nguyễn Thị Nga');
  UPDATE procedure SET duration = 2; UPDATE staff SET title = 'Chuyên viên' WHERE username = '$CV'" \
  "the administrator changes the calendar, settings, catalog and accounts"

# 3. Citizens' ID numbers and phones: only with MC_PERMISSION_PERSONAL_DATA.
refused "$BC" "SELECT applicant_id_number FROM dossier" "reporting reads ID numbers"
refused "$BC" "SELECT applicant_phone FROM dossier" "reporting reads phones"
refused "$BC" "SELECT * FROM dossier" "reporting reads whole dossier rows"
refused "$BC" "SELECT search_folded FROM dossier" "reporting reads the folded search text"
refused "$BC" "SELECT applicant_id_number FROM refusal" "reporting reads a refused applicant's ID number"
refused "$A" "SELECT applicant_id_number FROM dossier" "the administrator reads ID numbers"
refused "$A" "SELECT returned_id_number FROM dossier" "the administrator reads the collector's ID number"
allowed "$BC" "SELECT code, applicant_name FROM dossier" "reporting reads codes and names" "H56-261207-0001|Nguyễn Văn An"
allowed "$CV" "SELECT applicant_id_number, applicant_phone FROM dossier" "a specialist reads them" "038085012345|0912345678"
allowed "$TN" "SELECT count (*) FROM dossier WHERE search_folded LIKE '%nguyen van an%'" \
  "the counter searches without diacritics" "1"

# 3b. Search for everyone (0021): a clerk without the personal-data
# permission may not read the folded text, so the search goes through
# mc_dossier_search () (SECURITY DEFINER, owned by motcua_owner): by code and
# name only, the ID number and phone masked; a phone or an ID number typed as
# a query finds nothing for them, so the search tells no one whose it is.
allowed "$BC" "SELECT d.code, s.applicant_id_number, s.applicant_phone FROM mc_dossier_search ('nguyen van a', 10, NULL) s
  JOIN dossier d ON d.id = s.id" "reporting searches by name, the ID number and phone masked" \
  "H56-261207-0001|038******345|091****678"
allowed "$BC" "SELECT count (*) FROM mc_dossier_search ('0912345678', 10, NULL)" "… a phone finds nothing for reporting" "0"
allowed "$BC" "SELECT count (*) FROM mc_dossier_search ('038085012345', 10, NULL)" "… nor an ID number" "0"
allowed "$BC" "SELECT count (*) FROM mc_dossier_search ('', 10, 'H56-261207-0001')" "… a whole code finds its dossier" "1"
allowed "$A" "SELECT s.applicant_id_number FROM mc_dossier_search ('an', 10, NULL) s" \
  "the administrator (no personal data) sees the ID number masked" "038******345"
allowed "$TN" "SELECT s.applicant_phone FROM mc_dossier_search ('0912.345.678', 10, NULL) s" \
  "the counter finds the dossier by its phone, in full" "0912345678"
allowed "$CV" "SELECT count (*) FROM mc_dossier_search ('nguyen van', 10, NULL)" "a specialist searches" "1"
refused "$BOARD" "SELECT * FROM mc_dossier_search ('nguyen', 10, NULL)" "the board searches dossiers"
if as "$BC" "SELECT count (*) FROM mc_dossier_search ('a'')) OR true --', 10, NULL)"; then
  not_ok "refused: a search with SQL or a regular expression in it" "$out"
elif grep -q "letters and digits" <<<"$out"; then
  ok "refused: a search with SQL or a regular expression in it"
else
  not_ok "refused: a search with SQL in it (another error)" "$out"
fi

# 4. The board reads masked views only.
refused "$BOARD" "SELECT applicant_name FROM dossier" "the board reads dossier rows"
refused "$BOARD" "SELECT full_name FROM staff" "the board reads accounts"
refused "$BOARD" "SELECT detail FROM audit_log" "the board reads the audit trail"
refused "$BOARD" "SELECT applicant_name FROM refusal" "the board reads refusals"
refused "$BOARD" "INSERT INTO announcement (text) VALUES ('x')" "the board writes the ticker"
refused "$A" "UPDATE dossier SET state = 'returned'" "the administrator moves a dossier"
allowed "$CV" "UPDATE dossier SET finished_at = 1796650000, state = 'result_ready', timeliness = 'early' WHERE id = 1" \
  "a result is ready"
allowed "$BOARD" "SELECT code || ' ' || applicant_masked FROM board_waiting" "the board reads the masked list" \
  "H56-261207-0001 Nguyễn V. A."
allowed "$BOARD" "SELECT sum (settled_early) FROM daily_stat" "the board reads the counters" "1"

# Two counters writing at once are chained one after the other, not forked.
for k in 1 2; do
  for i in $(seq 1 25); do
    echo "INSERT INTO refusal (unit_id, procedure_id, at, applicant_name, reason) VALUES (1, 1, 1796600000, 'Người $k-$i', 'Thiếu giấy');"
  done | psql "$admin_pg dbname=$db user=$TN password=$pw" -qX -v ON_ERROR_STOP=1 >"$work/concurrent-$k.out" 2>&1 &
done
wait
allowed "$A" "SELECT count (*) FROM audit_log WHERE action = 'refusal.insert'" "two writers at once, every row audited" "51"

# 5. The queue (0017): the kiosk (the board's login) takes a ticket, only
# that; the counter's clerk moves it; the administrator sets services.
allowed "$A" "INSERT INTO queue_service (name, prefix) VALUES ('Hộ tịch', 'A')" "the administrator adds a service"
refused "$TN" "INSERT INTO queue_service (name, prefix) VALUES ('Đất đai', 'B')" "the counter adds a service"
allowed "$BOARD" "INSERT INTO queue_sequence (day, service_id, last_seq) VALUES ('2026-12-07', 1, 1)" \
  "the kiosk numbers a ticket"
allowed "$BOARD" "INSERT INTO queue_ticket (day, issued_service_id, seq, number, label, service_id, taken_at) VALUES ('2026-12-07', 1, 1, 1, 'A001', 1, 1796600000)" \
  "the kiosk takes a ticket"
refused "$BOARD" "UPDATE queue_ticket SET state = 'called'" "the kiosk calls a ticket"
refused "$BOARD" "INSERT INTO queue_ticket (day, issued_service_id, seq, number, label, service_id, taken_at, state) VALUES ('2026-12-07', 1, 2, 2, 'A002', 1, 1796600000, 'done')" \
  "the kiosk takes a ticket already done"
refused "$CV" "UPDATE queue_ticket SET state = 'called'" "a specialist calls a ticket"
allowed "$TN" "UPDATE queue_ticket SET state = 'called', called_at = 1796600300 WHERE label = 'A001'" \
  "the counter calls a ticket"
allowed "$A" "SELECT count (*) FROM audit_log WHERE action LIKE 'queue_ticket.%'" "the ticket's moves are audited" "2"
# The counter display (the board's login) names the clerk who called (0026):
# through queue_clerk, the reception clerks' id and name only, not staff.
allowed "$TN" "UPDATE queue_ticket SET staff_id = (SELECT id FROM staff WHERE username = '$TN') WHERE label = 'A001'" \
  "the counter's clerk is named on the ticket"
allowed "$BOARD" "SELECT st.full_name FROM queue_ticket t LEFT JOIN queue_clerk st ON st.id = t.staff_id
  WHERE t.label = 'A001'" "the counter display reads the calling clerk's name" "Trần Thị Lan"
allowed "$BOARD" "SELECT count (*) FROM queue_clerk" "… and only the reception clerks'" "1"
refused "$BOARD" "SELECT full_name FROM staff WHERE id = 1" "… never staff itself"
# The citizen's rating (0019): the counter display (the board's login)
# records it; the dossier returned under the ticket takes it as its rating
# through the SECURITY DEFINER trigger, the display holding no right on rating.
allowed "$TN" "INSERT INTO queue_link (ticket_id, dossier_id, kind, at) SELECT id, 1, 'return', 1796650100
  FROM queue_ticket WHERE label = 'A001'" "the counter returns a result under the ticket"
allowed "$TN" "UPDATE queue_ticket SET state = 'done', served_at = 1796600300, done_at = 1796650200 WHERE label = 'A001'" \
  "the counter ends the service"
refused "$BOARD" "INSERT INTO rating (dossier_id, rated_at, satisfaction) VALUES (1, 1796650300, 1)" \
  "the display writes a dossier's rating itself"
allowed "$BOARD" "INSERT INTO queue_rating (ticket_id, level, rated_at) SELECT id, 5, 1796650300 FROM queue_ticket
  WHERE label = 'A001'" "the display records the citizen's rating"
allowed "$A" "SELECT satisfaction FROM rating WHERE dossier_id = 1" "… which becomes the returned dossier's" "5"
allowed "$A" "SELECT detail FROM audit_log WHERE action = 'queue_rating.insert'" "… audited" "A001: Rất hài lòng"
# 6. The kiosk's look-up (0020): a dossier by its code, the name masked by the server, nothing else of the person.
allowed "$BOARD" "SELECT applicant || ' ' || state || ' ' || (due_at > received_at) FROM kiosk_dossier WHERE code = 'H56-261207-0001'" \
  "the kiosk looks a dossier up, masked" "Nguyễn V. A. result_ready true"
refused "$BOARD" "SELECT applicant_id_number FROM dossier WHERE code = 'H56-261207-0001'" "the kiosk reads the ID number"
# The board's 06a figures read an apology's times (0028), never its reason or who answers for it.
refused "$BOARD" "SELECT reason FROM apology" "the kiosk reads an apology's reason"
refused "$BOARD" "SELECT responsible_staff_id FROM apology" "the kiosk reads who answers for an apology"
# 5. Notifications (the bell, 0018): one's own only (row-level security on mc_actor ()).
allowed "$TN" "INSERT INTO notification (staff_id, kind, dossier_id, at, by_staff_id)
  SELECT c.id, 'assigned', 1, 1796600200, t.id FROM staff c, staff t WHERE c.username = '$CV' AND t.username = '$TN'" \
  "the counter hands a dossier to the specialist, who is told"
allowed "$TN" "SELECT count (*) FROM notification" "… the counter does not see his notification" "0"
allowed "$TN" "UPDATE notification SET read_at = 1 RETURNING id" "… nor mark it read" ""
allowed "$CV" "SELECT kind FROM notification" "… the specialist sees it" "assigned"
allowed "$CV" "UPDATE notification SET read_at = 1796600300 RETURNING kind" "… and marks it read" "assigned"
refused "$CV" "UPDATE notification SET staff_id = (SELECT id FROM staff WHERE username = '$TN')" \
  "a notification moved to another person"
allowed "$CV" "INSERT INTO notification (staff_id, kind, dossier_id, at)
  SELECT id, 'overdue', 1, 1796686400 FROM staff WHERE username = '$CV'" "the overdue check writes one's own"
if as "$CV" "INSERT INTO notification (staff_id, kind, dossier_id, at, by_staff_id)
     SELECT t.id, 'assigned', 1, 1796600400, l.id FROM staff t, staff l WHERE t.username = '$TN' AND l.username = '$LD'"; then
  not_ok "refused: a notification in another's name" "$out"
elif grep -q "row-level security" <<<"$out"; then
  ok "refused: a notification in another's name"
else
  not_ok "refused: a notification in another's name (another error)" "$out"
fi

# 7. No one records an act in another's name (0033): whoever a row names as
# its actor, the server writes the login that inserted it.
allowed "$TN" "INSERT INTO dossier_event (dossier_id, at, staff_id, kind, state_from, state_to)
  SELECT 1, 1796650200, id, 'return', 'result_ready', 'returned' FROM staff WHERE username = '$CV'
  RETURNING (SELECT username FROM staff WHERE id = staff_id)" "a return naming the specialist is the counter's own" "$TN"
allowed "$TN" "INSERT INTO refusal (unit_id, procedure_id, at, staff_id, applicant_name, reason)
  SELECT 1, 1, 1796600000, id, 'Lê Văn Bình', 'Thiếu giấy' FROM staff WHERE username = '$LD'
  RETURNING (SELECT username FROM staff WHERE id = staff_id)" "a refusal naming the leader is the counter's own" "$TN"
allowed "$TN" "INSERT INTO dossier (code, unit_id, procedure_id, applicant_name, channel, received_at, received_by, due_at,
  state) SELECT 'H56-261207-0002', 1, 1, 'Trần Văn Hai', 'truc_tiep', 1796600000, id, 1796686400, 'received'
  FROM staff WHERE username = '$CV' RETURNING (SELECT username FROM staff WHERE id = received_by)" \
  "a dossier received in the specialist's name is the counter's own" "$TN"
allowed "$TN" "UPDATE queue_ticket SET staff_id = (SELECT id FROM staff WHERE username = '$CV') WHERE label = 'A001'
  RETURNING (SELECT username FROM staff WHERE id = staff_id)" "a ticket put in the specialist's name is the counter's own (0034)" "$TN"
refused "$CV" "UPDATE dossier SET applicant_name = 'Người khác' WHERE id = 1" "a specialist renames the citizen"
refused "$CV" "UPDATE dossier SET received_by = NULL, received_at = 0 WHERE id = 1" "a specialist rewrites the reception"
refused "$TN" "UPDATE dossier SET applicant_id_number = '001234567890' WHERE id = 1" "the counter rewrites an ID number"
allowed "$BC" "SELECT applicant_id_number || ' ' || applicant_phone FROM dossier_masked WHERE id = 1" \
  "reporting reads the ID number and phone masked (dossier_masked)" "038******345 091****678"
refused "$TN" "CREATE FUNCTION mc_actor () RETURNS bigint LANGUAGE sql RETURN 1" "a clerk shadows a function in public"
refused "$TN" "CREATE TEMP TABLE staff (id bigint, username text)" "a clerk shadows a table in pg_temp"
allowed "$A" "SELECT count (*) FROM pg_proc WHERE prosecdef AND pronamespace = 'public'::regnamespace
  AND NOT EXISTS (SELECT 1 FROM unnest (proconfig) c WHERE c LIKE 'search_path=%')" \
  "every SECURITY DEFINER function sets its search_path" "0"

# Nothing the refusals tried reached the trail or the data.
allowed "$A" "SELECT count (*) FROM audit_log WHERE action = 'forged' OR detail = 'sửa'" "no forged row" "0"
allowed "$A" "SELECT n_rows > 10 AND bad_id = 0 FROM mc_audit_verify ()" "the chain still verifies" "t"

echo "1..$n"
[ "$failures" -eq 0 ]
