import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/**
 * Bundles the bare reference page at benchmark time and writes it into the built app (client/dist), so the
 * relay serves it the way it serves the app: the script under /assets/ with a content hash (cached as
 * immutable, like the app's chunks), its .br and .gz beside it (precompressed, like the app's), and the page
 * itself at /bench-bare.html (revalidated on every load, like index.html). Returns the page's path and a
 * function that removes what it wrote: the app never ships it.
 */
export async function writeBarePage(dist: string): Promise<{
  path: string;
  script: string;
  remove: () => Promise<void>;
}> {
  const bundle = await build({
    entryPoints: [join(import.meta.dirname, 'bare-page.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const code = bundle.outputFiles[0]?.contents;
  if (!code) throw new Error('esbuild wrote no bare page');
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 8);
  const script = `/assets/bench-bare-${hash}.js`;
  const html = Buffer.from(
    `<!doctype html><html lang="vi"><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>bare</title><script type="module" crossorigin src="${script}"></script><style>body{font:20px system-ui;margin:0 16px}ul{list-style:none;padding:0}li{padding:8px 0;border-bottom:1px solid #ddd}.member-name{display:block;font-weight:600}</style></head><body><div id="root"></div></body></html>`,
  );
  const files: [string, Uint8Array][] = [
    [script, code],
    ['/bench-bare.html', html],
  ];
  const written: string[] = [];
  await mkdir(join(dist, 'assets'), { recursive: true });
  for (const [path, bytes] of files) {
    const variants: [string, Uint8Array][] = [
      [path, bytes],
      [`${path}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })],
      [`${path}.gz`, gzipSync(bytes, { level: 9 })],
    ];
    for (const [name, content] of variants) {
      await writeFile(join(dist, name), content);
      written.push(join(dist, name));
    }
  }
  return {
    path: '/bench-bare.html',
    script,
    remove: async () => {
      for (const file of written) await rm(file, { force: true });
    },
  };
}
