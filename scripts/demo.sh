#!/usr/bin/env bash
# Builds advocacy in release mode and fills a fresh demo database with a
# fictional IT department. Set ADVOCACY_DB to choose the file (default:
# .demo/advocacy.sqlite in this folder, so a real programme is never touched).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh

swift build -c release --product advocacy
binary="$(swift build -c release --show-bin-path)/advocacy"
database="${ADVOCACY_DB:-$PWD/.demo/advocacy.sqlite}"
rm -f "$database" "$database-wal" "$database-shm"

"$binary" demo --db "$database" "$@"
echo
echo "To explore it:  export ADVOCACY_DB=$database; alias advocacy=$binary"
