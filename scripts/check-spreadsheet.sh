#!/usr/bin/env bash
# Proves that a CSV opens as the expected columns in a French-locale spreadsheet.
#
#   scripts/check-spreadsheet.sh CSVFILE EXPECTED_JSON
#   scripts/check-spreadsheet.sh --self-test
#
# EXPECTED_JSON is a JSON array of arrays: the rows as the sheet should show
# them, each cell a string (the text shown) or {"number": 63.8} (a cell the
# sheet holds as that number, not as text). Prints "spreadsheet check: N rows × M columns match", or
# the first differing cell and exits 1. --self-test runs the hand-written
# fixture in scripts/fixtures/spreadsheet/ (accents, emoji, `;` inside quoted
# cells, a line break in a cell, neutralised formulas) and checks that the
# same file without its byte-order mark, or with a raw formula, fails.
#
# How the sheet is read: LibreOffice Calc, headless (installed when soffice is
# missing), converts the CSV to xlsx with the options a French Excel implies,
# and the xlsx's cells are compared. A private profile directory per run lets
# it run as root and several at a time.
#   - separator `;`, text delimiter `"`, French language (1036): `1,5` is a
#     number and `-0.3` stays text;
#   - formulas evaluated, as Excel does on opening a CSV: a cell that became a
#     formula is reported as such and never matches, so a raw `=1+1` fails
#     while the writer's `'=1+1` stays the text `'=1+1` (apostrophe shown, as
#     in Excel);
#   - special numbers (dates, percentages) not detected, so they compare as
#     the text in the file: this check does not cover Excel's date guessing;
#   - numbers compare as a French sheet shows them in the standard format:
#     `-12`, `1,5`.
#
# What the experiment showed (LibreOffice 7.4, Debian 12), and why the script
# picks the character set itself:
#   - LibreOffice's CSV filter takes the character set from its options and
#     ignores the BOM. With 76 (UTF-8) the files with and without a BOM both
#     read right (the BOM is dropped). With 1 (Windows-1252) both are garbled,
#     the BOM showing as `ï»¿` in the first cell and `é` as `Ã©`. With the
#     character set left empty ("detect"), it uses the locale's: fine under
#     C.UTF-8, and under LC_ALL=C both files are garbled, the BOM included.
#     No filter option makes LibreOffice itself prove that the BOM matters.
#   - A French Excel reads UTF-8 only when the file starts with the BOM, and
#     Windows-1252 otherwise. So this script does the same: charset 76 when the
#     file starts with EF BB BF, else 1. The fixture without its BOM then
#     fails on its first accent (`Ã©quipe` for `équipe`), which --self-test
#     checks.
#   - With no filter options at all, LibreOffice does not split on `;`: every
#     line lands in column A.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
    echo "usage: scripts/check-spreadsheet.sh CSVFILE EXPECTED_JSON | --self-test" >&2
    exit 64
}

if ! command -v soffice >/dev/null 2>&1; then
    echo "Installing LibreOffice Calc (soffice is missing)..." >&2
    if [[ "$(id -u)" -eq 0 ]]; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui >/dev/null
    elif command -v sudo >/dev/null 2>&1; then
        sudo apt-get update -qq
        sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui >/dev/null
    else
        echo "error: soffice is missing: install it with apt-get install --no-install-recommends libreoffice-calc-nogui" >&2
        exit 1
    fi
fi
command -v python3 >/dev/null 2>&1 || { echo "error: python3 is missing: install it with apt-get install python3" >&2; exit 1; }

# check CSVFILE EXPECTED_JSON: prints the verdict, returns 1 on a difference.
check() {
    local csv="$1" expected="$2"
    [[ -f "$csv" ]] || { echo "error: no CSV file at '$csv'" >&2; return 1; }
    [[ -f "$expected" ]] || { echo "error: no expected JSON file at '$expected'" >&2; return 1; }

    local work
    work="$(mktemp -d)"
    # A French Excel's choice: UTF-8 with a BOM, Windows-1252 without (see above).
    local charset=1
    if [[ "$(head -c 3 "$csv" | od -An -tx1 | tr -d ' \n')" == "efbbbf" ]]; then charset=76; fi
    # separator ; (59), text delimiter " (34), charset, from line 1, standard cell formats, French,
    # quoted fields not forced to text, no special numbers, (3 export-only tokens), all sheets,
    # evaluate formulas.
    local options="59,34,$charset,1,,1036,false,false,false,false,false,-1,true"
    # The file name decides the output name: copy it so any name works (spaces, no .csv).
    cp "$csv" "$work/input.csv"
    if ! timeout 180 soffice -env:UserInstallation="file://$work/profile" --headless --norestore \
        --infilter="Text - txt - csv (StarCalc):$options" --convert-to xlsx --outdir "$work" "$work/input.csv" \
        >"$work/soffice.log" 2>&1 || [[ ! -f "$work/input.xlsx" ]]; then
        echo "error: LibreOffice could not convert '$csv':" >&2
        cat "$work/soffice.log" >&2
        rm -rf "$work"
        return 1
    fi

    local status=0
    python3 - "$work/input.xlsx" "$expected" <<'PYTHON' || status=$?
import json, re, sys, zipfile
import xml.etree.ElementTree as ET

sheet_path, expected_path = sys.argv[1], sys.argv[2]
try:
    with open(expected_path, encoding="utf-8") as file:
        expected = json.load(file)
except (OSError, ValueError) as error:
    sys.exit(f"error: '{expected_path}' is not JSON: {error}")
def valid_cell(cell):
    return isinstance(cell, str) or (isinstance(cell, dict) and isinstance(cell.get("number"), (int, float)))
if not (isinstance(expected, list) and all(isinstance(row, list) and all(valid_cell(cell) for cell in row)
                                           for row in expected)):
    sys.exit(f"error: '{expected_path}' must be a JSON array of arrays of strings or {{\"number\": N}}, like [[\"nom\", \"équipe\"]]")

main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
book = zipfile.ZipFile(sheet_path)
shared = []
if "xl/sharedStrings.xml" in book.namelist():
    for item in ET.fromstring(book.read("xl/sharedStrings.xml")).iter(main + "si"):
        shared.append("".join(text.text or "" for text in item.iter(main + "t")))

def column_number(reference):  # "AB12" -> 28
    number = 0
    for letter in re.match(r"[A-Z]+", reference).group():
        number = number * 26 + ord(letter) - 64
    return number

def shown_number(value):  # as a French sheet's standard format shows it
    number = float(value)
    text = str(int(number)) if number.is_integer() and abs(number) < 1e15 else repr(number)
    return text.replace(".", ",")

cells = {}  # (row, column) from 1 -> shown text
numbers = {}  # (row, column) from 1 -> the number a numeric cell holds
for row in ET.fromstring(book.read("xl/worksheets/sheet1.xml")).iter(main + "row"):
    for cell in row.iter(main + "c"):
        reference, kind = cell.get("r"), cell.get("t", "n")
        value = cell.find(main + "v")
        formula = cell.find(main + "f")
        raw = value.text if value is not None and value.text is not None else ""
        if formula is not None:
            shown = f"(a formula: ={formula.text}, showing {raw})"
        elif kind == "s":
            shown = shared[int(raw)]
        elif kind == "n" and raw:
            shown = shown_number(raw)
            numbers[(int(re.search(r"\d+", reference).group()), column_number(reference))] = float(raw)
        elif kind == "inlineStr":
            shown = "".join(text.text or "" for text in cell.iter(main + "t"))
        else:
            shown = raw
        cells[(int(re.search(r"\d+", reference).group()), column_number(reference))] = shown

def name(row, column):
    letters = ""
    while column:
        column, remainder = divmod(column - 1, 26)
        letters = chr(65 + remainder) + letters
    return f"{letters}{row}"

rows = max([len(expected)] + [r for r, _ in cells])
columns = max([len(row) for row in expected] + [c for _, c in cells] + [0])
for r in range(1, rows + 1):
    for c in range(1, columns + 1):
        want = expected[r - 1][c - 1] if r <= len(expected) and c <= len(expected[r - 1]) else ""
        got = cells.get((r, c), "")
        if isinstance(want, dict):
            number = numbers.get((r, c))
            if number is None or abs(number - want["number"]) > 1e-9:
                print(f"spreadsheet check: cell {name(r, c)} (row {r}, column {c}) shows {json.dumps(got, ensure_ascii=False)}"
                      f"{' as text' if number is None else ''}, expected the number {want['number']}")
                sys.exit(1)
            continue
        if got != want:
            print(f"spreadsheet check: cell {name(r, c)} (row {r}, column {c}) shows {json.dumps(got, ensure_ascii=False)}, "
                  f"expected {json.dumps(want, ensure_ascii=False)}")
            sys.exit(1)
print(f"spreadsheet check: {len(expected)} rows × {max(len(row) for row in expected) if expected else 0} columns match")
PYTHON
    rm -rf "$work"
    return "$status"
}

self_test() {
    local fixtures=scripts/fixtures/spreadsheet work
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' RETURN
    echo "with the byte-order mark (must match):"
    check "$fixtures/french.csv" "$fixtures/french.expected.json"

    echo "without the byte-order mark (must fail on an accent):"
    tail -c +4 "$fixtures/french.csv" >"$work/no-bom.csv"
    local output
    if output="$(check "$work/no-bom.csv" "$fixtures/french.expected.json")"; then
        echo "self-test failed: the file without a BOM matched" >&2
        return 1
    fi
    echo "$output"
    [[ "$output" == *"Ã©quipe"* ]] || { echo "self-test failed: expected a garbled accent" >&2; return 1; }

    echo "with a raw formula instead of '=1+1 (must fail on that cell):"
    sed "s/'=1+1/=1+1/" "$fixtures/french.csv" >"$work/formula.csv"
    if output="$(check "$work/formula.csv" "$fixtures/french.expected.json")"; then
        echo "self-test failed: the raw formula matched" >&2
        return 1
    fi
    echo "$output"
    [[ "$output" == *"a formula"* ]] || { echo "self-test failed: expected the cell to be a formula" >&2; return 1; }
    echo "self-test passed"
}

case "$#:${1:-}" in
    "1:--self-test") self_test ;;
    2:*) check "$1" "$2" ;;
    *) usage ;;
esac
