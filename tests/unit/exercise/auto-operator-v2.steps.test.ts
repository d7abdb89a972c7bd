// What the headless operator does at each step of a version-2 protocol run
// (auto-operator-v2.ts, docs/ESCALATION-PROTOCOL.md "Version 2"): the action
// it takes, with which findings and words, and how long after the step began.
// Each run is a real protocol run built step by step; the desk around it
// (v2-operator-desk.ts) holds only the alert and what the parties said.
//
// The operator is a human at a console: reading, a sortie, a meeting take a
// while, drawn deterministically from the alert, the step, when the step was
// entered and what is drawn (`draw` below), so the same exercise always
// plays the same.
import { describe, expect, it } from 'vitest';
import { chance } from '../../../shared/exercise/auto-operator';
import { BUILTIN_PROTOCOL_V2 } from '../../../shared/protocol/builtin-protocol';
import {
  applyRunBreach,
  checkRunAction,
  currentTrackVisit,
  recordRunAck,
  startRun,
  type ProtocolRun,
} from '../../../shared/protocol/protocol-run';
import type { Zone } from '../../../shared/scenario/loaded-scenario';
import {
  CONFIRMED,
  HOUR,
  MIN,
  T0,
  TRIAGED,
  act,
  confirmedRun,
  ctx,
  liaison,
  meeting,
  op,
  requested,
  triageRun,
} from '../protocol/v2-run-fixture';
import { ZONES } from './hand-scenario';
import { desk, report, partiesSaying, type DeskAlert } from './v2-operator-desk';

const ID = 'A-1';
const TITLE = 'Artillery fire near Kerrow';

/** The run with only `track` open: the other tracks' work does not compete. */
function only(run: ProtocolRun, track: string): ProtocolRun {
  return { ...run, tracks: run.tracks.filter((t) => t.track === track) };
}
/** When `track`'s current step was entered. */
const entered = (run: ProtocolRun, track: string) => currentTrackVisit(run, track)!.enteredAt;
/** The operator's draw for `what` in the step `track` is at. */
function draw(run: ProtocolRun, track: string, what: string): number {
  const visit = currentTrackVisit(run, track)!;
  return chance(`${ID}|${visit.step}|${visit.enteredAt}|${what}`);
}

/** The incident A-1 as the console shows it: grave and probable unless said otherwise. */
function incident(over: Partial<DeskAlert> = {}): DeskAlert {
  return {
    id: ID,
    title: TITLE,
    events: [report('obs-1', 0, { party: 'B' })],
    gravity: 70,
    severity: 'high',
    certainty: 0.8,
    certaintyBand: 'probable',
    openedAt: T0,
    ...over,
  };
}

/** A desk with A-1 in `run`. */
function deskWith(run: ProtocolRun, over: Partial<DeskAlert> = {}, parties = partiesSaying(null)) {
  return desk({ alerts: [incident(over)], runs: { [ID]: run }, parties });
}

/** The line of the hand-made scenario, with a town held by A to its west and one by B to its east. */
const town = (id: string, lon: number, lat: number, party: string): Zone => ({
  id,
  name: id,
  kind: 'settlement',
  controlled_by: party,
  geometry: { type: 'Point', coordinates: [lon, lat] },
  bbox: [lon, lat, lon, lat],
});
const SIDES: Zone[] = [
  ZONES[0]!,
  town('west', -120.7, -44.5, 'A'),
  town('east', -120.3, -44.5, 'B'),
];

describe('triage', () => {
  // Reading takes 2 minutes, plus one per report up to three, plus up to a minute more.
  const reading = (reports: number) =>
    (2 + Math.min(reports, 3) + Math.floor(2 * draw(triageRun(), 'triage', 'read'))) * MIN;

  it('closes weak evidence as a false alarm, with every finding and the measures it read', async () => {
    const events = ['h-1', 'h-2', 'h-3', 'h-4'].map((id, i) =>
      report(id, i, { type: 'thermal-hotspot', source: 'satellite' }),
    );
    const d = deskWith(only(triageRun(), 'triage'), {
      events,
      gravity: 20,
      severity: 'low',
      certainty: 0.2,
      certaintyBand: 'unconfirmed',
    });
    expect(d.plan()).toEqual({
      at: TRIAGED + reading(4),
      alertId: ID,
      what: 'triage: false-alarm',
    });
    expect(await d.work()).toEqual([
      {
        kind: 'action',
        alertId: ID,
        by: 'auto-operator',
        intent: {
          track: 'triage',
          action: 'false-alarm',
          inputs: {
            attribution: 'undetermined',
            intent: 'undetermined',
            outcome: 'false-alarm',
            evidence: 'Events h-1, h-2, h-3, h-4.',
            summary: `${TITLE}: closed as a false alarm (certainty 0.20, unconfirmed; gravity 20.0).`,
          },
        },
      },
    ]);
  });

  it('closes an alert a report on the ground cleared as a false alarm, however grave it looked', async () => {
    const d = deskWith(only(triageRun(), 'triage'), {
      gravity: 75,
      severity: 'high',
      certainty: 0,
      certaintyBand: 'cleared',
    });
    const [deed] = await d.work();
    expect(deed).toMatchObject({ kind: 'action', intent: { action: 'false-alarm' } });
  });

  it('records a routine exchange of fire for the daily report, naming the party a report names, without calling the parties', async () => {
    const d = deskWith(only(triageRun(), 'triage'), {
      events: [report('obs-1', 0, { party: 'B' }), report('obs-2', 2, { source: 'ground-sensor' })],
      gravity: 30,
      severity: 'medium',
      certainty: 0.7,
      certaintyBand: 'probable',
    });
    expect(d.plan()).toEqual({
      at: TRIAGED + reading(2),
      alertId: ID,
      what: 'triage: record-violation',
    });
    const [deed] = await d.work();
    expect(deed).toEqual({
      kind: 'action',
      alertId: ID,
      by: 'auto-operator',
      intent: {
        track: 'triage',
        action: 'record-violation',
        inputs: {
          attribution: 'B',
          intent: 'undetermined',
          outcome: 'violation-recorded',
          evidence: 'Events obs-1, obs-2.',
          summary: `${TITLE}: gravity 30.0 (medium), certainty 0.70 (probable) from observer, ground-sensor. Routine: recorded for the daily report, the parties not called.`,
        },
      },
    });
  });

  // An acoustic array's located shot, with its direction of fire, from the west (A's) side.
  const shot = (minutes: number) =>
    report('gs-1', minutes, {
      source: 'ground-sensor',
      subtype: 'outgoing',
      weapon_class: 'artillery',
      lat: -44.5,
      lon: -120.6,
      bearing_deg: 90,
    });
  const routine = { gravity: 30, severity: 'medium', certainty: 0.7 } as const;

  it('waits for the rounds of a launch to land before judging it, and attributes it to the side it was fired from', async () => {
    // The shot at triage time: its rounds land within 6 minutes.
    const d = desk({
      alerts: [incident({ ...routine, events: [shot(30)] })],
      runs: { [ID]: only(triageRun(), 'triage') },
      zones: SIDES,
    });
    expect(d.plan()).toEqual({
      at: TRIAGED + 6 * MIN + reading(1),
      alertId: ID,
      what: 'triage: record-violation',
    });
    const [deed] = await d.work();
    expect(deed).toMatchObject({ intent: { inputs: { attribution: 'A' } } });
  });

  it('does not wait for a launch whose rounds were due before triage began', () => {
    const d = desk({
      alerts: [incident({ ...routine, events: [shot(0)] })],
      runs: { [ID]: only(triageRun(), 'triage') },
      zones: SIDES,
    });
    expect(d.plan()?.at).toBe(TRIAGED + reading(1));
  });

  it('leaves the attribution undetermined when no report names a party and no firing point is located on a side', async () => {
    // A firing position with no coordinates, then a report that is not of a firing point.
    const unlocated = report('dr-1', 0, { subtype: 'firing-position', source: 'drone' });
    delete unlocated.lat;
    delete unlocated.lon;
    const d = desk({
      alerts: [incident({ ...routine, events: [unlocated, report('obs-2', 1, { lon: -120.7 })] })],
      runs: { [ID]: only(triageRun(), 'triage') },
      zones: SIDES,
    });
    const [deed] = await d.work();
    expect(deed).toMatchObject({ intent: { inputs: { attribution: 'undetermined' } } });
  });

  it('attributes fire to the side of a located firing position, skipping a point not fully located', async () => {
    // A firing position with only a latitude, then one located east of the line (B's side).
    const halfLocated = report('dr-0', 0, { subtype: 'firing-position', source: 'drone' });
    delete halfLocated.lon;
    const east = report('dr-1', 1, {
      subtype: 'firing-position',
      source: 'drone',
      lat: -44.5,
      lon: -120.4,
    });
    const d = desk({
      alerts: [incident({ ...routine, events: [halfLocated, east] })],
      runs: { [ID]: only(triageRun(), 'triage') },
      // (Placed anyway, a point without a longitude would fall to the last town listed: A's.)
      zones: [ZONES[0]!, SIDES[2]!, SIDES[1]!],
    });
    const [deed] = await d.work();
    expect(deed).toMatchObject({ intent: { inputs: { attribution: 'B' } } });
    // A first firing point on a side with no town to place it: the next one tells.
    const west = { ...east, id: 'dr-w', lon: -120.7 };
    const oneTown = desk({
      alerts: [incident({ ...routine, events: [west, east] })],
      runs: { [ID]: only(triageRun(), 'triage') },
      zones: [ZONES[0]!, SIDES[2]!],
    });
    const [placed] = await oneTown.work();
    expect(placed).toMatchObject({ intent: { inputs: { attribution: 'B' } } });
    // Without towns to tell the sides apart, no side.
    const blind = desk({
      alerts: [incident({ ...routine, events: [east] })],
      runs: { [ID]: only(triageRun(), 'triage') },
      zones: [ZONES[0]!],
    });
    const [unnamed] = await blind.work();
    expect(unnamed).toMatchObject({ intent: { inputs: { attribution: 'undetermined' } } });
  });

  it('confirms a grave violation on strong evidence, giving the measures and sources as its rationale', async () => {
    const d = deskWith(only(triageRun(), 'triage'), {
      events: [report('obs-1', 0), report('dr-1', 1, { source: 'drone' })],
    });
    expect(d.plan()).toEqual({
      at: TRIAGED + reading(2),
      alertId: ID,
      what: 'triage: confirmed-violation',
    });
    expect((await d.work())[0]).toMatchObject({
      intent: {
        track: 'triage',
        action: 'confirmed-violation',
        inputs: {
          rationale: `${TITLE}: gravity 70.0 (high), certainty 0.80 (probable) from observer, drone.`,
        },
      },
    });
  });

  it('sends a grave but unclear report for verification', async () => {
    const d = deskWith(only(triageRun(), 'triage'), { certainty: 0.5, certaintyBand: 'possible' });
    expect((await d.work())[0]).toMatchObject({
      intent: { track: 'triage', action: 'start-verification', inputs: {} },
    });
  });

  it('opens the tracks three minutes into the escalation step', async () => {
    const run = startRun(BUILTIN_PROTOCOL_V2, ID, 'escalate', TRIAGED, T0, {
      kind: 'entry',
      gravity: 'critical',
      certainty: 'confirmed',
    });
    const d = deskWith(run);
    expect(d.plan()).toEqual({ at: TRIAGED + 3 * MIN, alertId: ID, what: 'triage: open-tracks' });
  });
});

describe('long incidents', () => {
  // 400 reports: their ids alone run to 4,800 characters.
  const many = () =>
    Array.from({ length: 400 }, (_, i) => report(`ev-${String(i).padStart(6, '0')}`, 0));

  it('cites at most 4,000 characters of report ids in its findings, as the protocol accepts', async () => {
    const run = only(triageRun(), 'triage');
    const d = deskWith(run, {
      events: many(),
      gravity: 20,
      severity: 'low',
      certainty: 0.2,
      certaintyBand: 'unconfirmed',
    });
    const [deed] = await d.work();
    const intent = deed?.kind === 'action' ? deed.intent : undefined;
    expect(intent?.inputs.evidence).toHaveLength(4000);
    expect(intent?.inputs.evidence).toMatch(/^Events ev-000000, ev-000001, /);
    expect(checkRunAction(ctx, run, intent!, op)).toBeNull();
  });

  // It used to cite every report id unshortened, so past 4,000 characters the
  // protocol refused the operator's request-sent and a headless exercise
  // stopped there.
  it('asks for an explanation of a long incident in words the protocol accepts', async () => {
    const run = only(confirmedRun(), 'explanation');
    const [deed] = await deskWith(run, { events: many() }).work();
    const intent = deed?.kind === 'action' ? deed.intent : undefined;
    expect(intent?.action).toBe('request-sent');
    expect(checkRunAction(ctx, run, intent!, op)).toBeNull();
  });
});

describe('verification', () => {
  const tasked = () =>
    act(triageRun(), { track: 'triage', action: 'start-verification', inputs: {} }, TRIAGED + MIN);
  // The sortie comes back 15 to 55 minutes after the sensors were tasked.
  const back = () =>
    entered(tasked(), 'verify') + Math.round(15 + 40 * draw(tasked(), 'verify', 'sortie')) * MIN;

  it('reports the sensors confirmed strong evidence once the sortie is back', async () => {
    const d = deskWith(tasked());
    expect(d.plan()).toEqual({ at: back() + 3 * MIN, alertId: ID, what: 'verify: confirmed' });
    expect(back()).toBeGreaterThanOrEqual(TRIAGED + 16 * MIN);
    expect(back()).toBeLessThanOrEqual(TRIAGED + 56 * MIN);
  });

  it('closes as a false alarm what the sortie found weak, with findings', async () => {
    const d = deskWith(tasked(), { gravity: 20, severity: 'low', certainty: 0.2 });
    expect(d.plan()).toEqual({ at: back() + 3 * MIN, alertId: ID, what: 'verify: false-alarm' });
    expect((await d.work())[0]).toMatchObject({
      intent: { inputs: { outcome: 'false-alarm', evidence: 'Events obs-1.' } },
    });
  });

  it('records an unconfirmed report when the sortie neither confirms nor clears it', () => {
    const d = deskWith(tasked(), { certainty: 0.5, certaintyBand: 'possible' });
    expect(d.plan()?.what).toBe('verify: unconfirmed');
  });

  it('watches an unconfirmed report for six hours, then closes it as cleared, naming the party reported', async () => {
    const watched = act(
      tasked(),
      { track: 'verify', action: 'unconfirmed', inputs: {} },
      TRIAGED + HOUR,
    );
    const d = deskWith(watched);
    expect(d.plan()).toEqual({
      at: TRIAGED + 7 * HOUR + 2 * MIN,
      alertId: ID,
      what: 'verify: nothing-further',
    });
    expect((await d.work())[0]).toMatchObject({
      intent: {
        track: 'verify',
        action: 'nothing-further',
        inputs: {
          attribution: 'B',
          intent: 'undetermined',
          outcome: 'cleared',
          evidence: 'Events obs-1.',
          summary: `${TITLE}: watched for 6 hours after an unconfirmed report; nothing further observed.`,
        },
      },
    });
  });

  it('records a refused visit and goes back to the sensors', async () => {
    const asked = act(
      tasked(),
      { track: 'verify', action: 'request-visit', inputs: { party: 'B', rationale: 'see it' } },
      TRIAGED + 20 * MIN,
    );
    const refused = act(
      asked,
      { track: 'verify', action: 'visit-refusal', inputs: { rationale: 'not now' } },
      TRIAGED + 50 * MIN,
      liaison('B'),
    );
    const d = deskWith(refused);
    expect(d.plan()).toEqual({
      at: TRIAGED + 55 * MIN,
      alertId: ID,
      what: 'verify: refusal-recorded',
    });
    expect((await d.work())[0]).toMatchObject({
      intent: {
        track: 'verify',
        action: 'refusal-recorded',
        inputs: { rationale: 'Access refused or not answered.' },
      },
    });
  });
});

describe('hotline', () => {
  const hotline = () => only(confirmedRun(), 'hotline');
  const ackBy = (run: ProtocolRun, party: string, at: number) =>
    recordRunAck(ctx, run, 'hotline', party, 'hotline, duty officer', op, at);

  it('records that every party acknowledged a minute after the last acknowledgement', async () => {
    const both = ackBy(ackBy(hotline(), 'B', CONFIRMED + 12 * MIN), 'A', CONFIRMED + 4 * MIN);
    const d = deskWith(both);
    expect(d.plan()).toEqual({
      at: CONFIRMED + 13 * MIN,
      alertId: ID,
      what: 'hotline: all-acknowledged',
    });
    expect((await d.work())[0]).toMatchObject({
      intent: { track: 'hotline', action: 'all-acknowledged', inputs: {} },
    });
  });

  it('keeps calling while a party to the ceasefire has not acknowledged (the mission is not asked)', () => {
    const d = deskWith(ackBy(hotline(), 'A', CONFIRMED + 4 * MIN));
    expect(d.plan()).toBeNull();
  });

  it('after the deadline, records the escalation naming who had acknowledged in the notification step', async () => {
    const breached = applyRunBreach(
      BUILTIN_PROTOCOL_V2,
      ackBy(hotline(), 'A', CONFIRMED + 4 * MIN),
      'hotline',
      T0 + 70 * MIN,
    );
    const d = deskWith(breached);
    expect(d.plan()).toEqual({
      at: T0 + 80 * MIN,
      alertId: ID,
      what: 'hotline: escalation-recorded',
    });
    expect((await d.work())[0]).toMatchObject({
      intent: {
        track: 'hotline',
        action: 'escalation-recorded',
        inputs: {
          summary:
            'Acknowledgements confirmed after the deadline (acknowledged: A); alternate numbers kept on watch.',
        },
      },
    });
  });

  it('calls for the fire to stop and records it stopped 20 to 40 minutes later', async () => {
    const acked = ackBy(ackBy(hotline(), 'A', CONFIRMED + 4 * MIN), 'B', CONFIRMED + 6 * MIN);
    const call = act(
      acked,
      { track: 'hotline', action: 'all-acknowledged', inputs: {} },
      CONFIRMED + 7 * MIN,
    );
    const stopped = CONFIRMED + 7 * MIN + Math.round(20 + 20 * draw(call, 'hotline', 'fire')) * MIN;
    const d = deskWith(call);
    expect(d.plan()).toEqual({ at: stopped + 3 * MIN, alertId: ID, what: 'hotline: fire-stopped' });
    expect(stopped - CONFIRMED - 7 * MIN).toBeGreaterThanOrEqual(20 * MIN);
    expect(stopped - CONFIRMED - 7 * MIN).toBeLessThanOrEqual(40 * MIN);
    expect((await d.work())[0]).toMatchObject({
      intent: {
        action: 'fire-stopped',
        inputs: {
          summary:
            'Both parties asked on the hotline to stop fire around the incident; sensors and observers report no further firing.',
        },
      },
    });
  });
});

describe('request for explanation', () => {
  it('asks the party a report names, citing every report', async () => {
    const d = deskWith(only(confirmedRun(), 'explanation'), {
      events: [report('obs-1', 0), report('obs-2', 1, { party: 'A' })],
    });
    expect(d.plan()).toEqual({
      at: CONFIRMED + 10 * MIN,
      alertId: ID,
      what: 'explanation: request-sent',
    });
    expect((await d.work())[0]).toMatchObject({
      intent: {
        track: 'explanation',
        action: 'request-sent',
        inputs: { party: 'A', evidence: 'Events obs-1, obs-2.' },
      },
    });
  });

  it('asks every party when no report names one and nothing places the fire', async () => {
    const d = deskWith(only(confirmedRun(), 'explanation'), { events: [report('obs-1', 0)] });
    expect((await d.work())[0]).toMatchObject({ intent: { inputs: { party: 'all' } } });
  });

  it('issues the written request for explanation five minutes after the request was sent', async () => {
    const sent = T0 + 2 * HOUR;
    const d = deskWith(only(requested('B', sent), 'explanation'));
    expect(d.plan()).toEqual({
      at: sent + 5 * MIN,
      alertId: ID,
      what: 'issue the request for explanation',
    });
    const [deed] = await d.work();
    expect(deed).toMatchObject({
      kind: 'product',
      product: 'request-for-explanation',
      alertId: ID,
    });
  });

  it('does not issue the written request twice, but does for another incident', () => {
    const run = only(requested('B'), 'explanation');
    const issued = (alertId: string) =>
      desk({
        alerts: [incident()],
        runs: { [ID]: run },
        products: [
          { product: 'request-for-explanation', at: T0 + 3 * HOUR, alertId },
          { product: 'daily-report', at: T0 + 72 * HOUR, alertId: null },
        ],
      }).plan();
    expect(issued(ID)).toBeNull();
    expect(issued('A-9')?.what).toBe('issue the request for explanation');
  });

  /** The request to B answered by B with `kind`; the written request already issued. */
  function answered(...replies: { kind: string; text: string }[]) {
    let run = requested('B');
    replies.forEach((inputs, i) => {
      if (i > 0) {
        run = act(
          run,
          {
            track: 'explanation',
            action: 'answer-with-evidence',
            inputs: { evidence: 'radar track' },
          },
          T0 + (3 + 2 * i) * HOUR,
        );
      }
      run = act(
        run,
        { track: 'explanation', action: 'reply', inputs },
        T0 + (4 + 2 * i) * HOUR,
        liaison('B'),
      );
    });
    return desk({
      alerts: [incident()],
      // The finished triage track stays first in the run, as it does in the engine.
      runs: {
        [ID]: {
          ...run,
          tracks: run.tracks.filter((t) => t.track === 'triage' || t.track === 'explanation'),
        },
      },
      products: [
        { product: 'request-for-explanation', at: T0 + 2 * HOUR, alertId: ID },
        { product: 'daily-report', at: T0 + 72 * HOUR, alertId: null },
      ],
    });
  }

  it('accepts a reply that admits the violation, quoting it', async () => {
    const d = answered({ kind: 'admits', text: 'Our battery fired.' });
    expect(d.plan()).toEqual({
      at: T0 + 4 * HOUR + 10 * MIN,
      alertId: ID,
      what: 'explanation: reply-accounts',
    });
    expect((await d.work())[0]).toMatchObject({
      intent: { inputs: { rationale: 'B admits: "Our battery fired."' } },
    });
  });

  it('finds a denial does not account for what was observed, quoting the latest reply', async () => {
    const d = answered(
      { kind: 'admits', text: 'Perhaps.' },
      { kind: 'denies', text: 'We did not fire.' },
    );
    expect((await d.work())[0]).toMatchObject({
      intent: {
        action: 'unresolved',
        inputs: {
          rationale:
            'B denies: "We did not fire." The reply does not account for what was observed.',
        },
      },
    });
  });

  it('quotes a long reply only as far as the protocol accepts', async () => {
    const long = 'x'.repeat(3990);
    const denial = (await answered({ kind: 'denies', text: long }).work())[0];
    expect(denial?.kind === 'action' && denial.intent.inputs.rationale).toBe(
      `B denies: "${long}`.slice(0, 4000),
    );
    const admission = (await answered({ kind: 'admits', text: long }).work())[0];
    expect(admission?.kind === 'action' && admission.intent.inputs.rationale).toBe(
      `B admits: "${long}`.slice(0, 4000),
    );
  });

  it('issues the written request from when the request was sent, even once a reply is in', () => {
    const run = act(
      requested('B'),
      { track: 'explanation', action: 'reply', inputs: { kind: 'denies', text: 'No.' } },
      T0 + 4 * HOUR,
      liaison('B'),
    );
    const d = deskWith(only(run, 'explanation'));
    expect(d.plan()).toEqual({
      at: T0 + 2 * HOUR + 5 * MIN,
      alertId: ID,
      what: 'issue the request for explanation',
    });
  });

  it('records the silence when no reply came within 48 hours', async () => {
    const silent = applyRunBreach(
      BUILTIN_PROTOCOL_V2,
      only(requested('B'), 'explanation'),
      'explanation',
      T0 + 50 * HOUR,
    );
    const d = desk({
      alerts: [incident()],
      runs: { [ID]: silent },
      products: [{ product: 'request-for-explanation', at: T0 + 2 * HOUR, alertId: ID }],
      end: T0,
    });
    expect(d.plan()).toEqual({
      at: T0 + 50 * HOUR + 5 * MIN,
      alertId: ID,
      what: 'explanation: no-reply-recorded',
    });
    expect((await d.work())[0]).toMatchObject({
      intent: {
        action: 'no-reply-recorded',
        inputs: { rationale: 'No reply to the request for explanation within 48 hours.' },
      },
    });
  });
});

describe('consultation', () => {
  const MEASURES = 'Both batteries withdrawn 20 km; a joint patrol on Thursday.';
  const OPENED = T0 + 3 * HOUR;
  const sitting = () => only(meeting(OPENED), 'consultation');
  const move = (run: ProtocolRun, party: string, action: string, at: number) =>
    act(run, { track: 'consultation', action, inputs: {} }, at, liaison(party));
  // The meeting's outcome is recorded one to two hours after it opened.
  const outcomeAt = (run: ProtocolRun) =>
    OPENED + Math.round(60 + 60 * draw(run, 'consultation', 'meeting')) * MIN + 10 * MIN;

  it('opens the emergency meeting when the parties say it sits, five minutes later', async () => {
    const convene = only(confirmedRun(), 'consultation');
    const d = deskWith(convene, {}, partiesSaying(T0 + 5 * HOUR));
    expect(d.plan()).toEqual({
      at: T0 + 5 * HOUR + 5 * MIN,
      alertId: ID,
      what: 'consultation: meeting-opened',
    });
    expect((await d.work())[0]).toMatchObject({
      intent: {
        track: 'consultation',
        action: 'meeting-opened',
        inputs: {
          summary: `Emergency meeting of the joint commission in session on ${TITLE}; every party and the guarantors invited, evidence file circulated.`,
        },
      },
    });
  });

  it('opens a meeting a party asked for, and never before the step began', () => {
    const asked = act(
      act(triageRun(), { track: 'triage', action: 'start-verification', inputs: {} }, TRIAGED),
      { track: 'verify', action: 'meeting-request', inputs: { rationale: 'talk' } },
      T0 + 2 * HOUR,
      liaison('A'),
    );
    expect(currentTrackVisit(asked, 'consultation')?.step).toBe('convene-on-request');
    const d = deskWith(only(asked, 'consultation'), {}, partiesSaying(T0));
    expect(d.plan()).toEqual({
      at: T0 + 2 * HOUR + 5 * MIN,
      alertId: ID,
      what: 'consultation: meeting-opened',
    });
  });

  it('convenes a meeting that sits at once before work whose deadline is later than half an hour away', () => {
    // The spot report is due an hour after confirmation; the meeting, sitting now, comes first.
    const run = confirmedRun();
    const both = {
      ...run,
      tracks: run.tracks.filter((t) => t.track !== 'hotline' && t.track !== 'explanation'),
    };
    const d = deskWith(both, {}, partiesSaying(CONFIRMED));
    expect(d.plan()?.what).toBe('consultation: meeting-opened');
  });

  it('puts a meeting that sits later behind work due before half an hour after it sits', () => {
    // The spot report is due at T0 + 100 min; the meeting sits at T0 + 90 min.
    const run = confirmedRun();
    const both = {
      ...run,
      tracks: run.tracks.filter((t) => t.track === 'consultation' || t.track === 'reporting'),
    };
    const d = desk({
      alerts: [incident()],
      runs: { [ID]: both },
      parties: partiesSaying(T0 + 90 * MIN),
      lastActedAt: T0 + 95 * MIN,
    });
    expect(d.plan()?.what).toBe('issue the spot report');
  });

  it('cuts the record of a failed meeting to the 4,000 characters the protocol accepts', async () => {
    let run = sitting();
    for (const party of ['A', 'B']) run = move(run, party, 'attend', OPENED + MIN);
    const [deed] = await deskWith(run, {}, partiesSaying(null, 'm'.repeat(4000))).work();
    const intent = deed?.kind === 'action' ? deed.intent : undefined;
    expect(intent?.inputs.rationale).toHaveLength(4000);
    expect(intent?.inputs.rationale).toMatch(/^No agreement at the emergency meeting on /);
  });

  it('waits until every party has attended or refused before recording an outcome', () => {
    const d = deskWith(move(sitting(), 'A', 'attend', OPENED + MIN));
    expect(d.plan()).toBeNull();
    const refusedOnly = act(
      sitting(),
      { track: 'consultation', action: 'refuse-meeting', inputs: { rationale: 'no' } },
      OPENED + 2 * MIN,
      liaison('B'),
    );
    expect(deskWith(refusedOnly).plan()).toBeNull();
  });

  it('records the measures agreed when every party accepted them, then issues the meeting summary', async () => {
    let run = sitting();
    for (const party of ['A', 'B']) run = move(run, party, 'attend', OPENED + MIN);
    for (const party of ['B', 'A']) run = move(run, party, 'accept-measures', OPENED + 30 * MIN);
    const d = deskWith(run, {}, partiesSaying(null, MEASURES));
    expect(d.plan()).toEqual({
      at: outcomeAt(run),
      alertId: ID,
      what: 'consultation: measures-agreed',
    });
    const [agreed, summary] = await d.work();
    expect(agreed).toMatchObject({
      kind: 'action',
      intent: { track: 'consultation', action: 'measures-agreed', inputs: { measures: MEASURES } },
    });
    expect(summary).toMatchObject({ kind: 'product', product: 'meeting-summary', alertId: ID });
  });

  it('records no agreement, saying a party did not accept the measures, when one of them did not', async () => {
    let run = sitting();
    for (const party of ['A', 'B']) run = move(run, party, 'attend', OPENED + MIN);
    run = move(run, 'A', 'accept-measures', OPENED + 30 * MIN);
    const d = deskWith(run, {}, partiesSaying(null, MEASURES));
    expect(d.plan()?.what).toBe('consultation: no-agreement');
    const [outcome, summary] = await d.work();
    expect(outcome).toMatchObject({
      intent: {
        action: 'no-agreement',
        inputs: {
          rationale: `No agreement at the emergency meeting on ${TITLE}: a party did not accept the measures ("${MEASURES}").`,
        },
      },
    });
    expect(summary).toMatchObject({ product: 'meeting-summary' });
  });

  it('records no agreement, saying a party refused to attend, when one refused the meeting', async () => {
    let run = move(sitting(), 'A', 'attend', OPENED + MIN);
    run = act(
      run,
      { track: 'consultation', action: 'refuse-meeting', inputs: { rationale: 'no' } },
      OPENED + 2 * MIN,
      liaison('B'),
    );
    const d = deskWith(run, {}, partiesSaying(null, MEASURES));
    expect(d.plan()).toEqual({
      at: outcomeAt(run),
      alertId: ID,
      what: 'consultation: no-agreement',
    });
    expect((await d.work())[0]).toMatchObject({
      intent: {
        inputs: {
          rationale: `No agreement at the emergency meeting on ${TITLE}: a party refused to attend ("${MEASURES}").`,
        },
      },
    });
  });

  const noAgreement = () =>
    act(
      sitting(),
      { track: 'consultation', action: 'no-agreement', inputs: { rationale: 'none' } },
      OPENED + 2 * HOUR,
    );

  it('refers a failed consultation to the guarantors one to six hours later', async () => {
    const run = noAgreement();
    const referred =
      OPENED + 2 * HOUR + Math.round((1 + 5 * draw(run, 'consultation', 'refer')) * 60) * MIN;
    expect(referred - OPENED - 2 * HOUR).toBeGreaterThanOrEqual(HOUR);
    expect(referred - OPENED - 2 * HOUR).toBeLessThanOrEqual(6 * HOUR);
    const d = deskWith(run);
    expect(d.plan()).toEqual({
      at: referred + 5 * MIN,
      alertId: ID,
      what: 'consultation: referred',
    });
    expect((await d.work())[0]).toMatchObject({
      intent: {
        action: 'referred',
        inputs: {
          summary: `${TITLE}: referred to the guarantors with the evidence file and the consultation record.`,
        },
      },
    });
  });

  const withGuarantors = () =>
    act(
      noAgreement(),
      { track: 'consultation', action: 'referred', inputs: { summary: 'file sent' } },
      OPENED + 4 * HOUR,
    );

  it('closes the incident as escalated, left with the guarantors, holding the named party deliberate', async () => {
    const run = withGuarantors();
    const closes =
      OPENED + 4 * HOUR + Math.round((4 + 8 * draw(run, 'consultation', 'guarantors')) * 60) * MIN;
    expect(closes - OPENED - 4 * HOUR).toBeGreaterThanOrEqual(4 * HOUR);
    expect(closes - OPENED - 4 * HOUR).toBeLessThanOrEqual(12 * HOUR);
    const d = deskWith(run);
    expect(d.plan()).toEqual({
      at: closes + 5 * MIN,
      alertId: ID,
      what: 'consultation: close-escalated',
    });
    expect((await d.work())[0]).toMatchObject({
      intent: {
        action: 'close-escalated',
        inputs: {
          attribution: 'B',
          intent: 'deliberate',
          outcome: 'escalated',
          evidence: 'Events obs-1.',
          summary: `${TITLE}: no agreement at the consultation; referred to and left with the guarantors.`,
        },
      },
    });
  });

  it('leaves intent undetermined when it cannot say who fired', async () => {
    const d = deskWith(withGuarantors(), { events: [report('obs-1', 0)] });
    expect((await d.work())[0]).toMatchObject({
      intent: { inputs: { attribution: 'undetermined', intent: 'undetermined' } },
    });
  });
});

describe('resolution and reporting', () => {
  const MEASURES = 'Both batteries withdrawn 20 km.';
  function agreed(): ProtocolRun {
    let run = meeting(T0 + 3 * HOUR);
    for (const party of ['A', 'B']) {
      run = act(
        run,
        { track: 'consultation', action: 'accept-measures', inputs: {} },
        T0 + 4 * HOUR,
        liaison(party),
      );
    }
    return act(
      run,
      { track: 'consultation', action: 'measures-agreed', inputs: { measures: MEASURES } },
      T0 + 5 * HOUR,
    );
  }

  it('verifies the agreed measures were carried out 8 to 24 hours later and closes with findings', async () => {
    const run = only(agreed(), 'resolution');
    const since = entered(run, 'resolution');
    const verified = since + Math.round((8 + 16 * draw(run, 'resolution', 'verified')) * 60) * MIN;
    expect(verified - since).toBeGreaterThanOrEqual(8 * HOUR);
    expect(verified - since).toBeLessThanOrEqual(24 * HOUR);
    const d = deskWith(run, {}, partiesSaying(null, MEASURES));
    expect(d.plan()).toEqual({
      at: verified + 5 * MIN,
      alertId: ID,
      what: 'resolution: measures-verified',
    });
    expect((await d.work())[0]).toMatchObject({
      intent: {
        track: 'resolution',
        action: 'measures-verified',
        inputs: {
          attribution: 'B',
          intent: 'deliberate',
          outcome: 'violation-recorded',
          evidence: 'Events obs-1.',
          summary: `${TITLE}: verified that the measures were carried out: ${MEASURES}`,
        },
      },
    });
  });

  it('with no party known, verifies the measures with intent undetermined', async () => {
    const d = deskWith(only(agreed(), 'resolution'), { events: [report('obs-1', 0)] });
    expect((await d.work())[0]).toMatchObject({
      intent: { inputs: { attribution: 'undetermined', intent: 'undetermined' } },
    });
  });

  it('cuts the verification summary to 4,000 characters', async () => {
    const d = deskWith(only(agreed(), 'resolution'), {}, partiesSaying(null, 'm'.repeat(4000)));
    const [deed] = await d.work();
    const intent = deed?.kind === 'action' ? deed.intent : undefined;
    expect(intent?.inputs.summary).toHaveLength(4000);
  });

  it('closes on measures not carried out, holding the party deliberate', async () => {
    const unmet = act(
      only(agreed(), 'resolution'),
      {
        track: 'resolution',
        action: 'measures-not-carried-out',
        inputs: { rationale: 'guns back' },
      },
      T0 + 20 * HOUR,
    );
    const d = deskWith(unmet, { events: [report('obs-1', 0)] });
    expect(d.plan()).toEqual({
      at: T0 + 20 * HOUR + 10 * MIN,
      alertId: ID,
      what: 'resolution: close-unmet',
    });
    expect((await d.work())[0]).toMatchObject({
      intent: {
        action: 'close-unmet',
        inputs: {
          attribution: 'undetermined',
          intent: 'deliberate',
          outcome: 'violation-recorded',
          evidence: 'Events obs-1.',
          summary: `${TITLE}: measures not carried out.`,
        },
      },
    });
  });

  it('issues the spot report a quarter of an hour into the reporting track', async () => {
    const d = deskWith(only(confirmedRun(), 'reporting'));
    expect(d.plan()).toEqual({
      at: CONFIRMED + 15 * MIN,
      alertId: ID,
      what: 'issue the spot report',
    });
    expect((await d.work())[0]).toMatchObject({
      kind: 'product',
      product: 'spot-report',
      alertId: ID,
    });
  });

  it("has nothing to do once the spot report is out and the daily report is the console's", () => {
    const spot = act(
      only(confirmedRun(), 'reporting'),
      { track: 'reporting', action: 'spot-report-sent', inputs: { summary: 'sent' } },
      CONFIRMED + 20 * MIN,
    );
    expect(currentTrackVisit(spot, 'reporting')?.step).toBe('daily-report');
    expect(deskWith(spot).plan()).toBeNull();
  });
});
