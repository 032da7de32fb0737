#!/usr/bin/env bash
# advocacy-server under load, on loopback over a 10,000-person demo programme
# (release build):
#
#   1. load: 200 clients signed in as 200 staff members (X-Forwarded-Email)
#      for $DURATION seconds (default 60), reading (the ranking API, the "my
#      actions" page) as fast as answers come, and each writing at most 50
#      times a minute, under the server's 60 (a new post on the person's own
#      blog, then new figures for it): throughput, p50/p99 per kind. Any
#      non-2xx answer fails the script; every write answered 2xx must be in
#      the database afterwards. Client: scripts/bench-serve-client.py (httpx
#      and asyncio; installed from PyPI if missing).
#   2. writes through the API against writes in-process: $BURST_WRITES writes
#      (default 4000), half new posts and half new figures for them, by 200
#      connections, then the same writes made in-process through the server's
#      ProgrammeAccess thread pool by 200 tasks (advocacy-server's hidden
#      --bench-writes, InProcessWrites.swift), each on a fresh copy of the
#      demo, $RUNS times (default 3) alternately; medians, and their ratio
#      (target: at least 0.5). Client: wrk (Debian's, installed if missing)
#      with scripts/bench-serve-writes.lua, one thread, so that the client
#      takes a small part of a core rather than the server's CPU; each post
#      is written as the next staff member in turn, so nobody nears the rate
#      limit. Any non-2xx answer or socket error fails the script; every
#      write answered 2xx must be in the database afterwards.
#   3. kill test: a write burst (the Python client), the server killed with
#      SIGKILL in the middle ($KILL_AFTER seconds in, default 3), restarted on
#      the same file: it must answer, PRAGMA integrity_check must say ok, and
#      every write acknowledged before the kill must be there.
#
#   scripts/bench-serve.sh     (DURATION=10 BURST_WRITES=1000 RUNS=1 while developing)
#
# The demo database is cached in .build/bench-serve/ (delete it to make a
# new one). The clients share the machine with the server: their CPU time is
# printed so that a client-bound figure can be told from a server-bound one.
set -euo pipefail
cd "$(dirname "$0")/.."
employees="${EMPLOYEES:-10000}" duration="${DURATION:-60}" burst_writes="${BURST_WRITES:-4000}" runs="${RUNS:-3}"
kill_after="${KILL_AFTER:-3}" clients=200
source scripts/bench-common.sh
need sqlite3
need bc
need curl
type -P wrk >/dev/null || install_package wrk "the HTTP load generator of the write burst"
python3 -c 'import httpx' 2>/dev/null || {
    echo "installing httpx from PyPI..." >&2
    python3 -m pip install --quiet --disable-pip-version-check httpx >&2
}
"${release[@]}" --product advocacy-server >/dev/null
server_binary="$(dirname "$binary")/advocacy-server"
client=(python3 scripts/bench-serve-client.py)
# Runs a command and writes the CPU time (user + system, in seconds) it and its children used to a file.
with_cpu() {  # file, command...
    python3 -c 'import resource, subprocess, sys
code = subprocess.run(sys.argv[2:]).returncode
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
open(sys.argv[1], "w").write("%.2f\n" % (usage.ru_utime + usage.ru_stime))
sys.exit(code)' "$@"
}

server_pid=""
stop_server() {  # SIGTERM: a graceful stop
    if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    server_pid=""
}
trap 'stop_server; rm -rf "$work"' EXIT

# Starts advocacy-server on a database, on a free loopback port ($url), and waits until it is ready.
start_server() {  # database, log file
    local port
    port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    url="http://127.0.0.1:$port"
    "$server_binary" --db "$1" --listen "127.0.0.1:$port" >>"$2" 2>&1 &
    server_pid=$!
    for _ in $(seq 300); do
        curl -fsS "$url/readyz" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    echo "error: the server did not start on $1; its log:" >&2
    tail -20 "$2" >&2
    exit 1
}

# The field of a JSON object: json_field FIELD < object
json_field() { python3 -c "import json, sys; print(json.load(sys.stdin)$1)"; }

cache=".build/bench-serve/demo-$employees.sqlite"
if [[ ! -f "$cache" ]]; then
    echo "generating a demo programme of $employees people in $cache..." >&2
    mkdir -p "$(dirname "$cache")"
    rm -f "$cache.tmp"
    "$binary" demo --db "$cache.tmp" --employees "$employees" >/dev/null
    mv "$cache.tmp" "$cache"
fi
fresh_copy() { cp "$cache" "$work/$1.sqlite"; echo "$work/$1.sqlite"; }

# Staff members, active: everyone for the bursts, 200 spread over the roster for the load.
"$binary" employee list --db "$cache" --format csv | tr -d '\r' >"$work/roster.csv"
[[ "$(head -1 "$work/roster.csv")" == email,name,team,role,hrId,active ]] || {
    echo "error: employee list's CSV header changed: $(head -1 "$work/roster.csv")" >&2
    exit 1
}
awk -F, 'NR > 1 && $4 == "staff" && $NF == "yes" { print $1 }' "$work/roster.csv" >"$work/staff.txt"
staff_count=$(wc -l <"$work/staff.txt")
awk -v every="$((staff_count / clients))" 'NR % every == 1' "$work/staff.txt" | head -"$clients" >"$work/load-people.txt"
[[ $(wc -l <"$work/load-people.txt") -eq $clients ]] || { echo "error: fewer than $clients staff members" >&2; exit 1; }
project=$("$binary" project list --db "$cache" --format csv | tr -d '\r' | awk -F, 'NR > 1 && $4 == "active" { print $1; exit }')
actions=$(sqlite3 "$cache" "SELECT COUNT(*) FROM action")

# 1. Load.
echo "load: $clients clients for $duration s..." >&2
db=$(fresh_copy load)
start_server "$db" "$work/server-load.log"
curl -fsS -H "X-Forwarded-Email: $(head -1 "$work/load-people.txt")" "$url/api/v1/ranking" >/dev/null  # warm the cache
load_json=$("${client[@]}" load "$url" "$work/load-people.txt" "$duration" "$project" "$work/load-acked.jsonl") || {
    echo "error: the load had errors: $load_json" >&2
    exit 1
}
stop_server
load_verify=$("${client[@]}" verify "$db" "$work/load-acked.jsonl") || {
    echo "error: writes answered 2xx are missing from the database: $load_verify" >&2
    exit 1
}

# 2. Writes through the API against in-process, alternately on fresh copies.
echo "writes: $burst_writes through the API and in-process, $runs times..." >&2
for run in $(seq "$runs"); do
    db=$(fresh_copy "inproc-$run")
    # A command substitution, not `read < <(...)`: it waits for the process to end, and so for its database to be
    # closed (the last connection checkpoints the WAL, holding the file), before sqlite3 reads it.
    inproc=$("$server_binary" --db "$db" --bench-writes "$burst_writes" --bench-people "$work/staff.txt" \
        --bench-project "$project" --bench-concurrency "$clients" 2>>"$work/inproc.log")
    read -r seconds count <<<"$inproc"
    logged=$(sqlite3 "$db" "SELECT COUNT(*) FROM action WHERE url LIKE 'https://blog-%.bench.example/inproc-%'")
    expected=$(python3 -c "n, t = $burst_writes, $clients; print(sum((n // t + (i < n % t) + 1) // 2 for i in range(t)))")
    [[ "$logged" -eq "$expected" ]] || { echo "error: the in-process run logged $logged posts, not $expected" >&2; exit 1; }
    echo "$count / $seconds" | bc -l >>"$work/inproc-rates.txt"

    db=$(fresh_copy "api-$run")
    start_server "$db" "$work/server-api.log"
    : >"$work/api-$run-acked.jsonl"
    with_cpu "$work/api-$run.cpu" wrk -t 1 -c "$clients" -d 300s --timeout 120s -s scripts/bench-serve-writes.lua "$url" -- \
        "$work/staff.txt" "$burst_writes" "$project" "$work/api-$run-acked.jsonl" "$work/api-$run.json" >>"$work/wrk.log" 2>&1 || {
        echo "error: wrk failed; its output:" >&2
        cat "$work/wrk.log" >&2
        exit 1
    }
    cpu=$(<"$work/api-$run.cpu")
    stop_server
    [[ -s "$work/api-$run.json" ]] || { echo "error: wrk wrote no figures; its output:" >&2; cat "$work/wrk.log" >&2; exit 1; }
    burst_json=$(python3 -c 'import json, sys; f = json.load(open(sys.argv[1])); f["client_cpu_s"] = float(sys.argv[2]); print(json.dumps(f))' \
        "$work/api-$run.json" "$cpu")
    [[ "$(json_field '["errors"]' <<<"$burst_json")" -eq 0 && "$(json_field '["writes"]' <<<"$burst_json")" -eq "$burst_writes" ]] || {
        echo "error: the write burst had errors or missing answers: $burst_json" >&2
        exit 1
    }
    [[ "$(wc -l <"$work/api-$run-acked.jsonl")" -eq "$burst_writes" ]] || { echo "error: wrk recorded $(wc -l <"$work/api-$run-acked.jsonl") writes, not $burst_writes" >&2; exit 1; }
    "${client[@]}" verify "$db" "$work/api-$run-acked.jsonl" >/dev/null || { echo "error: the burst lost writes" >&2; exit 1; }
    json_field '["writes_per_s"]' <<<"$burst_json" >>"$work/api-rates.txt"
    echo "$burst_json" >>"$work/api-bursts.jsonl"
done
inproc_rate=$(median <"$work/inproc-rates.txt")
api_rate=$(median <"$work/api-rates.txt")

# 3. Kill test.
echo "kill test: SIGKILL $kill_after s into a write burst..." >&2
db=$(fresh_copy kill)
start_server "$db" "$work/server-kill.log"
CONCURRENCY=$clients "${client[@]}" burst "$url" "$work/staff.txt" 1000000 "$project" "$work/kill-acked.jsonl" --until-killed \
    >"$work/kill-burst.json" &
client_pid=$!
sleep "$kill_after"
kill -9 "$server_pid"
wait "$server_pid" 2>/dev/null || true
server_pid=""
wait "$client_pid" || true
acked_before_kill=$(wc -l <"$work/kill-acked.jsonl")
start_server "$db" "$work/server-kill.log"
after=$(curl -sS -o /dev/null -w '%{http_code}' -X POST -H "X-Forwarded-Email: $(head -1 "$work/staff.txt")" \
    -H 'Content-Type: application/json' --data "{\"url\": \"https://blog-after.bench.example/after-restart\", \"projects\": [\"$project\"]}" \
    "$url/api/v1/actions")
stop_server
integrity=$(sqlite3 "$db" "PRAGMA integrity_check")
kill_verify=$("${client[@]}" verify "$db" "$work/kill-acked.jsonl") || true
kill_missing=$(json_field '["missing"] + 0' <<<"$kill_verify")
kill_ok=yes
[[ "$integrity" == ok && "$kill_missing" -eq 0 && "$after" == 201 && "$acked_before_kill" -gt 0 ]] || kill_ok=no

# The figures.
row() {  # label, JSON object, kind
    python3 -c '
import json, sys
label, figures, kind = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3]
if kind in figures["kinds"]:
    k = figures["kinds"][kind]
    print("| %s | %d | %.1f | %s | %s |" % (label, k["count"], k["count"] / figures["seconds"], k["p50_ms"], k["p99_ms"]))
' "$@"
}
echo
echo "advocacy-server, release build, loopback, demo of $employees people ($actions actions, $staff_count staff), $(nproc) cores, $(date -u +%F), commit $(git rev-parse --short HEAD)"
echo
echo "Load: $clients clients as $clients people for $(json_field '["seconds"]' <<<"$load_json") s, $(json_field '["requests"]' <<<"$load_json") requests," \
    "$(json_field '["requests_per_s"]' <<<"$load_json") requests/s, $(json_field '["errors"]' <<<"$load_json") errors, client CPU $(json_field '["client_cpu_s"]' <<<"$load_json") s"
echo
echo "| kind | requests | per second | p50 ms | p99 ms |"
echo "|---|---:|---:|---:|---:|"
for kind in "read: ranking API" "read: my actions page" "write: log" "write: metrics"; do row "$kind" "$load_json" "$kind"; done
echo
echo "No lost write under load: $load_verify"
echo
echo "Writes, $burst_writes a run (half new posts, half new figures), $clients at once, median of $runs:"
echo
echo "| path | writes/s | runs |"
echo "|---|---:|---|"
printf "| in-process, ProgrammeAccess (--bench-writes) | %.0f | %s |\n" "$inproc_rate" "$(xargs printf '%.0f ' <"$work/inproc-rates.txt")"
printf "| through the API, wrk (POST /api/v1/actions, /actions/metrics) | %.0f | %s |\n" "$api_rate" "$(xargs printf '%.0f ' <"$work/api-rates.txt")"
echo
echo "API bursts (wrk's figures; client_cpu_s is wrk's CPU time): $(tr '\n' ' ' <"$work/api-bursts.jsonl")"
echo
echo "writes through the API / in-process: $(ratio "$api_rate" "$inproc_rate") (target: at least 0.5)"
echo
echo "Kill test: SIGKILL after $kill_after s, $acked_before_kill writes acknowledged before it; after the restart: a new write answered $after," \
    "integrity_check: $integrity; $kill_verify; passed: $kill_ok"
[[ "$kill_ok" == yes ]] || { echo "error: the kill test failed" >&2; exit 1; }
