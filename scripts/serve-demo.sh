#!/usr/bin/env bash
# Serves a demo programme in a browser, for a newcomer to click through as
# staff, the CIO and HR: builds advocacy and advocacy-server, fills a fresh
# demo database (.demo/serve.sqlite, or ADVOCACY_DEMO_DB), and serves it on
# http://127.0.0.1:8080 (PORT to change) with the development sign-in, a page
# to pick a demo person. The development sign-in is loopback only and every
# page says it is on; in production people sign in through the company's
# portal (docs/deploy.md). Ctrl-C stops the server.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh

swift build --product advocacy
swift build --product advocacy-server
bin="$(swift build --show-bin-path)"
database="${ADVOCACY_DEMO_DB:-$PWD/.demo/serve.sqlite}"
mkdir -p "$(dirname "$database")"
if [[ -f "$database" ]]; then
    # Only ever remove a database whose people are all the demo's fictional staff.
    if "$bin/advocacy" employee list --db "$database" --format csv 2>/dev/null | grep -v '^email,' | grep -qv '@dsi\.example\.fr,'; then
        echo "error: $database holds people who are not the demo's: set ADVOCACY_DEMO_DB to another file" >&2
        exit 1
    fi
    rm -f "$database" "$database-wal" "$database-shm"
fi
"$bin/advocacy" demo --db "$database" "$@" >/dev/null
port="${PORT:-8080}"
echo "Serving the demo on http://127.0.0.1:$port/dev/sign-in (pick a person: staff, the CIO, HR). Ctrl-C stops."
exec "$bin/advocacy" serve --db "$database" --listen "127.0.0.1:$port" --dev-sign-in
