// Bundles the relay's TypeScript (and the workspace packages it imports) into dist/main.js, so production
// runs on plain Node: no TypeScript loader thread at run time (~10 MiB of memory and a slower start).
// npm packages stay external and load from node_modules as usual (better-sqlite3 is native anyway).
// Code splitting: what main.ts imports only when configured (the PostgreSQL store with `pg`, the Redis bus with
// `ioredis`) goes into dist/chunks/ and loads only then; those two clients cost a one-process SQLite relay
// ~8 MiB of RSS at start when bundled eagerly (relay/README.md, *Memory per connection*).
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const external = Object.keys(pkg.dependencies).filter((name) => !name.startsWith('@chungtay/'));

await build({
  entryPoints: ['src/main.ts'],
  outdir: 'dist',
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Subpaths (y-protocols/sync, lib0/encoding) are external too.
  external: [...external, ...external.map((name) => `${name}/*`)],
  logLevel: 'warning',
});
