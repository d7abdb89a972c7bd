// The headless operator on protocol version 2 (docs/CLI.md, `exercise
// --protocol v2`): it never plays a party, closes every incident with
// findings, records routine violations for the daily report instead of
// calling the parties, and says truthfully who acknowledged when the
// notification deadline passed.
import { describe, expect, it } from 'vitest';
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import {
  createAutoOperatorV2,
  hotlineEscalationSummary,
} from '../../../shared/exercise/auto-operator-v2';
import {
  checkRunAction,
  startRun,
  takeAction,
  type RunVisit,
} from '../../../shared/protocol/protocol-run';
import { scriptedMoves } from '../../../shared/exercise/scripted-parties';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { runHeadlessExercise } from '../../../shared/exercise/run-headless';
import { createSimCell } from '../../../shared/exercise/sim-cell';
import { BUILTIN_PROTOCOL_V2 } from '../../../shared/protocol/builtin-protocol';
import type { PartyScript } from '../../../shared/scenario/schema';
import { MIN, T0, buildScenario, handEvents } from './hand-scenario';

const operator = { name: 'auto-operator', role: 'operator' as const };
const CTX = {
  protocol: BUILTIN_PROTOCOL_V2,
  parties: [
    { id: 'A', name: 'Party A', role: 'party' as const },
    { id: 'B', name: 'Party B', role: 'party' as const },
    { id: 'MM', name: 'Monitoring Mission', role: 'monitor' as const },
  ],
};
const SCRIPT = {
  conduct: () => ({
    acknowledge: { after_min: 5 },
    reply: { kind: 'denies' as const, after_h: 2, text: 'No.' },
    meeting: 'attends' as const,
    accepts_measures: true,
    requests_meeting: false,
  }),
  partyName: (id: string) => `Party ${id}`,
  title: 'MLRS fire',
};

/** A confirmed incident whose request for explanation went to `party`. */
function requestedFrom(party: string) {
  const run = startRun(BUILTIN_PROTOCOL_V2, 'x', 'escalate', T0, T0, {
    kind: 'entry',
    gravity: 'critical',
    certainty: 'confirmed',
  });
  const open = takeAction(
    CTX,
    run,
    { track: 'triage', action: 'open-tracks', inputs: {} },
    operator,
    T0,
  );
  return takeAction(
    CTX,
    open,
    { track: 'explanation', action: 'request-sent', inputs: { party, evidence: 'mlrs-1' } },
    operator,
    T0 + MIN,
  );
}
const WALL = () => new Date('2026-11-26T10:00:00.000Z');

async function play(script: PartyScript) {
  const scenario = buildScenario(handEvents(), { partyScript: script, end: T0 + 72 * 60 * MIN });
  const log = new MemoryAuditLog('ex', { now: WALL });
  const engine = await runHeadlessExercise({
    setup: prepareExercise(scenario, 'test', { protocol: BUILTIN_PROTOCOL_V2.document }),
    log,
    policy: createAutoOperatorV2(operator, createSimCell()),
  });
  return { engine, entries: log.entries() };
}

describe('auto operator on protocol version 2', () => {
  it('never makes a party move; every closed incident carries its findings', async () => {
    const { engine, entries } = await play({
      default: {
        acknowledge: { after_min: 5 },
        reply: { kind: 'denies', after_h: 2, text: 'No.' },
      },
    });
    const moves = entries.filter((e) => e.kind === 'party-move' || e.kind === 'party-ack');
    expect(moves.length).toBeGreaterThan(0);
    for (const m of moves) expect(m.role).toBe('party');
    const closed = [...engine.runs().values()].filter((r) => r.closed);
    expect(closed.length).toBeGreaterThan(0);
    for (const run of closed) {
      expect(run.findings?.attribution).toBeTruthy();
      expect(run.findings?.intent).toBeTruthy();
      expect(run.findings?.outcome).toBeTruthy();
    }
  });

  it('asks every party for an explanation when no report names one and no firing point tells the side; each party is asked to reply', async () => {
    // The MLRS incident with no party named and no firing position: only the
    // rounds heard and the impact are reported.
    const events = handEvents().map((e) => {
      if (!e.id.startsWith('mlrs') || e.id === 'mlrs-3') return e;
      const { party: _party, subtype: _subtype, ...rest } = e;
      return rest;
    });
    const scenario = buildScenario(events, {
      partyScript: {
        default: {
          acknowledge: { after_min: 5 },
          reply: { kind: 'denies', after_h: 2, text: 'Not us.' },
        },
      },
      end: T0 + 72 * 60 * MIN,
    });
    const log = new MemoryAuditLog('ex', { now: WALL });
    await runHeadlessExercise({
      setup: prepareExercise(scenario, 'test', { protocol: BUILTIN_PROTOCOL_V2.document }),
      log,
      policy: createAutoOperatorV2(operator, createSimCell()),
    });
    const entries = log.entries();
    const request = entries.find(
      (e) =>
        e.kind === 'protocol-action' && (e.data as { action?: string }).action === 'request-sent',
    )!;
    // Not Party A by default: every party to the ceasefire.
    expect((request.data as { inputs: { party: string } }).inputs.party).toBe('all');
    // The first reply answers it (the track moves on to assessing it).
    const reply = entries.find(
      (e) =>
        e.kind === 'party-move' &&
        e.alert_id === request.alert_id &&
        (e.data as { move: string }).move === 'reply',
    );
    expect(['A', 'B']).toContain(reply?.party);
    const product = entries.find(
      (e) =>
        e.kind === 'report-product' &&
        (e.data as { product: string }).product === 'request-for-explanation',
    );
    expect((product?.data as { text: string }).text).toMatch(/to every party to the ceasefire/);
  });

  it('a request to "all" asks each party to the ceasefire for its reply', () => {
    const run = requestedFrom('all');
    const replies = scriptedMoves(CTX, run, SCRIPT, () => false).filter(
      (m) => m.kind === 'move' && m.move === 'reply',
    );
    expect(replies.map((m) => m.party).sort()).toEqual(['A', 'B']);
    const toB = scriptedMoves(CTX, requestedFrom('B'), SCRIPT, () => false).filter(
      (m) => m.kind === 'move' && m.move === 'reply',
    );
    expect(toB.map((m) => m.party)).toEqual(['B']);
  });

  it('refuses a request to a party not in the ceasefire, saying who may be asked', () => {
    const run = startRun(BUILTIN_PROTOCOL_V2, 'x', 'escalate', T0, T0, {
      kind: 'entry',
      gravity: 'critical',
      certainty: 'confirmed',
    });
    const open = takeAction(
      CTX,
      run,
      { track: 'triage', action: 'open-tracks', inputs: {} },
      operator,
      T0,
    );
    expect(
      checkRunAction(
        CTX,
        open,
        { track: 'explanation', action: 'request-sent', inputs: { party: 'MM', evidence: 'e' } },
        operator,
      ),
    ).toBe(
      '"request-sent" in step "send-request": party must be a party to the ceasefire (A, B) or "all" (every party); got "MM"',
    );
  });

  it('after a missed notification deadline, names the parties that had acknowledged', () => {
    const notify = {
      step: 'notify-parties',
      acks: [
        { party: 'A', at: T0 + 2 * MIN },
        { party: 'B', at: T0 + 20 * MIN },
      ],
    } as unknown as RunVisit;
    const escalation = { step: 'hotline-escalation', acks: [] } as unknown as RunVisit;
    expect(hotlineEscalationSummary([notify, escalation])).toMatch(/acknowledged: A, B/);
    expect(hotlineEscalationSummary([{ ...notify, acks: [] } as RunVisit, escalation])).toMatch(
      /no party has acknowledged/,
    );
  });
});
