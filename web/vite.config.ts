import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The portal is served by the Origo server from web/dist; `npm run dev:web` proxies the API to it.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
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
