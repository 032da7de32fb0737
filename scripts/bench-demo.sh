#!/usr/bin/env bash
# The demo's own benchmark (issue 2; the benchmark of the whole tool is
# scripts/bench.sh). Times `advocacy demo` in a release build against a
# reference run in the same script, and prints the ratio (machines here are
# shared and noisy, so ratios are steadier than seconds). Reference: Python's
# sqlite3 module inserting the same number of rows, in one transaction, into a
# file with the same tables.
#
#   scripts/bench-demo.sh            (or RUNS=9 scripts/bench-demo.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck disable=SC1091  # not followed without -x; it sets $binary and $work
source scripts/bench-common.sh
: "${binary:?}" "${work:?}"
need sqlite3
need bc

runs="${RUNS:-5}"

now() { date +%s.%N; }

bench_demo() {  # employees
    for _ in $(seq "$runs"); do
        rm -f "$work/demo.sqlite"*
        local start; start=$(now)
        "$binary" demo --db "$work/demo.sqlite" --employees "$1" >/dev/null
        echo "$(now) - $start" | bc
    done | median
}

bench_reference() {  # rows
    for _ in $(seq "$runs"); do
        rm -f "$work/ref.sqlite"*
        local start; start=$(now)
        python3 - "$work/ref.sqlite" "$1" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1]); rows = int(sys.argv[2])
db.execute("PRAGMA journal_mode=WAL")
db.execute("CREATE TABLE action (id INTEGER PRIMARY KEY, employeeId INTEGER, kind TEXT, title TEXT, url TEXT UNIQUE, publishedOn TEXT)")
with db:
    db.executemany("INSERT INTO action (employeeId, kind, title, url, publishedOn) VALUES (?, 'post', ?, ?, '2026-11-21')",
                   ((i % 500, "Retour d'experience %d" % i, "https://x.com/u%d/status/%d" % (i % 500, i)) for i in range(rows)))
PY
        echo "$(now) - $start" | bc
    done | median
}

rows_in() { sqlite3 "$1" "SELECT (SELECT COUNT(*) FROM employee) + (SELECT COUNT(*) FROM channel) + (SELECT COUNT(*) FROM followerSnapshot) + (SELECT COUNT(*) FROM project) + (SELECT COUNT(*) FROM action) + (SELECT COUNT(*) FROM actionProject) + (SELECT COUNT(*) FROM metricsSnapshot)" 2>/dev/null || echo 0; }

printf "%-28s %10s %10s %12s %10s\n" "case" "rows" "advocacy" "reference" "ratio"
for employees in 40 1000 10000; do
    seconds=$(bench_demo "$employees")
    rows=$(rows_in "$work/demo.sqlite")
    reference=$(bench_reference "$rows")
    ratio=$(echo "scale=2; $seconds / $reference" | bc)
    printf "%-28s %10s %9.3fs %11.3fs %9sx\n" "demo --employees $employees" "$rows" "$seconds" "$reference" "$ratio"
done
echo "target: demo --employees 40 under 2 s (release build)"
