#!/usr/bin/env bash
# The server as people and clients meet it: a real advocacy-server on
# loopback over a demo programme, then
#   1. the browser test (Tests/server/browser_test.py): headless Chromium with
#      Selenium through a signing-in proxy per person, with and without
#      JavaScript, in French and English, and axe-core's accessibility check;
#   2. the API contract check: schemathesis against /api/v1/openapi.json, as a
#      staff member and as HR, a bounded number of examples per operation: no
#      5xx, no answer outside the document.
# Installs what is missing (Debian's chromium and chromium-driver as root;
# selenium, axe-selenium-python and schemathesis from PyPI). Screenshots and
# downloads stay in ${SERVER_CHECK_DIR:-.build/check-server}.
#
#   scripts/check-server.sh BIN_DIR   (the folder holding advocacy and advocacy-server)
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:?usage: scripts/check-server.sh BIN_DIR}"
artefacts="${SERVER_CHECK_DIR:-$PWD/.build/check-server}"
rm -rf "$artefacts" && mkdir -p "$artefacts"

if ! command -v chromedriver >/dev/null 2>&1 || ! command -v chromium >/dev/null 2>&1; then
    if [[ "$(id -u)" -ne 0 ]]; then
        echo "warning: chromium and chromium-driver are missing and cannot be installed without root: the server's browser check is skipped" >&2
        exit 0
    fi
    echo "Installing Chromium and its WebDriver..." >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-dejavu-core >/dev/null
fi
if ! python3 -c 'import selenium, axe_selenium_python, schemathesis' 2>/dev/null; then
    echo "Installing selenium, axe-selenium-python and schemathesis from PyPI..." >&2
    python3 -m pip install --quiet --disable-pip-version-check selenium axe-selenium-python schemathesis
fi

work="$(mktemp -d)"
server_pid=""
cleanup() {
    if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

database="$work/demo.sqlite"
"$bin/advocacy" demo --db "$database" >/dev/null
roster="$("$bin/advocacy" employee list --db "$database" --format csv)"
pick() { awk -F, -v role="$1" 'NR > 1 && $4 == role { print $1; exit }' <<<"$roster"; }
header="$(head -1 <<<"$roster")"
[[ "$header" == email,name,team,role* ]] || { echo "error: employee list's CSV header changed: $header" >&2; exit 1; }
staff="$(pick staff)" cio="$(pick cio)" hr="$(pick hr)" admin="$(pick admin)"
hr_name="$(awk -F, -v email="$hr" '$1 == email { print $2 }' <<<"$roster")"

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
# A high write rate: at the default 60 a minute, schemathesis would meet 429 on nearly every write and check little.
"$bin/advocacy-server" --db "$database" --listen "127.0.0.1:$port" --writes-per-minute 100000 >"$artefacts/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do
    curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
    sleep 0.1
done
curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null || { echo "error: the server did not start; see $artefacts/server.log" >&2; exit 1; }

SERVER_URL="http://127.0.0.1:$port" ARTEFACTS="$artefacts" \
    PEOPLE="$(printf '{"staff": "%s", "cio": "%s", "hr": "%s", "hrName": "%s", "admin": "%s"}' "$staff" "$cio" "$hr" "$hr_name" "$admin")" \
    python3 Tests/server/browser_test.py

# The contract: every operation, as a staff member and as HR, with few examples each so CI stays short.
for person in "$staff" "$hr"; do
    echo "API contract check as $person..." >&2
    python3 -m schemathesis.cli run "http://127.0.0.1:$port/api/v1/openapi.json" \
        --header "X-Forwarded-Email: $person" \
        --checks not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance \
        --max-examples "${SCHEMATHESIS_EXAMPLES:-25}" --seed 2026 --no-color >"$artefacts/schemathesis-$person.txt" 2>&1 || {
        tail -60 "$artefacts/schemathesis-$person.txt" >&2
        echo "error: the API broke its contract as $person (the whole report: $artefacts/schemathesis-$person.txt)" >&2
        exit 1
    }
    tail -3 "$artefacts/schemathesis-$person.txt" >&2
done
if grep -q '\] request failed' "$artefacts/server.log"; then
    echo "error: the server logged a failed request; see $artefacts/server.log" >&2
    grep '\] request failed' "$artefacts/server.log" | head -5 >&2
    exit 1
fi
# Graceful shutdown: SIGTERM stops it cleanly (exit 0, "stopped" logged) within seconds.
kill -TERM "$server_pid"
for _ in $(seq 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$server_pid" 2>/dev/null; then echo "error: the server did not stop within 10 s of SIGTERM" >&2; exit 1; fi
status=0
wait "$server_pid" || status=$?
server_pid=""
[[ $status -eq 0 ]] || { echo "error: the server exited with status $status on SIGTERM; see $artefacts/server.log" >&2; exit 1; }
grep -q "stopped; the database is closed" "$artefacts/server.log" || { echo "error: the server did not log its clean stop" >&2; exit 1; }
# The access log names people by id only: no email of anyone in it.
if grep -E "[A-Za-z0-9._-]+@dsi\.example\.fr" "$artefacts/server.log" | grep -v "untrusted" | head -1 | grep -q .; then
    echo "error: the server's log holds an email address:" >&2
    grep -E "@dsi\.example\.fr" "$artefacts/server.log" | head -3 >&2
    exit 1
fi
echo "server check: browser, API contract, clean stop on SIGTERM and an access log without emails passed (artefacts in $artefacts)"
