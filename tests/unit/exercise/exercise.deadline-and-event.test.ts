// docs/ESCALATION-PROTOCOL.md, "Deadlines": a deadline falling due at the
// same instant as an event is processed first. The order is observable: the
// breach is logged before the event's entries, and the event then finds the
// alert where the breach left it.
import { describe, expect, it } from 'vitest';
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { createExercise } from '../../../shared/exercise/exercise-session';
import type { ScenarioEvent } from '../../../shared/scenario/schema';
import { MIN, T0, at, buildScenario } from './hand-scenario';

const WALL = () => new Date('2026-11-26T10:00:00.000Z');
const operator = { name: 'operator-1', role: 'operator' as const };

/** MLRS fire just north of the exclusion zone: medium, so it enters at triage (10 min). */
const fire: ScenarioEvent = {
  id: 'fire',
  time: at(60),
  source: 'ground-sensor',
  type: 'mlrs-fire',
  lat: -44.395,
  lon: -120.48,
  confidence: 0.8,
  weapon_class: 'mlrs',
  calibre_mm: 122,
};
/** Exactly at the triage deadline, a drone finds the launchers inside the zone: critical. */
const launchers: ScenarioEvent = {
  id: 'launchers',
  time: at(70),
  source: 'drone',
  type: 'heavy-weapon-sighting',
  subtype: 'firing-position',
  lat: -44.405,
  lon: -120.48,
  confidence: 0.9,
  weapon_class: 'mlrs',
  calibre_mm: 122,
};

describe('a deadline and an event at the same millisecond', () => {
  it('breaches the deadline first, then shows the event', async () => {
    const log = new MemoryAuditLog('ex', { now: WALL });
    const scenario = buildScenario([fire, launchers]);
    const engine = await createExercise(prepareExercise(scenario, 'test'), log, operator);
    await engine.advanceTo(T0 + 80 * MIN);
    const entries = log.entries();
    const enter = entries.find((e) => e.kind === 'protocol-action' && e.data.type === 'enter');
    expect(enter?.data).toMatchObject({ to: 'triage' });
    const breach = entries.findIndex((e) => e.kind === 'deadline-breach');
    const rose = entries.findIndex(
      (e) => e.kind === 'alert-severity-changed' && e.data.event_id === 'launchers',
    );
    expect(breach).toBeGreaterThan(-1);
    expect(entries[breach]!.exercise_time).toBe(new Date(T0 + 70 * MIN).toISOString());
    expect(scenario.events[1]!.shownAt).toBe(T0 + 70 * MIN);
    expect(entries[rose]?.data).toMatchObject({ from: 'medium', to: 'critical' });
    // Processed after the breach: logged later, at the same exercise time.
    expect(rose).toBeGreaterThan(breach);
    expect(entries[rose]!.exercise_time).toBe(entries[breach]!.exercise_time);
  });
});
