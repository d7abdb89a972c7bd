// The Log screen's one-line summaries (shared/audit/summary.ts), kind by kind:
// what each line says when the entry carries its usual data, and what it
// falls back to when a field is missing or of an unexpected shape — a log
// from another version must still read, never throw.
import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../shared/audit/entry';
import { summarizeEntry } from '../../../shared/audit/summary';

function entry(
  kind: string,
  data: Record<string, unknown>,
  extra: { alert_id?: string | null; step_id?: string | null; actor?: string } = {},
): LogEntry {
  return {
    seq: 7,
    exercise_id: 'ex',
    wall_time: '2026-11-26T10:00:00.000Z',
    exercise_time: '2026-03-01T04:12:00.000Z',
    actor: extra.actor ?? 'Duty Officer Ana',
    role: 'operator',
    kind,
    alert_id: extra.alert_id === undefined ? 'A-g-1' : extra.alert_id,
    step_id: extra.step_id ?? null,
    data,
    prev_hash: '0'.repeat(64),
    hash: '1'.repeat(64),
  } as LogEntry;
}

const cases: [string, LogEntry, string][] = [
  [
    'exercise created: scenario, title and app version',
    entry('exercise-created', { scenario_id: 'line-72h', title: 'Line 72h', app_version: '0.1.0' }),
    'Exercise created from scenario line-72h "Line 72h", app 0.1.0',
  ],
  [
    'exercise created: the older "scenario" field, no title or version',
    entry('exercise-created', { scenario: 'quick-demo' }),
    'Exercise created from scenario quick-demo',
  ],
  [
    'exercise created: nothing known',
    entry('exercise-created', {}),
    'Exercise created from scenario ?',
  ],
  ['clock speed', entry('clock', { action: 'speed', speed: 300 }), 'Clock speed ×300'],
  [
    'clock seek',
    entry('clock', { action: 'seek', to: '2027-03-09T10:00:00Z' }),
    'Clock seek → 2027-03-09T10:00:00Z',
  ],
  ['clock play (the older "op")', entry('clock', { op: 'play' }), 'Clock play'],
  [
    'clock checkpoint',
    entry('clock', { action: 'checkpoint', at: 5 }),
    'Clock checkpoint (resume point)',
  ],
  ['clock with no action', entry('clock', {}), 'Clock change'],
  [
    'alert continuing another',
    entry('alert-opened', { severity: 'low', gravity: 30, continues: 'A-g-0' }),
    'Alert opened on A-g-1 (gravity 30 low; continues A-g-0)',
  ],
  ['alert with no measures', entry('alert-opened', {}, { alert_id: null }), 'Alert opened'],
  [
    'alert with a band only',
    entry('alert-opened', { severity: 'info' }),
    'Alert opened on A-g-1 (info)',
  ],
  [
    'alert with gravity and certainty band only',
    entry('alert-opened', { gravity: 12, certainty_band: 'possible' }),
    'Alert opened on A-g-1 (gravity 12, certainty possible)',
  ],
  [
    'band change of a version-1 log: the score',
    entry('alert-severity-changed', { from: 'medium', to: 'high', score: 61 }),
    'Bands on A-g-1: score 61 medium → high',
  ],
  [
    'band change with nothing known',
    entry('alert-severity-changed', {}),
    'Bands on A-g-1: gravity ? ?',
  ],
  [
    'incident bands',
    entry('incident-bands-changed', { incident: 'I-1', gravity: 70, from: 'medium', to: 'high' }),
    'Incident I-1 bands on A-g-1: gravity 70 medium → high',
  ],
  [
    'link, superseding a run',
    entry('link', { alert_ids: ['A-1', 'A-2'], incident: 'I-1', superseded: 'A-2' }),
    'Linked A-2 into incident I-1 of A-1 (run of A-2 superseded)',
  ],
  ['link with nothing known', entry('link', { alert_ids: 'A-1' }), 'Linked ? into incident ? of ?'],
  ['unlink', entry('unlink', { incident: 'I-1' }), 'Unlinked on A-g-1 from incident I-1'],
  ['unlink, incident unknown', entry('unlink', {}, { alert_id: null }), 'Unlinked from incident ?'],
  ['acknowledgement', entry('ack', {}), 'Acknowledged on A-g-1 by Duty Officer Ana'],
  [
    'protocol entered with bands',
    entry('protocol-action', {
      type: 'enter',
      to: 'triage',
      severity: 'high',
      certainty_band: 'probable',
    }),
    'Protocol entered at triage (high, probable) on A-g-1',
  ],
  [
    'protocol entered, step from the entry',
    entry('protocol-action', { type: 'enter' }, { step_id: 'notify' }),
    'Protocol entered at notify on A-g-1',
  ],
  [
    'protocol entered, nothing known',
    entry('protocol-action', { type: 'enter' }),
    'Protocol entered at ? on A-g-1',
  ],
  [
    'protocol started by hand',
    entry('protocol-action', { type: 'start', next: 'triage' }),
    'Protocol started at triage on A-g-1',
  ],
  [
    'deadline escalation',
    entry('protocol-action', { type: 'deadline-escalation', from: 'notify', to: 'consult' }),
    'Escalated notify → consult on deadline on A-g-1',
  ],
  [
    'severity jump',
    entry('protocol-action', {
      type: 'severity-jump',
      from: 'triage',
      to: 'notify',
      severity: 'critical',
    }),
    'Moved triage → notify (severity critical) on A-g-1',
  ],
  [
    'severity jump, nothing known',
    entry('protocol-action', { type: 'severity-jump' }),
    'Moved ? → ? (severity ?) on A-g-1',
  ],
  [
    'an action with its label, destination and rationale',
    entry('protocol-action', {
      type: 'action',
      from: 'triage',
      label: 'Confirmed violation',
      to: 'done',
      inputs: { rationale: 'MLRS in the zone' },
    }),
    'triage: Confirmed violation → done on A-g-1 — MLRS in the zone',
  ],
  [
    'an action of an older log: inputs inline, action id',
    entry(
      'protocol-action',
      { action_id: 'notify-sent', summary: 'both called' },
      { step_id: 'notify' },
    ),
    'notify: notify-sent on A-g-1 — both called',
  ],
  [
    'an action with nothing known',
    entry('protocol-action', {}, { alert_id: null }),
    'step: action',
  ],
  [
    'party acknowledgement',
    entry('party-ack', { party: 'B', how: 'hotline' }),
    'Party B acknowledged on A-g-1 (hotline)',
  ],
  [
    'party acknowledgement of an older log',
    entry('party-ack', { party_id: 'A', channel: 'radio' }),
    'Party A acknowledged on A-g-1 (radio)',
  ],
  ['party acknowledgement, nothing known', entry('party-ack', {}), 'Party ? acknowledged on A-g-1'],
  [
    'deadline warning',
    entry('deadline-warning', {}, { step_id: 'notify' }),
    'Deadline warning on A-g-1 at notify',
  ],
  [
    'deadline warning, step unknown',
    entry('deadline-warning', {}),
    'Deadline warning on A-g-1 at step',
  ],
  [
    'deadline breach escalating',
    entry('deadline-breach', { escalated_to: 'consult' }, { step_id: 'notify' }),
    'Deadline breached on A-g-1 at notify → consult',
  ],
  ['deadline breach flagged', entry('deadline-breach', {}), 'Deadline breached on A-g-1 at step'],
  ['note', entry('note', { text: 'Patrol\n  delayed' }), 'Note: Patrol delayed'],
  ['note, empty', entry('note', {}), 'Note:'],
  [
    'inject with a title',
    entry('inject', { title: 'Hotline call from Party A' }),
    'Controller inject: Hotline call from Party A',
  ],
  [
    'inject without title: its fields',
    entry('inject', { event_id: '', n: 3, ok: true, o: {} }),
    'Controller inject: n=3, ok=true',
  ],
  ['exercise ended', entry('exercise-ended', { reason: 'time' }), 'Exercise ended: time'],
  ['exercise ended, no reason', entry('exercise-ended', {}), 'Exercise ended'],
  ['export', entry('export', { head: 'abcdef0123456789' }), 'Log exported, head abcdef012345…'],
  ['export, no head', entry('export', {}), 'Log exported'],
  [
    'alert with a version-1 score and no band',
    entry('alert-opened', { score: 61 }),
    'Alert opened on A-g-1 (score 61)',
  ],
  [
    'alert with gravity and a certainty value only',
    entry('alert-opened', { gravity: 12, certainty: 0.45 }),
    'Alert opened on A-g-1 (gravity 12, certainty 0.45)',
  ],
  [
    'clock jump to a target',
    entry('clock', { action: 'jump', target: 'T+2h' }),
    'Clock jump → T+2h',
  ],
  [
    'clock pause at a time',
    entry('clock', { action: 'pause', at: '04:00' }),
    'Clock pause → 04:00',
  ],
  [
    'band change naming the band as "severity"',
    entry('alert-severity-changed', { gravity: 70, severity: 'high' }),
    'Bands on A-g-1: gravity 70 high',
  ],
  [
    'band change to the same band',
    entry('alert-severity-changed', { gravity: 70, from: 'high', to: 'high' }),
    'Bands on A-g-1: gravity 70 high',
  ],
  [
    'band change from a band to an unknown one',
    entry('alert-severity-changed', { gravity: 70, from: 'medium' }),
    'Bands on A-g-1: gravity 70 medium → ?',
  ],
  [
    'band change with a certainty band but no certainty value',
    entry('alert-severity-changed', { gravity: 70, to: 'high', certainty_to: 'probable' }),
    'Bands on A-g-1: gravity 70 high; certainty ? probable',
  ],
  [
    'incident bands with nothing known',
    entry('incident-bands-changed', {}),
    'Incident ? bands on A-g-1: gravity ? ?',
  ],
  [
    'protocol entered with a band and no certainty',
    entry('protocol-action', { type: 'enter', to: 'triage', severity: 'high' }),
    'Protocol entered at triage (high) on A-g-1',
  ],
  [
    'protocol started, nothing known',
    entry('protocol-action', { type: 'start' }),
    'Protocol started at ? on A-g-1',
  ],
  [
    'deadline escalation, nothing known',
    entry('protocol-action', { type: 'deadline-escalation' }),
    'Escalated ? → ? on deadline on A-g-1',
  ],
  [
    'an action whose inputs carry the measures taken',
    entry('protocol-action', { from: 'notify', label: 'Called', inputs: { measures: 'patrol' } }),
    'notify: Called on A-g-1 — patrol',
  ],
  [
    'deadline breach of an older log: "next"',
    entry('deadline-breach', { next: 'consult' }, { step_id: 'notify' }),
    'Deadline breached on A-g-1 at notify → consult',
  ],
  ['note of an older log: "note"', entry('note', { note: 'Patrol out' }), 'Note: Patrol out'],
  [
    'inject with a text',
    entry('inject', { text: 'Radio check' }),
    'Controller inject: Radio check',
  ],
  [
    'inject with an id and a sender but no words',
    entry('inject', { event_id: 'E-4', from: 'Party B' }),
    'Controller inject E-4 from Party B:',
  ],
  [
    'inject held',
    entry('inject-control', { action: 'hold', event_id: 'E-4' }, { actor: 'ctl-1' }),
    'Inject E-4 held by ctl-1',
  ],
  [
    'inject released',
    entry('inject-control', { action: 'release', event_id: 'E-4' }, { actor: 'ctl-1' }),
    'Inject E-4 released by ctl-1',
  ],
  [
    'inject delivered now',
    entry('inject-control', { action: 'deliver', event_id: 'E-4' }, { actor: 'ctl-1' }),
    'Inject E-4 delivered now by ctl-1',
  ],
  [
    'inject moved',
    entry(
      'inject-control',
      { action: 'move', event_id: 'E-4', from: '04:00', to: '05:00' },
      { actor: 'ctl-1' },
    ),
    'Inject E-4 moved by ctl-1 from 04:00 to 05:00',
  ],
  [
    'inject moved, nothing known',
    entry('inject-control', { action: 'move' }, { actor: 'ctl-1' }),
    'Inject ? moved by ctl-1 from ? to ?',
  ],
  [
    'inject control of another action: its fields',
    entry('inject-control', { action: 'cancel', event_id: 'E-4' }),
    'Inject E-4: action=cancel, event_id=E-4',
  ],
  [
    'message linked',
    entry('message-linked', { event_id: 'M-2' }),
    'Message M-2 linked to alert A-g-1',
  ],
  [
    'message linked, nothing known',
    entry('message-linked', {}, { alert_id: null }),
    'Message ? linked to alert ?',
  ],
  [
    'export of an older log: "final_hash"',
    entry('export', { final_hash: 'abcdef0123456789' }),
    'Log exported, head abcdef012345…',
  ],
  [
    'any other kind: its name and fields',
    entry('party-move', { move: 'reply', party: 'B', text: 'We did not fire.' }),
    'party-move on A-g-1: move=reply, party=B, text=We did not fire.',
  ],
  ['another kind without fields', entry('custom-kind', {}, { alert_id: null }), 'custom-kind'],
];

describe('log summaries, kind by kind', () => {
  it.each(cases)('%s', (_, e, expected) => {
    expect(summarizeEntry(e)).toBe(expected);
  });

  it('keeps a line to 160 characters, ending in an ellipsis', () => {
    const line = summarizeEntry(entry('note', { text: 'x'.repeat(200) }));
    expect(line).toHaveLength(160);
    expect(line).toBe(`Note: ${'x'.repeat(153)}…`);
    expect(summarizeEntry(entry('note', { text: 'y'.repeat(154) }))).toBe(
      `Note: ${'y'.repeat(154)}`,
    );
  });
});
