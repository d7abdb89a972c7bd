// The controller's hand on the MSEL: a scripted inject not yet delivered can
// be held (the clock passes it by), released, moved to another exercise time
// or delivered now. Each is an `inject-control` entry by the controller;
// anyone else, or an inject already delivered, is refused with nothing
// written. A resume from the log, backward seeks included, rebuilds exactly
// what the live exercise had.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import { IntentRefused, type ExerciseEngine } from '../../../shared/exercise/exercise-engine';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { createExercise, resumeExercise } from '../../../shared/exercise/exercise-session';
import { LOG_DATA } from '../../../shared/exercise/log-data';
import { messageSeqs, shownMessages } from '../../../shared/exercise/messages';
import type { ScenarioEvent } from '../../../shared/scenario/schema';
import { MIN, T0, at, buildScenario, handEvents } from './hand-scenario';

const WALL = () => new Date('2026-11-26T10:00:00.000Z');
const operator = { name: 'operator-1', role: 'operator' as const };
const controller = { name: 'control', role: 'controller' as const };

function msel(id: string, minute: number, summary: string): ScenarioEvent {
  return {
    id,
    time: at(minute),
    source: 'inject',
    type: 'inject',
    summary,
    expected_action: 'Log it; link it to the alert.',
    'x-from': 'Party A liaison officer',
    'x-to': 'Mission duty officer',
    'x-inject-kind': 'Hotline',
  };
}
const INJECTS = [
  msel('MSEL-001', 20, 'Morning report: the ceasefire holds.'),
  msel('MSEL-002', 45, 'Media report: fires near Kerrow.'),
  msel('MSEL-003', 75, 'Hotline call: Party A reports shelling.'),
  msel('MSEL-004', 300, 'Hotline call: Party B denies firing.'),
];
const scenario = buildScenario([...handEvents(), ...INJECTS]);
const setup = prepareExercise(scenario, 'test');
const seqOf = (id: string) => scenario.events.find((e) => e.event.id === id)!.seq;

async function start(actor: typeof operator | typeof controller = controller) {
  const log = new MemoryAuditLog('ex', { now: WALL });
  const engine = await createExercise(setup, log, actor);
  return { engine, log };
}

function messages(engine: ExerciseEngine) {
  return shownMessages(
    scenario.events,
    messageSeqs(scenario.events),
    engine.shownCount,
    engine.injectedEvents(),
    new Set(engine.controlledInjects().keys()),
  );
}
const messageIds = (engine: ExerciseEngine) => messages(engine).map((m) => m.eventId);

describe('controlling scripted injects', () => {
  it('a held inject is not delivered when the clock passes it; released, it arrives then, as a scripted message', async () => {
    const { engine, log } = await start();
    await engine.advanceTo(T0 + 10 * MIN);
    await engine.controlInject('MSEL-001', { action: 'hold' });
    await engine.advanceTo(T0 + 30 * MIN);
    expect(messageIds(engine)).toEqual([]);
    expect(engine.injectDeliveredAt(seqOf('MSEL-001'))).toBeNull();
    expect(engine.controlledInjects().get(seqOf('MSEL-001'))).toEqual({
      due: T0 + 20 * MIN,
      held: true,
    });
    await engine.controlInject('MSEL-001', { action: 'release' });
    expect(engine.injectDeliveredAt(seqOf('MSEL-001'))).toBe(T0 + 30 * MIN);
    const [message] = messages(engine);
    expect(message).toMatchObject({
      eventId: 'MSEL-001',
      at: T0 + 30 * MIN,
      text: 'Morning report: the ceasefire holds.',
      from: 'Party A liaison officer',
      live: false,
    });
    const logged = log.entries().filter((e) => e.kind === 'inject-control');
    expect(logged.map((e) => [e.exercise_time, e.actor, e.role, e.data])).toEqual([
      [at(10), 'control', 'controller', { event_id: 'MSEL-001', action: 'hold' }],
      [at(30), 'control', 'controller', { event_id: 'MSEL-001', action: 'release' }],
    ]);
    for (const e of logged) expect(LOG_DATA['inject-control'].safeParse(e.data).success).toBe(true);
  });

  it('released before its time, a held inject is due when it was', async () => {
    const { engine } = await start();
    await engine.controlInject('MSEL-002', { action: 'hold' });
    await engine.advanceTo(T0 + 30 * MIN);
    await engine.controlInject('MSEL-002', { action: 'release' });
    await engine.advanceTo(T0 + 44 * MIN);
    expect(messageIds(engine)).not.toContain('MSEL-002');
    await engine.advanceTo(T0 + 46 * MIN);
    expect(engine.injectDeliveredAt(seqOf('MSEL-002'))).toBe(T0 + 45 * MIN);
  });

  it('a moved inject is delivered at its new time, not its scripted one', async () => {
    const { engine, log } = await start();
    await engine.controlInject('MSEL-002', { action: 'move', to: T0 + 90 * MIN });
    await engine.advanceTo(T0 + 89 * MIN);
    expect(messageIds(engine)).not.toContain('MSEL-002');
    await engine.advanceTo(T0 + 95 * MIN);
    expect(engine.injectDeliveredAt(seqOf('MSEL-002'))).toBe(T0 + 90 * MIN);
    expect(messages(engine).find((m) => m.eventId === 'MSEL-002')!.at).toBe(T0 + 90 * MIN);
    expect(log.entries().find((e) => e.kind === 'inject-control')!.data).toEqual({
      event_id: 'MSEL-002',
      action: 'move',
      from: at(45),
      to: at(90),
    });
  });

  it('an inject moved earlier arrives earlier; one delivered now arrives at once', async () => {
    const { engine } = await start();
    await engine.controlInject('MSEL-004', { action: 'move', to: T0 + 5 * MIN });
    await engine.controlInject('MSEL-003', { action: 'deliver' });
    expect(engine.injectDeliveredAt(seqOf('MSEL-003'))).toBe(T0);
    expect(messageIds(engine)).toEqual(['MSEL-003']);
    await engine.advanceTo(T0 + 6 * MIN);
    expect(engine.injectDeliveredAt(seqOf('MSEL-004'))).toBe(T0 + 5 * MIN);
    // Each is delivered once: its scripted time passes with nothing more.
    await engine.advanceTo(T0 + 400 * MIN);
    const ids = messageIds(engine);
    expect(ids.filter((id) => id === 'MSEL-003')).toHaveLength(1);
    expect(ids.filter((id) => id === 'MSEL-004')).toHaveLength(1);
  });

  it('a held message cannot be linked to an alert until it is delivered', async () => {
    const { engine } = await start();
    await engine.controlInject('MSEL-003', { action: 'hold' });
    await engine.advanceTo(T0 + 80 * MIN);
    const alert = engine.getSnapshot().alerts.find((a) => a.eventIds.includes('mlrs-1'))!;
    await expect(engine.linkMessage('MSEL-003', alert.id, controller)).rejects.toThrow(
      'message MSEL-003 has not arrived yet',
    );
    await engine.controlInject('MSEL-003', { action: 'release' });
    await engine.linkMessage('MSEL-003', alert.id, controller);
    expect(engine.bookkeepingOf(alert.id)!.messages).toEqual(['MSEL-003']);
  });

  it('refuses, writing nothing, an operator, a delivered inject, a report, an unknown id and a time out of reach', async () => {
    const { engine, log } = await start();
    await engine.advanceTo(T0 + 50 * MIN);
    const before = log.entries().length;
    const refusals: [Promise<void>, string][] = [
      [
        engine.controlInject('MSEL-003', { action: 'hold' }, operator),
        'only the controller may hold, release, move or deliver injects',
      ],
      [
        engine.controlInject('MSEL-001', { action: 'hold' }),
        `inject MSEL-001 was delivered at ${at(20)}`,
      ],
      [
        engine.controlInject('mlrs-1', { action: 'deliver' }),
        'event mlrs-1 is a report, not a scripted inject',
      ],
      [
        engine.controlInject('MSEL-999', { action: 'deliver' }),
        'no scripted inject "MSEL-999" in this scenario',
      ],
      [engine.controlInject('MSEL-003', { action: 'release' }), 'inject MSEL-003 is not held'],
      [
        engine.controlInject('MSEL-003', { action: 'move', to: T0 + 40 * MIN }),
        'can be moved only to a time from the exercise clock',
      ],
      [
        engine.controlInject('MSEL-003', { action: 'move', to: T0 + 75 * MIN }),
        `inject MSEL-003 is already due at ${at(75)}`,
      ],
    ];
    for (const [refused, reason] of refusals) {
      await expect(refused).rejects.toThrow(IntentRefused);
      await expect(refused).rejects.toThrow(reason);
    }
    expect(log.entries().length).toBe(before);
    await engine.controlInject('MSEL-003', { action: 'hold' });
    await expect(engine.controlInject('MSEL-003', { action: 'hold' })).rejects.toThrow(
      'inject MSEL-003 is already held',
    );
    await engine.controlInject('MSEL-003', { action: 'deliver' });
    await expect(
      engine.controlInject('MSEL-003', { action: 'move', to: T0 + 99 * MIN }),
    ).rejects.toThrow(`inject MSEL-003 was delivered at ${at(50)}`);
    expect(log.entries().filter((e) => e.kind === 'inject-control')).toHaveLength(2);
  });

  it('a backward seek past a moved delivery undoes it: delivered again when the clock gets there, and a resume agrees', async () => {
    const { engine, log } = await start();
    await engine.controlInject('MSEL-001', { action: 'move', to: T0 + 25 * MIN });
    await engine.advanceTo(T0 + 30 * MIN);
    expect(messageIds(engine)).toEqual(['MSEL-001']);
    await engine.seek(T0 + 22 * MIN);
    expect(messageIds(engine)).toEqual([]);
    expect(engine.injectDeliveredAt(seqOf('MSEL-001'))).toBeNull();
    await engine.advanceTo(T0 + 26 * MIN);
    expect(engine.injectDeliveredAt(seqOf('MSEL-001'))).toBe(T0 + 25 * MIN);
    const resumed = await resumeExercise(scenario, log.entries());
    await resumed.advanceTo(engine.now);
    expect(resumed.getSnapshot()).toEqual(engine.getSnapshot());
    expect(messages(resumed)).toEqual(messages(engine));
  });

  it('holding an inject already passed by a backward seek withholds it from the replay', async () => {
    const { engine, log } = await start();
    await engine.advanceTo(T0 + 50 * MIN);
    await engine.seek(T0 + 10 * MIN);
    await engine.controlInject('MSEL-002', { action: 'hold' });
    await engine.advanceTo(T0 + 50 * MIN);
    expect(messageIds(engine)).toEqual(['MSEL-001']);
    await engine.seek(T0 + 40 * MIN);
    await engine.advanceTo(T0 + 50 * MIN);
    expect(messageIds(engine)).toEqual(['MSEL-001']);
    const resumed = await resumeExercise(scenario, log.entries());
    await resumed.advanceTo(engine.now);
    expect(messages(resumed)).toEqual(messages(engine));
    expect(resumed.getSnapshot()).toEqual(engine.getSnapshot());
  });
});

// Every inject control and clock move the controller could make right now.
function offers(engine: ExerciseEngine): (() => Promise<void>)[] {
  const list: (() => Promise<void>)[] = [];
  const end = scenario.end;
  for (const inject of INJECTS) {
    const seq = seqOf(inject.id);
    if (engine.injectDeliveredAt(seq) !== null) continue;
    const held = engine.controlledInjects().get(seq)?.held ?? false;
    list.push(() => engine.controlInject(inject.id, { action: held ? 'release' : 'hold' }));
    list.push(() => engine.controlInject(inject.id, { action: 'deliver' }));
    list.push(() =>
      engine
        .controlInject(inject.id, { action: 'move', to: Math.min(end, engine.now + 17 * MIN) })
        .catch((e: unknown) => {
          // Already due there: refused, nothing written.
          if (!(e instanceof IntentRefused)) throw e;
        }),
    );
  }
  list.push(() => engine.seek(Math.min(end, engine.now + 25 * MIN)));
  if (!engine.protocolStarted && engine.now > T0) {
    list.push(() => engine.seek(T0 + Math.round((engine.now - T0) / 3)));
  }
  list.push(() => engine.note('Controller note'));
  return list;
}

describe('resuming an exercise whose injects were controlled', () => {
  it('rebuilds the same state and messages from the log, whatever the controller did', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ waitMin: fc.nat(40), pick: fc.nat(60) }), {
          minLength: 3,
          maxLength: 25,
        }),
        async (moves) => {
          const { engine, log } = await start();
          for (const move of moves) {
            await engine.advanceTo(Math.min(engine.now + move.waitMin * MIN, scenario.end));
            const choices = offers(engine);
            await choices[move.pick % choices.length]!();
          }
          const resumed = await resumeExercise(scenario, log.entries());
          await resumed.advanceTo(engine.now);
          expect(resumed.getSnapshot()).toEqual(engine.getSnapshot());
          expect(messages(resumed)).toEqual(messages(engine));
          expect([...resumed.controlledInjects()]).toEqual([...engine.controlledInjects()]);
          for (const inject of INJECTS) {
            const seq = seqOf(inject.id);
            expect(resumed.injectDeliveredAt(seq)).toBe(engine.injectDeliveredAt(seq));
            // Never delivered twice, and a held one never.
            const ids = messageIds(engine).filter((id) => id === inject.id);
            expect(ids.length).toBeLessThanOrEqual(1);
            if (engine.controlledInjects().get(seq)?.held) expect(ids).toEqual([]);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
