// An alert's protocol status on a version-1 protocol (a scenario's own, or a
// log recorded before version 2), as the console's walkthrough shows it: the
// step, who acts, its deadline running, warning and breached on the clock,
// the parties asked to acknowledge, the prompt after a severity rise, and each
// step's history with why it was entered and by whom.
import { describe, expect, it } from 'vitest';
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { createExercise } from '../../../shared/exercise/exercise-session';
import { MIN, T0, V1_PROTOCOL, buildScenario, handEvents } from './hand-scenario';

const operator = { name: 'op', role: 'operator' as const };

async function exercise() {
  const engine = await createExercise(
    prepareExercise(buildScenario(handEvents()), 'test', V1_PROTOCOL),
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
  });

  it('shows a protocol started by hand', async () => {
    const { engine, status } = await exercise();
    await engine.advanceTo(T0 + 35 * MIN);
    await engine.startProtocol('A-hot-1');
    expect(history(status('A-hot-1'))).toEqual([['triage', 'protocol started by hand', 'op']]);
  });
});
