#!/usr/bin/env bash
# npm start: install, build the PWA, and serve it with the relay on one port.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-tools.sh
pnpm --filter @chungtay/client build
export PORT="${PORT:-8080}"
# A local demo on http://localhost:8080: loopback only, so nobody else on the network can register clubs on it
# (the relay refuses to listen beyond loopback without RELAY_REGISTRATION_CODE; see relay/README.md).
export HOST="${HOST:-127.0.0.1}"
exec pnpm --filter @chungtay/relay start
