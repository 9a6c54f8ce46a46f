#!/usr/bin/env bash
# Fuzzes the served contract with schemathesis (pinned, in a venv under ~/.cache/companion): a dev server on a
# throw-away data folder, a signed-in patient's token with every consent, a bounded deterministic run of every
# operation but the dev clock and account deletion (which would end the run's account). Fails on any 5xx, any answer
# outside the contract, and any request the contract forbids that is accepted.
# Needs a built .build/debug/companion, python3 with venv, and PyPI the first time.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/debug/companion
examples="${CONTRACT_FUZZ_EXAMPLES:-25}"
venv="${XDG_CACHE_HOME:-$HOME/.cache}/companion/schemathesis-venv"
if ! "$venv/bin/schemathesis" --version >/dev/null 2>&1; then
  rm -rf "$venv"
  if ! { python3 -m venv "$venv" && "$venv/bin/pip" install -q 'schemathesis==4.32.5'; } >&2; then
    echo "schemathesis could not be installed (no PyPI here?): the contract fuzz is skipped" >&2
    exit 0
  fi
fi
data=$(mktemp -d)
port="${CONTRACT_FUZZ_PORT:-18090}"
# Limits per client and per minute are raised: one fuzzer asks more than any patient would.
"$bin" serve --data-dir "$data" --port "$port" --log-level error --codes-per-client 100000 --codes-per-hour 1000000 \
  --turns-per-minute 10000 --speech-per-minute 10000 & pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 100); do curl -sf "$base/readyz" >/dev/null && break; kill -0 $pid 2>/dev/null || exit 1; sleep 0.2; done
json() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
code=$(curl -sf -H 'Content-Type: application/json' -d '{"phone":"13800138000"}' "$base/v1/auth/otp" | json devCode)
token=$(curl -sf -H 'Content-Type: application/json' -d "{\"phone\":\"13800138000\",\"code\":\"$code\"}" "$base/v1/auth/token" \
  | json accessToken)
scripts/grant-consents.sh "$base" "$token"
# Run from the throw-away folder: schemathesis keeps its cache (.schemathesis/) in the working directory.
cd "$data"
"$venv/bin/schemathesis" run "$base/openapi.yaml" --url "$base" -H "Authorization: Bearer $token" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,negative_data_rejection \
  --exclude-path-regex '^/v1/dev/|^/v1/account$' --max-examples "$examples" --seed 16 --request-timeout 30 --suppress-health-check all
