import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTIN_PROTOCOL_V2 } from '../../../shared/protocol/builtin-protocol';
import {
  applyRunBreach,
  applyRunNewEvent,
  applyRunWarning,
  checkRunAck,
  checkRunAction,
  nextRunTimer,
  offeredRunActions,
  recordRunAck,
  startRun,
  takeAction,
  type ProtocolRun,
  type RunActor,
  type RunContext,
  type RunIntent,
} from '../../../shared/protocol/protocol-run';
import {
  FINDING_INTENTS,
  FINDING_OUTCOMES,
  REPLY_KINDS,
  actionRoles,
  type ProtocolInput,
} from '../../../shared/protocol/schema';

const P = BUILTIN_PROTOCOL_V2;
const ctx: RunContext = {
  protocol: P,
  parties: [
    { id: 'A', name: 'A', role: 'party' },
    { id: 'B', name: 'B', role: 'party' },
    { id: 'MM', name: 'MM', role: 'monitor' },
  ],
};
const ACTORS: RunActor[] = [
  { name: 'op', role: 'operator' },
  { name: 'ctl', role: 'controller' },
  { name: 'chair', role: 'guarantor-chair' },
  { name: 'lo-A', role: 'party', party: 'A' },
  { name: 'lo-B', role: 'party', party: 'B' },
  { name: 'aud', role: 'auditor' },
];
const ENTRIES = ['triage', 'escalate', 'task-sensors'];
const MIN = 60_000;

function validInput(input: ProtocolInput, pick: number): string {
  switch (input) {
    case 'kind':
      return REPLY_KINDS[pick % REPLY_KINDS.length]!;
    case 'intent':
      return FINDING_INTENTS[pick % FINDING_INTENTS.length]!;
    case 'outcome':
      return FINDING_OUTCOMES[pick % FINDING_OUTCOMES.length]!;
    case 'attribution':
      return ['A', 'B', 'unattributed', 'undetermined'][pick % 4]!;
    case 'party':
      return ['A', 'B'][pick % 2]!;
    default:
      return `${input} given`;
  }
}

/** Whether the actor's role may take the action (for a party move: made for its own party). */
function roleAllows(run: ProtocolRun, intent: RunIntent, actor: RunActor): boolean {
  const track = run.tracks.find((t) => t.track === intent.track)!;
  const step = P.steps.get(track.visits.at(-1)!.step)!.step;
  const action = step.actions.find((a) => a.id === intent.action)!;
  const roles = actionRoles(step, action);
  if (roles.includes('party')) {
    const party = intent.party ?? (actor.role === 'party' ? actor.party : undefined);
    return actor.role === 'party' && actor.party === party;
  }
  return (roles as string[]).includes(actor.role);
}

/** Every open track has exactly one current step; a finished one none. */
function expectOneCurrentStepPerOpenTrack(run: ProtocolRun) {
  expect(new Set(run.tracks.map((t) => t.track)).size).toBe(run.tracks.length);
  for (const t of run.tracks) {
    const current = t.visits.filter((v) => v.leftAt === null);
    if (t.endedAt === null) {
      expect(current).toHaveLength(1);
      expect(t.visits.at(-1)!.leftAt).toBeNull();
      expect(P.steps.get(t.visits.at(-1)!.step)?.track).toBe(t.track);
    } else {
      expect(current).toHaveLength(0);
    }
  }
  if (run.closed) expect(run.tracks.every((t) => t.endedAt !== null)).toBe(true);
}

const move = fc.record({
  kind: fc.nat(4),
  pick: fc.nat(1000),
  actor: fc.nat(ACTORS.length - 1),
  party: fc.constantFrom(undefined, 'A', 'B'),
  waitMin: fc.nat(3000),
});

describe('protocol run (version 2) random walks', () => {
  it('keep the invariants: wrong roles change nothing, incident deadlines never move, one current step per open track, a closed run accepts nothing', () => {
    // What the walks reached, so the test fails if the generator stops exploring.
    let closedRuns = 0;
    let mostTracks = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...ENTRIES),
        fc.nat(600),
        fc.array(move, { maxLength: 60 }),
        (entry, lateMin, moves) => {
          const incidentAt = Date.UTC(2025, 0, 1);
          let now = incidentAt + lateMin * MIN;
          let run = startRun(P, 'A-1', entry, now, incidentAt, { kind: 'manual', by: 'op' });
          // Every visit's deadline as first seen, by track and visit index.
          const deadlines = new Map<string, number | null>();
          const observe = () => {
            expectOneCurrentStepPerOpenTrack(run);
            for (const t of run.tracks) {
              t.visits.forEach((v, i) => {
                const key = `${t.track}#${i}`;
                if (!deadlines.has(key)) deadlines.set(key, v.deadlineAt);
                expect(v.deadlineAt, key).toBe(deadlines.get(key));
                const def = P.steps.get(v.step)!.step;
                if (def.deadline_from === 'incident') {
                  expect(v.deadlineAt).toBe(incidentAt + def.deadline_min! * MIN);
                }
              });
            }
          };
          observe();
          for (const m of moves) {
            const actor = ACTORS[m.actor]!;
            if (m.kind === 0) {
              const until = now + m.waitMin * MIN;
              for (let t = nextRunTimer(run); t && t.at <= until; t = nextRunTimer(run)) {
                now = Math.max(now, t.at);
                run =
                  t.kind === 'deadline-warning'
                    ? applyRunWarning(run, t.track, now)
                    : applyRunBreach(P, run, t.track, now);
                observe();
              }
              now = until;
            } else if (m.kind === 1 || m.kind === 2) {
              const offered = offeredRunActions(ctx, run, ACTORS[0]!);
              const choice = offered[m.pick % Math.max(1, offered.length)];
              if (!choice) continue;
              const inputs: RunIntent['inputs'] = {};
              choice.requires.forEach(
                (input, i) => (inputs[input] = validInput(input, m.pick + i)),
              );
              const intent: RunIntent =
                m.party === undefined
                  ? { track: choice.track, action: choice.id, inputs }
                  : { track: choice.track, action: choice.id, party: m.party, inputs };
              const before = structuredClone(run);
              const refusal = checkRunAction(ctx, run, intent, actor);
              if (!roleAllows(run, intent, actor)) {
                expect(refusal).toMatch(/ cannot .*: only .* can$|is not a party move/);
              }
              if (refusal !== null) {
                expect(() => takeAction(ctx, run, intent, actor, now)).toThrow(refusal);
                expect(run).toEqual(before);
              } else {
                run = takeAction(ctx, run, intent, actor, now);
              }
              observe();
            } else if (m.kind === 3) {
              const party = m.party ?? 'A';
              for (const t of run.tracks.filter((x) => x.endedAt === null)) {
                if (checkRunAck(ctx, run, t.track, party, 'hotline', actor) === null) {
                  run = recordRunAck(ctx, run, t.track, party, 'hotline', actor, now);
                }
              }
              observe();
            } else {
              run = applyRunNewEvent(P, run, `ev-${m.pick}`, now);
              observe();
            }
            mostTracks = Math.max(mostTracks, run.tracks.length);
            if (run.closed) {
              closedRuns += 1;
              // A closed run accepts nothing, whoever asks.
              expect(nextRunTimer(run)).toBeNull();
              expect(offeredRunActions(ctx, run, actor)).toEqual([]);
              expect(applyRunNewEvent(P, run, 'ev-late', now)).toBe(run);
              for (const [track] of P.tracks) {
                for (const who of ACTORS) {
                  const intent = { track, action: 'reply', inputs: {} };
                  expect(checkRunAction(ctx, run, intent, who)).toMatch(/is closed/);
                  expect(checkRunAck(ctx, run, track, 'A', 'x', who)).toMatch(/is closed/);
                }
              }
            }
          }
        },
      ),
      { numRuns: 300 },
    );
    expect(closedRuns).toBeGreaterThan(0);
    expect(mostTracks).toBeGreaterThanOrEqual(5);
  });
});
