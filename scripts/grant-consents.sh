#!/usr/bin/env bash
# Grants every consent purpose for the account of a patient token, on the texts the server shows now, as the app does
# at first use: scripts/grant-consents.sh BASE_URL TOKEN
set -euo pipefail
base=$1 token=$2
texts=$(curl -sf -H "Authorization: Bearer $token" "$base/v1/consents")
for pair in $(python3 -c "import json,sys; print(' '.join(t['purpose'] + '=' + t['version'] for t in json.load(sys.stdin)['texts']))" <<<"$texts"); do
  curl -sf -X PUT -H 'Content-Type: application/json' -H "Authorization: Bearer $token" \
    -d "{\"granted\":true,\"textVersion\":\"${pair#*=}\"}" "$base/v1/consents/${pair%%=*}" >/dev/null
done
