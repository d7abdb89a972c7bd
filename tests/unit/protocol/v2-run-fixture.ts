// Version-2 protocol runs built step by step on the built-in protocol, for
// the run's own tests and those that read a run (the parties' scripted
// moves, the walkthrough's status): two parties and the mission, an incident
// at T0 entering triage half an hour later.
import { BUILTIN_PROTOCOL_V2 } from '../../../shared/protocol/builtin-protocol';
import {
  startRun,
  takeAction,
  type ProtocolRun,
  type RunActor,
  type RunContext,
  type RunIntent,
} from '../../../shared/protocol/protocol-run';

export const ctx: RunContext = {
  protocol: BUILTIN_PROTOCOL_V2,
  parties: [
    { id: 'A', name: 'Alpha', role: 'party' },
    { id: 'B', name: 'Bravo', role: 'party' },
    { id: 'MM', name: 'Mission', role: 'monitor' },
  ],
};
export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const T0 = Date.UTC(2031, 5, 1, 6, 0);
/** When triage entered (by bands) and when the operator confirmed the violation. */
export const TRIAGED = T0 + 30 * MIN;
export const CONFIRMED = T0 + 40 * MIN;
/** The inputs of closing at triage as a false alarm: every finding the run asks for. */
export const FALSE_ALARM = {
  rationale: 'a harvester, not a gun',
  attribution: 'unattributed',
  intent: 'undetermined',
  outcome: 'false-alarm',
  evidence: 'drone imagery',
  summary: 'A harvester working at night, not a gun.',
};
export const op: RunActor = { name: 'op', role: 'operator' };
export const liaison = (party: string): RunActor => ({
  name: `lo-${party}`,
  role: 'party',
  party,
});

export function act(run: ProtocolRun, intent: RunIntent, at: number, actor = op): ProtocolRun {
  return takeAction(ctx, run, intent, actor, at);
}

/** Triage entered by bands (high, probable) 30 minutes after the incident. */
export function triageRun(): ProtocolRun {
  return startRun(BUILTIN_PROTOCOL_V2, 'A-1', 'triage', TRIAGED, T0, {
    kind: 'entry',
    gravity: 'high',
    certainty: 'probable',
  });
}

/** Confirmed 40 minutes after the incident: hotline, explanation, consultation and reporting open. */
export function confirmedRun(): ProtocolRun {
  return act(
    triageRun(),
    {
      track: 'triage',
      action: 'confirmed-violation',
      inputs: { rationale: 'radar and observer agree' },
    },
    CONFIRMED,
  );
}

/** The request for explanation sent at `at` to `party` (or every party). */
export function requested(party: string, at = T0 + 2 * HOUR): ProtocolRun {
  return act(
    confirmedRun(),
    { track: 'explanation', action: 'request-sent', inputs: { party, evidence: 'ev-1' } },
    at,
  );
}

/** The joint commission opened at `at`. */
export function meeting(at = T0 + 3 * HOUR): ProtocolRun {
  return act(
    confirmedRun(),
    { track: 'consultation', action: 'meeting-opened', inputs: { summary: 'video link' } },
    at,
  );
}
