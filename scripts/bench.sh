#!/usr/bin/env bash
# `make bench`: start-up time to ready, idle memory, and HTTP throughput of GET /v1/departments next to a bare
# Hummingbird route, both measured with wrk on loopback in this one run. Prints a summary at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build-release/release/companion
bare=.build-release/release/bench-bare-route
rush=.build-release/release/bench-rush
speech=.build-release/release/bench-speech
dialogue=.build-release/release/bench-dialogue
drafting=.build-release/release/bench-drafting
stream=.build-release/release/bench-stream
data=$(mktemp -d /tmp/companion-bench.XXXXXX)
port=18080
bare_port=18090
duration=${BENCH_SECONDS:-10}
connections=${BENCH_CONNECTIONS:-16}
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$data"; }
pids=()
trap cleanup EXIT

"$bin" migrate --data-dir "$data" --log-level warning >/dev/null
"$bin" seed --data-dir "$data" --log-level warning >/dev/null
COMPANION_STAFF_PASSWORD=bench-admin-password "$bin" staff add bench.admin --role admin --name Bench --data-dir "$data" --log-level warning >/dev/null

wait_ready() {
  local url=$1
  for _ in $(seq 1 4000); do
    curl -fs -o /dev/null "$url" && return 0
    sleep 0.001
  done
  echo "server did not become ready" >&2; return 1
}

# Start-up: launch to the first 200 from /readyz, on an existing database; the median of 5 runs.
startups=()
for _ in 1 2 3 4 5; do
  start=$(date +%s%N)
  "$bin" serve --data-dir "$data" --port $port --log-level warning & pid=$!
  wait_ready "http://127.0.0.1:$port/readyz"
  end=$(date +%s%N)
  startups+=($(( (end - start) / 1000000 )))
  kill -TERM $pid; wait $pid 2>/dev/null || true
done
startup_ms=$(printf '%s\n' "${startups[@]}" | sort -n | sed -n 3p)

# The rush signs in 1,000 patients from this one address: the per-client code limit is raised for it; the turns
# below come from one account, so its per-minute turn limit is raised too (else most would be 429s).
"$bin" serve --data-dir "$data" --port $port --log-level warning --codes-per-client 100000 --turns-per-minute 10000 & pids+=($!)
wait_ready "http://127.0.0.1:$port/readyz"
sleep 1
idle_kb=$(awk '/VmRSS/ {print $2}' /proc/${pids[0]}/status)

"$bare" $bare_port >/dev/null 2>&1 & pids+=($!)
wait_ready "http://127.0.0.1:$bare_port/hello"

run_wrk() {
  wrk -t2 -c"$connections" -d"${duration}s" --latency "$1" > "$data/wrk.txt"
  local rps p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$data/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$data/wrk.txt")
  echo "$rps $p99"
}
read -r dept_rps dept_p99 < <(run_wrk "http://127.0.0.1:$port/v1/departments")
read -r bare_rps bare_p99 < <(run_wrk "http://127.0.0.1:$bare_port/hello")
busy_kb=$(awk '/VmRSS/ {print $2}' /proc/${pids[0]}/status)

"$rush" "http://127.0.0.1:$port" bench.admin bench-admin-password 1000 64 > "$data/rush.txt"

# Cached speech audio: a 5-second reply as MP3, fetched with a token, 8 connections.
token=$(curl -fs -H 'Content-Type: application/json' -d '{"username":"bench.admin","password":"bench-admin-password"}' \
  "http://127.0.0.1:$port/v1/auth/staff-token" | jq -r .accessToken)
audio_url=$(curl -fs -H 'Content-Type: application/json' -H "Authorization: Bearer $token" \
  -d '{"text":"请到门诊二楼儿科签到，您前面还有三位。","format":"mp3"}' \
  "http://127.0.0.1:$port/v1/speech" | jq -r .audioUrl)
audio_ms=$(curl -fs -H 'Content-Type: application/json' -H "Authorization: Bearer $token" \
  -d '{"text":"请到门诊二楼儿科签到，您前面还有三位。","format":"mp3"}' \
  "http://127.0.0.1:$port/v1/speech" | jq -r .durationMs)
wrk -t2 -c8 -d"${duration}s" --latency -H "Authorization: Bearer $token" "http://127.0.0.1:$port$audio_url" > "$data/wrk-audio.txt"
audio_rps=$(awk '/Requests\/sec/ {print $2}' "$data/wrk-audio.txt")
audio_p99=$(awk '$1 == "99%" {print $2}' "$data/wrk-audio.txt")
"$speech" > "$data/speech.txt"

# Conversation turns over HTTP: a patient token from the dev one-time code, 64 conversations, 16 connections.
dev_code=$(curl -fs -H 'Content-Type: application/json' -d '{"phone":"13800138000"}' "http://127.0.0.1:$port/v1/auth/otp" | jq -r .devCode)
patient_token=$(curl -fs -H 'Content-Type: application/json' -d "{\"phone\":\"13800138000\",\"code\":\"$dev_code\"}" \
  "http://127.0.0.1:$port/v1/auth/token" | jq -r .accessToken)
scripts/grant-consents.sh "http://127.0.0.1:$port" "$patient_token"
for _ in $(seq 1 64); do
  curl -fs -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $patient_token" -d '{}' \
    "http://127.0.0.1:$port/v1/conversations" | jq -r .id
done > "$data/ids.txt"
script="$(pwd)/scripts/bench-turns.lua"
(cd "$data" && wrk -t2 -c16 -d"${duration}s" --latency -s "$script" "http://127.0.0.1:$port" "$patient_token" > "$data/wrk-turns.txt")
turns_rps=$(awk '/Requests\/sec/ {print $2}' "$data/wrk-turns.txt")
turns_p99=$(awk '$1 == "99%" {print $2}' "$data/wrk-turns.txt")
turns_errors=$(awk '/Non-2xx/ {print $5}' "$data/wrk-turns.txt")
# Hospital import: a generated bundle of 200 departments and 2,000 doctors into a fresh SQLite file, then again
# unchanged (which must write nothing).
scripts/make-large-hospital.py "$data/large-hospital.json"
rm -f "$data/import.sqlite"*
import_ms() {
  local start=$(date +%s%N)
  "$bin" hospital import "$data/large-hospital.json" --database-url "sqlite://$data/import.sqlite" --log-level error > "$data/import.txt"
  echo $(( ($(date +%s%N) - start) / 1000000 ))
}
import_first_ms=$(import_ms)
import_again_ms=$(import_ms)
import_again=$(head -1 "$data/import.txt")
"$stream" "http://127.0.0.1:$port" fixtures/triage/departments.dev.jsonl 300 mp3 > "$data/stream.txt"
"$dialogue" > "$data/dialogue.txt"
"$drafting" > "$data/drafting.txt"
for set in zh en; do
  file="../shared/data/record_drafting_$set.dev.jsonl"
  [ -f "$file" ] && "$bin" eval-drafts --input "$file" >> "$data/drafting.txt"
done

echo
echo "== Companion benchmark ($(nproc) cores, wrk -t2 -c$connections -d${duration}s) =="
printf 'start-up to ready (existing SQLite db, median of 5): %s ms  (runs: %s)\n' "$startup_ms" "${startups[*]}"
printf 'idle resident memory:                              %s MB\n' "$((idle_kb / 1024))"
printf 'GET /v1/departments:  %10s req/s   p99 %s\n' "$dept_rps" "$dept_p99"
printf 'bare Hummingbird JSON: %9s req/s   p99 %s\n' "$bare_rps" "$bare_p99"
printf 'resident memory after load:                        %s MB\n' "$((busy_kb / 1024))"
sed -n '/== Release-minute rush/,$p' "$data/rush.txt"
printf 'GET cached speech audio (%s ms reply, MP3), wrk -c8: %s req/s   p99 %s\n' "$audio_ms" "$audio_rps" "$audio_p99"
printf 'POST conversation turns (SQLite, wrk -c16):        %s turns/s   p99 %s   non-2xx %s\n' "$turns_rps" "$turns_p99" "${turns_errors:-0}"
printf 'hospital import, 200 departments + 2,000 doctors (SQLite): %s ms; again unchanged: %s ms (%s)\n' \
  "$import_first_ms" "$import_again_ms" "$import_again"
cat "$data/speech.txt"
cat "$data/stream.txt"
cat "$data/dialogue.txt"
cat "$data/drafting.txt"
