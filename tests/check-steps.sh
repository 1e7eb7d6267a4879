#!/bin/sh
# check-steps.sh SOURCE_ROOT — core steps its queries through mc_db_step_row
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A bare `sqlite3_step (stmt) == SQLITE_ROW` reads SQLITE_BUSY, an I/O error
# or a damaged page as "no row": a dossier that exists reported missing, a
# list cut short (issue 14, item 4). In src/core only mc-db.c, which holds
# mc_db_step_row and mc_db_step_done, steps statements itself; mc-fts.c
# steps `SELECT fts5(?1)` once to obtain FTS5's API pointer (its result is
# the pointer, which is checked, not a row); mc-db-copy.c reads a file opened
# read-only outside McDb through its lite_step, which tells a row, the end
# and an error apart as mc_db_step_row does.
set -eu
core="$1/src/core"
found=$(grep -rnE '(==|!=)[[:space:]]*SQLITE_ROW|SQLITE_ROW[[:space:]]*(==|!=)|sqlite3_step[[:space:]]*\(' "$core" \
          --include='*.c' --include='*.h' |
        grep -vE '^[^:]*/mc-db\.c:' |
        grep -vE '^[^:]*/mc-fts\.c:[0-9]+:[[:space:]]*sqlite3_step \(stmt\);$' |
        grep -vE '^[^:]*/mc-db-copy\.c:[0-9]+:[[:space:]]*switch \(sqlite3_step \(stmt\)\)$' || true)
if [ -n "$found" ]; then
  echo "Step through mc_db_step_row (McDbStep: ROW, DONE or ERROR with a GError) instead of:"
  echo "$found"
  exit 1
fi
echo "ok: no bare step in src/core outside mc-db.c"
