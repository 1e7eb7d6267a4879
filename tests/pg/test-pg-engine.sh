#!/bin/bash
# test-pg-engine.sh — the same commands give the same results on SQLite and PostgreSQL (issue 17, item 1)
# SPDX-License-Identifier: GPL-3.0-or-later
#
# `motcua --db postgresql://…` (or a conninfo) runs on the server through
# src/core/mc-sql-pg.c. Each step below runs once on a fresh SQLite file and
# once on a fresh PostgreSQL database, at the same fixed time
# (MOTCUA_NOW), and their outputs must be equal: opening and migrating,
# account init and sign-in (argon2 on both), the demo's 80 dossiers through
# every transition to the return desk, dossier receive, show, the inbox,
# a dossier from reception through a leader's decision to its return, the audit trail's length,
# report 06a, public, cchc, evaluation and narrative, the dashboard; the
# queue (services, counters, tickets through every move, its statistics);
# a backup written by pg_dump.
#
# MOTCUA_TEST_PG: a keyword=value conninfo of a user who may create
# databases and roles (.ci/run sets it). Without it: skipped (exit 77).
# MOTCUA_BIN: the motcua program.
set -u
[ -n "${MOTCUA_TEST_PG:-}" ] || { echo "1..0 # SKIP MOTCUA_TEST_PG is not set"; exit 77; }
command -v psql >/dev/null || { echo "1..0 # SKIP psql is not installed"; exit 77; }

export LC_ALL=C.UTF-8 PGCONNECT_TIMEOUT=10 MOTCUA_NOW="2026-11-23 09:30" MOTCUA_PASSWORD=motcua2026
db="motcua_engine_$$_$(date +%s)"
work=$(mktemp -d)
lite="$work/center.sqlite"
# A later keyword overrides an earlier one in a conninfo string.
server="$MOTCUA_TEST_PG dbname=$db"

cleanup () {
  psql "$MOTCUA_TEST_PG" -qX -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
psql "$MOTCUA_TEST_PG" -qX -v ON_ERROR_STOP=1 -c "CREATE DATABASE \"$db\"" >/dev/null || exit 1

n=0
failures=0
# same NAME ARGS…: runs `motcua ARGS…` on both engines; the outputs (and
# exit statuses) must be equal and the command must have succeeded.
same () {
  local name="$1"; shift
  local a b ra rb
  a=$("$MOTCUA_BIN" --db "$lite" "$@" 2>&1); ra=$?
  b=$("$MOTCUA_BIN" --db "$server" "$@" 2>&1); rb=$?
  last="$a"
  if [ "${name%(but who)}" != "$name" ]; then
    a=$(printf '%s\n' "$a" | awk -F '\t' -v OFS='\t' '$1 == "event" { $6 = "" } { print }')
    b=$(printf '%s\n' "$b" | awk -F '\t' -v OFS='\t' '$1 == "event" { $6 = "" } { print }')
  fi
  # On a server the demo's people get their logins; those already on the
  # cluster (another test's) are named on the error output.
  if [ "${name%(but logins)}" != "$name" ]; then
    b=$(printf '%s\n' "$b" | grep -v '^Không tạo tài khoản đăng nhập cho:')
  fi
  n=$((n + 1))
  if [ "$ra" = 0 ] && [ "$rb" = 0 ] && [ "$a" = "$b" ]; then
    echo "ok $n - $name"
  else
    failures=$((failures + 1))
    echo "not ok $n - $name (SQLite exit $ra, PostgreSQL exit $rb)"
    diff <(printf '%s\n' "$a") <(printf '%s\n' "$b") | head -20 | sed 's/^/# /'
  fi
}

same "demo: the same dossiers, accounts and history (but logins)" demo --dossiers 80 --seed 7
n=$((n + 1))
logins=$(psql "$server" -AtX -c "SELECT count (*) FROM staff s JOIN pg_roles r ON r.rolname = s.username WHERE r.rolcanlogin")
if [ "$logins" = 15 ]; then echo "ok $n - the demo's 15 people have their logins on the server"; else
  failures=$((failures + 1)); echo "not ok $n - logins of the demo's people: $logins of 15"; fi
same "accounts listed alike" --user admin account list
same "catalog listed alike" --user admin catalog list
same "a dossier received, numbered alike" --user tn.lan dossier receive --procedure 1.001193 \
  --name "Lê Thị Cúc" --id-number 001190012345 --channel truc_tiep --phone 0912345678 --at "2026-11-23 09:00"
code=$(printf '%s\n' "$last" | cut -f1)
same "transferred to the department" --user tn.lan dossier transfer "$code" --to VP --at "2026-11-23 09:05"
same "accepted by a specialist" --user cv.tuan dossier accept "$code" --at "2026-11-23 09:10"
same "the specialist's inbox" --user cv.tuan dossier inbox
same "decided by the committee's leader" --user pct.nga dossier finish "$code" --number "12/QĐ-UBND" \
  --at "2026-11-23 09:20"
same "the result returned" --user tn.lan dossier return "$code" --collected-by "Lê Thị Cúc" \
  --id-number 001190012345 --at "2026-11-23 09:25"
# Who recorded an event: on SQLite the signed-in person (mc_actor () in C);
# on PostgreSQL the staff member whose login role the connection uses
# (session_user: resources/sql/pg/0005-audit.sql), none for this test's
# connection as the cluster's superuser. The rest of each line must match.
same "dossier show: data, documents, timeline (but who)" --user tn.lan dossier show "$code"
first=$(psql "$server" -AtX -c "SELECT code FROM dossier ORDER BY id LIMIT 1")
same "a demo dossier shown alike" --user tn.lan dossier show "$first"
same "the leader's inbox" --user pct.nga dossier inbox
same "the apology register" --user pct.nga dossier apologies --year 2026
same "report 06a for the year" --user pct.nga report 06a --from 2026-01-01 --to 2026-12-31 --format csv -o "$work/06a.csv" --force
cp "$work/06a.csv" "$work/06a-lite.csv"
"$MOTCUA_BIN" --db "$server" --user pct.nga report 06a --from 2026-01-01 --to 2026-12-31 --format csv -o "$work/06a.csv" --force >/dev/null 2>&1
n=$((n + 1))
if cmp -s "$work/06a.csv" "$work/06a-lite.csv" && [ "$(wc -l < "$work/06a.csv")" -gt 10 ]; then
  echo "ok $n - report 06a: the same table on both"
else
  failures=$((failures + 1)); echo "not ok $n - report 06a differs"
  diff "$work/06a-lite.csv" "$work/06a.csv" | head -10 | sed 's/^/# /'
fi
# The other statutory tables and the overview, file by file.
for doc in "public csv" "cchc csv" "evaluation csv" "narrative txt"; do
  set -- $doc
  for side in lite server; do
    if [ "$side" = lite ]; then where="$lite"; else where="$server"; fi
    "$MOTCUA_BIN" --db "$where" --user pct.nga report "$1" --from 2026-01-01 --to 2026-12-31 --format "$2" \
      -o "$work/$1-$side.$2" --force >/dev/null 2>&1
  done
  # The narrative ends with the audit trail's head (rows:hash), which is
  # each engine's own chain (the server hashes with its own key).
  for side in lite server; do
    [ -f "$work/$1-$side.$2" ] && sed -i '/^Nhật ký hệ thống: /d' "$work/$1-$side.$2"
  done
  n=$((n + 1))
  if [ -s "$work/$1-lite.$2" ] && cmp -s "$work/$1-lite.$2" "$work/$1-server.$2"; then
    echo "ok $n - report $1: the same on both"
  else
    failures=$((failures + 1)); echo "not ok $n - report $1 differs or is missing"
    diff "$work/$1-lite.$2" "$work/$1-server.$2" 2>&1 | head -6 | sed 's/^/# /'
  fi
done
same "the dashboard's figures" --user pct.nga dashboard --format json
# The queue (issue 18): services and counters added, tickets taken, called,
# served, finished, skipped and moved, then the statistics — every statement
# of mc-queue.c and mc-queue-stats.c on both engines (the demo has services A–D
# and counters 1–4).
same "queue: a service added" --user admin queue service add --name "Chứng thực bản sao" --prefix E
same "queue: a counter added" --user admin queue counter add --number 5 --name "Quầy 5" --services E,A
same "queue: services listed" --user admin queue service list
for t in "A 08:00" "A 08:02" "A 08:05" "C 08:07" "E 08:10" "B 09:00" "A 09:20"; do
  set -- $t
  same "queue: a ticket $1 taken at $2" queue take --service "$1" --at "2026-11-23 $2"
done
same "queue: a priority ticket" queue take --service A --priority nguoi_cao_tuoi --at "2026-11-23 08:12"
same "queue: counter 1 calls (the priority first)" --user tn.lan queue call --counter 1 --at "2026-11-23 08:15"
same "queue: being served" --user tn.lan queue serve --counter 1 --at "2026-11-23 08:16"
same "queue: finished" --user tn.lan queue finish --counter 1 --at "2026-11-23 08:25"
same "queue: the next called" --user tn.lan queue call --counter 1 --at "2026-11-23 08:26"
same "queue: called again" --user tn.lan queue recall --counter 1 --at "2026-11-23 08:28"
same "queue: absent" --user tn.lan queue skip --counter 1 --at "2026-11-23 08:30"
same "queue: counter 5 calls" --user tn.lan queue call --counter 5 --at "2026-11-23 08:31"
same "queue: moved to counter 3" --user tn.lan queue transfer --counter 5 --to-counter 3 --at "2026-11-23 08:32"
same "queue: counter 2 calls" --user tn.lan queue call --counter 2 --at "2026-11-23 08:40"
same "queue: counter 2 serves" --user tn.lan queue serve --counter 2 --at "2026-11-23 08:41"
same "queue: counter 2 finishes" --user tn.lan queue finish --counter 2 --at "2026-11-23 08:52"
same "queue: status" queue status --day 2026-11-23
for by in day counter service hour; do
  same "queue: stats by $by" --user pct.nga queue stats --from 2026-11-01 --to 2026-11-30 --by "$by"
done
same "queue: stats as JSON (every grouping)" --user pct.nga queue stats --from 2026-11-01 --to 2026-11-30 --format json
for side in lite server; do
  if [ "$side" = lite ]; then where="$lite"; else where="$server"; fi
  "$MOTCUA_BIN" --db "$where" --user pct.nga queue stats --from 2026-11-01 --to 2026-11-30 --format pdf \
    -o "$work/queue-$side.pdf" --force >/dev/null 2>&1
  # The words, not their places: the audit note at the foot (each engine's
  # own chain) is as long as its head and moves the rest of the line.
  pdftotext "$work/queue-$side.pdf" - 2>/dev/null | grep -v "Nhật ký hệ thống: " | tr -s ' ' > "$work/queue-$side.txt"
done
n=$((n + 1))
if [ -s "$work/queue-lite.txt" ] && cmp -s "$work/queue-lite.txt" "$work/queue-server.txt" &&
   grep -q "THỐNG KÊ LẤY SỐ THỨ TỰ" "$work/queue-server.txt"; then
  echo "ok $n - queue: Thống kê xếp hàng's PDF says the same on both"
else
  failures=$((failures + 1)); echo "not ok $n - queue: the PDFs differ or are missing"
  diff "$work/queue-lite.txt" "$work/queue-server.txt" 2>&1 | head -6 | sed 's/^/# /'
fi
# Search: FTS5 on SQLite, pg_trgm over dossier.search_folded on the server
# (mc_dossier_store_search_sql), the same words folded by the same C fold.
tail=$(printf '%s\n' "$code" | awk -F- '{ print $(NF-1) "-" $NF }')
same "search by name with diacritics" --user tn.lan dossier search "Lê Thị Cúc"
same "search without diacritics, the last word a prefix" --user tn.lan dossier search "le thi cu"
same "search by the receipt code's tail" --user tn.lan dossier search "$tail"
# The start of a code's tail ("H56-2611"): on the server from the code index
# (resources/sql/pg/0024-search-code.sql), the same dossiers as FTS5 finds.
start=$(printf '%s\n' "$code" | awk -F. '{ print substr ($NF, 1, 8) }')
same "search by the start of a code's tail ($start)" --user tn.lan dossier search "$start"
n=$((n + 1))
# Seq scans, bitmaps and sorts priced out: on a table of a few hundred rows
# the planner may otherwise sort a bitmap scan (seen once under load); the
# question asked is whether the index can give this order, not its cost here.
plan=$(psql "$server" -AtX -c "SET enable_seqscan = off" -c "SET enable_bitmapscan = off" -c "SET enable_sort = off" -c "EXPLAIN SELECT d.id FROM dossier d
  WHERE mc_code_tail (d.code) LIKE lower ('$start') || '%' ORDER BY mc_code_tail (d.code) USING ~>~ LIMIT 100" 2>&1)
lit=$(psql "$server" -AtX -c "EXPLAIN SELECT d.id FROM dossier d WHERE mc_code_tail (d.code) LIKE 'h56-2611%'
  ORDER BY mc_code_tail (d.code) USING ~>~ LIMIT 100" 2>&1)
if printf '%s' "$plan$lit" | grep -q "Index Scan Backward using dossier_code_tail"; then
  echo "ok $n - the code's tail is read from its index, highest first (EXPLAIN)"
else
  failures=$((failures + 1)); echo "not ok $n - the code tail's plan"; printf '%s\n' "$plan" "$lit" | sed 's/^/# /'
fi
same "search with đ folded (Đức as duc)" --user tn.lan dossier search "duc"
# Names read from dossier_word (resources/sql/pg/0032-search-words.sql):
# common words, a word still being typed, a word no one has, a word that
# starts a code's token ("h" of "h56").
same "search by common words (nguyen van)" --user tn.lan dossier search "nguyen van"
same "search by words and a prefix (tran thi h)" --user tn.lan dossier search "tran thi h"
same "search by a single prefix (ng)" --user tn.lan dossier search "ng"
same "search by a name no one has (nguyen xyz)" --user tn.lan dossier search "nguyen xyz"
same "search by a code's letters and a name (h nguyen)" --user tn.lan dossier search "h nguyen"
# Both ways through dossier_word (a rare word's ids looked up; windows of
# ids from the newest, which motcua.search_rare = 0 forces on a database this
# small) give the ids the trigram condition gives, in the same order.
n=$((n + 1))
words_check=$(psql "$server" -AtX -v ON_ERROR_STOP=1 -c "DO \$\$
DECLARE
  q text;
  rare text;
  lim bigint;
  a bigint[];
  b bigint[];
  last bigint := (SELECT max (id) FROM dossier);
BEGIN
  IF EXISTS (SELECT d.id, w FROM dossier d, mc_search_words (d.search_folded) AS w EXCEPT SELECT id, word FROM dossier_word)
     OR EXISTS (SELECT id, word FROM dossier_word EXCEPT SELECT d.id, w FROM dossier d, mc_search_words (d.search_folded) AS w) THEN
    RAISE EXCEPTION 'dossier_word is not the words of the dossiers';
  END IF;
  -- A name changed: its words replaced (then undone).
  BEGIN
    UPDATE dossier SET applicant_name = 'Quách Đình Zung' WHERE id = last;
    IF (SELECT array_agg (word ORDER BY word) FROM dossier_word WHERE id = last) IS DISTINCT FROM
       (SELECT array_agg (w ORDER BY w) FROM dossier d, mc_search_words (d.search_folded) AS w WHERE d.id = last)
       OR NOT EXISTS (SELECT 1 FROM dossier_word WHERE word = 'zung' AND id = last)
       OR (SELECT array_agg (s.id) FROM mc_dossier_search ('quach dinh z', 5, NULL) AS s) IS DISTINCT FROM ARRAY[last] THEN
      RAISE EXCEPTION 'the words of a renamed dossier';
    END IF;
    RAISE EXCEPTION USING ERRCODE = 'MCUND';
  EXCEPTION WHEN SQLSTATE 'MCUND' THEN NULL;
  END;
  FOREACH rare IN ARRAY ARRAY['10000', '0'] LOOP
    PERFORM set_config ('motcua.search_rare', rare, true);
    FOREACH q IN ARRAY ARRAY['nguyen van', 'nguyen', 'tran thi h', 'le thi cu', 'ng', 'h', 'h nguyen', 'van a',
                             'thi', 'nguyen xyz', 'duc', 'pham van'] LOOP
      FOREACH lim IN ARRAY ARRAY[1, 3, 50] LOOP
        SELECT array_agg (s.id ORDER BY s.ord) INTO a
        FROM mc_dossier_search (q, lim, NULL) WITH ORDINALITY AS s (id, i, p, ord);
        EXECUTE format ('SELECT array_agg (id) FROM (SELECT d.id FROM dossier d WHERE %s ORDER BY d.id DESC LIMIT %s) x',
                        mc_search_condition ('d.search_folded', q), lim) INTO b;
        IF a IS DISTINCT FROM b THEN
          RAISE EXCEPTION 'search % (limit %, rare %): % against %', q, lim, rare, a, b;
        END IF;
      END LOOP;
    END LOOP;
  END LOOP;
END
\$\$" 2>&1)
if [ $? = 0 ]; then
  echo "ok $n - the word index gives the trigram condition's ids, both ways"
else
  failures=$((failures + 1)); echo "not ok $n - the word index's hits"; printf '%s\n' "$words_check" | sed 's/^/# /'
fi
same "search by a phone typed with dots" --user tn.lan dossier search "0912.345.678"
# dossier import (issue 17 item 6): on the server by COPY, 2,048 rows a
# statement (src/core/mc-dossier-import.c), counted per statement
# (resources/sql/pg/0023-bulk-insert.sql). The same lines refused with the
# same line numbers, nothing kept; then 4,500 lines (three COPY batches)
# imported alike, with the same 06a totals, counts per state and audit rows.
imp () {  # imp FILE LINES [DUP_OF]: LINES lines from 2025-03-01, one every 7 minutes
  awk -v n="$2" -v dup="${3:-0}" 'BEGIN {
    print "code,procedure_code,channel,received_at,due_at,finished_at,returned_at,outcome,applicant_name"
    split ("truc_tiep buu_chinh truc_tuyen", ch, " ")
    for (i = 1; i <= n; i++) {
      t = 1740787200 + i * 420; c = (i == dup) ? 1 : i
      fin = (i % 3) ? strftime ("%Y-%m-%d %H:%M", t + 86400 * (i % 9), 1) : ""
      ret = (i % 3 == 1) ? strftime ("%Y-%m-%d %H:%M", t + 86400 * (i % 9) + 3600, 1) : ""
      out = (i % 3 == 2) ? ((i % 2) ? "unqualified" : "withdrawn") : (fin == "" ? "" : "approved")
      printf "IMP-%06d,1.001193,%s,%s,,%s,%s,%s,Phan Thị Nhập %d\n", c, ch[1 + i % 3],
             strftime ("%Y-%m-%d %H:%M", t, 1), fin, ret, out, i
    }
  }' > "$1"
}
imp "$work/dup-in-batch.csv" 40 30
imp "$work/dup-across.csv" 4200 4100
imp "$work/good.csv" 4500
printf 'code,procedure_code,channel,received_at,due_at,finished_at,returned_at,outcome,applicant_name\n%s,1.001193,truc_tiep,2025-03-01 08:00,,,,,Trùng Mã\n' \
  "$code" > "$work/dup-existing.csv"
same_fails () {
  local name="$1"; shift
  local a b ra rb
  a=$("$MOTCUA_BIN" --db "$lite" "$@" 2>&1); ra=$?
  b=$("$MOTCUA_BIN" --db "$server" "$@" 2>&1); rb=$?
  n=$((n + 1))
  # The server may have committed a chunk before the bad line (chunks end
  # after 300 ms), which the message then says was removed.
  if [ "$ra" != 0 ] && [ "$rb" != 0 ] && { [ "$a" = "$b" ] || [ "$a. Không hồ sơ nào của tệp được giữ lại" = "$b" ]; }; then
    echo "ok $n - $name: $b"; else
    failures=$((failures + 1)); echo "not ok $n - $name (SQLite exit $ra: $a; PostgreSQL exit $rb: $b)"; fi
}
counts () {
  printf '%s|%s' "$(sqlite3 "$lite" "SELECT count(*) FROM dossier; SELECT count(*) FROM dossier_event" 2>&1 | tr '\n' ' ')" \
    "$(psql "$server" -AtX -c "SELECT count(*) FROM dossier" -c "SELECT count(*) FROM dossier_event" 2>&1 | tr '\n' ' ')"
}
before=$(counts)
same_fails "import: a code twice in one batch refused at its second line" --user admin dossier import "$work/dup-in-batch.csv"
same_fails "import: a code of an earlier batch refused with the first line named" --user admin dossier import "$work/dup-across.csv"
same_fails "import: a code already in the database refused" --user admin dossier import "$work/dup-existing.csv"
after=$(counts)
n=$((n + 1))
if [ "$before" = "$after" ]; then echo "ok $n - nothing of the refused files kept: no dossier, no event ($after)"; else
  failures=$((failures + 1)); echo "not ok $n - refused imports left rows: $before → $after"; fi
same "import: 4,500 lines (three COPY batches on the server)" --user admin dossier import "$work/good.csv"
a=$(sqlite3 "$lite" "SELECT state, n FROM dossier_state_count WHERE n > 0 ORDER BY state; SELECT count(*) FROM audit_log WHERE action = 'import'; SELECT count(*) FROM dossier_event WHERE kind = 'import'" 2>&1)
b=$(psql "$server" -AtX -c "SELECT state, sum (n) FROM dossier_state_count GROUP BY state HAVING sum (n) > 0 ORDER BY state" \
  -c "SELECT count(*) FROM audit_log WHERE action = 'import'" -c "SELECT count(*) FROM dossier_event WHERE kind = 'import'" 2>&1)
n=$((n + 1))
if [ "$a" = "$b" ] && printf '%s\n' "$b" | grep -qx 4500; then
  echo "ok $n - after the import: the same counts per state, one audit row for the import, 4,500 events"
else
  failures=$((failures + 1)); echo "not ok $n - after the import"; diff <(printf '%s\n' "$a") <(printf '%s\n' "$b") | sed 's/^/# /'
fi
a=$(sqlite3 "$lite" "SELECT unit_id, day, procedure_id, received_online, received_direct, settled_early, settled_on_time, settled_late, timed, timed_in_time FROM daily_stat WHERE received_online + received_direct + settled_early + settled_on_time + settled_late + timed + timed_in_time > 0 ORDER BY 1, 2, 3" 2>&1)
b=$(psql "$server" -AtX -c "SELECT unit_id, day, procedure_id, received_online, received_direct, settled_early, settled_on_time, settled_late, timed, timed_in_time FROM daily_stat WHERE received_online + received_direct + settled_early + settled_on_time + settled_late + timed + timed_in_time > 0 ORDER BY 1, 2, 3" 2>&1)
n=$((n + 1))
if [ -n "$a" ] && [ "$a" = "$b" ]; then echo "ok $n - the daily counters equal on both after the import ($(printf '%s\n' "$b" | wc -l) rows)"; else
  failures=$((failures + 1)); echo "not ok $n - daily counters differ"; diff <(printf '%s\n' "$a") <(printf '%s\n' "$b") | head -10 | sed 's/^/# /'; fi
for side in lite server; do
  if [ "$side" = lite ]; then where="$lite"; else where="$server"; fi
  "$MOTCUA_BIN" --db "$where" --user pct.nga report 06a --from 2025-01-01 --to 2025-12-31 --format csv \
    -o "$work/06a-2025-$side.csv" --force >/dev/null 2>&1
done
n=$((n + 1))
if [ -s "$work/06a-2025-lite.csv" ] && cmp -s "$work/06a-2025-lite.csv" "$work/06a-2025-server.csv"; then
  echo "ok $n - report 06a for 2025 (the imported year): the same table on both"
else
  failures=$((failures + 1)); echo "not ok $n - report 06a for 2025 differs"
  diff "$work/06a-2025-lite.csv" "$work/06a-2025-server.csv" 2>&1 | head -6 | sed 's/^/# /'
fi
for side in lite server; do
  if [ "$side" = lite ]; then where="$lite"; else where="$server"; fi
  out=$("$MOTCUA_BIN" --db "$where" --user admin audit verify 2>&1); rc=$?
  n=$((n + 1))
  if [ "$rc" = 0 ]; then echo "ok $n - audit verify on $side: $out"; else
    failures=$((failures + 1)); echo "not ok $n - audit verify on $side (exit $rc): $out"; fi
done
# An audit row edited behind the triggers' back (as the cluster's superuser,
# replica mode skips the append-only trigger) is found on the server.
edited=$(psql "$server" -AtX -c "SELECT id FROM audit_log ORDER BY id OFFSET 5 LIMIT 1")
psql "$server" -qX -c "SET session_replication_role = replica; UPDATE audit_log SET detail = 'sửa' WHERE id = $edited" >/dev/null 2>&1
out=$("$MOTCUA_BIN" --db "$server" --user admin audit verify 2>&1); rc=$?
n=$((n + 1))
if [ "$rc" != 0 ] && printf '%s' "$out" | grep -q "$edited"; then echo "ok $n - an edited audit row ($edited) found on the server"; else
  failures=$((failures + 1)); echo "not ok $n - edited audit row $edited (exit $rc): $out"; fi
backup=$("$MOTCUA_BIN" --db "$server" --user admin backup "$work/copy.dump" 2>&1)
n=$((n + 1))
if [ "$(head -c 5 "$work/copy.dump" 2>/dev/null)" = PGDMP ]; then
  echo "ok $n - a backup of a server database is pg_dump's archive (tests/pg/test-pg-backup.sh restores one)"
else
  failures=$((failures + 1)); echo "not ok $n - backup on the server: $backup"
fi
a=$(sqlite3 "$lite" "SELECT count(*), sum(state = 'returned') FROM dossier" 2>/dev/null | tr '|' ' ')
b=$(psql "$server" -AtX -F ' ' -c "SELECT count(*), sum((state = 'returned')::int) FROM dossier")
n=$((n + 1))
if [ -n "$a" ] && [ "$a" = "$b" ]; then echo "ok $n - the same dossiers stored ($b)"; else
  failures=$((failures + 1)); echo "not ok $n - stored dossiers differ: '$a' / '$b'"; fi
wrong=$(MOTCUA_PASSWORD=wrong "$MOTCUA_BIN" --db "$server" --user tn.lan dossier inbox 2>&1)
n=$((n + 1))
case "$wrong" in
  *"Sai tên đăng nhập hoặc mật khẩu"*|*"Wrong user name or password"*) echo "ok $n - a wrong password refused on the server";;
  *) failures=$((failures + 1)); echo "not ok $n - a wrong password: $wrong";;
esac
bad=$("$MOTCUA_BIN" --db "host=/nonexistent-motcua port=1 dbname=x" catalog list 2>&1)
n=$((n + 1))
case "$bad" in
  *"máy chủ"*|*"database server"*) echo "ok $n - an unreachable server told, in the person's language";;
  *) failures=$((failures + 1)); echo "not ok $n - unreachable server: $bad";;
esac
# libpq is opened only for a server (src/core/mc-pq.c): a command on the
# server loads it, the same command on the SQLite file does not.
n=$((n + 1))
LD_DEBUG=files "$MOTCUA_BIN" --db "$server" --user admin catalog list >/dev/null 2>"$work/ld-pg"
LD_DEBUG=files "$MOTCUA_BIN" --db "$lite" --user admin catalog list >/dev/null 2>"$work/ld-lite"
if grep -q 'file=libpq\.so' "$work/ld-pg" && ! grep -q 'file=libpq' "$work/ld-lite"; then
  echo "ok $n - libpq loaded for the server only"
else
  failures=$((failures + 1)); echo "not ok $n - libpq loaded for the server only"
fi
echo "1..$n"
[ "$failures" = 0 ]
