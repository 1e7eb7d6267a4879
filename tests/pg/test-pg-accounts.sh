#!/bin/bash
# test-pg-accounts.sh — `motcua account add` creates the person's login on PostgreSQL (issue 17, item 2)
# SPDX-License-Identifier: GPL-3.0-or-later
#
# On a server each person signs in as their own login role (SCRAM): `account
# add` creates it through mc_staff_login () (resources/sql/pg/0022), with the
# password's SCRAM verifier computed on the desk, in the group role of each
# function; `account set` keeps the memberships in step and a disabled
# account may not sign in. Each through psql with the person's password.
#
# MOTCUA_TEST_PG: a keyword=value conninfo of a user who may create
# databases and roles (.ci/run sets it). Without it: skipped (exit 77).
# MOTCUA_BIN: the motcua program.
set -u
[ -n "${MOTCUA_TEST_PG:-}" ] || { echo "1..0 # SKIP MOTCUA_TEST_PG is not set"; exit 77; }
command -v psql >/dev/null || { echo "1..0 # SKIP psql is not installed"; exit 77; }

export LC_ALL=C.UTF-8 PGCONNECT_TIMEOUT=10 MOTCUA_NOW="2026-11-23 09:30" MOTCUA_PASSWORD=motcua2026
tag="a$$_$(date +%s)"
db="motcua_$tag"
work=$(mktemp -d)
lite="$work/center.sqlite"
server="$MOTCUA_TEST_PG dbname=$db"
pw="Matkhau2026"
new_pw="Tiepnhan-2026"
printf '%s\n' "$pw" > "$work/pw"
person="${tag}_tn"
other="${tag}_other"

cleanup () {
  psql "$MOTCUA_TEST_PG" -qX -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1
  for r in "${tag}_admin" "$person" "$other" "${tag}_bc"; do
    psql "$MOTCUA_TEST_PG" -qX -c "DROP ROLE IF EXISTS \"$r\"" >/dev/null 2>&1
  done
  rm -rf "$work"
}
trap cleanup EXIT

n=0
failures=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failures=$((failures + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }
q () { psql "$server" -AtX -c "$1" 2>&1; }
as () { out=$(psql "$server user=$1 password=$2" -qXAt -v ON_ERROR_STOP=1 -c "$3" 2>&1); }
groups () { q "SELECT string_agg (b.rolname, ',' ORDER BY b.rolname) FROM pg_auth_members m
                 JOIN pg_roles b ON b.oid = m.roleid JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = '$1'"; }

"$MOTCUA_BIN" --db "$lite" demo --dossiers 20 --seed 7 >/dev/null 2>&1 || { echo "Bail out! demo"; exit 1; }
psql "$MOTCUA_TEST_PG" -qX -v ON_ERROR_STOP=1 -c "CREATE DATABASE \"$db\"" >/dev/null || { echo "Bail out! createdb"; exit 1; }
"$MOTCUA_BIN" server init "$server" --username "${tag}_admin" --name "Quản Trị" --password-file "$work/pw" \
  >/dev/null 2>&1 || { echo "Bail out! server init"; exit 1; }
"$MOTCUA_BIN" db copy --from "$lite" --to "$server" >"$work/copy" 2>&1 || { echo "Bail out! db copy: $(cat "$work/copy")"; exit 1; }

out=$(MOTCUA_NEW_PASSWORD="$new_pw" "$MOTCUA_BIN" --db "$server" --user admin account add "$person" \
      --name "Nguyễn Văn Mới" --roles tiep_nhan --department TTPV 2>&1); rc=$?
if [ "$rc" = 0 ] && [ -z "$out" ]; then ok "account add on the server"; else not_ok "account add" "exit $rc: $out"; fi
if [ "$(groups "$person")" = "motcua_login,motcua_tiep_nhan" ]; then ok "the login is in the counter's group only"; else
  not_ok "memberships: $(groups "$person")"; fi
if [ "$(q "SELECT rolcanlogin AND NOT rolsuper AND NOT rolcreaterole FROM pg_roles WHERE rolname = '$person'")" = t ]; then
  ok "a plain login role (no superuser, no CREATEROLE)"
else
  not_ok "role attributes"
fi
if as "$person" "$new_pw" "SELECT current_user, count (*) > 0 FROM dossier" && [ "$out" = "$person|t" ]; then
  ok "the new person signs in with psql and their own password"
else
  not_ok "sign-in with psql" "$out"
fi
if as "$person" "wrong-password" "SELECT 1"; then not_ok "a wrong password is refused"; else ok "a wrong password is refused"; fi
if as "$person" "$new_pw" "INSERT INTO setting (key, value) VALUES ('report.signer', 'x')"; then
  not_ok "refused: the counter clerk changes a setting" "$out"
elif grep -q "permission denied" <<<"$out"; then ok "refused: the counter clerk changes a setting"; else
  not_ok "refused: a setting (another error)" "$out"; fi
if as "$person" "$new_pw" "SELECT mc_staff_login ('$person', NULL)"; then
  not_ok "refused: a clerk makes logins" "$out"
elif grep -q "permission denied" <<<"$out"; then ok "refused: a clerk makes logins"; else
  not_ok "refused: a clerk makes logins (another error)" "$out"; fi

out=$("$MOTCUA_BIN" --db "$server" --user admin account set "$person" --roles chuyen_vien 2>&1); rc=$?
if [ "$rc" = 0 ] && [ "$(groups "$person")" = "motcua_chuyen_vien,motcua_login" ]; then
  ok "a change of function moves the login to the specialist's group"
else
  not_ok "account set --roles" "exit $rc: $out" "$(groups "$person")"
fi
if as "$person" "$new_pw" "INSERT INTO refusal (unit_id, procedure_id, at, applicant_name, reason) VALUES (1, 1, 0, 'x', 'y')"; then
  not_ok "refused: no longer at the counter, no refusal written" "$out"
elif grep -q "permission denied" <<<"$out"; then ok "refused: no longer at the counter, a refusal"; else
  not_ok "refused: refusal (another error)" "$out"; fi
out=$("$MOTCUA_BIN" --db "$server" --user admin account set "$person" --active no 2>&1); rc=$?
if [ "$rc" = 0 ] && ! as "$person" "$new_pw" "SELECT 1" && grep -q "not permitted to log in" <<<"$out"; then
  ok "a disabled account's login may not sign in"
else
  not_ok "disabled account" "exit $rc" "$out"
fi
out=$("$MOTCUA_BIN" --db "$server" --user admin account set "$person" --active yes 2>&1); rc=$?
if [ "$rc" = 0 ] && as "$person" "$new_pw" "SELECT 1"; then ok "enabled again, it signs in with the same password"; else
  not_ok "enabled again" "exit $rc" "$out"; fi

# Another role of the cluster is not taken over by naming an account after it.
psql "$MOTCUA_TEST_PG" -qX -c "CREATE ROLE \"$other\" LOGIN PASSWORD 'theirs-2026'" >/dev/null
out=$(MOTCUA_NEW_PASSWORD="$new_pw" "$MOTCUA_BIN" --db "$server" --user admin account add "$other" \
      --name "Người Khác" --roles quan_tri 2>&1); rc=$?
if [ "$rc" != 0 ] && [ "$(q "SELECT count (*) FROM staff WHERE username = '$other'")" = 0 ] && [ -z "$(groups "$other")" ] &&
   grep -q "$other" <<<"$out" && psql "$MOTCUA_TEST_PG user=$other password=theirs-2026" -AtXc "SELECT 1" >/dev/null 2>&1; then
  ok "an existing role of another kind is refused, its password and groups untouched, no account written"
else
  not_ok "takeover of an existing role" "exit $rc: $out" "groups: $(groups "$other")"
fi
# Without a new password: the login is made, but may not sign in until given one.
out=$("$MOTCUA_BIN" --db "$server" --user admin account add "${tag}_bc" --name "Phạm Thu" --roles bao_cao 2>&1); rc=$?
if [ "$rc" = 0 ] && [ "$(groups "${tag}_bc")" = "motcua_bao_cao,motcua_login" ] && ! as "${tag}_bc" "" "SELECT 1"; then
  ok "an account added without a password has its login, which cannot sign in yet"
else
  not_ok "account without password" "exit $rc: $out"
fi
out=$("$MOTCUA_BIN" --db "$server" --user admin audit verify 2>&1); rc=$?
if [ "$rc" = 0 ]; then ok "the chain verifies after the accounts' changes: $out"; else not_ok "audit verify" "$out"; fi

echo "1..$n"
[ "$failures" = 0 ]
