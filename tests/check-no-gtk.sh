#!/bin/sh
# check-no-gtk.sh MOTCUA MOTCUA_GUI — a command loads no GTK (issue 15):
# motcua links neither GTK nor libadwaita, and running a command on a
# database loads neither at run time (nothing dlopen()s them either); the
# GUI helper it execs for windows does link them, so the check can fail.
# Nor does motcua link the document and drawing libraries (cairo, Pango,
# libxlsxwriter, libzip, libzint): a command that writes a document runs in
# motcua-full, which motcua execs, and still writes it. Nor libpq (and the
# Kerberos, LDAP and TLS libraries it needs): core opens it only for a
# PostgreSQL database (src/core/mc-pq.c; tests/pg/test-pg-engine.sh checks
# that a command on a server does load it).
set -eu
cli=$1
gui=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if ldd "$cli" | grep -Ei 'libgtk|libadwaita|libgdk'; then
  echo "FAIL: $cli links the libraries above"; exit 1
fi
if readelf -d "$cli" | grep -Ei 'NEEDED.*(gtk|adwaita)'; then
  echo "FAIL: $cli needs the libraries above"; exit 1
fi
if ldd "$cli" | grep -Ei 'libcairo|libpango|libxlsxwriter|libzip|libzint'; then
  echo "FAIL: $cli links the document libraries above (they belong to motcua-full)"; exit 1
fi
if ldd "$cli" | grep -Ei 'libpq|libgssapi|libldap'; then
  echo "FAIL: $cli links libpq or its libraries (they are opened for a PostgreSQL database only)"; exit 1
fi
# espeak-ng (and libpcaudio, libsonic, PulseAudio's client) is opened by the
# first sentence said (src/core/mc-speech.c), linked by no program.
for p in "$cli" "$(dirname "$cli")/motcua-full" "$gui"; do
  if ldd "$p" | grep -Ei 'libespeak|libpcaudio|libsonic'; then
    echo "FAIL: $p links espeak-ng (it is opened when a call is said)"; exit 1
  fi
done
ldd "$gui" | grep -q 'libadwaita-1' || { echo "FAIL: $gui does not link libadwaita"; exit 1; }
ldd "$gui" | grep -q 'libgtk-4' || { echo "FAIL: $gui does not link GTK"; exit 1; }

# At run time: a command on a database (created, migrated, one lookup).
"$cli" --db "$tmp/office.sqlite" catalog list >/dev/null
LD_DEBUG=files "$cli" --db "$tmp/office.sqlite" dossier show 260101-0001 >/dev/null 2>"$tmp/ld" || true
grep -q 'file=libglib-2.0' "$tmp/ld" || { echo "FAIL: LD_DEBUG=files traced nothing"; exit 1; }
if grep -E 'file=lib(gtk|adwaita|gdk)' "$tmp/ld"; then
  echo "FAIL: dossier show loaded the libraries above"; exit 1
fi
if grep -E 'file=lib(cairo|pango|xlsxwriter|zip|zint|pq)' "$tmp/ld"; then
  echo "FAIL: dossier show loaded the libraries above"; exit 1
fi
# A document: motcua-full writes it, and loads cairo to do so.
LD_DEBUG=files "$cli" --db "$tmp/office.sqlite" catalog export "$tmp/catalog.xlsx" 2>"$tmp/ld2"
[ -s "$tmp/catalog.xlsx" ] || { echo "FAIL: catalog export wrote nothing"; exit 1; }
grep -q 'file=libxlsxwriter' "$tmp/ld2" || { echo "FAIL: catalog export did not go through motcua-full"; exit 1; }
echo "motcua: $(ldd "$cli" | wc -l) libraries; motcua-full: $(ldd "$(dirname "$cli")/motcua-full" | wc -l); motcua-gui: $(ldd "$gui" | wc -l)"
