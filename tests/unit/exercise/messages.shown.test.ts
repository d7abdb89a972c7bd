// Which messages the console lists, read straight off the events: the
// scenario's injects shown so far but those the controller withheld, and every
// injected message, newest first; each with its text, sender, addressee and
// channel as the inject gives them, and whether it was sent live.
import { describe, expect, it } from 'vitest';
import { messageOf, messageSeqs, shownMessages } from '../../../shared/exercise/messages';
import type { ReplayEvent } from '../../../shared/scenario/loaded-scenario';
import type { ScenarioEvent } from '../../../shared/scenario/schema';

const T = Date.parse('2031-05-01T06:00:00.000Z');
const MIN = 60_000;

function replayed(seq: number, minute: number, event: Partial<ScenarioEvent>): ReplayEvent {
  return {
    seq,
    at: T + minute * MIN,
    shownAt: T + minute * MIN,
    event: {
      id: `e${seq}`,
      time: new Date(T + minute * MIN).toISOString(),
      source: 'inject',
      type: 'inject',
      lat: -44.9,
      lon: -120.49,
      summary: `message ${seq}`,
      ...event,
    } as ScenarioEvent,
    zoneIds: [],
    lineDistanceKm: null,
    settlementId: null,
    settlementDistanceKm: null,
  } as ReplayEvent;
}

describe('messageOf', () => {
  it('gives the text, sender, addressee and channel, trimmed; blank or missing ones as none', () => {
    const m = messageOf(
      replayed(0, 5, { 'x-from': '  Party A liaison  ', 'x-to': ' ', 'x-inject-kind': 'Hotline' }),
      1,
    );
    expect(m).toEqual({
      eventId: 'e0',
      seq: 0,
      at: T + 5 * MIN,
      text: 'message 0',
      from: 'Party A liaison',
      to: null,
      method: 'Hotline',
      live: false,
    });
    const bare = messageOf(replayed(0, 5, { summary: undefined, 'x-from': 7 }), 1);
    expect([bare.text, bare.from, bare.to, bare.method]).toEqual(['', null, null, null]);
  });

  it("is live from the first event past the scenario's own, unless told otherwise", () => {
    expect(messageOf(replayed(2, 5, {}), 3).live).toBe(false);
    expect(messageOf(replayed(3, 5, {}), 3).live).toBe(true);
    expect(messageOf(replayed(3, 5, {}), 3, false).live).toBe(false);
  });
});

describe('shownMessages', () => {
  const events = [
    replayed(0, 10, {}),
    replayed(1, 20, { source: 'observer', type: 'small-arms-fire' }),
    replayed(2, 30, {}),
    replayed(3, 30, {}),
    replayed(4, 40, {}),
  ];
  const seqs = messageSeqs(events);

  it('lists only injects, only those shown so far, newest first (the later one of a minute first)', () => {
    expect(seqs).toEqual([0, 2, 3, 4]);
    expect(shownMessages(events, seqs, 4, []).map((m) => m.eventId)).toEqual(['e3', 'e2', 'e0']);
    expect(shownMessages(events, seqs, 0, [])).toEqual([]);
  });

  it('leaves out what the controller withheld, and lists a held one delivered later as scripted', () => {
    // e2 was held, then delivered at minute 50 among the injected events;
    // e9 is a live message the controller wrote; the report is no message.
    const injected = [
      { ...replayed(5, 50, {}), event: { ...events[2]!.event } },
      replayed(6, 45, { id: 'e9' }),
      replayed(7, 46, { id: 'r1', source: 'observer', type: 'small-arms-fire' }),
    ];
    const shown = shownMessages(events, seqs, 5, injected, new Set([2, 99]));
    expect(shown.map((m) => [m.eventId, m.at, m.live])).toEqual([
      ['e2', T + 50 * MIN, false],
      ['e9', T + 45 * MIN, true],
      ['e4', T + 40 * MIN, false],
      ['e3', T + 30 * MIN, false],
      ['e0', T + 10 * MIN, false],
    ]);
  });
});
