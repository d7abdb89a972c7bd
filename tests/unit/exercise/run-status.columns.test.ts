// What the walkthrough shows of a version-2 run, read straight off the run:
// each track's step, who acts, its deadline and where it stands, the parties
// asked to acknowledge and their moves, the actions offered while the track
// is open, and each step's history with why it was entered and by whom.
import { describe, expect, it } from 'vitest';
import {
  deadlineStatusAt,
  partyNameOf,
  runStatus,
  runStatusAt,
} from '../../../shared/exercise/run-status';
import { recordRunAck, type ProtocolRun } from '../../../shared/protocol/protocol-run';
import {
  CONFIRMED,
  FALSE_ALARM,
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

const trackOf = (status: ReturnType<typeof runStatus>, track: string) =>
  status.tracks.find((t) => t.track === track)!;

describe('deadlineStatusAt', () => {
  const visit = { deadlineAt: 100, warnAt: 80, warnedAt: null, breachedAt: null };

  it('runs, warns from the warning time and is breached from the deadline, to the millisecond', () => {
    expect(deadlineStatusAt(visit, true, 79)).toBe('running');
    expect(deadlineStatusAt(visit, true, 80)).toBe('warning');
    expect(deadlineStatusAt(visit, true, 99)).toBe('warning');
    expect(deadlineStatusAt(visit, true, 100)).toBe('breached');
  });

  it('keeps a warning or breach the run recorded, and shows none for a finished track or no deadline', () => {
    expect(deadlineStatusAt({ ...visit, warnedAt: 70 }, true, 10)).toBe('warning');
    expect(deadlineStatusAt({ ...visit, warnAt: null }, true, 99)).toBe('running');
    expect(deadlineStatusAt({ ...visit, breachedAt: 90 }, true, 10)).toBe('breached');
    expect(deadlineStatusAt(visit, false, 100)).toBe('none');
    expect(deadlineStatusAt({ ...visit, deadlineAt: null }, true, 100)).toBe('none');
  });
});

describe('runStatus', () => {
  it('shows each track where it stands: step, roles, deadline, actions only while open', () => {
    const status = runStatus(ctx, confirmedRun(), op, CONFIRMED + MIN);
    expect(status.incidentAt).toBe(T0);
    expect(status.tracks.map((t) => [t.track, t.open, t.stepId])).toEqual([
      ['triage', false, 'triage'],
      ['hotline', true, 'notify-parties'],
      ['explanation', true, 'send-request'],
      ['consultation', true, 'convene'],
      ['reporting', true, 'spot-report'],
    ]);
    const triage = trackOf(status, 'triage');
    // A finished track shows the step it finished in, with no deadline and nothing to do.
    expect([triage.deadlineStatus, triage.actions, triage.endedAt]).toEqual([
      'none',
      [],
      CONFIRMED,
    ]);
    const hotline = trackOf(status, 'hotline');
    expect([hotline.title, hotline.stepTitle, hotline.roles]).toEqual([
      'Hotline',
      'Notify every party on the hotline',
      ['operator'],
    ]);
    expect(hotline.instructions).toMatch(/^Call each party's liaison officer/);
    expect(hotline.actions.map((a) => [a.id, a.track])).toEqual([['all-acknowledged', 'hotline']]);
    expect([hotline.enteredAt, hotline.deadlineFrom, hotline.deadlineStatus]).toEqual([
      CONFIRMED,
      CONFIRMED,
      'running',
    ]);
    // The joint commission's deadline runs from the incident, not from the step.
    expect(trackOf(status, 'consultation').deadlineFrom).toBe(T0);
  });

  it("lists the parties asked to acknowledge in the scenario's order, with each acknowledgement given", () => {
    const run = recordRunAck(ctx, confirmedRun(), 'hotline', 'B', 'phone', liaison('B'), T0 + HOUR);
    expect(trackOf(runStatus(ctx, run, op, T0 + HOUR), 'hotline').acks).toEqual([
      { partyId: 'A', partyName: 'Alpha', ack: null },
      {
        partyId: 'B',
        partyName: 'Bravo',
        ack: { party: 'B', at: T0 + HOUR, how: 'phone', recordedBy: 'lo-B' },
      },
    ]);
    expect(trackOf(runStatus(ctx, run, op, T0 + HOUR), 'explanation').acks).toEqual([]);
  });

  it("lists the parties' moves in the current step, with who recorded them", () => {
    const opened = T0 + 3 * HOUR;
    const run = act(
      meeting(opened),
      { track: 'consultation', action: 'refuse-meeting', party: 'B', inputs: { rationale: 'no' } },
      opened + MIN,
      liaison('B'),
    );
    const consultation = trackOf(runStatus(ctx, run, op, opened + MIN), 'consultation');
    expect(consultation.moves).toEqual([
      {
        party: 'B',
        partyName: 'Bravo',
        move: 'refuse-meeting',
        at: opened + MIN,
        by: 'lo-B',
        inputs: { rationale: 'no' },
      },
    ]);
    expect(consultation.roles).toEqual(['operator', 'party']);
  });

  it('says why and by whom each step was entered', () => {
    const sent = T0 + 2 * HOUR;
    const status = runStatus(ctx, requested('B', sent), op, sent);
    expect(
      trackOf(status, 'triage').history.map((h) => [h.stepId, h.reason, h.actor, h.leftAt]),
    ).toEqual([['triage', 'entry (high, probable)', 'system', CONFIRMED]]);
    expect(trackOf(status, 'explanation').history.map((h) => [h.stepTitle, h.reason])).toEqual([
      ['Send the request for explanation', 'opened by "confirmed-violation" in triage'],
      ["Await the party's reply", 'action: Request sent'],
    ]);
    // The other causes, on a history made for the purpose.
    const base = confirmedRun();
    const hotline = base.tracks.find((t) => t.track === 'hotline')!;
    const visit = hotline.visits[0]!;
    const causes = [
      { kind: 'manual', by: 'chair' },
      { kind: 'deadline', from: 'notify-parties' },
      { kind: 'new-event', eventId: 'ev-9' },
      { kind: 'entry-jump', gravity: 'critical', certainty: 'confirmed', by: 'op-2' },
    ] as const;
    const made: ProtocolRun = {
      ...base,
      tracks: base.tracks.map((t) =>
        t === hotline ? { ...t, visits: causes.map((cause) => ({ ...visit, cause })) } : t,
      ),
    };
    expect(
      trackOf(runStatus(ctx, made, op, CONFIRMED), 'hotline').history.map((h) => [
        h.reason,
        h.actor,
      ]),
    ).toEqual([
      ['protocol started by hand', 'chair'],
      ['deadline breach in Notify every party on the hotline', 'system'],
      ['new event ev-9', 'system'],
      ['entry for the new bands (critical, confirmed), prompt accepted', 'op-2'],
    ]);
  });

  it('shows how the run closed: every track finished, nothing offered', () => {
    const open = runStatus(ctx, confirmedRun(), op, CONFIRMED);
    expect([open.closed, open.closedAt, open.findings, open.summary, open.entryPrompt]).toEqual([
      false,
      null,
      null,
      null,
      null,
    ]);
    const run = act(
      triageRun(),
      { track: 'triage', action: 'false-alarm', inputs: FALSE_ALARM },
      TRIAGED + MIN,
    );
    const closed = runStatus(ctx, run, op, TRIAGED + MIN);
    expect([closed.closed, closed.closedAt, closed.findings?.outcome, closed.summary]).toEqual([
      true,
      TRIAGED + MIN,
      'false-alarm',
      FALSE_ALARM.summary,
    ]);
    expect(closed.tracks.map((t) => [t.open, t.actions.length, t.deadlineStatus])).toEqual([
      [false, 0, 'none'],
    ]);
  });
});

describe('runStatusAt', () => {
  it('gives the same status while no deadline turns, and turns only the deadlines', () => {
    const run = confirmedRun();
    const status = runStatus(ctx, run, op, CONFIRMED);
    expect(runStatusAt(status, run, CONFIRMED + MIN)).toBe(status);
    const hotline = trackOf(status, 'hotline');
    const later = runStatusAt(status, run, hotline.deadlineAt!);
    expect(later).not.toBe(status);
    expect(trackOf(later, 'hotline').deadlineStatus).toBe('breached');
    expect(trackOf(later, 'consultation').deadlineStatus).toBe('running');
    expect({ ...trackOf(later, 'hotline'), deadlineStatus: 'running' }).toEqual(hotline);
  });
});

describe('partyNameOf', () => {
  it("gives the scenario's name for a party, or 'Party' and its id", () => {
    expect(partyNameOf(ctx.parties, 'B')).toBe('Bravo');
    expect(partyNameOf(ctx.parties, 'C')).toBe('Party C');
  });
});
