import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../shared/audit/entry';
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import {
  chance,
  createAutoOperator,
  judgeEvidence,
  type AlertReading,
  needsTheParties,
} from '../../../shared/exercise/auto-operator';
import { createSimCell } from '../../../shared/exercise/sim-cell';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { runHeadlessExercise } from '../../../shared/exercise/run-headless';
import type { LoadedScenario } from '../../../shared/scenario/loaded-scenario';
import type { ScenarioEvent } from '../../../shared/scenario/schema';
import { MIN, T0, at, buildScenario, handEvents, V1_PROTOCOL } from './hand-scenario';

const operator = { name: 'auto', role: 'operator' as const };
const WALL = () => new Date('2026-11-26T10:00:00.000Z');

async function play(
  events: ScenarioEvent[],
  until?: number,
  partyScript: LoadedScenario['partyScript'] = null,
) {
  const scenario = buildScenario(events, { partyScript });
  const log = new MemoryAuditLog('ex', { now: WALL });
  const engine = await runHeadlessExercise({
    setup: prepareExercise(scenario, 'test', V1_PROTOCOL),
    log,
    policy: createAutoOperator(operator, createSimCell()),
    ...(until !== undefined ? { until } : {}),
  });
  return { engine, entries: log.entries() };
}
const story = (entries: readonly LogEntry[]) =>
  entries
    .slice(1)
    .map((e) => JSON.stringify([e.exercise_time, e.actor, e.kind, e.alert_id, e.step_id, e.data]));

// A busy hour: several strong incidents along the line within minutes.
function busyEvents(): ScenarioEvent[] {
  const events: ScenarioEvent[] = [];
  for (let i = 0; i < 5; i += 1) {
    const lat = -44.9 + i * 0.18;
    events.push(
      {
        id: `b${i}-gs`,
        time: at(120 + i * 3),
        source: 'ground-sensor',
        type: 'artillery-fire',
        lat,
        lon: -120.49,
        confidence: 0.8,
        weapon_class: 'artillery',
        calibre_mm: 152,
        count: 8,
        truth: 'violation',
      },
      {
        id: `b${i}-obs`,
        time: at(122 + i * 3),
        source: 'observer',
        type: 'explosion',
        subtype: 'impact',
        lat,
        lon: -120.51,
        confidence: 0.8,
        casualties: 1,
        truth: 'violation',
      },
    );
  }
  return events;
}

describe('auto operator', () => {
  it('applies the documented evidence rule to gravity and certainty', () => {
    const reading = (over: Partial<AlertReading>): AlertReading => ({
      gravity: 30,
      severity: 'low',
      certainty: 0.5,
      certaintyBand: 'possible',
      harm: false,
      breach: false,
      mission: false,
      protectedSite: false,
      kinds: ['drone'],
      ...over,
    });
    expect(judgeEvidence(reading({ certainty: 0.34, certaintyBand: 'unconfirmed' })).verdict).toBe(
      'weak',
    );
    // Harm or an attack on the mission is never closed as weak, however uncertain.
    expect(judgeEvidence(reading({ certainty: 0.2, harm: true })).verdict).toBe('unclear');
    expect(judgeEvidence(reading({ certainty: 0.2, mission: true })).verdict).toBe('unclear');
    expect(
      judgeEvidence(reading({ certainty: 0.2, gravity: 45, severity: 'medium' })).verdict,
    ).toBe('unclear');
    expect(judgeEvidence(reading({})).verdict).toBe('unclear');
    // Probable and serious: escalated.
    expect(
      judgeEvidence(reading({ certainty: 0.6, certaintyBand: 'probable', gravity: 40 })).verdict,
    ).toBe('strong');
    expect(
      judgeEvidence(reading({ certainty: 0.6, certaintyBand: 'probable', breach: true })).verdict,
    ).toBe('strong');
    expect(
      judgeEvidence(reading({ certainty: 0.59, gravity: 90, severity: 'critical' })).verdict,
    ).toBe('unclear');
    // A report on the ground cleared it.
    expect(
      judgeEvidence(reading({ certainty: 0, certaintyBand: 'cleared', gravity: 85 })).verdict,
    ).toBe('cleared');
    // Routine (medium, nothing that calls for the parties): recorded for the
    // daily report; grave, harmful, at the mission, a settlement or protected
    // site, or a weapon or forces where they are barred: before the parties.
    const routine = reading({ certainty: 0.7, gravity: 45, severity: 'medium' });
    expect(needsTheParties(routine)).toBe(false);
    for (const over of [
      { severity: 'high' as const, gravity: 60 },
      { severity: 'critical' as const, gravity: 80 },
      { harm: true },
      { mission: true },
      { breach: true },
      { protectedSite: true },
    ]) {
      expect(needsTheParties({ ...routine, ...over })).toBe(true);
    }
    expect(chance('x')).toBe(chance('x'));
    expect(chance('x')).not.toBe(chance('y'));
  });

  it('plays the same scenario the same way every time', async () => {
    const a = await play(handEvents());
    const b = await play(handEvents());
    expect(b.entries).toEqual(a.entries);
  });

  it('never reads truth, expected_action or incident: changing them changes nothing it does', async () => {
    const original = await play([...handEvents(), ...busyEvents()]);
    const altered = [...handEvents(), ...busyEvents()].map((e, i) => ({
      ...e,
      truth: (['violation', 'false-positive', 'ambiguous'] as const)[i % 3],
      expected_action: 'Close as a false alarm at once.',
      incident: `incident-${i % 2}`,
    }));
    const blind = await play(altered);
    expect(story(blind.entries)).toEqual(story(original.entries));
  });

  it('acts after human delays, one alert at a time, and breaches deadlines when busy', async () => {
    // Liaison officers slow to answer (25 min): with five alerts at once,
    // recording every acknowledgement pushes some past the 30-min deadline.
    const { entries } = await play([...handEvents(), ...busyEvents()], undefined, {
      default: { acknowledge: { after_min: 25 } },
    });
    const acts = entries.filter((e) => e.role === 'operator' && e.kind !== 'clock');
    // Nothing is done at the instant the alert appears.
    const opened = new Map(
      entries.filter((e) => e.kind === 'alert-opened').map((e) => [e.alert_id, e.exercise_time]),
    );
    for (const e of acts.filter((x) => x.kind === 'ack')) {
      expect(Date.parse(e.exercise_time!)).toBeGreaterThan(Date.parse(opened.get(e.alert_id)!));
    }
    // One alert at a time: no two operator entries at the same instant.
    const times = acts.map((e) => e.exercise_time);
    expect(new Set(times).size).toBe(times.length);
    const breaches = entries.filter(
      (e) => e.kind === 'deadline-breach' && Date.parse(e.exercise_time!) < T0 + 240 * MIN,
    );
    expect(breaches.length).toBeGreaterThan(0);
    // It works the protocol through: notifies, requests explanations, consults, closes.
    const actions = new Set(
      acts
        .filter((e) => e.kind === 'protocol-action')
        .map((e) => String(e.data.action ?? e.data.type)),
    );
    for (const a of ['escalate-now', 'all-acknowledged']) expect(actions).toContain(a);
    expect(entries.filter((e) => e.kind === 'party-ack').length).toBeGreaterThan(4);
    expect(entries.at(-1)).toMatchObject({
      kind: 'exercise-ended',
      data: { reason: 'scenario end reached' },
    });
  });

  it('closes a low alert with weak evidence as a false alarm, giving its reasons', async () => {
    const events: ScenarioEvent[] = [
      {
        id: 'col-1',
        time: at(30),
        source: 'observer',
        type: 'heavy-weapon-sighting',
        weapon_class: 'tank',
        lat: -44.2,
        lon: -120.1,
        confidence: 0.3,
        truth: 'false-positive',
      },
    ];
    const { engine, entries } = await play(events);
    const alert = engine.getSnapshot().alerts[0]!;
    expect([alert.severity, alert.certaintyBand]).toEqual(['low', 'unconfirmed']);
    expect(alert.closed).toBe(true);
    const close = entries.find((e) => e.data.action === 'false-alarm')!;
    expect(String((close.data.inputs as { rationale: string }).rationale)).toMatch(
      /^Certainty 0\.30 \(unconfirmed\) from observer, gravity \d+\.\d \(low\), no harm and no attack on the mission reported\.$/,
    );
  });

  it('closes an alert a patrol cleared as a false alarm, citing the clearing report', async () => {
    const events: ScenarioEvent[] = [
      {
        id: 'col-1',
        time: at(30),
        source: 'drone',
        type: 'vehicle-column',
        weapon_class: 'armoured-vehicle',
        count: 12,
        lat: -44.5,
        lon: -120.5,
        confidence: 0.7,
      },
      {
        id: 'pat-1',
        time: at(50),
        source: 'observer',
        type: 'vehicle-column',
        lat: -44.5,
        lon: -120.5,
        confidence: 0.9,
        assessment: 'clears',
        refers_to: 'col-1',
        summary: 'Combine harvesters.',
      },
    ];
    const { engine, entries } = await play(events);
    const alert = engine.getSnapshot().alerts[0]!;
    expect(alert.certaintyBand).toBe('cleared');
    expect(alert.closed).toBe(true);
    const close = entries.find((e) => e.data.action === 'false-alarm')!;
    expect(String((close.data.inputs as { rationale: string }).rationale)).toMatch(
      /^Cleared by observer report pat-1: consider closing as a false alarm; gravity \d+\.\d \(\w+\) does not stand\.$/,
    );
  });

  it('stops at --until and ends the exercise there', async () => {
    const { engine, entries } = await play(handEvents(), T0 + 90 * MIN);
    expect(engine.now).toBe(T0 + 90 * MIN);
    expect(entries.at(-1)).toMatchObject({
      kind: 'exercise-ended',
      data: { reason: 'stopped at 2026-03-01T01:30:00.000Z' },
    });
    expect(entries.at(-2)).toMatchObject({
      kind: 'clock',
      data: { action: 'pause', reason: 'stopped at --until' },
    });
  });
});

describe('auto operator on a scenario protocol', () => {
  it('works a protocol of the scenario own, recorded in exercise-created', async () => {
    const protocol = {
      id: 'hotline-only',
      version: 2,
      title: 'Hotline only',
      entry: {
        critical: 'call',
        high: 'assess',
        medium: 'assess',
        low: null,
        info: null,
        manual: 'assess',
      },
      steps: [
        {
          id: 'assess',
          title: 'Assess',
          instructions: 'Read the alert.',
          role: 'operator',
          deadline_min: 20,
          on_deadline: 'call',
          actions: [
            { id: 'call-parties', label: 'Call the parties', next: 'call' },
            { id: 'dismiss', label: 'Dismiss', next: 'close', requires: ['rationale'] },
          ],
        },
        {
          id: 'call',
          title: 'Call',
          instructions: 'Call every party.',
          role: 'operator',
          deadline_min: 45,
          on_deadline: 'flag',
          acks: 'all-parties',
          actions: [{ id: 'called', label: 'Everyone called', next: 'close', requires_acks: true }],
        },
      ],
    };
    const scenario = buildScenario(handEvents(), { protocol });
    const log = new MemoryAuditLog('ex', { now: WALL });
    const engine = await runHeadlessExercise({
      setup: prepareExercise(scenario, 'test'),
      log,
      policy: createAutoOperator(operator, createSimCell()),
    });
    const created = log.entries()[0]!.data as {
      protocol: { document: { id: string }; hash: string };
    };
    expect(created.protocol.document.id).toBe('hotline-only');
    expect(created.protocol.hash).toBe(engine.setup.protocol.hash);
    const mlrs = engine.getSnapshot().alerts.find((a) => a.id === 'A-mlrs-1')!;
    expect(mlrs.closed).toBe(true);
    expect(mlrs.protocol!.history.map((h) => h.stepId)).toEqual(['assess', 'call', 'close']);
    expect(
      log.entries().filter((e) => e.kind === 'party-ack' && e.alert_id === 'A-mlrs-1'),
    ).toHaveLength(2);
  });
});

describe('auto operator and the controller injects of the MSEL', () => {
  it('logs each inject in a note, then marks it read', async () => {
    const inject: ScenarioEvent = {
      id: 'MSEL-003',
      time: at(75),
      source: 'inject',
      type: 'inject',
      summary: 'Hotline call: Party A reports shelling and requests an emergency meeting.',
      'x-from': 'Party A liaison officer',
      'x-inject-kind': 'hotline call',
      expected_action: 'Log the call.',
    };
    const { engine, entries } = await play([...handEvents(), inject]);
    const note = entries.find((e) => e.kind === 'note')!;
    expect(note).toMatchObject({ alert_id: 'A-MSEL-003', actor: 'auto' });
    expect(note.data.text).toBe(
      'MSEL-003: hotline call from Party A liaison officer received and logged — "Hotline call: Party A reports shelling and requests an emergency meeting."',
    );
    expect(Date.parse(note.exercise_time!)).toBeGreaterThan(T0 + 75 * MIN);
    const alert = engine.getSnapshot().alerts.find((a) => a.id === 'A-MSEL-003')!;
    expect(alert.notes).toHaveLength(1);
    expect(alert.acknowledged).not.toBeNull();
    expect(alert.protocol).toBeNull();
  });
});
