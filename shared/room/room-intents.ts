// What a seat may ask the host to do (docs/ROOMS.md, "Intents and
// permissions"): one schema per intent, the table of which seat roles may
// send each, and the executor that hands an allowed intent to the real
// exercise engine with the seat's actor. The engine keeps its own checks (an
// operator cannot make a party's move, a liaison acts only for a party taken
// over under its name, only a controller injects or takes a party over); the
// table adds the room's: only a controller moves the clock or ends the
// exercise, an observer sends nothing, a party seat speaks only for its parties.
import { z } from 'zod';
import type { ExerciseActor, ExerciseEngine } from '../exercise/exercise-engine';
import { REPORT_PRODUCTS } from '../exercise/log-data';
import type { RunActor } from '../protocol/protocol-run';
import { PROTOCOL_INPUTS } from '../protocol/schema';
import type { SeatAssignment, SeatRole } from './seat-roles';

z.config({ jitless: true });

const id = z.string().min(1).max(128);
const text = z.string().min(1).max(4000);
const inputs = z.partialRecord(z.enum(PROTOCOL_INPUTS), z.string().max(4000));
const iso = z.iso.datetime({ offset: true });

export const RoomIntent = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('clock'),
    action: z.enum(['play', 'pause', 'speed', 'seek']),
    reason: z.string().max(400).optional(),
    speed: z.number().positive().max(100_000).optional(),
    to: iso.optional(),
  }),
  z.strictObject({ kind: z.literal('ack'), alert_id: id }),
  z.strictObject({ kind: z.literal('start-protocol'), alert_id: id }),
  /** A protocol action in the alert's current step (version 1, or the one open track that offers it). */
  z.strictObject({ kind: z.literal('act'), alert_id: id, action: id, inputs }),
  /** An action in a named track of a version-2 run; `party`: the party a liaison's move is for. */
  z.strictObject({
    kind: z.literal('take-action'),
    alert_id: id,
    track: id,
    action: id,
    inputs,
    party: id.optional(),
  }),
  z.strictObject({
    kind: z.literal('party-ack'),
    alert_id: id,
    party: id,
    how: text,
    track: id.optional(),
  }),
  z.strictObject({
    kind: z.literal('severity-prompt'),
    alert_id: id,
    answer: z.enum(['jump', 'dismiss']),
  }),
  z.strictObject({ kind: z.literal('link'), primary: id, other: id }),
  z.strictObject({ kind: z.literal('unlink'), alert_id: id }),
  z.strictObject({ kind: z.literal('note'), text, alert_id: id.optional() }),
  z.strictObject({ kind: z.literal('link-message'), event_id: id, alert_id: id }),
  z.strictObject({
    kind: z.literal('report'),
    product: z.enum(REPORT_PRODUCTS),
    text,
    alert_id: id.optional(),
  }),
  z.strictObject({
    kind: z.literal('inject'),
    summary: text,
    lat: z.number().min(-90).max(90).optional(),
    lon: z.number().min(-180).max(180).optional(),
    from: z.string().max(200).optional(),
    to: z.string().max(200).optional(),
    method: z.string().max(200).optional(),
  }),
  z.strictObject({ kind: z.literal('take-over'), party: id }),
  z.strictObject({ kind: z.literal('end'), reason: z.string().max(400) }),
]);
export type RoomIntent = z.infer<typeof RoomIntent>;
export type RoomIntentKind = RoomIntent['kind'];

/**
 * Which seat roles may send each intent. Where the engine checks a role the
 * entry follows it (inject and end: controller; take-over: controller, and a
 * party seat for its own parties, as the SimCell is control's; party moves in
 * take-action: the party's liaison, the engine refusing anyone else's; party
 * acknowledgements: the recorders and the party itself). The clock is the
 * room's rule: one person runs it.
 */
export const INTENT_ROLES: Readonly<Record<RoomIntentKind, readonly SeatRole[]>> = {
  clock: ['controller'],
  ack: ['operator', 'controller'],
  'start-protocol': ['operator', 'controller'],
  act: ['operator', 'controller'],
  'take-action': ['operator', 'controller', 'party'],
  'party-ack': ['operator', 'controller', 'party'],
  'severity-prompt': ['operator', 'controller'],
  link: ['operator', 'controller'],
  unlink: ['operator', 'controller'],
  note: ['operator', 'controller', 'evaluator'],
  'link-message': ['operator', 'controller'],
  report: ['operator', 'controller'],
  inject: ['controller'],
  'take-over': ['controller', 'party'],
  end: ['controller'],
};

/** The party an intent speaks for, if any (a party seat may speak only for its own). */
function partyOf(intent: RoomIntent): string | undefined {
  switch (intent.kind) {
    case 'take-action':
    case 'party-ack':
    case 'take-over':
      return intent.party;
    default:
      return undefined;
  }
}

/** Why a seat may not send this intent, or null when the room lets it through to the engine. */
export function permissionRefusal(assignment: SeatAssignment, intent: RoomIntent): string | null {
  const allowed = INTENT_ROLES[intent.kind];
  if (!allowed.includes(assignment.role)) {
    return `a seat of role ${assignment.role} cannot send "${intent.kind}" (only ${allowed.join(', ')})`;
  }
  if (assignment.role === 'party') {
    const party = partyOf(intent);
    if (party === undefined) {
      return `a party seat names the party it acts for in "${intent.kind}"`;
    }
    if (!assignment.parties.includes(party)) {
      return `this seat plays ${assignment.parties.join(', ')}, not ${party}`;
    }
  }
  return null;
}

/** A seat as the engine sees it: its participant name and fixed role. */
export interface SeatIdentity {
  name: string;
  assignment: SeatAssignment;
}

/**
 * The engine actor for a seat's intent. Evaluators write as control (their
 * notes are control material, redacted from everyone else); a party seat
 * takes its party over as control (the SimCell is exercise staff) and makes
 * its moves as that party's liaison under the same name, which is what the
 * engine requires of a taken-over party.
 */
function actorFor(seat: SeatIdentity, intent: RoomIntent): ExerciseActor | RunActor {
  const { role } = seat.assignment;
  if (role === 'party') {
    if (intent.kind === 'take-over') return { name: seat.name, role: 'controller' };
    return { name: seat.name, role: 'party', party: partyOf(intent)! };
  }
  if (role === 'operator') return { name: seat.name, role: 'operator' };
  return { name: seat.name, role: 'controller' };
}

/** Raised for an intent the room refuses before the engine sees it. */
export class RoomRefusal extends Error {
  override name = 'RoomRefusal';
}

/**
 * Runs an allowed intent on the engine as the seat. Throws RoomRefusal for
 * what the room refuses, and the engine's IntentRefused for what it does.
 */
export async function executeIntent(
  engine: ExerciseEngine,
  seat: SeatIdentity,
  intent: RoomIntent,
): Promise<void> {
  const refusal = permissionRefusal(seat.assignment, intent);
  if (refusal) throw new RoomRefusal(refusal);
  const actor = actorFor(seat, intent);
  // Only the intents that the engine runs for a party's liaison take a RunActor.
  const plain = actor as ExerciseActor;
  switch (intent.kind) {
    case 'clock':
      if (intent.action === 'play') return engine.play(plain);
      if (intent.action === 'pause') return engine.pause(intent.reason, plain);
      if (intent.action === 'speed') {
        if (intent.speed === undefined) throw new RoomRefusal('a speed change names the speed');
        return engine.setSpeed(intent.speed, plain);
      }
      if (intent.to === undefined) throw new RoomRefusal('a seek names the time to go to');
      // As the host's own "Skip to": the log written in groups (see ExerciseEngine.seek).
      return engine.seek(Date.parse(intent.to), plain, { inGroups: true });
    case 'ack':
      return engine.acknowledge(intent.alert_id, plain);
    case 'start-protocol':
      return engine.startProtocol(intent.alert_id, plain);
    case 'act':
      return engine.act(intent.alert_id, intent.action, intent.inputs, plain);
    case 'take-action':
      return engine.takeAction(
        intent.alert_id,
        {
          track: intent.track,
          action: intent.action,
          inputs: intent.inputs,
          ...(intent.party !== undefined ? { party: intent.party } : {}),
        },
        actor,
      );
    case 'party-ack':
      return engine.ackParty(intent.alert_id, intent.party, intent.how, actor, intent.track);
    case 'severity-prompt':
      return intent.answer === 'jump'
        ? engine.jumpToEntry(intent.alert_id, plain)
        : engine.dismissSeverityPrompt(intent.alert_id, plain);
    case 'link':
      return engine.link(intent.primary, intent.other, plain);
    case 'unlink':
      return engine.unlink(intent.alert_id, plain);
    case 'note':
      return engine.note(intent.text, intent.alert_id, plain);
    case 'link-message':
      return engine.linkMessage(intent.event_id, intent.alert_id, plain);
    case 'report':
      return engine.issueProduct(intent.product, intent.text, intent.alert_id, plain);
    case 'inject': {
      const { kind: _kind, ...input } = intent;
      return engine.inject(input, plain);
    }
    case 'take-over':
      return engine.takeOverParty(intent.party, plain);
    case 'end':
      return engine.end(intent.reason, plain);
  }
}
