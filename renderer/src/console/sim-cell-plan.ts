// What the SimCell panel sends for a request and how it words the script's
// response, kept pure for the tests.
import { PARTY_MOVES, type PartyMove, type ProtocolInput } from '../../../shared/protocol/schema';
import type { ActionInputs } from '../../../shared/protocol/protocol-state';
import type { ScriptedResponse, SimCellRequest } from '../../../shared/exercise/sim-cell-status';
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
