// Browser figures: runs the `bench-browser` Playwright project (console first
// screen and long tasks at 300x, audit-log append throughput in Chromium)
// against a fresh web build. Its specs print; nothing there is asserted.
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function npx(args: string[]): void {
  const result = spawnSync('npx', args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    throw new Error(`npx ${args.join(' ')} exited ${result.status ?? result.signal}`);
  }
}

export async function run(): Promise<void> {
  npx(['vite', 'build', '--config', 'vite.renderer.config.ts', '--logLevel', 'warn']);
  npx(['playwright', 'test', '--project=bench-browser', '--reporter=list']);
}
