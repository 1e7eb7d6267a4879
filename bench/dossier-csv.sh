# bench/dossier-csv.sh — sourced by bench/bench-cli-cost and bench/bench-import-floor
# (bash; needs $motcua, the program, and $work, a scratch folder).
#
# N dossiers as CSV (DESIGN §4 columns), deterministic.
make_csv () {
  "$motcua" --db "$work/catalog.sqlite" catalog list | cut -f1,2 > "$work/procedures"
  awk -F'\t' -v n="$1" '
    NR == FNR { code[++np] = $1; days[np] = $2; next }
    function at (t) { return strftime ("%Y-%m-%d %H:%M", t) }
    BEGIN { srand (42); split ("An Bình Chi Dũng Hà Hùng Lan Minh Nga Phúc Quang Tuấn Yến", given, " ");
            split ("Nguyễn Trần Lê Phạm Hoàng Vũ Đặng Bùi Đỗ Ngô", family, " ");
            split ("truc_tiep truc_tiep buu_chinh truc_tuyen", channel, " ") }
    END {
      print "code,procedure_code,channel,received_at,due_at,finished_at,returned_at,outcome,applicant_name"
      start = mktime ("2023 01 02 07 30 00"); span = 3 * 365 * 86400
      for (i = 0; i < n; i++) {
        t = start + int (i * (span / n)); t -= (t - start) % 60
        day = strftime ("%y%m%d", t); seq = (day == last) ? seq + 1 : 1; last = day
        p = 1 + int (rand () * np); d = days[p] + 0; if (d < 1) d = 1
        due = t + int (d * 1.4 * 86400)
        finished = returned = outcome = ""
        if (t < start + span - 45 * 86400 || rand () < 0.3) {
          r = rand (); f = t + int ((d * 1.4 * 86400) * (r < 0.1 ? 1.3 : 0.2 + 0.7 * rand ()))
          outcome = r < 0.03 ? "unqualified" : (r < 0.05 ? "withdrawn" : "approved")
          finished = at (f); if (outcome == "approved") returned = at (f + 3600 + int (rand () * 3 * 86400))
        }
        name = family[1 + int (rand () * 10)] " Văn " given[1 + int (rand () * 13)]
        printf "000.00.06.H56-%s-%04d,%s,%s,%s,%s,%s,%s,%s,%s\n", day, seq, code[p],
               channel[1 + int (rand () * 4)], at (t), at (due), finished, returned, outcome, name
      }
    }' "$work/procedures" /dev/null
}
