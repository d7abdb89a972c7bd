// The replay cursor's smaller promises, each pinned by an example: the report
// delay and snapshot spacing it derives from a scenario, the end of the
// events, what a backward seek costs (at most one snapshot interval replayed)
// and returns, and the rows of `rank --json`.
import { describe, expect, it } from 'vitest';
import {
  ReplayCursor,
  defaultSnapshotEvery,
  maxReportDelay,
  referencedIds,
} from '../../../shared/replay/cursor';
import { rankAlertsAt, rankRows } from '../../../shared/replay/rank-at';
import type { ReplayEvent } from '../../../shared/scenario/loaded-scenario';
import { T0 } from '../alerts/fixtures/build-scenario';
import { lineIncidents } from '../alerts/fixtures/line-incidents';

const MIN = 60_000;
const timed = (at: number, shownAt: number, refersTo?: string) =>
  ({
    at,
    shownAt,
    event: { id: `e-${at}`, ...(refersTo ? { refers_to: refersTo } : {}) },
  }) as unknown as ReplayEvent;

describe('what the cursor derives from a scenario', () => {
  it('takes the longest delay between happening and being reported', () => {
    expect(maxReportDelay([])).toBe(0);
    expect(maxReportDelay([timed(0, 5), timed(10, 40), timed(50, 60)])).toBe(30);
  });

  it('remembers only the ids some event refers to', () => {
    expect([...referencedIds([timed(0, 0), timed(1, 1, 'e-0'), timed(2, 2, 'e-0')])]).toEqual([
      'e-0',
    ]);
  });

  it('spaces snapshots at least 2,000 events apart, and at most 64 of them', () => {
    expect(defaultSnapshotEvery(10)).toBe(2000);
    expect(defaultSnapshotEvery(128_000)).toBe(2000);
    expect(defaultSnapshotEvery(1_000_000)).toBe(15_625);
  });
});

describe('showing events one by one', () => {
  it('stands at each event as it is shown, and says when the events are exhausted', () => {
    const scenario = lineIncidents();
    const cursor = new ReplayCursor(scenario);
    for (const expected of scenario.events) {
      expect(cursor.nextEventTime()).toBe(expected.shownAt);
      const { event } = cursor.showNext();
      expect(event).toBe(expected);
      expect(cursor.time).toBe(expected.shownAt);
    }
    expect(cursor.nextEventTime()).toBeNull();
    expect(() => cursor.showNext()).toThrow(
      `all ${scenario.events.length} scenario events have been shown`,
    );
  });
});

describe('a backward seek', () => {
  it('replays from the nearest snapshot: never more than one interval of events', () => {
    const scenario = lineIncidents();
    const every = 2;
    const cursor = new ReplayCursor(scenario, { snapshotEvery: every });
    cursor.advanceTo(scenario.end);
    for (const e of [...scenario.events].reverse()) {
      expect(cursor.seek(e.shownAt)).toEqual([]);
      expect(cursor.position).toBe(scenario.events.filter((x) => x.shownAt <= e.shownAt).length);
      expect(cursor.lastSeekReplayed).toBeLessThan(every);
      cursor.advanceTo(scenario.end);
    }
  });

  it('replays nothing when the target is where the cursor stands', () => {
    const scenario = lineIncidents();
    // One snapshot, at the start: a backward path would replay every event.
    const cursor = new ReplayCursor(scenario, { snapshotEvery: 1000 });
    cursor.advanceTo(scenario.end);
    cursor.seek(scenario.events[3]!.shownAt);
    expect(cursor.lastSeekReplayed).toBe(4);
    cursor.advanceTo(scenario.end);
    cursor.seek(cursor.time);
    expect(cursor.lastSeekReplayed).toBe(0);
    expect(cursor.position).toBe(scenario.events.length);
  });

  it('keeps an event injected at exactly the time sought', () => {
    const scenario = lineIncidents();
    const cursor = new ReplayCursor(scenario, { snapshotEvery: 2 });
    const at = T0 + 7 * 60 * MIN;
    cursor.advanceTo(at);
    const inject = {
      seq: scenario.events.length,
      at,
      shownAt: at,
      event: { id: 'inject-1', time: new Date(at).toISOString(), source: 'inject', type: 'inject' },
      zoneIds: [],
      lineDistanceKm: null,
      settlementId: null,
      settlementDistanceKm: null,
    } as ReplayEvent;
    cursor.inject(inject);
    cursor.advanceTo(scenario.end);
    cursor.seek(at);
    expect(cursor.injected.map((e) => e.event.id)).toEqual(['inject-1']);
    cursor.seek(at - 1);
    expect(cursor.injected).toEqual([]);
  });
});

describe('actions end backward seeks', () => {
  it('refuses to seek back once an alert is put under protocol, which keeps it from going quiet', () => {
    const scenario = lineIncidents();
    const cursor = new ReplayCursor(scenario, { snapshotEvery: 2 });
    cursor.advanceTo(scenario.events[0]!.shownAt);
    const [first] = cursor.engine.all();
    cursor.setProtocolActive(first!.id, true);
    expect(cursor.snapshotCount).toBe(0);
    cursor.advanceTo(scenario.end);
    expect(cursor.engine.get(first!.id)!.quiet).toBe(false);
    expect(() => cursor.seek(scenario.events[0]!.shownAt)).toThrow(/cannot seek back/);
  });
});

describe('rank --json rows', () => {
  it('numbers the alerts in rank order and carries both measures with their factors', () => {
    const scenario = lineIncidents();
    const alerts = rankAlertsAt(scenario, scenario.end);
    const rows = rankRows(alerts);
    expect(rows.map((r) => r.rank)).toEqual(alerts.map((_, i) => i + 1));
    const [row] = rows;
    const alert = alerts[0]!;
    expect(row).toEqual({
      rank: 1,
      id: alert.id,
      state: alert.state,
      gravity: alert.gravity,
      severity: alert.severity,
      certainty: alert.certainty,
      certainty_band: alert.certaintyBand,
      factors: alert.factors.map((f) => ({
        factor: f.factor,
        label: f.label,
        contribution: f.contribution,
      })),
      certainty_factors: alert.certaintyFactors.map((f) => ({
        factor: f.factor,
        label: f.label,
        contribution: f.contribution,
      })),
      event_ids: alert.eventIds,
      score: alert.gravity,
      zones: alert.zones,
      first_seen: alert.firstSeen,
      last_seen: alert.lastSeen,
      title: alert.title,
      links: alert.links.map((l) => ({
        event_id: l.eventId,
        refers_to: l.refersTo,
        alert_id: l.alertId,
      })),
      continues: alert.continues,
    });
    expect(row!.factors.length).toBeGreaterThan(0);
    expect(row!.certainty_factors.length).toBeGreaterThan(0);
  });
});

describe('a withheld event', () => {
  it('changes nothing when shown; one already shown cannot be withheld', () => {
    const scenario = lineIncidents();
    const plain = new ReplayCursor(scenario);
    expect(plain.showNext().changes.length).toBeGreaterThan(0);

    const cursor = new ReplayCursor(scenario);
    cursor.withhold(0);
    const { event, changes } = cursor.showNext();
    expect(event).toBe(scenario.events[0]);
    expect(changes).toEqual([]);
    expect(cursor.engine.all()).toEqual([]);
    expect(() => cursor.withhold(0)).toThrow(
      'scenario event 0 has been shown already (the replay is at 1): it cannot be withheld',
    );
  });

  it('drops the snapshots that held it: a later seek past it replays as if it never came', () => {
    const scenario = lineIncidents();
    const events = scenario.events;
    // An event with room on both sides: the seek lands between it and the next.
    const k = events.findIndex(
      (e, i) => i >= 2 && i + 3 < events.length && events[i - 1]!.shownAt < e.shownAt,
    );
    const past = events[k + 2]!.shownAt;
    const cursor = new ReplayCursor(scenario, { snapshotEvery: 2 });
    // A first pass takes snapshots past k, holding it.
    cursor.advanceTo(scenario.end);
    cursor.seek(events[k - 1]!.shownAt);
    cursor.withhold(k);
    cursor.advanceTo(scenario.end);
    cursor.seek(past);

    const never = new ReplayCursor(scenario);
    never.withhold(k);
    never.advanceTo(past);
    const held = new ReplayCursor(scenario);
    held.advanceTo(past);
    expect(never.engine.all()).not.toEqual(held.engine.all());
    expect(cursor.engine.all()).toEqual(never.engine.all());
  });
});
