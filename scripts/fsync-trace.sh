#!/usr/bin/env bash
# Counts the fsync and fdatasync calls a release-minute rush makes, to show that acknowledged writes reach the disk:
#   scripts/fsync-trace.sh [CHECKOUT]
# CHECKOUT (default: this one) has `companion` and `bench-rush` built in its .build-release. The server runs under
# strace on a fresh SQLite data folder; the rush books through the API; strace's summary lists the syncs.
set -euo pipefail
dir=${1:-$(cd "$(dirname "$0")/.." && pwd)}; port=18125
bin=$dir/.build-release/release/companion
source "$(dirname "$0")/fresh-server.sh"
data=$(fresh_data "$bin")
serve_fresh "$bin" "$data" $port strace -f -c -e trace=fsync,fdatasync -o "$data/strace.txt"
"$dir/.build-release/release/bench-rush" "http://127.0.0.1:$port" bench.admin bench-admin-password 300 16 > "$data/rush.txt" 2>&1 || true
grep -E "booked|req/s" "$data/rush.txt" | head -3
# Stop the server, not strace: strace prints its summary when the traced process ends.
pkill -INT -f "serve --data-dir $data" || true; wait $server_pid 2>/dev/null || true
grep -E "fsync|fdatasync|calls" "$data/strace.txt"
rm -rf "$data"
