#!/usr/bin/env bash
# The header path end to end, as deployed: Debian's nginx on loopback with
# deploy/nginx-advocacy.conf (TLS with a throw-away certificate), a stub of
# the company's sign-in service answering auth_request (oauth2-proxy's
# protocol: 202 with X-Auth-Request-Email for a signed-in cookie, else 401),
# and advocacy-server trusting loopback. Checks that:
#   - without signing in, a page redirects to the sign-in service;
#   - signed in, the person is who the sign-in service says;
#   - an X-Forwarded-Email sent by the browser is replaced, never believed;
#   - a change through nginx is written and audited as that person;
#   - the health checks answer without signing in.
# Installs nginx-light when missing (as root); without it, warns and exits 0.
#
#   scripts/check-nginx.sh BIN_DIR   (the folder holding advocacy and advocacy-server)
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:?usage: scripts/check-nginx.sh BIN_DIR}"
if ! command -v nginx >/dev/null 2>&1 && [[ ! -x /usr/sbin/nginx ]]; then
    if [[ "$(id -u)" -ne 0 ]]; then
        echo "warning: nginx is missing and cannot be installed without root: the nginx check is skipped" >&2
        exit 0
    fi
    echo "Installing nginx-light for the deployment check..." >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx-light >/dev/null
fi
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"

work="$(mktemp -d)"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for() { for _ in $(seq 100); do curl -ksf "$1" >/dev/null 2>&1 && return 0; sleep 0.1; done; echo "error: $1 does not answer" >&2; exit 1; }
fail() { echo "FAILED: $*" >&2; exit 1; }
email_of() { python3 -c 'import json, sys; print(json.loads(sys.argv[1])["email"])' "$1" 2>/dev/null || true; }

database="$work/demo.sqlite"
"$bin/advocacy" demo --db "$database" >/dev/null
staff="$("$bin/advocacy" employee list --db "$database" --format csv | awk -F, 'NR > 1 && $4 == "staff" { print $1; exit }')"
admin="$("$bin/advocacy" employee list --db "$database" --format csv | awk -F, 'NR > 1 && $4 == "admin" { print $1; exit }')"

server_port="$(free_port)" signin_port="$(free_port)" https_port="$(free_port)"
"$bin/advocacy-server" --db "$database" --listen "127.0.0.1:$server_port" >"$work/server.log" 2>&1 &
pids+=($!)

# The sign-in service's stub: the cookie _oauth2_proxy=EMAIL stands for a session it made.
cat >"$work/signin.py" <<'PY'
import http.server, sys
class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        cookies = dict(p.strip().split("=", 1) for p in (self.headers.get("Cookie") or "").split(";") if "=" in p)
        if self.path.startswith("/oauth2/auth"):
            email = cookies.get("_oauth2_proxy")
            self.send_response(202 if email else 401)
            if email: self.send_header("X-Auth-Request-Email", email)
            self.send_header("Content-Length", "0"); self.end_headers()
        else:
            body = b"sign-in page"
            self.send_response(200); self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)
    def log_message(self, *args): pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
PY
python3 "$work/signin.py" "$signin_port" &
pids+=($!)

openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=localhost" \
    -keyout "$work/advocacy.key" -out "$work/advocacy.pem" >/dev/null 2>&1
mkdir -p "$work/nginx"
sed -e "s|127.0.0.1:8080|127.0.0.1:$server_port|; s|127.0.0.1:4180|127.0.0.1:$signin_port|" \
    -e "s|listen 443 ssl;|listen 127.0.0.1:$https_port ssl;|" \
    -e "s|/etc/ssl/certs/advocacy.pem|$work/advocacy.pem|; s|/etc/ssl/private/advocacy.key|$work/advocacy.key|" \
    deploy/nginx-advocacy.conf >"$work/nginx/advocacy.conf"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 64; }
http {
    access_log $work/nginx/access.log;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    include $work/nginx/advocacy.conf;
}
CONF
"$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' 2>"$work/nginx/stderr.log" &
pids+=($!)
site="https://127.0.0.1:$https_port"
wait_for "http://127.0.0.1:$server_port/readyz"
wait_for "$site/healthz"
wait_for "http://127.0.0.1:$signin_port/oauth2/start"

status="$(curl -ks -o /dev/null -w '%{http_code} %{redirect_url}' "$site/me/actions")"
[[ "$status" == 302*"/oauth2/start?rd=/me/actions" ]] || fail "without signing in, /me/actions should redirect to the sign-in service, got: $status"

me="$(curl -ksf -b "_oauth2_proxy=$staff" "$site/api/v1/me")" || fail "signed in as $staff, /api/v1/me failed"
[[ "$(email_of "$me")" == "$staff" ]] || fail "signed in as $staff, /api/v1/me answered: $me"

spoofed="$(curl -ksf -b "_oauth2_proxy=$staff" -H "X-Forwarded-Email: $admin" "$site/api/v1/me")" || fail "the spoofed request failed"
[[ "$(email_of "$spoofed")" == "$staff" ]] || fail "a browser's X-Forwarded-Email was believed: $spoofed"

url="https://blog.nginx-check.example/$(date +%s)"
code="$(curl -ks -o "$work/logged.json" -w '%{http_code}' -b "_oauth2_proxy=$staff" -H 'Content-Type: application/json' \
    -d "{\"url\": \"$url\", \"title\": \"Through nginx\"}" "$site/api/v1/actions")"
[[ "$code" == 201 ]] || fail "logging through nginx answered $code: $(cat "$work/logged.json")"
"$bin/advocacy" action show "$url" --db "$database" --format json | grep -q "\"email\" : \"$staff\"" || fail "the action logged through nginx is not $staff's"
"$bin/advocacy" audit --db "$database" --as "$admin" --format csv | grep -q "$staff" || fail "the audit trail does not name $staff"

echo "nginx check: sign-in redirect, the signed-in person, a spoofed header replaced, a change audited as its author, health checks: passed"
