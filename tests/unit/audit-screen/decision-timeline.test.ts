import { describe, expect, it } from 'vitest';
import { sealBatch, type EntryDraft } from '../../../shared/audit';
import { decisionsByAlert, decisionTimeline } from '../../../renderer/src/audit/decision-timeline';
import { readLogFile } from '../../../renderer/src/audit/read-log-file';

const draft = (kind: string, extra: Partial<EntryDraft> = {}): EntryDraft => ({
  exercise_time: '2026-03-01T01:00:00.000Z',
  actor: 'Ana',
  role: 'operator',
  kind,
  data: {},
  ...extra,
});

const entries = sealBatch(
  [
    draft('exercise-created', { actor: 'system', role: 'system' }),
    draft('clock', { data: { action: 'play' } }),
    draft('alert-opened', { alert_id: 'A-1', actor: 'system', role: 'system' }),
    draft('protocol-action', { alert_id: 'A-1', step_id: 'triage' }),
    draft('deadline-breach', {
      alert_id: 'A-1',
      step_id: 'verify',
      actor: 'system',
      role: 'system',
    }),
    draft('export'),
  ],
  null,
  'ex-1',
  '2026-11-26T10:00:00.000Z',
);

describe('decisionTimeline', () => {
  it('keeps decisions and system events, drops clock and export entries', () => {
    const rows = decisionTimeline(entries);
    expect(rows.map((r) => r.kind)).toEqual([
      'exercise-created',
      'alert-opened',
      'protocol-action',
      'deadline-breach',
    ]);
    expect(rows.every((r) => r.trusted)).toBe(true);
  });

  it('marks rows from the first failing position on as untrusted', () => {
    const rows = decisionTimeline(entries, 4);
    expect(rows.map((r) => [r.seq, r.trusted])).toEqual([
      [1, true],
      [3, true],
      [4, false],
      [5, false],
    ]);
  });

  it('summarises per alert: decisions, last step and breaches', () => {
    expect(decisionsByAlert(decisionTimeline(entries))).toEqual([
      { alertId: 'A-1', decisions: 3, lastStep: 'verify', breaches: 1 },
    ]);
  });
});

describe('readLogFile', () => {
  it('verifies and still reads the entries of an unsigned bundle', async () => {
    const text = JSON.stringify({
      format: 'truceline-log',
      version: 1,
      exercise: {
        id: 'ex-1',
        title: 't',
        classification: 'EXERCISE',
        scenario_id: 's',
        scenario_hash: 'a'.repeat(64),
        scoring_hash: 'b'.repeat(64),
        protocol_hash: 'c'.repeat(64),
        created: '2026-11-26T10:00:00.000Z',
        app_version: '0.1.0',
      },
      entries,
      head: { count: 6, last_seq: 6, final_hash: entries[5]!.hash },
    });
    const log = await readLogFile('x.json', text);
    expect(log.entries).toHaveLength(6);
    expect(log.unreadable).toBe(0);
    expect(log.result.status).toBe('UNSIGNED');
    expect(log.exercise?.id).toBe('ex-1');
  });

  it('says INVALID for text that is not JSON, with no entries', async () => {
    const log = await readLogFile('x.json', 'not json');
    expect(log.result.status).toBe('INVALID');
    expect(log.entries).toEqual([]);
  });
});
