#!/usr/bin/env bash
# Regenerates docs/cli.md from the commands' --help.
# With --check, fails (exit 1) when docs/cli.md is out of date instead of writing it.
set -euo pipefail
cd "$(dirname "$0")/.."

swift build --product advocacy >/dev/null
binary="$(swift build --show-bin-path)/advocacy"
generated="$(mktemp)"
trap 'rm -f "$generated"' EXIT
"$binary" cli-reference >"$generated"

if [[ "${1:-}" == "--check" ]]; then
    if ! diff -u docs/cli.md "$generated"; then
        echo "docs/cli.md is out of date: run scripts/gen-cli-docs.sh and commit the result" >&2
        exit 1
    fi
    echo "docs/cli.md is up to date"
else
    cp "$generated" docs/cli.md
    echo "wrote docs/cli.md"
fi
