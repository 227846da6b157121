import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  plugins: [svelte()],
  base: './',
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: {
    outDir: 'dist',
    target: 'safari15',
    // The CSP forbids inline scripts; keep every script an external module file.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  test: { environment: 'node', include: ['src/**/*.test.ts'] },
});
