// A room over a real exercise engine on the hand-made scenario (protocol
// version 2, scripted parties), with headless seats on the in-memory network.
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import type { ExerciseEngine } from '../../../shared/exercise/exercise-engine';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { createExercise, resumeExercise } from '../../../shared/exercise/exercise-session';
import { BUILTIN_PROTOCOL_V2 } from '../../../shared/protocol/builtin-protocol';
import { RoomHost, type RoomHostOptions } from '../../../shared/room/room-host';
import { RoomLog } from '../../../shared/room/room-log';
import { RoomSeat, type SeatSaved } from '../../../shared/room/room-seat';
import { MemoryRoomStore } from '../../../shared/room/room-state';
import type { SeatAssignment } from '../../../shared/room/seat-roles';
import { MemoryNetwork, type MemoryPair } from '../../../shared/room/transport';
import {
  SealedChannel,
  deriveChannelKeys,
  fromBase64,
  newEphemeral,
  newSalt,
  toBase64,
} from '../../../shared/room/channel-crypto';
import { parseJoinCode } from '../../../shared/room/join-code';
import type { LoadedScenario } from '../../../shared/scenario/loaded-scenario';
import type { PartyScript } from '../../../shared/scenario/schema';
import { MIN, T0, buildScenario, handEvents } from '../exercise/hand-scenario';
import { openTracks } from '../../../shared/protocol/protocol-run';

export const HOST_ACTOR = { name: 'Control (host)', role: 'controller' as const };
const SCRIPT: PartyScript = {
  default: {
    acknowledge: { after_min: 5 },
    reply: { kind: 'denies', after_h: 2, text: 'We did not fire.' },
    meeting: 'attends',
    accepts_measures: true,
    requests_meeting: true,
  },
};

export function roomScenario(): LoadedScenario {
  const events = handEvents().map((e) =>
    e.id.startsWith('mlrs') ? { ...e, incident: 'inc-mlrs', expected_action: 'notify' } : e,
  );
  return buildScenario(events, { partyScript: SCRIPT, end: T0 + 72 * 60 * MIN });
}

export interface Room {
  scenario: LoadedScenario;
  engine: ExerciseEngine;
  log: RoomLog;
  memory: MemoryAuditLog;
  host: RoomHost;
  store: MemoryRoomStore;
  net: MemoryNetwork;
}

export async function openRoom(
  options: {
    /** The console feed the host gives operator and observer seats (console-frames.ts). */
    consoleFeed?: (
      engine: ExerciseEngine,
      scenario: LoadedScenario,
    ) => RoomHostOptions['consoleFeed'];
  } = {},
): Promise<Room> {
  const scenario = roomScenario();
  const setup = prepareExercise(scenario, 'test', { protocol: BUILTIN_PROTOCOL_V2.document });
  const memory = new MemoryAuditLog('room-ex');
  const log = await RoomLog.over(memory);
  const engine = await createExercise(setup, log, HOST_ACTOR);
  const store = new MemoryRoomStore();
  const host = await RoomHost.open({
    engine,
    log,
    scenario,
    store,
    reservedNames: [HOST_ACTOR.name],
    ...(options.consoleFeed ? { consoleFeed: options.consoleFeed(engine, scenario) } : {}),
  });
  const net = new MemoryNetwork();
  net.listen((c) => host.accept(c));
  return { scenario, engine, log, memory, host, store, net };
}

/** The host of `room` restarted: the exercise resumed from its log, the room from its store. */
export async function restartHost(room: Room): Promise<Room> {
  const entries = room.memory.entries();
  const memory = new MemoryAuditLog('room-ex', { entries: [...entries] });
  const log = await RoomLog.over(memory);
  const engine = await resumeExercise(room.scenario, [...entries], {
    writer: log,
    actor: HOST_ACTOR,
  });
  const host = await RoomHost.open({
    engine,
    log,
    scenario: room.scenario,
    store: room.store,
    reservedNames: [HOST_ACTOR.name],
  });
  room.net.listen((c) => host.accept(c));
  return { ...room, memory, log, engine, host };
}

export async function waitFor(what: string, test: () => boolean, ms = 3000): Promise<void> {
  const until = Date.now() + ms;
  while (!test()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

/** A seat that joins, is approved with the role it asked for, and holds the log up to the host's head. */
export async function joinSeat(
  room: Room,
  name: string,
  request: SeatAssignment,
  saved?: SeatSaved,
  /** Called with the seat before it connects (to listen from its first message on). */
  before?: (seat: RoomSeat) => void,
): Promise<RoomSeat> {
  const seat = new RoomSeat({ code: room.host.joinCode, name, request, saved });
  before?.(seat);
  await seat.connect(await room.net.dial());
  if (seat.status === 'pending') await room.host.approve(seat.seatId, request);
  await waitFor(`${name} connected`, () => seat.status === 'connected');
  await caughtUp(room, seat);
  return seat;
}

export function caughtUp(room: Room, ...seats: RoomSeat[]): Promise<void> {
  return waitFor('seats to catch up', () =>
    seats.every((s) => s.head.seq === room.log.head().seq && s.head.hash === room.log.head().hash),
  );
}

/**
 * A client that speaks the wire protocol by hand (the handshake with the code
 * it is given, then whatever the test seals or sends raw), to try what a
 * well-behaved seat never does.
 */
export async function rawClient(room: Room, code: string, seatId = 'a'.repeat(32)) {
  const secret = parseJoinCode(code);
  const connection = (await room.net.dial()) as MemoryPair['seatEnd'];
  const received: string[] = [];
  let closed: string | null = null;
  connection.listen({
    message: (t) => received.push(t),
    close: (r) => (closed = r),
  });
  const own = await newEphemeral();
  const salt = newSalt();
  connection.send(
    JSON.stringify({
      t: 'hello',
      v: 1,
      seat: seatId,
      salt: toBase64(salt),
      pub: toBase64(own.publicRaw),
    }),
  );
  await waitFor('challenge', () => received.length > 0 || closed !== null);
  const challenge = JSON.parse(received[0]!) as { salt: string; pub: string };
  const keys = await deriveChannelKeys({
    secret,
    own,
    peerPublicRaw: fromBase64(challenge.pub)!,
    seatSalt: salt,
    hostSalt: fromBase64(challenge.salt)!,
    seatId,
  });
  const channel = new SealedChannel(keys, 'seat', seatId);
  return {
    connection,
    received,
    closed: () => closed,
    /** Seals any text (valid message or not) as the next frame and sends it. */
    async seal(plain: string) {
      const frame = await channel.seal(plain);
      const text = JSON.stringify({ t: 'sealed', ...frame });
      connection.send(text);
      return text;
    },
    sendRaw: (text: string) => connection.send(text),
  };
}

const HOST_OPERATOR = { name: 'Operator (host)', role: 'operator' as const };

/** Runs the MLRS incident to its parallel tracks on the host (an operator at the host's screen) and returns its id. */
export async function toParallelTracks(room: Room): Promise<string> {
  const { engine } = room;
  await engine.advanceTo(T0 + 75 * MIN);
  const alert = engine.alerts().find((a) => a.eventIds.includes('mlrs-1'))!;
  const id = engine.unitOf(alert.id);
  const { visit } = openTracks(engine.runOf(id)!)[0]!;
  if (visit.step === 'triage') {
    await engine.act(
      id,
      'confirmed-violation',
      { rationale: 'MLRS in the exclusion zone.' },
      HOST_OPERATOR,
    );
  } else if (visit.step === 'escalate') {
    await engine.act(id, 'open-tracks', {}, HOST_OPERATOR);
  } else {
    await engine.act(id, 'confirmed', {}, HOST_OPERATOR);
  }
  return id;
}
