// The console at an operator's or observer's seat: the host's console view
// of its engine, cut for the operator's role and sent as frames; the seat's
// commands go to the host as its intents; the clock stays the controller's.
import { describe, expect, it } from 'vitest';
import { consoleFeedOf, createFrameReader } from '../../../renderer/src/console/console-frames';
import { consoleSnapshotsOf } from '../../../renderer/src/console/engine-session';
import type { SeatAssignment } from '../../../shared/room/seat-roles';
import {
  CLOCK_IS_THE_CONTROLLERS,
  ConsoleFrames,
  consoleSeatOf,
  seatCommands,
  seatConsoleSession,
  seatReadOnly,
} from '../../../renderer/src/room-seat/seat-console';
import type { ConsoleCommands } from '../../../renderer/src/console/view-model';
import { RoomIntent } from '../../../shared/room/room-intents';
import { CONTROLLER_ONLY_EVENT_FIELDS } from '../../../shared/room/scenario-view';
import { MIN, T0 } from '../exercise/hand-scenario';
import {
  HOST_ACTOR,
  joinSeat,
  openRoom,
  toParallelTracks,
  waitFor,
  type Room,
} from '../room/room-fixture';

const withConsole = { consoleFeed: consoleFeedOf };

/** A seat joined with its console read from its first frame, as the app's seat session does. */
async function joinWithConsole(room: Room, name: string, request: SeatAssignment) {
  let frames: ConsoleFrames | null = null;
  const seat = await joinSeat(room, name, request, undefined, (s) => {
    frames = new ConsoleFrames(s);
  });
  return { seat, console: seatConsoleSession(consoleSeatOf(seat, frames!)) };
}

describe('the console at a seat', () => {
  it("shows an operator the host's alerts in the host's order, without what only control reads", async () => {
    const room = await openRoom(withConsole);
    await room.engine.advanceTo(T0 + 75 * MIN);
    const { console } = await joinWithConsole(room, 'op', { role: 'operator' });
    const host = consoleSnapshotsOf(room.engine, 'operator');
    await waitFor('the first frame', () => console.ready());
    const ids = (alerts: readonly { id: string }[]) => alerts.map((a) => a.id);
    expect(ids(host().alerts).length).toBeGreaterThan(0);
    await waitFor(
      'the same alerts',
      () => ids(console.getSnapshot().alerts).join() === ids(host().alerts).join(),
    );
    expect(console.getSnapshot().clock.now).toBe(room.engine.now);
    // The scenario as the operator reads it: the scripted incident's truth is not there.
    const mlrs = console.scenario.events.find((e) => e.event.id === 'mlrs-1')!;
    for (const field of CONTROLLER_ONLY_EVENT_FIELDS) expect(mlrs.event).not.toHaveProperty(field);
    expect(console.scenario.partyScript).toBeNull();
    expect(room.scenario.events.find((e) => e.event.id === 'mlrs-1')!.event).toHaveProperty(
      'incident',
    );
    // Neither the SimCell nor the plan travels to a seat.
    expect(console.getSnapshot().simCell).toBeNull();
    expect(console.getSnapshot().plan).toBeNull();
    console.close();
  });

  it("sends the operator's console commands as its intents, logged by its name, and shows their effect", async () => {
    const room = await openRoom(withConsole);
    const { console } = await joinWithConsole(room, 'op', { role: 'operator' });
    const id = await toParallelTracks(room);
    await waitFor(
      'the alert on the seat',
      () => console.ready() && console.getSnapshot().alerts.some((a) => a.id === id),
    );
    // The host's participant is a controller; the seat's operator is offered the operator's actions.
    const offered = console
      .getSnapshot()
      .alerts.find((a) => a.id === id)!
      .run!.tracks.flatMap((t) => t.actions);
    expect(offered.some((a) => a.roles.includes('operator') && a.blockedBy === null)).toBe(true);
    expect(offered.filter((a) => /only an operator can/.test(a.blockedBy ?? ''))).toEqual([]);
    const hostOffered = room.engine
      .getSnapshot()
      .alerts.find((a) => a.id === id)!
      .run!.tracks.flatMap((t) => t.actions);
    expect(hostOffered.some((a) => /only an operator can/.test(a.blockedBy ?? ''))).toBe(true);
    await console.commands.acknowledge(id);
    const ack = room.memory.entries().find((e) => e.kind === 'ack');
    expect(ack).toMatchObject({ actor: 'op', role: 'operator' });
    await waitFor('the acknowledgement on the seat', () =>
      console.getSnapshot().alerts.some((a) => a.id === id && a.acknowledged),
    );
    // The clock and the controller's moves are refused where they are asked, and nothing is logged.
    const head = room.log.head().seq;
    await expect(console.commands.play()).rejects.toThrow(CLOCK_IS_THE_CONTROLLERS);
    await expect(console.commands.inject('shelling reported', {})).rejects.toThrow(/controller/);
    expect(room.log.head().seq).toBe(head);
    expect(console.clockRefusal).toBe(CLOCK_IS_THE_CONTROLLERS);
    console.close();
  });

  it("follows the host's clock and comes back afresh after a reconnect", async () => {
    const room = await openRoom(withConsole);
    const { seat: op, console } = await joinWithConsole(room, 'op', { role: 'operator' });
    await waitFor('the first frame', () => console.ready());
    await room.engine.advanceTo(T0 + 30 * MIN);
    await waitFor('the clock moved', () => console.getSnapshot().clock.now === T0 + 30 * MIN);
    op.disconnect('the test drops it');
    await waitFor('offline', () => op.status !== 'connected');
    expect(console.readOnly).toMatch(/nothing can be sent/);
    await room.engine.advanceTo(T0 + 75 * MIN);
    await op.connect(await room.net.dial());
    await waitFor('connected again', () => op.status === 'connected');
    await waitFor('caught up', () => console.getSnapshot().clock.now === T0 + 75 * MIN);
    const hostIds = consoleSnapshotsOf(room.engine, 'operator')()
      .alerts.map((a) => a.id)
      .join();
    await waitFor(
      'the same alerts',
      () =>
        console
          .getSnapshot()
          .alerts.map((a) => a.id)
          .join() === hostIds,
    );
    expect(console.readOnly).toBeNull();
    console.close();
  });

  it('gives an observer the console read-only, and party and evaluator seats none', async () => {
    const room = await openRoom(withConsole);
    const { console } = await joinWithConsole(room, 'wall', { role: 'observer' });
    const party = await joinSeat(room, 'liaison', { role: 'party', parties: ['A'] });
    const evaluator = await joinSeat(room, 'eval', { role: 'evaluator' });
    const frames = { party: 0, evaluator: 0 };
    party.onConsole(() => (frames.party += 1));
    evaluator.onConsole(() => (frames.evaluator += 1));
    await room.engine.advanceTo(T0 + 30 * MIN);
    await waitFor(
      'the observer follows',
      () => console.ready() && console.getSnapshot().clock.now === T0 + 30 * MIN,
    );
    expect(console.readOnly).toMatch(/observer/);
    expect(frames).toEqual({ party: 0, evaluator: 0 });
    console.close();
    // The host's own actor is not a seat: its console is its own (no frames to itself).
    expect(HOST_ACTOR.role).toBe('controller');
  });
});

describe('seatCommands', () => {
  const sent: unknown[] = [];
  const commands = seatCommands(async (intent) => {
    sent.push(intent);
  });

  it('turns every command a seat may send into an intent the room accepts', async () => {
    const allowed: [keyof ConsoleCommands, unknown[]][] = [
      ['acknowledge', ['a1']],
      ['startProtocol', ['a1']],
      ['act', ['a1', 'confirmed-violation', { rationale: 'seen' }]],
      ['jumpToEntry', ['a1']],
      ['dismissSeverityPrompt', ['a1']],
      ['ackParty', ['a1', 'A', 'hotline']],
      ['link', ['a1', 'a2']],
      ['unlink', ['a2']],
      ['actInTrack', ['a1', 'hotline', 'notify', {}]],
      ['ackPartyInTrack', ['a1', 'hotline', 'A', 'hotline']],
      ['linkMessage', ['ev-1', 'a1']],
      ['note', ['seen from the ridge']],
      ['issueProduct', ['spot-report', 'Spot report: …', 'a1']],
      ['issueProduct', ['daily-report', 'Daily report: …', null]],
    ];
    for (const [name, args] of allowed) {
      sent.length = 0;
      await (commands[name] as (...a: unknown[]) => Promise<void>)(...args);
      expect(sent, name).toHaveLength(1);
      expect(RoomIntent.safeParse(sent[0]).success, name).toBe(true);
    }
    expect(sent[0]).toEqual({ kind: 'report', product: 'daily-report', text: 'Daily report: …' });
  });

  it('refuses the clock and the controller’s moves without sending anything', async () => {
    sent.length = 0;
    for (const name of ['play', 'pause', 'setSpeed', 'seek', 'stepToNextAlert'] as const) {
      await expect((commands[name] as () => Promise<void>)()).rejects.toThrow(
        CLOCK_IS_THE_CONTROLLERS,
      );
    }
    for (const name of ['inject', 'takeOverParty', 'partyMove', 'chairAction'] as const) {
      await expect((commands[name] as () => Promise<void>)()).rejects.toThrow(
        /only the controller/,
      );
    }
    expect(sent).toEqual([]);
  });
});

describe('seatReadOnly', () => {
  it('is read-only for an observer always, for an operator only while not connected', () => {
    expect(seatReadOnly({ role: 'observer' }, 'connected', null)).toMatch(/observer/);
    expect(seatReadOnly({ role: 'operator' }, 'connected', null)).toBeNull();
    expect(seatReadOnly({ role: 'operator' }, 'offline', null)).toMatch(/offline/);
    expect(seatReadOnly({ role: 'operator' }, 'closed', null)).toMatch(/closed/);
    expect(seatReadOnly({ role: 'operator' }, 'connected', 'a version-1 log')).toBe(
      'a version-1 log',
    );
  });
});

describe('createFrameReader', () => {
  it('refuses a delta before the opening frame', () => {
    const read = createFrameReader();
    expect(() => read({ delta: {} })).toThrow(/before the opening frame/);
  });
});
