// The console's automatic pause (a new critical alert at high speed) is the system's decision,
// logged as such with its rule: a participant's name is never put on a pause they did not make.
import { describe, expect, it } from 'vitest';
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { createExercise, resumeExercise } from '../../../shared/exercise/exercise-session';
import { clockData, isAutomaticPause, isAutomaticSpeed } from '../../../shared/exercise/log-data';
import { TEMPO_TRIGGERS } from '../../../renderer/src/console/tempo-rules';

const AUTO_PAUSE_RULE = TEMPO_TRIGGERS[0].id;
import { MIN, T0, buildScenario, handEvents } from './hand-scenario';

const WALL = () => new Date('2026-11-26T10:00:00.000Z');
const operator = { name: 'operator-1', role: 'operator' as const };

async function pausedAutomatically(log: MemoryAuditLog) {
  const scenario = buildScenario(handEvents());
  const engine = await createExercise(prepareExercise(scenario, 'test'), log, operator);
  await engine.play();
  await engine.setSpeed(3600);
  await engine.advanceTo(T0 + 62 * MIN);
  await engine.autoPause(AUTO_PAUSE_RULE, 'critical alert A-mlrs-1 opened at 3600x (above 60x)');
  return { scenario, engine };
}

describe('the automatic pause', () => {
  it('is logged by system, role system, with the rule and the reason, and stops the clock', async () => {
    const log = new MemoryAuditLog('ex-1', { now: WALL });
    const { engine } = await pausedAutomatically(log);
    const last = log.entries().at(-1)!;
    expect(last).toMatchObject({
      actor: 'system',
      role: 'system',
      kind: 'clock',
      data: {
        action: 'pause',
        rule: AUTO_PAUSE_RULE,
        reason: 'critical alert A-mlrs-1 opened at 3600x (above 60x)',
      },
    });
    expect(clockData.safeParse(last.data).success).toBe(true);
    expect(isAutomaticPause(last)).toBe(true);
    expect(engine.getSnapshot().clock.playing).toBe(false);
    // A participant's pause stays theirs, and has no rule.
    await engine.play();
    await engine.pause('hot wash');
    const own = log.entries().at(-1)!;
    expect(own).toMatchObject({ actor: 'operator-1', role: 'operator', data: { action: 'pause' } });
    expect(isAutomaticPause(own)).toBe(false);
    await expect(engine.autoPause(AUTO_PAUSE_RULE, 'again')).rejects.toThrow('already paused');
  });

  it('is replayed on resume: the resumed exercise stands where the original did, and continues the same log', async () => {
    const log = new MemoryAuditLog('ex-1', { now: WALL });
    const { scenario, engine } = await pausedAutomatically(log);
    // A copy: entries() is the live array, and the original goes on below.
    const recorded = [...log.entries()];
    const continued = new MemoryAuditLog('ex-1', { now: WALL, entries: recorded });
    const resumed = await resumeExercise(scenario, recorded, {
      writer: continued,
      actor: operator,
    });
    expect(resumed.getSnapshot()).toEqual(engine.getSnapshot());
    await engine.play();
    await resumed.play();
    expect(continued.entries()).toEqual(log.entries());
  });

  it('a system clock pause without a rule is still refused on resume (not the scenario’s)', async () => {
    const log = new MemoryAuditLog('ex-1', { now: WALL });
    const { scenario } = await pausedAutomatically(log);
    const entries = log
      .entries()
      .map((e) => (isAutomaticPause(e) ? { ...e, data: { action: 'pause' } } : e));
    await expect(resumeExercise(scenario, entries)).rejects.toThrow(
      'is not produced by replaying the scenario',
    );
  });
});

describe('the automatic slow-down', () => {
  const RULE = TEMPO_TRIGGERS[1].id;
  async function slowed(log: MemoryAuditLog) {
    const scenario = buildScenario(handEvents());
    const engine = await createExercise(prepareExercise(scenario, 'test'), log, operator);
    await engine.play();
    await engine.setSpeed(3600);
    await engine.advanceTo(T0 + 62 * MIN);
    await engine.autoSlow(RULE, 60, 'alert A-mlrs-1 entered the protocol at 3600x');
    return { scenario, engine };
  }

  it('is logged by system with the rule, the speed and the reason; the clock runs on, slower', async () => {
    const log = new MemoryAuditLog('ex-1', { now: WALL });
    const { engine } = await slowed(log);
    const last = log.entries().at(-1)!;
    expect(last).toMatchObject({
      actor: 'system',
      role: 'system',
      kind: 'clock',
      data: {
        action: 'speed',
        speed: 60,
        rule: RULE,
        reason: 'alert A-mlrs-1 entered the protocol at 3600x',
      },
    });
    expect(clockData.safeParse(last.data).success).toBe(true);
    expect(isAutomaticSpeed(last)).toBe(true);
    expect(engine.speed).toBe(60);
    expect(engine.playing).toBe(true);
    for (let i = 0; i < 4; i += 1) await engine.tick(250); // 1 s of wall time at 60x
    expect(engine.now).toBe(T0 + 63 * MIN);
  });

  it('slows only a clock running faster, writing nothing otherwise', async () => {
    const log = new MemoryAuditLog('ex-1', { now: WALL });
    const { engine } = await slowed(log);
    const before = log.entries().length;
    await expect(engine.autoSlow(RULE, 120)).rejects.toThrow('already runs at 60×');
    await engine.pause();
    await expect(engine.autoSlow(RULE, 10)).rejects.toThrow('the clock is paused');
    expect(log.entries().length).toBe(before + 1);
  });

  it('is replayed on resume; a system speed without a rule is refused', async () => {
    const log = new MemoryAuditLog('ex-1', { now: WALL });
    const { scenario, engine } = await slowed(log);
    const resumed = await resumeExercise(scenario, log.entries());
    expect(resumed.getSnapshot()).toEqual(engine.getSnapshot());
    expect(resumed.speed).toBe(60);
    const stripped = log
      .entries()
      .map((e) => (isAutomaticSpeed(e) ? { ...e, data: { action: 'speed', speed: 60 } } : e));
    await expect(resumeExercise(scenario, stripped)).rejects.toThrow(
      'is not produced by replaying the scenario',
    );
  });
});

describe('telling the console automatic clock entries from the rest', () => {
  const entry = (kind: string, role: string, data: Record<string, unknown>) =>
    ({ kind, role, data }) as Parameters<typeof isAutomaticPause>[0];

  it('takes only a system clock entry carrying its rule, a pause or a speed', () => {
    const pause = { action: 'pause', rule: 'breach', reason: 'x' };
    const speed = { action: 'speed', speed: 60, rule: 'tempo' };
    expect(isAutomaticPause(entry('clock', 'system', pause))).toBe(true);
    expect(isAutomaticSpeed(entry('clock', 'system', speed))).toBe(true);
    for (const [kind, role] of [
      ['clock', 'operator'],
      ['note', 'system'],
      ['note', 'operator'],
    ] as const) {
      expect(isAutomaticPause(entry(kind, role, pause)), `${kind} ${role}`).toBe(false);
      expect(isAutomaticSpeed(entry(kind, role, speed)), `${kind} ${role}`).toBe(false);
    }
    expect(isAutomaticPause(entry('clock', 'system', speed))).toBe(false);
    expect(isAutomaticSpeed(entry('clock', 'system', pause))).toBe(false);
    expect(isAutomaticPause(entry('clock', 'system', { action: 'pause' }))).toBe(false);
    expect(isAutomaticSpeed(entry('clock', 'system', { action: 'speed', speed: 60 }))).toBe(false);
  });
});
