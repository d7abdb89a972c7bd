// `npm run web`: serves the built renderer on 127.0.0.1 only (the server itself
// is shared/node/web/bundle-server.ts), for offline demonstrations in a browser
// and for e2e tests. `--room` also runs a room's listener for seats (on
// `--room-host`, loopback by default), which also serves the app to the seats,
// and relays it to the host tab over a control endpoint on this loopback
// server (docs/ROOMS.md).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createBundleServer } from './bundle-server';
import { CONTROL_PATH, attachRoomRelay } from '../room/relay-server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4317' },
    dir: { type: 'string', default: 'out/renderer' },
    room: { type: 'boolean', default: false },
    'room-host': { type: 'string', default: '127.0.0.1' },
    'room-port': { type: 'string', default: '0' },
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
const roomPort = Number(values['room-port']);
if (values.room && (!/^\d+$/.test(values['room-port']) || roomPort > 65_535)) {
  process.stderr.write(
    `web: --room-port "${values['room-port']}" is not a port number (0 to 65535)\n`,
  );
  process.exit(2);
}
server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`Truceline (EXERCISE) serving ${root} at http://127.0.0.1:${port}/\n`);
  if (!values.room) return;
  attachRoomRelay(server, { host: values['room-host'], port: roomPort, pages: { root } }).then(
    (relay) => {
      process.stdout.write(
        `Room listener for seats at ${relay.url}; the host tab's control is ws://127.0.0.1:${port}${CONTROL_PATH} (this computer only)\n`,
      );
      for (const page of relay.joinPages) process.stdout.write(`seats open ${page}\n`);
    },
    (error: Error) => {
      process.stderr.write(
        `web: the room listener on ${values['room-host']} cannot start: ${error.message}\n`,
      );
      process.exit(1);
    },
  );
});
