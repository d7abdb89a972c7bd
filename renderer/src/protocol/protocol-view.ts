// Adapts one alert's protocol state (shared/protocol) into what the
// walkthrough renders. Every rule (required inputs, acks, role) comes from
// shared/protocol; this only looks up titles and names.
import {
  allowedActions,
  currentVisit,
  requiredAckParties,
  type AlertProtocolState,
  type ProtocolActor,
  type ProtocolContext,
  type StepEntryCause,
} from '../../../shared/protocol/protocol-state';
import { CLOSE_STEP } from '../../../shared/protocol/schema';
import type { ProtocolView, StepHistoryView } from '../console/view-model';

function stepTitle(ctx: ProtocolContext, id: string): string {
  if (id === CLOSE_STEP) return 'Closed';
  return ctx.protocol.steps.get(id)?.title ?? id;
}

function causeText(ctx: ProtocolContext, cause: StepEntryCause): { reason: string; actor: string } {
  switch (cause.kind) {
    case 'severity':
      return { reason: `entered automatically (${cause.severity})`, actor: 'system' };
    case 'manual':
      return { reason: 'protocol started', actor: cause.by };
    case 'action': {
      const inputs = Object.entries(cause.inputs)
        .filter(([, v]) => v)
        .map(([k, v]) => `${k}: ${v}`)
        .join('; ');
      return { reason: `action "${cause.action}"${inputs ? ` — ${inputs}` : ''}`, actor: cause.by };
    }
    case 'deadline':
      return { reason: `deadline of "${stepTitle(ctx, cause.from)}" breached`, actor: 'system' };
    case 'new-event':
      return { reason: `new event ${cause.eventId} joined`, actor: 'system' };
    case 'severity-jump':
      return { reason: `jumped on severity ${cause.severity}`, actor: cause.by };
  }
}

/** The walkthrough's view of an alert's protocol state for `actor`. */
export function protocolView(
  ctx: ProtocolContext,
  state: AlertProtocolState,
  actor: ProtocolActor,
): ProtocolView {
  const visit = currentVisit(state);
  const step = ctx.protocol.steps.get(visit.step);
  const partyNames = new Map(ctx.parties.map((p) => [p.id, p.name] as const));
  const acked = new Map(visit.acks.map((a) => [a.party, a] as const));
  const history: StepHistoryView[] = state.visits.map((v) => {
    const { reason, actor: by } = causeText(ctx, v.cause);
    return {
      stepId: v.step,
      stepTitle: stepTitle(ctx, v.step),
      enteredAt: v.enteredAt,
      reason,
      actor: by,
    };
  });
  return {
    stepId: visit.step,
    stepTitle: stepTitle(ctx, visit.step),
    instructions: step?.instructions ?? (state.closed ? (state.summary ?? '') : ''),
    role: step?.role ?? 'any',
    enteredAt: visit.enteredAt,
    deadlineAt: visit.deadlineAt,
    breached: visit.breachedAt !== null,
    actions: allowedActions(ctx, state, actor),
    acks: step
      ? requiredAckParties(step, ctx.parties).map((partyId) => {
          const ack = acked.get(partyId);
          return {
            partyId,
            partyName: partyNames.get(partyId) ?? partyId,
            ack: ack ? { by: ack.recordedBy, at: ack.at, how: ack.how } : null,
          };
        })
      : [],
    history,
    closed: state.closed,
    suggestedJump: state.severityPrompt ? stepTitle(ctx, state.severityPrompt.target) : null,
  };
}
