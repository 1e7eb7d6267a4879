#!/usr/bin/env python3
# search.py CONNINFO — the search on the stored mc_fold column against
# unaccent () + pg_trgm, median of 5 EXPLAIN ANALYZE runs per query, and the
# rows each finds (docs/DEPLOYMENT.md §8). Needs bench/pg/sizes.sql first
# (it creates the unaccent expression index).
import statistics
import subprocess
import sys

conninfo = sys.argv[1]
queries = ['nguyen van an', 'Đặng Thị Hà', 'ngoc lan', '03800079', '0912', 'H56-2601', 'tuan', 'xyz khong co']
folded = "FROM dossier WHERE search_folded LIKE '%%' || mc_fold ('%s') || '%%'"
unaccent = ("FROM dossier WHERE lower (f_unaccent (code || ' ' || applicant_name || ' ' || "
            "coalesce (applicant_id_number, '') || ' ' || coalesce (applicant_phone, ''))) "
            "LIKE '%%' || lower (f_unaccent ('%s')) || '%%'")


def psql(sql):
    return subprocess.run(['psql', conninfo, '-X', '-Atc', 'SET max_parallel_workers_per_gather = 0; ' + sql],
                          capture_output=True, text=True, check=True).stdout


def ms(where):
    out = psql('EXPLAIN (ANALYZE, TIMING OFF) SELECT id, code ' + where + ' ORDER BY id DESC LIMIT 50')
    return next(float(l.split(':')[1].split()[0]) for l in out.splitlines() if 'Execution Time' in l)


for q in queries:
    a = statistics.median(ms(folded % q) for _ in range(5))
    b = statistics.median(ms(unaccent % q) for _ in range(5))
    na = psql('SELECT count (*) ' + folded % q).split()[-1]
    nb = psql('SELECT count (*) ' + unaccent % q).split()[-1]
    print('%-16s folded %8.2f ms (%s rows)   unaccent %8.2f ms (%s rows)' % (q, a, na, b, nb))
