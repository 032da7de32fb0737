# shellcheck shell=bash
# Sourced by the bench scripts, from the repository root: the toolchain's
# dependencies, the tools a benchmark needs, a release build of advocacy in
# $binary, a scratch folder in $work (removed on exit), median() and the other
# helpers below, among them the SQL reference for rank (equivalent_group_by).

# shellcheck source=scripts/ensure-deps.sh
source scripts/ensure-deps.sh

# Installs a missing command-line tool (apt package name when it differs).
need() {
    type -P "$1" >/dev/null || { echo "installing ${2:-$1}..." >&2; apt-get install -y -qq "${2:-$1}" >/dev/null; }
}

# The middle of the numbers on standard input, one per line.
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# The median wall time of RUNS (default 5) runs of a command, in seconds;
# its output and notes are discarded.
time_runs() {  # command...
    for _ in $(seq "${RUNS:-5}"); do
        local start; start=$(date +%s.%N)
        "$@" >/dev/null 2>&1
        echo "$(date +%s.%N) - $start" | bc
    done | median
}

# The peak memory of one run of a command, in kB (/usr/bin/time).
peak_kb() { /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1; }

# a ÷ b with two decimals.
ratio() { printf "%.2f" "$(echo "scale=4; $1 / $2" | bc)"; }

# The "equivalent GROUP BY", the reference rank is timed against: the
# per-person sums rank needs (actions, engagement, hours, quality-weighted
# hours, aligned hours, counted points after flags, active weeks), computed
# with the standard policy's numbers over the same actionFact summary rank
# reads, from the first day to the last (YYYY-MM-DD), both included. Needs
# sqlite3, which turns the days into actionFact.day numbers.
equivalent_group_by() {  # first day, last day
    # actionFact.day counts days since 1970-01-01.
    local days
    days=$(sqlite3 :memory: "SELECT CAST(julianday('$1') - 2440587.5 AS INTEGER) || ' AND ' || CAST(julianday('$2') - 2440587.5 AS INTEGER)")
    [[ "$days" =~ ^-?[0-9]+\ AND\ -?[0-9]+$ ]] || { echo "error: '$1' to '$2' is not a period" >&2; return 1; }
    cat <<SQL
SELECT employeeId, COUNT(*), SUM(engagement), SUM(effort), SUM(effort * quality), SUM(effort * quality * alignment),
       SUM(effort * quality * alignment * CASE WHEN low THEN 0.5 ELSE 1 END), COUNT(DISTINCT (day + 3) / 7)
FROM (SELECT employeeId, day, engagement, effort, alignment,
             CASE WHEN audience > 0 THEN MIN(3.0, engagement * 100.0 / audience / mid) ELSE 1.0 END AS quality,
             (audience >= 10000 AND engagement * 100.0 / audience < low) AS low
      FROM (SELECT f.employeeId, f.day,
                   COALESCE(f.reactions, 0) + 2.0 * COALESCE(f.comments, 0) + 3.0 * COALESCE(f.shares, 0) + 0.5 * COALESCE(f.clicks, 0) AS engagement,
                   COALESCE(NULLIF(f.impressions, 0), NULLIF(f.followers, 0)) AS audience,
                   COALESCE(f.effortHours, CASE f.kind WHEN 'talk' THEN 8 WHEN 'article' THEN 6 WHEN 'video' THEN 6 WHEN 'podcast' THEN 4
                            WHEN 'newsletter' THEN 3 WHEN 'post' THEN 1 WHEN 'comment' THEN 0.25 ELSE 0.1 END) AS effort,
                   CASE f.strategicWeight WHEN 1 THEN 0.75 WHEN 2 THEN 1.0 WHEN 3 THEN 1.5 ELSE 0.5 END AS alignment,
                   CASE WHEN f.followers >= 1000000 THEN 0.85 WHEN f.followers >= 500000 THEN 1.4 WHEN f.followers >= 100000 THEN 2.0
                        WHEN f.followers >= 1000 THEN 2.75 ELSE 6.0 END AS mid,
                   CASE WHEN f.followers >= 1000000 THEN 0.5 WHEN f.followers >= 500000 THEN 1.0 WHEN f.followers >= 100000 THEN 1.5
                        WHEN f.followers >= 1000 THEN 2.0 ELSE 4.0 END AS low
            FROM employee e CROSS JOIN actionFact f ON f.employeeId = e.id
            WHERE f.day BETWEEN $days))
GROUP BY employeeId;
SQL
}

# The email `advocacy demo` printed for a role (admin, cio or hr): demo_account ROLE < demo-output
demo_account() { awk -v role="$1" '$1 == role && NF == 2 { print $2; exit }'; }

# The release binary is linked statically against the Swift runtime and
# Foundation (--static-swift-stdlib), as advocacy is shipped: loading and
# relocating Foundation's shared libraries took half of a 30 ms start-up.
# Static FoundationXML links against libxml2 (libcurl is opened only by the
# feed commands, see Curl.swift), and the build goes to its own folder so
# that it never replaces the debug build's products.
[[ -f /usr/include/libxml2/libxml/parser.h ]] || install_package libxml2-dev "libxml2, which static FoundationXML links against"
release=(swift build -c release --static-swift-stdlib --scratch-path .build/static)
"${release[@]}" --product advocacy >/dev/null
# shellcheck disable=SC2034  # used by the scripts that source this one
binary="$("${release[@]}" --show-bin-path)/advocacy"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
