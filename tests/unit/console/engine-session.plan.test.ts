// The console side of the controller's plan: only a controller's session
// computes it (it holds ground truth and expected actions), the inject
// controls go through the session's commands, the snapshot delta carries the
// plan and the held injects, and the worker re-sends injected events a
// backward seek dropped.
import { describe, expect, it } from 'vitest';
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { createExercise } from '../../../shared/exercise/exercise-session';
import type { ReplayEvent } from '../../../shared/scenario/loaded-scenario';
import type { ScenarioEvent } from '../../../shared/scenario/schema';
import { engineSession } from '../../../renderer/src/console/engine-session';
import { injectsToSend } from '../../../renderer/src/console/inject-sync';
import {
  createDeltaDecoder,
  createDeltaEncoder,
} from '../../../renderer/src/console/snapshot-delta';
import { MIN, T0, at, buildScenario, handEvents } from '../exercise/hand-scenario';

const WALL = () => new Date('2026-11-26T10:00:00.000Z');
const hotline: ScenarioEvent = {
  id: 'MSEL-003',
  time: at(75),
  source: 'inject',
  type: 'inject',
  summary: 'Hotline call: Party A reports the shelling.',
  expected_action: 'Link it to the alert.',
};
const scenario = buildScenario([...handEvents(), hotline]);

async function open(role: 'operator' | 'controller') {
  const participant = { name: role === 'controller' ? 'control' : 'op', role };
  const log = new MemoryAuditLog('ex', { now: WALL });
  const engine = await createExercise(prepareExercise(scenario, 'test'), log, participant);
  const session = engineSession({ engine, scenario, participant, schedule: () => {} });
  return { engine, session, log };
}

describe("the controller's plan in the console session", () => {
  it("is in a controller's snapshot only", async () => {
    const controller = await open('controller');
    const operator = await open('operator');
    expect(controller.session.getSnapshot().plan?.injects.map((i) => i.eventId)).toEqual([
      'MSEL-003',
    ]);
    expect(operator.session.getSnapshot().plan).toBeNull();
  });

  it('holds an inject through the session command; the snapshot and its delta say it is withheld', async () => {
    const { session, log } = await open('controller');
    await session.commands.controlInject('MSEL-003', { action: 'hold' });
    await session.commands.seek(T0 + 80 * MIN);
    const snapshot = session.getSnapshot();
    expect(snapshot.plan!.injects[0]!.status).toBe('held');
    const seq = scenario.events.find((e) => e.event.id === 'MSEL-003')!.seq;
    expect(snapshot.withheld).toEqual([seq]);
    const decoded = createDeltaDecoder()(createDeltaEncoder()(snapshot));
    expect(decoded.plan).toEqual(snapshot.plan);
    expect(decoded.withheld).toEqual([seq]);
    expect(log.entries().filter((e) => e.kind === 'inject-control')).toHaveLength(1);
    await session.commands.controlInject('MSEL-003', { action: 'release' });
    expect(session.getSnapshot().plan!.injects[0]!.status).toBe('delivered');
    expect(session.getSnapshot().injectedCount).toBe(1);
  });
});

describe('the injected events the worker sends', () => {
  const event = (id: string): ReplayEvent => ({
    ...scenario.events[0]!,
    event: { ...scenario.events[0]!.event, id },
  });
  const engineHolding = (list: ReplayEvent[]) => (seq: number) =>
    seq < 10 ? event(`s${seq}`) : list[seq - 10];

  it('sends only the new ones while none was dropped', () => {
    const a = event('a');
    const b = event('b');
    expect(injectsToSend([a], engineHolding([a, b]), 10)).toEqual({ kept: 1, fresh: [b] });
  });

  it('keeps what the engine still holds, and re-sends from where a backward seek dropped the rest', () => {
    const a = event('a');
    const b = event('b');
    const c = event('c');
    // b was dropped by a seek back; c was delivered since, at b's seq.
    expect(injectsToSend([a, b], engineHolding([a, c]), 10)).toEqual({ kept: 1, fresh: [c] });
    expect(injectsToSend([a, b], engineHolding([a]), 10)).toEqual({ kept: 1, fresh: [] });
  });
});
