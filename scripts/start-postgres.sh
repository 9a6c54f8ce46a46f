#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server on 127.0.0.1 for the tests and prints the line to export its URL:
#   eval "$(scripts/start-postgres.sh)"
# Needs the Debian postgresql package. Safe to call twice: a server already running there is reused.
set -euo pipefail
port="${COMPANION_TEST_PG_PORT:-55432}"
root="${COMPANION_TEST_PG_DIR:-/tmp/companion-test-pg}"
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bin" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if ! as_pg "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
  rm -rf "$root"; mkdir -p "$root"
  [ "$(id -u)" = 0 ] && chown postgres "$root"
  as_pg "$bin/initdb" -D "$root/data" -U companion --auth=trust -E UTF8 --locale=C.UTF-8 >"$root/initdb.log" 2>&1 \
    || { cat "$root/initdb.log" >&2; exit 1; }
  as_pg "$bin/pg_ctl" -D "$root/data" -l "$root/server.log" -w \
    -o "-p $port -k $root -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c synchronous_commit=off" start >&2
fi
echo "export COMPANION_TEST_POSTGRES_URL=postgres://companion@127.0.0.1:$port/postgres?sslmode=disable"
