// The headless operator on protocol version 2 links a launch to the impact
// it caused when the two fall into separate alerts (the guns 20 km from the
// town they shell), reading only what an operator sees: the launch's weapon,
// place, time and direction of fire, the impact's place and time. One
// incident, one protocol run; the request for explanation goes to the party
// the launch names. Ground truth changes nothing it does.
import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../shared/audit/entry';
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import { buildAfterActionReport } from '../../../shared/report/after-action-report';
import { operatorVisible } from '../../../shared/exercise/auto-operator';
import { createAutoOperatorV2 } from '../../../shared/exercise/auto-operator-v2';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { bearingDeg, landsFrom } from '../../../shared/exercise/launch-impact';
import { runHeadlessExercise } from '../../../shared/exercise/run-headless';
import { createSimCell } from '../../../shared/exercise/sim-cell';
import { BUILTIN_PROTOCOL_V2 } from '../../../shared/protocol/builtin-protocol';
import type { ScenarioEvent } from '../../../shared/scenario/schema';
import { MIN, T0, at, buildScenario } from './hand-scenario';

const operator = { name: 'auto-operator', role: 'operator' as const };
const WALL = () => new Date('2026-11-26T10:00:00.000Z');

// Guns inside the exclusion zone east of the line fire west; the rounds land
// 20 km away, across the line: beyond one alert's 10 km.
const GUNS = { lat: -44.55, lon: -120.45 };
const TOWN = { lat: -44.55, lon: -120.7 };

function launch(extra: Partial<ScenarioEvent> = {}): ScenarioEvent {
  return {
    id: 'gun-1',
    time: at(60),
    reported: at(61),
    source: 'ground-sensor',
    type: 'artillery-fire',
    subtype: 'outgoing',
    ...GUNS,
    precision_m: 400,
    confidence: 0.85,
    weapon_class: 'artillery',
    calibre_mm: 152,
    count: 6,
    bearing_deg: Math.round(bearingDeg(GUNS.lat, GUNS.lon, TOWN.lat, TOWN.lon)),
    party: 'B',
    ...extra,
  };
}

function impact(extra: Partial<ScenarioEvent> = {}): ScenarioEvent {
  return {
    id: 'town-1',
    time: at(61),
    reported: at(62),
    source: 'ground-sensor',
    type: 'artillery-fire',
    subtype: 'impact',
    ...TOWN,
    precision_m: 500,
    confidence: 0.8,
    count: 6,
    ...extra,
  };
}

async function play(events: ScenarioEvent[]) {
  const scenario = buildScenario(events, { end: T0 + 48 * 60 * MIN });
  const log = new MemoryAuditLog('ex', { now: WALL });
  const engine = await runHeadlessExercise({
    setup: prepareExercise(scenario, 'test', { protocol: BUILTIN_PROTOCOL_V2.document }),
    log,
    policy: createAutoOperatorV2(operator, createSimCell()),
  });
  return { engine, entries: log.entries() };
}

const links = (entries: readonly LogEntry[]) =>
  entries.filter((e) => e.kind === 'link').map((e) => e.data.alert_ids);

describe('a launch and its impact, in two alerts', () => {
  it('are linked by the operator into one incident, worked as one, the request naming the launch party', async () => {
    const { engine, entries } = await play([launch(), impact()]);
    expect(
      engine
        .alerts()
        .map((a) => a.id)
        .sort(),
    ).toEqual(['A-gun-1', 'A-town-1']);
    const linked = entries.filter((e) => e.kind === 'link');
    expect(linked).toHaveLength(1);
    expect(linked[0]!.role).toBe('operator');
    expect([...(linked[0]!.data.alert_ids as string[])].sort()).toEqual(['A-gun-1', 'A-town-1']);
    expect(engine.unitOf('A-gun-1')).toBe(engine.unitOf('A-town-1'));
    // One run for the incident: one request for explanation, to the launch's party.
    const requests = entries.filter(
      (e) => e.kind === 'protocol-action' && e.data.action === 'request-sent',
    );
    expect(requests).toHaveLength(1);
    expect((requests[0]!.data.inputs as Record<string, string>).party).toBe('B');
    // Linked within minutes of the impact showing.
    expect(Date.parse(linked[0]!.exercise_time!)).toBeLessThanOrEqual(T0 + 70 * MIN);
    // The after-action report lists the link among the key decisions.
    const scenario = buildScenario([launch(), impact()], { end: T0 + 48 * 60 * MIN });
    const report = await buildAfterActionReport({ scenario, entries, keyId: null });
    expect(report.timeline.map((d) => d.text)).toContainEqual(
      expect.stringMatching(
        /^Linked A-(gun|town)-1 into incident I-A-(gun|town)-1 of A-(gun|town)-1/,
      ),
    );
  });

  it('are not linked when the impact is off the direction of fire, too late, or only a patrol gave the bearing', async () => {
    const west = launch().bearing_deg!;
    for (const events of [
      [launch({ bearing_deg: (west + 90) % 360 }), impact()],
      [launch(), impact({ time: at(75), reported: at(76) })],
      [launch({ source: 'observer' }), impact()],
      [launch({ weapon_class: 'mortar', calibre_mm: 82 }), impact()],
    ]) {
      expect(links((await play(events)).entries)).toEqual([]);
    }
  });

  it('pairs only what an operator sees: truth, expected action and incident change nothing', async () => {
    const original = await play([launch(), impact()]);
    const blind = await play([
      launch({ truth: 'false-positive', incident: 'one', expected_action: 'Do not link.' }),
      impact({ truth: 'ambiguous', incident: 'two', expected_action: 'Close it.' }),
    ]);
    const story = (entries: readonly LogEntry[]) =>
      entries
        .slice(1)
        .map((e) => JSON.stringify([e.exercise_time, e.actor, e.kind, e.alert_id, e.data]));
    expect(story(blind.entries)).toEqual(story(original.entries));
    // The rule itself is given only the operator's view of an event.
    const seen = operatorVisible(launch({ truth: 'violation', incident: 'x' }));
    expect(Object.keys(seen)).not.toContain('truth');
    expect(landsFrom(seen, operatorVisible(impact()))).toBe(true);
  });
});
