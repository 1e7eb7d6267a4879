#!/usr/bin/env python3
# bench/pg/search-words.py — the name search on PostgreSQL through the word
# index (resources/sql/pg/0032-search-words.sql) beside step 24's trigram
# search of the same words (issue 17 item 6: search p95 ≤ 20 ms at 1,000,000).
#
# Usage: bench/pg/search-words.py --db CONNINFO [--runs 10] [--limit 100]
#   CONNINFO: a superuser's or the owner's, on a database migrated to 32 or
#   later. Step 24's function is created as mc_dossier_search_0024 inside a
#   transaction that is rolled back at the end: nothing is written.
#
# Each query runs through both functions alternately in one session; the
# wall time of each call and the processor time the server's backend spent on
# it (utime + stime of its /proc/PID/stat, so the bench runs on the server's
# machine) are reported, with the hits (which must be equal).
import argparse
import os
import re
import statistics
import subprocess
import time

QUERIES = ['nguyen van an', 'dang thi ha', 'ngoc lan', 'tran thi', 'le van hung', 'pham', 'hoang minh',
           'vu thi mai', 'xyz khong co', 'nguyen van', 'tran van b']

ap = argparse.ArgumentParser()
ap.add_argument('--db', required=True)
ap.add_argument('--runs', type=int, default=10)
ap.add_argument('--limit', type=int, default=100)
args = ap.parse_args()

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, '..', '..', 'resources', 'sql', 'pg', '0024-search-code.sql')) as f:
    step24 = f.read()
old = re.search(r'CREATE OR REPLACE FUNCTION mc_dossier_search .*?\n\$\$;', step24, re.S).group(0)
old = old.replace('FUNCTION mc_dossier_search (', 'FUNCTION mc_dossier_search_0024 (')
old = old.replace('mc_dossier_search.code', 'mc_dossier_search_0024.code')

psql = subprocess.Popen(['psql', args.db, '-X', '-At', '-v', 'ON_ERROR_STOP=1'], stdin=subprocess.PIPE,
                        stdout=subprocess.PIPE, text=True, bufsize=1)


def ask(sql):
    psql.stdin.write(sql + '\n\\echo @@END\n')
    psql.stdin.flush()
    out = []
    while True:
        line = psql.stdout.readline()
        if line == '':
            raise SystemExit('psql stopped')
        if line.strip() == '@@END':
            return out
        out.append(line.strip())


pid = int(ask('SELECT pg_backend_pid ();')[0])
ask('BEGIN;')
ask('SET LOCAL ROLE motcua_owner;\n' + old + '\nRESET ROLE;')
tick = os.sysconf('SC_CLK_TCK')


def cpu():
    fields = open('/proc/%d/stat' % pid).read().rsplit(')', 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000.0 / tick


def p95(values):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]


FUNCTIONS = (('mc_dossier_search_0024', 'trigram'), ('mc_dossier_search', 'words'))
res = {}
for _ in range(args.runs):
    for q in QUERIES:
        for f, _name in FUNCTIONS:
            c0, t0 = cpu(), time.perf_counter()
            ids = ask("SELECT string_agg (id::text, ',') FROM %s ('%s', %d, NULL);" % (f, q, args.limit))[0]
            res.setdefault((q, f), []).append(((time.perf_counter() - t0) * 1000, cpu() - c0, ids))
ask('ROLLBACK;')
print('== %s, load %s, limit %d, %d runs; processor in the kernel\'s ticks of %.0f ms, averaged' %
      (time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime()), open('/proc/loadavg').read().split()[:3],
       args.limit, args.runs, 1000.0 / tick))
every = {}
for q in QUERIES:
    line = '%-14s' % q
    hits = {res[(q, f)][0][2] for f, _ in FUNCTIONS}
    for f, name in FUNCTIONS:
        v = res[(q, f)]
        wall = [x[0] for x in v]
        every.setdefault(name, []).extend(wall)
        line += '  %s: wall %6.1f ms (p95 %6.1f), processor %5.1f ms' % (
            name, statistics.median(wall), p95(wall), sum(x[1] for x in v) / len(v))
    n = len(res[(q, FUNCTIONS[0][0])][0][2].split(',')) if res[(q, FUNCTIONS[0][0])][0][2] else 0
    print(line + '  hits %d%s' % (n, '' if len(hits) == 1 else '  DIFFERENT HITS'))
for name, wall in every.items():
    print('%-8s every query: wall median %.1f ms, p95 %.1f ms' % (name, statistics.median(wall), p95(wall)))
