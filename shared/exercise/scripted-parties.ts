// The parties' scripted moves in a protocol-version-2 run: when each party
// asked in a track's current step acknowledges, replies, requests a meeting,
// attends or refuses it and accepts the measures, from the scenario's party
// script (docs/SCENARIO-FORMAT.md section 8, "Party script"). A pure function
// of the run, so the engine fires them on the exercise clock like its timers
// and a resumed exercise regenerates exactly the same moves.
import {
  checkRunAck,
  checkRunAction,
  missingRunAcks,
  openTracks,
  type ProtocolRun,
  type RunActor,
  type RunContext,
} from '../protocol/protocol-run';
import type { ActionInputs } from '../protocol/protocol-state';
import { ALL_PARTIES, actionRoles, isPartyMove, type PartyMove } from '../protocol/schema';
import { DEFAULT_VIA, replyText, type Conduct } from './sim-cell';

/** The actor name of every move the script makes (docs/AUDIT-LOG.md, `party-move`). */
export const SCRIPTED_ACTOR = 'SimCell (scripted)';

const MIN = 60_000;
const HOUR = 60 * MIN;

/** A move the script makes for one party, due at `at` (exercise ms). */
export type ScriptedMove =
  | { kind: 'ack'; at: number; track: string; party: string; how: string }
  | {
      kind: 'move';
      at: number;
      track: string;
      party: string;
      move: PartyMove;
      inputs: ActionInputs;
    };

/** What the script says about one run: each party's conduct, names, the alert's title. */
export interface RunScript {
  conduct(party: string): Conduct;
  partyName(party: string): string;
  title: string;
}

/** The liaison the script plays for a party. */
export function scriptedActor(party: string): RunActor {
  return { name: SCRIPTED_ACTOR, role: 'party', party };
}

/** Whom a track's request addressed: the last `party` input taken in it (`all`: every party), else every party. */
function addressees(run: ProtocolRun, track: string, parties: readonly string[]): string[] {
  for (let i = run.history.length - 1; i >= 0; i -= 1) {
    const taken = run.history[i]!;
    if (taken.track === track && taken.inputs.party !== undefined) {
      return taken.inputs.party === ALL_PARTIES ? [...parties] : [taken.inputs.party];
    }
  }
  return [...parties];
}

/**
 * Every move the script still has to make in the run's open tracks, earliest
 * first (ties in the order tracks were opened, then acknowledgements, then
 * moves in the order a party makes them). Parties in `takenOver` make no
 * scripted move: their controller plays them. Moves the run would refuse are
 * left out, so nothing due can be refused.
 */
export function scriptedMoves(
  ctx: RunContext,
  run: ProtocolRun,
  script: RunScript,
  takenOver: (party: string) => boolean,
): ScriptedMove[] {
  if (run.closed) return [];
  const parties = ctx.parties.filter((p) => p.role === 'party').map((p) => p.id);
  const moves: ScriptedMove[] = [];
  for (const { track, visit } of openTracks(run)) {
    const step = ctx.protocol.steps.get(visit.step)?.step;
    if (!step) continue;
    for (const party of missingRunAcks(ctx, run, track)) {
      if (takenOver(party)) continue;
      const ack = script.conduct(party).acknowledge;
      if (ack === 'never') continue;
      moves.push({
        kind: 'ack',
        at: visit.enteredAt + Math.round(ack.after_min * MIN),
        track,
        party,
        how: ack.via ?? DEFAULT_VIA,
      });
    }
    const offered = new Set(
      step.actions
        .filter((a) => actionRoles(step, a).includes('party') && isPartyMove(a.id))
        .map((a) => a.id as PartyMove),
    );
    const made = (party: string, move: PartyMove) =>
      visit.moves.find((m) => m.party === party && m.move === move);
    const push = (party: string, move: PartyMove, at: number, inputs: ActionInputs = {}) => {
      if (offered.has(move)) moves.push({ kind: 'move', at, track, party, move, inputs });
    };
    if (offered.has('reply')) {
      for (const party of addressees(run, track, parties)) {
        if (takenOver(party) || made(party, 'reply')) continue;
        const conduct = script.conduct(party);
        const { kind, after_h, text } = conduct.reply;
        if (kind === 'no-reply') continue;
        const at = visit.enteredAt + Math.round((after_h ?? 0) * HOUR);
        // A party that wants the matter before the joint commission says so
        // with its reply, before the reply moves the track on.
        if (conduct.requests_meeting && !made(party, 'meeting-request')) {
          push(party, 'meeting-request', at);
        }
        push(party, 'reply', at, {
          kind,
          text: text ?? replyText(script.partyName(party), kind, script.title),
        });
      }
    }
    for (const party of parties) {
      if (takenOver(party)) continue;
      const conduct = script.conduct(party);
      const attended = made(party, 'attend');
      if (!attended && !made(party, 'refuse-meeting')) {
        if (conduct.meeting === 'attends') push(party, 'attend', visit.enteredAt);
        else {
          push(party, 'refuse-meeting', visit.enteredAt, {
            rationale: `${script.partyName(party)} refuses to attend the meeting.`,
          });
        }
      }
      const attending =
        attended !== undefined || (conduct.meeting === 'attends' && offered.has('attend'));
      if (conduct.accepts_measures && attending && !made(party, 'accept-measures')) {
        push(party, 'accept-measures', attended?.at ?? visit.enteredAt);
      }
    }
  }
  // Refused moves are dropped: what is due can always be made.
  const due = moves.filter((m) =>
    m.kind === 'ack'
      ? checkRunAck(ctx, run, m.track, m.party, m.how, scriptedActor(m.party)) === null
      : checkRunAction(
          ctx,
          run,
          { track: m.track, action: m.move, inputs: m.inputs },
          scriptedActor(m.party),
        ) === null,
  );
  return due
    .map((m, i) => ({ m, i }))
    .sort((a, b) => a.m.at - b.m.at || a.i - b.i)
    .map(({ m }) => m);
}
