// Protocol version 2: an incident whose gravity or certainty band changes is
// prompted to the entry step its new bands name (docs/ESCALATION-PROTOCOL.md,
// "Bands change"); accepting moves the run there (the step's track moves, or
// opens there), dismissing leaves the tracks as they are; both are logged,
// and a resume replays them entry for entry.
import { describe, expect, it } from 'vitest';
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import type { ExerciseEngine } from '../../../shared/exercise/exercise-engine';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { createExercise, resumeExercise } from '../../../shared/exercise/exercise-session';
import { runStatus } from '../../../shared/exercise/run-status';
import { BUILTIN_PROTOCOL_V2 } from '../../../shared/protocol/builtin-protocol';
import { currentTrackVisit, runEntryStep } from '../../../shared/protocol/protocol-run';
import { MIN, T0, buildScenario, handEvents } from './hand-scenario';

const operator = { name: 'operator-1', role: 'operator' as const };
const HOUR = 60 * MIN;

async function start() {
  const scenario = buildScenario(handEvents(), { end: T0 + 72 * HOUR });
  const setup = prepareExercise(scenario, 'test', { protocol: BUILTIN_PROTOCOL_V2.document });
  const log = new MemoryAuditLog('v2', { now: () => new Date('2026-11-26T10:00:00.000Z') });
  const engine = await createExercise(setup, log, operator);
  return { scenario, engine, log };
}

/** The MLRS incident once its second report (launchers in the exclusion zone) raised its bands. */
async function raised(engine: ExerciseEngine) {
  await engine.advanceTo(T0 + 66 * MIN);
  const alert = engine.alerts().find((a) => a.eventIds.includes('mlrs-1'))!;
  return engine.unitOf(alert.id);
}

describe('protocol version 2: a change of bands prompts the entry step the new bands name', () => {
  it('logs the prompt on the change, and the walkthrough shows it', async () => {
    const { engine, log } = await start();
    const id = await raised(engine);
    const run = engine.runOf(id)!;
    const alert = engine.alerts().find((a) => a.id === id)!;
    const target = runEntryStep(BUILTIN_PROTOCOL_V2, alert.severity, alert.certaintyBand);
    expect(currentTrackVisit(run, 'triage')?.step).toBe('triage');
    expect(target).not.toBe('triage');
    expect(run.entryPrompt?.target).toBe(target);
    const change = log
      .entries()
      .find((e) => e.kind === 'alert-severity-changed' && e.alert_id === id);
    expect(change?.data).toMatchObject({ prompt: target });
    const status = runStatus(engine.runCtx!, run, operator, engine.now);
    expect(status.entryPrompt).toMatchObject({ target, gravity: alert.severity });
  });

  it('accepting moves the run to that step, logged with its track; the prompt is gone', async () => {
    const { engine, log, scenario } = await start();
    const id = await raised(engine);
    const target = engine.runOf(id)!.entryPrompt!.target;
    const track = BUILTIN_PROTOCOL_V2.steps.get(target)!.track;
    await engine.jumpToEntry(id);
    const run = engine.runOf(id)!;
    expect(currentTrackVisit(run, track)?.step).toBe(target);
    expect(currentTrackVisit(run, track)?.cause).toMatchObject({
      kind: 'entry-jump',
      by: 'operator-1',
    });
    expect(run.entryPrompt).toBeNull();
    expect(log.entries().at(-1)).toMatchObject({
      kind: 'protocol-action',
      role: 'operator',
      alert_id: id,
      data: { type: 'severity-jump', to: target, track },
    });
    // Nothing left to accept: a second answer is refused, and logs nothing.
    const before = log.entries().length;
    await expect(engine.jumpToEntry(id)).rejects.toThrow(/no prompt to a new entry step/);
    expect(log.entries().length).toBe(before);
    // A resume replays the jump entry for entry.
    await engine.end('done');
    const resumed = await resumeExercise(scenario, log.entries());
    expect(resumed.runOf(id)).toEqual(engine.runOf(id));
  });

  it('dismissing leaves every track where it was, and is logged', async () => {
    const { engine, log } = await start();
    const id = await raised(engine);
    const before = engine.runOf(id)!.tracks;
    const target = engine.runOf(id)!.entryPrompt!.target;
    await engine.dismissSeverityPrompt(id);
    expect(engine.runOf(id)!.tracks).toEqual(before);
    expect(engine.runOf(id)!.entryPrompt).toBeNull();
    expect(log.entries().at(-1)?.data).toMatchObject({
      type: 'dismiss-severity-prompt',
      target,
    });
  });

  it('a prompt that no longer lies ahead (its track finished) cannot be accepted, and the walkthrough drops it', async () => {
    const { engine, log } = await start();
    const id = await raised(engine);
    const target = engine.runOf(id)!.entryPrompt!.target;
    const track = BUILTIN_PROTOCOL_V2.steps.get(target)!.track;
    // The built-in sends this incident, now critical and probable, to escalate (in triage).
    expect([target, track]).toEqual(['escalate', 'triage']);
    await engine.act(id, 'confirmed-violation', { rationale: 'MLRS in the exclusion zone.' });
    const run = engine.runOf(id)!;
    expect(runStatus(engine.runCtx!, run, operator, engine.now).entryPrompt).toBeNull();
    const before = log.entries().length;
    await expect(engine.jumpToEntry(id)).rejects.toThrow(/no longer applies/);
    expect(log.entries().length).toBe(before);
  });
});
