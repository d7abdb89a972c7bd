// The controller's SimCell panel, read straight off the runs: for each party,
// every request an open run addresses to it (an acknowledgement due, a reply,
// the meeting), the moves it may make there, whether the request is its to
// answer, and what the script would answer; a party a controller took over
// is named so, with the script's line kept as a suggestion.
import { describe, expect, it } from 'vitest';
import { simCellStatus } from '../../../shared/exercise/sim-cell-status';
import type { ProtocolRun } from '../../../shared/protocol/protocol-run';
import { HOUR, T0, act, ctx, liaison, meeting, requested } from '../protocol/v2-run-fixture';

function status(run: ProtocolRun, takenOver = new Map<string, string>()) {
  return simCellStatus({
    ctx,
    partyScript: null,
    runs: new Map([['A-1', run]]),
    takenOver,
    titleOf: (id) => `Shelling (${id})`,
    eventsOf: () => [],
  });
}

const rows = (s: ReturnType<typeof status>, party: string) =>
  s.parties
    .find((p) => p.partyId === party)!
    .requests.map((r) => [
      r.track,
      r.stepId,
      r.ackDue,
      r.addressed,
      r.moves,
      r.scripted.map((m) => (m.kind === 'ack' ? `ack ${m.how}` : m.move)),
    ]);

describe('the SimCell panel', () => {
  it("lists each party's requests: the hotline acknowledgement, and the reply only the party asked must give", () => {
    const s = status(requested('B', T0 + 2 * HOUR));
    expect(s.parties.map((p) => [p.partyId, p.partyName, p.takenOverBy])).toEqual([
      ['A', 'Alpha', null],
      ['B', 'Bravo', null],
    ]);
    expect(rows(s, 'B')).toEqual([
      ['hotline', 'notify-parties', true, true, [], ['ack hotline, duty officer']],
      ['explanation', 'await-reply', false, true, ['reply', 'meeting-request'], ['reply']],
    ]);
    // A was not asked: free to reply or ask for a meeting, not addressed, the script silent.
    expect(rows(s, 'A')[1]).toEqual([
      'explanation',
      'await-reply',
      false,
      false,
      ['reply', 'meeting-request'],
      [],
    ]);
    const request = s.parties[1]!.requests[1]!;
    expect([request.alertId, request.alertTitle, request.trackTitle, request.stepTitle]).toEqual([
      'A-1',
      'Shelling (A-1)',
      'Request for explanation',
      "Await the party's reply",
    ]);
  });

  it('lists the meeting for every party, with the moves still open and the script as a suggestion for a party taken over', () => {
    const opened = T0 + 3 * HOUR;
    const run = act(
      meeting(opened),
      { track: 'consultation', action: 'attend', party: 'A', inputs: {} },
      opened,
      liaison('A'),
    );
    const s = status(run, new Map([['A', 'control-2']]));
    expect(s.parties[0]!.takenOverBy).toBe('control-2');
    const consultation = (party: string) =>
      rows(s, party).find(([track]) => track === 'consultation');
    expect(consultation('A')).toEqual([
      'consultation',
      'meeting',
      false,
      true,
      ['refuse-meeting', 'propose-measures', 'accept-measures'],
      ['accept-measures'],
    ]);
    expect(consultation('B')).toEqual([
      'consultation',
      'meeting',
      false,
      true,
      ['attend', 'refuse-meeting', 'propose-measures', 'accept-measures'],
      ['attend', 'accept-measures'],
    ]);
  });

  it('lists nothing of a closed run', () => {
    const run = { ...meeting(), closed: true, closedAt: T0 + 4 * HOUR };
    expect(status(run).parties.map((p) => p.requests)).toEqual([[], []]);
  });
});
