import { describe, expect, it } from 'vitest';
import { BUILTIN_PROTOCOL, BUILTIN_PROTOCOL_V2 } from '../../../shared/protocol/builtin-protocol';
import builtinDocument from '../../../shared/protocol/builtin-protocol.json';
import {
  applyRunBreach,
  applyRunNewEvent,
  applyRunWarning,
  checkRunAck,
  checkRunAction,
  currentTrackVisit,
  nextRunTimer,
  offeredRunActions,
  openTracks,
  recordRunAck,
  runBreaches,
  runEntryStep,
  startRun,
  takeAction,
  type ProtocolRun,
  type RunActor,
  type RunIntent,
} from '../../../shared/protocol/protocol-run';
import { loadProtocolV2OrThrow } from '../../../shared/protocol/load-protocol';
import { PARTY_MOVES, type PartyMove } from '../../../shared/protocol/schema';
import { HOUR, MIN, T0, confirmedRun, ctx, liaison, op } from './v2-run-fixture';

const P = BUILTIN_PROTOCOL_V2;
const chair: RunActor = { name: 'chair', role: 'guarantor-chair' };
const findings = {
  attribution: 'B',
  intent: 'deliberate',
  outcome: 'violation-recorded',
  evidence: 'ev-1, ev-2: crater analysis',
  summary: 'Shelling by B confirmed; measures verified.',
};

function act(
  run: ProtocolRun,
  track: string,
  action: string,
  actor: RunActor,
  at: number,
  inputs: RunIntent['inputs'] = {},
  party?: string,
): ProtocolRun {
  const intent: RunIntent =
    party === undefined ? { track, action, inputs } : { track, action, party, inputs };
  return takeAction(ctx, run, intent, actor, at);
}

/** A run with a step offering `move` as the current step of some open track. */
function runOffering(move: PartyMove): { run: ProtocolRun; track: string } {
  const confirmed = confirmedRun();
  const at = T0 + 2 * HOUR;
  switch (move) {
    case 'reply': {
      const run = act(confirmed, 'explanation', 'request-sent', op, at, {
        party: 'B',
        evidence: 'ev-1',
      });
      return { run, track: 'explanation' };
    }
    case 'meeting-request':
    case 'visit-consent':
    case 'visit-refusal': {
      let run = startRun(P, 'A-2', 'task-sensors', T0, T0, {
        kind: 'entry',
        gravity: 'critical',
        certainty: 'possible',
      });
      if (move !== 'meeting-request') {
        run = act(run, 'verify', 'request-visit', op, at, { party: 'B', rationale: 'crater' });
      }
      return { run, track: 'verify' };
    }
    default: {
      const run = act(confirmed, 'consultation', 'meeting-opened', op, at, {
        summary: 'video link',
      });
      return { run, track: 'consultation' };
    }
  }
}

const MOVE_INPUTS: Record<PartyMove, RunIntent['inputs']> = {
  reply: { kind: 'denies', text: 'Our units did not fire.' },
  'meeting-request': {},
  'visit-consent': {},
  'visit-refusal': { rationale: 'the area is mined' },
  attend: {},
  'refuse-meeting': { rationale: 'no mandate' },
  'propose-measures': { measures: 'pull back mortars 5 km' },
  'accept-measures': {},
};

describe('protocol run (version 2): who may act', () => {
  it.each(Object.keys(PARTY_MOVES) as PartyMove[])(
    'refuses party move "%s" by anyone but the party\'s own liaison, naming who can',
    (move) => {
      const { run, track } = runOffering(move);
      const verb = PARTY_MOVES[move].verb;
      const intent: RunIntent = { track, action: move, party: 'B', inputs: MOVE_INPUTS[move] };
      const at = T0 + 3 * HOUR;
      expect(checkRunAction(ctx, run, intent, op)).toBe(
        `an operator cannot ${verb} for party B: only party B's liaison can`,
      );
      expect(checkRunAction(ctx, run, intent, liaison('A'))).toBe(
        `party A's liaison cannot ${verb} for party B: only party B's liaison can`,
      );
      expect(checkRunAction(ctx, run, intent, chair)).toBe(
        `the guarantors' chair cannot ${verb} for party B: only party B's liaison can`,
      );
      expect(checkRunAction(ctx, run, { ...intent, party: undefined }, op)).toBe(
        `an operator cannot ${verb}: only a party's liaison can`,
      );
      expect(() => takeAction(ctx, run, intent, op, at)).toThrow(
        `an operator cannot ${verb} for party B`,
      );
      // The party's own liaison may, and the move is recorded for that party.
      expect(checkRunAction(ctx, run, intent, liaison('B'))).toBeNull();
      const after = takeAction(ctx, run, intent, liaison('B'), at);
      expect(after.history.at(-1)).toMatchObject({ action: move, party: 'B', role: 'party' });
      // A monitor is not a party to the ceasefire.
      expect(checkRunAction(ctx, run, { ...intent, party: 'MM' }, liaison('MM'))).toBe(
        '"MM" is not a party to the ceasefire in this scenario',
      );
    },
  );

  it('refuses operator and chair actions to the wrong role, naming who can', () => {
    const run = startRun(P, 'A-2', 'task-sensors', T0, T0, { kind: 'manual', by: 'op' });
    const confirm: RunIntent = { track: 'verify', action: 'confirmed', inputs: {} };
    expect(checkRunAction(ctx, run, confirm, liaison('A'))).toBe(
      'party A\'s liaison cannot take "confirmed" in step "task-sensors": only an operator can',
    );
    expect(checkRunAction(ctx, run, confirm, chair)).toBe(
      'the guarantors\' chair cannot take "confirmed" in step "task-sensors": only an operator can',
    );
    expect(checkRunAction(ctx, run, { ...confirm, party: 'A' }, op)).toBe(
      '"confirmed" is not a party move and is not taken for a party',
    );

    let hot = confirmedRun();
    hot = recordRunAck(ctx, hot, 'hotline', 'A', 'hotline, duty officer', op, T0 + HOUR);
    hot = recordRunAck(ctx, hot, 'hotline', 'B', 'console', liaison('B'), T0 + HOUR);
    hot = act(hot, 'hotline', 'all-acknowledged', op, T0 + HOUR);
    hot = act(hot, 'hotline', 'fire-continues', op, T0 + HOUR, { rationale: 'still firing' });
    const call: RunIntent = { track: 'hotline', action: 'chair-called', inputs: { summary: 'x' } };
    expect(checkRunAction(ctx, hot, call, op)).toBe(
      'an operator cannot take "chair-called" in step "chair-call": only the guarantors\' chair can',
    );
    expect(
      currentTrackVisit(takeAction(ctx, hot, call, chair, T0 + 2 * HOUR), 'hotline'),
    ).toBeNull();
  });

  it('lets a liaison acknowledge for its own party only; an operator records for any', () => {
    const run = confirmedRun();
    expect(checkRunAck(ctx, run, 'hotline', 'B', 'console', liaison('A'))).toBe(
      "party A's liaison cannot acknowledge for party B: only party B's liaison, an operator or a controller can",
    );
    expect(checkRunAck(ctx, run, 'hotline', 'B', 'console', liaison('B'))).toBeNull();
    expect(checkRunAck(ctx, run, 'hotline', 'B', 'hotline', op)).toBeNull();
    expect(checkRunAck(ctx, run, 'hotline', 'B', ' ', op)).toMatch(/^say how/);
    expect(checkRunAck(ctx, run, 'triage', 'B', 'hotline', op)).toBe('track "triage" is not open');
  });
});

describe('protocol run (version 2): tracks and deadlines', () => {
  it('enters by gravity and certainty band', () => {
    expect(runEntryStep(P, 'critical', 'confirmed')).toBe('escalate');
    expect(runEntryStep(P, 'critical', 'possible')).toBe('task-sensors');
    expect(runEntryStep(P, 'critical', 'cleared')).toBeNull();
    expect(runEntryStep(P, 'high', 'unconfirmed')).toBe('triage');
    expect(runEntryStep(P, 'medium', 'unconfirmed')).toBeNull();
    expect(runEntryStep(P, 'low', 'confirmed')).toBeNull();
    const run = startRun(P, 'A-1', 'escalate', T0, T0, {
      kind: 'entry',
      gravity: 'critical',
      certainty: 'confirmed',
    });
    expect(openTracks(run).map((t) => [t.track, t.visit.step])).toEqual([['triage', 'escalate']]);
  });

  it('runs parallel tracks, with deadlines from the step and from the incident', () => {
    const run = confirmedRun();
    expect(openTracks(run).map((t) => [t.track, t.visit.step])).toEqual([
      ['hotline', 'notify-parties'],
      ['explanation', 'send-request'],
      ['consultation', 'convene'],
      ['reporting', 'spot-report'],
    ]);
    const confirmedAt = T0 + 40 * MIN;
    // From the step: 30 min, 60 min, 60 min after the confirmation.
    expect(currentTrackVisit(run, 'hotline')!.deadlineAt).toBe(confirmedAt + 30 * MIN);
    expect(currentTrackVisit(run, 'explanation')!.deadlineAt).toBe(confirmedAt + HOUR);
    expect(currentTrackVisit(run, 'reporting')!.deadlineAt).toBe(confirmedAt + HOUR);
    // From the incident: 24 h after T0, not after the confirmation.
    const convene = currentTrackVisit(run, 'consultation')!;
    expect(convene.deadlineAt).toBe(T0 + 24 * HOUR);
    expect(convene.warnAt).toBe(T0 + 0.8 * 24 * HOUR);

    // Timers across tracks: the earliest first (the hotline's warning at 80 % of 30 min).
    expect(nextRunTimer(run)).toEqual({
      at: confirmedAt + 24 * MIN,
      kind: 'deadline-warning',
      track: 'hotline',
    });

    // The hotline breaches and escalates within its track; the others are untouched.
    let later = applyRunWarning(run, 'hotline', confirmedAt + 24 * MIN);
    later = applyRunBreach(P, later, 'hotline', confirmedAt + 30 * MIN);
    expect(currentTrackVisit(later, 'hotline')!.step).toBe('hotline-escalation');
    expect(currentTrackVisit(later, 'consultation')).toEqual(convene);
    // The spot report only flags its breach.
    later = applyRunBreach(P, later, 'reporting', confirmedAt + HOUR);
    expect(currentTrackVisit(later, 'reporting')!.step).toBe('spot-report');
    expect(nextRunTimer(later)?.track).not.toBe('reporting');
    // The consultation, never convened, breaches 24 h after the incident and goes to the guarantors.
    later = applyRunBreach(P, later, 'consultation', T0 + 24 * HOUR);
    expect(currentTrackVisit(later, 'consultation')!.step).toBe('refer');
    expect(runBreaches(later)).toEqual({
      hotline: [
        {
          step: 'notify-parties',
          deadlineAt: confirmedAt + 30 * MIN,
          breachedAt: confirmedAt + 30 * MIN,
        },
      ],
      reporting: [
        { step: 'spot-report', deadlineAt: confirmedAt + HOUR, breachedAt: confirmedAt + HOUR },
      ],
      consultation: [{ step: 'convene', deadlineAt: T0 + 24 * HOUR, breachedAt: T0 + 24 * HOUR }],
    });
  });

  it("opens the consultation on a party's meeting request with the deadline from the request", () => {
    let run = startRun(P, 'A-2', 'task-sensors', T0 + HOUR, T0, { kind: 'manual', by: 'op' });
    const requestAt = T0 + 30 * HOUR;
    run = act(run, 'verify', 'meeting-request', liaison('A'), requestAt);
    const visit = currentTrackVisit(run, 'consultation')!;
    expect(visit.step).toBe('convene-on-request');
    expect(visit.deadlineAt).toBe(requestAt + 48 * HOUR);
    expect(visit.cause).toEqual({
      kind: 'opened',
      from: 'verify',
      action: 'meeting-request',
      by: 'lo-A',
    });
    // The verify track stayed where it was, and the move is recorded there.
    expect(currentTrackVisit(run, 'verify')!.moves).toEqual([
      { party: 'A', move: 'meeting-request', at: requestAt, by: 'lo-A', inputs: {} },
    ]);
    expect(
      checkRunAction(
        ctx,
        run,
        { track: 'verify', action: 'meeting-request', inputs: {} },
        liaison('A'),
      ),
    ).toBe('party A has already made the move "meeting-request" in step "task-sensors"');
    // Confirmation later opens the other tracks; the consultation, already open, is not reopened.
    run = act(run, 'verify', 'confirmed', op, requestAt + HOUR);
    expect(run.history.at(-1)!.opened).toEqual(['hotline', 'explanation', 'reporting']);
    expect(currentTrackVisit(run, 'consultation')).toEqual(visit);
  });

  it('does not fire an incident deadline twice when its step is entered again', () => {
    // a and b escalate into each other, both due 1 h after the incident: a run
    // started later finds both past; each breaches once and the ring stops.
    const step = (id: string, other: string) => ({
      id,
      title: id,
      instructions: `do ${id}`,
      role: 'operator',
      deadline_min: 60,
      deadline_from: 'incident',
      on_deadline: other,
      actions: [
        {
          id: 'end',
          label: 'End',
          next: 'close',
          requires: ['attribution', 'intent', 'outcome', 'evidence'],
        },
      ],
    });
    const ring = loadProtocolV2OrThrow(
      {
        id: 'ring',
        version: 2,
        title: 'Ring',
        entry: { critical: 'a', high: null, medium: null, low: null, info: null, manual: null },
        tracks: [{ id: 't', title: 'T', steps: [step('a', 'b'), step('b', 'a')] }],
      },
      'ring.json',
    );
    let run = startRun(ring, 'A-9', 'a', T0 + 2 * HOUR, T0, { kind: 'manual', by: 'op' });
    const fired: string[] = [];
    for (let t = nextRunTimer(run); t !== null && fired.length < 10; t = nextRunTimer(run)) {
      fired.push(`${t.kind} ${currentTrackVisit(run, t.track)!.step}`);
      run =
        t.kind === 'deadline-warning'
          ? applyRunWarning(run, t.track, T0 + 2 * HOUR)
          : applyRunBreach(ring, run, t.track, T0 + 2 * HOUR);
    }
    expect(fired).toEqual([
      'deadline-warning a',
      'deadline-breach a',
      'deadline-warning b',
      'deadline-breach b',
    ]);
    const visit = currentTrackVisit(run, 't')!;
    expect(visit.step).toBe('a');
    // Entered again, a keeps its one deadline, already breached.
    expect(visit).toMatchObject({ deadlineAt: T0 + HOUR, breachedAt: T0 + 2 * HOUR });
  });

  it('moves a monitored track back to collection when a new event joins', () => {
    let run = startRun(P, 'A-2', 'task-sensors', T0, T0, { kind: 'manual', by: 'op' });
    run = act(run, 'verify', 'unconfirmed', op, T0 + MIN);
    expect(currentTrackVisit(run, 'verify')!.deadlineAt).toBeNull();
    run = applyRunNewEvent(P, run, 'ev-9', T0 + 2 * HOUR);
    const visit = currentTrackVisit(run, 'verify')!;
    expect(visit.step).toBe('task-sensors');
    expect(visit.cause).toEqual({ kind: 'new-event', eventId: 'ev-9' });
    expect(visit.deadlineAt).toBe(T0 + 3 * HOUR);
  });

  it('agrees measures only once every party has accepted them', () => {
    let { run } = runOffering('accept-measures');
    const agree: RunIntent = {
      track: 'consultation',
      action: 'measures-agreed',
      inputs: { measures: 'pull back' },
    };
    expect(checkRunAction(ctx, run, agree, op)).toBe(
      '"measures-agreed" in step "meeting" waits for "accept-measures" from every party; missing: A, B',
    );
    run = act(run, 'consultation', 'accept-measures', liaison('A'), T0 + 3 * HOUR);
    expect(offeredRunActions(ctx, run, op).find((a) => a.id === 'measures-agreed')!.blockedBy).toBe(
      'waiting for "accept-measures" from B',
    );
    run = act(run, 'consultation', 'accept-measures', liaison('B'), T0 + 3 * HOUR);
    run = takeAction(ctx, run, agree, op, T0 + 4 * HOUR);
    expect(currentTrackVisit(run, 'consultation')).toBeNull();
    expect(currentTrackVisit(run, 'resolution')!.step).toBe('verify-measures');
  });
});

describe('protocol run (version 2): closing with findings', () => {
  function resolutionRun(): ProtocolRun {
    const { run } = runOffering('accept-measures');
    let r = act(run, 'consultation', 'accept-measures', liaison('A'), T0 + 3 * HOUR);
    r = act(r, 'consultation', 'accept-measures', liaison('B'), T0 + 3 * HOUR);
    return act(r, 'consultation', 'measures-agreed', op, T0 + 4 * HOUR, { measures: 'pull back' });
  }
  const close = (inputs: RunIntent['inputs']): RunIntent => ({
    track: 'resolution',
    action: 'measures-verified',
    inputs,
  });

  it('refuses a close without every finding, or with one outside its vocabulary', () => {
    const run = resolutionRun();
    const { intent: _intent, ...noIntent } = findings;
    void _intent;
    expect(checkRunAction(ctx, run, close(noIntent), op)).toBe(
      '"measures-verified" in step "verify-measures": intent is required',
    );
    expect(checkRunAction(ctx, run, close({ ...findings, attribution: 'C' }), op)).toBe(
      '"measures-verified" in step "verify-measures": attribution must be a party (A, B), unattributed or undetermined; got "C"',
    );
    expect(checkRunAction(ctx, run, close({ ...findings, attribution: 'MM' }), op)).toMatch(
      /attribution must be a party/,
    );
    expect(checkRunAction(ctx, run, close({ ...findings, intent: 'careless' }), op)).toBe(
      '"measures-verified" in step "verify-measures": intent must be one of deliberate, accidental, undetermined; got "careless"',
    );
    expect(checkRunAction(ctx, run, close({ ...findings, outcome: 'resolved' }), op)).toBe(
      '"measures-verified" in step "verify-measures": outcome must be one of violation-recorded, escalated, false-alarm, cleared; got "resolved"',
    );
    expect(checkRunAction(ctx, run, close({ ...findings, evidence: '  ' }), op)).toMatch(
      /evidence is required$/,
    );
    expect(
      checkRunAction(ctx, run, close({ ...findings, attribution: 'undetermined' }), op),
    ).toBeNull();
  });

  it('closes every open track and records the findings; a closed run accepts nothing', () => {
    const at = T0 + 50 * HOUR;
    const run = takeAction(
      ctx,
      resolutionRun(),
      close({ ...findings, evidence: ' ev-1 ' }),
      op,
      at,
    );
    expect(run.closed).toBe(true);
    expect(run.closedAt).toBe(at);
    expect(run.findings).toEqual({
      attribution: 'B',
      intent: 'deliberate',
      outcome: 'violation-recorded',
      evidence: 'ev-1',
    });
    expect(run.summary).toBe(findings.summary);
    expect(openTracks(run)).toEqual([]);
    expect(
      run.tracks.every((t) => t.endedAt !== null && t.visits.every((v) => v.leftAt !== null)),
    ).toBe(true);
    expect(nextRunTimer(run)).toBeNull();
    expect(offeredRunActions(ctx, run, op)).toEqual([]);
    expect(checkRunAction(ctx, run, close(findings), op)).toBe(
      'alert A-1 is closed: its protocol run accepts nothing more',
    );
    expect(checkRunAck(ctx, run, 'hotline', 'A', 'x', op)).toBe(
      'alert A-1 is closed: its protocol run accepts nothing more',
    );
    expect(() => applyRunBreach(P, run, 'hotline', at)).toThrow('track "hotline" is not open');
    expect(applyRunNewEvent(P, run, 'ev-10', at)).toBe(run);
  });
});

describe('version 1 protocols alongside version 2', () => {
  it('still load, lint and hash as before through both loaders', async () => {
    const { loadAnyProtocol, loadProtocol } =
      await import('../../../shared/protocol/load-protocol');
    const v1 = loadProtocol(builtinDocument, 'builtin-protocol.json');
    expect(v1.ok && v1.protocol.hash).toBe(BUILTIN_PROTOCOL.hash);
    const any = loadAnyProtocol(builtinDocument, 'builtin-protocol.json');
    expect(any.ok && any.loaded.format === 1 && any.loaded.protocol.hash).toBe(
      BUILTIN_PROTOCOL.hash,
    );
    // A version-1 document numbered 2 (its own revision) still loads as version 1.
    const renumbered = loadAnyProtocol({ ...builtinDocument, version: 2 }, 'p.json');
    expect(renumbered.ok && renumbered.loaded.format).toBe(1);
    // A version-1 document cannot require a version-2 input, as before.
    const doc = structuredClone(builtinDocument) as {
      steps: { actions: { requires?: string[] }[] }[];
    };
    doc.steps[0]!.actions[1]!.requires = ['outcome'];
    const refused = loadProtocol(doc, 'p.json');
    expect(refused.ok ? [] : refused.problems.map((p) => p.pointer)).toEqual([
      '/steps/0/actions/1/requires/0',
    ]);
  });

  it('are what the version-1 loader takes: a version-2 document is refused there, located', async () => {
    const { loadAnyProtocol, loadProtocol } =
      await import('../../../shared/protocol/load-protocol');
    const v2 = loadProtocol(P.document, 'x.scenario.json', undefined, ['protocol']);
    expect(v2.ok ? [] : v2.problems).toEqual([
      {
        file: 'x.scenario.json',
        pointer: '/protocol/version',
        message:
          'protocol format version 2 (tracks) where version 1 (steps) is expected; loadAnyProtocol reads both',
      },
    ]);
    const any = loadAnyProtocol(P.document, 'p.json');
    expect(any.ok && any.loaded.format === 2 && any.loaded.protocol.hash).toBe(P.hash);
  });
});
