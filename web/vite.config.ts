import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './precompress';

// The portal is served by the Origo server from web/dist, with brotli and gzip copies of every text file
// written after the build (precompress.ts); `npm run dev:web` proxies the API to it.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // No polyfill chunk: every browser the pages support knows modulepreload, and the verification page
    // would otherwise load it as a request of its own.
    modulePreload: { polyfill: false },
    // The portal is one chunk of about 520 kB (145 kB compressed), React included; the verification page
    // shares nothing with it.
    chunkSizeWarningLimit: 600,
    // Two pages: the portal, and the public verification page (/verify), which loads without the portal.
    rollupOptions: {
      input: {
        portal: path.join(import.meta.dirname, 'index.html'),
        verify: path.join(import.meta.dirname, 'verify.html'),
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:8080', '/healthz': 'http://localhost:8080' } },
});
