import { describe, expect, it } from 'vitest';
import { BUILTIN_PROTOCOL } from '../../../shared/protocol/builtin-protocol';
import {
  applyAction,
  applyBreach,
  applyPartyAck,
  startProtocol,
  type ProtocolActor,
  type ProtocolContext,
} from '../../../shared/protocol/protocol-state';
import { protocolView } from '../../../renderer/src/protocol/protocol-view';

const ctx: ProtocolContext = {
  protocol: BUILTIN_PROTOCOL,
  parties: [
    { id: 'A', name: 'Party A', role: 'party' },
    { id: 'B', name: 'Party B', role: 'party' },
    { id: 'MM', name: 'Monitoring Mission', role: 'monitor' },
  ],
};
const operator: ProtocolActor = { name: 'op-1', role: 'operator' };
const t0 = Date.UTC(2026, 2, 1, 4, 0);

describe('protocolView', () => {
  it('shows the notify step with every party to acknowledge and the all-acknowledged action blocked', () => {
    const state = startProtocol(BUILTIN_PROTOCOL, 'A-e1', 'notify', t0, {
      kind: 'severity',
      severity: 'critical',
    });
    const view = protocolView(ctx, state, operator);
    expect(view.stepId).toBe('notify');
    expect(view.deadlineAt).toBe(t0 + 30 * 60_000);
    expect(view.acks.map((a) => [a.partyId, a.partyName, a.ack])).toEqual([
      ['A', 'Party A', null],
      ['B', 'Party B', null],
    ]);
    const all = view.actions.find((a) => a.id === 'all-acknowledged')!;
    expect(all.requiresAcks).toBe(true);
    expect(all.blockedBy).toMatch(/A, B/);
    expect(view.actions.find((a) => a.id === 'no-response')!.requires).toContain('rationale');
    expect(view.history).toEqual([
      expect.objectContaining({
        stepId: 'notify',
        actor: 'system',
        reason: expect.stringMatching(/critical/),
      }),
    ]);
  });

  it('records who/when/how of each party ack and unblocks the action once all are in', () => {
    let state = startProtocol(BUILTIN_PROTOCOL, 'A-e1', 'notify', t0, {
      kind: 'severity',
      severity: 'critical',
    });
    state = applyPartyAck(ctx, state, 'A', 'hotline, duty officer', 'op-1', t0 + 60_000);
    let view = protocolView(ctx, state, operator);
    expect(view.acks[0]!.ack).toEqual({
      by: 'op-1',
      at: t0 + 60_000,
      how: 'hotline, duty officer',
    });
    expect(view.actions.find((a) => a.id === 'all-acknowledged')!.blockedBy).toMatch(/B/);
    state = applyPartyAck(ctx, state, 'B', 'video call', 'op-1', t0 + 120_000);
    view = protocolView(ctx, state, operator);
    expect(view.actions.find((a) => a.id === 'all-acknowledged')!.blockedBy).toBeNull();
    state = applyAction(ctx, state, 'all-acknowledged', {}, operator, t0 + 180_000);
    view = protocolView(ctx, state, operator);
    expect(view.stepId).toBe('request-explanation');
    expect(view.history.at(-1)).toMatchObject({
      actor: 'op-1',
      reason: 'action "all-acknowledged"',
    });
  });

  it('explains a breach escalation in the history and shows the closing summary when closed', () => {
    let state = startProtocol(BUILTIN_PROTOCOL, 'A-e1', 'notify', t0, {
      kind: 'severity',
      severity: 'critical',
    });
    state = applyBreach(BUILTIN_PROTOCOL, state, t0 + 30 * 60_000);
    let view = protocolView(ctx, state, operator);
    expect(view.stepId).toBe('consult');
    expect(view.history.at(-1)!.reason).toMatch(
      /deadline of "Notify liaison officers" breached|deadline of ".*" breached/,
    );
    state = applyAction(
      ctx,
      state,
      'no-agreement',
      { rationale: 'party B absent' },
      operator,
      t0 + 3600_000,
    );
    state = applyAction(
      ctx,
      state,
      'referred',
      { summary: 'referred to guarantors' },
      operator,
      t0 + 7200_000,
    );
    view = protocolView(ctx, state, operator);
    expect(view.closed).toBe(true);
    expect(view.actions).toEqual([]);
    expect(view.instructions).toBe('referred to guarantors');
  });
});
