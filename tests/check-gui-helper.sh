#!/bin/sh
# check-gui-helper.sh MOTCUA — under a display (the ui suite, Xvfb), `motcua`
# without a command and `motcua liveboard` still open their windows: motcua
# execs motcua-gui (same process), which loads GTK and maps a window that
# stays until it is closed.
set -eu
cli=$1
tmp=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; rm -rf "$tmp"' EXIT
pid=

# A window of class motcua (the program's name, kept through the exec)
# appears within 20 s while `pid` runs.
wait_window () {
  for _ in $(seq 1 100); do
    if xwininfo -root -tree | grep -q '("motcua" '; then return 0; fi
    kill -0 "$pid" 2>/dev/null || { echo "FAIL: motcua $1 exited"; grep -v '^ *[0-9]*:' "$tmp/err"; exit 1; }
    sleep 0.2
  done
  echo "FAIL: no window for motcua $1"; xwininfo -root -tree; exit 1
}

"$cli" --db "$tmp/office.sqlite" catalog list >/dev/null
for args in "" "liveboard"; do
  LD_DEBUG=files "$cli" --db "$tmp/office.sqlite" $args 2>"$tmp/err" &
  pid=$!
  wait_window "$args"
  grep -q 'file=libgtk-4' "$tmp/err" || { echo "FAIL: motcua $args opened a window without GTK?"; exit 1; }
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
echo ok
