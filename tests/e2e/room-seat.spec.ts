// A seat in the browser (docs/ROOMS.md, "A seat in the browser"): the spec is
// the host — a real exercise engine on the quick-demo sample, a RoomHost and
// the room's listener serving the built app — and Chromium pages are the seats
// that open the room's address, join with the code, keep a verified copy in
// IndexedDB, write a note, answer for a party from its inbox, come back after
// a reload with their token, and see the room close; a copy altered in
// storage is reported and not used.
// Screenshots of the seat's screens go to out/screenshots.
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { shots } from './support/screenshots';
import { joinAs, seatStatus as status } from './support/seat-page';
import { pathToFileURL } from 'node:url';
import type { SeatAssignment } from '../../shared/room/seat-roles';
import type * as RoomHostModule from './support/room-host';

const ROOM_PORT = Number(process.env.TRUCELINE_ROOM_PORT ?? 4404);
const ORIGIN = `http://127.0.0.1:${ROOM_PORT}`;
const ROOT = resolve(process.env.TRUCELINE_WEB_DIR ?? 'out/renderer');
const CONTROL = { name: 'Control (host)', role: 'controller' as const };
const NOTE = 'Seen from the ridge: two launchers moving north of Velmora bridge';

/** The host, loaded through run-ts's bundle: Playwright's loader cannot import the engine's JSON. */
async function openHost() {
  // @ts-expect-error run-ts.mjs is plain JavaScript without declarations.
  const { bundledPath } = (await import('../../shared/node/run-ts.mjs')) as {
    bundledPath: (entry: string) => Promise<string>;
  };
  const file = await bundledPath('tests/e2e/support/room-host.ts');
  const module = (await import(pathToFileURL(file).href)) as typeof RoomHostModule;
  return module.openRoomHost({ port: ROOM_PORT, root: ROOT, sample: 'sample-feeds/quick-demo' });
}

test('seats join from a browser, keep a verified copy, write, reload and see the room close', async ({
  browser,
}) => {
  const { host, log, memory, engine, listener } = await openHost();
  try {
    const approve = async (name: string, assignment: SeatAssignment) => {
      await expect
        .poll(() => host.pendingJoins().find((j) => j.name === name)?.seatId ?? null)
        .not.toBeNull();
      const join = host.pendingJoins().find((j) => j.name === name)!;
      await host.approve(join.seatId, assignment);
    };
    const caughtUp = async (page: Page) => {
      await expect(page.getByTestId('seat-head')).toHaveAttribute(
        'data-seq',
        String(log.head().seq),
      );
      await expect(page.getByTestId('seat-head')).toHaveAttribute('data-hash', log.head().hash);
    };
    // The host's clock runs a little, so the log holds more than its creation.
    await engine.setSpeed(600);
    await engine.play();
    await engine.tick(60_000);
    await engine.pause();

    // ---- an operator joins ------------------------------------------------
    const opContext = await browser.newContext({ viewport: { width: 1600, height: 900 } });
    const op = await opContext.newPage();
    const errors: string[] = [];
    op.on('pageerror', (e) => errors.push(e.message));
    op.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await op.goto(`http://127.0.0.1:${ROOM_PORT}/#/join?code=${encodeURIComponent(host.joinCode)}`);
    await expect(op.getByTestId('classification-top')).toHaveText('EXERCISE');
    await shots(op, 'seat-join');
    await joinAs(op, ORIGIN, host.joinCode, 'Operator Amal', { role: 'operator' });
    await approve('Operator Amal', { role: 'operator' });
    await expect(status(op)).toHaveAttribute('data-state', 'connected');
    await caughtUp(op);
    await expect(op.getByTestId('seat-role')).toContainText('operator');
    await expect(op.getByText(log.exerciseId, { exact: false }).first()).toBeVisible();
    // The operator's console is the host's view, its clock the controller's.
    await expect(op.getByTestId('seat-console')).toBeVisible();
    await expect(op.getByTestId('clock-note')).toContainText('controller runs the exercise clock');
    await expect(op.getByTestId('play-pause')).toHaveCount(0);
    await expect(op.getByTestId('exercise-clock')).toHaveAttribute(
      'data-epoch',
      String(engine.now),
    );
    await shots(op, 'seat-console-operator');
    await op.getByRole('button', { name: 'Log and notes' }).click();
    await expect(op.locator('.copy-row[data-seq="1"]')).toContainText('exercise-created');

    // ---- it writes a note, logged by its name ------------------------------
    await op.getByLabel('Note text').fill(NOTE);
    await op.getByRole('button', { name: 'Send note' }).click();
    await expect(op.getByTestId('note-outcome')).toContainText('Logged');
    const note = memory.entries().find((e) => e.kind === 'note' && e.data['text'] === NOTE);
    expect(note?.actor).toBe('Operator Amal');
    await caughtUp(op);
    await expect(op.locator(`.copy-row[data-seq="${note!.seq}"]`)).toContainText('note');
    await shots(op, 'seat-home-operator');

    // ---- a party liaison never reads the note ------------------------------
    const partyContext = await browser.newContext({ viewport: { width: 1600, height: 900 } });
    const party = await partyContext.newPage();
    await joinAs(party, ORIGIN, host.joinCode, 'Liaison Bora', { role: 'party', parties: ['A'] });
    await approve('Liaison Bora', { role: 'party', parties: ['A'] });
    await expect(status(party)).toHaveAttribute('data-state', 'connected');
    await caughtUp(party);
    await expect(party.getByTestId('seat-role')).toContainText('party liaison (A)');
    await expect(party.locator(`.copy-row[data-seq="${note!.seq}"]`)).toContainText(
      'not for your role',
    );
    expect(await party.content()).not.toContain('launchers moving');
    await expect(party.getByLabel('Note text')).toHaveCount(0);
    await shots(party, 'seat-home-party');

    // ---- the operator reloads offline: its copy comes from IndexedDB -------
    const headBefore = log.head();
    // The page's sockets go through the test: closed while `offline`, then to the room.
    const network = { offline: true };
    await op.routeWebSocket(/\/room$/, (ws) => {
      if (network.offline) void ws.close({ code: 4000, reason: 'held offline by the test' });
      else ws.connectToServer();
    });
    await op.reload();
    await expect(status(op)).toHaveAttribute('data-state', 'offline');
    await op.getByRole('button', { name: 'Log and notes' }).click();
    await expect(op.getByTestId('seat-head')).toHaveAttribute('data-seq', String(headBefore.seq));
    await expect(op.locator(`.copy-row[data-seq="${note!.seq}"]`)).toContainText('note');
    // Sending now is refused where the control is, and nothing reaches the host.
    await op.getByLabel('Note text').fill('written while offline');
    await op.getByRole('button', { name: 'Send note' }).click();
    await expect(op.getByTestId('note-outcome')).toContainText('read-only');
    await shots(op, 'seat-home-operator-offline');

    // The host goes on meanwhile; back online, the seat rejoins with its token and catches up.
    await engine.note('Control: plenary at the top of the hour', undefined, CONTROL);
    network.offline = false;
    await expect(status(op)).toHaveAttribute('data-state', 'connected', { timeout: 15_000 });
    expect(host.pendingJoins()).toHaveLength(0);
    await caughtUp(op);
    expect(memory.entries().some((e) => e.data['text'] === 'written while offline')).toBe(false);

    // ---- the liaison plays its party: takes it over, then acknowledges -----
    // The host's inbox names what the mission asks; the moves go as intents.
    const requests = party.getByTestId('party-requests');
    await party.getByRole('button', { name: /^Play .* yourself$/ }).click();
    await expect(requests).toContainText('played by Liaison Bora');
    // On the host, the operator at its own screen puts an incident before the parties.
    await engine.advanceTo(engine.setup.scenario.end - 60_000);
    const [incident] = [...engine.runs().keys()];
    await engine.act(
      incident!,
      'confirmed-violation',
      { rationale: 'Seen by the drone and the observer.' },
      { name: 'Operator (host)', role: 'operator' },
    );
    const item = requests.locator(
      `.request-item[data-alert-id="${incident}"][data-track="hotline"]`,
    );
    await expect(item.getByTestId('request-deadline')).toContainText('due');
    await item.getByRole('button', { name: 'Acknowledge' }).click();
    await expect(requests.getByRole('status')).toContainText('acknowledged');
    const ack = memory.entries().find((e) => e.kind === 'party-ack' && e.actor === 'Liaison Bora');
    expect(ack).toMatchObject({ role: 'party', party: 'A', alert_id: incident });
    await expect(item.getByRole('button', { name: 'Acknowledge' })).toHaveCount(0);
    await caughtUp(party);
    await shots(party, 'seat-party-requests');

    // ---- the evaluator reads the ground truth; the operator does not -------
    const EXPECTED = 'treat as critical, notify every party on the hotline';
    const evalContext = await browser.newContext({ viewport: { width: 1600, height: 900 } });
    const evaluator = await evalContext.newPage();
    await joinAs(evaluator, ORIGIN, host.joinCode, 'Evaluator Ines', { role: 'evaluator' });
    await approve('Evaluator Ines', { role: 'evaluator' });
    await expect(status(evaluator)).toHaveAttribute('data-state', 'connected');
    const truth = evaluator.getByTestId('scripted-truth');
    await expect(truth).toContainText('Truth: violation');
    await expect(truth).toContainText(EXPECTED);
    await shots(evaluator, 'seat-home-evaluator');
    await evalContext.close();
    await expect(op.getByTestId('scripted-truth')).toHaveCount(0);
    await expect(party.getByTestId('scripted-truth')).toHaveCount(0);
    expect(await op.content()).not.toContain(EXPECTED);
    expect(await party.content()).not.toContain(EXPECTED);

    // ---- the host closes the room ------------------------------------------
    await host.close();
    await expect(status(op)).toHaveAttribute('data-state', 'closed');
    await expect(status(op)).toContainText('read-only');
    await expect(status(party)).toHaveAttribute('data-state', 'closed');
    await op.getByLabel('Note text').fill('after the close');
    await op.getByRole('button', { name: 'Send note' }).click();
    await expect(op.getByTestId('note-outcome')).toContainText('read-only');
    await shots(op, 'seat-home-closed');

    // ---- a copy altered in the browser's storage is reported, not used ------
    const seatId = new URL(op.url()).hash.replace('#/seat/', '');
    await op.evaluate(async (id) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('truceline');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const store = db.transaction('seatCopies', 'readwrite').objectStore('seatCopies');
      const record = await new Promise<{ saved: { entries: { data?: object }[] } }>((resolve) => {
        const get = store.get(id);
        get.onsuccess = () => resolve(get.result as never);
      });
      record.saved.entries[1]!.data = { ...record.saved.entries[1]!.data, speed: 1 };
      await new Promise((resolve) => (store.put(record).onsuccess = resolve));
      db.close();
    }, seatId);
    await op.reload();
    await expect(status(op)).toHaveAttribute('data-state', 'broken');
    await expect(status(op)).toContainText('Operator Amal');
    await expect(status(op)).toContainText('entry 2');
    await expect(op.getByTestId('copy-table')).toHaveCount(0);
    expect(errors).toEqual([]);
    await opContext.close();
    await partyContext.close();
  } finally {
    await listener.close();
  }
});
