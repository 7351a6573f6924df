/**
 * The benchmark's floor: a server that only forwards each sync frame to the other sockets of its room (no Yjs,
 * no storage, no access checks; it answers a sync step 1 with an empty document so providers report synced).
 * Whatever latency it shows is the clients', the kernel's and the benchmark's own, which no relay can go below.
 */
import { createServer } from 'node:http';
import { type WebSocket, WebSocketServer } from 'ws';

// [messageSync, syncStep2, varUint8Array of the empty update [0, 0]]
const EMPTY_SYNC_STEP_2 = Uint8Array.of(0, 1, 2, 0, 0);
const port = Number(process.argv[2]);
const rooms = new Map<string, Set<WebSocket>>();
const server = createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'text/plain' });
  response.end('ok');
});
const wss = new WebSocketServer({ noServer: true });
wss.on('connection', (socket: WebSocket, path: string) => {
  const room = rooms.get(path) ?? new Set<WebSocket>();
  rooms.set(path, room);
  room.add(socket);
  socket.on('close', () => room.delete(socket));
  socket.on('message', (data: Buffer) => {
    if (data[0] !== 0) return; // awareness and the rest: not needed for the measurement
    if (data[1] === 0) socket.send(EMPTY_SYNC_STEP_2);
    else for (const other of room) if (other !== socket) other.send(data);
  });
});
server.on('upgrade', (request, socket, head) => {
  const path = (request.url ?? '').split('?')[0] ?? '';
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, path));
});
server.listen(port, '127.0.0.1', () => process.stdout.write('relay listening\n'));
process.on('SIGTERM', () => process.exit(0));
