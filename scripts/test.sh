#!/usr/bin/env bash
# Runs every test: the Swift test suites, the check that docs/cli.md and the
# man pages match --help, the install check (man page, completions), the check that the HR export opens as columns in a French-locale
# spreadsheet (LibreOffice, installed when missing), and the check that a
# real browser renders the CIO's report (Chromium, installed when missing),
# and the server's check: the pages in Chromium with Selenium and axe-core, and
# the JSON API against its OpenAPI document with schemathesis.
#
# scripts/test.sh --fast: the same lint and build, then the Swift tests
# without those tagged `.slow` (Tests/AdvocacyTestSupport/Tags.swift) and the
# docs/cli.md check; no spreadsheet or browser. For running often while
# working; scripts/test.sh with no argument is what must pass before a merge.
set -euo pipefail
cd "$(dirname "$0")/.."

fast=false
case "${1-}" in
    "") ;;
    --fast) fast=true ;;
    *)
        echo "usage: scripts/test.sh [--fast]" >&2
        exit 64
        ;;
esac

source scripts/ensure-deps.sh

# The code's rules (.swift-format: line length, no force unwrap or try!) hold
# everywhere; scripts/format.sh fixes what the formatter can.
swift format lint --strict --recursive --parallel Package.swift Sources Tests

# Warnings are errors in every build (Package.swift), so this is the same build a developer's is.
swift build --build-tests

if $fast; then
    # Swift 6.3's `swift test --skip tag:slow` reads `tag:slow` as a test name (the
    # tag: prefix comes in a later swift-testing, ST-0025), so the suites and tests
    # tagged .slow are read from the test bundle itself: `swift test list` gives
    # each test's tags in its event stream. Each is skipped by its whole ID
    # (anchored), so a new .slow test is left out with no list to keep.
    events=$(mktemp)
    trap 'rm -f "$events"' EXIT
    swift test list --skip-build --disable-xctest \
        --experimental-event-stream-output "$events" --experimental-event-stream-version 0 >/dev/null
    skips=()
    while IFS= read -r id; do
        skips+=(--skip "^$(sed 's/[][\\.*+?^$(){}|]/\\&/g' <<<"$id")\$")
    done < <(grep '"kind":"test"' "$events" | grep -E '"_tags":\[[^]]*"\.slow"' |
        sed -E 's/.*"id":"([^"]*)".*/\1/; s#\\/#/#g')
    if [[ ${#skips[@]} -eq 0 ]]; then
        echo "error: found no test tagged .slow in 'swift test list': has its event stream changed?" >&2
        exit 1
    fi
    echo "Leaving out the $((${#skips[@]} / 2)) suites and tests tagged .slow (scripts/test.sh runs them)." >&2
    swift test --skip-build --disable-xctest "${skips[@]}"
    scripts/gen-cli-docs.sh --check
    exit 0
fi

swift test --skip-build --disable-xctest
scripts/gen-cli-docs.sh --check

if ! command -v soffice >/dev/null 2>&1 && [[ "$(id -u)" -eq 0 ]]; then
    echo "Installing LibreOffice Calc for the spreadsheet check..." >&2
    apt-get update -qq || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui >/dev/null || true
fi
if command -v soffice >/dev/null 2>&1; then
    scripts/check-export.sh "$(swift build --show-bin-path)/advocacy"
else
    echo "warning: LibreOffice is not installed and could not be, so the spreadsheet check was skipped;" >&2
    echo "         install libreoffice-calc-nogui and run scripts/check-export.sh" >&2
fi

# scripts/install.sh into a temporary prefix: man advocacy, and bash completion offering project codes and teams.
scripts/check-install.sh "$(swift build --show-bin-path)"

# The CIO's report in headless Chromium: not blank, and no error logged.
scripts/check-report.sh "$(swift build --show-bin-path)/advocacy"

# The server in a real browser through a signing-in proxy, and its API against its OpenAPI document.
scripts/check-server.sh "$(swift build --show-bin-path)"

# The deployment's header path: Debian's nginx with deploy/nginx-advocacy.conf and a stub sign-in service.
scripts/check-nginx.sh "$(swift build --show-bin-path)"
