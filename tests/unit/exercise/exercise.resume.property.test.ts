import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import type { ExerciseEngine } from '../../../shared/exercise/exercise-engine';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { createExercise, resumeExercise } from '../../../shared/exercise/exercise-session';
import {
  MIN,
  T0,
  at,
  buildScenario,
  handEvents,
  lateSmallArmsReport,
  V1_PROTOCOL,
} from './hand-scenario';

const operator = { name: 'op', role: 'operator' as const };
const controller = { name: 'ctl', role: 'controller' as const };
const events = [
  ...handEvents(),
  lateSmallArmsReport(),
  {
    id: 'art-1',
    time: at(400),
    source: 'ground-sensor' as const,
    type: 'artillery-fire',
    lat: -44.8,
    lon: -120.49,
    confidence: 0.8,
    weapon_class: 'artillery' as const,
    calibre_mm: 152,
  },
  {
    id: 'art-2',
    time: at(405),
    source: 'drone' as const,
    type: 'crater-field',
    lat: -44.8,
    lon: -120.51,
    confidence: 0.9,
    count: 12,
  },
];
const scenario = buildScenario(events);
const setup = prepareExercise(scenario, 'test', V1_PROTOCOL);

// Every intent the console could offer right now, in a fixed order.
function offers(engine: ExerciseEngine): (() => Promise<void>)[] {
  const list: (() => Promise<void>)[] = [];
  for (const alert of engine.getSnapshot().alerts) {
    const id = alert.id;
    if (!alert.acknowledged) list.push(() => engine.acknowledge(id));
    const p = alert.protocol;
    if (!p && !alert.closed) list.push(() => engine.startProtocol(id));
    if (!p || p.closed) continue;
    if (p.severityPrompt) {
      list.push(() => engine.jumpToEntry(id));
      list.push(() => engine.dismissSeverityPrompt(id));
    }
    for (const party of p.missingAcks) list.push(() => engine.ackParty(id, party, 'hotline'));
    for (const action of p.actions.filter((a) => a.blockedBy === null)) {
      const inputs = Object.fromEntries(
        action.requires.map((r) => [r, r === 'party' ? 'A' : `${r} given`]),
      );
      list.push(() => engine.act(id, action.id, inputs));
    }
  }
  list.push(() =>
    engine.inject(
      { summary: 'Liaison officer of Party A calls the hotline', from: 'A' },
      controller,
    ),
  );
  list.push(() => engine.note('Shift handover'));
  if (engine.clockMovedSinceLastEntry()) list.push(() => engine.checkpoint());
  const end = T0 + 24 * 60 * MIN;
  list.push(() => engine.seek(Math.min(end, engine.now + 30 * MIN)));
  if (!engine.protocolStarted && engine.now > T0) {
    list.push(() => engine.seek(T0 + Math.round((engine.now - T0) / 2), controller));
  }
  return list;
}

/** Lets the clock run and takes one of the offered actions, move by move. */
async function play(engine: ExerciseEngine, moves: readonly { waitMin: number; pick: number }[]) {
  for (const move of moves) {
    await engine.advanceTo(Math.min(engine.now + move.waitMin * MIN, T0 + 24 * 60 * MIN));
    const choices = offers(engine);
    await choices[move.pick % choices.length]!();
  }
}

describe('resuming any exercise', () => {
  it('rebuilds the same state from the log, whatever the operator did', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ waitMin: fc.nat(90), pick: fc.nat(50) }), {
          minLength: 5,
          maxLength: 40,
        }),
        async (moves) => {
          const log = new MemoryAuditLog('ex', { now: () => new Date('2026-11-26T10:00:00.000Z') });
          const engine = await createExercise(setup, log, operator);
          await play(engine, moves);
          const resumed = await resumeExercise(scenario, log.entries());
          await resumed.advanceTo(engine.now);
          expect(resumed.getSnapshot()).toEqual(engine.getSnapshot());
        },
      ),
      { numRuns: 40 },
    );
  });

  it('killed right after a clock checkpoint, resumes exactly where the clock stood', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ waitMin: fc.nat(90), pick: fc.nat(50) }), {
          minLength: 1,
          maxLength: 25,
        }),
        fc.integer({ min: 1, max: 240 }),
        async (moves, quietMin) => {
          const log = new MemoryAuditLog('ex', { now: () => new Date('2026-11-26T10:00:00.000Z') });
          const engine = await createExercise(setup, log, operator);
          await play(engine, moves);
          // The clock runs on with whatever it meets logged, then a checkpoint; then the kill.
          await engine.advanceTo(Math.min(engine.now + quietMin * MIN, T0 + 24 * 60 * MIN));
          if (engine.clockMovedSinceLastEntry()) await engine.checkpoint();
          const resumed = await resumeExercise(scenario, log.entries());
          expect(resumed.now).toBe(engine.now);
          expect(resumed.getSnapshot()).toEqual(engine.getSnapshot());
        },
      ),
      { numRuns: 40 },
    );
  });

  it('pausing the clock pauses every deadline', async () => {
    const log = new MemoryAuditLog('ex');
    const engine = await createExercise(setup, log, operator);
    await engine.play();
    await engine.setSpeed(600);
    for (let i = 0; i < 5; i += 1) await engine.tick(250); // 5 × 150 s of exercise time
    expect(engine.now).toBe(T0 + 12.5 * MIN);
    await engine.advanceTo(T0 + 61 * MIN);
    await engine.pause('controller briefing');
    const before = log.entries().length;
    for (let i = 0; i < 100; i += 1) await engine.tick(250);
    expect(engine.now).toBe(T0 + 61 * MIN);
    expect(log.entries().length).toBe(before);
    const status = engine.getSnapshot().alerts.find((a) => a.id === 'A-mlrs-1')!.protocol!;
    expect(status.deadlineStatus).toBe('running');
    await engine.play();
    await engine.tick(250);
    // A long frame is capped: no jump past what the clock would show.
    await engine.tick(10_000);
    expect(engine.now).toBe(T0 + 66 * MIN);
    expect(
      engine.getSnapshot().alerts.find((a) => a.id === 'A-mlrs-1')!.protocol!.deadlineStatus,
    ).toBe('running');
  });
});
