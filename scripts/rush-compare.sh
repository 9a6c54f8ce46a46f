#!/usr/bin/env bash
# The release-minute rush of two builds in alternating runs on this machine, each on a fresh server and SQLite:
#   scripts/rush-compare.sh OTHER_CHECKOUT [ROUNDS]
# OTHER_CHECKOUT is a checkout of another commit with `companion` and `bench-rush` built in its .build-release (e.g.
# `git worktree add /tmp/base COMMIT && cd /tmp/base && swift build -c release --scratch-path .build-release
# --product companion && … --product bench-rush`). Prints one line per rush: which build, req/s, latency.
set -euo pipefail
other=$1; rounds=${2:-8}; here=$(cd "$(dirname "$0")/.." && pwd); port=18124
run() {
  local name=$1 dir=$2; shift 2
  local data; data=$(mktemp -d /tmp/rush-compare.XXXXXX)
  local bin=$dir/.build-release/release/companion
  # The per-client code limit came with issue 16; older builds have no such flag.
  local flags=(); [[ $("$bin" serve --help 2>&1) == *codes-per-client* ]] && flags=(--codes-per-client 100000)
  "$bin" migrate --data-dir "$data" --log-level warning >/dev/null 2>&1
  COMPANION_STAFF_PASSWORD=bench-admin-password "$bin" staff add bench.admin --role admin --name Bench --data-dir "$data" \
    --log-level warning >/dev/null
  "$bin" serve --data-dir "$data" --port $port --log-level warning "${flags[@]}" & local pid=$!
  for _ in $(seq 1 50); do curl -sf "localhost:$port/readyz" >/dev/null && break; sleep 0.2; done
  "$dir/.build-release/release/bench-rush" "http://127.0.0.1:$port" bench.admin bench-admin-password 1000 64 > "$data/rush.txt" 2>&1 || true
  echo "$name: $(grep -E "req/s|booking latency" "$data/rush.txt" | tr '\n' ' ' | cut -c1-200)"
  kill $pid; wait $pid 2>/dev/null || true; rm -rf "$data"
}
for _ in $(seq 1 "$rounds"); do
  run other "$other"
  run this "$here"
done
