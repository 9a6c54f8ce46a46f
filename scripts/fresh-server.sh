# Sourced by the benchmark scripts: a fresh SQLite data folder with the bench administrator, and a server on it.
#   fresh_data BIN          prints the new data folder
#   serve_fresh BIN DATA PORT [WRAPPER…]   starts `BIN serve` (under WRAPPER, e.g. strace) in the background, sets
#                           server_pid, and waits for /readyz
fresh_data() {
  local bin=$1 data; data=$(mktemp -d /tmp/companion-bench.XXXXXX)
  "$bin" migrate --data-dir "$data" --log-level warning >/dev/null 2>&1
  COMPANION_STAFF_PASSWORD=bench-admin-password "$bin" staff add bench.admin --role admin --name Bench --data-dir "$data" \
    --log-level warning >/dev/null
  echo "$data"
}
serve_fresh() {
  local bin=$1 data=$2 port=$3; shift 3
  # The per-client code limit came with issue 16; older builds have no such flag.
  local flags=(); [[ $("$bin" serve --help 2>&1) == *codes-per-client* ]] && flags=(--codes-per-client 100000)
  "$@" "$bin" serve --data-dir "$data" --port "$port" --log-level warning "${flags[@]}" & server_pid=$!
  for _ in $(seq 1 100); do curl -sf "localhost:$port/readyz" >/dev/null && break; sleep 0.2; done
}
