// The party seat's controls: which intent each sends, and why a control is
// withheld (the script still plays the party, someone else plays it, the
// seat is offline).
import { describe, expect, it } from 'vitest';
import { RoomIntent } from '../../../shared/room/room-intents';
import type { InboxParty, InboxRequest } from '../../../shared/room/party-inbox';
import { PARTY_MOVE_IDS } from '../../../shared/protocol/schema';
import {
  ackIntent,
  moveForm,
  moveIntent,
  whyNotActing,
} from '../../../renderer/src/room-seat/party-moves';

const request: InboxRequest = {
  alertId: 'AL-7',
  alertTitle: 'Artillery fire — near Kerrow',
  track: 'explanation',
  trackTitle: 'Explanation',
  stepId: 'await-reply',
  stepTitle: 'Await the reply',
  ackDue: true,
  addressed: true,
  moves: ['reply', 'meeting-request'],
  enteredAt: 0,
  deadlineAt: 3_600_000,
};
const party = (takenOverBy: string | null): InboxParty => ({
  partyId: 'B',
  partyName: 'Republic of Dorsena',
  takenOverBy,
  requests: [request],
});

describe('party seat controls', () => {
  it('withholds every move while the script plays the party, another seat plays it, or the seat is offline', () => {
    expect(whyNotActing(party(null), 'liaison-B', false)).toMatch(/played by the exercise script/);
    expect(whyNotActing(party('someone else'), 'liaison-B', false)).toMatch(
      /played by someone else/,
    );
    expect(whyNotActing(party('liaison-B'), 'liaison-B', true)).toMatch(/read-only/);
    expect(whyNotActing(party('liaison-B'), 'liaison-B', false)).toBeNull();
  });

  it('sends a reply with its kind and the words written, for the request’s incident, track and party', () => {
    const intent = moveIntent(party('liaison-B'), request, 'reply', {
      kind: 'counter-accuses',
      text: '  Lanvera fired first.  ',
    });
    expect(intent).toEqual({
      kind: 'take-action',
      alert_id: 'AL-7',
      track: 'explanation',
      action: 'reply',
      inputs: { kind: 'counter-accuses', text: 'Lanvera fired first.' },
      party: 'B',
    });
  });

  it('makes every party move an intent the room accepts, each with the inputs the move requires', () => {
    for (const move of PARTY_MOVE_IDS) {
      const intent = moveIntent(party('liaison-B'), request, move, { text: 'words' });
      expect(RoomIntent.safeParse(intent).success, move).toBe(true);
      const form = moveForm(move);
      if (intent.kind !== 'take-action') throw new Error('not a take-action');
      if (form.kind === 'none') expect(intent.inputs, move).toEqual({});
      else expect(Object.values(intent.inputs), move).toContain('words');
    }
  });

  it('acknowledges on the request’s track, by hotline unless told how', () => {
    expect(ackIntent(party('liaison-B'), request, ' ')).toEqual({
      kind: 'party-ack',
      alert_id: 'AL-7',
      party: 'B',
      how: 'hotline',
      track: 'explanation',
    });
  });
});
