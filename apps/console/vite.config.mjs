// @ts-check
import { defineConfig } from 'vite';

/**
 * The console: a static single-page app the API serves at `/` from `apps/console/dist`
 * (`npm run build:console`). Preact through the automatic JSX runtime; no plugin needed.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  resolve: { alias: { react: 'preact/compat', 'react-dom': 'preact/compat' } },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: false },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
