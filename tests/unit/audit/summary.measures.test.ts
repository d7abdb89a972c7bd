// The Log screen's one-line summaries (shared/audit/summary.ts) of the entries
// that carry the two measures of docs/ALERTS-AND-SEVERITY.md: each names the
// gravity and its band and the certainty and its band; a version-1 entry its
// one score; links and unlinks their incident.
import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../shared/audit/entry';
import { summarizeEntry } from '../../../shared/audit/summary';

function entry(kind: string, data: Record<string, unknown>, alertId = 'A-g-1'): LogEntry {
  return {
    seq: 5,
    exercise_id: 'ex',
    wall_time: '2026-11-26T10:00:00.000Z',
    exercise_time: '2026-03-01T04:12:00.000Z',
    actor: 'system',
    role: 'system',
    kind,
    alert_id: alertId,
    data,
    prev_hash: '0'.repeat(64),
    hash: '1'.repeat(64),
  } as LogEntry;
}

describe('log summaries of the measures', () => {
  it('an opened alert: gravity with its band, certainty with its band', () => {
    const line = summarizeEntry(
      entry('alert-opened', {
        event_id: 'g-1',
        severity: 'critical',
        gravity: 82.5,
        certainty: 0.45,
        certainty_band: 'possible',
      }),
    );
    expect(line).toBe('Alert opened on A-g-1 (gravity 82.5 critical, certainty 0.45 possible)');
  });

  it('an opened alert of a version-1 log: its one score', () => {
    const line = summarizeEntry(
      entry('alert-opened', { event_id: 'g-1', severity: 'medium', score: 44 }),
    );
    expect(line).toBe('Alert opened on A-g-1 (score 44 medium)');
  });

  it('a band change: the gravity and both bands, the one that moved shown moving, and the prompt', () => {
    const line = summarizeEntry(
      entry('alert-severity-changed', {
        event_id: 'g-2',
        from: 'critical',
        to: 'critical',
        gravity: 84.1,
        certainty_from: 'unconfirmed',
        certainty_to: 'confirmed',
        certainty: 0.86,
        prompt: 'notify',
      }),
    );
    expect(line).toBe(
      'Bands on A-g-1: gravity 84.1 critical; certainty 0.86 unconfirmed → confirmed; prompt to jump to notify',
    );
  });

  it('an incident band change names the incident', () => {
    const line = summarizeEntry(
      entry('incident-bands-changed', {
        incident: 'I-A-g-1',
        event_id: 'g-3',
        from: 'high',
        to: 'critical',
        gravity: 80,
        certainty_from: 'possible',
        certainty_to: 'possible',
        certainty: 0.5,
      }),
    );
    expect(line).toBe(
      'Incident I-A-g-1 bands on A-g-1: gravity 80 high → critical; certainty 0.5 possible',
    );
  });

  it('a version-1 band change: its score', () => {
    const line = summarizeEntry(
      entry('alert-severity-changed', { event_id: 'g-2', from: 'medium', to: 'high', score: 61 }),
    );
    expect(line).toBe('Bands on A-g-1: score 61 medium → high');
  });

  it('links and unlinks name the alerts and the incident', () => {
    expect(
      summarizeEntry(
        entry('link', { alert_ids: ['A-g-1', 'A-i-1'], incident: 'I-A-g-1', superseded: 'A-i-1' }),
      ),
    ).toBe('Linked A-i-1 into incident I-A-g-1 of A-g-1 (run of A-i-1 superseded)');
    expect(summarizeEntry(entry('unlink', { incident: 'I-A-g-1' }, 'A-i-1'))).toBe(
      'Unlinked on A-i-1 from incident I-A-g-1',
    );
  });

  it('an entry into the protocol gives both bands', () => {
    const line = summarizeEntry(
      entry('protocol-action', {
        type: 'enter',
        severity: 'critical',
        certainty_band: 'unconfirmed',
        to: 'verify',
      }),
    );
    expect(line).toBe('Protocol entered at verify (critical, unconfirmed) on A-g-1');
  });
});

describe('log summaries of messages', () => {
  it('an inject: its id, sender and the words the players hear', () => {
    const line = summarizeEntry(
      entry('inject', { event_id: 'inject-1', summary: 'Party B denies firing.', from: 'B' }),
    );
    expect(line).toBe('Controller inject inject-1 from B: Party B denies firing.');
  });

  it('a message linked to an alert: both ids', () => {
    const line = summarizeEntry(entry('message-linked', { event_id: 'MSEL-003' }, 'A-k-1'));
    expect(line).toBe('Message MSEL-003 linked to alert A-k-1');
  });

  it("the controller's hand on a scripted inject: what was done to which inject", () => {
    const move = { event_id: 'MSEL-004', action: 'move', from: 'T1', to: 'T2' };
    expect(summarizeEntry(entry('inject-control', move))).toMatch(
      /^Inject MSEL-004 moved by .+ from T1 to T2$/,
    );
    expect(
      summarizeEntry(entry('inject-control', { event_id: 'MSEL-004', action: 'hold' })),
    ).toMatch(/^Inject MSEL-004 held by /);
  });
});
