// The escalation protocol as pure functions over one alert's protocol state
// (docs/ESCALATION-PROTOCOL.md, "Semantics"). Times are exercise-clock epoch ms.
// The exercise engine validates with check*, logs, then applies with apply*.
import type { Severity } from '../alerts/bands';
import type { Party } from '../scenario/schema';
import type { Protocol } from './load-protocol';
import {
  CLOSE_STEP,
  FLAG_ONLY,
  type ProtocolAction,
  type ProtocolInput,
  type ProtocolStep,
  type Version1Input,
} from './schema';

/** Inputs given with an action (only the ones it requires are kept). */
export type ActionInputs = Partial<Record<ProtocolInput, string>>;

/** One party's acknowledgement: who, when (exercise time), how, recorded by whom. */
export interface PartyAck {
  party: string;
  at: number;
  how: string;
  recordedBy: string;
}

/** Why a step was entered. */
export type StepEntryCause =
  | { kind: 'severity'; severity: Severity }
  | { kind: 'manual'; by: string }
  | { kind: 'action'; action: string; by: string; inputs: ActionInputs }
  | { kind: 'deadline'; from: string }
  | { kind: 'new-event'; eventId: string }
  | { kind: 'severity-jump'; severity: Severity; by: string };

/** One stay in one step. */
export interface StepVisit {
  step: string;
  enteredAt: number;
  cause: StepEntryCause;
  /** Null when the step has no deadline. */
  deadlineAt: number | null;
  /** 80% of the deadline time. */
  warnAt: number | null;
  warnedAt: number | null;
  breachedAt: number | null;
  leftAt: number | null;
  acks: readonly PartyAck[];
}

/** An alert's progress through the protocol. */
export interface AlertProtocolState {
  alertId: string;
  /** Every visit in order; the last one is the current step. */
  visits: readonly StepVisit[];
  /** Set when the severity rose to a level whose entry step lies ahead. */
  severityPrompt: { severity: Severity; target: string } | null;
  closed: boolean;
  /** The closing summary, once closed. */
  summary: string | null;
}

/** The actor of an intent, as the audit log records it. */
export interface ProtocolActor {
  name: string;
  role: 'operator' | 'controller' | 'system' | 'auditor';
}

/** What checks need to know about the scenario. */
export interface ProtocolContext {
  protocol: Protocol;
  parties: readonly Party[];
}

const MINUTE = 60_000;
const INPUT_MAX = 4000;

/** The current step visit. */
export function currentVisit(state: AlertProtocolState): StepVisit {
  return state.visits[state.visits.length - 1]!;
}

/** The step an alert of this severity enters automatically, or null. */
export function entryStepFor(protocol: Protocol, severity: Severity): string | null {
  return protocol.document.entry[severity];
}

/** Certainty bands below `probable` (docs/ALERTS-AND-SEVERITY.md, the entry rule). */
const BELOW_PROBABLE: ReadonlySet<string> = new Set(['possible', 'unconfirmed', 'cleared']);

/**
 * The entry step of an alert under a version-1 protocol, whose `entry` table
 * is keyed by the gravity band: the table's step, except that an alert whose
 * certainty is below `probable` enters at `verify` where the table says
 * `notify` (when the protocol has a `verify` step). Without a certainty band
 * (alerts scored by the version-1 model) the table alone decides.
 */
export function entryStepForBands(
  protocol: Protocol,
  severity: Severity,
  certaintyBand: string | null,
): string | null {
  const step = entryStepFor(protocol, severity);
  if (
    step === 'notify' &&
    certaintyBand !== null &&
    BELOW_PROBABLE.has(certaintyBand) &&
    protocol.steps.has('verify')
  ) {
    return 'verify';
  }
  return step;
}

/** The step a manual "start protocol" enters, or null if the protocol has none. */
export function manualEntryStep(protocol: Protocol): string | null {
  return protocol.document.entry.manual;
}

function stepOf(protocol: Protocol, id: string): ProtocolStep | null {
  return protocol.steps.get(id) ?? null;
}

function visitStep(protocol: Protocol, step: string, at: number, cause: StepEntryCause): StepVisit {
  const deadlineMin = stepOf(protocol, step)?.deadline_min;
  const deadlineAt = deadlineMin === undefined ? null : at + Math.round(deadlineMin * MINUTE);
  const warnAt = deadlineMin === undefined ? null : at + Math.round(deadlineMin * 0.8 * MINUTE);
  return {
    step,
    enteredAt: at,
    cause,
    deadlineAt,
    warnAt,
    warnedAt: null,
    breachedAt: null,
    leftAt: null,
    acks: [],
  };
}

function moveTo(
  protocol: Protocol,
  state: AlertProtocolState,
  step: string,
  at: number,
  cause: StepEntryCause,
  summary: string | null = null,
): AlertProtocolState {
  const visits = state.visits.slice();
  visits[visits.length - 1] = { ...currentVisit(state), leftAt: at };
  visits.push(visitStep(protocol, step, at, cause));
  const closed = step === CLOSE_STEP;
  const moved: AlertProtocolState = {
    ...state,
    visits,
    closed,
    summary: closed ? summary : state.summary,
  };
  return { ...moved, severityPrompt: promptStillAhead(protocol, moved, state.severityPrompt) };
}

/** Starts the protocol for an alert at a step (entry by severity or manual start). */
export function startProtocol(
  protocol: Protocol,
  alertId: string,
  step: string,
  at: number,
  cause: Extract<StepEntryCause, { kind: 'severity' | 'manual' }>,
): AlertProtocolState {
  if (!protocol.steps.has(step)) throw new Error(`protocol has no step "${step}"`);
  return {
    alertId,
    visits: [visitStep(protocol, step, at, cause)],
    severityPrompt: null,
    closed: false,
    summary: null,
  };
}

/** Inputs an action needs: its own `requires`, plus `summary` when it enters `close`. */
export function requiredInputs(action: ProtocolAction): Version1Input[] {
  const inputs = new Set<Version1Input>(action.requires ?? []);
  if (action.next === CLOSE_STEP) inputs.add('summary');
  return [...inputs];
}

/** Party ids whose acknowledgement a step collects ("all-parties": every party with role party). */
export function requiredAckParties(step: ProtocolStep, parties: readonly Party[]): string[] {
  if (step.acks === undefined) return [];
  if (step.acks === 'all-parties')
    return parties.filter((p) => p.role === 'party').map((p) => p.id);
  return [...step.acks];
}

/** Parties still to acknowledge in the current step. */
export function missingAcks(ctx: ProtocolContext, state: AlertProtocolState): string[] {
  const visit = currentVisit(state);
  const step = stepOf(ctx.protocol, visit.step);
  if (!step) return [];
  const acked = new Set(visit.acks.map((a) => a.party));
  return requiredAckParties(step, ctx.parties).filter((p) => !acked.has(p));
}

function roleMayAct(stepRole: ProtocolStep['role'], actor: ProtocolActor): boolean {
  if (stepRole === 'any') return actor.role === 'operator' || actor.role === 'controller';
  return stepRole === actor.role;
}

/** Why an action would be refused now, or null if it would be accepted. */
export function checkAction(
  ctx: ProtocolContext,
  state: AlertProtocolState,
  actionId: string,
  inputs: ActionInputs,
  actor: ProtocolActor,
): string | null {
  if (state.closed) return `alert ${state.alertId} is closed`;
  const visit = currentVisit(state);
  const step = stepOf(ctx.protocol, visit.step);
  if (!step) return `alert ${state.alertId} is in unknown step "${visit.step}"`;
  const action = step.actions.find((a) => a.id === actionId);
  if (!action) {
    return `step "${step.id}" has no action "${actionId}" (allowed: ${step.actions.map((a) => a.id).join(', ')})`;
  }
  if (!roleMayAct(step.role, actor)) {
    return `step "${step.id}" is for role ${step.role}, not ${actor.role}`;
  }
  for (const input of requiredInputs(action)) {
    const problem = checkInput(ctx, input, inputs[input]);
    if (problem) return `action "${actionId}" in step "${step.id}": ${problem}`;
  }
  if (action.requires_acks) {
    const missing = missingAcks(ctx, state);
    if (missing.length > 0) {
      return `action "${actionId}" in step "${step.id}" needs every party's acknowledgement; missing: ${missing.join(', ')}`;
    }
  }
  return null;
}

function checkInput(ctx: ProtocolContext, input: ProtocolInput, value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return `${input} is required`;
  if (value.length > INPUT_MAX) return `${input} is longer than ${INPUT_MAX} characters`;
  if (input === 'party' && !ctx.parties.some((p) => p.id === value)) {
    return `party "${value}" is not a party of this scenario`;
  }
  return null;
}

/** Applies an action already accepted by checkAction (throws if it is not acceptable). */
export function applyAction(
  ctx: ProtocolContext,
  state: AlertProtocolState,
  actionId: string,
  inputs: ActionInputs,
  actor: ProtocolActor,
  at: number,
): AlertProtocolState {
  const problem = checkAction(ctx, state, actionId, inputs, actor);
  if (problem) throw new Error(problem);
  const step = stepOf(ctx.protocol, currentVisit(state).step)!;
  const action = step.actions.find((a) => a.id === actionId)!;
  const kept: ActionInputs = {};
  for (const input of requiredInputs(action)) kept[input] = inputs[input]!.trim();
  const cause: StepEntryCause = { kind: 'action', action: actionId, by: actor.name, inputs: kept };
  return moveTo(ctx.protocol, state, action.next, at, cause, kept.summary ?? null);
}

/** Why a party acknowledgement would be refused now, or null. */
export function checkPartyAck(
  ctx: ProtocolContext,
  state: AlertProtocolState,
  party: string,
  how: string,
): string | null {
  if (state.closed) return `alert ${state.alertId} is closed`;
  const visit = currentVisit(state);
  const step = stepOf(ctx.protocol, visit.step);
  if (!step || step.acks === undefined) {
    return `step "${visit.step}" does not collect party acknowledgements`;
  }
  if (!requiredAckParties(step, ctx.parties).includes(party)) {
    return `party "${party}" is not asked to acknowledge in step "${step.id}"`;
  }
  if (visit.acks.some((a) => a.party === party)) {
    return `party "${party}" has already acknowledged in step "${step.id}"`;
  }
  if (how.trim() === '')
    return 'say how the acknowledgement was received (e.g. "hotline, duty officer")';
  if (how.length > INPUT_MAX) return `how is longer than ${INPUT_MAX} characters`;
  return null;
}

/** Records a party's acknowledgement in the current step (throws if refused). */
export function applyPartyAck(
  ctx: ProtocolContext,
  state: AlertProtocolState,
  party: string,
  how: string,
  recordedBy: string,
  at: number,
): AlertProtocolState {
  const problem = checkPartyAck(ctx, state, party, how);
  if (problem) throw new Error(problem);
  const visits = state.visits.slice();
  const visit = currentVisit(state);
  visits[visits.length - 1] = {
    ...visit,
    acks: [...visit.acks, { party, at, how: how.trim(), recordedBy }],
  };
  return { ...state, visits };
}

/** The next deadline timer of the current step, if any is still due. */
export function nextTimer(
  state: AlertProtocolState,
): { at: number; kind: 'deadline-warning' | 'deadline-breach' } | null {
  if (state.closed) return null;
  const visit = currentVisit(state);
  if (visit.warnAt !== null && visit.warnedAt === null) {
    return { at: visit.warnAt, kind: 'deadline-warning' };
  }
  if (visit.deadlineAt !== null && visit.breachedAt === null) {
    return { at: visit.deadlineAt, kind: 'deadline-breach' };
  }
  return null;
}

/** Records that the 80% warning time of the current step was reached. */
export function applyWarning(state: AlertProtocolState, at: number): AlertProtocolState {
  const visits = state.visits.slice();
  visits[visits.length - 1] = { ...currentVisit(state), warnedAt: at };
  return { ...state, visits };
}

/** Where a breach of the current step escalates to (null: flag only). */
export function breachTarget(protocol: Protocol, state: AlertProtocolState): string | null {
  const onDeadline = stepOf(protocol, currentVisit(state).step)?.on_deadline;
  return onDeadline === undefined || onDeadline === FLAG_ONLY ? null : onDeadline;
}

/** Records a deadline breach and escalates per `on_deadline` (or only flags it). */
export function applyBreach(
  protocol: Protocol,
  state: AlertProtocolState,
  at: number,
): AlertProtocolState {
  const visit = currentVisit(state);
  const visits = state.visits.slice();
  // A breach implies the warning time passed too, even if it was skipped over.
  visits[visits.length - 1] = { ...visit, warnedAt: visit.warnedAt ?? at, breachedAt: at };
  const breached = { ...state, visits };
  const target = breachTarget(protocol, state);
  if (target === null) return breached;
  return moveTo(protocol, breached, target, at, { kind: 'deadline', from: visit.step });
}

/** Where a new event joining the alert moves it (the step's `on_new_event`), or null. */
export function newEventTarget(protocol: Protocol, state: AlertProtocolState): string | null {
  if (state.closed) return null;
  return stepOf(protocol, currentVisit(state).step)?.on_new_event ?? null;
}

/** Applies a new event joining the alert: moves it if the step says `on_new_event`. */
export function applyNewEvent(
  protocol: Protocol,
  state: AlertProtocolState,
  eventId: string,
  at: number,
): AlertProtocolState {
  const target = newEventTarget(protocol, state);
  if (target === null) return state;
  return moveTo(protocol, state, target, at, { kind: 'new-event', eventId });
}

// Steps reachable from `from` through operator actions: "ahead" of it.
function stepsAhead(protocol: Protocol, from: string): Set<string> {
  const seen = new Set<string>();
  const queue = [from];
  while (queue.length > 0) {
    const id = queue.pop()!;
    for (const action of stepOf(protocol, id)?.actions ?? []) {
      if (!seen.has(action.next)) {
        seen.add(action.next);
        queue.push(action.next);
      }
    }
  }
  return seen;
}

function promptStillAhead(
  protocol: Protocol,
  state: AlertProtocolState,
  prompt: AlertProtocolState['severityPrompt'],
): AlertProtocolState['severityPrompt'] {
  if (prompt === null || state.closed) return null;
  const here = currentVisit(state).step;
  if (prompt.target === here || !stepsAhead(protocol, here).has(prompt.target)) return null;
  return prompt;
}

/**
 * Reacts to a severity rise from `from` to `to`: when the new severity enters
 * the protocol at a different step than the old one (or than where the alert
 * entered) and that step lies ahead, the operator is prompted to jump there.
 * Never moves the alert by itself.
 */
export function applySeverityRise(
  protocol: Protocol,
  state: AlertProtocolState,
  from: Severity,
  to: Severity,
): AlertProtocolState {
  return applyEntryRise(
    protocol,
    state,
    entryStepFor(protocol, from),
    entryStepFor(protocol, to),
    to,
  );
}

/**
 * The same, with the entry steps already worked out (from both bands): when
 * the new entry step differs from the old one (or from where the alert
 * entered) and lies ahead, the operator is prompted to jump there.
 */
export function applyEntryRise(
  protocol: Protocol,
  state: AlertProtocolState,
  previousEntry: string | null,
  targetEntry: string | null,
  severity: Severity,
): AlertProtocolState {
  const previous = previousEntry ?? state.visits[0]!.step;
  if (targetEntry === null || targetEntry === previous) return state;
  const prompt = promptStillAhead(protocol, state, { severity, target: targetEntry });
  return prompt === null ? state : { ...state, severityPrompt: prompt };
}

/** Why accepting the severity prompt would be refused now, or null. */
export function checkSeverityJump(state: AlertProtocolState, actor: ProtocolActor): string | null {
  if (state.closed) return `alert ${state.alertId} is closed`;
  if (state.severityPrompt === null) return `alert ${state.alertId} has no severity prompt`;
  if (actor.role !== 'operator' && actor.role !== 'controller') {
    return `role ${actor.role} cannot act on the protocol`;
  }
  return null;
}

/** Accepts the severity prompt: jumps to the higher entry step. */
export function applySeverityJump(
  protocol: Protocol,
  state: AlertProtocolState,
  actor: ProtocolActor,
  at: number,
): AlertProtocolState {
  const problem = checkSeverityJump(state, actor);
  if (problem) throw new Error(problem);
  const { severity, target } = state.severityPrompt!;
  return moveTo(protocol, state, target, at, { kind: 'severity-jump', severity, by: actor.name });
}

/** Declines the severity prompt; the alert stays where it is. */
export function dismissSeverityPrompt(state: AlertProtocolState): AlertProtocolState {
  return { ...state, severityPrompt: null };
}

/** An action as the walkthrough offers it, with what it still needs. */
export interface AllowedAction {
  id: string;
  label: string;
  next: string;
  requires: Version1Input[];
  requiresAcks: boolean;
  /** Why it cannot be taken yet regardless of inputs (missing acks, wrong role), or null. */
  blockedBy: string | null;
}

/** The actions of the current step, each with its required inputs and any blocker. */
export function allowedActions(
  ctx: ProtocolContext,
  state: AlertProtocolState,
  actor: ProtocolActor,
): AllowedAction[] {
  if (state.closed) return [];
  const step = stepOf(ctx.protocol, currentVisit(state).step);
  if (!step) return [];
  const missing = missingAcks(ctx, state);
  return step.actions.map((action) => {
    let blockedBy: string | null = null;
    if (!roleMayAct(step.role, actor)) blockedBy = `step is for role ${step.role}`;
    else if (action.requires_acks && missing.length > 0) {
      blockedBy = `waiting for acknowledgement from ${missing.join(', ')}`;
    }
    return {
      id: action.id,
      label: action.label,
      next: action.next,
      requires: requiredInputs(action),
      requiresAcks: action.requires_acks === true,
      blockedBy,
    };
  });
}
