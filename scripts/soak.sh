#!/usr/bin/env bash
# Runs the long robustness tests: 20 SIGKILL rounds for each command the
# crash test kills (import actions, log, metrics, rewards propose), four
# processes logging 250 actions each on one file at once, and every hostile
# string of the list through every text field, option and importer.
# The normal suite runs the same tests short (3 rounds, 4×50, a sample of
# the strings); ADVOCACY_SOAK=1 makes them long.
#
# Then the fuzzers (scripts/fuzz.sh): each parser of files made elsewhere
# for FUZZ_SECONDS (default 300) under libFuzzer and the address sanitizer.
#
# Randomised tests print their seed; replay one with
#   ADVOCACY_SEED=<seed> scripts/soak.sh
# Prints a summary and exits non-zero when anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."

log="$(mktemp)"
trap 'rm -f "$log"' EXIT

echo "Building (debug, with the tests)..."
# A failed build must stop here: the tests would otherwise run the previous binaries.
if ! swift build --build-tests >"$log" 2>&1; then
    grep -E "error" "$log" >&2 || tail -20 "$log" >&2
    echo "soak FAILED: the build failed" >&2
    exit 1
fi

echo "Soaking (ADVOCACY_SOAK=1 swift test --filter Robustness); this takes a few minutes..."
start=$(date +%s)
status=0
ADVOCACY_SOAK=1 swift test --skip-build --disable-xctest --filter Robustness >"$log" 2>&1 || status=$?
elapsed=$(( $(date +%s) - start ))

echo
echo "== Seeds"
grep -E "seed [0-9]+ \(replay" "$log" | sed 's/^/  /' || true
echo "== Timings"
grep -E "^concurrency: " "$log" | sed 's/^/  /' || true
grep -E "Suite \".*\" (passed|failed) after" "$log" | sed -E 's/^.*Suite "([^"]*)" (passed|failed) after ([0-9.]+) seconds.*/  \1: \2 (\3 s)/' || true
echo "== Result"
if [[ $status -ne 0 ]] || grep -q "✘" "$log"; then
    grep -E "✘|↳" "$log" | grep -v "↳ ///" | cut -c1-400 | head -80 | sed 's/^/  /'
    echo "soak FAILED after ${elapsed} s (full log above is cut; rerun with the seeds printed)" >&2
    exit 1
fi
grep -E "Test run with" "$log" | sed 's/^/  /'
echo "soak tests passed in ${elapsed} s"

echo
echo "== Fuzzing (${FUZZ_SECONDS:-300} s per parser)"
scripts/fuzz.sh "${FUZZ_SECONDS:-300}"
echo "soak passed"
