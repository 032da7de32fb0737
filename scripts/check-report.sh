#!/usr/bin/env bash
# Proves that a real browser renders the CIO's HTML report: not blank, and
# with nothing Chromium complains about (no script, no external load).
#
#   scripts/check-report.sh [ADVOCACY_BINARY]
#   scripts/check-report.sh --html FILE...
#
# The first form fills a demo programme in a temporary folder and has its CIO
# write `report --lang fr` and `report --lang en`, then checks both pages; the
# second checks the given pages only. Either way a self-test runs first.
#
# Each page is rendered by headless Chromium (Debian's `chromium`, installed
# when missing and running as root) to a PNG screenshot 1280 px wide and to a
# PDF through its print stylesheet. A page fails when:
#   - it has no `<meta http-equiv="Content-Security-Policy">` with
#     `default-src 'none'`. The report is one self-contained file, and that
#     policy is what makes Chromium report any script, stylesheet, font, image
#     or frame it would load: without it, a failed external load prints
#     nothing at all (measured), so the rest of this check would not see it;
#   - Chromium exits non-zero or takes more than 120 s;
#   - Chromium logs a line about the page: a console message (`CONSOLE`,
#     `Uncaught`), a CSP violation, a network error. Its own environment noise
#     is listed in NOISE below, line by line; any other ERROR line, or a line
#     that is not a log line, fails too, so a new kind of noise is looked at
#     once and added there rather than hiding a real error;
#   - the screenshot is blank: fewer than 3% of its pixels differ from the
#     background (measured down to the page's last non-background row, and at
#     least over a 1280×800 screen, so a lone error line does not pass), or it
#     has fewer than 5 distinct colours (a real report has coloured bars);
#   - the PDF is missing, smaller than 2 KB (an empty page prints as ~850 bytes)
#     or has no page.
# It prints, per page, e.g. `report-fr.html: 1280x3561, 12.6% ink,
# 915 colours; PDF: 4 pages A4, 137 KB`, and leaves the PNG (cropped to the
# page's content) and the PDF in ${REPORT_CHECK_DIR:-.build/check-report}
# (relative to the repository), with a copy of the generated HTML.
#
# The self-test writes small pages in the work folder and checks that a page
# with inline SVG bars passes, and that a blank page, a page loading
# https://example.invalid/x.js and a page without its CSP each fail, for the
# expected reason: otherwise the check could not catch that kind of page.
#
# Without Chromium (not root, or no package), it warns and exits 0, like the
# spreadsheet check in scripts/test.sh; as root, a failed install fails.
#
# The window is 8000 px tall (the screenshot is the window), then 16000 px if
# the page reaches its bottom; a page taller still gets a warning that its
# screenshot is cut, not a failure.
#
# Measured with Chromium 156 on Debian 12, as root in a container: install
# ~20 s; each render 1.3-2 s (screenshot and PDF in one run) and ~1 s to read
# a 3,600 px page's PNG in Python (a PNG dense with text reads at ~0.5 ms a
# row); the whole run, self-test and both reports, ~15 s.
set -euo pipefail
cd "$(dirname "$0")/.."
# Paths given on the command line are relative to where the script was called.
caller="$OLDPWD"

usage() {
    echo "usage: scripts/check-report.sh [ADVOCACY_BINARY] | --html FILE..." >&2
    exit 64
}
absolute() { if [[ "$1" == /* ]]; then echo "$1"; else echo "$caller/$1"; fi; }

files=()
binary=""
if [[ "${1:-}" == "--html" ]]; then
    shift
    [[ $# -ge 1 ]] || usage
    for file in "$@"; do
        file="$(absolute "$file")"
        [[ -f "$file" ]] || { echo "error: no HTML file at $file" >&2; exit 1; }
        files+=("$file")
    done
elif [[ $# -le 1 && "${1:-}" != -* ]]; then
    if [[ $# -eq 1 ]]; then binary="$(absolute "$1")"; else binary="$(swift build --show-bin-path)/advocacy"; fi
    [[ -x "$binary" ]] || { echo "error: no advocacy binary at $binary: run swift build first" >&2; exit 1; }
else
    usage
fi

command -v python3 >/dev/null 2>&1 || { echo "error: python3 is missing: install it with apt-get install python3" >&2; exit 1; }

find_chromium() { command -v chromium || command -v chromium-browser; }
if ! chromium="$(find_chromium)"; then
    if [[ "$(id -u)" -ne 0 ]]; then
        echo "warning: Chromium is not installed, so the report check was skipped;" >&2
        echo "         install it with apt-get install --no-install-recommends chromium and run scripts/check-report.sh" >&2
        exit 0
    fi
    # fonts-dejavu-core is what chromium's fontconfig dependency already pulls
    # in on Debian; naming it keeps the screenshots the same wherever it runs.
    echo "Installing Chromium (chromium is missing)..." >&2
    if ! { apt-get update -qq &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null; } ||
        ! chromium="$(find_chromium)"; then
        echo "error: could not install chromium with apt-get, so the report could not be checked" >&2
        exit 1
    fi
fi

out="${REPORT_CHECK_DIR:-.build/check-report}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"  # printed paths then work from anywhere
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Window heights tried in turn: the screenshot is the window, so a page taller
# than the window would be cut; the PNG is cropped to the content afterwards.
# A window of 32000 px took 10 s to render, so the ladder stops at 16000.
heights=(8000 16000)

# render HTML PNG PDF HEIGHT LOG: one Chromium run writes both files.
#   --no-sandbox           root in a container has no usable sandbox;
#   --disable-gpu          no GPU here: software rendering;
#   --disable-background-networking --no-first-run
#                          no request of its own that could log a net:: error;
#   --hide-scrollbars      no scrollbar in the screenshot;
#   --user-data-dir        a fresh profile each time;
#   --enable-logging=stderr --v=0
#                          log INFO and up, which includes the page's console
#                          and CSP messages (INFO:CONSOLE);
#   --no-pdf-header-footer no date or file name printed on each page
#                          (--print-to-pdf-no-header is accepted but ignored).
render() {
    local html="$1" png="$2" pdf="$3" height="$4" log="$5" profile uri status=0
    profile="$(mktemp -d "$work/profile.XXXXXX")"
    uri="$(python3 -c 'import pathlib, sys; print(pathlib.Path(sys.argv[1]).resolve().as_uri())' "$html")"
    rm -f "$png" "$pdf"
    timeout -k 10 120 "$chromium" --headless --no-sandbox --disable-gpu \
        --disable-background-networking --no-first-run --hide-scrollbars \
        --window-size="1280,$height" --user-data-dir="$profile" --enable-logging=stderr --v=0 \
        --screenshot="$png" --print-to-pdf="$pdf" --no-pdf-header-footer "$uri" >"$log" 2>&1 || status=$?
    rm -rf "$profile"
    return "$status"
}

# page_errors LOG: prints Chromium's lines about the page, and any line it
# cannot explain; returns 1 if there is one.
page_errors() {
    python3 - "$1" <<'PYTHON'
import re, sys

# Lines about the page itself.
PAGE = re.compile(r"CONSOLE|Uncaught|Content Security Policy|Refused to|net::ERR_|Failed to load resource")
# Known environment noise, seen on every run for a clean page (Chromium 156,
# Debian 12, root in a container). Matched on the text after the
# [pid:tid:time:LEVEL:file.cc:line] prefix, line numbers left out.
NOISE = [
    # Debian's launcher sources /etc/chromium.d/dev-shm, which compares
    # findmnt's free space on /dev/shm with `[ -lt ]`; where /dev/shm is
    # mounted twice (containers) findmnt prints two numbers and `[` complains.
    # It only decides whether to add --disable-dev-shm-usage.
    r"^\S*/chromium: \d+: \[: [\d\s]+: unexpected operator$",
    # No D-Bus in a container: no system bus socket, no session bus address...
    r"^ERROR:dbus/bus\.cc:\d+\] Failed to connect to the bus: ",
    # ...so the D-Bus calls for power, idle and bluetooth state fail.
    r"^ERROR:dbus/object_proxy\.cc:\d+\] Failed to call method: org\.freedesktop\.",
    r"^WARNING:dbus/property\.cc:\d+\] ",
    r"^WARNING:device/bluetooth/dbus/bluez_dbus_manager\.cc:\d+\] Floss manager service not available",
    r"^WARNING:ui/base/idle/idle_linux\.cc:\d+\] None of the known D-Bus ScreenSaver services could be used",
    # No GPU device: video acceleration finds no DRM device.
    r"^WARNING:media/gpu/vaapi/vaapi_wrapper\.cc:\d+\] drmGetDevices2\(\) has not found any devices",
    # --no-sandbox: the GPU process notes that it starts with threads running.
    r"^WARNING:sandbox/policy/linux/sandbox_linux\.cc:\d+\] InitializeSandbox\(\) called with multiple threads",
]
# What --screenshot and --print-to-pdf print when they are done.
DONE = re.compile(r"^\d+ bytes written to file ")
PREFIX = re.compile(r"^\[\d+:\d+:\d+/[\d.]+:(?=[A-Z]+:)")

# A console message with a line break in it spans lines, up to its
# `", source: URL (LINE)`: those lines are joined into one entry.
OPEN_CONSOLE = re.compile(r"^\[[^\]]*:CONSOLE[:(]")
CLOSED_CONSOLE = re.compile(r'", source: .*\(\d+\)$')
entries = []
for line in open(sys.argv[1], encoding="utf-8", errors="replace").read().splitlines():
    if (entries and not PREFIX.match(line) and OPEN_CONSOLE.match(entries[-1][0])
            and not CLOSED_CONSOLE.search(entries[-1][-1])):
        entries[-1].append(line)
    else:
        entries.append([line])

bad, notes = [], []
for entry in entries:
    text = "\n".join(entry)
    bare = PREFIX.sub("", entry[0])
    if PAGE.search(text):
        bad.append(text)
    elif DONE.match(bare) or any(re.search(pattern, bare) for pattern in NOISE):
        continue
    elif re.match(r"(ERROR|FATAL):", bare) or not PREFIX.match(entry[0]):
        bad.append(text)
    else:
        notes.append(text)
for text in notes:
    print(f"note: Chromium printed (not counted as an error): {text}", file=sys.stderr)
if bad:
    for text in bad:
        print("    " + text.replace("\n", "\n    "))
    sys.exit(1)
PYTHON
}

# analyse_png PNG OUT_PNG LAST_TRY: prints "WxH, I% ink, C colours" and writes
# the screenshot cropped to the page's content to OUT_PNG. Returns 1 when the
# page is blank, 3 when the content reaches the bottom of the window (cut:
# try a taller window) unless LAST_TRY is 1.
analyse_png() {
    python3 - "$@" <<'PYTHON'
import collections, struct, sys, zlib

MIN_INK, MIN_COLOURS, MIN_HEIGHT, MARGIN = 0.03, 5, 800, 40
source, target, last_try = sys.argv[1], sys.argv[2], sys.argv[3] == "1"

def fail(message):
    print(message)
    sys.exit(2)

def read_png(path):
    """(width, height, bytes per pixel, rows) of an 8-bit RGB or RGBA PNG."""
    with open(path, "rb") as file:
        data = file.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail(f"{path} is not a PNG")
    position, idat, header = 8, [], None
    while position + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        chunk = data[position + 8:position + 8 + length]
        position += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat.append(chunk)
        elif kind == b"IEND":
            break
    if header is None:
        fail(f"{path} has no PNG header")
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        fail(f"{path}: bit depth {depth}, colour type {colour}, interlace {interlace}: only 8-bit RGB(A) is read here")
    bpp = 3 if colour == 2 else 4
    stride = width * bpp
    raw = zlib.decompress(b"".join(idat))
    if len(raw) != height * (stride + 1):
        fail(f"{path}: {len(raw)} bytes of pixels for {width}x{height}")
    # Up, the filter Chromium uses for most rows, adds two rows byte by byte:
    # done on whole rows as big integers, the high bit of each byte apart so
    # that no carry crosses into the next byte.
    low = int.from_bytes(b"\x7f" * stride, "big")
    high = int.from_bytes(b"\x80" * stride, "big")
    previous, rows = bytes(stride), []
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], raw[start + 1:start + 1 + stride]
        if kind == 0:  # None
            row = line
        elif kind == 2:  # Up
            a, b = int.from_bytes(line, "big"), int.from_bytes(previous, "big")
            row = (((a & low) + (b & low)) ^ ((a ^ b) & high)).to_bytes(stride, "big")
        elif kind in (1, 3, 4):
            # Sub, Average and Paeth depend on the byte to the left, so they
            # go byte by byte: one colour channel at a time, which keeps the
            # loop short (Paeth: ~0.5 ms a row of 1280 pixels).
            row = bytearray(stride)
            for channel in range(bpp):
                left = corner = 0
                out = []
                for value, up in zip(line[channel::bpp], previous[channel::bpp]):
                    if kind == 1:
                        left = (value + left) & 255
                    elif kind == 3:
                        left = (value + ((left + up) >> 1)) & 255
                    else:
                        to_left, to_up = up - corner, left - corner  # |p - a|, |p - b| before abs
                        to_corner = to_left + to_up
                        if to_left < 0:
                            to_left = -to_left
                        if to_up < 0:
                            to_up = -to_up
                        if to_corner < 0:
                            to_corner = -to_corner
                        if to_left <= to_up and to_left <= to_corner:
                            left = (value + left) & 255
                        elif to_up <= to_corner:
                            left = (value + up) & 255
                        else:
                            left = (value + corner) & 255
                        corner = up
                    out.append(left)
                row[channel::bpp] = bytes(out)
            row = bytes(row)
        else:
            fail(f"{path}: unknown filter type {kind} on row {y}")
        rows.append(row)
        previous = row
    return width, height, bpp, rows

def write_png(path, width, bpp, rows):
    """An 8-bit RGB(A) PNG, every row with the Up filter (subtraction done like the addition above)."""
    stride = width * bpp
    low = int.from_bytes(b"\x7f" * stride, "big")
    high = int.from_bytes(b"\x80" * stride, "big")
    previous, lines = 0, []
    for row in rows:
        a = int.from_bytes(row, "big")
        lines.append(b"\x02" + (((a | high) - (previous & low)) ^ ((a ^ previous ^ high) & high)).to_bytes(stride, "big"))
        previous = a
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    with open(path, "wb") as file:
        file.write(b"\x89PNG\r\n\x1a\n"
                   + chunk(b"IHDR", struct.pack(">IIBBBBB", width, len(rows), 8, 2 if bpp == 3 else 6, 0, 0, 0))
                   + chunk(b"IDAT", zlib.compress(b"".join(lines), 6)) + chunk(b"IEND", b""))

width, height, bpp, rows = read_png(source)
colours = collections.Counter()
for row, repeats in collections.Counter(rows).items():  # blank rows once
    if bpp == 3:  # widen to 4 bytes a pixel, to count pixels as integers
        wide = bytearray(width * 4)
        wide[0::4], wide[1::4], wide[2::4] = row[0::3], row[1::3], row[2::3]
        row = bytes(wide)
    counts = collections.Counter(memoryview(row).cast("I"))
    if repeats > 1:
        for colour in counts:
            counts[colour] *= repeats
    colours.update(counts)
background, background_count = colours.most_common(1)[0]
background_row = background.to_bytes(4, sys.byteorder)[:bpp] * width
bottom = height  # rows [0, bottom) hold the content
while bottom > 0 and rows[bottom - 1] == background_row:
    bottom -= 1
if bottom == height and not last_try:
    sys.exit(3)
if bottom == height:
    print(f"warning: {source}: the page fills the whole {width}x{height} window: the screenshot may be cut", file=sys.stderr)
kept = rows[:min(height, bottom + MARGIN)]
write_png(target, width, bpp, kept)
ink = (width * height - background_count) / (width * max(bottom, min(height, MIN_HEIGHT)))
figures = f"{width}x{len(kept)}, {ink:.1%} ink, {len(colours)} colour{'s' if len(colours) != 1 else ''}"
if ink < MIN_INK or len(colours) < MIN_COLOURS:
    print(f"{figures}: the page looks blank (needs {MIN_INK:.0%} ink and {MIN_COLOURS} colours)")
    sys.exit(1)
print(figures)
PYTHON
}

# pdf_summary PDF: prints "N pages A4, K KB"; returns 1 if it is empty.
pdf_summary() {
    python3 - "$1" <<'PYTHON'
import os, re, sys

MIN_BYTES = 2048
path = sys.argv[1]
if not os.path.isfile(path):
    print("no PDF was written")
    sys.exit(1)
data = open(path, "rb").read()
# Chromium's PDFs (Skia) keep page objects uncompressed: counting them works.
pages = len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", data))
box = re.search(rb"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]", data)
size = ""
if box:
    width, height = (float(box.group(3)) - float(box.group(1)), float(box.group(4)) - float(box.group(2)))
    size = " A4" if abs(width - 595.28) < 2 and abs(height - 841.89) < 2 else f" of {width:.0f}x{height:.0f} pt"
summary = f"{pages} page{'s' if pages != 1 else ''}{size}, {len(data) / 1024:.0f} KB"
if pages == 0 or len(data) < MIN_BYTES:
    print(f"{summary}: the PDF is empty (needs a page and {MIN_BYTES} bytes)")
    sys.exit(1)
print(summary)
PYTHON
}

# check_page HTML OUT_DIR: renders HTML to OUT_DIR/NAME.png and NAME.pdf and
# prints the verdict; returns 1 if the page fails.
check_page() {
    local html="$1" dir="$2" name base log figures pdf_figures errors status height failed=0
    name="$(basename "$html")"
    base="$dir/${name%.htm*}"
    log="$work/${name%.htm*}.log"
    if ! grep -Eqi '<meta[^>]*http-equiv=.?Content-Security-Policy' "$html" || ! grep -Eq "default-src ('|&#39;|&apos;)none" "$html"; then
        echo "$name: FAILED: no <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ...\">:"
        echo "    without it Chromium does not report the page's external loads"
        return 1
    fi
    for height in "${heights[@]}"; do
        status=0
        render "$html" "$work/screenshot.png" "$base.pdf" "$height" "$log" || status=$?
        if [[ "$status" -eq 124 || "$status" -eq 137 ]]; then
            echo "$name: FAILED: Chromium did not finish within 120 s:"
            sed 's/^/    /' "$log"
            return 1
        elif [[ "$status" -ne 0 || ! -s "$work/screenshot.png" ]]; then
            echo "$name: FAILED: Chromium exited with status $status without a screenshot:"
            sed 's/^/    /' "$log"
            return 1
        fi
        status=0
        figures="$(analyse_png "$work/screenshot.png" "$base.png" "$([[ "$height" == "${heights[-1]}" ]] && echo 1 || echo 0)")" || status=$?
        [[ "$status" -eq 3 ]] || break
    done
    if [[ "$status" -ne 0 ]]; then
        echo "$name: FAILED: $figures"
        failed=1
    fi
    if ! pdf_figures="$(pdf_summary "$base.pdf")"; then
        echo "$name: FAILED: PDF: $pdf_figures"
        failed=1
    fi
    if ! errors="$(page_errors "$log")"; then
        echo "$name: FAILED: Chromium logged errors about the page:"
        echo "$errors"
        failed=1
    fi
    [[ "$failed" -eq 0 ]] || return 1
    echo "$name: $figures; PDF: $pdf_figures"
    echo "    $base.png"
    echo "    $base.pdf"
}

# The self-test's pages: the same small report, then variations of it.
csp="<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
body='<h1>Répartition par palier</h1>
<svg xmlns="http://www.w3.org/2000/svg" width="600" height="240" viewBox="0 0 600 240">
  <rect x="20" y="40" width="100" height="180" fill="#1f77b4"/><rect x="160" y="100" width="100" height="120" fill="#ff7f0e"/>
  <rect x="300" y="70" width="100" height="150" fill="#2ca02c"/><rect x="440" y="160" width="100" height="60" fill="#d62728"/>
  <text x="20" y="30" font-size="14">Or : 18 — Argent : 12 — Bronze : 15 — Aucun : 6</text>
</svg>
<table><tr><th>Palier</th><th>Personnes</th></tr><tr><td>Or</td><td>18</td></tr><tr><td>Argent</td><td>12</td></tr></table>'
page() {  # FILE HEAD BODY
    printf '<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8">%s<title>Test</title>\n<style>body { font-family: sans-serif; margin: 24px; } td, th { border: 1px solid #999; padding: 4px; }</style>\n</head><body>%s</body></html>\n' "$2" "$3" >"$1"
}

self_test() {
    local dir="$work/self-test" output
    mkdir -p "$dir"
    page "$dir/good.html" "$csp" "$body"
    page "$dir/blank.html" "$csp" ""
    page "$dir/script.html" "$csp"'<script src="https://example.invalid/x.js"></script>' "$body"
    page "$dir/no-csp.html" "" "$body"

    if ! output="$(check_page "$dir/good.html" "$dir" 2>&1)"; then
        echo "$output" >&2
        echo "self-test failed: a good page does not pass, so no report would" >&2
        return 1
    fi
    if output="$(check_page "$dir/blank.html" "$dir" 2>&1)" || [[ "$output" != *"looks blank"* ]]; then
        echo "$output" >&2
        echo "self-test failed: the check would not catch a blank page" >&2
        return 1
    fi
    if output="$(check_page "$dir/script.html" "$dir" 2>&1)" || [[ "$output" != *"Content Security Policy"*"example.invalid/x.js"* && "$output" != *"example.invalid/x.js"*"Content Security Policy"* ]]; then
        echo "$output" >&2
        echo "self-test failed: the check would not catch a page loading an external script" >&2
        return 1
    fi
    if output="$(check_page "$dir/no-csp.html" "$dir" 2>&1)" || [[ "$output" != *"no <meta http-equiv=\"Content-Security-Policy\""* ]]; then
        echo "$output" >&2
        echo "self-test failed: the check would not catch a page without its Content-Security-Policy" >&2
        return 1
    fi
    echo "self-test passed: a page with SVG bars passes; a blank page, an external script and a missing CSP fail"
}

self_test || exit 1

if [[ -n "$binary" ]]; then
    db="$work/programme.sqlite"
    cio="$("$binary" --db "$db" demo | sed -n 's/^  cio    //p')"
    [[ -n "$cio" ]] || { echo "error: advocacy demo printed no '  cio    EMAIL' line" >&2; exit 1; }
    for lang in fr en; do
        "$binary" --db "$db" --as "$cio" report --lang "$lang" --output "$work/report-$lang.html"
        cp "$work/report-$lang.html" "$out/"
        files+=("$work/report-$lang.html")
    done
fi

failed=0
for file in "${files[@]}"; do
    check_page "$file" "$out" || failed=1
done
if [[ -n "$binary" ]]; then echo "HTML copies: $out/report-fr.html $out/report-en.html"; fi
exit "$failed"
