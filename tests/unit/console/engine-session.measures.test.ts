// The console's view of the two measures (docs/ALERTS-AND-SEVERITY.md,
// version 2) through the real engine adapter: gravity and certainty each with
// factors that add up, the engine's ranking kept as is (invariant 11), links
// made and undone through the session's commands and logged, and a log
// recorded with the version-1 model shown as recorded and read-only.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../shared/audit/entry';
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { createExercise, resumeExercise } from '../../../shared/exercise/exercise-session';
import { loadScenarioFromPath } from '../../../shared/node/scenario/load-path';
import { engineSession } from '../../../renderer/src/console/engine-session';
import { MIN, T0, buildScenario, handEvents } from '../exercise/hand-scenario';

const WALL = () => new Date('2026-11-26T10:00:00.000Z');
const participant = { name: 'op-1', role: 'operator' as const };

async function open() {
  const scenario = buildScenario(handEvents());
  const log = new MemoryAuditLog('ex', { now: WALL });
  const engine = await createExercise(prepareExercise(scenario, 'test'), log, participant);
  const session = engineSession({ engine, scenario, participant, schedule: () => {} });
  return { log, engine, session };
}

describe('the console view of gravity and certainty', () => {
  it('gives each alert its gravity, certainty band and state, each measure explained by factors that add up', async () => {
    const { session, engine } = await open();
    await session.commands.seek(T0 + 180 * MIN);
    const snap = session.getSnapshot();
    expect(snap.alerts.length).toBeGreaterThan(1);
    for (const [i, a] of snap.alerts.entries()) {
      const tracked = engine.getSnapshot().alerts[i]!;
      expect([a.gravity, a.severity, a.state]).toEqual([
        tracked.gravity,
        tracked.severity,
        tracked.state,
      ]);
      expect(a.certainty).not.toBeNull();
      expect([a.certainty!.value, a.certainty!.band]).toEqual([
        tracked.certainty,
        tracked.certaintyBand,
      ]);
      const gravitySum = a.factors.reduce((s, f) => s + f.points, 0);
      expect(gravitySum).toBeCloseTo(a.gravity, 1);
      const certaintySum = a.certainty!.factors.reduce((s, f) => s + f.points, 0);
      expect(certaintySum).toBeCloseTo(a.certainty!.value * 100, 0);
      expect(a.certainty!.factors.length).toBeGreaterThan(0);
      expect(a.certainty!.factors.every((f) => f.label !== f.id || f.reason !== '')).toBe(true);
    }
  });

  it('keeps the engine ranking as it is: the console never re-sorts the queue', async () => {
    const { session, engine } = await open();
    await session.commands.seek(T0 + 180 * MIN);
    expect(session.getSnapshot().alerts.map((a) => a.id)).toEqual(engine.alerts().map((a) => a.id));
    expect(session.getSnapshot().alerts.map((a) => a.rank)).toEqual(
      engine.alerts().map((_, i) => i + 1),
    );
  });

  it('links two alerts and unlinks them through the session commands, each logged; a refusal rejects with the engine reason', async () => {
    const { session, log } = await open();
    await session.commands.seek(T0 + 180 * MIN);
    const open2 = session.getSnapshot().alerts.filter((a) => a.state !== 'closed');
    const [first, second] = [open2[0]!.id, open2[1]!.id];
    await session.commands.link(first, second);
    const linked = session.getSnapshot().alerts.filter((a) => a.incident !== null);
    expect(linked.map((a) => a.id).sort()).toEqual([first, second].sort());
    for (const a of linked) {
      expect(a.incident!.alertIds).toEqual([first, second]);
      expect(a.incident!.primary).toBe(a.id === first);
    }
    const kinds = (entries: readonly LogEntry[]) => entries.map((e) => e.kind);
    expect(kinds(log.entries())).toContain('link');
    await expect(session.commands.link(first, first)).rejects.toThrow(/linked to itself/);
    await session.commands.unlink(second);
    expect(session.getSnapshot().alerts.every((a) => a.incident === null)).toBe(true);
    expect(log.entries().at(-1)!.kind === 'unlink' || kinds(log.entries()).includes('unlink')).toBe(
      true,
    );
  });
});

describe('a log recorded with the version-1 model, in the console', () => {
  it('shows the score the log recorded as the gravity, no certainty, and refuses every command', async () => {
    const loaded = await loadScenarioFromPath('tests/fixtures/scenarios/small');
    if (!loaded.ok || loaded.kind !== 'scenario') throw new Error('the small fixture did not load');
    const bundle = JSON.parse(readFileSync('tests/fixtures/logs/v1-small.json', 'utf8')) as {
      entries: LogEntry[];
    };
    const engine = await resumeExercise(loaded.scenario, bundle.entries);
    const session = engineSession({
      engine,
      scenario: loaded.scenario,
      participant,
      schedule: () => {},
    });
    expect(session.readOnly).toMatch(/version 1 of the severity model/);
    const alerts = session.getSnapshot().alerts;
    expect(alerts.length).toBeGreaterThan(0);
    for (const entry of bundle.entries.filter((e) => e.kind === 'alert-opened')) {
      const alert = alerts.find((a) => a.id === entry.alert_id)!;
      expect(alert.certainty).toBeNull();
      if (alert.eventSeqs.length === 1)
        expect(alert.gravity).toBe((entry.data as { score: number }).score);
    }
    await expect(session.commands.play()).rejects.toThrow(/read-only/);
    await expect(session.commands.link(alerts[0]!.id, alerts[1]!.id)).rejects.toThrow(/read-only/);
    expect(await session.checkpointNow()).toBe(false);
  });
});
