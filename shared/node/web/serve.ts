// `npm run web`: serves the built renderer on 127.0.0.1 only, with the same
// CSP and the same path-traversal check as the Electron app:// handler, for
// offline demonstrations in a browser and for e2e tests.
import { createReadStream, existsSync, realpathSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveBundlePath } from '../../security/bundle-path';
import { bundleResponseHeaders } from '../../security/content-type';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4317' },
    dir: { type: 'string', default: 'out/renderer' },
  },
});
const root = resolve(values.dir ?? 'out/renderer');
if (!existsSync(join(root, 'index.html'))) {
  process.stderr.write(`web: ${root}/index.html not found; run "npm run build:web" first\n`);
  process.exit(1);
}
const realRoot = realpathSync(root);

const server = createServer((req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const resolved = resolveBundlePath(req.url ?? '/');
  if (!resolved.ok) {
    res.writeHead(resolved.status, { 'Content-Type': 'text/plain' }).end(resolved.reason);
    return;
  }
  const file = join(root, ...resolved.segments);
  if (!existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    return;
  }
  // A symbolic link inside the bundle must not lead out of it.
  const rel = relative(realRoot, realpathSync(file));
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    res.writeHead(403, { 'Content-Type': 'text/plain' }).end('outside the bundle');
    return;
  }
  res.writeHead(200, bundleResponseHeaders(resolved.segments.join('/')));
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).pipe(res);
});

const port = Number(values.port);
server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`Truceline (EXERCISE) serving ${root} at http://127.0.0.1:${port}/\n`);
});
