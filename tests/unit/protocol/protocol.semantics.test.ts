import { describe, expect, it } from 'vitest';
import { BUILTIN_PROTOCOL } from '../../../shared/protocol/builtin-protocol';
import {
  allowedActions,
  applyAction,
  applyBreach,
  applyNewEvent,
  applyPartyAck,
  applySeverityJump,
  applySeverityRise,
  applyWarning,
  checkAction,
  checkPartyAck,
  currentVisit,
  dismissSeverityPrompt,
  entryStepFor,
  manualEntryStep,
  nextTimer,
  startProtocol,
  type ActionInputs,
  type AlertProtocolState,
  type ProtocolActor,
  type ProtocolContext,
} from '../../../shared/protocol/protocol-state';
import { checkSeek } from '../../../shared/protocol/seek-rules';

const MIN = 60_000;
const T0 = Date.parse('2026-03-01T04:00:00.000Z');
const ctx: ProtocolContext = {
  protocol: BUILTIN_PROTOCOL,
  parties: [
    { id: 'A', name: 'Party A', role: 'party' },
    { id: 'B', name: 'Party B', role: 'party' },
    { id: 'MM', name: 'Monitoring Mission', role: 'monitor' },
    { id: 'G', name: 'Guarantors', role: 'guarantor' },
  ],
};
const op: ProtocolActor = { name: 'operator-1', role: 'operator' };
const controller: ProtocolActor = { name: 'control', role: 'controller' };

function act(s: AlertProtocolState, action: string, at: number, inputs: ActionInputs = {}) {
  return applyAction(ctx, s, action, inputs, op, at);
}
const step = (s: AlertProtocolState) => currentVisit(s).step;
const at = (min: number) => T0 + min * MIN;

describe('entering the protocol', () => {
  it('enters by severity per the entry table, and manually at triage', () => {
    expect(entryStepFor(BUILTIN_PROTOCOL, 'critical')).toBe('notify');
    expect(entryStepFor(BUILTIN_PROTOCOL, 'high')).toBe('triage');
    expect(entryStepFor(BUILTIN_PROTOCOL, 'medium')).toBe('triage');
    expect(entryStepFor(BUILTIN_PROTOCOL, 'low')).toBeNull();
    expect(entryStepFor(BUILTIN_PROTOCOL, 'info')).toBeNull();
    expect(manualEntryStep(BUILTIN_PROTOCOL)).toBe('triage');
    const manual = startProtocol(BUILTIN_PROTOCOL, 'A-1', 'triage', T0, {
      kind: 'manual',
      by: 'op',
    });
    expect(currentVisit(manual)).toMatchObject({
      step: 'triage',
      cause: { kind: 'manual', by: 'op' },
    });
  });

  it('stamps the deadline and the 80% warning on the exercise clock', () => {
    const s = startProtocol(BUILTIN_PROTOCOL, 'A-1', 'triage', T0, {
      kind: 'severity',
      severity: 'high',
    });
    expect(currentVisit(s).deadlineAt).toBe(at(10));
    expect(currentVisit(s).warnAt).toBe(at(8));
    expect(nextTimer(s)).toEqual({ at: at(8), kind: 'deadline-warning' });
    const warned = applyWarning(s, at(8));
    expect(nextTimer(warned)).toEqual({ at: at(10), kind: 'deadline-breach' });
    const notify = startProtocol(BUILTIN_PROTOCOL, 'A-2', 'notify', T0, {
      kind: 'severity',
      severity: 'critical',
    });
    expect(currentVisit(notify).warnAt).toBe(at(24));
    const monitor = act(
      act(
        startProtocol(BUILTIN_PROTOCOL, 'A-3', 'triage', T0, { kind: 'manual', by: 'op' }),
        'start-verification',
        at(1),
      ),
      'unconfirmed',
      at(2),
    );
    expect(step(monitor)).toBe('monitor');
    expect(currentVisit(monitor).deadlineAt).toBeNull();
    expect(nextTimer(monitor)).toBeNull();
  });
});

describe('each built-in step and action', () => {
  const triage = () =>
    startProtocol(BUILTIN_PROTOCOL, 'A-1', 'triage', T0, { kind: 'severity', severity: 'high' });

  it('triage: start verification, false alarm (rationale + summary), escalate now', () => {
    expect(step(act(triage(), 'start-verification', at(3)))).toBe('verify');
    expect(step(act(triage(), 'escalate-now', at(3)))).toBe('notify');
    expect(checkAction(ctx, triage(), 'false-alarm', {}, op)).toBe(
      'action "false-alarm" in step "triage": rationale is required',
    );
    expect(checkAction(ctx, triage(), 'false-alarm', { rationale: 'crop fire' }, op)).toBe(
      'action "false-alarm" in step "triage": summary is required',
    );
    const closed = act(triage(), 'false-alarm', at(4), {
      rationale: 'crop fire',
      summary: 'No violation.',
    });
    expect(closed.closed).toBe(true);
    expect(closed.summary).toBe('No violation.');
    expect(step(closed)).toBe('close');
    expect(currentVisit(closed).cause).toEqual({
      kind: 'action',
      action: 'false-alarm',
      by: 'operator-1',
      inputs: { rationale: 'crop fire', summary: 'No violation.' },
    });
    expect(checkAction(ctx, closed, 're-assess', {}, op)).toBe('alert A-1 is closed');
    expect(nextTimer(closed)).toBeNull();
  });

  it('verify: confirmed, unconfirmed, false alarm', () => {
    const verify = act(triage(), 'start-verification', at(2));
    expect(step(act(verify, 'confirmed', at(30)))).toBe('notify');
    expect(step(act(verify, 'unconfirmed', at(30)))).toBe('monitor');
    expect(act(verify, 'false-alarm', at(30), { rationale: 'r', summary: 's' }).closed).toBe(true);
    expect(checkAction(ctx, verify, 'escalate-now', {}, op)).toMatch(
      /step "verify" has no action "escalate-now"/,
    );
  });

  it('monitor: re-assess, nothing further (summary); a new event re-opens triage', () => {
    const monitor = act(act(triage(), 'start-verification', at(1)), 'unconfirmed', at(20));
    expect(step(act(monitor, 're-assess', at(40)))).toBe('triage');
    expect(checkAction(ctx, monitor, 'nothing-further', {}, op)).toMatch(/summary is required/);
    expect(act(monitor, 'nothing-further', at(40), { summary: 'quiet' }).closed).toBe(true);
    const reopened = applyNewEvent(BUILTIN_PROTOCOL, monitor, 'ev-9', at(90));
    expect(step(reopened)).toBe('triage');
    expect(currentVisit(reopened).cause).toEqual({ kind: 'new-event', eventId: 'ev-9' });
    expect(currentVisit(reopened).deadlineAt).toBe(at(100));
    // Steps without on_new_event do not move.
    expect(applyNewEvent(BUILTIN_PROTOCOL, triage(), 'ev-9', at(5))).toEqual(triage());
  });

  it('notify: all-acknowledged needs every party with role "party"; acks keep who, when, how', () => {
    let s = act(triage(), 'escalate-now', at(2));
    expect(checkAction(ctx, s, 'all-acknowledged', {}, op)).toBe(
      'action "all-acknowledged" in step "notify" needs every party\'s acknowledgement; missing: A, B',
    );
    expect(checkPartyAck(ctx, s, 'MM', 'hotline')).toBe(
      'party "MM" is not asked to acknowledge in step "notify"',
    );
    expect(checkPartyAck(ctx, s, 'A', '  ')).toMatch(/say how/);
    s = applyPartyAck(ctx, s, 'A', 'hotline, duty officer', 'operator-1', at(9));
    expect(checkPartyAck(ctx, s, 'A', 'again')).toMatch(/already acknowledged/);
    expect(allowedActions(ctx, s, op).find((a) => a.id === 'all-acknowledged')!.blockedBy).toBe(
      'waiting for acknowledgement from B',
    );
    // One party missing is enough to refuse: the check, and the action itself.
    expect(checkAction(ctx, s, 'all-acknowledged', {}, op)).toBe(
      'action "all-acknowledged" in step "notify" needs every party\'s acknowledgement; missing: B',
    );
    expect(() => act(s, 'all-acknowledged', at(10))).toThrow(/missing: B/);
    s = applyPartyAck(ctx, s, 'B', 'liaison officer, by phone', 'operator-1', at(14));
    expect(currentVisit(s).acks).toEqual([
      { party: 'A', at: at(9), how: 'hotline, duty officer', recordedBy: 'operator-1' },
      { party: 'B', at: at(14), how: 'liaison officer, by phone', recordedBy: 'operator-1' },
    ]);
    expect(step(act(s, 'all-acknowledged', at(15)))).toBe('request-explanation');
    expect(step(act(s, 'no-response', at(15), { rationale: 'B silent' }))).toBe('consult');
    expect(checkPartyAck(ctx, triage(), 'A', 'hotline')).toBe(
      'step "triage" does not collect party acknowledgements',
    );
  });

  it('request-explanation, consult, refer and resolve lead to close with their inputs', () => {
    const notify = act(triage(), 'escalate-now', at(2));
    const rex = act(notify, 'no-response', at(10), { rationale: 'no answer from B' });
    expect(step(rex)).toBe('consult');
    expect(checkAction(ctx, rex, 'measures-agreed', { measures: '' }, op)).toMatch(
      /measures is required/,
    );
    const resolve = act(rex, 'measures-agreed', at(600), { measures: 'withdraw MLRS 20 km' });
    expect(step(resolve)).toBe('resolve');
    expect(currentVisit(resolve).deadlineAt).toBe(at(600 + 72 * 60));
    expect(
      act(resolve, 'verified', at(2000), { summary: 'joint overflight saw no MLRS' }).summary,
    ).toBe('joint overflight saw no MLRS');
    const refer = act(rex, 'no-agreement', at(600), { rationale: 'B did not attend' });
    expect(step(refer)).toBe('refer');
    expect(act(refer, 'referred', at(700), { summary: 'referred to guarantors' }).closed).toBe(
      true,
    );
    let s = applyPartyAck(ctx, notify, 'A', 'hotline', 'op', at(3));
    s = act(applyPartyAck(ctx, s, 'B', 'hotline', 'op', at(4)), 'all-acknowledged', at(5));
    expect(step(s)).toBe('request-explanation');
    expect(currentVisit(s).deadlineAt).toBe(at(5 + 48 * 60));
    expect(step(act(s, 'satisfactory-reply', at(100)))).toBe('resolve');
    expect(step(act(s, 'unsatisfactory-reply', at(100), { rationale: 'denies facts' }))).toBe(
      'consult',
    );
  });

  it('validates the party input against the scenario parties', () => {
    const custom = {
      ...ctx,
      protocol: {
        ...BUILTIN_PROTOCOL,
        steps: new Map(BUILTIN_PROTOCOL.steps).set('triage', {
          ...BUILTIN_PROTOCOL.steps.get('triage')!,
          actions: [
            { id: 'blame', label: 'Attribute', next: 'notify', requires: ['party' as const] },
          ],
        }),
      },
    };
    expect(checkAction(custom, triage(), 'blame', { party: 'Q' }, op)).toMatch(
      /party "Q" is not a party/,
    );
    expect(checkAction(custom, triage(), 'blame', { party: 'B' }, op)).toBeNull();
  });

  it('refuses actions from a role the step is not for', () => {
    expect(checkAction(ctx, triage(), 'start-verification', {}, controller)).toBe(
      'step "triage" is for role operator, not controller',
    );
  });
});

describe('deadlines and breaches', () => {
  it('a flag-only breach records the breach and stays in the step', () => {
    const s = startProtocol(BUILTIN_PROTOCOL, 'A-1', 'triage', T0, {
      kind: 'severity',
      severity: 'high',
    });
    const breached = applyBreach(BUILTIN_PROTOCOL, applyWarning(s, at(8)), at(10));
    expect(step(breached)).toBe('triage');
    expect(currentVisit(breached)).toMatchObject({ warnedAt: at(8), breachedAt: at(10) });
    expect(nextTimer(breached)).toBeNull();
  });

  it('notify breach escalates to consult, consult breach to refer, each with a fresh deadline', () => {
    const s = startProtocol(BUILTIN_PROTOCOL, 'A-1', 'notify', T0, {
      kind: 'severity',
      severity: 'critical',
    });
    const withA = applyPartyAck(ctx, s, 'A', 'hotline', 'op', at(5));
    const consult = applyBreach(BUILTIN_PROTOCOL, withA, at(30));
    expect(step(consult)).toBe('consult');
    expect(currentVisit(consult).cause).toEqual({ kind: 'deadline', from: 'notify' });
    expect(consult.visits[0]).toMatchObject({ step: 'notify', breachedAt: at(30), leftAt: at(30) });
    expect(currentVisit(consult).deadlineAt).toBe(at(30 + 24 * 60));
    const refer = applyBreach(BUILTIN_PROTOCOL, consult, at(30 + 24 * 60));
    expect(step(refer)).toBe('refer');
  });
});

describe('severity rise', () => {
  const triage = startProtocol(BUILTIN_PROTOCOL, 'A-1', 'triage', T0, {
    kind: 'severity',
    severity: 'medium',
  });

  it('prompts to jump to the higher entry step and never moves by itself', () => {
    const prompted = applySeverityRise(BUILTIN_PROTOCOL, triage, 'medium', 'critical');
    expect(step(prompted)).toBe('triage');
    expect(prompted.severityPrompt).toEqual({ severity: 'critical', target: 'notify' });
    const jumped = applySeverityJump(BUILTIN_PROTOCOL, prompted, op, at(3));
    expect(step(jumped)).toBe('notify');
    expect(jumped.severityPrompt).toBeNull();
    expect(currentVisit(jumped).cause).toEqual({
      kind: 'severity-jump',
      severity: 'critical',
      by: 'operator-1',
    });
    expect(dismissSeverityPrompt(prompted)).toEqual(triage);
  });

  it('does not prompt when the entry step is the current one or lies behind', () => {
    expect(applySeverityRise(BUILTIN_PROTOCOL, triage, 'medium', 'high')).toBe(triage);
    const consult = act(act(triage, 'escalate-now', at(1)), 'no-response', at(2), {
      rationale: 'x',
    });
    expect(
      applySeverityRise(BUILTIN_PROTOCOL, consult, 'high', 'critical').severityPrompt,
    ).toBeNull();
    // medium -> high both enter at triage: an alert in verify is not sent back to triage.
    const verify = act(triage, 'start-verification', at(1));
    expect(applySeverityRise(BUILTIN_PROTOCOL, verify, 'medium', 'high')).toBe(verify);
    // A manual start at triage (low has no entry): rising to high changes nothing either.
    const manual = act(
      startProtocol(BUILTIN_PROTOCOL, 'A-9', 'triage', T0, { kind: 'manual', by: 'op' }),
      'start-verification',
      at(1),
    );
    expect(applySeverityRise(BUILTIN_PROTOCOL, manual, 'low', 'high')).toBe(manual);
    expect(applySeverityRise(BUILTIN_PROTOCOL, manual, 'low', 'critical').severityPrompt).toEqual({
      severity: 'critical',
      target: 'notify',
    });
  });

  it('drops a prompt once the operator has moved past its target', () => {
    const prompted = applySeverityRise(BUILTIN_PROTOCOL, triage, 'medium', 'critical');
    expect(act(prompted, 'escalate-now', at(2)).severityPrompt).toBeNull();
    expect(act(prompted, 'start-verification', at(2)).severityPrompt).toEqual({
      severity: 'critical',
      target: 'notify',
    });
  });
});

describe('seek rules', () => {
  it('forwards always; backwards only by the controller and only before any protocol started', () => {
    expect(checkSeek(at(10), at(20), 'operator', true)).toBeNull();
    expect(checkSeek(at(10), at(5), 'controller', false)).toBeNull();
    expect(checkSeek(at(10), at(5), 'operator', false)).toBe(
      'only the controller may seek backwards',
    );
    expect(checkSeek(at(10), at(5), 'controller', true)).toMatch(
      /refused once the protocol has started/,
    );
  });
});
