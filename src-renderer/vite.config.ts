import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compileFirstScreenEagerly } from './compile-first-screen-eagerly.ts';
import { firstScreenChunk } from './first-screen-chunk.ts';
import { preloadSecondScript } from './preload-second-script.ts';

// Vite replaces __dirname with this file's folder when it bundles the config. Declared here because the
// renderer's tsconfig (which also checks this file) has no Node types.
declare const __dirname: string;

export default defineConfig({
  root: __dirname,
  // Relative asset paths: the same build is loaded from a file in Electron and from the local server in browser mode.
  base: './',
  plugins: [react(), preloadSecondScript(), compileFirstScreenEagerly()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // The CSP (script-src 'self') forbids inline scripts and data: URLs for scripts; Chromium needs no polyfill.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    // Loaded from the local disk or loopback, never over a network: one larger chunk is fine.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: { codeSplitting: { groups: [firstScreenChunk(`${__dirname}/main.tsx`, `${__dirname}/app/show-app.tsx`)] } },
    },
  },
});
