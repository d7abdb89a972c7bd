// Structural checks a protocol must pass before an exercise may use it
// (docs/ESCALATION-PROTOCOL.md, "Linting").
import type { Party } from '../scenario/schema';
import { jsonPointer, type ProtocolProblem } from './problems';
import {
  CLOSE_STEP,
  DONE_STEP,
  FINDINGS_INPUTS,
  FLAG_ONLY,
  PARTY_MOVES,
  actionRoles,
  isPartyMove,
  type ProtocolDocument,
  type ProtocolV2Document,
  type ProtocolV2Step,
} from './schema';

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

  const free = new Set(
    [...firstIndex].filter(([, i]) => doc.steps[i]!.deadline_min === undefined).map(([id]) => id),
  );
  for (const cycle of cyclesWithoutDeadline(free, graph)) {
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
function cyclesWithoutDeadline(free: Set<string>, graph: Map<string, string[]>): string[][] {
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

// ---------------------------------------------------------------------------
// Version 2 (docs/ESCALATION-PROTOCOL.md, "Version 2", "Linting a version-2 protocol").

const RESERVED_V2_STEP_IDS = new Set([CLOSE_STEP, FLAG_ONLY, DONE_STEP]);

interface StepPlace {
  track: number;
  index: number;
  step: ProtocolV2Step;
}

/**
 * Lints a parsed version-2 protocol: ids unique (steps across all tracks),
 * every target inside its own track, every opened track known, every track
 * reachable from an entry or an opening, every step reachable within its
 * track and able to finish it or close the run, no cycle without a deadline,
 * every action with a role, party moves only for parties, and every close
 * requiring the findings. Problems are located by JSON pointer.
 */
export function lintProtocolV2(
  doc: ProtocolV2Document,
  file: string,
  parties?: readonly Party[],
): ProtocolProblem[] {
  const problems: ProtocolProblem[] = [];
  const report = (pointer: string, message: string, step?: string) =>
    problems.push(
      step === undefined ? { file, pointer, message } : { file, pointer, step, message },
    );

  const trackIndex = new Map<string, number>();
  const places = new Map<string, StepPlace>();
  doc.tracks.forEach((track, t) => {
    if (trackIndex.has(track.id)) {
      report(
        jsonPointer(['tracks', t, 'id']),
        `track "${track.id}": duplicate track id (first declared at /tracks/${trackIndex.get(track.id)})`,
      );
    } else {
      trackIndex.set(track.id, t);
    }
    track.steps.forEach((step, i) => {
      const at = jsonPointer(['tracks', t, 'steps', i, 'id']);
      const first = places.get(step.id);
      if (RESERVED_V2_STEP_IDS.has(step.id)) {
        report(at, `"${step.id}" is reserved and cannot be declared as a step`, step.id);
      } else if (first) {
        report(
          at,
          `duplicate step id (first declared at /tracks/${first.track}/steps/${first.index}; step ids are unique across tracks)`,
          step.id,
        );
      } else {
        places.set(step.id, { track: t, index: i, step });
      }
    });
  });

  const trackOfStep = (id: string) => {
    const place = places.get(id);
    return place === undefined ? undefined : doc.tracks[place.track]!.id;
  };
  const known = parties ? new Set(parties.map((p) => p.id)) : null;
  let closes = 0;
  // Per step: its successors within its track (and "done"/"close").
  const graph = new Map<string, string[]>();

  doc.tracks.forEach((track, t) => {
    track.steps.forEach((step, i) => {
      if (places.get(step.id)?.step !== step) return;
      const base = ['tracks', t, 'steps', i] as const;
      const targets: string[] = [];
      const target = (to: string, pointer: string, what: string, automatic: boolean) => {
        if (to === CLOSE_STEP || to === DONE_STEP) {
          if (automatic) {
            report(
              pointer,
              `${what} cannot target "${to}": ${to === CLOSE_STEP ? 'closing needs the findings from a person' : 'finishing a track is a decision for a person'}`,
              step.id,
            );
          } else {
            targets.push(to);
          }
          return;
        }
        const other = trackOfStep(to);
        if (other === undefined) report(pointer, `${what} targets unknown step "${to}"`, step.id);
        else if (other !== track.id) {
          report(
            pointer,
            `${what} targets step "${to}" of track "${other}": a step moves only within its track (open another track with "opens")`,
            step.id,
          );
        } else targets.push(to);
      };

      const roleless: string[] = [];
      const actionIds = new Set<string>();
      const offeredMoves = new Set(
        step.actions.filter((a) => actionRoles(step, a).includes('party')).map((a) => a.id),
      );
      step.actions.forEach((action, a) => {
        const at = (...rest: PropertyKey[]) => jsonPointer([...base, 'actions', a, ...rest]);
        if (actionIds.has(action.id)) {
          report(at('id'), `duplicate action id "${action.id}"`, step.id);
        }
        actionIds.add(action.id);
        const roles = actionRoles(step, action);
        if (roles.length === 0) roleless.push(action.id);
        if (roles.includes('party')) {
          if (roles.length > 1) {
            report(
              action.role === undefined ? jsonPointer([...base, 'role']) : at('role'),
              `action "${action.id}": a party move is made by a party's liaison alone; do not combine "party" with other roles`,
              step.id,
            );
          }
          if (!isPartyMove(action.id)) {
            report(
              at('id'),
              `action "${action.id}" is for role party but is not a party move (one of: ${Object.keys(PARTY_MOVES).join(', ')})`,
              step.id,
            );
          }
        }
        if (action.requires_acks && step.acks === undefined) {
          report(
            at('requires_acks'),
            `action "${action.id}" requires acknowledgements but the step collects none ("acks" is missing)`,
            step.id,
          );
        }
        (action.requires_moves ?? []).forEach((move, m) => {
          if (!offeredMoves.has(move)) {
            report(
              at('requires_moves', m),
              `action "${action.id}" waits for party move "${move}", which this step does not offer`,
              step.id,
            );
          }
        });
        if (action.next !== undefined) {
          target(action.next, at('next'), `action "${action.id}"`, false);
        }
        if (action.next === CLOSE_STEP) {
          closes += 1;
          const given = new Set(action.requires ?? []);
          const missing = FINDINGS_INPUTS.filter((input) => !given.has(input));
          if (missing.length > 0) {
            report(
              at(action.requires === undefined ? 'next' : 'requires'),
              `action "${action.id}" closes the run without the findings inputs ${missing.join(', ')} (add them to "requires")`,
              step.id,
            );
          }
          if (action.opens !== undefined) {
            report(
              at('opens'),
              `action "${action.id}" closes the run and cannot open tracks`,
              step.id,
            );
          }
        }
        (action.opens ?? []).forEach((opening, o) => {
          const trackId = typeof opening === 'string' ? opening : opening.track;
          const t2 = trackIndex.get(trackId);
          if (t2 === undefined) {
            report(
              at('opens', o),
              `action "${action.id}" opens unknown track "${trackId}"`,
              step.id,
            );
            return;
          }
          if (typeof opening !== 'string' && trackOfStep(opening.step) !== trackId) {
            report(
              at('opens', o, 'step'),
              `action "${action.id}" opens track "${trackId}" at "${opening.step}", which is not a step of that track`,
              step.id,
            );
          }
        });
      });
      if (step.role === undefined && (roleless.length > 0 || step.actions.length === 0)) {
        report(
          jsonPointer([...base]),
          roleless.length === 0
            ? 'no role: give the step a "role"'
            : `no role: give the step a "role" (${roleless.map((id) => `"${id}"`).join(', ')} name none)`,
          step.id,
        );
      }
      if (step.deadline_min === undefined) {
        for (const member of ['on_deadline', 'deadline_from'] as const) {
          if (step[member] !== undefined) {
            report(
              jsonPointer([...base, member]),
              `${member} is set but the step has no deadline_min`,
              step.id,
            );
          }
        }
      }
      if (step.on_deadline !== undefined && step.on_deadline !== FLAG_ONLY) {
        target(step.on_deadline, jsonPointer([...base, 'on_deadline']), 'on_deadline', true);
      }
      if (step.on_new_event !== undefined) {
        target(step.on_new_event, jsonPointer([...base, 'on_new_event']), 'on_new_event', true);
      }
      if (Array.isArray(step.acks) && known) {
        step.acks.forEach((party, k) => {
          if (!known.has(party)) {
            report(
              jsonPointer([...base, 'acks', k]),
              `acks names unknown party "${party}"`,
              step.id,
            );
          }
        });
      }
      graph.set(step.id, targets);
    });
  });

  // Entry: every target an existing step; its track is an entry track.
  let anyEntry = false;
  for (const [gravity, value] of Object.entries(doc.entry)) {
    const targets: [string, string][] =
      value === null
        ? []
        : typeof value === 'string'
          ? [[jsonPointer(['entry', gravity]), value]]
          : Object.entries(value)
              .filter((pair): pair is [string, string] => pair[1] !== null)
              .map(([band, step]) => [jsonPointer(['entry', gravity, band]), step]);
    for (const [at, step] of targets) {
      anyEntry = true;
      const track = trackOfStep(step);
      if (step === CLOSE_STEP || step === DONE_STEP) {
        report(at, `entry "${gravity}" cannot be "${step}"`, step);
      } else if (track === undefined) {
        report(at, `entry "${gravity}" names unknown step "${step}"`, step);
      }
    }
  }
  if (!anyEntry) report('/entry', 'no band and no manual start enters the protocol');
  if (closes === 0) report('/tracks', 'no action closes the run (an action with "next": "close")');

  // A track is reached when it holds an entry step or a reachable step's action opens it.
  const reachable = new Set<string>();
  const reachableTracks = new Set<string>();
  const queue: string[] = [];
  const startAt = (track: string, step: string) => {
    reachableTracks.add(track);
    queue.push(step);
  };
  for (const value of Object.values(doc.entry)) {
    const steps = value === null ? [] : typeof value === 'string' ? [value] : Object.values(value);
    for (const step of steps) {
      const track = step === null ? undefined : trackOfStep(step);
      if (step !== null && track !== undefined) startAt(track, step);
    }
  }
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (reachable.has(id)) continue;
    reachable.add(id);
    queue.push(...(graph.get(id) ?? []).filter((to) => to !== CLOSE_STEP && to !== DONE_STEP));
    const place = places.get(id)!;
    for (const opening of place.step.actions.flatMap((a) => a.opens ?? [])) {
      const trackId = typeof opening === 'string' ? opening : opening.track;
      const t2 = trackIndex.get(trackId);
      if (t2 === undefined) continue;
      const step = typeof opening === 'string' ? doc.tracks[t2]!.steps[0]!.id : opening.step;
      reachableTracks.add(trackId);
      if (trackOfStep(step) === trackId) startAt(trackId, step);
    }
  }

  const finishes = new Set<string>([CLOSE_STEP, DONE_STEP]);
  for (let changed = true; changed;) {
    changed = false;
    for (const [id, targets] of graph) {
      if (!finishes.has(id) && targets.some((t) => finishes.has(t))) {
        finishes.add(id);
        changed = true;
      }
    }
  }
  doc.tracks.forEach((track, t) => {
    if (trackIndex.get(track.id) !== t) return;
    if (!reachableTracks.has(track.id)) {
      report(
        jsonPointer(['tracks', t]),
        `track "${track.id}" is unreachable: it holds no entry step and no reachable action opens it`,
      );
      return;
    }
    track.steps.forEach((step, i) => {
      if (places.get(step.id)?.step !== step) return;
      if (!reachable.has(step.id)) {
        report(
          jsonPointer(['tracks', t, 'steps', i]),
          `unreachable: no entry, opening or transition of track "${track.id}" leads here`,
          step.id,
        );
      }
      if (!finishes.has(step.id)) {
        report(
          jsonPointer(['tracks', t, 'steps', i]),
          'no path from this step to "done" or "close"',
          step.id,
        );
      }
    });
  });

  const free = new Set(
    [...places].filter(([, place]) => place.step.deadline_min === undefined).map(([id]) => id),
  );
  for (const cycle of cyclesWithoutDeadline(free, graph)) {
    const first = places.get(cycle[0]!)!;
    report(
      jsonPointer(['tracks', first.track, 'steps', first.index]),
      `cycle without a deadline: ${[...cycle, cycle[0]!].join(' -> ')}`,
      cycle[0]!,
    );
  }
  return problems;
}
