#!/usr/bin/env bash
# Installs what building advocacy needs beyond Swift: the SQLite header.
# Sourced by the other scripts; safe to run again.
set -euo pipefail

if ! command -v swift >/dev/null 2>&1; then
    echo "error: swift is not on PATH: install Swift 6 (https://www.swift.org/install/linux/) first" >&2
    exit 1
fi

if [[ ! -f /usr/include/sqlite3.h ]]; then
    echo "Installing libsqlite3-dev (the SQLite header GRDB builds against)..." >&2
    if [[ "$(id -u)" -eq 0 ]]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libsqlite3-dev >/dev/null
    elif command -v sudo >/dev/null 2>&1; then
        sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libsqlite3-dev >/dev/null
    else
        echo "error: /usr/include/sqlite3.h is missing: install libsqlite3-dev (apt-get install libsqlite3-dev)" >&2
        exit 1
    fi
fi
