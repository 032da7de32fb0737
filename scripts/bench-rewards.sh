#!/usr/bin/env bash
# Times `rewards propose --dry-run` against `rank` on the same database, so the
# ratio holds on a shared, noisy machine. Both rank the whole period; propose
# then allocates the budget and writes each proposal's reason.
#
#   scripts/bench-rewards.sh [EMPLOYEES]   (default 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench-common.sh
need bc

employees="${1:-10000}"
db="$work/bench.sqlite"
demo="$("$binary" --db "$db" demo --employees "$employees")"
hr="$(demo_account hr <<<"$demo")"
quarter="$(sed -n 's/^Reward proposals made by HR for \([^ ]*\) .*/\1/p' <<<"$demo")"

rank=$(time_runs "$binary" --db "$db" --as "$hr" rank --period "$quarter" --format json)
propose=$(time_runs "$binary" --db "$db" --as "$hr" rewards propose --period "$quarter" --dry-run --format json)
people=$("$binary" --db "$db" --as "$hr" rewards propose --period "$quarter" --dry-run --format json | grep -c '"rationale"')
printf 'employees %s, proposals %s (median of %s)\n' "$employees" "$people" "${RUNS:-5}"
printf 'rank --format json                    %.3f s\n' "$rank"
printf 'rewards propose --dry-run --format json %.3f s  (%.2f× rank)\n' "$propose" "$(echo "$propose / $rank" | bc -l)"
