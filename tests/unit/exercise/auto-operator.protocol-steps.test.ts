// What the auto operator does next at each step of the version-1 protocol
// (and of a scenario's own), read from a console state built by hand: which
// intent, on which alert, when, and with what words in the record.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAutoOperator, type PlannedIntent } from '../../../shared/exercise/auto-operator';
import type { AlertSnapshot } from '../../../shared/exercise/exercise-snapshot';
import type { PartyReply } from '../../../shared/exercise/sim-cell';
import {
  HOUR,
  MIN,
  OPERATOR,
  START,
  action,
  alertSnapshot,
  atStep,
  consoleEngine,
  event,
  intentRecorder,
  partiesSaying,
  visits,
  type AlertOver,
  type ConsoleOptions,
  type ScriptedParties,
} from './console-state';

const TITLE = 'Small-arms fire — near Kerrow';
const ACKED = { by: 'auto', at: START };

function plan(
  alerts: AlertSnapshot[],
  parties: ScriptedParties = partiesSaying({}),
  options: Omit<ConsoleOptions, 'alerts'> = {},
): PlannedIntent | null {
  return createAutoOperator(OPERATOR, parties).next(consoleEngine({ alerts, ...options }));
}

/** An acknowledged alert standing at a step of its protocol. */
function working(stepId: string, over: AlertOver = {}, step: Parameters<typeof atStep>[1] = {}) {
  return alertSnapshot({ acknowledged: ACKED, protocol: atStep(stepId, step), ...over });
}

async function performed(intent: PlannedIntent | null): Promise<unknown[][]> {
  expect(intent).not.toBeNull();
  const recorder = intentRecorder();
  await intent!.run(recorder.engine);
  return recorder.intents;
}

// Evidence as the console shows it (alert measures and factors).
const WEAK: AlertOver = { certainty: 0.3, certaintyBand: 'unconfirmed', gravity: 30 };
const STRONG: AlertOver = {
  certainty: 0.8,
  certaintyBand: 'confirmed',
  gravity: 70,
  severity: 'high',
};
const UNCLEAR: AlertOver = {
  certainty: 0.5,
  certaintyBand: 'possible',
  gravity: 45,
  severity: 'medium',
};
const CLEARED: AlertOver = {
  certainty: 0,
  certaintyBand: 'cleared',
  gravity: 85,
  severity: 'critical',
};

describe('what the operator leaves alone', () => {
  it('does nothing more on a closed alert, even one whose evidence it would otherwise close', () => {
    const closed = alertSnapshot({ ...WEAK, closed: true, state: 'closed' });
    expect(plan([closed])).toBeNull();
  });

  it('does nothing more once the protocol run is closed, acknowledged or not', () => {
    const done = alertSnapshot({ protocol: atStep('close', { closed: true }) });
    expect(plan([done])).toBeNull();
  });

  it('works an incident from its primary alert only', () => {
    const incident = {
      id: 'I-1',
      alertIds: ['A-obs-1', 'A-obs-2'],
      gravity: 45,
      severity: 'medium' as const,
      certainty: 0.5,
      certaintyBand: 'possible' as const,
    };
    const secondary = working('triage', { ...UNCLEAR, incident: { ...incident, primary: false } });
    expect(plan([secondary])).toBeNull();
    const primary = working('triage', { ...UNCLEAR, incident: { ...incident, primary: true } });
    expect(plan([primary])?.what).toBe('start-verification');
  });
});

describe('acknowledging alerts in the protocol', () => {
  it('acknowledges a new alert a minute after it opens', async () => {
    const fresh = alertSnapshot({
      openedAt: START + 5 * MIN,
      protocol: atStep('triage', { deadlineAt: START + 15 * MIN }),
    });
    const next = plan([fresh]);
    expect(next).toMatchObject({ at: START + 6 * MIN, alertId: 'A-obs-1', what: 'acknowledge' });
    expect(await performed(next)).toEqual([['acknowledge', 'A-obs-1', OPERATOR]]);
  });

  it('takes first the alert whose deadline comes first', () => {
    const later = alertSnapshot({
      id: 'A-a',
      protocol: atStep('triage', { deadlineAt: START + 20 * MIN }),
    });
    const sooner = alertSnapshot({
      id: 'A-b',
      protocol: atStep('triage', { deadlineAt: START + 10 * MIN }),
    });
    expect(plan([later, sooner])?.alertId).toBe('A-b');
  });

  it('takes an alert on a deadline before any without one, and those without by severity', () => {
    const noDeadlineHigh = alertSnapshot({
      id: 'A-a',
      severity: 'high',
      protocol: atStep('monitor'),
    });
    const noDeadlineLow = alertSnapshot({ id: 'A-b', protocol: atStep('monitor') });
    const onDeadline = alertSnapshot({
      id: 'A-c',
      protocol: atStep('triage', { deadlineAt: START + 10 * HOUR }),
    });
    expect(plan([noDeadlineHigh, noDeadlineLow, onDeadline])?.alertId).toBe('A-c');
    expect(plan([noDeadlineLow, noDeadlineHigh])?.alertId).toBe('A-a');
  });

  it('ranks an alert in an incident by the incident severity', () => {
    const inCritical = alertSnapshot({
      id: 'A-b',
      incident: {
        id: 'I-1',
        alertIds: ['A-b'],
        primary: true,
        gravity: 85,
        severity: 'critical',
        certainty: 0.8,
        certaintyBand: 'confirmed',
      },
      protocol: atStep('monitor'),
    });
    const high = alertSnapshot({ id: 'A-a', severity: 'high', protocol: atStep('monitor') });
    expect(plan([high, inCritical])?.alertId).toBe('A-b');
  });
});

describe('the prompt to jump after a severity rise', () => {
  const prompted = (over: AlertOver = {}) =>
    working(
      'triage',
      { ...UNCLEAR, id: 'A-b', ...over },
      { severityPrompt: { severity: 'critical', target: 'notify', targetTitle: 'Notify' } },
    );

  it('jumps to the entry step two minutes after the report that raised the severity', async () => {
    const next = plan([prompted({ view: { lastShownAt: START + 5 * MIN } })]);
    expect(next).toMatchObject({ at: START + 7 * MIN, alertId: 'A-b', what: 'jump to notify' });
    expect(await performed(next)).toEqual([['jumpToEntry', 'A-b', OPERATOR]]);
  });

  it('answers the prompt before anything else waiting, deadlines included', () => {
    const urgent = alertSnapshot({
      id: 'A-a',
      protocol: atStep('triage', { deadlineAt: START + MIN }),
    });
    expect(plan([urgent, prompted()])?.alertId).toBe('A-b');
  });
});

describe('triage', () => {
  it('closes weak evidence as a false alarm, giving the certainty, sources and gravity', async () => {
    const next = plan([working('triage', { ...WEAK, eventSeqs: [0] })], undefined, {
      events: [event('obs-1')],
    });
    // Reading one report: 2 minutes, 1 for the report, and 1 more drawn for this alert's visit.
    expect(next).toMatchObject({ at: START + 4 * MIN, what: 'false-alarm' });
    const rationale =
      'Certainty 0.30 (unconfirmed) from observer, gravity 30.0 (low), no harm and no attack on the mission reported.';
    expect(await performed(next)).toEqual([
      [
        'act',
        'A-obs-1',
        'false-alarm',
        { rationale, summary: `${TITLE}: closed as a false alarm. ${rationale}` },
        OPERATOR,
      ],
    ]);
  });

  it('reads a hotspot among the reports as a crop or grass fire, and names every source', async () => {
    const alert = working('triage', {
      ...WEAK,
      eventSeqs: [0, 1],
      view: { sources: ['observer', 'satellite'] },
    });
    const events = [
      event('obs-1'),
      event('hot-1', { source: 'satellite', type: 'thermal-hotspot' }),
    ];
    const [[, , , inputs]] = (await performed(plan([alert], undefined, { events }))) as [
      [string, string, string, { rationale: string }],
    ];
    expect(inputs.rationale).toBe(
      'Certainty 0.30 (unconfirmed) from observer, satellite, gravity 30.0 (low), no harm and no attack on the mission reported; consistent with a crop or grass fire.',
    );
  });

  it('says "no source" when the alert shows none', async () => {
    const [[, , , inputs]] = (await performed(
      plan([working('triage', { ...WEAK, view: { sources: [] } })]),
    )) as [[string, string, string, { rationale: string }]];
    expect(inputs.rationale).toMatch(/^Certainty 0\.30 \(unconfirmed\) from no source, /);
  });

  it('closes a cleared alert citing the clearing report, or the ground in general', async () => {
    const cited = working('triage', {
      ...CLEARED,
      view: {
        certaintyFactors: [{ factor: 'cleared', label: 'Cleared by observer report pat-1' }],
      },
    });
    expect(await performed(plan([cited]))).toEqual([
      [
        'act',
        'A-obs-1',
        'false-alarm',
        {
          rationale: 'Cleared by observer report pat-1; gravity 85.0 (critical) does not stand.',
          summary: `${TITLE}: closed as a false alarm. Cleared by observer report pat-1; gravity 85.0 (critical) does not stand.`,
        },
        OPERATOR,
      ],
    ]);
    const [[, , , inputs]] = (await performed(plan([working('triage', CLEARED)]))) as [
      [string, string, string, { rationale: string }],
    ];
    expect(inputs.rationale).toBe(
      'Cleared by a report on the ground; gravity 85.0 (critical) does not stand.',
    );
  });

  it('escalates strong evidence and sends unclear evidence to verification', async () => {
    expect(plan([working('triage', STRONG)])).toMatchObject({ what: 'escalate-now' });
    expect(await performed(plan([working('triage', STRONG)]))).toEqual([
      ['act', 'A-obs-1', 'escalate-now', {}, OPERATOR],
    ]);
    expect(plan([working('triage', UNCLEAR)])).toMatchObject({ what: 'start-verification' });
  });

  it('reads longer when the alert has more reports, up to three', () => {
    const events = [1, 2, 3, 4, 5].map((i) => event(`obs-${i}`));
    const many = working('triage', { ...UNCLEAR, eventSeqs: [0, 1, 2, 3, 4] });
    // 2 minutes, 3 for the reports (not 5), 1 drawn.
    expect(plan([many], undefined, { events })?.at).toBe(START + 6 * MIN);
  });

  it('takes two to five minutes to read, whatever the alert and its visit', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 4 }),
        (id, visited, reports) => {
          const alert = working(
            'triage',
            { ...UNCLEAR, id: `A-${id}`, eventSeqs: [...Array(reports).keys()] },
            { history: visits(visited) },
          );
          const events = [...Array(reports).keys()].map((i) => event(`e${i}`));
          const minutes = (plan([alert], undefined, { events })!.at - START) / MIN;
          const floor = 2 + Math.min(reports, 3);
          expect(minutes === floor || minutes === floor + 1).toBe(true);
        },
      ),
    );
  });
});

describe('verification', () => {
  it('waits for the sortie to report back, then confirms, leaves unconfirmed or closes', async () => {
    // This alert's sortie reports back 54 minutes after the step began; recording takes 3.
    expect(plan([working('verify', STRONG)])).toMatchObject({
      at: START + 57 * MIN,
      what: 'confirmed',
    });
    expect(plan([working('verify', UNCLEAR)])).toMatchObject({
      at: START + 57 * MIN,
      what: 'unconfirmed',
    });
    expect(plan([working('verify', WEAK)])).toMatchObject({
      at: START + 57 * MIN,
      what: 'false-alarm',
    });
    expect(plan([working('verify', CLEARED)])).toMatchObject({ what: 'false-alarm' });
    expect(await performed(plan([working('verify', UNCLEAR)]))).toEqual([
      ['act', 'A-obs-1', 'unconfirmed', {}, OPERATOR],
    ]);
  });

  it('draws a new sortie time for each visit to the step', () => {
    const second = working('verify', UNCLEAR, { history: visits(2) });
    expect(plan([second])?.at).toBe(START + (46 + 3) * MIN);
  });

  it('hears from the sortie 15 to 55 minutes after tasking it', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 12 }), fc.nat(5), (id, extra) => {
        const alert = working(
          'verify',
          { ...STRONG, id: `A-${id}` },
          { history: visits(1 + extra), enteredAt: START + HOUR },
        );
        const minutes = (plan([alert])!.at - START - HOUR) / MIN - 3;
        expect(Number.isInteger(minutes)).toBe(true);
        expect(minutes).toBeGreaterThanOrEqual(15);
        expect(minutes).toBeLessThanOrEqual(55);
      }),
    );
  });
});

describe('monitoring', () => {
  it('records nothing further after watching for six hours', async () => {
    const next = plan([working('monitor', UNCLEAR)]);
    expect(next).toMatchObject({ at: START + 6 * HOUR + 2 * MIN, what: 'nothing-further' });
    expect(await performed(next)).toEqual([
      [
        'act',
        'A-obs-1',
        'nothing-further',
        {
          summary: `${TITLE}: watched for 6 hours after an unconfirmed report; nothing further observed.`,
        },
        OPERATOR,
      ],
    ]);
  });
});

describe('notifying the parties', () => {
  const allAcknowledged = action('all-acknowledged', {
    label: 'All parties acknowledged',
    requiresAcks: true,
    requires: ['summary'],
  });
  const noResponse = action('no-response', { requires: ['rationale'] });
  const ack = (party: string, at: number) => ({ party, at, how: 'hotline', recordedBy: 'auto' });

  it('records each acknowledgement as it comes in, the earliest first', async () => {
    const alert = working('notify', STRONG, {
      deadlineAt: START + 30 * MIN,
      acks: [
        { partyId: 'N', partyName: 'Northern Command', ack: null },
        { partyId: 'S', partyName: 'Southern Forces', ack: null },
      ],
      actions: [{ ...allAcknowledged, blockedBy: 'waiting' }, noResponse],
    });
    const calledAt: number[] = [];
    const parties = partiesSaying({
      acknowledgement: (partyId, at) => {
        calledAt.push(at);
        return partyId === 'N'
          ? { at: START + 12 * MIN, via: 'hotline' }
          : { at: START + 7 * MIN, via: 'duty officer' };
      },
    });
    const next = plan([alert], parties);
    expect(calledAt).toEqual([START, START]);
    expect(next).toMatchObject({ at: START + 8 * MIN, what: 'record acknowledgement of S' });
    expect(await performed(next)).toEqual([['ackParty', 'A-obs-1', 'S', 'duty officer', OPERATOR]]);
  });

  it('waits on the deadline when a party never answers', () => {
    const alert = working('notify', STRONG, {
      deadlineAt: START + 30 * MIN,
      acks: [
        { partyId: 'N', partyName: 'Northern Command', ack: ack('N', START + 5 * MIN) },
        { partyId: 'S', partyName: 'Southern Forces', ack: null },
      ],
      actions: [
        { ...allAcknowledged, blockedBy: 'waiting for acknowledgement from S' },
        noResponse,
      ],
    });
    expect(plan([alert], partiesSaying({ acknowledgement: () => null }))).toBeNull();
  });

  it('records that all acknowledged a minute after the last answer', async () => {
    const alert = working('notify', STRONG, {
      deadlineAt: START + 30 * MIN,
      acks: [
        { partyId: 'N', partyName: 'Northern Command', ack: ack('N', START + 20 * MIN) },
        { partyId: 'S', partyName: 'Southern Forces', ack: ack('S', START + 12 * MIN) },
      ],
      actions: [allAcknowledged, noResponse],
    });
    const next = plan([alert]);
    expect(next).toMatchObject({ at: START + 21 * MIN, what: 'all-acknowledged' });
    expect(await performed(next)).toEqual([
      [
        'act',
        'A-obs-1',
        'all-acknowledged',
        { summary: `All parties acknowledged: ${TITLE}.` },
        OPERATOR,
      ],
    ]);
  });
});

describe('the request for explanation', () => {
  const step = { deadlineAt: START + 48 * HOUR, actions: [action('satisfactory-reply')] };
  const reply = (partyId: string, kind: PartyReply['kind'], hours: number): PartyReply => ({
    partyId,
    kind,
    at: START + hours * HOUR,
    text: `${partyId} says: ${kind}.`,
  });
  const noteOf = (name: string, r: PartyReply, at = r.at + 5 * MIN) => ({
    by: 'auto',
    at,
    text: `Reply to the request for explanation from ${name} (${r.kind}): "${r.text}"`,
  });

  it('asks the party the reports attribute it to', () => {
    const parties = partiesSaying({});
    const alert = working('request-explanation', STRONG, step);
    const events = [event('obs-1'), event('obs-2', { party: 'S' })];
    expect(plan([{ ...alert, eventSeqs: [0, 1] }], parties, { events })).toBeNull();
    expect(parties.asked).toEqual([['S']]);
  });

  it('asks every party to the ceasefire, not the mission, when none is named', () => {
    const parties = partiesSaying({});
    expect(plan([working('request-explanation', STRONG, step)], parties)).toBeNull();
    expect(parties.asked).toEqual([['N', 'S']]);
  });

  it('records each reply verbatim as it comes in, the earliest first', async () => {
    const n = reply('N', 'denies', 24);
    const s = reply('S', 'counter-accuses', 20);
    const next = plan(
      [working('request-explanation', STRONG, step)],
      partiesSaying({ replies: () => [n, s] }),
    );
    expect(next).toMatchObject({ at: START + 20 * HOUR + 5 * MIN, what: 'record the reply of S' });
    expect(await performed(next)).toEqual([
      [
        'note',
        'Reply to the request for explanation from Southern Forces (counter-accuses): "S says: counter-accuses."',
        'A-obs-1',
        OPERATOR,
      ],
    ]);
  });

  it('names a party missing from the manifest by its id', async () => {
    const z = reply('Z', 'admits', 2);
    const alert = working('request-explanation', { ...STRONG, eventSeqs: [0] }, step);
    const events = [event('obs-1', { party: 'Z' })];
    const next = plan([alert], partiesSaying({ replies: () => [z] }), { events });
    expect(await performed(next)).toEqual([
      [
        'note',
        'Reply to the request for explanation from Party Z (admits): "Z says: admits."',
        'A-obs-1',
        OPERATOR,
      ],
    ]);
  });

  it('does not count a reply noted on an earlier visit, nor an unrelated note', () => {
    const n = reply('N', 'denies', 2);
    const parties = partiesSaying({ replies: () => [n] });
    const before = working(
      'request-explanation',
      {
        ...STRONG,
        notes: [
          noteOf('Northern Command', n, START - MIN),
          { by: 'auto', at: START + HOUR, text: 'Called the liaison officer again.' },
        ],
      },
      { ...step, enteredAt: START },
    );
    expect(plan([before], parties)?.what).toBe('record the reply of N');
    // A note at the very minute the step began is of this visit.
    const same = working(
      'request-explanation',
      { ...STRONG, notes: [noteOf('Northern Command', n, START)] },
      step,
    );
    expect(plan([same], parties)?.what).toBe('unsatisfactory-reply');
  });

  it('accepts the replies when one party admits, after the last reply', async () => {
    const n = reply('N', 'denies', 30);
    const s = reply('S', 'admits', 20);
    const alert = working(
      'request-explanation',
      { ...STRONG, notes: [noteOf('Northern Command', n), noteOf('Southern Forces', s)] },
      step,
    );
    const next = plan([alert], partiesSaying({ replies: () => [n, s] }));
    expect(next).toMatchObject({ at: START + 30 * HOUR + 10 * MIN, what: 'satisfactory-reply' });
    expect(await performed(next)).toEqual([['act', 'A-obs-1', 'satisfactory-reply', {}, OPERATOR]]);
  });

  it('rejects denials and counter-accusations, quoting every reply', async () => {
    const n = reply('N', 'denies', 30);
    const s = reply('S', 'counter-accuses', 20);
    const alert = working(
      'request-explanation',
      { ...STRONG, notes: [noteOf('Northern Command', n), noteOf('Southern Forces', s)] },
      step,
    );
    const next = plan([alert], partiesSaying({ replies: () => [n, s] }));
    expect(next).toMatchObject({ at: START + 30 * HOUR + 10 * MIN, what: 'unsatisfactory-reply' });
    expect(await performed(next)).toEqual([
      [
        'act',
        'A-obs-1',
        'unsatisfactory-reply',
        {
          rationale:
            'Northern Command denies: "N says: denies." Southern Forces counter-accuses: "S says: counter-accuses." The reply does not account for what observer observed at the reported time and place.',
        },
        OPERATOR,
      ],
    ]);
  });

  it('names the parties that did not reply', async () => {
    const n = reply('N', 'denies', 30);
    const alert = working(
      'request-explanation',
      { ...STRONG, notes: [noteOf('Northern Command', n)] },
      step,
    );
    const [[, , , inputs]] = (await performed(
      plan([alert], partiesSaying({ replies: () => [n] })),
    )) as [[string, string, string, { rationale: string }]];
    expect(inputs.rationale).toBe(
      'Northern Command denies: "N says: denies." No reply from Southern Forces. The reply does not account for what observer observed at the reported time and place.',
    );
  });
});

describe('the consultation', () => {
  const step = { deadlineAt: START + 24 * HOUR, actions: [action('measures-agreed')] };
  const meetingAt = (hours: number, over: { refused?: string[]; rejected?: string[] } = {}) =>
    partiesSaying({
      meeting: () => ({
        at: START + hours * HOUR,
        refused: over.refused ?? [],
        rejected: over.rejected ?? [],
        measures: 'Pull the guns back 20 km.',
      }),
    });

  it('records the measures agreed as the meeting ends', async () => {
    const next = plan([working('consult', STRONG, step)], meetingAt(8));
    expect(next).toMatchObject({ at: START + 8 * HOUR + 10 * MIN, what: 'measures-agreed' });
    expect(await performed(next)).toEqual([
      ['act', 'A-obs-1', 'measures-agreed', { measures: 'Pull the guns back 20 km.' }, OPERATOR],
    ]);
  });

  it('cannot record a meeting before the step began', () => {
    const late = working('consult', STRONG, { ...step, enteredAt: START + 2 * HOUR });
    expect(plan([late], meetingAt(1))?.at).toBe(START + 2 * HOUR + 10 * MIN);
  });

  it('records no agreement when parties refuse to attend, naming them', async () => {
    const next = plan([working('consult', STRONG, step)], meetingAt(8, { refused: ['N', 'S'] }));
    expect(await performed(next)).toEqual([
      [
        'act',
        'A-obs-1',
        'no-agreement',
        {
          rationale:
            'Northern Command, Southern Forces refused to attend the emergency meeting; no measures could be agreed.',
        },
        OPERATOR,
      ],
    ]);
  });

  it('records no agreement when a party rejects the measures, quoting them', async () => {
    const next = plan([working('consult', STRONG, step)], meetingAt(8, { rejected: ['S'] }));
    expect(next).toMatchObject({ at: START + 8 * HOUR + 10 * MIN, what: 'no-agreement' });
    expect(await performed(next)).toEqual([
      [
        'act',
        'A-obs-1',
        'no-agreement',
        {
          rationale:
            'Southern Forces did not accept the measures proposed at the emergency meeting: "Pull the guns back 20 km."',
        },
        OPERATOR,
      ],
    ]);
  });

  it('writes the record within half an hour of the meeting, before later deadlines', () => {
    const other = (deadlineMin: number) =>
      alertSnapshot({
        id: 'A-a',
        openedAt: START + 8 * HOUR,
        protocol: atStep('triage', { deadlineAt: START + deadlineMin * MIN }),
      });
    const meeting = working('consult', { ...STRONG, id: 'A-b' }, step);
    // The other alert's deadline is after the record is due (8 h 30): the record first.
    expect(plan([other(8 * 60 + 40), meeting], meetingAt(8))?.alertId).toBe('A-b');
    // Its deadline is before: it goes first.
    expect(plan([other(8 * 60 + 15), meeting], meetingAt(8))?.alertId).toBe('A-a');
  });
});

describe('referral and resolution', () => {
  it('refers to the guarantor group within hours of the step', async () => {
    const next = plan([
      working('refer', STRONG, {
        deadlineAt: START + 24 * HOUR,
        actions: [action('referred', { requires: ['summary'] })],
      }),
    ]);
    // This alert's referral is drawn at 130 minutes; writing it takes 5.
    expect(next).toMatchObject({ at: START + 135 * MIN, what: 'referred' });
    expect(await performed(next)).toEqual([
      [
        'act',
        'A-obs-1',
        'referred',
        {
          summary: `${TITLE}: referred to the guarantor group with the evidence file and the consultation record.`,
        },
        OPERATOR,
      ],
    ]);
  });

  it('verifies the measures were carried out, quoting them, days later', async () => {
    const next = plan(
      [
        working('resolve', STRONG, {
          deadlineAt: START + 72 * HOUR,
          actions: [action('verified', { requires: ['summary'] })],
        }),
      ],
      partiesSaying({ measures: 'Guns withdrawn 20 km.' }),
    );
    // Drawn at 3969 minutes (66 h 9 min); writing takes 5.
    expect(next).toMatchObject({ at: START + 3974 * MIN, what: 'verified' });
    expect(await performed(next)).toEqual([
      [
        'act',
        'A-obs-1',
        'verified',
        { summary: `${TITLE}: verified that the measures were carried out: Guns withdrawn 20 km.` },
        OPERATOR,
      ],
    ]);
  });

  it('refers one to six hours, and verifies 20 to 80 hours, after the step began', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 12 }), fc.nat(5), (id, extra) => {
        const history = visits(1 + extra);
        const refer = plan([working('refer', { ...STRONG, id: `A-${id}` }, { history })])!;
        const referMin = (refer.at - START) / MIN - 5;
        expect(referMin).toBeGreaterThanOrEqual(60);
        expect(referMin).toBeLessThanOrEqual(360);
        const resolve = plan([working('resolve', { ...STRONG, id: `A-${id}` }, { history })])!;
        const resolveMin = (resolve.at - START) / MIN - 5;
        expect(resolveMin).toBeGreaterThanOrEqual(20 * 60);
        expect(resolveMin).toBeLessThanOrEqual(80 * 60);
      }),
    );
  });
});

describe("a step of the scenario's own protocol", () => {
  const actions = [
    action('call-parties', { blockedBy: 'step is for role controller' }),
    action('ask-party', { requires: ['party'] }),
    action('dismiss', { label: 'Dismiss', requires: ['rationale'] }),
    action('hold'),
  ];

  it('takes the first action it can take without naming a party, at half the deadline', async () => {
    const next = plan([working('assess', UNCLEAR, { deadlineAt: START + 40 * MIN, actions })]);
    expect(next).toMatchObject({ at: START + 20 * MIN, what: 'dismiss' });
    expect(await performed(next)).toEqual([
      ['act', 'A-obs-1', 'dismiss', { rationale: `Dismiss: ${TITLE}.` }, OPERATOR],
    ]);
  });

  it('gives a step without a deadline half an hour, and never less than a minute', () => {
    expect(plan([working('assess', UNCLEAR, { actions })])?.at).toBe(START + 30 * MIN);
    const tight = working('assess', UNCLEAR, { deadlineAt: START + 20_000, actions });
    expect(plan([tight])?.at).toBe(START + MIN);
  });

  it('leaves the step to its deadline when no action is open to it', () => {
    expect(plan([working('assess', UNCLEAR, { actions: actions.slice(0, 2) })])).toBeNull();
  });
});
