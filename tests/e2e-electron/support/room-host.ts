// The host and one headless seat of tests/e2e-electron/room.spec.ts, outside
// Playwright (the engine imports JSON documents, which Playwright's loader
// cannot): node shared/node/run-ts.mjs tests/e2e-electron/support/room-host.ts
//
// Its stdin is the page's control line in: one RelayToHost message (JSON text)
// a line, as main pushed it. Its stdout, one JSON object a line: `{ send }`, a
// message for the page to pass to window.truceline.room.send; `{ close: true }`
// for window.truceline.room.close; `{ event, ... }` for the spec. The host
// (RoomHost over the real engine, behind relayHostSide) approves the seat,
// which dials the address main's listener announced, sends a note and catches
// up; then the host closes the room and waits for the seat to be told.
import { createInterface } from 'node:readline';
import { startHeadlessSeat } from '../../../shared/node/room/headless-seat';
import { relayHostSide } from '../../../shared/room/relay';
import type { ConnectionHandlers, RoomConnection } from '../../../shared/room/transport';
import { caughtUp, openRoom, waitFor } from '../../unit/room/room-fixture';

const say = (message: object) => process.stdout.write(`${JSON.stringify(message)}\n`);

async function main(): Promise<void> {
  const room = await openRoom();
  let handlers: ConnectionHandlers | null = null;
  const inbox: string[] = [];
  createInterface({ input: process.stdin }).on('line', (line) => {
    if (handlers) handlers.message(line);
    else inbox.push(line);
  });
  const control: RoomConnection = {
    remote: 'the app window',
    send: (text) => say({ send: text }),
    close: () => say({ close: true }),
    listen(next) {
      handlers = next;
      for (const text of inbox.splice(0)) next.message(text);
    },
  };
  const told = new Promise<string>((resolve) =>
    relayHostSide(
      control,
      (c) => room.host.accept(c),
      (why) => say({ event: 'fault', why }),
      resolve,
    ),
  );
  const url = await told;
  say({ event: 'listening', url });
  const op = startHeadlessSeat(url, {
    code: room.host.joinCode,
    name: 'op',
    request: { role: 'operator' },
  });
  await waitFor('join', () => room.host.pendingJoins().length === 1, 20_000);
  await room.host.approve(op.seat.seatId, { role: 'operator' });
  await op.runner.ready;
  await op.seat.send({ kind: 'note', text: 'through the desktop app' });
  await caughtUp(room, op.seat);
  say({ event: 'caught-up', seq: op.seat.head.seq });
  await room.host.close();
  control.close('the room was closed');
  await waitFor('seat told', () => op.seat.status === 'closed', 20_000);
  say({ event: 'seat-closed' });
  op.runner.stop();
  process.exit(0);
}

main().catch((error: unknown) => {
  say({ event: 'fault', why: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
