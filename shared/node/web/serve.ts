// `npm run web`: serves the built renderer on 127.0.0.1 only, with the same
// CSP as the Electron app, for offline demonstrations in a browser and for e2e tests.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { CONTENT_SECURITY_POLICY } from '../../security/content-security-policy';

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

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.md': 'text/plain; charset=utf-8',
  '.geojson': 'application/json',
  '.ndjson': 'application/x-ndjson',
  '.csv': 'text/csv; charset=utf-8',
};

const server = createServer((req, res) => {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  const file = resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`);
  if (file !== root && !file.startsWith(root + sep)) {
    res.writeHead(403).end();
    return;
  }
  if (!existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    return;
  }
  res.writeHead(200, {
    'Content-Type': types[extname(file)] ?? 'application/octet-stream',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  });
  createReadStream(file).pipe(res);
});

const port = Number(values.port);
server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`Truceline (EXERCISE) serving ${root} at http://127.0.0.1:${port}/\n`);
});
