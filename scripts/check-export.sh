#!/usr/bin/env bash
# Proves the HR export opens as columns in a French-locale spreadsheet.
#
#   scripts/check-export.sh [ADVOCACY_BINARY]
#
# Fills a demo programme in a temporary folder, gives its top advocate a name
# a spreadsheet would run as a formula (=HYPERLINK(...)) and a team full of
# `;`, quotes and commas, approves every proposal, exports the period with
# `--locale en --delimiter ';' --bom`, and has LibreOffice read the file the way a French
# Excel does (scripts/check-spreadsheet.sh). The expected sheet is built from
# the JSON export of the same rows, with the formula guard applied
# independently here. It also runs check-spreadsheet.sh's self-test, which
# shows that the same kind of file without its byte-order mark, or with a raw
# formula, does not pass. Then the same period exported with --locale fr must
# read with its score, rank and amount cells as numbers (decimal commas, euros).
set -euo pipefail
cd "$(dirname "$0")/.."

binary="${1:-$(swift build --show-bin-path)/advocacy}"
[[ -x "$binary" ]] || { echo "error: no advocacy binary at $binary: run swift build first" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
db="$work/programme.sqlite"
run() { "$binary" --db "$db" "$@"; }

demo="$(run demo)"
admin="$(sed -n 's/^  admin  //p' <<<"$demo")"
cio="$(sed -n 's/^  cio    //p' <<<"$demo")"
hr="$(sed -n 's/^  hr     //p' <<<"$demo")"
quarter="$(sed -n 's/^Reward proposals made by HR for \([^ ]*\) .*/\1/p' <<<"$demo")"

top="$(run --as "$hr" rewards list --period "$quarter" --format csv | sed -n '2p' | cut -d, -f4)"
run --as "$admin" employee update "$top" --name '=HYPERLINK("http://example.org";"clic")' --team 'R&D; "Lab", Paris' >/dev/null
run --as "$hr" rewards propose --period "$quarter" >/dev/null
proposed="$(run --as "$hr" rewards list --period "$quarter" --status proposed --format csv | tail -n +2 | tr -d '\r')"
# No one decides their own reward: the cio approves the others', HR the cio's.
ids="$(awk -F, -v me="$cio" '$4 != me { print $1 }' <<<"$proposed")"
own="$(awk -F, -v me="$cio" '$4 == me { print $1 }' <<<"$proposed")"
# shellcheck disable=SC2086
run --as "$cio" rewards approve $ids >/dev/null
# shellcheck disable=SC2086
if [ -n "$own" ]; then run --as "$hr" rewards approve $own >/dev/null; fi

run --as "$hr" rewards export --period "$quarter" --locale en --delimiter ';' --bom --output "$work/export.csv" 2>/dev/null
run --as "$hr" rewards export --period "$quarter" --format json --output "$work/export.json" 2>/dev/null

python3 - "$work/export.json" "$work/expected.json" <<'PYTHON'
import json, re, sys
columns = ["period", "hrId", "email", "name", "team", "rank", "score", "rewardCode", "rewardName", "category",
           "costCents", "status", "rationale", "approvedBy", "approvedAt", "note"]
def shown(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        raise SystemExit("unexpected boolean in the export")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        # A decimal point is not a decimal separator in French: the sheet keeps the text.
        return repr(value) if not value.is_integer() else str(int(value))
    # The formula guard, written again here rather than trusted.
    if value[:1] in ("=", "+", "-", "@", "\t", "\r") and not re.fullmatch(r"-[0-9.]+", value):
        return "'" + value
    return value
rows = json.load(open(sys.argv[1], encoding="utf-8"))
expected = [columns] + [[shown(row[key]) for key in columns] for row in rows]
if not any(cell.startswith("'=") for row in expected for cell in row):
    raise SystemExit("error: the export has no formula cell to check")
json.dump(expected, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
PYTHON

scripts/check-spreadsheet.sh "$work/export.csv" "$work/expected.json"

# The French export (--locale fr): French headers, and the score and the
# amount as numbers in a French sheet, not text; the rest as written.
run --as "$hr" rewards export --period "$quarter" --locale fr --output "$work/export-fr.csv" 2>/dev/null
python3 - "$work/export.json" "$work/export-fr.csv" "$work/expected-fr.json" <<'PYTHON'
import csv, io, json, sys
rows = json.load(open(sys.argv[1], encoding="utf-8"))
with open(sys.argv[2], encoding="utf-8-sig", newline="") as handle:
    written = list(csv.reader(handle, delimiter=";"))
header = written[0]
if header[:3] != ["période", "matricule", "email"] or "montant" not in header:
    raise SystemExit(f"error: the French export's header is {header}")
if len(written) != len(rows) + 1:
    raise SystemExit(f"error: the French export has {len(written) - 1} rows, the JSON {len(rows)}")
score, amount, rank = header.index("score"), header.index("montant"), header.index("rang")
expected = [header]
for line, row in zip(written[1:], rows):
    cells = list(line)
    cells[score] = {"number": round(row["score"], 1)}
    cells[amount] = {"number": row["costCents"] / 100}
    cells[rank] = {"number": row["rank"]}
    expected.append(cells)
json.dump(expected, open(sys.argv[3], "w", encoding="utf-8"), ensure_ascii=False)
PYTHON
scripts/check-spreadsheet.sh "$work/export-fr.csv" "$work/expected-fr.json"
scripts/check-spreadsheet.sh --self-test
