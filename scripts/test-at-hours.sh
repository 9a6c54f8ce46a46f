#!/usr/bin/env bash
# Runs the built test suite with the tests' wall clock faked to hours of the Shanghai day that once broke it
# (night, the morning release and cut-off hours, afternoon, late evening). Build first: swift build --build-tests.
# Usage: scripts/test-at-hours.sh [HH:MM ...]   (default: 02:10 08:30 14:40 21:50)
set -uo pipefail
cd "$(dirname "$0")/.."
[ -n "${COMPANION_TEST_POSTGRES_URL:-}" ] || eval "$(scripts/start-postgres.sh)"
hours=("$@")
[ ${#hours[@]} -gt 0 ] || hours=(02:10 08:30 14:40 21:50)
failed=()
for hour in "${hours[@]}"; do
    log=".build/test-at-${hour/:/}.txt"
    COMPANION_TEST_SHANGHAI_TIME="$hour" swift test --skip-build >"$log" 2>&1 || failed+=("$hour")
    echo "$hour Shanghai: $(grep -E "^. Test run with" "$log" | tail -1)"
    grep -E "✘ Test .* recorded an issue" "$log" | head -5
done
[ ${#failed[@]} -eq 0 ] || { echo "failed at: ${failed[*]}"; exit 1; }
