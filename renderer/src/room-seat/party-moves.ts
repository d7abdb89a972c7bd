// What a party seat may do about one request in its inbox (docs/ROOMS.md,
// "A party's inbox"), decided apart from the screen: the intent each control
// sends, and why a control is not offered. The engine decides again on the
// host; this only keeps the seat from offering what would be refused.
import type { InboxParty, InboxRequest } from '../../../shared/room/party-inbox';
import type { RoomIntent } from '../../../shared/room/room-intents';
import type { REPLY_KINDS } from '../../../shared/protocol/schema';
import { PARTY_MOVES, type PartyMove, type ProtocolInput } from '../../../shared/protocol/schema';

export type ReplyKind = (typeof REPLY_KINDS)[number];

/** What a move asks the liaison to write before it is sent. */
export type MoveForm =
  | { kind: 'none' }
  | { kind: 'reply' }
  | { kind: 'text'; input: 'rationale' | 'measures'; label: string };

export function moveForm(move: PartyMove): MoveForm {
  const inputs: readonly string[] = PARTY_MOVES[move].inputs;
  if (inputs.includes('kind')) return { kind: 'reply' };
  if (inputs.includes('rationale')) return { kind: 'text', input: 'rationale', label: 'Why' };
  if (inputs.includes('measures')) {
    return { kind: 'text', input: 'measures', label: 'Measures proposed' };
  }
  return { kind: 'none' };
}

/** The label of a move's button ("Reply", "Request a meeting"…). */
export function moveLabel(move: PartyMove): string {
  const verb = PARTY_MOVES[move].verb;
  return verb.charAt(0).toUpperCase() + verb.slice(1);
}

/**
 * Why this seat cannot act for the party now, or null: the liaison acts
 * only for a party it took over under its own name (docs/ROOMS.md,
 * "Decision"), and only while connected.
 */
export function whyNotActing(
  party: InboxParty,
  seatName: string,
  readOnly: boolean,
): string | null {
  if (readOnly) return 'read-only: this seat is not connected to the room';
  if (party.takenOverBy === null) {
    return `${party.partyName} is played by the exercise script: take it over to answer yourself`;
  }
  if (party.takenOverBy !== seatName) return `${party.partyName} is played by ${party.takenOverBy}`;
  return null;
}

/** The intent of a move on a request, with what the liaison wrote. */
export function moveIntent(
  party: InboxParty,
  request: InboxRequest,
  move: PartyMove,
  written: { kind?: ReplyKind; text?: string },
): RoomIntent {
  const form = moveForm(move);
  const inputs: Partial<Record<ProtocolInput, string>> = {};
  if (form.kind === 'reply') {
    inputs.kind = written.kind ?? 'denies';
    inputs.text = (written.text ?? '').trim();
  } else if (form.kind === 'text') {
    inputs[form.input] = (written.text ?? '').trim();
  }
  return {
    kind: 'take-action',
    alert_id: request.alertId,
    track: request.track,
    action: move,
    inputs,
    party: party.partyId,
  };
}

/** The acknowledgement of a request, said to have come by `how`. */
export function ackIntent(party: InboxParty, request: InboxRequest, how: string): RoomIntent {
  return {
    kind: 'party-ack',
    alert_id: request.alertId,
    party: party.partyId,
    how: how.trim() || 'hotline',
    track: request.track,
  };
}
