import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../shared/audit/entry';
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import type { AuditLogWriter } from '../../../shared/audit/writer';
import { IntentRefused } from '../../../shared/exercise/exercise-engine';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { createExercise, resumeExercise } from '../../../shared/exercise/exercise-session';
import { QuotaLimitedLog } from './quota-limited-log';
import {
  MIN,
  T0,
  at,
  buildScenario,
  handEvents,
  lateSmallArmsReport,
  V1_PROTOCOL,
} from './hand-scenario';

const WALL = () => new Date('2026-11-26T10:00:00.000Z');
const operator = { name: 'operator-1', role: 'operator' as const };
const controller = { name: 'control', role: 'controller' as const };

async function start(
  events = handEvents(),
  log: AuditLogWriter = new MemoryAuditLog('ex', { now: WALL }),
) {
  const scenario = buildScenario(events);
  const engine = await createExercise(
    prepareExercise(scenario, 'test', V1_PROTOCOL),
    log,
    operator,
  );
  return { scenario, engine, log };
}
const kinds = (entries: readonly LogEntry[]) =>
  entries.map((e) =>
    [e.exercise_time!.slice(11, 16), e.kind, e.alert_id ?? '', e.step_id ?? ''].join(' '),
  );

describe('exercise engine intents', () => {
  it('logs exercise-created with scenario hash, scoring and protocol documents and their hashes', async () => {
    const { scenario, engine, log } = await start();
    const [created] = await log.readEntries();
    expect(created!.kind).toBe('exercise-created');
    expect(created!.data).toMatchObject({
      scenario_id: 'hand-made',
      scenario_hash: scenario.hash,
      app_version: 'test',
      protocol: { hash: engine.setup.protocol.hash },
      scoring: { hash: engine.setup.scoring.hash },
    });
    expect((created!.data.protocol as { document: { id: string } }).document.id).toBe(
      'emergency-consultation',
    );
  });

  it('logs system entries as the clock reaches them, in order, with their exercise time', async () => {
    const { engine, log } = await start();
    await engine.advanceTo(T0 + 20 * MIN);
    expect(kinds(await log.readEntries())).toEqual(['00:00 exercise-created  ']);
    await engine.advanceTo(T0 + 75 * MIN);
    expect(kinds(await log.readEntries())).toEqual([
      '00:00 exercise-created  ',
      '00:30 alert-opened A-hot-1 ',
      '01:00 alert-opened A-mlrs-1 ',
      '01:00 protocol-action A-mlrs-1 triage',
      '01:04 alert-severity-changed A-mlrs-1 ',
      '01:08 deadline-warning A-mlrs-1 triage',
      '01:10 deadline-breach A-mlrs-1 triage',
    ]);
    const status = engine.getSnapshot().alerts.find((a) => a.id === 'A-mlrs-1')!.protocol!;
    expect(status.deadlineStatus).toBe('breached');
    expect(status.severityPrompt).toMatchObject({ severity: 'critical', target: 'notify' });
  });

  it('a forward seek processes every event, warning and breach in between, in order', async () => {
    const { engine, log } = await start();
    await engine.advanceTo(T0 + 65 * MIN);
    await engine.acknowledge('A-mlrs-1');
    await engine.jumpToEntry('A-mlrs-1');
    await engine.seek(T0 + 130 * MIN);
    // The consult deadline is 24 h away: nothing else is due before 02:10.
    expect(kinds(await log.readEntries()).slice(-6)).toEqual([
      '01:05 ack A-mlrs-1 ',
      '01:05 protocol-action A-mlrs-1 triage',
      '01:05 clock  ',
      '01:29 deadline-warning A-mlrs-1 notify',
      '01:35 deadline-breach A-mlrs-1 notify',
      '01:35 protocol-action A-mlrs-1 consult',
    ]);
    const entries = await log.readEntries();
    const breach = entries.find((e) => e.kind === 'deadline-breach' && e.step_id === 'notify')!;
    expect(breach.data).toEqual({ deadline_at: at(95), escalated_to: 'consult' });
    expect(engine.now).toBe(T0 + 130 * MIN);
  });

  it('seeking backwards: refused for the operator, allowed for the controller before any protocol, refused after', async () => {
    const { engine } = await start();
    await engine.advanceTo(T0 + 45 * MIN);
    await expect(engine.seek(T0 + 10 * MIN)).rejects.toThrow(
      'only the controller may seek backwards',
    );
    await engine.seek(T0 + 10 * MIN, controller);
    expect(engine.now).toBe(T0 + 10 * MIN);
    expect(engine.getSnapshot().alerts).toEqual([]);
    await engine.advanceTo(T0 + 61 * MIN);
    expect(engine.protocolStarted).toBe(true);
    await expect(engine.seek(T0 + 30 * MIN, controller)).rejects.toThrow(
      /refused once the protocol has started/,
    );
    await expect(engine.seek(T0 + 99 * 60 * MIN)).rejects.toThrow(/outside the scenario/);
  });

  it('after a controller seeks back, the replay shows events again and a resume rebuilds it', async () => {
    const { scenario, engine, log } = await start();
    await engine.advanceTo(T0 + 45 * MIN);
    await engine.seek(T0 + 10 * MIN, controller);
    await engine.advanceTo(T0 + 50 * MIN);
    expect(kinds(await log.readEntries())).toEqual([
      '00:00 exercise-created  ',
      '00:30 alert-opened A-hot-1 ',
      '00:45 clock  ',
      '00:30 alert-opened A-hot-1 ',
    ]);
    const resumed = await resumeExercise(scenario, await log.readEntries());
    await resumed.advanceTo(engine.now);
    expect(resumed.getSnapshot()).toEqual(engine.getSnapshot());
  });

  it('applies an action only after its entry is stored: a failed append stops the clock and applies nothing', async () => {
    const log = new QuotaLimitedLog(6, 'ex', { now: WALL });
    const { engine } = await start(handEvents(), log);
    await engine.play();
    await engine.advanceTo(T0 + 61 * MIN);
    expect(log.inner.entries()).toHaveLength(5);
    await engine.acknowledge('A-mlrs-1');
    await expect(engine.act('A-mlrs-1', 'escalate-now', {})).rejects.toThrow('QuotaExceededError');
    const alert = engine.getSnapshot().alerts.find((a) => a.id === 'A-mlrs-1')!;
    expect(alert.protocol!.stepId).toBe('triage');
    expect(engine.fault).toMatch(/could not be written .* export the log now/);
    expect(engine.playing).toBe(false);
    await expect(engine.acknowledge('A-hot-1')).rejects.toThrow(/the exercise is stopped/);
  });

  it('refuses invalid intents with a reason, logging nothing', async () => {
    const { engine, log } = await start();
    await engine.advanceTo(T0 + 61 * MIN);
    const before = (await log.readEntries()).length;
    await expect(engine.act('A-mlrs-1', 'false-alarm', { rationale: 'x' })).rejects.toThrow(
      'summary is required',
    );
    await expect(engine.act('A-hot-1', 'escalate-now', {})).rejects.toThrow(
      'A-hot-1 has not entered the protocol',
    );
    await expect(engine.ackParty('A-mlrs-1', 'A', 'hotline')).rejects.toThrow(
      'step "triage" does not collect party acknowledgements',
    );
    await expect(engine.acknowledge('A-nope')).rejects.toBeInstanceOf(IntentRefused);
    await expect(engine.inject({ summary: 'x' })).rejects.toThrow(
      'only the controller may inject events',
    );
    expect((await log.readEntries()).length).toBe(before);
  });

  it('manual start, close with summary; a closed alert takes no new events', async () => {
    const events = [
      ...handEvents(),
      {
        id: 'hot-2',
        time: at(100),
        source: 'satellite' as const,
        type: 'thermal-hotspot',
        lat: -44.9,
        lon: -120.1,
        confidence: 0.3,
      },
    ];
    const { engine } = await start(events);
    await engine.advanceTo(T0 + 35 * MIN);
    await engine.startProtocol('A-hot-1');
    await engine.act('A-hot-1', 'false-alarm', {
      rationale: 'crop fire',
      summary: 'Stubble burning; no violation.',
    });
    await engine.advanceTo(T0 + 101 * MIN);
    const alerts = engine.getSnapshot().alerts;
    const closed = alerts.find((a) => a.id === 'A-hot-1')!;
    expect(closed.closed).toBe(true);
    expect(closed.protocol).toMatchObject({
      closed: true,
      summary: 'Stubble burning; no violation.',
      stepId: 'close',
    });
    expect(closed.eventIds).toEqual(['hot-1']);
    expect(alerts.some((a) => a.id === 'A-hot-2')).toBe(true);
  });

  it('a new event joining a monitored alert sends it back to triage (on_new_event)', async () => {
    // Reported late: happened 40 minutes after sa-1, shown after the alert went to monitor.
    const events = [...handEvents(), lateSmallArmsReport()];
    const { engine, log } = await start(events);
    await engine.advanceTo(T0 + 185 * MIN);
    await engine.startProtocol('A-sa-1');
    await engine.act('A-sa-1', 'start-verification', {});
    await engine.act('A-sa-1', 'unconfirmed', {});
    await engine.advanceTo(T0 + 331 * MIN);
    const entries = await log.readEntries();
    expect(entries.find((e) => e.data.type === 'new-event')).toMatchObject({
      kind: 'protocol-action',
      role: 'system',
      alert_id: 'A-sa-1',
      step_id: 'triage',
      data: { type: 'new-event', event_id: 'sa-2', from: 'monitor', to: 'triage' },
    });
    const status = engine.getSnapshot().alerts.find((a) => a.id === 'A-sa-1')!.protocol!;
    expect(status.stepId).toBe('triage');
    expect(status.history.map((h) => h.stepId)).toEqual(['triage', 'verify', 'monitor', 'triage']);
    expect(status.history.at(-1)!.reason).toBe('new event sa-2');
  });

  it('an inject adds an event to the replay and is rebuilt on resume', async () => {
    const { scenario, engine, log } = await start();
    await engine.advanceTo(T0 + 40 * MIN);
    await engine.inject(
      {
        summary: 'Media report of shelling near the line',
        lat: -44.5,
        lon: -120.49,
        method: 'media',
      },
      controller,
    );
    const inject = (await log.readEntries()).find((e) => e.kind === 'inject')!;
    expect(inject.data).toEqual({
      event_id: 'inject-1',
      summary: 'Media report of shelling near the line',
      lat: -44.5,
      lon: -120.49,
      method: 'media',
    });
    expect(engine.injectedEvents()[0]!.event).toMatchObject({
      id: 'inject-1',
      source: 'inject',
      type: 'inject',
      time: at(40),
    });
    expect(engine.getSnapshot().alerts.map((a) => a.id)).toContain('A-inject-1');
    await engine.advanceTo(T0 + 90 * MIN);
    const resumed = await resumeExercise(scenario, await log.readEntries());
    await resumed.advanceTo(engine.now);
    expect(resumed.getSnapshot()).toEqual(engine.getSnapshot());
  });

  it('resumes past an export record written by whatever exported the log', async () => {
    const { scenario, engine, log } = await start();
    await engine.advanceTo(T0 + 61 * MIN);
    const [exported] = await log.append([
      {
        exercise_time: null,
        actor: 'auditor-1',
        role: 'auditor',
        kind: 'export',
        data: { format: 'truceline-log' },
      },
    ]);
    await engine.advanceTo(T0 + 75 * MIN);
    const resumed = await resumeExercise(scenario, await log.readEntries());
    expect(resumed.lastEntry).toEqual((await log.readEntries()).at(-1));
    expect((await log.readEntries()).map((e) => e.seq)).toContain(exported!.seq);
    await resumed.advanceTo(engine.now);
    expect(resumed.getSnapshot().alerts).toEqual(engine.getSnapshot().alerts);
  });

  it('notifies subscribers after each change', async () => {
    const { engine } = await start();
    let calls = 0;
    const unsubscribe = engine.subscribe(() => (calls += 1));
    const first = engine.getSnapshot();
    expect(engine.getSnapshot()).toBe(first);
    await engine.advanceTo(T0 + 61 * MIN);
    expect(calls).toBeGreaterThan(0);
    expect(engine.getSnapshot()).not.toBe(first);
    unsubscribe();
    const seen = calls;
    await engine.advanceTo(T0 + 62 * MIN);
    expect(calls).toBe(seen);
  });
});
