// A party seat's inbox (docs/ROOMS.md, "A party's inbox"): what the mission's
// open protocol runs ask of the parties that seat plays — an acknowledgement
// due, a reply, a meeting, a visit — with the step's deadline and the moves
// the party may make there. The host works it out from its engine after each
// committed batch and sends it to party seats only when it changed. It is
// the SimCell status without the party script (controller-only material) and
// without other parties' requests; the log entries behind it stay redacted
// for the party, so this is the one place a party reads the mission's asks.
import { z } from 'zod';
import { PARTY_MOVE_IDS, type PartyMove } from '../protocol/schema';
import type { SimCellStatus } from '../exercise/sim-cell-status';

z.config({ jitless: true });

const text = z.string().max(400);
const time = z.number().int();

export const InboxRequest = z.strictObject({
  alertId: text,
  alertTitle: text,
  track: text,
  trackTitle: text,
  stepId: text,
  stepTitle: text,
  /** The step waits for this party's acknowledgement. */
  ackDue: z.boolean(),
  /** The step asks this party for something (else it only leaves room for an initiative). */
  addressed: z.boolean(),
  moves: z.array(z.enum(PARTY_MOVE_IDS as [PartyMove, ...PartyMove[]])).max(PARTY_MOVE_IDS.length),
  enteredAt: time,
  deadlineAt: time.nullable(),
});
export type InboxRequest = z.infer<typeof InboxRequest>;

export const InboxParty = z.strictObject({
  partyId: text,
  partyName: text,
  /** Who plays the party live (the seat's own name once it took the party over), or null: the script. */
  takenOverBy: text.nullable(),
  requests: z.array(InboxRequest).max(10_000),
});
export type InboxParty = z.infer<typeof InboxParty>;

export const PartyInbox = z.strictObject({ parties: z.array(InboxParty).max(64) });
export type PartyInbox = z.infer<typeof PartyInbox>;

/** The inbox of a seat playing `parties`, from the SimCell status built without the script. */
export function partyInboxOf(status: SimCellStatus | null, parties: readonly string[]): PartyInbox {
  if (status === null) return { parties: [] };
  return {
    parties: status.parties
      .filter((p) => parties.includes(p.partyId))
      .map((p) => ({
        partyId: p.partyId,
        partyName: p.partyName,
        takenOverBy: p.takenOverBy,
        requests: p.requests.map((r) => ({
          alertId: r.alertId,
          alertTitle: r.alertTitle,
          track: r.track,
          trackTitle: r.trackTitle,
          stepId: r.stepId,
          stepTitle: r.stepTitle,
          ackDue: r.ackDue,
          addressed: r.addressed,
          moves: [...r.moves],
          enteredAt: r.enteredAt,
          deadlineAt: r.deadlineAt,
        })),
      })),
  };
}
