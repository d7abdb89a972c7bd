// An alert's protocol status on a version-1 protocol (a scenario's own, or a
// log recorded before version 2), as the console's walkthrough shows it: the
// step, who acts, its deadline running, warning and breached on the clock,
// the parties asked to acknowledge, the prompt after a severity rise, and each
// step's history with why it was entered and by whom.
import { describe, expect, it } from 'vitest';
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { createExercise } from '../../../shared/exercise/exercise-session';
import {
  MIN,
  T0,
  V1_PROTOCOL,
  buildScenario,
  handEvents,
  lateSmallArmsReport,
} from './hand-scenario';

const operator = { name: 'op', role: 'operator' as const };

async function exercise(events = handEvents()) {
  const engine = await createExercise(
    prepareExercise(buildScenario(events), 'test', V1_PROTOCOL),
    new MemoryAuditLog('ex-v1'),
    operator,
  );
  const status = (id = 'A-mlrs-1') =>
    engine.getSnapshot().alerts.find((a) => a.id === id)!.protocol!;
  return { engine, status };
}

const history = (status: {
  history: readonly { stepId: string; reason: string; actor: string }[];
}) => status.history.map((h) => [h.stepId, h.reason, h.actor]);

describe('a version-1 protocol status', () => {
  it('shows the step entered by severity, its deadline running, warning, then breached', async () => {
    const { engine, status } = await exercise();
    await engine.advanceTo(T0 + 62 * MIN);
    const triage = status();
    expect([triage.stepId, triage.stepTitle, triage.role, triage.closed]).toEqual([
      'triage',
      'Triage the alert',
      'operator',
      false,
    ]);
    expect(triage.instructions).toMatch(/^Acknowledge the alert and read/);
    expect(triage.actions.map((a) => a.id)).toEqual([
      'start-verification',
      'false-alarm',
      'escalate-now',
    ]);
    expect([triage.enteredAt, triage.deadlineAt, triage.warnAt]).toEqual([
      T0 + 60 * MIN,
      T0 + 70 * MIN,
      T0 + 68 * MIN,
    ]);
    expect(triage.deadlineStatus).toBe('running');
    expect(history(triage)).toEqual([['triage', 'entry (medium)', 'system']]);
    expect([triage.acks, triage.missingAcks, triage.severityPrompt]).toEqual([[], [], null]);
    await engine.advanceTo(T0 + 68 * MIN - 1);
    expect(status().deadlineStatus).toBe('running');
    await engine.advanceTo(T0 + 68 * MIN);
    expect(status().deadlineStatus).toBe('warning');
    await engine.advanceTo(T0 + 70 * MIN);
    expect(status().deadlineStatus).toBe('breached');
  });

  it('prompts for the entry step of the new severity, and names who jumped there', async () => {
    const { engine, status } = await exercise();
    await engine.advanceTo(T0 + 85 * MIN);
    expect(status().severityPrompt).toEqual({
      severity: 'critical',
      target: 'notify',
      targetTitle: 'Notify liaison officers',
    });
    await engine.jumpToEntry('A-mlrs-1');
    const notify = status();
    expect(notify.severityPrompt).toBeNull();
    expect(history(notify)).toEqual([
      ['triage', 'entry (medium)', 'system'],
      ['notify', 'severity rose to critical', 'op'],
    ]);
    expect(notify.history[0]!.leftAt).toBe(T0 + 85 * MIN);
    expect(notify.acks).toEqual([
      { partyId: 'A', partyName: 'Party A', ack: null },
      { partyId: 'B', partyName: 'Party B', ack: null },
    ]);
    expect(notify.missingAcks).toEqual(['A', 'B']);
    await engine.ackParty('A-mlrs-1', 'A', 'hotline');
    expect(status().acks[0]!.ack).toMatchObject({ party: 'A', how: 'hotline' });
    expect(status().missingAcks).toEqual(['B']);
  });

  it('names the action that moved it, and shows a closed run', async () => {
    const { engine, status } = await exercise();
    await engine.advanceTo(T0 + 62 * MIN);
    await engine.act('A-mlrs-1', 'start-verification', {});
    expect(history(status()).at(-1)).toEqual(['verify', 'action: start-verification', 'op']);
    await engine.act('A-mlrs-1', 'false-alarm', {
      rationale: 'drone imagery',
      summary: 'A harvester, not a launcher.',
    });
    const closed = status();
    expect([closed.closed, closed.stepTitle, closed.deadlineStatus, closed.actions]).toEqual([
      true,
      'Closed',
      'none',
      [],
    ]);
    expect(closed.instructions).toBe('Closed: A harvester, not a launcher.');
    expect(closed.summary).toBe('A harvester, not a launcher.');
    // The close step is no step of the protocol: nobody acts there, nobody is asked.
    expect([closed.stepId, closed.role, closed.acks, closed.missingAcks]).toEqual([
      'close',
      'none',
      [],
      [],
    ]);
    expect([closed.deadlineAt, closed.warnAt, closed.enteredAt]).toEqual([
      null,
      null,
      T0 + 62 * MIN,
    ]);
  });

  it("names a deadline breach that escalated it as the system's move, from the step it breached", async () => {
    const { engine, status } = await exercise();
    await engine.advanceTo(T0 + 65 * MIN);
    await engine.jumpToEntry('A-mlrs-1');
    const notify = status();
    expect([notify.stepId, notify.deadlineAt, notify.warnAt]).toEqual([
      'notify',
      T0 + 95 * MIN,
      T0 + 89 * MIN,
    ]);
    await engine.advanceTo(T0 + 95 * MIN);
    const consult = status();
    expect(history(consult)).toEqual([
      ['triage', 'entry (medium)', 'system'],
      ['notify', 'severity rose to critical', 'op'],
      ['consult', 'deadline breach in notify', 'system'],
    ]);
    expect(consult.history[1]).toMatchObject({
      stepTitle: 'Notify liaison officers',
      enteredAt: T0 + 65 * MIN,
      leftAt: T0 + 95 * MIN,
      warnedAt: T0 + 89 * MIN,
      breachedAt: T0 + 95 * MIN,
    });
    expect(consult.history[2]).toMatchObject({
      stepTitle: 'Convene the emergency consultation',
      cause: { kind: 'deadline', from: 'notify' },
      leftAt: null,
      breachedAt: null,
    });
    // The new step's own deadline runs from the breach.
    expect([consult.stepId, consult.enteredAt, consult.deadlineStatus]).toEqual([
      'consult',
      T0 + 95 * MIN,
      'running',
    ]);
  });

  it("shows no deadline for a step without one, and names a new event that sent it back as the system's move", async () => {
    const { engine, status } = await exercise([...handEvents(), lateSmallArmsReport()]);
    await engine.advanceTo(T0 + 185 * MIN);
    await engine.startProtocol('A-sa-1');
    await engine.act('A-sa-1', 'start-verification', {});
    await engine.act('A-sa-1', 'unconfirmed', {});
    const monitor = status('A-sa-1');
    expect([monitor.stepId, monitor.stepTitle, monitor.closed]).toEqual([
      'monitor',
      'Monitor the location',
      false,
    ]);
    expect([monitor.deadlineAt, monitor.warnAt, monitor.deadlineStatus]).toEqual([
      null,
      null,
      'none',
    ]);
    // Hours later it still has none: a step without a deadline is never late.
    await engine.advanceTo(T0 + 329 * MIN);
    expect(status('A-sa-1').deadlineStatus).toBe('none');
    await engine.advanceTo(T0 + 331 * MIN);
    const back = status('A-sa-1');
    expect(history(back)).toEqual([
      ['triage', 'protocol started by hand', 'op'],
      ['verify', 'action: start-verification', 'op'],
      ['monitor', 'action: unconfirmed', 'op'],
      ['triage', 'new event sa-2', 'system'],
    ]);
    expect(back.history.at(-1)!.cause).toEqual({ kind: 'new-event', eventId: 'sa-2' });
    expect([back.stepId, back.enteredAt, back.deadlineStatus]).toEqual([
      'triage',
      T0 + 330 * MIN,
      'running',
    ]);
  });

  it('shows a protocol started by hand', async () => {
    const { engine, status } = await exercise();
    await engine.advanceTo(T0 + 35 * MIN);
    await engine.startProtocol('A-hot-1');
    expect(history(status('A-hot-1'))).toEqual([['triage', 'protocol started by hand', 'op']]);
  });
});
