#!/usr/bin/env bash
# Installs what a fresh Node 20 machine lacks: the pinned pnpm, the workspace's
# dependencies, and (for tests) Debian's Chromium. Safe to run repeatedly.
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=10.34.9
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
  echo "Installing pnpm $PNPM_VERSION"
  npm install -g "pnpm@$PNPM_VERSION" >/dev/null
fi

# node-gyp builds better-sqlite3 against the local Node headers (.npmrc sets nodedir).
pnpm install --frozen-lockfile --reporter=silent

if [ "${1:-}" = "--browser" ] && [ ! -x "${CHROME_PATH:-/usr/bin/chromium}" ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "Installing Chromium from Debian's packages"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is missing: run 'sudo apt-get install chromium' (or set CHROME_PATH)" >&2
    exit 1
  fi
fi
