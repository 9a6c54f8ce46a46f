#!/usr/bin/env bash
# Counts the fsync and fdatasync calls a release-minute rush makes, to show that acknowledged writes reach the disk:
#   scripts/fsync-trace.sh [CHECKOUT]
# CHECKOUT (default: this one) has `companion` and `bench-rush` built in its .build-release. The server runs under
# strace on a fresh SQLite data folder; the rush books through the API; strace's summary lists the syncs.
set -euo pipefail
dir=${1:-$(cd "$(dirname "$0")/.." && pwd)}; port=18125
bin=$dir/.build-release/release/companion
data=$(mktemp -d /tmp/fsync-trace.XXXXXX)
"$bin" migrate --data-dir "$data" --log-level warning >/dev/null 2>&1
COMPANION_STAFF_PASSWORD=bench-admin-password "$bin" staff add bench.admin --role admin --name Bench --data-dir "$data" \
  --log-level warning >/dev/null
flags=(); [[ $("$bin" serve --help 2>&1) == *codes-per-client* ]] && flags=(--codes-per-client 100000)
strace -f -c -e trace=fsync,fdatasync -o "$data/strace.txt" "$bin" serve --data-dir "$data" --port $port --log-level warning \
  "${flags[@]}" & pid=$!
for _ in $(seq 1 100); do curl -sf "localhost:$port/readyz" >/dev/null && break; sleep 0.2; done
"$dir/.build-release/release/bench-rush" "http://127.0.0.1:$port" bench.admin bench-admin-password 300 16 > "$data/rush.txt" 2>&1 || true
grep -E "booked|req/s" "$data/rush.txt" | head -3
# Stop the server, not strace: strace prints its summary when the traced process ends.
pkill -INT -f "serve --data-dir $data" || true; wait $pid 2>/dev/null || true
grep -E "fsync|fdatasync|calls" "$data/strace.txt"
rm -rf "$data"
