import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { VitePWA } from 'vite-plugin-pwa';
import solid from 'vite-plugin-solid';

const BROTLI_OPTIONS = { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } };
const GZIP_OPTIONS = { level: constants.Z_BEST_COMPRESSION };

/**
 * vite-plugin-pwa writes sw.js and workbox-*.js in its closeBundle, after vite-plugin-compression2 has
 * compressed the bundle and the public files, so they get their .br/.gz here, last, with the same settings.
 */
function compressServiceWorker(): Plugin {
  let outDir = '';
  return {
    name: 'chungtay:compress-service-worker',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        const names = (await readdir(outDir)).filter((name) => /^(sw|workbox-[\w-]+)\.js$/.test(name));
        for (const name of names) {
          const original = await readFile(join(outDir, name));
          const variants = [
            ['.br', await promisify(brotliCompress)(original, BROTLI_OPTIONS)],
            ['.gz', await promisify(gzip)(original, GZIP_OPTIONS)],
          ] as const;
          for (const [suffix, compressed] of variants) {
            // Same rule as the plugin's skipIfLargerOrEqual: a variant that saves nothing is not worth a file.
            if (compressed.length < original.length) await writeFile(join(outDir, name + suffix), compressed);
          }
        }
      },
    },
  };
}

export default defineConfig({
  plugins: [
    solid(),
    VitePWA({
      // 'prompt': a new version waits until the user chooses to update, after
      // pending IndexedDB writes have settled (see app/update-prompt.tsx).
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icon.svg', 'apple-touch-icon.png'],
      manifest: {
        id: '/',
        name: 'Chung Tay: sổ sách câu lạc bộ',
        short_name: 'Chung Tay',
        description: 'Sổ thành viên, nhóm và sinh hoạt của câu lạc bộ, dùng được cả khi không có mạng.',
        lang: 'vi',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        background_color: '#f7f5ef',
        theme_color: '#1d6b5c',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,png,svg,webmanifest}'],
        // The .br/.gz siblings are the relay's business (HTTP negotiation); the
        // service worker precaches each file once, as the original.
        globIgnores: ['**/*.br', '**/*.gz'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/sync\//, /^\/healthz/, /^\/metrics/],
        cleanupOutdatedCaches: true,
        // On first install, take control at once so every screen's code is
        // precached and served before the tablet loses its signal. Updates
        // still wait for the user (registerType 'prompt').
        clientsClaim: true,
      },
    }),
    // Precompressed once at build time, so the relay picks a file by Accept-Encoding and spends no CPU per
    // request; that is also what makes the slowest, smallest settings affordable. The plugin keeps a variant
    // only when it is smaller than the original (skipIfLargerOrEqual, its default).
    compression({
      include: /\.(js|mjs|css|html|svg|webmanifest|json|txt)$/,
      algorithms: [defineAlgorithm('brotliCompress', BROTLI_OPTIONS), defineAlgorithm('gzip', GZIP_OPTIONS)],
      skipIfLargerOrEqual: true,
    }),
    compressServiceWorker(),
  ],
  build: {
    target: 'es2022',
    // No <link rel=modulepreload> for a lazy chunk's imports: Vite's helper appended one per dependency to
    // the head as each lazy import started, and on the roster's opening (the relay link, the catalogue, the
    // after-paint work) those appends took 200 ms of main thread at 4x CPU in a profile (17 ms without).
    // A lazy chunk's own imports are then found as it is parsed, from the service worker's cache; the
    // helper (and its table of dependencies) also left the first script. Lazy chunks' CSS still loads with them.
    modulePreload: false,
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Everything the first screen imports statically, in one chunk: the roster's scripts were 50 small
        // chunks (rolldown's split by which lazy routes share a module), each a request and a gzip stream of
        // its own. Lazy routes keep their own chunks and import from this one.
        codeSplitting: { groups: [{ name: 'first-screen', tags: ['$initial'] }] },
      },
    },
  },
  server: { port: 5173 },
});
