#!/usr/bin/env bash
# Fuzzes the parsers that read files made elsewhere, with libFuzzer and the
# address sanitizer: CSV (CSVReader), feeds (FeedParser and the feed
# importer's drafts), Excel workbooks (Workbook and LinkedIn's creator
# analytics) and addresses (CanonicalURL, which must give a fixed point).
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]   each target (csv, feed, workbook,
#                                           url; default all) for SECONDS (default 300)
#
# The targets are in Fuzz/ (their own package, built into .build-fuzz with
# -sanitize=fuzzer,address, so Core is instrumented too). Each starts from
# a corpus of the test fixtures, kept in .build-fuzz/corpus between runs.
# Prints, per target, the executions, the coverage reached and the time;
# exits non-zero when a target crashes, leaks or hangs (its input is kept
# in .build-fuzz/crashes and named on the output).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-300}"
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || (( seconds < 1 )); then
    echo "error: '$seconds' is not a number of seconds: expected a whole number like 300" >&2
    exit 64
fi
source scripts/ensure-deps.sh

scratch=".build-fuzz"
echo "Building the fuzz targets (Fuzz/, -sanitize=fuzzer,address)..."
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
# SwiftPM keeps the build plan of a path dependency; a file added to Core since would be missed.
rm -f "$scratch"/*.yaml
if ! (cd Fuzz && swift build -c release --scratch-path "../$scratch" -Xswiftc -sanitize=fuzzer,address) >"$log" 2>&1; then
    grep -E "error:" "$log" | grep -v "Cannot export" >&2 || tail -20 "$log" >&2
    echo "fuzz FAILED: the build failed" >&2
    exit 1
fi
bin="$scratch/release"

# Seed corpora from the tests' own files.
corpus="$scratch/corpus"
mkdir -p "$corpus"/{csv,feed,workbook,url} "$scratch/crashes"
cp Tests/AdvocacyCoreTests/Fixtures/csv/*.csv Tests/AdvocacyCLITests/Fixtures/import/*.csv "$corpus/csv/"
cp Tests/AdvocacyCoreTests/Fixtures/feeds/* "$corpus/feed/"
for book in Tests/AdvocacyCLITests/Fixtures/import/linkedin-analytics.xlsx \
    Tests/AdvocacyCLITests/Fixtures/import/linkedin-analytics-resaved.xlsx; do
    # The sheet, the shared strings and the FOLLOWERS sheet, cut by NUL bytes as the target reads them.
    {
        unzip -p "$book" xl/worksheets/sheet3.xml
        printf '\0'
        unzip -p "$book" xl/sharedStrings.xml
        printf '\0'
        unzip -p "$book" xl/worksheets/sheet4.xml
    } >"$corpus/workbook/$(basename "$book").seed"
done
i=0
while IFS= read -r address; do
    printf '%s' "$address" >"$corpus/url/seed-$i"
    i=$((i + 1))
done <<'URLS'
https://www.linkedin.com/posts/jane-doe_kafka-activity-7258194261025673216-Ab3x?utm_source=share
https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A7258194261025673216
https://twitter.com/JaneDoe/status/1840512345678901234/photo/1?s=20
https://x.com/i/web/status/1840512345678901234
https://youtu.be/dQw4w9WgXcQ?si=Xy12
https://m.youtube.com/shorts/dQw4w9WgXcQ
https://medium.com/@janedoe/kafka-3f9c2b1a7d4e?source=rss-8a1b2c3d4e5f------2
HTTPS://WWW.Example.COM:443/Blog/./Post/?utm_x=1&b=2&a=1#f
http://[::1]:8080/a%20b
blog.example.com/caf%C3%A9
https://mastodon.social/@Jane/113245678901230001
URLS

# Foundation's own leak on malformed XML is not ours (Fuzz/lsan.supp says which).
export LSAN_OPTIONS="suppressions=$PWD/Fuzz/lsan.supp:print_suppressions=0"
status=0
printf '\n%-14s %12s %10s %10s %8s\n' target executions coverage features seconds
wanted=("${@:2}")
for target in csv:FuzzCSV feed:FuzzFeed workbook:FuzzWorkbook url:FuzzURL; do
    name="${target%%:*}"
    if (( ${#wanted[@]} > 0 )) && [[ ! " ${wanted[*]} " =~ " $name " ]]; then continue; fi
    binary="${target##*:}"
    out="$scratch/$name.log"
    start=$(date +%s)
    # -rss_limit_mb: the address sanitizer's shadow memory counts too; the product's own budget is checked elsewhere.
    if ! "$bin/$binary" "$corpus/$name" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$scratch/crashes/$name-" >"$out" 2>&1; then
        status=1
        echo "fuzz: $binary FAILED; its log is $out and the input that failed is in $scratch/crashes:" >&2
        grep -E "ERROR|SUMMARY|Fatal error|artifact" "$out" | head -10 >&2
    fi
    elapsed=$(( $(date +%s) - start ))
    runs=$(grep -E "^stat::number_of_executed_units" "$out" | awk '{print $2}')
    last=$(grep -E "^#[0-9]+" "$out" | tail -1)
    cov=$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<<"$last")
    ft=$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<<"$last")
    printf '%-14s %12s %10s %10s %8s\n' "$binary" "${runs:-?}" "${cov:-?}" "${ft:-?}" "$elapsed"
done
if (( status != 0 )); then
    echo "fuzz FAILED" >&2
    exit 1
fi
echo "fuzz passed: no crash, leak or hang"
