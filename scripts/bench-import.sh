#!/usr/bin/env bash
# Times `advocacy import actions` against the sqlite3 shell's `.import` of
# the same file into one plain table, in the same run, and prints the ratio
# (machines here are shared and noisy). Also prints peak memory (maximum
# resident set size from /usr/bin/time -v) for two file sizes, to show that
# memory does not grow with the file.
#
#   scripts/bench-import.sh            1,000,000 rows (and 250,000 for memory)
#   scripts/bench-import.sh --quick    100,000 rows (and 25,000)
#
# The file is the demo's own actions (`advocacy demo --export-actions`):
# email, url, kind, title, date, projects, effort, five counters and the
# metrics date, with a French title and a project or two on most rows. The
# import resolves every author, canonicalises every address, finds or
# creates each channel, tags projects, records a metrics snapshot and
# writes the scoring summary: one transaction.
set -euo pipefail
cd "$(dirname "$0")/.."
# The size, read before the release build so that a mistyped flag fails at once.
rows=1000000 small=250000 employees=10000
case "${1:-}" in
    "") ;;
    --quick) rows=100000 small=25000 employees=1000 ;;
    *) echo "error: unknown argument '$1': expected nothing or --quick (usage: scripts/bench-import.sh [--quick])" >&2; exit 64 ;;
esac
source scripts/bench-common.sh
need sqlite3
need bc
need time

runs="${RUNS:-3}"

# Runs a command under /usr/bin/time -v; prints "seconds kilobytes".
measure() {
    /usr/bin/time -v "$@" >/dev/null 2>"$work/time.txt" || { cat "$work/time.txt" >&2; exit 1; }
    local wall rss
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.txt" | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
    echo "$wall $rss"
}

prepare() {  # rows → $work/base-ROWS.sqlite (programme without actions) and $work/actions-ROWS.csv
    echo "generating $1 actions for $employees employees..." >&2
    "$binary" demo --db "$work/base-$1.sqlite" --employees "$employees" --actions "$1" --export-actions "$work/actions-$1.csv" > "$work/demo-$1.txt"
    sed -n 's/.*--as \([^ ]*\) import.*/\1/p' "$work/demo-$1.txt" > "$work/admin.txt"
}

bench_import() {  # rows → lines "seconds kilobytes"
    for _ in $(seq "$runs"); do
        rm -f "$work/run.sqlite"*
        cp "$work/base-$1.sqlite" "$work/run.sqlite"
        measure "$binary" --db "$work/run.sqlite" --as "$(cat "$work/admin.txt")" import actions "$work/actions-$1.csv"
    done
}

bench_reference() {  # rows → lines "seconds kilobytes"
    for _ in $(seq "$runs"); do
        rm -f "$work/ref.sqlite"*
        measure sqlite3 "$work/ref.sqlite" ".import --csv $work/actions-$1.csv plain"
    done
}

prepare "$rows"
prepare "$small"
bytes=$(stat -c %s "$work/actions-$rows.csv")
echo "file: $rows rows, $((bytes / 1048576)) MB" >&2

ours=$(bench_import "$rows")
imported=$(sqlite3 "$work/run.sqlite" "SELECT COUNT(*) FROM action")
reference=$(bench_reference "$rows")
ours_small=$(bench_import "$small")

seconds=$(echo "$ours" | awk '{print $1}' | median)
reference_seconds=$(echo "$reference" | awk '{print $1}' | median)
rss=$(echo "$ours" | awk '{print $2}' | sort -n | tail -1)
rss_small=$(echo "$ours_small" | awk '{print $2}' | sort -n | tail -1)
reference_rss=$(echo "$reference" | awk '{print $2}' | sort -n | tail -1)

printf "%-44s %10s %12s\n" "case (median of $runs)" "seconds" "peak memory"
printf "%-44s %9.2fs %9d MB\n" "advocacy import actions ($rows rows)" "$seconds" "$((rss / 1024))"
printf "%-44s %9.2fs %9d MB\n" "sqlite3 .import into one table ($rows rows)" "$reference_seconds" "$((reference_rss / 1024))"
printf "%-44s %10s %9d MB\n" "advocacy import actions ($small rows)" "" "$((rss_small / 1024))"
echo "ratio: $(echo "scale=2; $seconds / $reference_seconds" | bc)x the sqlite3 shell (target: at most 2x); rows/s: $(echo "$rows / $seconds" | bc)"
echo "memory: $((rss / 1024)) MB for $rows rows against $((rss_small / 1024)) MB for $small (target: under 200 MB, flat)"
[[ "$imported" == "$rows" ]] || { echo "error: imported $imported actions, expected $rows" >&2; exit 1; }
