#!/usr/bin/env bash
# Builds advocacy in release mode and fills a fresh demo database with a
# fictional IT department. The demo lives in its own file, .demo/advocacy.sqlite
# in this folder (ADVOCACY_DEMO_DB to choose another), so a real programme named
# by ADVOCACY_DB is never touched. Extra arguments go to `advocacy demo`
# (for example --employees 200 --seed 7). It ends by writing the CIO's report,
# report.html, beside the database.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh

swift build -c release --product advocacy
binary="$(swift build -c release --show-bin-path)/advocacy"
database="${ADVOCACY_DEMO_DB:-$PWD/.demo/advocacy.sqlite}"

# Start fresh, but only ever remove a database whose people are all the demo's
# fictional staff (@dsi.example.fr).
if [[ -f "$database" ]]; then
    if ! roster=$("$binary" employee list --db "$database" --format csv 2>/dev/null); then
        echo "error: $database is not an advocacy database: set ADVOCACY_DEMO_DB to another file" >&2
        exit 1
    fi
    if grep -v '^email,' <<<"$roster" | grep -qv '@dsi\.example\.fr,'; then
        echo "error: $database holds people who are not the demo's: set ADVOCACY_DEMO_DB to another file" >&2
        exit 1
    fi
    rm -f "$database" "$database-wal" "$database-shm"
fi

summary="$("$binary" demo --db "$database" "$@")"
echo "$summary"

# The CIO's report on the quarter, as the CIO would send it round.
cio="$(sed -n 's/^  cio    //p' <<<"$summary")"
report="$(dirname "$database")/report.html"
"$binary" --db "$database" --as "$cio" report --lang fr --output "$report" --force
echo
echo "The CIO's report on the quarter: $report (open it in a browser; 'advocacy report' prints a summary)"
echo "To explore it:  export ADVOCACY_DB=$database; alias advocacy=$binary"
