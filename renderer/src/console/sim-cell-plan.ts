// What the SimCell panel sends for a request and how it words the script's
// response, kept pure for the tests.
import { PARTY_MOVES, type PartyMove, type ProtocolInput } from '../../../shared/protocol/schema';
import type { ActionInputs } from '../../../shared/protocol/protocol-state';
import type { ScriptedResponse, SimCellRequest } from '../../../shared/exercise/sim-cell-status';
import type { OfferedRunAction } from '../../../shared/protocol/protocol-run';
import type { AlertView } from './view-model';
import { moveVerb } from '../protocol/run-walkthrough-model';
import { formatExerciseTime } from '../replay/exercise-time-format';

/** One response the controller sends for a party. */
export type SendPlan =
  { kind: 'ack'; how: string } | { kind: 'move'; move: PartyMove; inputs: ActionInputs };

/** The script's first response to a request as something to send now, or null when it stays silent. */
export function sendPlan(request: SimCellRequest): SendPlan | null {
  const first = request.scripted[0];
  if (!first) return null;
  return first.kind === 'ack'
    ? { kind: 'ack', how: first.how }
    : { kind: 'move', move: first.move, inputs: { ...first.inputs } };
}

/** The inputs a party move always requires (shared/protocol/schema.ts PARTY_MOVES). */
export function moveInputs(move: PartyMove): ProtocolInput[] {
  return [...PARTY_MOVES[move].inputs];
}

/** "acknowledge via hotline at 06:10", "reply (denies) at 12:00: “…”"; a suggestion once taken over. */
export function responseText(
  response: ScriptedResponse,
  timezone: string,
  takenOver: boolean,
): string {
  const when = takenOver
    ? '(suggested; you play the party now)'
    : `at ${formatExerciseTime(response.at, timezone)}`;
  if (response.kind === 'ack') return `acknowledge via ${response.how} ${when}`;
  const kind = response.inputs.kind ? ` (${response.inputs.kind})` : '';
  const said = response.inputs.text ?? response.inputs.measures ?? response.inputs.rationale;
  return `${moveVerb(response.move)}${kind} ${when}${said ? `: “${said}”` : ''}`;
}

/** A step of an open run where the guarantors' chair acts, as the SimCell panel offers it. */
export interface ChairStep {
  alertId: string;
  alertTitle: string;
  track: string;
  trackTitle: string;
  stepId: string;
  stepTitle: string;
  deadlineFrom: number;
  deadlineAt: number | null;
  /** The actions the chair takes there. */
  actions: OfferedRunAction[];
}

/**
 * Every open track whose current step has an action of the guarantors'
 * chair — the controller plays the chair from the SimCell panel —, one per
 * run (an incident's alerts share their primary's run), earliest deadline first.
 */
export function chairSteps(alerts: readonly AlertView[]): ChairStep[] {
  const steps: ChairStep[] = [];
  for (const alert of alerts) {
    const run = alert.run;
    if (run === null || run.closed || (alert.incident !== null && !alert.incident.primary))
      continue;
    for (const t of run.tracks) {
      if (!t.open) continue;
      const actions = t.actions.filter((a) => a.roles.includes('guarantor-chair'));
      if (actions.length === 0) continue;
      steps.push({
        alertId: alert.id,
        alertTitle: alert.title,
        track: t.track,
        trackTitle: t.title,
        stepId: t.stepId,
        stepTitle: t.stepTitle,
        deadlineFrom: t.deadlineFrom,
        deadlineAt: t.deadlineAt,
        actions,
      });
    }
  }
  return steps.sort((a, b) => (a.deadlineAt ?? Infinity) - (b.deadlineAt ?? Infinity));
}
