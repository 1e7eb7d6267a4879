#!/bin/sh
# check-storage-gate.sh SOURCE_ROOT — SQLite is core's private business
# (issue 14, item 4; HACKING.md, "Storage"). The build already fails when
# ui, export, board, cli or the programs in src/ use sqlite3 (they are compiled with -DSQLITE3_H);
# this test also fails on a mention in a comment or a string, on a core
# private header included outside core, and on a core header that names
# sqlite3 without being private (*-private.h).
root="$1"
failed=0

hits=$(grep -rn sqlite3 "$root/src/ui" "$root/src/export" "$root/src/board" "$root/src/cli" "$root"/src/*.c "$root"/src/*.h)
if [ -n "$hits" ]; then
  echo "sqlite3 outside src/core (run SQL through a core repository function instead):"
  echo "$hits"
  failed=1
fi

for header in "$root"/src/core/*-private.h; do
  name=$(basename "$header")
  hits=$(grep -rn "\"$name\"" "$root/src/ui" "$root/src/export" "$root/src/board" "$root/src/cli" "$root"/src/*.c "$root"/src/*.h)
  if [ -n "$hits" ]; then
    echo "core's private $name included outside src/core:"
    echo "$hits"
    failed=1
  fi
done

for header in "$root"/src/core/*.h; do
  case "$header" in
    *-private.h) ;;
    *) if grep -q sqlite3 "$header"; then
         echo "public header $(basename "$header") names sqlite3: move that part to mc-db-private.h"
         failed=1
       fi ;;
  esac
done

# Inside core, only the storage files (core_storage_sources in
# src/core/meson.build) name SQLite's API or include its headers; the others
# run SQL through mc-sql.h (the build compiles them with the gate too).
storage=$(sed -n "/^core_storage_sources = files(/,/^)/p" "$root/src/core/meson.build" | grep -o "'mc-[a-z0-9-]*\.c'" | tr -d "'")
for source in "$root"/src/core/*.c; do
  name=$(basename "$source")
  case " $(echo $storage) " in
    *" $name "*) continue ;;
  esac
  hits=$(grep -nE 'sqlite3|mc-db-sqlite-private\.h|mc-fts-private\.h|mc-commit-mark-private\.h' "$source")
  if [ -n "$hits" ]; then
    echo "src/core/$name is not a storage file (core_storage_sources) but names SQLite's API (use mc-sql.h):"
    echo "$hits"
    failed=1
  fi
done

for layer in ui export board cli; do
  if ! grep -q storage_gate_args "$root/src/$layer/meson.build"; then
    echo "src/$layer/meson.build does not compile with storage_gate_args (-DSQLITE3_H)"
    failed=1
  fi
done

if [ "$failed" = 0 ]; then
  echo "storage gate: no sqlite3 outside core's storage files, public headers free of it, every layer compiled with the gate"
fi
exit "$failed"
