/**
 * The client half of tls-check.sh: through HAProxy's TLS, registers a club over https:// and syncs two real
 * y-websocket clients over wss://, the second receiving the first's edit and the first told it is stored.
 * The self-signed certificate is trusted through NODE_EXTRA_CA_CERTS. Exit 0 on success.
 */
import { connectClient, registerClub, waitFor } from '../test/helpers';

const origin = process.argv[2];
if (origin === undefined || !origin.startsWith('https://'))
  throw new Error('usage: tls-check-client <https origin>');

const health = await fetch(`${origin}/healthz`);
const headers = Object.fromEntries(
  ['strict-transport-security', 'content-security-policy'].map((h) => [h, health.headers.get(h)]),
);
if (
  health.status !== 200 ||
  headers['strict-transport-security'] === null ||
  headers['content-security-policy'] === null
)
  throw new Error(`unexpected /healthz answer: ${health.status} ${JSON.stringify(headers)}`);

const syncUrl = `${origin.replace(/^https:/, 'wss:')}/sync`;
const club = await registerClub(origin);
const writer = connectClient(syncUrl, club.clubId, club.editorKey);
const reader = connectClient(syncUrl, club.clubId, club.editorKey);
writer.text.insert(0, 'Biên bản họp ngày 03/12/2026');
await waitFor(
  () => reader.text.toString() === 'Biên bản họp ngày 03/12/2026',
  'the edit through wss',
  15_000,
);
await waitFor(() => writer.holdsAll(), 'the stored acknowledgement through wss', 15_000);
const url = (writer.provider.ws as { url?: string } | null)?.url ?? '';
writer.destroy();
reader.destroy();
process.stdout.write(`tls-check: ${url.split('?')[0]} synced, ${JSON.stringify(headers)}\n`);
process.exit(0);
