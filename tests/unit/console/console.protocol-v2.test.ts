// The console on an exercise of protocol format version 2: the walkthrough's
// tracks come from the engine's run, the operator gets no control for a
// party's move (and the session refuses one if forced), and the controller's
// SimCell lists each party's requests with the script's response; sending one
// takes the party over and the engine logs it in the party's role.
import { describe, expect, it } from 'vitest';
import { MemoryAuditLog } from '../../../shared/audit/memory-log';
import type { ExerciseEngine } from '../../../shared/exercise/exercise-engine';
import { prepareExercise } from '../../../shared/exercise/exercise-setup';
import { createExercise, resumeExercise } from '../../../shared/exercise/exercise-session';
import { BUILTIN_PROTOCOL_V2 } from '../../../shared/protocol/builtin-protocol';
import { openTracks } from '../../../shared/protocol/protocol-run';
import {
  FINDING_INTENTS,
  FINDING_OUTCOMES,
  NO_ATTRIBUTION,
  REPLY_KINDS,
} from '../../../shared/protocol/schema';
import type { PartyScript } from '../../../shared/scenario/schema';
import { buildAfterActionReport } from '../../../shared/report/after-action-report';
import { reportToMarkdown } from '../../../shared/report/report-markdown';
import { engineSession } from '../../../renderer/src/console/engine-session';
import { sendPlan } from '../../../renderer/src/console/sim-cell-plan';
import {
  actionControl,
  inputChoices,
  missingInputs,
  runInputChoices,
} from '../../../renderer/src/protocol/run-walkthrough-model';
import { MIN, T0, buildScenario, handEvents } from '../exercise/hand-scenario';
import { chairSteps } from '../../../renderer/src/console/sim-cell-plan';

const HOUR = 60 * MIN;
const SCRIPT: PartyScript = {
  default: {
    acknowledge: { after_min: 5 },
    reply: { kind: 'denies', after_h: 2, text: 'We did not fire.' },
    meeting: 'attends',
    accepts_measures: true,
    requests_meeting: false,
  },
};

async function start(role: 'operator' | 'controller') {
  const scenario = buildScenario(handEvents(), { partyScript: SCRIPT, end: T0 + 72 * HOUR });
  const setup = prepareExercise(scenario, 'test', { protocol: BUILTIN_PROTOCOL_V2.document });
  const log = new MemoryAuditLog('v2', { now: () => new Date('2026-11-26T10:00:00.000Z') });
  const participant = { name: role === 'operator' ? 'op' : 'control', role };
  const engine = await createExercise(setup, log, participant);
  const session = engineSession({ engine, scenario, participant, schedule: (run) => run() });
  return { engine, log, session, scenario };
}

/** The MLRS incident, run by an operator to its parallel tracks. */
async function toParallelTracks(engine: ExerciseEngine): Promise<string> {
  await engine.advanceTo(T0 + 75 * MIN);
  const alert = engine.alerts().find((a) => a.eventIds.includes('mlrs-1'))!;
  const id = engine.unitOf(alert.id);
  const step = openTracks(engine.runOf(id)!)[0]!.visit.step;
  const operator = { name: 'op', role: 'operator' as const };
  if (step === 'triage')
    await engine.act(id, 'confirmed-violation', { rationale: 'MLRS' }, operator);
  else if (step === 'escalate') await engine.act(id, 'open-tracks', {}, operator);
  else await engine.act(id, 'confirmed', {}, operator);
  return id;
}

describe('console on protocol version 2', () => {
  it("shows an incident's tracks side by side, each with its step, roles and deadline", async () => {
    const { engine, session } = await start('operator');
    expect(session.protocolFormat).toBe(2);
    const id = await toParallelTracks(engine);
    const view = session.getSnapshot().alerts.find((a) => a.id === id)!;
    expect(view.protocol).toBeNull();
    const tracks = view.run!.tracks.filter((t) => t.open);
    expect(tracks.map((t) => t.track)).toEqual(
      expect.arrayContaining(['hotline', 'explanation', 'consultation', 'reporting']),
    );
    const consultation = tracks.find((t) => t.track === 'consultation')!;
    // "Within 24 hours of the violation": the countdown runs from the incident.
    expect(consultation.deadlineFrom).toBe(view.run!.incidentAt);
    expect(consultation.deadlineAt).toBe(view.run!.incidentAt + 24 * HOUR);
    const hotline = tracks.find((t) => t.track === 'hotline')!;
    expect(hotline.acks.map((a) => a.partyId)).toEqual(['A', 'B']);
    expect(hotline.roles).toContain('operator');
    // An operator's session never receives the party script.
    expect(session.getSnapshot().simCell).toBeNull();
  });

  it('gives the operator "Write the spot report" instead of a form for "Spot report sent", and refuses the action if forced; nothing is logged', async () => {
    const { engine, log, session } = await start('operator');
    const id = await toParallelTracks(engine);
    const reporting = session
      .getSnapshot()
      .alerts.find((a) => a.id === id)!
      .run!.tracks.find((t) => t.track === 'reporting')!;
    expect(reporting.stepId).toBe('spot-report');
    const sent = reporting.actions.find((a) => a.id === 'spot-report-sent')!;
    expect(actionControl(sent, 'operator')).toEqual({
      kind: 'product',
      product: 'spot-report',
      label: 'Write the spot report',
    });
    // The controller reads the mission's products; the operator writes them.
    expect(actionControl(sent, 'controller')).toMatchObject({ kind: 'elsewhere' });
    const before = log.entries().length;
    await expect(
      session.commands.actInTrack(id, 'reporting', 'spot-report-sent', { summary: 'Sent.' }),
    ).rejects.toThrow(/taken by issuing the spot-report itself/);
    expect(log.entries().length).toBe(before);
  });

  it("gives the operator no control for a party's move, and refuses one if forced; nothing is logged", async () => {
    const { engine, log, session } = await start('operator');
    const id = await toParallelTracks(engine);
    await session.commands.actInTrack(id, 'explanation', 'request-sent', {
      party: 'B',
      evidence: 'mlrs-1',
    });
    const explanation = session
      .getSnapshot()
      .alerts.find((a) => a.id === id)!
      .run!.tracks.find((t) => t.track === 'explanation')!;
    expect(explanation.stepId).toBe('await-reply');
    const reply = explanation.actions.find((a) => a.id === 'reply')!;
    const control = actionControl(reply, 'operator');
    expect(control).toMatchObject({ kind: 'elsewhere' });
    expect(control.kind === 'elsewhere' && control.why).toMatch(/SimCell/);
    const before = log.entries().length;
    await expect(
      session.commands.partyMove(id, 'B', 'explanation', 'reply', { kind: 'denies', text: 'no' }),
    ).rejects.toThrow(/operator cannot act for a party/);
    await expect(
      session.commands.actInTrack(id, 'explanation', 'reply', { kind: 'denies', text: 'no' }),
    ).rejects.toThrow(/an operator cannot reply/);
    expect(log.entries().length).toBe(before);
  });

  it("lists each party's requests with the script's response; sending it takes the party over and logs it in the party's role", async () => {
    const { engine, log, session } = await start('controller');
    const id = await toParallelTracks(engine);
    const simCell = session.getSnapshot().simCell!;
    expect(simCell.parties.map((p) => p.partyId)).toEqual(['A', 'B']);
    const b = simCell.parties.find((p) => p.partyId === 'B')!;
    expect(b.takenOverBy).toBeNull();
    const ack = b.requests.find((r) => r.alertId === id && r.track === 'hotline')!;
    expect(ack).toMatchObject({ ackDue: true, addressed: true, stepId: 'notify-parties' });
    expect(ack.deadlineAt).not.toBeNull();
    expect(ack.scripted).toEqual([
      { kind: 'ack', at: ack.enteredAt + 5 * MIN, how: 'hotline, duty officer' },
    ]);
    // "Send now", as the panel does it: take over, then the party's acknowledgement.
    const plan = sendPlan(ack)!;
    expect(plan).toEqual({ kind: 'ack', how: 'hotline, duty officer' });
    await session.commands.takeOverParty('B');
    await session.commands.partyAck(id, 'B', 'hotline', plan.kind === 'ack' ? plan.how : '');
    const entry = log.entries().at(-1)!;
    expect(entry).toMatchObject({ kind: 'party-ack', role: 'party', actor: 'control', party: 'B' });
    const after = session.getSnapshot().simCell!.parties.find((p) => p.partyId === 'B')!;
    expect(after.takenOverBy).toBe('control');
    expect(after.requests.some((r) => r.track === 'hotline' && r.ackDue)).toBe(false);
    // The script still plays A: its acknowledgement comes in at five minutes, B's never again.
    await engine.advanceTo(engine.now + 10 * MIN);
    const acks = log.entries().filter((e) => e.kind === 'party-ack');
    expect(acks.map((e) => [e.party, e.actor])).toEqual([
      ['B', 'control'],
      ['A', 'SimCell (scripted)'],
    ]);
  });

  it("the controller plays the guarantors' chair from the SimCell: the chair's step is listed, its action logged in the chair's role; an operator is refused", async () => {
    const { engine, log, session, scenario } = await start('controller');
    const id = await toParallelTracks(engine);
    const operator = { name: 'op', role: 'operator' as const };
    // The scripted parties acknowledge after 5 minutes; the fire does not stop.
    await engine.advanceTo(engine.now + 10 * MIN);
    await engine.act(id, 'all-acknowledged', {}, operator);
    await engine.act(id, 'fire-continues', { rationale: 'Shelling goes on.' }, operator);
    const steps = chairSteps(session.getSnapshot().alerts);
    expect(steps.map((s) => [s.alertId, s.track, s.stepId])).toEqual([
      [id, 'hotline', 'chair-call'],
    ]);
    expect(steps[0]!.actions.map((a) => a.id)).toEqual(['chair-called']);
    // The walkthrough points the controller to the SimCell for it.
    const action = steps[0]!.actions[0]!;
    expect(actionControl(action, 'controller')).toEqual({
      kind: 'elsewhere',
      why: "Guarantors' chair acts here, not the controller — take it as the chair from the SimCell panel.",
    });
    const other = await start('operator');
    const otherId = await toParallelTracks(other.engine);
    const before = other.log.entries().length;
    await expect(
      other.session.commands.chairAction(otherId, 'hotline', 'chair-called', { summary: 's' }),
    ).rejects.toThrow(
      "an operator cannot act as the guarantors' chair: only the controller's SimCell can",
    );
    expect(other.log.entries().length).toBe(before);
    await session.commands.chairAction(id, 'hotline', 'chair-called', {
      summary: 'The chair called both commanders; fire stopped at 04:10.',
    });
    expect(log.entries().at(-1)).toMatchObject({
      kind: 'protocol-action',
      role: 'guarantor-chair',
      actor: 'control',
      data: { type: 'action', action: 'chair-called', track: 'hotline', to: 'done' },
    });
    expect(chairSteps(session.getSnapshot().alerts)).toEqual([]);
    // A resume replays the chair's action in the chair's role.
    const resumed = await resumeExercise(scenario, log.entries());
    expect(resumed.runOf(id)).toEqual(engine.runOf(id));
  });

  it('offers the shared vocabularies for findings and replies, never retyped', () => {
    const parties = [
      { id: 'A', name: 'Party A', role: 'party' },
      { id: 'MM', name: 'Mission', role: 'monitor' },
    ];
    expect(inputChoices('attribution', parties)!.map((c) => c.value)).toEqual([
      'A',
      ...NO_ATTRIBUTION,
    ]);
    expect(inputChoices('intent', parties)!.map((c) => c.value)).toEqual([...FINDING_INTENTS]);
    expect(inputChoices('outcome', parties)!.map((c) => c.value)).toEqual([...FINDING_OUTCOMES]);
    expect(inputChoices('kind', parties)!.map((c) => c.value)).toEqual([...REPLY_KINDS]);
    expect(inputChoices('summary', parties)).toBeNull();
  });

  it('sends a request to a party to the ceasefire or to all of them, the operator choosing (no default)', () => {
    const parties = [
      { id: 'A', name: 'Party A', role: 'party' },
      { id: 'B', name: 'Party B', role: 'party' },
      { id: 'MM', name: 'Mission', role: 'monitor' },
    ];
    expect(runInputChoices('party', parties)!.map((c) => c.value)).toEqual(['A', 'B', 'all']);
    // The form starts empty: "Request sent" waits until a party is chosen.
    expect(missingInputs(['party', 'evidence'], { evidence: 'e' })).toEqual(['party']);
    expect(runInputChoices('intent', parties)).toEqual(inputChoices('intent', parties));
  });

  it('closes with the findings chosen in the walkthrough, and the report lists them with the incident', async () => {
    const { engine, log, session } = await start('operator');
    const id = await toParallelTracks(engine);
    await session.commands.actInTrack(id, 'consultation', 'meeting-opened', {
      summary: 'in session',
    });
    await session.commands.actInTrack(id, 'consultation', 'no-agreement', { rationale: 'none' });
    await session.commands.actInTrack(id, 'consultation', 'referred', { summary: 'guarantors' });
    const findings = {
      attribution: 'B',
      intent: 'deliberate',
      outcome: 'escalated',
      evidence: 'mlrs-1, mlrs-2',
    };
    await session.commands.actInTrack(id, 'consultation', 'close-escalated', {
      ...findings,
      summary: 'closed as escalated',
    });
    const run = session.getSnapshot().alerts.find((a) => a.id === id)!.run!;
    expect(run.closed).toBe(true);
    expect(run.findings).toEqual(findings);
    const report = await buildAfterActionReport({
      scenario: engine.setup.scenario,
      entries: log.entries(),
      keyId: null,
    });
    const outcome = report.outcomes.alerts.find((o) => o.alert_ids.includes(id))!;
    expect(outcome.findings).toEqual(findings);
    expect(reportToMarkdown(report)).toContain(
      'attribution B, intent deliberate, outcome escalated; evidence: mlrs-1, mlrs-2',
    );
  });

  it("keeps an alert's view while its tracks merely run on, and makes a new one when a deadline turns", async () => {
    const { engine, session } = await start('operator');
    const id = await toParallelTracks(engine);
    const before = session.getSnapshot().alerts.find((a) => a.id === id)!;
    await engine.advanceTo(engine.now + 1000);
    const after = session.getSnapshot().alerts.find((a) => a.id === id)!;
    expect(after).toBe(before);
    // The spot report's 60 minutes warn at 80 %, 48 minutes in.
    const reporting = before.run!.tracks.find((t) => t.track === 'reporting')!;
    await engine.advanceTo(reporting.deadlineFrom + 49 * MIN);
    const warned = session.getSnapshot().alerts.find((a) => a.id === id)!;
    expect(warned).not.toBe(before);
    expect(warned.run!.tracks.find((t) => t.track === 'reporting')!.deadlineStatus).toBe('warning');
  });
});
