#!/usr/bin/env bash
# Starts a real OpenAI-compatible model server on 127.0.0.1 for the tests and prints the line to export its URL:
#   eval "$(scripts/start-model-server.sh)"
# It is llama-cpp-python's server (pip builds llama.cpp from source the first time, ~6.5 min on 2 cores; pip keeps
# the wheel) on a tiny random-weight GGUF written by scripts/tiny-gguf.py: no weights are downloaded. Needs
# python3 with venv, a C++ compiler and PyPI. Safe to call twice: a server already running there is reused.
set -euo pipefail
port="${COMPANION_TEST_MODEL_PORT:-18011}"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/companion"
venv="$cache/llama-venv"
python="${PYTHON:-python3}"
url="http://127.0.0.1:$port/v1"
if ! curl -sf "$url/models" >/dev/null 2>&1; then
  mkdir -p "$cache"
  if ! "$venv/bin/python" -c "import llama_cpp.server, gguf" 2>/dev/null; then
    rm -rf "$venv"
    "$python" -m venv "$venv" >&2
    "$venv/bin/pip" install -q 'llama-cpp-python[server]==0.3.36' 'gguf==0.19.0' >&2
  fi
  "$venv/bin/python" "$(dirname "$0")/tiny-gguf.py" "$cache/tiny-random.gguf" >&2
  nohup "$venv/bin/python" -m llama_cpp.server --model "$cache/tiny-random.gguf" --host 127.0.0.1 --port "$port" \
    --n_ctx 8192 --chat_format chatml >"$cache/model-server.log" 2>&1 &
  for _ in $(seq 1 120); do
    curl -sf "$url/models" >/dev/null 2>&1 && break
    sleep 0.5
  done
  curl -sf "$url/models" >/dev/null || { tail -20 "$cache/model-server.log" >&2; exit 1; }
fi
echo "export COMPANION_TEST_MODEL_URL=$url"
