import { describe, expect, it } from 'vitest';
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { createExercise, resumeExercise } from '../../../shared/exercise/exercise-session';
import { engineSession } from '../../../renderer/src/console/engine-session';
import { MIN, T0, buildScenario, handEvents, V1_PROTOCOL } from '../exercise/hand-scenario';

const WALL = () => new Date('2026-11-26T10:00:00.000Z');
const participant = { name: 'op-1', role: 'operator' as const };

async function open() {
  const scenario = buildScenario(handEvents());
  const log = new MemoryAuditLog('ex', { now: WALL });
  const engine = await createExercise(
    prepareExercise(scenario, 'test', V1_PROTOCOL),
    log,
    participant,
  );
  const frames: (() => void)[] = [];
  const session = engineSession({
    engine,
    scenario,
    participant,
    schedule: (run) => frames.push(run),
  });
  const flush = () => frames.splice(0).forEach((run) => run());
  return { scenario, log, engine, session, frames, flush };
}

describe('engineSession (real engine, memory log)', () => {
  it('links a message to an alert through the console command; the alert view lists it', async () => {
    const scenario = buildScenario([
      ...handEvents(),
      {
        id: 'MSEL-003',
        time: new Date(T0 + 75 * MIN).toISOString(),
        source: 'inject',
        type: 'inject',
        summary: 'Hotline call: Party A reports the shelling.',
      },
    ]);
    const log = new MemoryAuditLog('ex', { now: WALL });
    const engine = await createExercise(prepareExercise(scenario, 'test'), log, participant);
    const session = engineSession({ engine, scenario, participant, schedule: () => {} });
    await session.commands.seek(T0 + 80 * MIN);
    const alert = session.getSnapshot().alerts.find((a) => a.sources.includes('ground-sensor'))!;
    await session.commands.linkMessage('MSEL-003', alert.id);
    const after = session.getSnapshot().alerts.find((a) => a.id === alert.id)!;
    expect(after.messageIds).toEqual(['MSEL-003']);
    await expect(session.commands.linkMessage('MSEL-404', alert.id)).rejects.toThrow(
      'no message "MSEL-404" in this exercise',
    );
  });

  it('maps the ranked alerts with labelled factors, sources, zones and protocol', async () => {
    const { session } = await open();
    await session.commands.seek(T0 + 120 * MIN);
    const snap = session.getSnapshot();
    expect(snap.clock.now).toBe(T0 + 120 * MIN);
    expect(snap.alerts.length).toBeGreaterThan(0);
    expect(snap.alerts.map((a) => a.rank)).toEqual(snap.alerts.map((_, i) => i + 1));
    const top = snap.alerts[0]!;
    expect(top.factors.length).toBeGreaterThan(0);
    const sum = top.factors.reduce((s, f) => s + f.points, 0);
    expect(Math.abs(sum - top.gravity)).toBeLessThanOrEqual(0.5);
    expect(top.factors.every((f) => f.label.length > 0 && f.reason.length > 0)).toBe(true);
    expect(top.sources.length).toBeGreaterThan(0);
    if (top.severity === 'critical' || top.severity === 'high') {
      expect(top.protocol).not.toBeNull();
      expect(top.protocol!.actions.length).toBeGreaterThan(0);
    }
    // The same engine snapshot maps to the same console snapshot object.
    expect(session.getSnapshot()).toBe(snap);
    // A change that leaves the alerts alone keeps their view objects.
    await session.commands.setSpeed(60);
    const after = session.getSnapshot();
    expect(after).not.toBe(snap);
    expect(after.clock.speed).toBe(60);
    expect(after.alerts[0]).toBe(top);
  });

  it('keeps the alerts (and their array) while a step merely runs on; a new view when its deadline turns', async () => {
    const { session, engine } = await open();
    // The hand scenario's MLRS alert is then 10 minutes from its first deadline.
    await session.commands.seek(T0 + 60 * MIN);
    const before = session.getSnapshot();
    const running = before.alerts.find(
      (a) =>
        a.protocol && !a.protocol.closed && !a.protocol.breached && a.protocol.deadlineAt !== null,
    )!;
    expect(running, 'an alert with a running step').toBeDefined();
    const step = running.protocol!;
    // A clock move with no event shown and no deadline reached on the way.
    const next = engine.nextEventAt() ?? Infinity;
    const deadlines = before.alerts.flatMap((a) =>
      a.protocol?.deadlineAt != null ? [a.protocol.deadlineAt] : [],
    );
    const to = Math.min(next, ...deadlines, before.clock.now + MIN) - 1;
    expect(to).toBeGreaterThan(before.clock.now);
    await engine.advanceTo(to);
    const after = session.getSnapshot();
    expect(after.clock.now).toBe(to);
    expect(after.alerts).toBe(before.alerts);

    await engine.advanceTo(step.deadlineAt! + 1);
    const breached = session.getSnapshot().alerts.find((a) => a.id === running.id)!;
    expect(breached).not.toBe(running);
    expect(breached.protocol!.breached).toBe(true);
  });

  it('coalesces many engine changes into one notification per frame', async () => {
    const { session, frames, flush } = await open();
    let calls = 0;
    session.subscribe(() => calls++);
    await session.commands.seek(T0 + 600 * MIN);
    await session.commands.setSpeed(300);
    expect(frames.length).toBe(1);
    flush();
    expect(calls).toBe(1);
  });

  it('hands the engine small tick slices and carries the rest over (capped)', async () => {
    const { session } = await open();
    await session.commands.setSpeed(60);
    await session.commands.play();
    const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
    const t0 = session.getSnapshot().clock.now;
    session.tick(1000);
    await settle();
    expect(session.getSnapshot().clock.now).toBe(t0 + 50 * 60);
    // 950 ms were owed; only 250 are carried over, 50 at a time.
    for (let i = 0; i < 10; i++) {
      session.tick(0);
      await settle();
    }
    expect(session.getSnapshot().clock.now).toBe(t0 + (50 + 250) * 60);
  });

  it('steps to the next event and to the next new alert', async () => {
    const { session, scenario } = await open();
    await session.commands.stepToNextEvent();
    expect(session.getSnapshot().clock.now).toBe(scenario.events[0]!.shownAt);
    const before = session.getSnapshot().alerts.length;
    await session.commands.stepToNextAlert();
    expect(session.getSnapshot().alerts.length).toBe(before + 1);
  });

  it('walks an alert to closure and the log resumes to the same console snapshot', async () => {
    const { session, scenario, log } = await open();
    await session.commands.seek(T0 + 120 * MIN);
    const alert = session.getSnapshot().alerts.find((a) => a.protocol !== null)!;
    expect(alert).toBeDefined();
    await session.commands.acknowledge(alert.id);
    let p = session.getSnapshot().alerts.find((a) => a.id === alert.id)!.protocol!;
    for (let guard = 0; guard < 10 && !p.closed; guard++) {
      for (const ack of p.acks) {
        if (!ack.ack)
          await session.commands.ackParty(alert.id, ack.partyId, 'hotline, duty officer');
      }
      p = session.getSnapshot().alerts.find((a) => a.id === alert.id)!.protocol!;
      const action =
        p.actions.find((a) => a.blockedBy === null && a.next === 'close') ??
        p.actions.find((a) => a.blockedBy === null && !a.requires.includes('rationale'))!;
      const inputs = Object.fromEntries(action.requires.map((r) => [r, `${r} given`]));
      await session.commands.act(alert.id, action.id, inputs);
      p = session.getSnapshot().alerts.find((a) => a.id === alert.id)!.protocol!;
    }
    expect(p.closed).toBe(true);
    expect(p.history.at(-1)!.stepId).toBe('close');

    const resumed = await resumeExercise(scenario, await log.readEntries(), { actor: participant });
    const again = engineSession({ engine: resumed, scenario, participant, schedule: () => {} });
    const a = session.getSnapshot();
    const b = again.getSnapshot();
    expect(b.clock.now).toBe(a.clock.now);
    expect(JSON.stringify(b.alerts)).toBe(JSON.stringify(a.alerts));
  });

  it('resolves injected events by seq after the scenario events', async () => {
    const scenario = buildScenario(handEvents());
    const log = new MemoryAuditLog('ex', { now: WALL });
    const controller = { name: 'ctl', role: 'controller' as const };
    const engine = await createExercise(
      prepareExercise(scenario, 'test', V1_PROTOCOL),
      log,
      controller,
    );
    const session = engineSession({
      engine,
      scenario,
      participant: controller,
      schedule: () => {},
    });
    await session.commands.inject('Party B statement: no firing today', {
      lat: -44.5,
      lon: -120.48,
    });
    const injected = session.eventAt(scenario.events.length);
    expect(injected?.event.source).toBe('inject');
    expect(injected?.event.summary).toBe('Party B statement: no firing today');
  });
});
