import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

const SAMPLES_DIR = resolve(import.meta.dirname, 'sample-feeds');
/** Folders of sample-feeds/ that are tooling, not scenarios. */
const NOT_SAMPLES = new Set(['authoring']);

interface BundledSample {
  id: string;
  files: string[];
}

function listFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (at: string): void => {
    for (const name of readdirSync(at).sort()) {
      if (name.startsWith('.')) continue;
      const full = join(at, name);
      const stat = statSync(full);
      if (stat.isDirectory()) walk(full);
      else if (stat.isFile()) found.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return found;
}

/** Every sample-feeds/<id>/ folder except tooling, with its files (paths relative to it). */
function listBundledSamples(): BundledSample[] {
  if (!existsSync(SAMPLES_DIR)) return [];
  return readdirSync(SAMPLES_DIR)
    .sort()
    .filter((name) => !name.startsWith('.') && !NOT_SAMPLES.has(name))
    .filter((name) => statSync(join(SAMPLES_DIR, name)).isDirectory())
    .map((id) => ({ id, files: listFiles(join(SAMPLES_DIR, id)) }))
    .filter((sample) => sample.files.length > 0);
}

/**
 * Ships sample-feeds/ with the renderer as same-origin files under samples/,
 * plus samples/index.json, so the Library can fetch them under app:// and
 * http://127.0.0.1 alike (CSP connect-src 'self' allows nothing else).
 */
function bundledSamples(): Plugin {
  const indexJson = (): string =>
    JSON.stringify({ format: 'truceline-samples', version: 1, samples: listBundledSamples() });
  return {
    name: 'truceline-bundled-samples',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        const match = /^\/samples\/(.+)$/.exec(decodeURIComponent(url.pathname));
        if (!match?.[1]) return next();
        if (match[1] === 'index.json') {
          res.setHeader('Content-Type', 'application/json');
          res.end(indexJson());
          return;
        }
        const file = resolve(SAMPLES_DIR, match[1]);
        const inside = file.startsWith(SAMPLES_DIR + sep);
        const tooling = NOT_SAMPLES.has(relative(SAMPLES_DIR, file).split(sep)[0] ?? '');
        if (!inside || tooling || !existsSync(file) || !statSync(file).isFile()) return next();
        res.end(readFileSync(file));
      });
    },
    generateBundle() {
      for (const sample of listBundledSamples()) {
        for (const file of sample.files) {
          this.emitFile({
            type: 'asset',
            fileName: `samples/${sample.id}/${file}`,
            source: readFileSync(join(SAMPLES_DIR, sample.id, file)),
          });
        }
      }
      this.emitFile({ type: 'asset', fileName: 'samples/index.json', source: indexJson() });
    },
  };
}

/** One renderer build for Electron (app://) and the browser (npm run web). */
export const rendererConfig: UserConfig = {
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [react(), bundledSamples()],
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
