import { describe, expect, it } from 'vitest';
import { BUILTIN_PROTOCOL } from '../../../shared/protocol/builtin-protocol';
import { jcsSha256 } from '../../../shared/protocol/content-hash';
import builtinDocument from '../../../shared/protocol/builtin-protocol.json';

// The table of docs/ESCALATION-PROTOCOL.md, "The built-in protocol".
const table: Record<
  string,
  { deadline?: number; onDeadline?: string; actions: Record<string, string> }
> = {
  triage: {
    deadline: 10,
    onDeadline: 'flag',
    actions: { 'start-verification': 'verify', 'false-alarm': 'close', 'escalate-now': 'notify' },
  },
  verify: {
    deadline: 60,
    onDeadline: 'flag',
    actions: { confirmed: 'notify', unconfirmed: 'monitor', 'false-alarm': 'close' },
  },
  monitor: { actions: { 're-assess': 'triage', 'nothing-further': 'close' } },
  notify: {
    deadline: 30,
    onDeadline: 'consult',
    actions: { 'all-acknowledged': 'request-explanation', 'no-response': 'consult' },
  },
  'request-explanation': {
    deadline: 48 * 60,
    onDeadline: 'consult',
    actions: { 'satisfactory-reply': 'resolve', 'unsatisfactory-reply': 'consult' },
  },
  consult: {
    deadline: 24 * 60,
    onDeadline: 'refer',
    actions: { 'measures-agreed': 'resolve', 'no-agreement': 'refer' },
  },
  refer: { deadline: 24 * 60, onDeadline: 'flag', actions: { referred: 'close' } },
  resolve: { deadline: 72 * 60, onDeadline: 'flag', actions: { verified: 'close' } },
};

describe('built-in protocol', () => {
  it('loads, lints clean and is hashed as JCS + SHA-256 of the document', () => {
    expect(BUILTIN_PROTOCOL.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(BUILTIN_PROTOCOL.hash).toBe(jcsSha256(builtinDocument));
    // Key order does not change the hash.
    const reordered = Object.fromEntries(Object.entries(builtinDocument).reverse());
    expect(Object.keys(reordered)[0]).toBe('steps');
    expect(jcsSha256(reordered)).toBe(BUILTIN_PROTOCOL.hash);
  });

  it('has exactly the steps, deadlines and transitions of the spec table', () => {
    expect([...BUILTIN_PROTOCOL.steps.keys()].sort()).toEqual(Object.keys(table).sort());
    for (const [id, row] of Object.entries(table)) {
      const step = BUILTIN_PROTOCOL.steps.get(id)!;
      expect(step.deadline_min, id).toBe(row.deadline);
      expect(step.on_deadline, id).toBe(row.onDeadline);
      expect(Object.fromEntries(step.actions.map((a) => [a.id, a.next])), id).toEqual(row.actions);
      expect(step.instructions.length, id).toBeGreaterThan(40);
    }
  });

  it('requires the inputs the table names and all-party acks at notify', () => {
    const requires = (step: string, action: string) =>
      BUILTIN_PROTOCOL.steps.get(step)!.actions.find((a) => a.id === action)!.requires ?? [];
    expect(requires('triage', 'false-alarm')).toEqual(['rationale']);
    expect(requires('verify', 'false-alarm')).toEqual(['rationale']);
    expect(requires('monitor', 'nothing-further')).toEqual(['summary']);
    expect(requires('notify', 'no-response')).toEqual(['rationale']);
    expect(requires('request-explanation', 'unsatisfactory-reply')).toEqual(['rationale']);
    expect(requires('consult', 'measures-agreed')).toEqual(['measures']);
    expect(requires('consult', 'no-agreement')).toEqual(['rationale']);
    expect(requires('refer', 'referred')).toEqual(['summary']);
    expect(requires('resolve', 'verified')).toEqual(['summary']);
    const notify = BUILTIN_PROTOCOL.steps.get('notify')!;
    expect(notify.acks).toBe('all-parties');
    expect(notify.actions.find((a) => a.id === 'all-acknowledged')!.requires_acks).toBe(true);
    expect(BUILTIN_PROTOCOL.steps.get('monitor')!.on_new_event).toBe('triage');
    expect(BUILTIN_PROTOCOL.document.entry).toEqual({
      critical: 'notify',
      high: 'triage',
      medium: 'triage',
      low: null,
      info: null,
      manual: 'triage',
    });
  });
});
