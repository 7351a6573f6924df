/**
 * `tsx bench/profile.ts [chungtay|reference] [load|idle]`: one workload against one server started with
 * --cpu-prof (profile written to $PROF_DIR, default /tmp/relay-prof), for finding where the relay spends time.
 */
import { type ServerKind, startServer } from './server-process';
import { runIdleRooms, runLoad } from './workloads';

const kind = (process.argv[2] ?? 'chungtay') as ServerKind;
const workload = process.argv[3] ?? 'load';
const dir = process.env.PROF_DIR ?? '/tmp/relay-prof';
const server = await startServer(kind, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
const result = workload === 'idle' ? await runIdleRooms(server) : await runLoad(server);
await server.stop();
process.stdout.write(`${JSON.stringify(result)}\nprofile in ${dir}\n`);
