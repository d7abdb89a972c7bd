// Structural checks a protocol must pass before an exercise may use it
// (docs/ESCALATION-PROTOCOL.md, "Linting").
import type { Party } from '../scenario/schema';
import { jsonPointer, type ProtocolProblem } from './problems';
import { CLOSE_STEP, FLAG_ONLY, type ProtocolDocument } from './schema';

const RESERVED_STEP_IDS = new Set([CLOSE_STEP, FLAG_ONLY]);

interface Edge {
  to: string;
  pointer: string;
  what: string;
  /** Taken by the engine itself (deadline, new event), not by an operator's action. */
  automatic: boolean;
}

function edgesOf(doc: ProtocolDocument, index: number): Edge[] {
  const step = doc.steps[index]!;
  const base = ['steps', index];
  const edges: Edge[] = step.actions.map((action, a) => ({
    to: action.next,
    pointer: jsonPointer([...base, 'actions', a, 'next']),
    what: `action "${action.id}"`,
    automatic: false,
  }));
  if (step.on_deadline !== undefined && step.on_deadline !== FLAG_ONLY) {
    edges.push({
      to: step.on_deadline,
      pointer: jsonPointer([...base, 'on_deadline']),
      what: 'on_deadline',
      automatic: true,
    });
  }
  if (step.on_new_event !== undefined) {
    edges.push({
      to: step.on_new_event,
      pointer: jsonPointer([...base, 'on_new_event']),
      what: 'on_new_event',
      automatic: true,
    });
  }
  return edges;
}

/**
 * Lints a parsed protocol: targets exist, every step is reachable from an entry
 * and can reach `close`, and no cycle runs without a deadline. Every problem
 * names its step. Pass the scenario's parties to check `acks` party ids too.
 */
export function lintProtocol(
  doc: ProtocolDocument,
  file: string,
  parties?: readonly Party[],
): ProtocolProblem[] {
  const problems: ProtocolProblem[] = [];
  const report = (pointer: string, message: string, step?: string) =>
    problems.push(
      step === undefined ? { file, pointer, message } : { file, pointer, step, message },
    );

  const firstIndex = new Map<string, number>();
  doc.steps.forEach((step, i) => {
    const at = jsonPointer(['steps', i, 'id']);
    if (RESERVED_STEP_IDS.has(step.id)) {
      report(at, `"${step.id}" is reserved and cannot be declared as a step`, step.id);
    } else if (firstIndex.has(step.id)) {
      report(
        at,
        `duplicate step id (first declared at /steps/${firstIndex.get(step.id)})`,
        step.id,
      );
    } else {
      firstIndex.set(step.id, i);
    }
    const actionIds = new Set<string>();
    step.actions.forEach((action, a) => {
      if (actionIds.has(action.id)) {
        report(
          jsonPointer(['steps', i, 'actions', a, 'id']),
          `duplicate action id "${action.id}"`,
          step.id,
        );
      }
      actionIds.add(action.id);
      if (action.requires_acks && step.acks === undefined) {
        report(
          jsonPointer(['steps', i, 'actions', a, 'requires_acks']),
          `action "${action.id}" requires acknowledgements but the step collects none ("acks" is missing)`,
          step.id,
        );
      }
    });
    if (step.on_deadline !== undefined && step.deadline_min === undefined) {
      report(
        jsonPointer(['steps', i, 'on_deadline']),
        'on_deadline is set but the step has no deadline_min',
        step.id,
      );
    }
    if (Array.isArray(step.acks) && parties) {
      const known = new Set(parties.map((p) => p.id));
      step.acks.forEach((party, k) => {
        if (!known.has(party)) {
          report(
            jsonPointer(['steps', i, 'acks', k]),
            `acks names unknown party "${party}"`,
            step.id,
          );
        }
      });
    }
  });

  const stepIds = new Set(firstIndex.keys());
  const graph = new Map<string, string[]>();
  for (const [id, i] of firstIndex) {
    const targets: string[] = [];
    for (const edge of edgesOf(doc, i)) {
      if (edge.to === CLOSE_STEP) {
        if (edge.automatic) {
          report(
            edge.pointer,
            `${edge.what} cannot target "close": closing needs a summary from the operator`,
            id,
          );
        } else {
          targets.push(CLOSE_STEP);
        }
      } else if (!stepIds.has(edge.to)) {
        report(edge.pointer, `${edge.what} targets unknown step "${edge.to}"`, id);
      } else {
        targets.push(edge.to);
      }
    }
    graph.set(id, targets);
  }

  const entries: string[] = [];
  for (const [severity, target] of Object.entries(doc.entry)) {
    if (target === null) continue;
    const at = jsonPointer(['entry', severity]);
    if (target === CLOSE_STEP) report(at, `entry "${severity}" cannot be "close"`, CLOSE_STEP);
    else if (!stepIds.has(target))
      report(at, `entry "${severity}" names unknown step "${target}"`, target);
    else entries.push(target);
  }
  if (Object.values(doc.entry).every((target) => target === null)) {
    report('/entry', 'no severity and no manual start enters the protocol');
  }

  const reachable = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (reachable.has(id) || id === CLOSE_STEP) continue;
    reachable.add(id);
    queue.push(...(graph.get(id) ?? []));
  }
  const reachesClose = new Set<string>([CLOSE_STEP]);
  for (let changed = true; changed;) {
    changed = false;
    for (const [id, targets] of graph) {
      if (!reachesClose.has(id) && targets.some((t) => reachesClose.has(t))) {
        reachesClose.add(id);
        changed = true;
      }
    }
  }
  for (const [id, i] of firstIndex) {
    if (!reachable.has(id))
      report(jsonPointer(['steps', i]), 'unreachable from every entry step', id);
    if (!reachesClose.has(id))
      report(jsonPointer(['steps', i]), 'no path from this step to "close"', id);
  }

  for (const cycle of cyclesWithoutDeadline(doc, firstIndex, graph)) {
    const first = cycle[0]!;
    report(
      jsonPointer(['steps', firstIndex.get(first)!]),
      `cycle without a deadline: ${[...cycle, first].join(' -> ')}`,
      first,
    );
  }
  return problems;
}

// A cycle lacks a deadline exactly when every step on it lacks one, i.e. when it
// is a cycle of the subgraph of deadline-free steps: report each strongly
// connected component of that subgraph that holds a cycle.
function cyclesWithoutDeadline(
  doc: ProtocolDocument,
  firstIndex: Map<string, number>,
  graph: Map<string, string[]>,
): string[][] {
  const free = new Set(
    [...firstIndex].filter(([, i]) => doc.steps[i]!.deadline_min === undefined).map(([id]) => id),
  );
  const successors = (id: string) => (graph.get(id) ?? []).filter((t) => free.has(t));
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const result: string[][] = [];
  let counter = 0;
  const visit = (v: string) => {
    indexOf.set(v, counter);
    low.set(v, counter);
    counter += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of successors(v)) {
      if (!indexOf.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, indexOf.get(w)!));
      }
    }
    if (low.get(v) === indexOf.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || successors(v).includes(v)) result.push(component.reverse());
    }
  };
  for (const id of free) if (!indexOf.has(id)) visit(id);
  return result;
}
