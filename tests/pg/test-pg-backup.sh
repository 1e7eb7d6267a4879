#!/bin/bash
# test-pg-backup.sh — motcua backup and restore on a PostgreSQL server (issue 17, item 4)
# SPDX-License-Identifier: GPL-3.0-or-later
#
# `motcua backup FILE` on a server runs pg_dump --format=custom into FILE
# through the output gate (no overwrite without --force, 0600, never over a
# database file); `motcua restore FILE` with --db on a server restores it with
# pg_restore and psql into an empty database in one transaction, the
# database's grants put back and the audit chain verified, or nothing.
#
# MOTCUA_TEST_PG: a keyword=value conninfo of a user who may create
# databases and roles (.ci/run sets it). Without it: skipped (exit 77).
# MOTCUA_BIN: the motcua program.
set -u
[ -n "${MOTCUA_TEST_PG:-}" ] || { echo "1..0 # SKIP MOTCUA_TEST_PG is not set"; exit 77; }
for tool in psql pg_dump pg_restore; do
  command -v $tool >/dev/null || { echo "1..0 # SKIP $tool is not installed"; exit 77; }
done

export LC_ALL=C.UTF-8 PGCONNECT_TIMEOUT=10 MOTCUA_NOW="2026-11-23 09:30" MOTCUA_PASSWORD=motcua2026
tag="b$$_$(date +%s)"
db="motcua_$tag"
work=$(mktemp -d)
lite="$work/center.sqlite"
server="$MOTCUA_TEST_PG dbname=$db"
pw="Matkhau2026"
printf '%s\n' "$pw" > "$work/pw"

cleanup () {
  for d in "$db" "${db}_r" "${db}_t" "${db}_bad"; do
    psql "$MOTCUA_TEST_PG" -qX -c "DROP DATABASE IF EXISTS \"$d\" WITH (FORCE)" >/dev/null 2>&1
  done
  for r in "${tag}_admin" "${tag}_stranger"; do
    psql "$MOTCUA_TEST_PG" -qX -c "DROP ROLE IF EXISTS \"$r\"" >/dev/null 2>&1
  done
  rm -rf "$work"
}
trap cleanup EXIT

n=0
failures=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failures=$((failures + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }
q () { psql "$MOTCUA_TEST_PG dbname=$1" -AtX -F ' ' -c "$2" 2>&1; }

# A center on the server: the demo moved there by db copy.
"$MOTCUA_BIN" --db "$lite" demo --dossiers 60 --seed 7 >/dev/null 2>&1 || { echo "Bail out! demo"; exit 1; }
for d in "$db" "${db}_r" "${db}_t" "${db}_bad"; do
  psql "$MOTCUA_TEST_PG" -qX -v ON_ERROR_STOP=1 -c "CREATE DATABASE \"$d\"" >/dev/null || { echo "Bail out! createdb"; exit 1; }
done
"$MOTCUA_BIN" server init "$server" --username "${tag}_admin" --name "Quản Trị" --password-file "$work/pw" \
  >/dev/null 2>&1 || { echo "Bail out! server init"; exit 1; }
"$MOTCUA_BIN" db copy --from "$lite" --to "$server" >"$work/copy" 2>&1 || { echo "Bail out! db copy: $(cat "$work/copy")"; exit 1; }
for l in tn.lan admin; do
  "$MOTCUA_BIN" server add-login "$server" $l --password-file "$work/pw" >/dev/null 2>&1 ||
    { echo "Bail out! add-login $l"; exit 1; }
done

out=$("$MOTCUA_BIN" --db "$server" --user admin backup "$work/center.dump" 2>&1); rc=$?
if [ "$rc" = 0 ] && [ "$(head -c 5 "$work/center.dump")" = PGDMP ] && [ "$(stat -c %a "$work/center.dump")" = 600 ]; then
  ok "backup on the server: a pg_dump archive, mode 0600"
else
  not_ok "backup on the server" "exit $rc: $out" "$(ls -la "$work")"
fi
sum=$(sha256sum < "$work/center.dump")
out=$("$MOTCUA_BIN" --db "$server" --user admin backup "$work/center.dump" 2>&1); rc=$?
if [ "$rc" != 0 ] && grep -q -- "--force" <<<"$out" && [ "$(sha256sum < "$work/center.dump")" = "$sum" ]; then
  ok "an existing backup is not replaced without --force"
else
  not_ok "overwrite without --force" "exit $rc: $out"
fi
out=$("$MOTCUA_BIN" --db "$server" --user admin backup "$work/center.dump" --force 2>&1); rc=$?
if [ "$rc" = 0 ]; then ok "… and is with --force"; else not_ok "backup --force" "exit $rc: $out"; fi
out=$("$MOTCUA_BIN" --db "$server" --user admin backup "$lite" --force 2>&1); rc=$?
if [ "$rc" != 0 ] && "$MOTCUA_BIN" --db "$lite" --user admin audit verify >/dev/null 2>&1; then
  ok "a backup never replaces a database file"
else
  not_ok "backup over a database file" "exit $rc: $out"
fi
out=$("$MOTCUA_BIN" --db "$server" --user tn.lan backup "$work/clerk.dump" 2>&1); rc=$?
if [ "$rc" != 0 ] && [ ! -e "$work/clerk.dump" ]; then ok "a clerk may not take a backup"; else
  not_ok "a clerk's backup" "exit $rc: $out"; fi
staff_conn="$MOTCUA_TEST_PG dbname=$db user=admin password=$pw"
out=$(MOTCUA_PASSWORD="$pw" "$MOTCUA_BIN" --db "$staff_conn" --user admin backup "$work/desk.dump" 2>&1); rc=$?
if [ "$rc" != 0 ] && [ ! -e "$work/desk.dump" ] && ! ls "$work" | grep -q '\.tmp'; then
  ok "a desk login cannot dump the server (the audit key), no file left: $(tail -c 120 <<<"$out")"
else
  not_ok "a desk login's backup" "exit $rc: $out" "$(ls "$work")"
fi

# Restore into an empty database.
restored="$MOTCUA_TEST_PG dbname=${db}_r"
out=$("$MOTCUA_BIN" --db "$restored" restore "$work/center.dump" 2>&1); rc=$?
if [ "$rc" = 0 ] && grep -q "^audit" <<<"$out"; then ok "restore into an empty database: $(tr '\n\t' '  ' <<<"$out")"; else
  not_ok "restore" "exit $rc: $out"; fi
differ=""
for t in dossier dossier_event staff daily_stat procedure setting; do
  [ "$(q "$db" "SELECT count (*) FROM $t")" = "$(q "${db}_r" "SELECT count (*) FROM $t")" ] || differ="$differ $t"
done
# The trail up to the dump: the desk login's refused backup above signed in
# after it (its "sign_in" row is the source's only).
last=$(q "${db}_r" "SELECT max (id) FROM audit_log")
[ "$(q "$db" "SELECT count (*) FROM audit_log WHERE id <= $last")" = "$(q "${db}_r" "SELECT count (*) FROM audit_log")" ] &&
  [ "$(q "$db" "SELECT count (*) FROM audit_log WHERE id > $last AND action <> 'sign_in'")" = 0 ] || differ="$differ audit_log"
if [ -z "$differ" ]; then ok "the same rows in every table checked"; else not_ok "counts differ:$differ"; fi
a=$(q "$db" "SELECT id, hash FROM audit_log WHERE id <= $last ORDER BY id" | sha256sum)
b=$(q "${db}_r" "SELECT id, hash FROM audit_log ORDER BY id" | sha256sum)
if [ "$a" = "$b" ]; then ok "the audit chain restored row for row"; else not_ok "audit rows differ"; fi
out=$("$MOTCUA_BIN" --db "$restored" --user admin audit verify 2>&1); rc=$?
if [ "$rc" = 0 ]; then ok "audit verify on the restored database: $out"; else not_ok "audit verify after restore" "$out"; fi
if [ "$(q "${db}_r" "SELECT tableowner FROM pg_tables WHERE tablename = 'dossier'")" = motcua_owner ]; then
  ok "the tables belong to motcua_owner again"
else
  not_ok "owner after restore: $(q "${db}_r" "SELECT tableowner FROM pg_tables WHERE tablename = 'dossier'")"
fi
if out=$(psql "$MOTCUA_TEST_PG dbname=${db}_r user=tn.lan password=$pw" -AtX -c "SELECT count (*) > 0 FROM dossier" 2>&1) &&
   [ "$out" = t ]; then
  ok "a desk's login connects to the restored database (CONNECT granted again)"
else
  not_ok "a desk's login on the restored database" "$out"
fi
psql "$MOTCUA_TEST_PG" -qX -c "CREATE ROLE \"${tag}_stranger\" LOGIN PASSWORD '$pw'" >/dev/null
if out=$(psql "$MOTCUA_TEST_PG dbname=${db}_r user=${tag}_stranger password=$pw" -AtX -c "SELECT 1" 2>&1); then
  not_ok "another login of the cluster connects to the restored database" "$out"
elif grep -q "permission denied" <<<"$out"; then
  ok "another login of the cluster may not connect (CONNECT revoked from PUBLIC again)"
else
  not_ok "a stranger's connection (another error)" "$out"
fi

out=$("$MOTCUA_BIN" --db "$restored" restore "$work/center.dump" 2>&1); rc=$?
if [ "$rc" != 0 ] && grep -q "createdb" <<<"$out"; then ok "a database that is not empty is refused"; else
  not_ok "restore over a database" "exit $rc: $out"; fi
printf 'not a dump\n' > "$work/bogus.dump"
out=$("$MOTCUA_BIN" --db "$MOTCUA_TEST_PG dbname=${db}_t" restore "$work/bogus.dump" 2>&1); rc=$?
if [ "$rc" != 0 ] && grep -q "pg_dump" <<<"$out" &&
   [ "$(q "${db}_t" "SELECT count (*) FROM pg_tables WHERE schemaname = 'public'")" = 0 ]; then
  ok "a file that is no pg_dump archive is refused"
else
  not_ok "restore of a bogus file" "exit $rc: $out"
fi

# A backup whose trail was edited behind the triggers' back: nothing restored.
psql "$server" -qX -c "SET session_replication_role = replica; UPDATE audit_log SET detail = 'sửa'
  WHERE id = (SELECT id FROM audit_log ORDER BY id OFFSET 3 LIMIT 1)" >/dev/null 2>&1
"$MOTCUA_BIN" --db "$server" --user admin backup "$work/edited.dump" >/dev/null 2>&1
out=$("$MOTCUA_BIN" --db "$MOTCUA_TEST_PG dbname=${db}_bad" restore "$work/edited.dump" 2>&1); rc=$?
if [ "$rc" != 0 ] && [ "$(q "${db}_bad" "SELECT count (*) FROM pg_class WHERE relnamespace = 'public'::regnamespace")" = 0 ]; then
  ok "a backup whose audit chain does not verify restores nothing: $out"
else
  not_ok "restore of an edited trail" "exit $rc: $out" "$(q "${db}_bad" "SELECT count (*) FROM pg_tables WHERE schemaname = 'public'")"
fi

echo "1..$n"
[ "$failures" = 0 ]
