#!/usr/bin/env bash
# Starts the built app with no DATABASE_URL (embedded PGlite), checks health, the console, signup,
# login and me, stops it with SIGTERM, restarts it and checks the data survived.
set -euo pipefail
cd "$(dirname "$0")/.."

data_dir="$(mktemp -d)"
port="${SMOKE_PORT:-39517}"
base="http://127.0.0.1:${port}/api"
log="${data_dir}/app.log"
pid=""

cleanup() { if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" || true; fi; }
trap cleanup EXIT

start() {
  env -u DATABASE_URL -u JWT_SECRET DATA_DIR="$data_dir" PORT="$port" HOST=127.0.0.1 LOG_LEVEL=warn \
    node dist/apps/api/src/main.js >>"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do
    if curl -fsS "${base}/health/ready" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then cat "$log"; echo "app exited during start"; return 1; fi
    sleep 0.5
  done
  cat "$log"; echo "app did not become ready"; return 1
}

json() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const v=JSON.parse(s)[process.argv[1]];if(v===undefined)process.exit(1);console.log(v)})' "$1"; }

start
grep -q 'admin@demo.clientele.dev' "$log" || { cat "$log"; echo "demo login was not printed"; exit 1; }
curl -fsS "${base}/health" | grep -q '"ok"'
curl -fsS -o /dev/null "${base}/docs"
# The web console at /, which npm run build built.
if [ -f apps/console/dist/index.html ]; then curl -fsS "http://127.0.0.1:${port}/" | grep -q '<div id="app">'; fi
email="smoke-$$@example.test"
curl -fsS -X POST "${base}/auth/signup" -H 'content-type: application/json' \
  -d "{\"tenantName\":\"Smoke\",\"organizationName\":\"Smoke HQ\",\"email\":\"${email}\",\"password\":\"smoke-password-123\",\"firstName\":\"Smo\",\"lastName\":\"Ke\"}" >/dev/null
token=$(curl -fsS -X POST "${base}/auth/login" -H 'content-type: application/json' \
  -d "{\"email\":\"${email}\",\"password\":\"smoke-password-123\"}" | json accessToken)
curl -fsS "${base}/auth/me" -H "authorization: Bearer ${token}" | grep -q "$email"

kill -TERM "$pid"; wait "$pid" || { echo "app did not stop cleanly"; exit 1; }
start
# Same JWT secret and data after a restart: the token issued before still works.
curl -fsS "${base}/auth/me" -H "authorization: Bearer ${token}" | grep -q "$email"
kill -9 "$pid"; wait "$pid" 2>/dev/null || true
start
curl -fsS -X POST "${base}/auth/login" -H 'content-type: application/json' \
  -d "{\"email\":\"${email}\",\"password\":\"smoke-password-123\"}" | grep -q accessToken
kill -TERM "$pid"; wait "$pid" || true
rm -rf "$data_dir"
echo "embedded smoke passed"
