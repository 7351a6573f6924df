#!/usr/bin/env bash
# pnpm bench: builds the client, serves it, and prints the client figures.
# The relay's own benchmark is `pnpm --filter @chungtay/relay bench`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-tools.sh --browser
pnpm --filter @chungtay/client build >/dev/null
PORT=4174
(cd client && exec pnpm exec vite preview --port $PORT --strictPort --host 127.0.0.1 >/dev/null 2>&1) &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$PORT/" >/dev/null && break; sleep 0.5; done
BENCH_URL="http://127.0.0.1:$PORT" pnpm --filter @chungtay/e2e bench
