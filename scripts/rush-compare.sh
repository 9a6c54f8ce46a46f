#!/usr/bin/env bash
# The release-minute rush of two builds in alternating runs on this machine, each on a fresh server and SQLite:
#   scripts/rush-compare.sh OTHER_CHECKOUT [ROUNDS]
# OTHER_CHECKOUT is a checkout of another commit with `companion` and `bench-rush` built in its .build-release (e.g.
# `git worktree add /tmp/base COMMIT && cd /tmp/base && swift build -c release --scratch-path .build-release
# --product companion && … --product bench-rush`). Prints one line per rush: which build, req/s, latency.
set -euo pipefail
other=$1; rounds=${2:-8}; here=$(cd "$(dirname "$0")/.." && pwd); port=18124
source "$here/scripts/fresh-server.sh"
run() {
  local name=$1 dir=$2 data
  local bin=$dir/.build-release/release/companion
  data=$(fresh_data "$bin")
  serve_fresh "$bin" "$data" $port
  "$dir/.build-release/release/bench-rush" "http://127.0.0.1:$port" bench.admin bench-admin-password 1000 64 > "$data/rush.txt" 2>&1 || true
  echo "$name: $(grep -E "req/s|booking latency" "$data/rush.txt" | tr '\n' ' ' | cut -c1-200)"
  kill $server_pid; wait $server_pid 2>/dev/null || true; rm -rf "$data"
}
for _ in $(seq 1 "$rounds"); do
  run other "$other"
  run this "$here"
done
