import { describe, expect, it } from 'vitest';
import builtinV2Document from '../../../shared/protocol/builtin-protocol-v2.json';
import { loadAnyProtocol } from '../../../shared/protocol/load-protocol';
import { formatProtocolProblem } from '../../../shared/protocol/problems';

function problemsOf(doc: unknown, parties?: Parameters<typeof loadAnyProtocol>[2]): string[] {
  const result = loadAnyProtocol(doc, 'protocol.json', parties);
  return result.ok ? [] : result.problems.map(formatProtocolProblem);
}

const FINDINGS = ['attribution', 'intent', 'outcome', 'evidence'];
type Action = Record<string, unknown> & { id: string };
const action = (id: string, next?: string, extra: object = {}): Action => ({
  id,
  label: id,
  ...(next === undefined ? {} : { next }),
  ...(next === 'close' ? { requires: FINDINGS } : {}),
  ...extra,
});
const step = (id: string, actions: Action[], extra: object = {}) => ({
  id,
  title: id,
  instructions: `do ${id}`,
  role: 'operator',
  deadline_min: 10,
  actions,
  ...extra,
});
const track = (id: string, steps: object[]) => ({ id, title: id, steps });
function v2(tracks: unknown[], entry: Record<string, unknown> = {}) {
  return {
    id: 'p',
    version: 2,
    title: 'P',
    entry: {
      critical: 'a',
      high: null,
      medium: null,
      low: null,
      info: null,
      manual: null,
      ...entry,
    },
    tracks,
  };
}

describe('protocol linter, version 2', () => {
  it('accepts the built-in version-2 protocol', () => {
    expect(problemsOf(builtinV2Document)).toEqual([]);
    expect(
      problemsOf(builtinV2Document, [
        { id: 'A', name: 'A', role: 'party' },
        { id: 'B', name: 'B', role: 'party' },
      ]),
    ).toEqual([]);
  });

  it('accepts a minimal two-track protocol', () => {
    const doc = v2([
      track('t1', [step('a', [action('x', 'close'), action('go', 'done', { opens: ['t2'] })])]),
      track('t2', [step('b', [action('y', 'done')])]),
    ]);
    expect(problemsOf(doc)).toEqual([]);
  });

  it('reports schema problems located, e.g. a certainty entry missing a band', () => {
    const doc = v2([track('t1', [step('a', [action('x', 'close')])])], {
      high: { confirmed: 'a', probable: 'a', possible: null, unconfirmed: null },
    });
    expect(problemsOf(doc)).toHaveLength(1);
    expect(problemsOf(doc)[0]).toMatch(/^protocol\.json:\/entry\/high/);
    const badRole = v2([track('t1', [step('a', [action('x', 'close')], { role: 'pilot' })])]);
    expect(problemsOf(badRole)[0]).toMatch(/^protocol\.json:\/tracks\/0\/steps\/0\/role: /);
  });

  it('reports a track that nothing opens and no entry names', () => {
    const doc = v2([
      track('t1', [step('a', [action('x', 'close')])]),
      track('orphan', [step('b', [action('y', 'done')])]),
      // Opened only by the orphan: unreachable too.
      track('t3', [step('c', [action('z', 'done', { opens: ['t4'] })])]),
      track('t4', [step('d', [action('w', 'done')])]),
    ]);
    (doc.tracks[1] as { steps: { actions: Action[] }[] }).steps[0]!.actions[0]!.opens = ['t3'];
    expect(problemsOf(doc)).toEqual([
      'protocol.json:/tracks/1: track "orphan" is unreachable: it holds no entry step and no reachable action opens it',
      'protocol.json:/tracks/2: track "t3" is unreachable: it holds no entry step and no reachable action opens it',
      'protocol.json:/tracks/3: track "t4" is unreachable: it holds no entry step and no reachable action opens it',
    ]);
    // A manual entry into it makes it reachable (and what it opens).
    expect(problemsOf({ ...doc, entry: { ...doc.entry, manual: 'b' } })).toEqual([]);
  });

  it('reports a cycle of steps without any deadline, within a track', () => {
    const free = { deadline_min: undefined };
    const doc = v2([
      track('t1', [
        step('a', [action('x', 'b'), action('end', 'close')], free),
        step('b', [action('y', 'a')], free),
      ]),
    ]);
    expect(problemsOf(doc)).toEqual([
      'protocol.json:/tracks/0/steps/0: step "a": cycle without a deadline: a -> b -> a',
    ]);
    // A deadline from the incident counts as a deadline.
    const fixed = structuredClone(doc) as { tracks: { steps: object[] }[] };
    Object.assign(fixed.tracks[0]!.steps[1]!, { deadline_min: 60, deadline_from: 'incident' });
    expect(problemsOf(fixed)).toEqual([]);
  });

  it('reports an action opening an unknown track, or a track at a step not its own', () => {
    const doc = v2([
      track('t1', [
        step('a', [
          action('x', 'close'),
          action('go', undefined, { opens: ['nowhere', { track: 't2', step: 'a' }, 't2'] }),
        ]),
      ]),
      track('t2', [step('b', [action('y', 'done')])]),
    ]);
    expect(problemsOf(doc)).toEqual([
      'protocol.json:/tracks/0/steps/0/actions/1/opens/0: step "a": action "go" opens unknown track "nowhere"',
      'protocol.json:/tracks/0/steps/0/actions/1/opens/1/step: step "a": action "go" opens track "t2" at "a", which is not a step of that track',
    ]);
  });

  it('reports a step with no role, naming the actions that lack one', () => {
    const doc = v2([
      track('t1', [
        step('a', [action('x', 'b', { role: 'controller' }), action('end', 'close')], {
          role: undefined,
        }),
        step('b', [action('y', 'done', { role: 'operator' })], { role: undefined }),
      ]),
    ]);
    expect(problemsOf(doc)).toEqual([
      'protocol.json:/tracks/0/steps/0: step "a": no role: give the step a "role" ("end" name none)',
    ]);
  });

  it('reports a close without the findings inputs, and a protocol that cannot close', () => {
    const doc = v2([
      track('t1', [
        step('a', [
          action('x', 'close', { requires: ['summary', 'evidence'] }),
          { id: 'y', label: 'y', next: 'close' },
        ]),
      ]),
    ]);
    expect(problemsOf(doc)).toEqual([
      'protocol.json:/tracks/0/steps/0/actions/0/requires: step "a": action "x" closes the run without the findings inputs attribution, intent, outcome (add them to "requires")',
      'protocol.json:/tracks/0/steps/0/actions/1/next: step "a": action "y" closes the run without the findings inputs attribution, intent, outcome, evidence (add them to "requires")',
    ]);
    const never = v2([track('t1', [step('a', [action('x', 'done')])])]);
    expect(problemsOf(never)).toEqual([
      'protocol.json:/tracks: no action closes the run (an action with "next": "close")',
    ]);
  });

  it('keeps every move inside its track and automatic moves away from done and close', () => {
    const doc = v2([
      track('t1', [
        step(
          'a',
          [action('x', 'close'), action('jump', 'b'), action('go', 'done', { opens: ['t2'] })],
          {
            on_deadline: 'done',
            on_new_event: 'close',
          },
        ),
      ]),
      track('t2', [step('b', [action('y', 'done')], { on_deadline: 'a' })]),
    ]);
    expect(problemsOf(doc)).toEqual([
      'protocol.json:/tracks/0/steps/0/actions/1/next: step "a": action "jump" targets step "b" of track "t2": a step moves only within its track (open another track with "opens")',
      'protocol.json:/tracks/0/steps/0/on_deadline: step "a": on_deadline cannot target "done": finishing a track is a decision for a person',
      'protocol.json:/tracks/0/steps/0/on_new_event: step "a": on_new_event cannot target "close": closing needs the findings from a person',
      'protocol.json:/tracks/1/steps/0/on_deadline: step "b": on_deadline targets step "a" of track "t1": a step moves only within its track (open another track with "opens")',
    ]);
  });

  it('refuses reserved and duplicate ids across tracks', () => {
    const doc = v2([
      track('t1', [step('a', [action('x', 'close'), action('go', 'done', { opens: ['t1b'] })])]),
      track('t1b', [step('a', [action('y', 'done')]), step('done', [action('z', 'done')])]),
      track('t1', [step('c', [action('w', 'done')])]),
    ]);
    expect(problemsOf(doc)).toEqual([
      'protocol.json:/tracks/1/steps/0/id: step "a": duplicate step id (first declared at /tracks/0/steps/0; step ids are unique across tracks)',
      'protocol.json:/tracks/1/steps/1/id: step "done": "done" is reserved and cannot be declared as a step',
      'protocol.json:/tracks/2/id: track "t1": duplicate track id (first declared at /tracks/0)',
    ]);
  });

  it('keeps party moves to parties and waits only for moves the step offers', () => {
    const doc = v2([
      track('t1', [
        step('a', [
          action('x', 'close', { requires_moves: ['accept-measures'] }),
          action('shout', undefined, { role: 'party' }),
          action('reply', 'done', { role: ['party', 'operator'] }),
        ]),
      ]),
    ]);
    expect(problemsOf(doc)).toEqual([
      'protocol.json:/tracks/0/steps/0/actions/0/requires_moves/0: step "a": action "x" waits for party move "accept-measures", which this step does not offer',
      'protocol.json:/tracks/0/steps/0/actions/1/id: step "a": action "shout" is for role party but is not a party move (one of: reply, meeting-request, visit-consent, visit-refusal, attend, refuse-meeting, propose-measures, accept-measures)',
      'protocol.json:/tracks/0/steps/0/actions/2/role: step "a": action "reply": a party move is made by a party\'s liaison alone; do not combine "party" with other roles',
    ]);
  });

  it('reports unreachable steps, steps that cannot finish, and unknown entry steps', () => {
    const doc = v2(
      [
        track('t1', [
          step('a', [action('x', 'close')]),
          step('lost', [action('y', 'done')]),
          step('trap', [action('z', 'trap')]),
        ]),
      ],
      {
        high: {
          confirmed: 'trap',
          probable: 'nowhere',
          possible: null,
          unconfirmed: null,
          cleared: 'done',
        },
      },
    );
    expect(problemsOf(doc)).toEqual([
      'protocol.json:/entry/high/probable: step "nowhere": entry "high" names unknown step "nowhere"',
      'protocol.json:/entry/high/cleared: step "done": entry "high" cannot be "done"',
      'protocol.json:/tracks/0/steps/1: step "lost": unreachable: no entry, opening or transition of track "t1" leads here',
      'protocol.json:/tracks/0/steps/2: step "trap": no path from this step to "done" or "close"',
    ]);
  });

  it('checks deadline members and acks party ids', () => {
    const doc = v2([
      track('t1', [
        step('a', [action('x', 'close', { requires_acks: true })], {
          deadline_min: undefined,
          deadline_from: 'incident',
          acks: ['A', 'Z'],
        }),
      ]),
    ]);
    expect(problemsOf(doc, [{ id: 'A', name: 'A', role: 'party' }])).toEqual([
      'protocol.json:/tracks/0/steps/0/deadline_from: step "a": deadline_from is set but the step has no deadline_min',
      'protocol.json:/tracks/0/steps/0/acks/1: step "a": acks names unknown party "Z"',
    ]);
  });
});
