#!/usr/bin/env bash
# Regenerates docs/cli.md from the commands' --help, and the man pages
# (man/advocacy.1, man/advocacy-server.1) with swift-argument-parser's
# manual generator, from the debug build (no release build needed).
# With --check, fails (exit 1) when either is out of date instead of writing
# them; the man pages' date line is left out of that comparison.
set -euo pipefail
cd "$(dirname "$0")/.."

swift build --product advocacy >/dev/null
swift build --product advocacy-server >/dev/null
binary="$(swift build --show-bin-path)/advocacy"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$binary" cli-reference >"$work/cli.md"
mkdir -p "$work/man"
swift package --allow-writing-to-directory "$work/man" generate-manual --configuration debug \
    --output-directory "$work/man" >"$work/man.log" 2>&1 || { cat "$work/man.log" >&2; exit 1; }
mv "$work/man/advocacy serve.1" "$work/man/advocacy-server.1"

if [[ "${1:-}" == "--check" ]]; then
    stale=false
    if ! diff -u docs/cli.md "$work/cli.md"; then
        echo "docs/cli.md is out of date: run scripts/gen-cli-docs.sh and commit the result" >&2
        stale=true
    fi
    for page in advocacy.1 advocacy-server.1; do
        if ! diff -u <(grep -v '^\.Dd ' "man/$page" 2>/dev/null) <(grep -v '^\.Dd ' "$work/man/$page") >/dev/null; then
            echo "man/$page is out of date: run scripts/gen-cli-docs.sh and commit the result" >&2
            stale=true
        fi
    done
    if $stale; then exit 1; fi
    echo "docs/cli.md and the man pages are up to date"
else
    cp "$work/cli.md" docs/cli.md
    mkdir -p man
    cp "$work/man/advocacy.1" "$work/man/advocacy-server.1" man/
    echo "wrote docs/cli.md, man/advocacy.1 and man/advocacy-server.1"
fi
