// Bundles the relay's TypeScript (and the workspace packages it imports) into dist/main.js, so production
// runs on plain Node: no TypeScript loader thread at run time (~10 MiB of memory and a slower start).
// npm packages stay external and load from node_modules as usual (better-sqlite3 is native anyway).
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const external = Object.keys(pkg.dependencies).filter((name) => !name.startsWith('@chungtay/'));

await build({
  entryPoints: ['src/main.ts'],
  outfile: 'dist/main.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Subpaths (y-protocols/sync, lib0/encoding) are external too.
  external: [...external, ...external.map((name) => `${name}/*`)],
  logLevel: 'warning',
});
