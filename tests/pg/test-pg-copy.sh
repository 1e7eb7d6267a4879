#!/bin/bash
# test-pg-copy.sh — a one-PC center moved onto its server (issue 17, item 4)
# SPDX-License-Identifier: GPL-3.0-or-later
#
# `motcua db copy --from center.sqlite --to postgresql://…` into a database
# `motcua server init` prepared: every table, counts equal, the audit chain
# verified on the server with the hashes it had in the file, the next id
# and code after the copied ones, the file unchanged; refused into a
# database that holds a center, by a staff login, with the wrong audit key
# (and then nothing copied at all).
#
# MOTCUA_TEST_PG: a keyword=value conninfo of a user who may create
# databases and roles (.ci/run sets it). Without it: skipped (exit 77).
# MOTCUA_BIN: the motcua program.
set -u
[ -n "${MOTCUA_TEST_PG:-}" ] || { echo "1..0 # SKIP MOTCUA_TEST_PG is not set"; exit 77; }
command -v psql >/dev/null || { echo "1..0 # SKIP psql is not installed"; exit 77; }
command -v sqlite3 >/dev/null || { echo "1..0 # SKIP sqlite3 is not installed"; exit 77; }

export LC_ALL=C.UTF-8 PGCONNECT_TIMEOUT=10 MOTCUA_NOW="2026-11-23 09:30" MOTCUA_PASSWORD=motcua2026
tag="c$$_$(date +%s)"
db="motcua_$tag"
work=$(mktemp -d)
export XDG_CONFIG_HOME="$work/config"
lite="$work/center.sqlite"
server="$MOTCUA_TEST_PG dbname=$db"
pw="Matkhau2026"
printf '%s\n' "$pw" > "$work/pw"

cleanup () {
  psql "$MOTCUA_TEST_PG" -qX -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1
  psql "$MOTCUA_TEST_PG" -qX -c "DROP DATABASE IF EXISTS \"${db}_b\" WITH (FORCE)" >/dev/null 2>&1
  psql "$MOTCUA_TEST_PG" -qX -c "DROP ROLE IF EXISTS \"${tag}_admin\"" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

n=0
failures=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failures=$((failures + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }
q () { psql "$server" -AtX -F ' ' -c "$1" 2>&1; }

"$MOTCUA_BIN" --db "$lite" demo --dossiers 120 --seed 7 >/dev/null 2>&1 || { echo "Bail out! demo"; exit 1; }
# A text with a tab, a newline and a backslash goes through COPY's escapes.
"$MOTCUA_BIN" --db "$lite" --user tn.lan dossier receive --procedure 1.001193 --name "Lê Thị Cúc" \
  --id-number 001190012345 --channel truc_tiep --phone 0912345678 --at "2026-11-23 09:00" >"$work/received" 2>&1 ||
  { echo "Bail out! receive: $(cat "$work/received")"; exit 1; }
sqlite3 "$lite" "PRAGMA busy_timeout = 5000; UPDATE procedure_document SET name = 'a' || char (9) || 'b' || char (10) || 'c\\d' WHERE id = 1" ||
  { echo "Bail out! note"; exit 1; }
before=$(sha256sum < "$lite")

psql "$MOTCUA_TEST_PG" -qX -v ON_ERROR_STOP=1 -c "CREATE DATABASE \"$db\"" >/dev/null || { echo "Bail out! createdb"; exit 1; }
"$MOTCUA_BIN" server init "$server" --username "${tag}_admin" --name "Quản Trị" --password-file "$work/pw" \
  >"$work/init" 2>&1 || { echo "Bail out! server init: $(cat "$work/init")"; exit 1; }
installer_rows=$(q "SELECT count (*) FROM audit_log")

# A staff login (not the installer) is refused, nothing written.
"$MOTCUA_BIN" server add-login "$server" "${tag}_admin" --password-file "$work/pw" >/dev/null 2>&1
staff_conn="$MOTCUA_TEST_PG dbname=$db user=${tag}_admin password=$pw"
out=$("$MOTCUA_BIN" db copy --from "$lite" --to "$staff_conn" 2>&1); rc=$?
if [ "$rc" != 0 ] && grep -q "server init" <<<"$out" && [ "$(q "SELECT count (*) FROM dossier")" = 0 ]; then
  ok "a staff member's login may not copy into the server"
else
  not_ok "a staff member's login refused" "exit $rc: $out"
fi

# The wrong audit key: the chain does not verify, nothing is left copied.
head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$work/wrong.key"
out=$("$MOTCUA_BIN" db copy --from "$lite" --to "$server" --audit-key "$work/wrong.key" 2>&1); rc=$?
if [ "$rc" != 0 ] && grep -q "audit" <<<"$out" && [ "$(q "SELECT count (*) FROM dossier")" = 0 ] &&
   [ "$(q "SELECT count (*) FROM audit_log")" = "$installer_rows" ] && [ "$(q "SELECT count (*) FROM staff")" = 1 ]; then
  ok "with another key the chain does not verify and the copy is rolled back whole"
else
  not_ok "wrong audit key" "exit $rc: $out" "dossiers: $(q "SELECT count (*) FROM dossier")"
fi

out=$("$MOTCUA_BIN" db copy --from "$lite" --to "$server" 2>&1); rc=$?
if [ "$rc" = 0 ] && grep -q "audit" <<<"$out"; then ok "db copy succeeds"; else not_ok "db copy" "exit $rc" "$out"; fi
if [ "$(sha256sum < "$lite")" = "$before" ]; then ok "the file is unchanged (opened read-only)"; else
  not_ok "the file changed"; fi

# Every table the file has, counted on both sides.
differ=""
for t in $(q "SELECT relname FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
              WHERE s.nspname = 'public' AND c.relkind = 'r'
              AND relname NOT IN ('schema_version', 'audit_key', 'dossier_word')"); do
  a=$(sqlite3 "$lite" "SELECT count (*) FROM \"$t\"" 2>/dev/null || echo 0)
  b=$(q "SELECT count (*) FROM \"$t\"")
  [ "$a" = "$b" ] || differ="$differ $t:$a/$b"
done
if [ -z "$differ" ]; then ok "every table has as many rows on the server as in the file"; else
  not_ok "counts differ:$differ"; fi

# The server's own search words (resources/sql/pg/0032-search-words.sql),
# built after the copy from the dossiers copied, the triggers being off.
words=$(q "SELECT (SELECT count (*) FROM dossier_word) > 0 AND NOT EXISTS (
             SELECT d.id, w FROM dossier d, mc_search_words (d.search_folded) AS w EXCEPT SELECT id, word FROM dossier_word)
           AND NOT EXISTS (
             SELECT id, word FROM dossier_word EXCEPT SELECT d.id, w FROM dossier d, mc_search_words (d.search_folded) AS w)")
if [ "$words" = t ]; then ok "the search words are those of the dossiers copied"; else not_ok "dossier_word after the copy: $words"; fi

# The rows themselves: the dossiers' and the trail's columns, as text.
a=$(sqlite3 -separator ' ' "$lite" "SELECT id, code, applicant_name, coalesce (applicant_phone, ''), state, received_at,
                                      coalesce (finished_at, '') FROM dossier ORDER BY id" | sha256sum)
b=$(q "SELECT id, code, applicant_name, coalesce (applicant_phone, ''), state, received_at,
              coalesce (finished_at::text, '') FROM dossier ORDER BY id" | sha256sum)
if [ "$a" = "$b" ]; then ok "the dossiers' values are the same"; else not_ok "dossier values differ"; fi
a=$(sqlite3 -separator ' ' "$lite" "SELECT id, prev_hash, hash FROM audit_log ORDER BY id" | sha256sum)
b=$(q "SELECT id, prev_hash, hash FROM audit_log ORDER BY id" | sha256sum)
if [ "$a" = "$b" ]; then ok "the audit chain's hashes are the file's, row for row"; else not_ok "audit hashes differ"; fi
note=$(q "SELECT name = E'a\\tb\\nc\\\\d' FROM procedure_document WHERE id = 1")
if [ "$note" = t ]; then ok "a tab, a newline and a backslash kept"; else not_ok "escaped text: $note"; fi
folded=$(q "SELECT search_folded LIKE '%le thi cuc%' FROM dossier WHERE applicant_name = 'Lê Thị Cúc'")
if [ "$folded" = t ]; then ok "the server computed the folded search column"; else not_ok "search_folded: $folded"; fi
a=$(sqlite3 -separator ' ' "$lite" "SELECT state, n FROM dossier_state_count WHERE n > 0 ORDER BY state")
b=$(q "SELECT state, sum (n) FROM dossier_state_count GROUP BY state HAVING sum (n) > 0 ORDER BY state")
if [ "$a" = "$b" ]; then ok "the state counts copied, not counted twice by the triggers"; else
  not_ok "dossier_state_count" "$a" "$b"; fi

# open_due (migration 0031): copied as the file has it, and equal to its
# recomputation from the copied rows (the triggers did not count them again).
running="state IN ('received', 'processing', 'paused', 'sent_external') AND paused_since IS NULL
         AND extended_due_at IS NULL AND finished_at IS NULL"
holder="coalesce (unit_id, 0) AS u, coalesce (current_department_id, 0) AS dep, coalesce (current_staff_id, 0) AS st"
recount="SELECT u, dep, st, kind, day, count (*) FROM (
           SELECT $holder, 0 AS kind, (due_at + 25200) / 86400 AS day FROM dossier WHERE $running
           UNION ALL SELECT $holder, 1, (step_due_at + 25200) / 86400
           FROM dossier WHERE $running AND step_due_at IS NOT NULL) AS running
         GROUP BY u, dep, st, kind, day ORDER BY 1, 2, 3, 4, 5"
kept="SELECT unit_id, department_id, staff_id, kind, day, n FROM open_due WHERE n <> 0 ORDER BY 1, 2, 3, 4, 5"
a=$(sqlite3 -separator ' ' "$lite" "$kept")
b=$(q "$kept")
c=$(q "$recount")
if [ -n "$a" ] && [ "$a" = "$b" ] && [ "$b" = "$c" ]; then ok "the open dossiers' day counts copied and equal to a recount"; else
  not_ok "open_due" "$a" "$b" "$c"; fi

out=$("$MOTCUA_BIN" --db "$server" --user admin audit verify 2>&1); rc=$?
if [ "$rc" = 0 ]; then ok "audit verify on the server: $out"; else not_ok "audit verify on the server (exit $rc)" "$out"; fi
triggers=$(q "SELECT count (*) FROM pg_trigger WHERE NOT tgisinternal AND tgenabled = 'D'")
if [ "$triggers" = 0 ]; then ok "every trigger enabled again after the copy"; else not_ok "$triggers triggers left disabled"; fi

# The server goes on after the copied rows: ids, codes and the chain.
max=$(q "SELECT max (id) FROM dossier")
out=$("$MOTCUA_BIN" --db "$server" --user tn.lan dossier receive --procedure 1.001193 --name "Trần Văn Bình" \
      --id-number 001190054321 --channel truc_tiep --at "2026-11-23 09:10" 2>&1); rc=$?
code=$(cut -f1 <<<"$out")
first=$(cut -f1 "$work/received")
next=$(printf '%s-%04d' "${first%-*}" $((10#${first##*-} + 1)))
if [ "$rc" = 0 ] && [ "$(q "SELECT id > $max FROM dossier WHERE code = '$code'")" = t ] &&
   [ "$code" = "$next" ]; then
  ok "a dossier received after the copy takes the next id and the next code of the day ($code)"
else
  not_ok "receive after the copy" "exit $rc: $out" "first: $(cat "$work/received")"
fi
if [ "$(q "$kept")" = "$(q "$recount")" ]; then ok "the day counts follow a reception on the server"; else
  not_ok "open_due after a reception" "$(q "$kept")" "$(q "$recount")"; fi
out=$("$MOTCUA_BIN" --db "$server" --user admin audit verify 2>&1); rc=$?
if [ "$rc" = 0 ]; then ok "the chain verifies with the server's new rows: $out"; else not_ok "chain after new rows" "$out"; fi
"$MOTCUA_BIN" --db "$lite" --user pct.nga report 06a --from 2026-01-01 --to 2026-10-31 --format csv -o "$work/a.csv" >/dev/null 2>&1
"$MOTCUA_BIN" --db "$server" --user pct.nga report 06a --from 2026-01-01 --to 2026-10-31 --format csv -o "$work/b.csv" >/dev/null 2>&1
if [ -s "$work/a.csv" ] && cmp -s "$work/a.csv" "$work/b.csv"; then ok "report 06a the same from the copy"; else
  not_ok "report 06a differs"; fi

out=$("$MOTCUA_BIN" db copy --from "$lite" --to "$server" 2>&1); rc=$?
if [ "$rc" != 0 ] && grep -q "server init" <<<"$out"; then ok "a database holding a center is refused"; else
  not_ok "copy into a full database" "exit $rc: $out"; fi
out=$("$MOTCUA_BIN" db copy --from "$work/none.sqlite" --to "$server" 2>&1); rc=$?
if [ "$rc" != 0 ] && [ ! -e "$work/none.sqlite" ]; then ok "a missing file is refused, not created"; else
  not_ok "missing file" "exit $rc: $out"; fi
psql "$MOTCUA_TEST_PG" -qX -c "CREATE DATABASE \"${db}_b\"" >/dev/null
out=$("$MOTCUA_BIN" db copy --from "$lite" --to "$MOTCUA_TEST_PG dbname=${db}_b" 2>&1); rc=$?
if [ "$rc" != 0 ] && grep -q "server init" <<<"$out"; then ok "a database without the schema is refused"; else
  not_ok "copy into a bare database" "exit $rc: $out"; fi

echo "1..$n"
[ "$failures" = 0 ]
