#!/usr/bin/env bash
# Runs every test: the Swift test suites, then checks that docs/cli.md matches --help.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh

swift build --build-tests
swift test --skip-build --disable-xctest
scripts/gen-cli-docs.sh --check
