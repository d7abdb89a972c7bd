// Five people play one incident in one room (docs/ROOMS.md), each in a
// browser context of their own: the host (the controller, the app in browser
// mode with its engine) opens the room; two operators, a SimCell seat playing
// both parties, and an evaluator join from the seats' page and are approved.
// The operators work the incident from their seats' consoles; the SimCell
// acknowledges, denies and requests a meeting; the evaluator sees the
// incident's truth, the others do not. One operator's page is closed and
// reopened and catches up; the host's page reloads and every seat comes back.
// At the end every seat holds the host's chain head, the host's export
// verifies with `truceline verify`, and no seat's intent was applied twice.
// An observer's wall screen projects the operator's view, read-only. Each
// role's screen is photographed at 1280×800 and 1600×900.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import type { SeatAssignment } from '../../shared/room/seat-roles';
import { runTruceline } from './support/cli-and-files';
import {
  fillStartDialog,
  goToScreen,
  selectAlert,
  SLOW,
  untilCriticalPauses,
} from './support/console-flow';
import { exportSignedLog } from './support/exported-log';
import { hostHead, openRoomTab } from './support/room-host-page';
import { startRoomServer, type RoomServer } from './support/room-server';
import { act, track } from './support/run-tracks';
import { shots } from './support/screenshots';
import { joinAs, seatStatus } from './support/seat-page';

const PORT = Number(process.env.TRUCELINE_ROOM_EXERCISE_PORT ?? 4406);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const PARTY_A = 'Republic of Lanvera (Party A)';
const PARTY_B = 'Republic of Dorsena (Party B)';
const TRUTH = 'treat as critical, notify every party on the hotline';
const DENIAL = 'Our units did not fire; the launchers seen are on exercise far from the line.';

let server: RoomServer | null = null;
test.use({ baseURL: ORIGIN });
test.beforeAll(async () => {
  server = await startRoomServer(PORT);
});
test.afterAll(() => server?.stop());

interface Seat {
  name: string;
  request: SeatAssignment;
  /** The Room panel's role choice the controller approves with. */
  approveAs: string;
  context: BrowserContext;
  page: Page;
}

test('five people play an incident in one room: consoles at the seats, the parties’ moves, truth for the evaluator only, a page closed and reopened, the host reloaded, equal heads and a verified export', async ({
  browser,
}) => {
  test.setTimeout(600_000);
  const errors: string[] = [];
  const watch = (page: Page, who: string) => {
    page.on('pageerror', (e) => errors.push(`${who}: ${e.message}`));
  };
  const hostContext = await browser.newContext({ viewport: { width: 1600, height: 900 } });
  const host = await hostContext.newPage();
  watch(host, 'host');

  // ---- the controller opens the room -------------------------------------------
  await host.goto('/#/library');
  await host
    .getByTestId('scenario-quick-demo')
    .getByRole('button', { name: 'Start exercise' })
    .click(SLOW);
  await fillStartDialog(host, 'Controller', undefined, 'Control One');
  let panel = await openRoomTab(host);
  await panel.getByRole('button', { name: 'Open room' }).click();
  await expect(panel.getByTestId('room-state')).toHaveText('Open', SLOW);
  const joinPage = (await panel.getByTestId('room-join-page').getAttribute('href'))!;
  const code = decodeURIComponent(/#\/join\?code=(.+)$/.exec(joinPage)![1]!);
  const seatsOrigin = new URL(joinPage).origin;

  // ---- four people join and are approved ---------------------------------------
  const seats: Seat[] = [];
  const people: Omit<Seat, 'context' | 'page'>[] = [
    { name: 'Operator Amal', request: { role: 'operator' }, approveAs: 'operator' },
    { name: 'Operator Bede', request: { role: 'operator' }, approveAs: 'operator' },
    {
      name: 'SimCell Cato',
      request: { role: 'party', parties: ['A', 'B'] },
      approveAs: 'party:A,B',
    },
    { name: 'Evaluator Ines', request: { role: 'evaluator' }, approveAs: 'evaluator' },
    // A sixth screen, the wall: the observer's projection of the operator's view.
    { name: 'Wall screen', request: { role: 'observer' }, approveAs: 'observer' },
  ];
  for (const person of people) {
    const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
    const page = await context.newPage();
    watch(page, person.name);
    await joinAs(page, seatsOrigin, code, person.name, person.request);
    const join = panel.locator(`[data-join-name="${person.name}"]`);
    await expect(join).toBeVisible(SLOW);
    await join.getByLabel('Role').selectOption(person.approveAs);
    await join.getByRole('button', { name: 'Approve' }).click();
    await expect(seatStatus(page)).toHaveAttribute('data-state', 'connected', SLOW);
    seats.push({ ...person, context, page });
  }
  const [amal, bede, simcell, evaluator, wall] = seats as [Seat, Seat, Seat, Seat, Seat];
  await expect(panel.locator('tr[data-seat-name]')).toHaveCount(5);
  await shots(host, 'room-five-host-panel');

  // ---- the SimCell plays both parties itself -----------------------------------
  const requests = simcell.page.getByTestId('party-requests');
  for (const party of [PARTY_A, PARTY_B]) {
    await requests.getByRole('button', { name: `Play ${party} yourself` }).click();
    await expect(requests).toContainText(`${party} · played by SimCell Cato`);
  }

  // ---- the controller runs the clock to the critical incident ------------------
  await host.getByTestId('speed').selectOption('3600');
  await host.getByTestId('play-pause').click();
  const alertId = await untilCriticalPauses(host);

  // ---- Operator Amal starts verification from her seat's console ----------------
  await expect(amal.page.getByTestId('clock-note')).toContainText(
    'controller runs the exercise clock',
  );
  const amalDetail = await selectAlert(amal.page, alertId);
  await amalDetail.getByRole('button', { name: 'Acknowledge alert (A)' }).click();
  await expect(amalDetail.getByText('Alert acknowledged')).toBeVisible(SLOW);
  await act(amalDetail, 'triage', 'Start verification');
  await expect(track(amalDetail, 'verify')).toHaveAttribute('data-step-id', 'task-sensors', SLOW);
  // A party's meeting request is offered in this step, but not to an operator: the reason shows.
  await expect(track(amalDetail, 'verify').getByTestId('acts-elsewhere')).toBeVisible();

  // ---- the SimCell, as Party A, requests a meeting: the consultation opens -------
  const item = (party: string, trackId: string) =>
    requests.locator(
      `.party-block[data-party="${party}"] .request-item[data-alert-id="${alertId}"][data-track="${trackId}"]`,
    );
  await item('A', 'verify').getByRole('button', { name: 'Request a meeting' }).click(SLOW);
  await expect(requests.getByRole('status')).toContainText('Request a meeting: sent', SLOW);
  await expect(track(amalDetail, 'consultation')).toHaveAttribute(
    'data-step-id',
    'convene-on-request',
    SLOW,
  );

  // ---- Amal confirms: the hotline, explanation and reporting open ---------------
  await act(amalDetail, 'verify', 'Confirmed');
  for (const id of ['hotline', 'explanation', 'consultation', 'reporting']) {
    await expect(track(amalDetail, id)).toHaveAttribute('data-open', 'true', SLOW);
  }
  await shots(amal.page, 'room-five-operator-console');

  // ---- the SimCell acknowledges the hotline call for both parties --------------
  const hotlineItem = (party: string) => item(party, 'hotline');
  for (const party of ['A', 'B']) {
    await hotlineItem(party).getByRole('button', { name: 'Acknowledge' }).click(SLOW);
    await expect(hotlineItem(party).getByRole('button', { name: 'Acknowledge' })).toHaveCount(
      0,
      SLOW,
    );
  }

  // ---- Amal's page is closed; Bede works on meanwhile ---------------------------
  const amalSeatUrl = amal.page.url();
  await amal.page.close();
  const bedeDetail = await selectAlert(bede.page, alertId);
  const hotline = track(bedeDetail, 'hotline');
  await expect(hotline.getByRole('group', { name: 'Party acknowledgements' })).toContainText(
    'SimCell Cato',
    SLOW,
  );
  await act(bedeDetail, 'hotline', 'All parties acknowledged');
  await act(
    bedeDetail,
    'explanation',
    'Request sent',
    { 'Evidence relied on': 'satellite pass and ground sensors' },
    { Party: 'B' },
  );
  // The reply is the party's: no control for it at an operator's seat, and the reason instead.
  await expect(
    track(bedeDetail, 'explanation').getByRole('button', { name: /reply/i }),
  ).toHaveCount(0);
  await expect(track(bedeDetail, 'explanation').getByTestId('acts-elsewhere')).toBeVisible();

  // ---- Amal's page reopens and catches up ----------------------------------------
  amal.page = await amal.context.newPage();
  watch(amal.page, amal.name);
  await amal.page.goto(amalSeatUrl);
  await expect(seatStatus(amal.page)).toHaveAttribute('data-state', 'connected', SLOW);
  const reopened = await selectAlert(amal.page, alertId);
  await expect(track(reopened, 'explanation')).not.toHaveAttribute('data-step-id', 'request', SLOW);
  await expect(track(reopened, 'hotline')).toHaveAttribute('data-step-id', 'stop-fire-call', SLOW);

  // ---- the evaluator sees the truth; nobody else does ------------------------------
  const truth = evaluator.page.getByTestId('scripted-truth');
  await expect(truth).toContainText('Truth: violation', SLOW);
  await expect(truth).toContainText(TRUTH);
  await shots(evaluator.page, 'room-five-evaluator');
  for (const seat of [amal, bede, simcell, wall]) {
    await expect(seat.page.getByTestId('scripted-truth')).toHaveCount(0);
    expect(await seat.page.content(), seat.name).not.toContain(TRUTH);
  }

  // ---- the host's page reloads: the room reopens and every seat comes back ----------
  await host.reload();
  await expect(host.getByTestId('console')).toBeVisible(SLOW);
  panel = await openRoomTab(host);
  await expect(panel.getByTestId('room-state')).toHaveText('Open', SLOW);
  for (const seat of seats) {
    await expect(seatStatus(seat.page), seat.name).toHaveAttribute('data-state', 'connected', {
      timeout: 60_000,
    });
  }
  // After the reload the room goes on: Party B denies in reply to the request.
  const explanationItem = item('B', 'explanation');
  await explanationItem.getByRole('button', { name: 'Reply…' }).click(SLOW);
  await explanationItem.getByLabel('The reply').selectOption('denies');
  await explanationItem.getByLabel('In your words').fill(DENIAL);
  await explanationItem.getByRole('button', { name: 'Send reply' }).click();
  await expect(requests.getByRole('status')).toContainText('Reply: sent', SLOW);
  const amalAfter = await selectAlert(amal.page, alertId);
  await expect(track(amalAfter, 'explanation')).not.toHaveAttribute(
    'data-step-id',
    'await-reply',
    SLOW,
  );
  await shots(simcell.page, 'room-five-simcell');
  // The projection shows the same incident, read-only, in large type.
  const projected = await selectAlert(wall.page, alertId);
  await expect(wall.page.getByTestId('read-only-notice')).toContainText('observer');
  await expect(projected.getByRole('button', { name: 'Acknowledge alert (A)' })).toHaveCount(0);
  await shots(wall.page, 'room-five-observer');
  await shots(amal.page, 'room-five-operator-after-reload');

  // ---- the heads agree, the export verifies, nothing was applied twice --------------
  const expectHeadsEqual = async () => {
    const head = await hostHead(host);
    for (const seat of seats) {
      const shown = seat.page.getByTestId('seat-head');
      await expect(shown, seat.name).toHaveAttribute('data-seq', String(head.seq), SLOW);
      await expect(shown, seat.name).toHaveAttribute('data-hash', head.hash);
    }
  };
  await expectHeadsEqual();
  await goToScreen(host, 'Log');
  const dir = mkdtempSync(join(tmpdir(), 'truceline-room-five-'));
  const exported = await exportSignedLog(host, dir);
  const verified = await runTruceline(['verify', exported.path]);
  expect(verified.code, verified.stdout + verified.stderr).toBe(0);
  expect(verified.stdout).toMatch(/OK/);
  // The export is itself logged. Back at the console the room opens again
  // (it runs beside the engine) and the seats catch up to that entry too.
  await host
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('link', { name: 'Console', exact: true })
    .click();
  await expect(host.getByTestId('console')).toBeVisible(SLOW);
  for (const seat of seats) {
    await expect(seatStatus(seat.page), seat.name).toHaveAttribute('data-state', 'connected', {
      timeout: 60_000,
    });
  }
  await expectHeadsEqual();
  const bySeats = exported.bundle.entries.filter((e) => seats.some((s) => s.name === e.actor));
  const moves = bySeats.map(
    (e) => `${e.kind} ${e.actor} ${JSON.stringify(e.data)} ${e.alert_id ?? ''}`,
  );
  expect(new Set(moves).size, 'no seat intent applied twice').toBe(moves.length);
  expect(bySeats.some((e) => e.actor === 'SimCell Cato' && e.kind === 'party-ack')).toBe(true);
  expect(bySeats.some((e) => e.actor === 'Operator Amal')).toBe(true);
  expect(bySeats.some((e) => e.actor === 'Operator Bede')).toBe(true);
  expect(errors).toEqual([]);
  for (const seat of seats) await seat.context.close();
  await hostContext.close();
});
