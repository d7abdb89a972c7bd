import { describe, expect, it } from 'vitest';
import builtinDocument from '../../../shared/protocol/builtin-protocol.json';
import { loadProtocol } from '../../../shared/protocol/load-protocol';
import { formatProtocolProblem } from '../../../shared/protocol/problems';

type Doc = typeof builtinDocument;
const clone = (): Doc => structuredClone(builtinDocument);

function problemsOf(doc: unknown, parties?: Parameters<typeof loadProtocol>[2]): string[] {
  const result = loadProtocol(doc, 'protocol.json', parties);
  return result.ok ? [] : result.problems.map(formatProtocolProblem);
}

function minimal(steps: unknown[], entry: Record<string, string | null> = {}) {
  return {
    id: 'p',
    version: 1,
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
    steps,
  };
}
const step = (id: string, actions: { id: string; next: string }[], extra: object = {}) => ({
  id,
  title: id,
  instructions: `do ${id}`,
  role: 'operator',
  actions: actions.map((a) => ({ ...a, label: a.id })),
  ...extra,
});

describe('protocol linter', () => {
  it('accepts the built-in protocol', () => {
    expect(problemsOf(builtinDocument)).toEqual([]);
  });

  it('reports schema problems as <file>:<json-pointer>: <message>', () => {
    const doc = clone() as unknown as { steps: { deadline_min: unknown; role: unknown }[] };
    doc.steps[1]!.deadline_min = -5;
    doc.steps[2]!.role = 'pilot';
    const problems = problemsOf(doc);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^protocol\.json:\/steps\/1\/deadline_min: /);
    expect(problems[1]).toMatch(/^protocol\.json:\/steps\/2\/role: /);
    expect(problemsOf({ ...clone(), surprise: 1 })[0]).toMatch(/^protocol\.json:: .*surprise/);
  });

  it('prefixes pointers with the document path when the protocol is inlined in a manifest', () => {
    const doc = clone();
    doc.steps[0]!.actions[0]!.next = 'verfy';
    const result = loadProtocol(doc, 'x.scenario.json', undefined, ['protocol']);
    expect(result.ok ? [] : result.problems.map(formatProtocolProblem)).toEqual([
      'x.scenario.json:/protocol/steps/0/actions/0/next: step "triage": action "start-verification" targets unknown step "verfy"',
      'x.scenario.json:/protocol/steps/1: step "verify": unreachable from every entry step',
      // monitor was reachable only through verify.
      'x.scenario.json:/protocol/steps/2: step "monitor": unreachable from every entry step',
    ]);
  });

  it('names the step and pointer of a missing target', () => {
    const doc = clone();
    doc.steps[0]!.actions[0]!.next = 'verfy';
    expect(problemsOf(doc)).toContain(
      'protocol.json:/steps/0/actions/0/next: step "triage": action "start-verification" targets unknown step "verfy"',
    );
    const deadline = clone();
    deadline.steps[3]!.on_deadline = 'consul';
    expect(problemsOf(deadline)).toContain(
      'protocol.json:/steps/3/on_deadline: step "notify": on_deadline targets unknown step "consul"',
    );
  });

  it('refuses a step declared as the reserved "close"', () => {
    const doc = minimal([
      step('a', [{ id: 'x', next: 'close' }]),
      step('close', [{ id: 'y', next: 'a' }]),
    ]);
    expect(problemsOf(doc)).toContain(
      'protocol.json:/steps/1/id: step "close": "close" is reserved and cannot be declared as a step',
    );
  });

  it('reports a step unreachable from every entry', () => {
    const doc = minimal([
      step('a', [{ id: 'x', next: 'close' }]),
      step('orphan', [{ id: 'y', next: 'close' }]),
    ]);
    expect(problemsOf(doc)).toEqual([
      'protocol.json:/steps/1: step "orphan": unreachable from every entry step',
    ]);
    // The manual entry counts as an entry.
    expect(problemsOf(minimal(doc.steps, { manual: 'orphan' }))).toEqual([]);
  });

  it('reports a step with no path to close', () => {
    const doc = minimal([
      step(
        'a',
        [
          { id: 'x', next: 'close' },
          { id: 'trap', next: 'b' },
        ],
        { deadline_min: 5 },
      ),
      step('b', [{ id: 'y', next: 'c' }], { deadline_min: 5 }),
      step('c', [{ id: 'z', next: 'b' }], { deadline_min: 5 }),
    ]);
    expect(problemsOf(doc)).toEqual([
      'protocol.json:/steps/1: step "b": no path from this step to "close"',
      'protocol.json:/steps/2: step "c": no path from this step to "close"',
    ]);
  });

  it('reports a cycle without a deadline, and accepts it once a step on it has one', () => {
    const steps = [
      step('a', [{ id: 'x', next: 'b' }]),
      step('b', [
        { id: 'y', next: 'a' },
        { id: 'done', next: 'close' },
      ]),
    ];
    expect(problemsOf(minimal(steps))).toEqual([
      'protocol.json:/steps/0: step "a": cycle without a deadline: a -> b -> a',
    ]);
    const withDeadline = minimal([{ ...steps[0]!, deadline_min: 10 }, steps[1]!]);
    expect(problemsOf(withDeadline)).toEqual([]);
    // on_new_event edges count: monitor <-> triage is fine only because triage has a deadline.
    const doc = clone();
    delete (doc.steps[0] as { deadline_min?: number }).deadline_min;
    delete (doc.steps[0] as { on_deadline?: string }).on_deadline;
    delete (doc.steps[1] as { deadline_min?: number }).deadline_min;
    delete (doc.steps[1] as { on_deadline?: string }).on_deadline;
    expect(problemsOf(doc).some((p) => p.includes('cycle without a deadline'))).toBe(true);
  });

  it('reports a self-loop without a deadline', () => {
    const doc = minimal([
      step('a', [
        { id: 'again', next: 'a' },
        { id: 'done', next: 'close' },
      ]),
    ]);
    expect(problemsOf(doc)).toEqual([
      'protocol.json:/steps/0: step "a": cycle without a deadline: a -> a',
    ]);
  });

  it('refuses automatic transitions into close, acks-less requires_acks, dangling on_deadline', () => {
    const doc = minimal([
      step('a', [{ id: 'x', next: 'close' }], { on_new_event: 'close', on_deadline: 'close' }),
    ]);
    (doc.steps[0] as { actions: { requires_acks?: boolean }[] }).actions[0]!.requires_acks = true;
    expect(problemsOf(doc)).toEqual([
      'protocol.json:/steps/0/actions/0/requires_acks: step "a": action "x" requires acknowledgements but the step collects none ("acks" is missing)',
      'protocol.json:/steps/0/on_deadline: step "a": on_deadline is set but the step has no deadline_min',
      'protocol.json:/steps/0/on_deadline: step "a": on_deadline cannot target "close": closing needs a summary from the operator',
      'protocol.json:/steps/0/on_new_event: step "a": on_new_event cannot target "close": closing needs a summary from the operator',
    ]);
  });

  it('refuses an entry naming an unknown step, and duplicate ids', () => {
    const doc = minimal(
      [
        step('a', [
          { id: 'x', next: 'close' },
          { id: 'x', next: 'close' },
        ]),
      ],
      {
        high: 'nowhere',
      },
    );
    expect(problemsOf(doc)).toEqual([
      'protocol.json:/steps/0/actions/1/id: step "a": duplicate action id "x"',
      'protocol.json:/entry/high: step "nowhere": entry "high" names unknown step "nowhere"',
    ]);
  });

  it('checks party ids in acks against the scenario parties when given', () => {
    const doc = minimal([step('a', [{ id: 'x', next: 'close' }], { acks: ['A', 'Z'] })]);
    const parties = [
      { id: 'A', name: 'A', role: 'party' as const },
      { id: 'B', name: 'B', role: 'party' as const },
    ];
    expect(problemsOf(doc, parties)).toEqual([
      'protocol.json:/steps/0/acks/1: step "a": acks names unknown party "Z"',
    ]);
    expect(problemsOf(doc)).toEqual([]);
  });
});
