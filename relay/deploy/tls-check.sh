#!/usr/bin/env bash
# Tests the TLS setup of relay/README.md ("TLS") once, locally: a self-signed certificate for localhost,
# the relay on plain HTTP on a loopback port, HAProxy terminating TLS in front of it with tls-haproxy.cfg,
# then a real client registering a club over https:// and syncing over wss:// through it.
# Usage: bash relay/deploy/tls-check.sh   (needs openssl and /usr/sbin/haproxy; leaves nothing behind)
set -euo pipefail
cd "$(dirname "$0")/.."
HAPROXY="${HAPROXY:-/usr/sbin/haproxy}"
work="$(mktemp -d)"
relay_pid=""
haproxy_pid=""
cleanup() {
  [ -n "$haproxy_pid" ] && kill "$haproxy_pid" 2>/dev/null || true
  [ -n "$relay_pid" ] && kill "$relay_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

# 1. A self-signed certificate for localhost and 127.0.0.1; HAProxy wants certificate and key in one file.
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=localhost" \
  -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
  -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
cat "$work/cert.pem" "$work/key.pem" > "$work/relay.pem"

# 2. The relay, as npm start builds it, on loopback only: HAProxy is its only way in.
relay_port="$(free_port)"
node build.mjs >/dev/null
node --max-semi-space-size=2 dist/main.js --host 127.0.0.1 --port "$relay_port" --data-dir "$work/data" \
  --log-level warn &
relay_pid=$!
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$relay_port/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done

# 3. HAProxy with the documented configuration.
tls_port="$(free_port)"
TLS_BIND="127.0.0.1:$tls_port" TLS_PEM="$work/relay.pem" RELAY_ADDR="127.0.0.1:$relay_port" \
  "$HAPROXY" -c -q -f deploy/tls-haproxy.cfg
TLS_BIND="127.0.0.1:$tls_port" TLS_PEM="$work/relay.pem" RELAY_ADDR="127.0.0.1:$relay_port" \
  "$HAPROXY" -db -f deploy/tls-haproxy.cfg &
haproxy_pid=$!

for _ in $(seq 100); do
  curl -sf --cacert "$work/cert.pem" "https://localhost:$tls_port/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -sS --fail --cacert "$work/cert.pem" -o /dev/null -w 'tls-check: https %{http_code} over %{http_version}\n' \
  --http2 "https://localhost:$tls_port/healthz"
# Plain HTTP to the TLS port is refused: nothing is served unencrypted there.
if curl -sf "http://localhost:$tls_port/healthz" >/dev/null 2>&1; then
  echo "tls-check: plain HTTP was answered on the TLS port" >&2
  exit 1
fi

# 4. A real club over https:// and wss://, trusting only our certificate.
NODE_EXTRA_CA_CERTS="$work/cert.pem" node --import tsx deploy/tls-check-client.ts "https://localhost:$tls_port"
echo "tls-check: ok"
