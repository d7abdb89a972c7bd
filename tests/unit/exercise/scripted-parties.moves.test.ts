// The parties' scripted moves in a version-2 run, read straight off the run:
// who acknowledges, replies, asks for a meeting, attends or refuses it and
// accepts the measures, when, and in what words, as each party's conduct says
// (docs/SCENARIO-FORMAT.md section 8, "Party script"). The engine plays these
// moves on the exercise clock (exercise.protocol-v2.test.ts).
import { describe, expect, it } from 'vitest';
import { openTracks, recordRunAck, type ProtocolRun } from '../../../shared/protocol/protocol-run';
import {
  SCRIPTED_ACTOR,
  scriptedMoves,
  type RunScript,
} from '../../../shared/exercise/scripted-parties';
import { DEFAULT_VIA, replyText, type Conduct } from '../../../shared/exercise/sim-cell';
import {
  CONFIRMED,
  HOUR,
  MIN,
  T0,
  act,
  confirmedRun,
  ctx,
  liaison,
  meeting,
  requested,
} from '../protocol/v2-run-fixture';

const COOPERATIVE: Conduct = {
  acknowledge: { after_min: 10 },
  reply: { kind: 'denies', after_h: 24 },
  meeting: 'attends',
  accepts_measures: true,
  requests_meeting: false,
};

function scriptOf(conduct: Record<string, Partial<Conduct>> = {}): RunScript {
  return {
    conduct: (party) => ({ ...COOPERATIVE, ...conduct[party] }),
    partyName: (party) => ctx.parties.find((p) => p.id === party)!.name,
    title: 'Shelling of Kerrow',
  };
}

const none = () => false;
const of = (moves: ReturnType<typeof scriptedMoves>, track: string) =>
  moves.filter((m) => m.track === track);

describe('scripted parties: acknowledgements', () => {
  it("acknowledge the hotline call when each party's script says, by the way it names", () => {
    const moves = scriptedMoves(
      ctx,
      confirmedRun(),
      scriptOf({
        A: { acknowledge: { after_min: 25, via: 'fax' } },
        B: { acknowledge: { after_min: 5 } },
      }),
      none,
    );
    expect(of(moves, 'hotline')).toEqual([
      { kind: 'ack', at: CONFIRMED + 5 * MIN, track: 'hotline', party: 'B', how: DEFAULT_VIA },
      { kind: 'ack', at: CONFIRMED + 25 * MIN, track: 'hotline', party: 'A', how: 'fax' },
    ]);
  });

  it('leave out a party that never acknowledges, one that has, and one its controller plays', () => {
    const script = scriptOf({ B: { acknowledge: 'never' } });
    expect(
      of(scriptedMoves(ctx, confirmedRun(), script, none), 'hotline').map((m) => m.party),
    ).toEqual(['A']);
    const ackedA = recordRunAck(
      ctx,
      confirmedRun(),
      'hotline',
      'A',
      'phone',
      liaison('A'),
      CONFIRMED + MIN,
    );
    expect(of(scriptedMoves(ctx, ackedA, scriptOf(), none), 'hotline').map((m) => m.party)).toEqual(
      ['B'],
    );
    expect(
      of(
        scriptedMoves(ctx, confirmedRun(), scriptOf(), (p) => p === 'B'),
        'hotline',
      ).map((m) => m.party),
    ).toEqual(['A']);
  });
});

describe('scripted parties: the reply to a request for explanation', () => {
  it('comes from the party addressed only, after the hours its script gives, in the words made for it', () => {
    const sent = T0 + 2 * HOUR;
    const moves = of(scriptedMoves(ctx, requested('B', sent), scriptOf(), none), 'explanation');
    expect(moves).toEqual([
      {
        kind: 'move',
        at: sent + 24 * HOUR,
        track: 'explanation',
        party: 'B',
        move: 'reply',
        inputs: { kind: 'denies', text: replyText('Bravo', 'denies', 'Shelling of Kerrow') },
      },
    ]);
    const reply = moves[0]!;
    expect(reply.kind === 'move' && reply.inputs.text).toBe(
      'Bravo denies the activity the Mission reported (Shelling of Kerrow).',
    );
  });

  it('comes from every party when the request went to all, each in its own time and words', () => {
    const sent = T0 + 2 * HOUR;
    const script = scriptOf({
      A: { reply: { kind: 'admits', after_h: 6, text: 'We regret the incident.' } },
      B: { reply: { kind: 'counter-accuses' } },
    });
    const moves = of(scriptedMoves(ctx, requested('all', sent), script, none), 'explanation');
    expect(moves.map((m) => [m.party, m.at - sent, m.kind === 'move' && m.inputs])).toEqual([
      [
        'B',
        0,
        {
          kind: 'counter-accuses',
          text: replyText('Bravo', 'counter-accuses', 'Shelling of Kerrow'),
        },
      ],
      ['A', 6 * HOUR, { kind: 'admits', text: 'We regret the incident.' }],
    ]);
  });

  it('does not come from a party that does not reply, has replied, or is played by its controller', () => {
    // Silent: not even the meeting request its script would send with a reply.
    const silent = scriptOf({ B: { reply: { kind: 'no-reply' }, requests_meeting: true } });
    expect(of(scriptedMoves(ctx, requested('B'), silent, none), 'explanation')).toEqual([]);
    expect(
      of(
        scriptedMoves(ctx, requested('B'), scriptOf(), (p) => p === 'B'),
        'explanation',
      ),
    ).toEqual([]);
    const replied = act(
      requested('all'),
      {
        track: 'explanation',
        action: 'reply',
        party: 'A',
        inputs: { kind: 'denies', text: 'No.' },
      },
      T0 + 3 * HOUR,
      liaison('A'),
    );
    // A's reply moved the track on to assessing it: nothing is due from anyone there.
    expect(of(scriptedMoves(ctx, replied, scriptOf(), none), 'explanation')).toEqual([]);
  });

  it('is preceded by a meeting request from a party whose script asks for one', () => {
    const sent = T0 + 2 * HOUR;
    const moves = of(
      scriptedMoves(
        ctx,
        requested('B', sent),
        scriptOf({ B: { requests_meeting: true, reply: { kind: 'denies', after_h: 2 } } }),
        none,
      ),
      'explanation',
    );
    expect(moves.map((m) => [m.kind === 'move' && m.move, m.at - sent])).toEqual([
      ['meeting-request', 2 * HOUR],
      ['reply', 2 * HOUR],
    ]);
  });
});

describe('scripted parties: the joint commission', () => {
  it('attend when the meeting opens and accept the measures, or refuse it in their own name', () => {
    const opened = T0 + 3 * HOUR;
    const moves = of(
      scriptedMoves(ctx, meeting(opened), scriptOf({ B: { meeting: 'refuses' } }), none),
      'consultation',
    );
    expect(moves).toEqual([
      { kind: 'move', at: opened, track: 'consultation', party: 'A', move: 'attend', inputs: {} },
      {
        kind: 'move',
        at: opened,
        track: 'consultation',
        party: 'A',
        move: 'accept-measures',
        inputs: {},
      },
      {
        kind: 'move',
        at: opened,
        track: 'consultation',
        party: 'B',
        move: 'refuse-meeting',
        inputs: { rationale: 'Bravo refuses to attend the meeting.' },
      },
    ]);
  });

  it('accept the measures only when the script says so, and only once', () => {
    const opened = T0 + 3 * HOUR;
    const unwilling = scriptOf({ A: { accepts_measures: false }, B: { accepts_measures: false } });
    expect(
      of(scriptedMoves(ctx, meeting(opened), unwilling, none), 'consultation').map(
        (m) => m.kind === 'move' && m.move,
      ),
    ).toEqual(['attend', 'attend']);
    let run = act(
      meeting(opened),
      { track: 'consultation', action: 'attend', party: 'A', inputs: {} },
      opened + HOUR,
      liaison('A'),
    );
    run = act(
      run,
      { track: 'consultation', action: 'accept-measures', party: 'A', inputs: {} },
      opened + 2 * HOUR,
      liaison('A'),
    );
    const left = of(scriptedMoves(ctx, run, scriptOf(), none), 'consultation');
    expect(left.map((m) => [m.party, m.kind === 'move' && m.move])).toEqual([
      ['B', 'attend'],
      ['B', 'accept-measures'],
    ]);
  });

  it('accept the measures from the time a party attended when it attended late', () => {
    const opened = T0 + 3 * HOUR;
    const run = act(
      meeting(opened),
      { track: 'consultation', action: 'attend', party: 'A', inputs: {} },
      opened + HOUR,
      liaison('A'),
    );
    expect(of(scriptedMoves(ctx, run, scriptOf(), none), 'consultation')).toContainEqual(
      expect.objectContaining({ party: 'A', move: 'accept-measures', at: opened + HOUR }),
    );
  });
});

describe('scripted parties: the run as a whole', () => {
  it('makes no move in a closed run, and names its liaison as the script', () => {
    const run = meeting();
    const closed: ProtocolRun = { ...run, closed: true, closedAt: T0 + 4 * HOUR };
    expect(scriptedMoves(ctx, closed, scriptOf(), none)).toEqual([]);
    expect(SCRIPTED_ACTOR).toBe('SimCell (scripted)');
  });

  it("lists every open track's moves earliest first, each party's in the order it makes them", () => {
    const moves = scriptedMoves(ctx, meeting(CONFIRMED + 5 * MIN), scriptOf(), none);
    const times = moves.map((m) => m.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(moves.map((m) => [m.track, m.party, m.kind === 'move' ? m.move : 'ack'])).toEqual([
      ['consultation', 'A', 'attend'],
      ['consultation', 'A', 'accept-measures'],
      ['consultation', 'B', 'attend'],
      ['consultation', 'B', 'accept-measures'],
      ['hotline', 'A', 'ack'],
      ['hotline', 'B', 'ack'],
    ]);
    expect(openTracks(meeting()).map((t) => t.track)).toContain('hotline');
  });
});
