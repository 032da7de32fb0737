#!/usr/bin/env bash
# Installs what building advocacy needs beyond Swift: the SQLite header, and
# the C++ standard library headers TOMLKit's toml++ compiles against.
# Sourced by the other scripts; safe to run again.
set -euo pipefail

if ! command -v swift >/dev/null 2>&1; then
    echo "error: swift is not on PATH: install Swift 6 (https://www.swift.org/install/linux/) first" >&2
    exit 1
fi

install_package() {  # package, why
    echo "Installing $1 ($2)..." >&2
    if [[ "$(id -u)" -eq 0 ]]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null
    elif command -v sudo >/dev/null 2>&1; then
        sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null
    else
        echo "error: $1 is missing ($2): install it with apt-get install $1" >&2
        exit 1
    fi
}

if [[ ! -f /usr/include/sqlite3.h ]]; then
    install_package libsqlite3-dev "the SQLite header GRDB builds against"
fi

if command -v clang++ >/dev/null 2>&1 && ! echo '#include <string>' | clang++ -x c++ -std=c++17 -fsyntax-only - 2>/dev/null; then
    install_package libstdc++-12-dev "the C++ headers TOMLKit's TOML parser builds against"
fi

# ZIPFoundation inflates with zlib, found through pkg-config (LinkedIn's archives, XLSX workbooks).
if [[ ! -f /usr/include/zlib.h ]]; then
    install_package zlib1g-dev "the zlib header ZIPFoundation builds against"
fi
if ! command -v pkg-config >/dev/null 2>&1; then
    install_package pkg-config "how ZIPFoundation's build finds zlib"
fi

# The feed commands open libcurl when they download (Sources/AdvocacyCLI/Support/Curl.swift).
if ! ldconfig -p 2>/dev/null | grep -q 'libcurl\.so\.4 '; then
    install_package libcurl4 "the HTTP library the feed commands download with"
fi
