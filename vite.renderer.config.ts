import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

/** One renderer build for Electron (app://) and the browser (npm run web). */
export const rendererConfig: UserConfig = {
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [react()],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    target: 'chrome130',
    rolldownOptions: { input: resolve(import.meta.dirname, 'renderer/index.html') },
  },
  worker: { format: 'es' },
};

export default defineConfig(rendererConfig);
