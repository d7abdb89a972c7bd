#!/usr/bin/env node
// Runs a TypeScript entry point with Node without a build step on every call:
// the entry is bundled once with esbuild into out/.run/, and rebuilt only when
// one of the files that went into the bundle (recorded in its metafile) is newer.
// Cost of a warm start: one stat per input file.
import { existsSync, readFileSync, statSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, basename } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export async function bundledPath(entry) {
  const abs = resolve(root, entry);
  const name = relative(root, abs)
    .replace(/[\\/]/g, '__')
    .replace(/\.tsx?$/, '');
  const outFile = join(root, 'out', '.run', `${name}.mjs`);
  const metaFile = `${outFile}.inputs.json`;
  if (!isFresh(outFile, metaFile)) {
    const { build } = await import('esbuild');
    mkdirSync(dirname(outFile), { recursive: true });
    const result = await build({
      entryPoints: [abs],
      outfile: outFile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      sourcemap: 'inline',
      metafile: true,
      logLevel: 'error',
      absWorkingDir: root,
    });
    writeFileSync(metaFile, JSON.stringify(Object.keys(result.metafile.inputs)));
  }
  return outFile;
}

function isFresh(outFile, metaFile) {
  if (!existsSync(outFile) || !existsSync(metaFile)) return false;
  const builtAt = statSync(outFile).mtimeMs;
  const inputs = JSON.parse(readFileSync(metaFile, 'utf8'));
  for (const input of inputs) {
    const path = join(root, input);
    if (!existsSync(path) || statSync(path).mtimeMs > builtAt) return false;
  }
  return true;
}

if (process.argv[1] && basename(process.argv[1]) === 'run-ts.mjs') {
  const [entry, ...rest] = process.argv.slice(2);
  if (!entry) {
    process.stderr.write('usage: node shared/node/run-ts.mjs <entry.ts> [args…]\n');
    process.exit(2);
  }
  const file = await bundledPath(entry);
  process.argv = [process.argv[0], entry, ...rest];
  await import(pathToFileURL(file).href);
}
