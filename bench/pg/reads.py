#!/usr/bin/env python3
# bench/pg/reads.py — report 06a for a year and the search, on PostgreSQL,
# next to psql running the same SQL (issue 17 item 6: 06a ≤ 300 ms, search
# p95 ≤ 20 ms at 1,000,000 dossiers).
#
# Usage: bench/pg/reads.py --db CONNINFO --log SERVER_LOG [--motcua PROGRAM]
#                          [--year 2025] [--runs 7] [--user NAME]
#   CONNINFO: a superuser's (the trace below sets logging parameters per
#   session through PGOPTIONS); SERVER_LOG: that cluster's log file (the
#   bench reads what was appended during a traced run, so nothing else should
#   log statements meanwhile).
#
# For each command: one traced run records every statement the server ran
# for it with its parameters and its duration (log_min_duration_statement =
# 0); those statements, parameters inlined, become a script psql replays.
# Then the command and psql replaying its script run alternately, R times;
# the wall times (process start, connection and sign-in included on both
# sides) and the command's processor time (user + sys of the child) are
# reported as median and p95, with the sum of the server's own durations of
# the traced run.
import argparse
import os
import re
import resource
import statistics
import subprocess
import tempfile
import time

QUERIES = ['nguyen van an', 'Đặng Thị Hà', 'ngoc lan', 'tran thi', 'H56-2501', 'le van hung', 'pham',
           'hoang minh', 'vu thi mai', 'xyz khong co']

ap = argparse.ArgumentParser()
ap.add_argument('--db', required=True)
ap.add_argument('--log', required=True)
ap.add_argument('--motcua', default='build/src/motcua')
ap.add_argument('--year', default='2025')
ap.add_argument('--runs', type=int, default=7)
ap.add_argument('--user')
args = ap.parse_args()

work = tempfile.mkdtemp()
user = ['--user', args.user] if args.user else []


def p95(values):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]


LINE = re.compile(r'^\S+ \S+ \S+ \[\d+\] (LOG|DETAIL):  (.*)$')
DURATION = re.compile(r'duration: ([0-9.]+) ms  (?:(parse|bind|execute) [^:]*|statement): (.*)$', re.S)


def parse_log(text):
    """(statement, parameters, ms) of each executed statement."""
    entries = []   # [kind, message]
    for raw in text.split('\n'):
        m = LINE.match(raw)
        if m:
            entries.append([m.group(1), m.group(2)])
        elif entries and raw.startswith('\t'):
            entries[-1][1] += '\n' + raw[1:]
    out = []
    for i, (kind, message) in enumerate(entries):
        d = DURATION.match(message) if kind == 'LOG' else None
        if not d:
            continue
        step, sql, ms = d.group(2), d.group(3), float(d.group(1))
        if step in ('parse', 'bind'):
            continue
        params = {}
        if i + 1 < len(entries) and entries[i + 1][0] == 'DETAIL' and entries[i + 1][1].startswith('parameters:'):
            for name, value in re.findall(r"\$(\d+) = (NULL|'(?:[^']|'')*')", entries[i + 1][1]):
                params[int(name)] = value
        out.append((sql, params, ms))
    return out


def inline(sql, params):
    return re.sub(r'\$(\d+)\b', lambda m: params.get(int(m.group(1)), m.group(0)), sql)


def traced(cmd):
    """Runs cmd once with the server logging each statement; the script and the server's ms."""
    before = os.path.getsize(args.log)
    env = dict(os.environ, PGOPTIONS='-c log_min_duration_statement=0 -c log_parameter_max_length=-1')
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    time.sleep(0.3)  # the logging collector writes asynchronously
    with open(args.log, encoding='utf-8', errors='replace') as f:
        f.seek(before)
        statements = parse_log(f.read())
    script = os.path.join(work, 'replay-%d.sql' % len(os.listdir(work)))
    with open(script, 'w') as f:
        for sql, params, _ in statements:
            f.write(inline(sql, params).rstrip().rstrip(';') + ';\n')
    return script, statements


def wall(cmd):
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    ms = (time.perf_counter() - start) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - usage.ru_utime + after.ru_stime - usage.ru_stime) * 1000
    return ms, cpu


def bench(name, cmd):
    script, statements = traced(cmd)
    replay = ['psql', args.db, '-X', '-q', '-o', '/dev/null', '-v', 'ON_ERROR_STOP=1', '-f', script]
    m, mc, p = [], [], []
    for _ in range(args.runs):
        a, c = wall(cmd)
        b, _ = wall(replay)
        m.append(a)
        mc.append(c)
        p.append(b)
    longest = max(statements, key=lambda s: s[2]) if statements else ('', {}, 0)
    # The search itself (the list's statement: mc_dossier_search joined to
    # the rows shown) and the count line's statements (the ids behind
    # "khoảng … hồ sơ": mc_dossier_store_search_sql, then their count), per
    # traced run.
    lists, counts = [], []
    for _ in range(args.runs if name.startswith('search') else 0):
        _, again = traced(cmd)
        lists.append(sum(st[2] for st in again if 'mc_dossier_search ($1' in st[0]))
        counts.append(sum(st[2] for st in again if "FROM mc_dossier_search ('" in st[0] or
                          st[0].startswith('SELECT count(*) FROM dossier d WHERE d.id IN')))
    return {'name': name, 'motcua': m, 'cpu': mc, 'psql': p, 'server': sum(s[2] for s in statements),
            'n': len(statements), 'longest': longest[2], 'lists': lists, 'counts': counts}


def show(r):
    print('%-28s motcua %7.1f ms (p95 %7.1f, processor %5.1f)   psql %7.1f ms (p95 %7.1f)   ratio %.2f   '
          'server %7.1f ms in %d statements (longest %.1f)' %
          (r['name'], statistics.median(r['motcua']), p95(r['motcua']), statistics.median(r['cpu']),
           statistics.median(r['psql']), p95(r['psql']), statistics.median(r['motcua']) / statistics.median(r['psql']),
           r['server'], r['n'], r['longest']))
    if r['lists']:
        print('%-28s   the search statement on the server: median %.1f ms, p95 %.1f; the count line\'s: median %.1f ms'
              % ('', statistics.median(r['lists']), p95(r['lists']), statistics.median(r['counts'])))


print('== %s, load %s' % (time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime()), open('/proc/loadavg').read().split()[:3]))
base = [args.motcua, '--db', args.db] + user
r = bench('report 06a %s' % args.year, base + ['report', '06a', '--from', args.year + '-01-01', '--to', args.year + '-12-31',
                                               '--format', 'csv', '-o', os.path.join(work, '06a.csv'), '--force'])
show(r)
searches = []
for q in QUERIES:
    r = bench('search "%s"' % q, base + ['dossier', 'search', q])
    show(r)
    searches.append(r)
allm = [x for r in searches for x in r['motcua']]
allp = [x for r in searches for x in r['psql']]
alll = [x for r in searches for x in r['lists']]
print('search, all %d runs: motcua p95 %.1f ms (median %.1f), psql p95 %.1f ms (median %.1f); '
      'server time per search: median %.1f ms, p95 %.1f ms; the search statement alone: median %.1f ms, p95 %.1f ms' %
      (len(allm), p95(allm), statistics.median(allm), p95(allp), statistics.median(allp),
       statistics.median([r['server'] for r in searches]), p95([r['server'] for r in searches]),
       statistics.median(alll), p95(alll)))
print('== load %s' % open('/proc/loadavg').read().split()[:3])
