#!/usr/bin/env bash
# Times `advocacy rank` over a large programme against the sqlite3 shell
# running the equivalent GROUP BY on the same database file, in the same
# run, and prints the ratios (machines here are shared and noisy).
#
#   scripts/bench-rank.sh            10,000 employees, 1,000,000 actions
#   scripts/bench-rank.sh --quick    1,000 employees, 100,000 actions
#
# References, both run by the sqlite3 shell on the same file:
# - "equivalent GROUP BY": the per-person sums rank needs (actions,
#   engagement, hours, quality-weighted hours, aligned hours, counted points
#   after flags, active weeks), computed in SQL with the standard policy's
#   numbers over the same actionFact summary rank reads;
# - "plain GROUP BY": what someone without advocacy would write: actions and
#   engagement per person, joining each action to its latest metrics.
set -euo pipefail
cd "$(dirname "$0")/.."
# The size, read before the release build so that a mistyped flag fails at once.
employees=10000 actions=1000000
case "${1:-}" in
    "") ;;
    --quick) employees=1000 actions=100000 ;;
    *) echo "error: unknown argument '$1': expected nothing or --quick (usage: scripts/bench-rank.sh [--quick])" >&2; exit 64 ;;
esac
source scripts/bench-common.sh
need sqlite3
need bc
need time

runs="${RUNS:-5}"

db="$work/bench.sqlite"

echo "generating $employees employees and $actions actions..." >&2
start=$(date +%s.%N)
"$binary" demo --db "$db" --employees "$employees" --actions "$actions" > "$work/demo.txt"
echo "  done in $(echo "$(date +%s.%N) - $start" | bc) s" >&2
admin=$(demo_account admin < "$work/demo.txt")
from=$(sqlite3 "$db" "SELECT MIN(publishedOn) FROM action")
to=$(sqlite3 "$db" "SELECT MAX(publishedOn) FROM action")
period="$from..$to"
equivalent_sql=$(equivalent_group_by "$from" "$to")
plain_sql="
SELECT a.employeeId, COUNT(*), SUM(m.reactions + 2 * m.comments + 3 * m.shares + 0.5 * m.clicks)
FROM action a LEFT JOIN metricsSnapshot m ON m.id = (SELECT id FROM metricsSnapshot WHERE actionId = a.id ORDER BY date DESC LIMIT 1)
WHERE a.publishedOn BETWEEN '$from' AND '$to'
GROUP BY a.employeeId;"

# Warm the page cache for everyone alike.
sqlite3 "$db" "$plain_sql" >/dev/null
"$binary" --db "$db" --as "$admin" rank --period "$period" --format json >/dev/null

rank_s=$(time_runs "$binary" --db "$db" --as "$admin" rank --period "$period" --format json)
rank_kb=$(peak_kb "$binary" --db "$db" --as "$admin" rank --period "$period" --format json)
equivalent_s=$(time_runs sqlite3 "$db" "$equivalent_sql")
plain_s=$(time_runs sqlite3 "$db" "$plain_sql")
explain_s=$(time_runs "$binary" --db "$db" --as "$admin" explain "$admin" --period "$period")
ranked=$("$binary" --db "$db" --as "$admin" rank --period "$period" --format csv | tail -n +2 | wc -l)

echo
echo "rank over $employees employees and $actions actions ($ranked people ranked, period $period), release build, median of $runs:"
echo
echo "| case | seconds | ratio to advocacy rank | peak memory |"
echo "|---|---:|---:|---:|"
printf "| \`advocacy rank --format json\` | %.3f | 1.00 | %d MB |\n" "$rank_s" "$((rank_kb / 1024))"
printf "| sqlite3: equivalent GROUP BY | %.3f | %s | |\n" "$equivalent_s" "$(ratio "$equivalent_s" "$rank_s")"
printf "| sqlite3: plain GROUP BY over the base tables | %.3f | %s | |\n" "$plain_s" "$(ratio "$plain_s" "$rank_s")"
printf "| \`advocacy explain\` (ranks everyone, then one person's actions) | %.3f | %s | |\n" "$explain_s" "$(ratio "$explain_s" "$rank_s")"
echo
echo "rank ÷ equivalent GROUP BY: $(ratio "$rank_s" "$equivalent_s")× (target: at most 2×; and well under 1 s at 1,000,000 actions)"
