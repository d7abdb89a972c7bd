// The exercise engine on a protocol of format version 2 (docs/ESCALATION-PROTOCOL.md,
// "Version 2"): parallel tracks, role-checked party moves, the parties' scripted
// moves on the exercise clock, a controller taking a party over, findings on
// close, report products — and a resume that reproduces it all entry for entry.
import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../shared/audit/entry';
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import { IntentRefused, type ExerciseEngine } from '../../../shared/exercise/exercise-engine';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { createExercise, resumeExercise } from '../../../shared/exercise/exercise-session';
import { LOG_DATA, isExerciseKind } from '../../../shared/exercise/log-data';
import { SCRIPTED_ACTOR } from '../../../shared/exercise/scripted-parties';
import { BUILTIN_PROTOCOL_V2 } from '../../../shared/protocol/builtin-protocol';
import { PARTY_MOVE_IDS, PARTY_MOVES } from '../../../shared/protocol/schema';
import { currentTrackVisit, openTracks } from '../../../shared/protocol/protocol-run';
import { buildAfterActionReport } from '../../../shared/report/after-action-report';
import type { PartyScript } from '../../../shared/scenario/schema';
import { MIN, T0, buildScenario, handEvents } from './hand-scenario';

const operator = { name: 'operator-1', role: 'operator' as const };
const controller = { name: 'control', role: 'controller' as const };
const HOUR = 60 * MIN;

const SCRIPT: PartyScript = {
  default: {
    acknowledge: { after_min: 5 },
    reply: { kind: 'denies', after_h: 2, text: 'We did not fire.' },
    meeting: 'attends',
    accepts_measures: true,
    requests_meeting: true,
  },
};

async function start(script: PartyScript | null = SCRIPT) {
  const scenario = buildScenario(handEvents(), { partyScript: script, end: T0 + 72 * HOUR });
  const setup = prepareExercise(scenario, 'test', { protocol: BUILTIN_PROTOCOL_V2.document });
  const log = new MemoryAuditLog('v2', { now: () => new Date('2026-11-26T10:00:00.000Z') });
  const engine = await createExercise(setup, log, operator);
  return { scenario, engine, log };
}

/** The MLRS alert (the hand timeline's violation), once it is in the protocol. */
function mlrs(engine: ExerciseEngine): string {
  const alert = engine.alerts().find((a) => a.eventIds.includes('mlrs-1'))!;
  return engine.unitOf(alert.id);
}

/** Runs the MLRS incident to its parallel tracks (hotline, explanation, consultation, reporting). */
async function toParallelTracks(engine: ExerciseEngine): Promise<string> {
  await engine.advanceTo(T0 + 75 * MIN);
  const id = mlrs(engine);
  const run = engine.runOf(id)!;
  const { visit } = openTracks(run)[0]!;
  if (visit.step === 'triage') {
    await engine.act(id, 'confirmed-violation', { rationale: 'MLRS in the exclusion zone.' });
  } else if (visit.step === 'escalate') {
    await engine.act(id, 'open-tracks', {});
  } else {
    await engine.act(id, 'confirmed', {});
  }
  return id;
}

describe('exercise engine on protocol version 2', () => {
  it('refuses every party move by an operator or controller, naming who can; nothing is logged', async () => {
    const { engine, log } = await start(null);
    const id = await toParallelTracks(engine);
    const before = log.entries().length;
    for (const move of PARTY_MOVE_IDS) {
      for (const actor of [operator, controller]) {
        const inputs = { kind: 'denies', text: 't', rationale: 'r', measures: 'm' };
        const refused = engine.takeAction(
          id,
          { track: 'consultation', action: move, inputs },
          actor,
        );
        await expect(refused).rejects.toBeInstanceOf(IntentRefused);
      }
    }
    // Where the move is offered, the refusal is the role's, naming the party's liaison.
    await engine.advanceTo(engine.now);
    const offered = engine.takeAction(
      id,
      { track: 'explanation', action: 'reply', party: 'B', inputs: { kind: 'denies', text: 'x' } },
      operator,
    );
    await expect(offered).rejects.toThrow(/an operator cannot|no action "reply"|not open/);
    expect(log.entries().length).toBe(before);
    // A liaison the script plays cannot be impersonated either.
    const impostor = engine.takeAction(
      id,
      { track: 'consultation', action: 'attend', inputs: {} },
      { name: 'someone', role: 'party', party: 'A' },
    );
    await expect(impostor).rejects.toBeInstanceOf(IntentRefused);
    expect(log.entries().length).toBe(before);
    expect(Object.keys(PARTY_MOVES).length).toBe(PARTY_MOVE_IDS.length);
  });

  it("lets only a controller act as the guarantors' chair: an operator, or a caller naming the chair's role, is refused and nothing is logged", async () => {
    const { engine, log } = await start();
    const id = await toParallelTracks(engine);
    // The scripted parties acknowledge after 5 minutes; the fire does not stop.
    await engine.advanceTo(engine.now + 10 * MIN);
    await engine.act(id, 'all-acknowledged', {}, operator);
    await engine.act(id, 'fire-continues', { rationale: 'Shelling goes on.' }, operator);
    expect(currentTrackVisit(engine.runOf(id)!, 'hotline')!.step).toBe('chair-call');
    const called = {
      track: 'hotline',
      action: 'chair-called',
      inputs: { summary: 'The chair called both commanders.' },
    };
    const before = log.entries().length;
    await expect(engine.chairAction(id, called, operator)).rejects.toThrow(
      new IntentRefused(
        "an operator cannot act as the guarantors' chair: only the controller's SimCell plays the chair",
      ),
    );
    // Claiming the chair's role is not enough, whoever the caller is.
    for (const name of ['operator-1', 'control']) {
      await expect(
        engine.takeAction(id, called, { name, role: 'guarantor-chair' }),
      ).rejects.toThrow(/the guarantors' chair acts only through the controller's SimCell/);
    }
    expect(log.entries().length).toBe(before);
    expect(currentTrackVisit(engine.runOf(id)!, 'hotline')!.step).toBe('chair-call');
    await engine.chairAction(id, called, controller);
    expect(log.entries().at(-1)).toMatchObject({
      kind: 'protocol-action',
      role: 'guarantor-chair',
      actor: 'control',
      data: { action: 'chair-called', track: 'hotline' },
    });
    // The chair's entry replays: a resume reproduces the log.
    const resumed = await resumeExercise(engine.setup.scenario, log.entries());
    expect(currentTrackVisit(resumed.runOf(id)!, 'hotline')).toBeNull();
  });

  it('runs tracks in parallel; the consultation deadline runs from the incident and breaches on the exercise clock', async () => {
    const { engine, log } = await start(null);
    const id = await toParallelTracks(engine);
    const tracks = openTracks(engine.runOf(id)!).map((t) => t.track);
    expect(tracks).toEqual(
      expect.arrayContaining(['hotline', 'explanation', 'consultation', 'reporting']),
    );
    const convene = currentTrackVisit(engine.runOf(id)!, 'consultation')!;
    const first = Date.parse('2026-03-01T01:00:00.000Z'); // mlrs-1, the incident's first event
    expect(convene.deadlineAt).toBe(first + 24 * HOUR);
    await engine.advanceTo(first + 24 * HOUR);
    const breach = log
      .entries()
      .find((e) => e.kind === 'deadline-breach' && e.step_id === 'convene');
    expect(breach?.exercise_time).toBe(new Date(first + 24 * HOUR).toISOString());
    expect(breach?.data).toEqual({
      deadline_at: new Date(first + 24 * HOUR).toISOString(),
      escalated_to: 'refer',
      track: 'consultation',
    });
  });

  it('plays the scripted parties as "SimCell (scripted)" in role party; a meeting request opens the consultation with no "no reply"', async () => {
    const { engine, log } = await start();
    const id = await toParallelTracks(engine);
    await engine.act(id, 'request-sent', { party: 'B', evidence: 'mlrs-1, mlrs-2' });
    await engine.advanceTo(engine.now + 3 * HOUR);
    const moves = log.entries().filter((e) => e.kind === 'party-move' || e.kind === 'party-ack');
    expect(moves.length).toBeGreaterThan(0);
    for (const e of moves) {
      expect(e.role).toBe('party');
      expect(e.actor).toBe(SCRIPTED_ACTOR);
      expect(['A', 'B']).toContain(e.party);
    }
    const acks = moves.filter((e) => e.kind === 'party-ack').map((e) => e.party);
    expect(acks.sort()).toEqual(['A', 'B']);
    const request = moves.find((e) => e.kind === 'party-move' && e.data.move === 'meeting-request');
    const reply = moves.find((e) => e.kind === 'party-move' && e.data.move === 'reply');
    expect(request?.party).toBe('B');
    expect(reply?.data).toMatchObject({ inputs: { kind: 'denies', text: 'We did not fire.' } });
    expect(reply!.seq).toBeGreaterThan(request!.seq);
    expect(currentTrackVisit(engine.runOf(id)!, 'explanation')!.step).toBe('assess-reply');
    await engine.advanceTo(engine.now + 48 * HOUR);
    expect(log.entries().some((e) => e.step_id === 'no-reply')).toBe(false);
  });

  it('a controller who takes a party over makes its moves; the script stops for it', async () => {
    const { engine, log } = await start();
    await expect(engine.takeOverParty('A', operator)).rejects.toBeInstanceOf(IntentRefused);
    await engine.takeOverParty('A', controller);
    const id = await toParallelTracks(engine);
    // B's scripted acknowledgement comes after 5 minutes; A's never (a controller plays A).
    await engine.advanceTo(engine.now + 10 * MIN);
    const acks = log.entries().filter((e) => e.kind === 'party-ack');
    expect(acks.map((e) => e.party)).toEqual(['B']);
    const liaison = { name: controller.name, role: 'party' as const, party: 'A' };
    await engine.ackParty(id, 'A', 'hotline, played by control', liaison);
    const mine = log.entries().at(-1)!;
    expect(mine).toMatchObject({ kind: 'party-ack', role: 'party', actor: 'control', party: 'A' });
    expect(log.entries().some((e) => e.kind === 'party-take-over')).toBe(true);
  });

  it('a controller hands a party back to its script: its moves resume from then on, logged, and a resume replays it', async () => {
    const { engine, log, scenario } = await start();
    await engine.takeOverParty('A', controller);
    const id = await toParallelTracks(engine);
    await engine.advanceTo(engine.now + 10 * MIN);
    expect(
      log
        .entries()
        .filter((e) => e.kind === 'party-ack')
        .map((e) => e.party),
    ).toEqual(['B']);
    const before = log.entries().length;
    // Only a controller hands back, and only a party taken over.
    await expect(engine.handBackParty('A', operator)).rejects.toThrow(
      'only a controller can hand a party back to its script, not an operator',
    );
    await expect(engine.handBackParty('B', controller)).rejects.toThrow(
      'party B is not taken over: its script already plays it',
    );
    expect(log.entries().length).toBe(before);
    const handedAt = engine.now;
    await engine.handBackParty('A', controller);
    expect(log.entries()[before]).toMatchObject({
      kind: 'party-hand-back',
      role: 'controller',
      actor: 'control',
      data: { party: 'A' },
    });
    expect(engine.takenOverParties().has('A')).toBe(false);
    // A's scripted acknowledgement, due 5 minutes into the step, is made at once, not back-dated.
    await engine.advanceTo(engine.now + MIN);
    const ackA = log.entries().find((e) => e.kind === 'party-ack' && e.party === 'A')!;
    expect(ackA.actor).toBe(SCRIPTED_ACTOR);
    expect(Date.parse(ackA.exercise_time!)).toBe(handedAt);
    expect(currentTrackVisit(engine.runOf(id)!, 'hotline')?.acks.map((a) => a.party)).toEqual([
      'B',
      'A',
    ]);
    await engine.end('done');
    const resumed = await resumeExercise(scenario, log.entries());
    expect(resumed.lastEntry?.hash).toBe(log.entries().at(-1)!.hash);
    expect(resumed.takenOverParties().size).toBe(0);
  });

  it('closes only with findings, and records them', async () => {
    const { engine, log } = await start(null);
    await engine.advanceTo(T0 + 75 * MIN);
    const id = mlrs(engine);
    const { track, visit } = openTracks(engine.runOf(id)!)[0]!;
    const close = visit.step === 'triage' ? 'false-alarm' : null;
    if (close === null) {
      // An escalated incident closes from the guarantors; reach it quickly.
      await engine.act(id, visit.step === 'escalate' ? 'open-tracks' : 'confirmed', {});
    }
    const where = close ? track : 'consultation';
    if (!close) {
      await engine.act(id, 'meeting-opened', { summary: 'in session' });
      await engine.act(id, 'no-agreement', { rationale: 'none' });
      await engine.act(id, 'referred', { summary: 'to the guarantors' });
    }
    const action = close ?? 'close-escalated';
    const without = engine.takeAction(id, { track: where, action, inputs: { summary: 's' } });
    await expect(without).rejects.toThrow(/attribution is required/);
    await engine.takeAction(id, {
      track: where,
      action,
      inputs: {
        attribution: 'B',
        intent: 'deliberate',
        outcome: 'escalated',
        evidence: 'mlrs-1, mlrs-2, mlrs-3',
        summary: 'closed',
      },
    });
    const run = engine.runOf(id)!;
    expect(run.closed).toBe(true);
    expect(run.findings).toEqual({
      attribution: 'B',
      intent: 'deliberate',
      outcome: 'escalated',
      evidence: 'mlrs-1, mlrs-2, mlrs-3',
    });
    expect(log.entries().at(-1)!.data).toMatchObject({ type: 'action', to: 'close' });
  });

  it('records a violation for the daily report without calling the parties; the report says recorded, not missed', async () => {
    const { engine, log, scenario } = await start(null);
    await engine.advanceTo(T0 + 75 * MIN);
    const id = mlrs(engine);
    // A grave incident enters at "escalate"; the operator judges it weaker first.
    if (openTracks(engine.runOf(id)!)[0]!.visit.step === 'escalate') {
      await engine.act(id, 'triage-first', { rationale: 'One exchange, no harm.' });
    }
    expect(openTracks(engine.runOf(id)!).map((t) => t.visit.step)).toEqual(['triage']);
    await engine.act(id, 'record-violation', {
      attribution: 'B',
      intent: 'undetermined',
      outcome: 'violation-recorded',
      evidence: 'mlrs-1',
      summary: 'Routine: for the daily report.',
    });
    const run = engine.runOf(id)!;
    expect(run.closed).toBe(true);
    // No track that reaches the parties was opened.
    expect(run.tracks.map((t) => t.track)).toEqual(['triage']);
    await engine.end('done');
    const report = await buildAfterActionReport({ scenario, entries: log.entries(), keyId: null });
    const outcome = report.outcomes.alerts.find((a) => a.alert_ids.includes(id))!;
    expect(outcome).toMatchObject({ handling: 'recorded', verdict: 'violation-recorded' });
    expect(report.outcomes.violations_recorded).toBe(1);
    expect(report.outcomes.violations_missed).toBe(0);
    expect(report.improvements.map((i) => i.observation).join(' ')).toMatch(
      /recorded for the daily report without calling the parties/,
    );
  });

  it('resumes a version-2 exercise entry for entry; report and verify accept its log', async () => {
    const { engine, log, scenario } = await start();
    await engine.takeOverParty('A', controller);
    const id = await toParallelTracks(engine);
    await engine.issueProduct('spot-report', 'MLRS fire into the exclusion zone.', id);
    await engine.act(id, 'request-sent', { party: 'B', evidence: 'mlrs-1' });
    await engine.advanceTo(engine.now + 4 * HOUR);
    await engine.issueProduct('daily-report', 'Day one.');
    await engine.end('done');
    const entries = log.entries();
    expect(entries.some((e) => e.kind === 'report-product')).toBe(true);
    const spot = entries.find((e) => e.kind === 'report-product');
    expect(spot?.data).toEqual({
      product: 'spot-report',
      text: 'MLRS fire into the exclusion zone.',
      track: 'reporting',
    });
    const resumed = await resumeExercise(scenario, entries);
    expect(resumed.lastEntry?.hash).toBe(entries.at(-1)!.hash);
    expect(resumed.runOf(id)).toEqual(engine.runOf(id));
    // Every entry fits its kind's schema.
    for (const e of entries) {
      expect(isExerciseKind(e.kind)).toBe(true);
      expect(LOG_DATA[e.kind as keyof typeof LOG_DATA].safeParse(e.data).success).toBe(true);
    }
    const report = await buildAfterActionReport({ scenario, entries, keyId: null });
    expect(report.counts.alerts_in_protocol).toBeGreaterThan(0);
    expect(report.steps.map((s) => s.step)).toContain('convene');
    // The report names who took part: the operator, the controller who took
    // Party A over, and the scripted SimCell playing Party B.
    expect(report.exercise.participants).toEqual(
      expect.arrayContaining([
        { name: 'operator-1', role: 'operator' },
        { name: 'control', role: 'controller' },
        { name: SCRIPTED_ACTOR, role: 'party' },
      ]),
    );
    // A scripted move is regenerated and compared, not trusted: a changed one is refused.
    const k = entries.findIndex((e: LogEntry) => e.actor === SCRIPTED_ACTOR);
    const forged = entries.map((e, i) =>
      i === k ? { ...e, party: e.party === 'A' ? 'B' : 'A' } : e,
    );
    await expect(resumeExercise(scenario, forged)).rejects.toThrow(
      /does not fit the scenario replay/,
    );
  });
});
