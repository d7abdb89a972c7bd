// The auto operator's queue: which waiting task it takes when it is free,
// how it logs the controller's injects, and which low alerts it takes up
// when nothing more urgent waits.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createReader,
  injectTasks,
  NO_DEADLINE,
  planNext,
  reviewTasks,
  type Task,
} from '../../../shared/exercise/auto-operator';
import type { AlertSnapshot } from '../../../shared/exercise/exercise-snapshot';
import type { ScenarioEvent } from '../../../shared/scenario/schema';
import {
  MIN,
  OPERATOR,
  START,
  alertSnapshot,
  consoleEngine,
  intentRecorder,
  type AlertOver,
  type ConsoleOptions,
} from './console-state';

function task(alertId: string, over: Partial<Task> = {}): Task {
  return {
    alertId,
    availableAt: START,
    durationMin: 1,
    priority: START + 30 * MIN,
    what: `work ${alertId}`,
    run: () => Promise.resolve(),
    ...over,
  };
}

const planOf = (tasks: Task[], options: Partial<ConsoleOptions> = {}) =>
  planNext(consoleEngine({ alerts: [], ...options }), OPERATOR, tasks);

describe('taking the next task', () => {
  it('has nothing to do when nothing waits', () => {
    expect(planOf([])).toBeNull();
  });

  it('takes the task working against the earliest deadline, whatever its alert', () => {
    const plan = planOf([
      task('A-a', { priority: START + 20 * MIN }),
      task('A-b', { priority: START + 10 * MIN }),
    ]);
    expect(plan?.alertId).toBe('A-b');
  });

  it('among equally urgent tasks, takes the one that could begin first', () => {
    const tasks = [task('A-a', { availableAt: START + 5 * MIN }), task('A-b')];
    const plan = planOf(tasks, { lastActedAt: START + 10 * MIN });
    expect(plan).toMatchObject({ alertId: 'A-b', at: START + 11 * MIN });
  });

  it('among tasks alike in all else, takes the alert first in id order', () => {
    expect(planOf([task('A-b'), task('A-a')])?.alertId).toBe('A-a');
    expect(planOf([task('A-a'), task('A-b')])?.alertId).toBe('A-a');
  });

  it("keeps an alert's own tasks in the order they were listed when alike", () => {
    const tasks = [
      task('A-a', { what: 'record acknowledgement of N' }),
      task('A-a', { what: 'record acknowledgement of S' }),
    ];
    expect(planOf(tasks)?.what).toBe('record acknowledgement of N');
  });

  it('does not start a task that is not yet available, however urgent', () => {
    const plan = planOf([
      task('A-a', { availableAt: START + 10 * MIN, priority: START }),
      task('A-b', { availableAt: START + 2 * MIN, priority: NO_DEADLINE }),
    ]);
    expect(plan).toMatchObject({ alertId: 'A-b', at: START + 3 * MIN });
  });

  it('performs the task as the operator', async () => {
    const performed: unknown[] = [];
    const plan = planOf([
      task('A-a', {
        run: (_engine, actor) => {
          performed.push(actor);
          return Promise.resolve();
        },
      }),
    ]);
    await plan!.run(intentRecorder().engine);
    expect(performed).toEqual([OPERATOR]);
  });

  it('finishes a task once free, after its duration, and never in the past', () => {
    const tasks = fc.array(
      fc.record({
        alertId: fc.constantFrom('A-a', 'A-b', 'A-c'),
        availableAt: fc.integer({ min: 0, max: 120 }),
        durationMin: fc.integer({ min: 1, max: 10 }),
        priority: fc.integer({ min: 0, max: 5 }),
      }),
      { minLength: 1, maxLength: 6 },
    );
    fc.assert(
      fc.property(
        tasks,
        fc.option(fc.integer({ min: 0, max: 120 })),
        fc.integer({ min: 0, max: 200 }),
        (drafts, actedMin, nowMin) => {
          const all = drafts.map((d, i) =>
            task(d.alertId, {
              availableAt: START + d.availableAt * MIN,
              durationMin: d.durationMin,
              priority: d.priority,
              what: `task ${i}`,
            }),
          );
          const free = actedMin === null ? START : START + actedMin * MIN;
          const now = START + nowMin * MIN;
          const plan = planOf(all, { lastActedAt: actedMin === null ? null : free, now })!;
          const chosen = all.find((t) => t.what === plan.what)!;
          const begins = Math.max(free, Math.min(...all.map((t) => t.availableAt)));
          expect(chosen.availableAt).toBeLessThanOrEqual(begins);
          expect(plan.at).toBe(Math.max(now, begins + chosen.durationMin * MIN));
          // Nothing available then was more urgent.
          for (const t of all.filter((x) => x.availableAt <= begins)) {
            expect(t.priority).toBeGreaterThanOrEqual(chosen.priority);
          }
        },
      ),
    );
  });
});

describe("the controller's injects", () => {
  const inject = (id: string, over: Partial<ScenarioEvent> = {}): ScenarioEvent => ({
    id,
    time: new Date(START).toISOString(),
    source: 'inject',
    type: 'inject',
    lat: -44.2,
    lon: -120.55,
    summary: 'Party A reports shelling.',
    ...over,
  });
  function injectAlert(events: ScenarioEvent[], over: AlertOver = {}) {
    const alert = alertSnapshot({
      id: `A-${events[0]!.id}`,
      openedAt: START + 10 * MIN,
      eventSeqs: events.map((_, i) => i),
      view: { sources: [...new Set(events.map((e) => e.source))] },
      ...over,
    });
    const engine = consoleEngine({ alerts: [alert], events });
    return { alert, read: createReader(engine) };
  }

  it('logs an inject in a note within half an hour of its arrival', async () => {
    const { alert, read } = injectAlert([
      inject('MSEL-1', { 'x-inject-kind': 'hotline call', 'x-from': 'Party A liaison' }),
    ]);
    const [log, ...more] = injectTasks(alert, read);
    expect(more).toEqual([]);
    expect(log).toMatchObject({
      alertId: 'A-MSEL-1',
      availableAt: START + 10 * MIN,
      priority: START + 40 * MIN,
      what: 'log the inject',
    });
    const recorder = intentRecorder();
    await log!.run(recorder.engine, OPERATOR);
    expect(recorder.intents).toEqual([
      [
        'note',
        'MSEL-1: hotline call from Party A liaison received and logged — "Party A reports shelling."',
        'A-MSEL-1',
        OPERATOR,
      ],
    ]);
  });

  it('writes one line for each message, calling one without a kind or sender a message', async () => {
    const long = 'x'.repeat(241);
    const exact = 'y'.repeat(240);
    const { alert, read } = injectAlert([
      inject('MSEL-2'),
      inject('MSEL-3', { summary: long }),
      inject('MSEL-4', { summary: exact }),
      inject('MSEL-5', { summary: undefined }),
    ]);
    const recorder = intentRecorder();
    await injectTasks(alert, read)[0]!.run(recorder.engine, OPERATOR);
    expect(recorder.intents[0]![1]).toBe(
      [
        'MSEL-2: message received and logged — "Party A reports shelling."',
        `MSEL-3: message received and logged — "${'x'.repeat(237)}…"`,
        `MSEL-4: message received and logged — "${exact}"`,
        'MSEL-5: message received and logged — ""',
      ].join('\n'),
    );
  });

  it('takes two or three minutes to log one, drawn for the alert', () => {
    // The draws differ between alerts: MSEL-1 and MSEL-3 take 2 minutes, MSEL-2 takes 3.
    const durations = ['MSEL-1', 'MSEL-2', 'MSEL-3'].map((id) => {
      const { alert, read } = injectAlert([inject(id)]);
      return injectTasks(alert, read)[0]!.durationMin;
    });
    expect(durations).toEqual([2, 3, 2]);
  });

  it('marks it read after its note, then leaves it', async () => {
    const note = { by: 'auto', at: START + 13 * MIN, text: 'MSEL-1: logged' };
    const { alert, read } = injectAlert([inject('MSEL-1')], { notes: [note] });
    const tasks = injectTasks(alert, read);
    expect(tasks).toMatchObject([
      {
        alertId: 'A-MSEL-1',
        availableAt: START + 13 * MIN,
        durationMin: 1,
        priority: START + 40 * MIN,
        what: 'mark the inject read',
      },
    ]);
    const recorder = intentRecorder();
    await tasks[0]!.run(recorder.engine, OPERATOR);
    expect(recorder.intents).toEqual([['acknowledge', 'A-MSEL-1', OPERATOR]]);
    const read2 = injectAlert([inject('MSEL-1')], {
      notes: [note],
      acknowledged: { by: 'auto', at: note.at + MIN },
    });
    expect(injectTasks(read2.alert, read2.read)).toEqual([]);
  });

  it('does not treat an alert that joins an inject to a sensor report as an inject', () => {
    const observer = { ...inject('obs-1'), source: 'observer' as const, type: 'small-arms-fire' };
    const mixed = injectAlert([inject('MSEL-1'), observer]);
    expect(injectTasks(mixed.alert, mixed.read)).toEqual([]);
    const sensor = injectAlert([observer]);
    expect(injectTasks(sensor.alert, sensor.read)).toEqual([]);
  });

  it('does not log an inject whose message it cannot read', () => {
    const alert = alertSnapshot({ eventSeqs: [3], view: { sources: ['inject'] } });
    const read = createReader(consoleEngine({ alerts: [alert] }));
    expect(injectTasks(alert, read)).toEqual([]);
  });
});

describe('reviewing low alerts outside the protocol', () => {
  function review(over: AlertOver) {
    const alert = alertSnapshot({ openedAt: START + 10 * MIN, ...over });
    return reviewTasks(alert, createReader(consoleEngine({ alerts: [alert] })));
  }
  const WEAK: AlertOver = { certainty: 0.3, certaintyBand: 'unconfirmed', gravity: 30 };
  const ACKED = { by: 'auto', at: START + 20 * MIN };

  it('acknowledges a low alert with weak evidence when nothing else waits, then starts its protocol', async () => {
    const [ack] = review(WEAK);
    expect(ack).toMatchObject({
      availableAt: START + 10 * MIN,
      durationMin: 1,
      priority: Number.MAX_SAFE_INTEGER,
      what: 'acknowledge (low, weak evidence)',
    });
    const [start] = review({ ...WEAK, acknowledged: ACKED });
    expect(start).toMatchObject({
      availableAt: START + 20 * MIN,
      priority: Number.MAX_SAFE_INTEGER,
      what: 'start protocol (low, weak evidence)',
    });
    const recorder = intentRecorder();
    await ack!.run(recorder.engine, OPERATOR);
    await start!.run(recorder.engine, OPERATOR);
    expect(recorder.intents).toEqual([
      ['acknowledge', 'A-obs-1', OPERATOR],
      ['startProtocol', 'A-obs-1', OPERATOR],
    ]);
  });

  it('looks within the hour at a low alert reporting harm', () => {
    expect(review({ view: { factors: ['harm'] } })).toMatchObject([
      { priority: START + 70 * MIN, what: 'acknowledge (low, harm or a prohibited weapon)' },
    ]);
  });

  it('takes up a prohibited weapon from probable certainty, not below', () => {
    expect(
      review({ certainty: 0.6, certaintyBand: 'probable', view: { factors: ['place'] } }),
    ).toMatchObject([
      { priority: START + 70 * MIN, what: 'acknowledge (low, harm or a prohibited weapon)' },
    ]);
    expect(
      review({ certainty: 0.59, certaintyBand: 'possible', view: { factors: ['place'] } }),
    ).toEqual([]);
  });

  it('leaves a low alert that is neither notable nor weak', () => {
    expect(review({ certainty: 0.5, gravity: 30 })).toEqual([]);
  });

  it('leaves a quiet weak alert, but closes a quiet cleared one', () => {
    expect(review({ ...WEAK, quiet: true })).toEqual([]);
    expect(
      review({ certainty: 0, certaintyBand: 'cleared', quiet: true, acknowledged: ACKED }),
    ).toMatchObject([{ what: 'start protocol (low, cleared evidence)' }]);
  });

  it('closes a cleared alert of any band, but no other above low', () => {
    expect(
      review({ certainty: 0, certaintyBand: 'cleared', severity: 'high', gravity: 65 }),
    ).toMatchObject([
      { priority: Number.MAX_SAFE_INTEGER, what: 'acknowledge (low, cleared evidence)' },
    ]);
    expect(review({ ...WEAK, severity: 'medium', view: { factors: ['harm'] } })).toEqual([]);
  });

  it('leaves an alert linked to an incident to the incident', () => {
    const incident: NonNullable<AlertSnapshot['incident']> = {
      id: 'I-1',
      alertIds: ['A-obs-1'],
      primary: true,
      gravity: 30,
      severity: 'low',
      certainty: 0.3,
      certaintyBand: 'unconfirmed',
    };
    expect(review({ ...WEAK, incident })).toEqual([]);
  });
});
