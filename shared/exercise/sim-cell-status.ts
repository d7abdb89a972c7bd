// What the controller's SimCell panel shows (docs/ESCALATION-PROTOCOL.md,
// "In the console"): for each party to the ceasefire, every request of an
// open version-2 run addressed to it — an acknowledgement due, a reply, a
// meeting, a visit — with its deadline, the moves the party may make there,
// and the party script's response. The script is controller-only material,
// so this is built for a controller's session only.
import {
  checkRunAction,
  missingRunAcks,
  openTracks,
  type ProtocolRun,
  type RunContext,
} from '../protocol/protocol-run';
import type { ActionInputs } from '../protocol/protocol-state';
import {
  ALL_PARTIES,
  actionRoles,
  isPartyMove,
  PARTY_MOVES,
  type PartyMove,
} from '../protocol/schema';
import type { PartyScript } from '../scenario/schema';
import type { ReplayEvent } from '../scenario/loaded-scenario';
import { scriptedActor, scriptedMoves, type ScriptedMove } from './scripted-parties';
import { conductOf, scriptOf } from './sim-cell';
import { partyNameOf } from './run-status';

/** The script's response to one request, as it would be made. */
export type ScriptedResponse =
  | { kind: 'ack'; at: number; how: string }
  | { kind: 'move'; at: number; move: PartyMove; inputs: ActionInputs };

/** One request a run's open track addresses to a party. */
export interface SimCellRequest {
  alertId: string;
  alertTitle: string;
  track: string;
  trackTitle: string;
  stepId: string;
  stepTitle: string;
  /** True when the step waits for this party's acknowledgement. */
  ackDue: boolean;
  /**
   * True when the step asks this party for something (an acknowledgement, a
   * reply, a visit, the meeting); false when it only leaves the party free to
   * take an initiative there (request a meeting, propose measures).
   */
  addressed: boolean;
  /** The moves the party may still make in this step (a once-per-visit move already made is gone). */
  moves: PartyMove[];
  enteredAt: number;
  deadlineAt: number | null;
  /** What the script would do, earliest first; empty when it stays silent. */
  scripted: ScriptedResponse[];
}

export interface SimCellParty {
  partyId: string;
  partyName: string;
  /** The controller playing the party live, or null while the script plays it. */
  takenOverBy: string | null;
  requests: SimCellRequest[];
}

export interface SimCellStatus {
  parties: SimCellParty[];
}

/** What the SimCell status is built from (the engine's public state). */
export interface SimCellInput {
  ctx: RunContext;
  partyScript: PartyScript | null;
  runs: ReadonlyMap<string, ProtocolRun>;
  takenOver: ReadonlyMap<string, string>;
  /** The title of the alert owning a run. */
  titleOf(alertId: string): string;
  /** The shown events of the alerts following a run, in replay order. */
  eventsOf(alertId: string): readonly ReplayEvent[];
}

/** Moves that answer a request; the others (meeting-request, propose-measures) are initiatives. */
const ANSWERS: ReadonlySet<PartyMove> = new Set([
  'reply',
  'visit-consent',
  'visit-refusal',
  'attend',
  'refuse-meeting',
  'accept-measures',
]);

/** Whom a track's request is addressed to: the last `party` input taken in it, else every party. */
function addressedTo(run: ProtocolRun, track: string, party: string): boolean {
  for (let i = run.history.length - 1; i >= 0; i -= 1) {
    const taken = run.history[i]!;
    if (taken.track === track && taken.inputs.party !== undefined) {
      return taken.inputs.party === ALL_PARTIES || taken.inputs.party === party;
    }
  }
  return true;
}

/** The moves of a step a party may still make in its current visit. */
function movesOpenTo(ctx: RunContext, run: ProtocolRun, track: string, party: string): PartyMove[] {
  const visit = openTracks(run).find((t) => t.track === track)?.visit;
  const step = visit && ctx.protocol.steps.get(visit.step)?.step;
  if (!visit || !step) return [];
  const moves: PartyMove[] = [];
  for (const action of step.actions) {
    if (!isPartyMove(action.id) || !actionRoles(step, action).includes('party')) continue;
    const made = visit.moves.some((m) => m.party === party && m.move === action.id);
    if (made && PARTY_MOVES[action.id].once) continue;
    // requires_moves and inputs aside, would the party's own liaison be let in?
    const probe = checkRunAction(
      ctx,
      run,
      { track, action: action.id, inputs: {} },
      scriptedActor(party),
    );
    if (probe !== null && probe.includes('liaison')) continue;
    moves.push(action.id);
  }
  return moves;
}

function responseOf(m: ScriptedMove): ScriptedResponse {
  return m.kind === 'ack'
    ? { kind: 'ack', at: m.at, how: m.how }
    : { kind: 'move', at: m.at, move: m.move, inputs: m.inputs };
}

/** Every party's pending requests across the open runs, and the script's responses. */
export function simCellStatus(input: SimCellInput): SimCellStatus {
  const { ctx } = input;
  const parties = ctx.parties.filter((p) => p.role === 'party');
  const byParty = new Map<string, SimCellRequest[]>(parties.map((p) => [p.id, []]));
  for (const [alertId, run] of input.runs) {
    if (run.closed) continue;
    const title = input.titleOf(alertId);
    const incident = scriptOf(input.partyScript, input.eventsOf(alertId));
    // What the script would do for every party, taken over or not: the
    // controller who took a party over sees the script's line as a suggestion.
    const script = scriptedMoves(
      ctx,
      run,
      {
        conduct: (party) => conductOf(input.partyScript, incident, party),
        partyName: (party) => partyNameOf(ctx.parties, party),
        title,
      },
      () => false,
    );
    for (const { track, visit } of openTracks(run)) {
      const step = ctx.protocol.steps.get(visit.step)?.step;
      if (!step) continue;
      const missing = missingRunAcks(ctx, run, track);
      for (const party of parties) {
        const ackDue = missing.includes(party.id);
        const moves = movesOpenTo(ctx, run, track, party.id);
        if (!ackDue && moves.length === 0) continue;
        const addressed =
          ackDue || (moves.some((m) => ANSWERS.has(m)) && addressedTo(run, track, party.id));
        byParty.get(party.id)!.push({
          alertId,
          alertTitle: title,
          track,
          trackTitle: ctx.protocol.tracks.get(track)?.title ?? track,
          stepId: step.id,
          stepTitle: step.title,
          ackDue,
          addressed,
          moves,
          enteredAt: visit.enteredAt,
          deadlineAt: visit.deadlineAt,
          scripted: script.filter((m) => m.track === track && m.party === party.id).map(responseOf),
        });
      }
    }
  }
  return {
    parties: parties.map((p) => ({
      partyId: p.id,
      partyName: p.name,
      takenOverBy: input.takenOver.get(p.id) ?? null,
      requests: byParty.get(p.id)!,
    })),
  };
}
