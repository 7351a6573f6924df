import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import solid from 'vite-plugin-solid';

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
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/sync\//, /^\/healthz/, /^\/metrics/],
        cleanupOutdatedCaches: true,
        // On first install, take control at once so every screen's code is
        // precached and served before the tablet loses its signal. Updates
        // still wait for the user (registerType 'prompt').
        clientsClaim: true,
      },
    }),
  ],
  build: { target: 'es2022', sourcemap: false },
  server: { port: 5173 },
});
