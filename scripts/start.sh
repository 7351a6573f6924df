#!/usr/bin/env bash
# npm start: install, build the PWA, and serve it with the relay on one port.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-tools.sh
pnpm --filter @chungtay/client build
export PORT="${PORT:-8080}"
exec pnpm --filter @chungtay/relay start
