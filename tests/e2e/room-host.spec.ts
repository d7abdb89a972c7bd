// The host's side of a room in the app (docs/ROOMS.md, "The host's screen"),
// in browser mode: the spec starts its own `npm run web -- --room` server; the
// controller opens the room from the Room panel; a headless seat in this
// process dials the address the panel shows and joins with the code the
// panel shows; the controller approves it; the seat's note reaches the host's
// log by the seat's name and the seat's copy ends where the host's does. The
// host tab reloads: the room reopens by itself with the same code and the seat
// comes back and catches up. Closing the room closes the seat. The panel is
// photographed at 1600×900 and 1280×800 (out/screenshots).
import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { shots } from './support/screenshots';
import { startHeadlessSeat, type HeadlessSeat } from '../../shared/node/room/headless-seat';
import { fillStartDialog, goToScreen, SLOW } from './support/console-flow';
import { hostHead, openRoomTab } from './support/room-host-page';
import { startRoomServer, type RoomServer } from './support/room-server';

const PORT = 4402;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const SHOTS = 'out/screenshots';

let server: RoomServer | null = null;
let listenerUrl = '';
const seats: HeadlessSeat[] = [];

test.use({ baseURL: ORIGIN });

test.beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startRoomServer(PORT);
  listenerUrl = server.listenerUrl;
});

test.afterAll(() => {
  for (const s of seats.splice(0)) s.runner.stop();
  server?.stop();
});

// The engine (and the room with it) in its Web Worker, the default, and on the UI thread (?engine=main).
for (const [mode, home] of [
  ['worker', '/#/library'],
  ['UI thread', '/?engine=main#/library'],
] as const) {
  test(`the controller opens a room, approves a seat, and the room survives a reload until it is closed (engine: ${mode})`, async ({
    page,
  }) => {
    test.setTimeout(300_000);
    await page.goto(home);
    await page
      .getByTestId('scenario-quick-demo')
      .getByRole('button', { name: 'Start exercise' })
      .click(SLOW);
    await fillStartDialog(page, 'Controller', undefined, 'Control One');
    let panel = await openRoomTab(page);
    await expect(panel.getByTestId('room-state')).toHaveText('Closed');
    await panel.getByRole('button', { name: 'Open room' }).click();
    await expect(panel.getByTestId('room-state')).toHaveText('Open', SLOW);

    // The panel shows the code in groups of four, the seats' page and where seats dial.
    const seatsUrl = (await panel.getByTestId('room-seats-url').textContent())!.trim();
    expect(seatsUrl).toBe(listenerUrl);
    const joinPage = (await panel.getByTestId('room-join-page').getAttribute('href'))!;
    const code = decodeURIComponent(/#\/join\?code=(.+)$/.exec(joinPage)![1]!);
    expect(code).toMatch(/^([A-Z2-7]{4}-){6}[A-Z2-7]{2}$/);
    expect(joinPage).toBe(
      `${listenerUrl.replace(/^ws:/, 'http:').replace(/\/room$/, '')}/#/join?code=${code}`,
    );
    await expect(panel.getByTestId('room-code')).toHaveText(code.replaceAll('-', ''));
    await expect(panel.getByTestId('room-qr')).toBeVisible();

    // A seat asks to join as a controller; the controller fixes operator.
    const op = startHeadlessSeat(seatsUrl, {
      code,
      name: 'Seat Op',
      request: { role: 'controller' },
    });
    seats.push(op);
    const join = panel.locator('[data-join-name="Seat Op"]');
    await expect(join).toContainText('asks for Controller', SLOW);
    if (mode === 'worker') await shots(page, 'room-panel-join');
    await join.getByLabel('Role').selectOption('operator');
    await join.getByRole('button', { name: 'Approve' }).click();
    await op.runner.ready;
    expect(op.seat.status).toBe('connected');
    const row = panel.locator('tr[data-seat-name="Seat Op"]');
    await expect(row).toContainText('Operator');
    await expect(row.getByTestId('seat-connection')).toHaveText('connected');

    // The seat's note is committed by the host under the seat's name.
    await op.seat.send({ kind: 'note', text: 'Convoy seen at the northern crossing' });
    await expect.poll(async () => (await hostHead(page)).seq === op.seat.head.seq, SLOW).toBe(true);
    const head = await hostHead(page);
    expect(op.seat.head).toEqual(head);
    await expect(panel).toContainText(`Log head: entry ${head.seq}.`, SLOW);
    await expect(row.getByTestId('seat-lag')).toHaveText('0 entries', SLOW);
    await expect(panel.getByTestId('room-log')).toContainText('approved');
    if (mode === 'worker') await shots(page, 'room-panel-seat');

    // The host tab reloads: the console comes back by itself and so does its room, same code.
    await page.reload();
    await expect(page.getByTestId('console')).toBeVisible(SLOW);
    panel = await openRoomTab(page);
    await expect(panel.getByTestId('room-state')).toHaveText('Open', SLOW);
    await expect(panel.getByTestId('room-code')).toHaveText(code.replaceAll('-', ''));
    await expect(row.getByTestId('seat-connection')).toHaveText('connected', { timeout: 30_000 });
    // New entries while the seat is back: it catches up to the host's head.
    await page.getByTestId('play-pause').click();
    await expect(page.getByTestId('play-pause')).toContainText('Pause');
    await page.getByTestId('play-pause').click();
    await expect(page.getByTestId('play-pause')).toContainText('Play');
    await expect
      .poll(async () => {
        const now = await hostHead(page);
        return now.seq > head.seq && now.seq === op.seat.head.seq && now.hash === op.seat.head.hash;
      }, SLOW)
      .toBe(true);

    // The host's Log screen shows the note by the seat's name.
    await goToScreen(page, 'Log');
    const log = page.getByTestId('log-table');
    const noteRow = log
      .getByRole('row')
      .filter({ hasText: 'Convoy seen at the northern crossing' });
    await expect(noteRow).toContainText('Seat Op', SLOW);

    // Back at the console the room is open again; closing it closes the seat.
    await page
      .getByRole('navigation', { name: 'Screens' })
      .getByRole('link', { name: 'Console', exact: true })
      .click();
    await expect(page.getByTestId('console')).toBeVisible(SLOW);
    panel = await openRoomTab(page);
    await expect(panel.getByTestId('room-state')).toHaveText('Open', SLOW);
    await expect(row.getByTestId('seat-connection')).toHaveText('connected', { timeout: 30_000 });
    await panel.getByRole('button', { name: 'Close room…' }).click();
    await panel.getByRole('button', { name: 'Close the room' }).click();
    await expect(panel.getByTestId('room-state')).toHaveText('Closed', SLOW);
    await expect.poll(() => op.seat.status, SLOW).toBe('closed');
  });
}

test('a server started without --room: the panel says why the room cannot open', async ({
  page,
}) => {
  test.setTimeout(180_000);
  // Playwright's own server for the e2e project, started without --room.
  const plain = `http://127.0.0.1:${process.env.TRUCELINE_WEB_PORT ?? 4317}`;
  await page.goto(`${plain}/#/library`);
  await page
    .getByTestId('scenario-quick-demo')
    .getByRole('button', { name: 'Start exercise' })
    .click(SLOW);
  await fillStartDialog(page, 'Controller', undefined, 'Control One');
  const panel = await openRoomTab(page);
  await panel.getByRole('button', { name: 'Open room' }).click();
  await expect(panel.getByTestId('room-problem')).toContainText(
    'this server was not started with --room',
    SLOW,
  );
  await expect(panel.getByTestId('room-state')).toHaveText('Closed');
});
