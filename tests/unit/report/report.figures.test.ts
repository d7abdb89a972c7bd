// Report figures checked by hand against a small scripted exercise on the
// hand-made scenario (times in minutes after 00:00 of the exercise day).
import { beforeAll, describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../shared/audit/entry';
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { createExercise } from '../../../shared/exercise/exercise-session';
import {
  buildAfterActionReport,
  type AfterActionReport,
} from '../../../shared/report/after-action-report';
import { reportToMarkdown } from '../../../shared/report/report-markdown';
import { summarizeDurations } from '../../../shared/report/summary-stats';
import { MIN, T0, V1_PROTOCOL, buildScenario, handEvents } from '../exercise/hand-scenario';

const operator = { name: 'operator-1', role: 'operator' as const };
const scenario = buildScenario(handEvents());
let entries: LogEntry[];
let report: AfterActionReport;

beforeAll(async () => {
  const log = new MemoryAuditLog('ex-aar', { now: () => new Date('2026-11-26T10:00:00.000Z') });
  const engine = await createExercise(
    prepareExercise(scenario, 'test', V1_PROTOCOL),
    log,
    operator,
  );
  const at = (min: number) => engine.advanceTo(T0 + min * MIN);
  // The crop fire: acknowledged at 00:35 (opened 00:30), closed as a false alarm at 00:38.
  await at(35);
  await engine.acknowledge('A-hot-1');
  await engine.startProtocol('A-hot-1');
  await at(38);
  await engine.act('A-hot-1', 'false-alarm', {
    rationale: 'single hotspot, 0.3',
    summary: 'Stubble burning.',
  });
  // The MLRS violation: opened 01:00 (high, triage), acknowledged 01:03, critical at 01:04.
  await at(63);
  await engine.acknowledge('A-mlrs-1');
  await at(66);
  await engine.jumpToEntry('A-mlrs-1'); // notify entered 01:06
  await at(75);
  await engine.ackParty('A-mlrs-1', 'A', 'hotline, duty officer');
  await at(80);
  await engine.ackParty('A-mlrs-1', 'B', 'hotline, liaison officer'); // all notified 01:20
  await at(81);
  await engine.act('A-mlrs-1', 'all-acknowledged', {});
  await at(120);
  await engine.act('A-mlrs-1', 'unsatisfactory-reply', { rationale: 'B denies firing' }); // consult 02:00
  await at(150);
  await engine.act('A-mlrs-1', 'measures-agreed', { measures: 'Withdraw the MLRS battery 70 km' }); // resolve 02:30
  // The small-arms report (ambiguous): started by hand at 03:05, never acknowledged, triage breached 03:15.
  await at(185);
  await engine.startProtocol('A-sa-1');
  await at(24 * 60);
  await engine.end('end of play');
  entries = log.entries().slice();
  report = await buildAfterActionReport({ scenario, entries, keyId: 'abcdef0123456789' });
});

describe('after-action report figures', () => {
  it('summarises durations as median, mean and max in minutes', () => {
    expect(summarizeDurations([])).toEqual({
      count: 0,
      median_min: null,
      mean_min: null,
      max_min: null,
    });
    expect(summarizeDurations([3, 6, 1255].map((m) => m * MIN))).toEqual({
      count: 3,
      median_min: 6,
      mean_min: 421.3,
      max_min: 1255,
    });
    expect(summarizeDurations([3 * MIN, 5 * MIN]).median_min).toBe(4);
  });

  it('times to acknowledge, notify and consult per highest severity', () => {
    const { critical, info, all, high } = report.response_times;
    expect(critical.acknowledge).toEqual({ count: 1, median_min: 3, mean_min: 3, max_min: 3 });
    expect(info.acknowledge).toEqual({ count: 1, median_min: 5, mean_min: 5, max_min: 5 });
    expect(all.acknowledge).toEqual({ count: 2, median_min: 4, mean_min: 4, max_min: 5 });
    expect(critical.notify).toEqual({ count: 1, median_min: 20, mean_min: 20, max_min: 20 });
    expect(critical.consult).toEqual({ count: 1, median_min: 60, mean_min: 60, max_min: 60 });
    expect(high.acknowledge.count).toBe(0);
    expect(all.notify.count).toBe(1);
  });

  it('deadlines met, breached and open per step, and time in step', () => {
    const step = (id: string) => report.steps.find((s) => s.step === id)!;
    expect(step('triage')).toMatchObject({
      visits: 3,
      deadlines_met: 2,
      deadlines_breached: 1,
      deadlines_open: 0,
    });
    expect(step('triage').time_in_step).toEqual({
      count: 3,
      median_min: 6,
      mean_min: 421.3,
      max_min: 1255,
    });
    expect(step('notify')).toMatchObject({ visits: 1, deadlines_met: 1, deadlines_breached: 0 });
    expect(step('notify').time_in_step.max_min).toBe(15);
    expect(step('request-explanation').time_in_step.max_min).toBe(39);
    expect(step('consult').time_in_step.max_min).toBe(30);
    expect(step('resolve')).toMatchObject({ visits: 1, deadlines_met: 0, deadlines_open: 1 });
    expect(step('resolve').time_in_step.max_min).toBe(1290);
    expect(step('verify').visits).toBe(0);
    expect(report.counts).toEqual({
      alerts: 3,
      alerts_in_protocol: 3,
      alerts_closed: 1,
      incidents: 0,
      deadline_breaches: 1,
      injects: 0,
    });
  });

  it('judges decisions against the ground truth of each alert', () => {
    expect(report.outcomes).toMatchObject({
      false_alarms_closed_correctly: 1,
      false_alarms_escalated: 0,
      violations_escalated: 1,
      violations_missed: 0,
    });
    expect(
      report.outcomes.alerts.map((a) => [a.alert_id, a.truth, a.handling, a.verdict, a.final_step]),
    ).toEqual([
      ['A-hot-1', 'false-positive', 'dismissed', 'false-alarm-closed-correctly', 'close'],
      ['A-mlrs-1', 'violation', 'escalated', 'violation-escalated', 'resolve'],
      ['A-sa-1', 'ambiguous', 'in-progress', 'other', 'triage'],
    ]);
  });

  it('counts a violation left in the queue of a running exercise as open, not missed', async () => {
    const short = entries.filter(
      (e) => e.seq <= entries.findIndex((x) => x.kind === 'ack' && x.alert_id === 'A-mlrs-1'),
    );
    const partial = await buildAfterActionReport({ scenario, entries: short, keyId: null });
    expect(partial.exercise.ended).toBeNull();
    expect(partial.outcomes.violations_missed).toBe(0);
    expect(partial.outcomes.violations_open).toBe(1);
    expect(partial.outcomes.alerts.find((a) => a.alert_id === 'A-mlrs-1')?.verdict).toBe(
      'violation-open',
    );
    expect(partial.improvements.map((i) => i.observation).join(' ')).not.toContain(
      'by the end of the exercise',
    );
    // Not a strength either: "every real violation was escalated" is not yet true.
    expect(partial.strengths.join(' ')).not.toContain('Every real violation');
    const markdown = reportToMarkdown(partial);
    expect(markdown).toContain('- Real violations still open (the exercise is running): 1');
  });

  it('counts a violation still unescalated when the exercise ended as missed', async () => {
    const short = entries.filter(
      (e) => e.seq <= entries.findIndex((x) => x.kind === 'ack' && x.alert_id === 'A-mlrs-1'),
    );
    // The same log, ended by the operator right after the acknowledgement.
    const last = short.at(-1)!;
    const ack = short.findLast((e) => e.kind === 'ack')!;
    const ended: LogEntry[] = [
      ...short,
      {
        seq: last.seq + 1,
        exercise_id: last.exercise_id,
        wall_time: last.wall_time,
        exercise_time: last.exercise_time,
        actor: ack.actor,
        role: ack.role,
        kind: 'exercise-ended',
        data: { reason: 'stop' },
        prev_hash: last.hash,
        hash: last.hash,
      },
    ];
    const report = await buildAfterActionReport({ scenario, entries: ended, keyId: null });
    expect(report.outcomes.violations_missed).toBe(1);
    expect(report.outcomes.violations_open).toBe(0);
    expect(report.improvements.some((i) => i.observation.includes('A-mlrs-1'))).toBe(true);
    expect(report.improvements.map((i) => i.observation).join(' ')).toContain(
      'by the end of the exercise',
    );
  });

  it('lists key decisions in order, and HSEEP strengths and areas for improvement', () => {
    const texts = report.timeline.map(
      (d) => `${d.exercise_time.slice(11, 16)} ${d.alert_id ?? '-'} ${d.text}`,
    );
    expect(texts).toEqual([
      '00:35 A-hot-1 Protocol started by hand at triage',
      '00:38 A-hot-1 False alarm (triage → close): single hotspot, 0.3',
      '01:06 A-mlrs-1 Jumped to notify after severity rose to critical',
      '01:21 A-mlrs-1 All parties acknowledged (notify → request-explanation)',
      '02:00 A-mlrs-1 Unsatisfactory or no reply (request-explanation → consult): B denies firing',
      '02:30 A-mlrs-1 Measures agreed (consult → resolve): Withdraw the MLRS battery 70 km',
      '03:05 A-sa-1 Protocol started by hand at triage',
      '03:15 A-sa-1 Deadline breached in triage (flagged)',
      '00:00 - Exercise ended: end of play',
    ]);
    expect(report.strengths).toContain(
      'Alerts were acknowledged promptly: median 4 min, worst 5 min (2 alerts).',
    );
    expect(report.strengths).toContain('Every real violation (1) was escalated to the parties.');
    expect(report.improvements.map((i) => i.observation)).toEqual([
      '1 alert(s) entered the protocol but were never acknowledged by an operator.',
      'Triage the alert (triage): 1 of 3 deadlines of 10 min were breached.',
    ]);
  });

  it('renders Markdown marked EXERCISE with the key id, and refuses another scenario', async () => {
    const md = reportToMarkdown(report);
    expect(md.startsWith('**EXERCISE**')).toBe(true);
    expect(md).toContain('Signed by key: `abcdef0123456789`');
    expect(md).toContain(
      '| critical | to notify (all parties acknowledged) | 1 | 20.0 | 20.0 | 20.0 |',
    );
    expect(md).toContain('| triage | 10 min | 3 | 2 | 1 | 0 | 6.0 | 1255.0 |');
    const other = buildScenario(handEvents().slice(0, 4));
    await expect(buildAfterActionReport({ scenario: other, entries, keyId: null })).rejects.toThrow(
      /hash/,
    );
  });
});
