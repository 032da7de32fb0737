#!/usr/bin/env bash
# Times `advocacy report` (the CIO's HTML page) over a large programme, with
# `advocacy rank` over the same quarter on the same file as the reference run
# in the same script (machines here are shared and noisy, so the ratio is
# steadier than seconds), and checks the page's size.
#
#   scripts/bench-report.sh            10,000 employees, 1,000,000 actions
#   scripts/bench-report.sh --quick    1,000 employees, 100,000 actions
#
# Targets (issue 6): the report written in under 3 seconds in a release
# build, and under 2 MB, at 10,000 employees and 1,000,000 actions. The
# report ranks two periods (the quarter and the one before), so about 2× a
# single rank plus the page is what to expect.
set -euo pipefail
cd "$(dirname "$0")/.."
# The size, read before the release build so that a mistyped flag fails at once.
employees=10000 actions=1000000
case "${1:-}" in
    "") ;;
    --quick) employees=1000 actions=100000 ;;
    *) echo "error: unknown argument '$1': expected nothing or --quick (usage: scripts/bench-report.sh [--quick])" >&2; exit 64 ;;
esac
source scripts/bench-common.sh
need bc
need time

runs="${RUNS:-5}"
db="$work/bench.sqlite"

echo "generating $employees employees and $actions actions..." >&2
"$binary" demo --db "$db" --employees "$employees" --actions "$actions" > "$work/demo.txt"
cio=$(demo_account cio < "$work/demo.txt")

run() { "$binary" --db "$db" --as "$cio" "$@"; }

# Warm the page cache for both alike.
run rank --format json >/dev/null
run report --output "$work/report.html" --force 2>/dev/null

rank_s=$(time_runs run rank --format json)
html_s=$(time_runs run report --lang fr --output "$work/report.html" --force)
text_s=$(time_runs run report --format text)
html_kb=$(peak_kb "$binary" --db "$db" --as "$cio" report --lang fr --output "$work/report.html" --force)
bytes=$(stat -c %s "$work/report.html")
ranked=$(run rank --format csv | tail -n +2 | wc -l)

echo
echo "report over $employees employees and $actions actions ($ranked people ranked this quarter), release build, median of $runs:"
echo
echo "| case | seconds | ratio to advocacy rank | peak memory |"
echo "|---|---:|---:|---:|"
printf "| \`advocacy rank --format json\` (the quarter) | %.3f | 1.00 | |\n" "$rank_s"
printf "| \`advocacy report --output report.html\` | %.3f | %s | %d MB |\n" "$html_s" "$(ratio "$html_s" "$rank_s")" "$((html_kb / 1024))"
printf "| \`advocacy report --format text\` | %.3f | %s | |\n" "$text_s" "$(ratio "$text_s" "$rank_s")"
echo
printf "HTML page: %d bytes (%.2f MB)\n" "$bytes" "$(echo "scale=4; $bytes / 1048576" | bc)"
echo "targets: under 3 s and under 2 MB at 10,000 employees and 1,000,000 actions"
status=0
if (( $(echo "$html_s >= 3" | bc) )); then echo "MISSED: the report took ${html_s}s" >&2; status=1; fi
if (( bytes >= 2 * 1024 * 1024 )); then echo "MISSED: the page is $bytes bytes" >&2; status=1; fi
exit $status
