// `npm run web`: serves the built renderer on 127.0.0.1 only (the server itself
// is shared/node/web/bundle-server.ts), for offline demonstrations in a browser
// and for e2e tests.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createBundleServer } from './bundle-server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4317' },
    dir: { type: 'string', default: 'out/renderer' },
  },
});
const root = resolve(values.dir);
if (!existsSync(join(root, 'index.html'))) {
  process.stderr.write(`web: ${root}/index.html not found; run "npm run build:web" first\n`);
  process.exit(1);
}
const port = Number(values.port);
if (!/^\d+$/.test(values.port) || port < 1 || port > 65_535) {
  process.stderr.write(`web: --port "${values.port}" is not a port number (1 to 65535)\n`);
  process.exit(2);
}

const server = createBundleServer({ root });
server.on('error', (error: NodeJS.ErrnoException) => {
  const why =
    error.code === 'EADDRINUSE' ? 'is already in use' : `cannot be used: ${error.message}`;
  process.stderr.write(`web: port ${port} on 127.0.0.1 ${why}\n`);
  process.exit(1);
});
server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`Truceline (EXERCISE) serving ${root} at http://127.0.0.1:${port}/\n`);
});
