#!/usr/bin/env bash
# Runs every test: the Swift test suites, the check that docs/cli.md matches
# --help, the check that the HR export opens as columns in a French-locale
# spreadsheet (LibreOffice, installed when missing), and the check that a
# real browser renders the CIO's report (Chromium, installed when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh

# The code's rules (.swift-format: line length, no force unwrap or try!) hold
# everywhere; scripts/format.sh fixes what the formatter can.
swift format lint --strict --recursive --parallel Package.swift Sources Tests

# Warnings are errors in every build (Package.swift), so this is the same build a developer's is.
swift build --build-tests
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

# The CIO's report in headless Chromium: not blank, and no error logged.
scripts/check-report.sh "$(swift build --show-bin-path)/advocacy"
