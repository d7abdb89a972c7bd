// A version-2 protocol run as pure functions (docs/ESCALATION-PROTOCOL.md,
// "Version 2"): one incident, several tracks at once, each a small state
// machine with one current step while it is open. Times are exercise-clock
// epoch ms. As with version 1 (protocol-state.ts) a caller validates with
// check*, logs, then applies; every apply re-checks and throws on a refusal,
// so a refused intent never yields a new state.
import type { Party } from '../scenario/schema';
import type { ProtocolV2 } from './load-protocol';
import {
  ALL_PARTIES,
  CLOSE_STEP,
  DONE_STEP,
  FINDINGS_INPUTS,
  FLAG_ONLY,
  INPUT_VOCABULARIES,
  NO_ATTRIBUTION,
  PARTY_MOVES,
  actionRoles,
  isPartyMove,
  type CertaintyBand,
  type PartyMove,
  type ProtocolInput,
  type ProtocolRole,
  type ProtocolV2Action,
  type ProtocolV2Step,
  type TrackOpening,
} from './schema';
import type { Severity } from '../alerts/bands';
import type { ActionInputs, PartyAck } from './protocol-state';

/** Who acts. A party's liaison acts for exactly one party. */
export type RunActor =
  | { name: string; role: 'operator' | 'controller' | 'guarantor-chair' | 'system' | 'auditor' }
  | { name: string; role: 'party'; party: string };

/** An intent to take an action in a track's current step. */
export interface RunIntent {
  track: string;
  action: string;
  /** For a party move: the party it is made for (defaults to the acting liaison's party). */
  party?: string;
  inputs: ActionInputs;
}

/** What a run needs to know about the scenario. */
export interface RunContext {
  protocol: ProtocolV2;
  parties: readonly Party[];
}

/** Why a step was entered. */
export type RunEntryCause =
  | { kind: 'entry'; gravity: Severity; certainty: CertaintyBand }
  | { kind: 'manual'; by: string }
  | { kind: 'action'; action: string; by: string }
  | { kind: 'opened'; from: string; action: string; by: string }
  | { kind: 'deadline'; from: string }
  | { kind: 'new-event'; eventId: string }
  /** The operator accepted the prompt to the entry step of the incident's new bands. */
  | { kind: 'entry-jump'; gravity: Severity; certainty: CertaintyBand; by: string };

/** A party move recorded in the step it was made in. */
export interface PartyMoveRecord {
  party: string;
  move: PartyMove;
  at: number;
  by: string;
  inputs: ActionInputs;
}

/** One stay in one step of one track. */
export interface RunVisit {
  step: string;
  enteredAt: number;
  cause: RunEntryCause;
  /** Null when the step has no deadline. */
  deadlineAt: number | null;
  /** 80% of the way from where the deadline runs from to the deadline. */
  warnAt: number | null;
  warnedAt: number | null;
  breachedAt: number | null;
  leftAt: number | null;
  acks: readonly PartyAck[];
  moves: readonly PartyMoveRecord[];
}

/** One track of a run: open while `endedAt` is null, its last visit then the current step. */
export interface TrackRun {
  track: string;
  openedAt: number;
  visits: readonly RunVisit[];
  /** When the track finished ("done") or the run closed; null while open. */
  endedAt: number | null;
}

/** Every action taken, in order, as the audit log will record it. */
export interface TakenAction {
  track: string;
  step: string;
  action: string;
  /** The role it was taken in. */
  role: RunActor['role'];
  by: string;
  /** The party a party move was made for; null otherwise. */
  party: string | null;
  at: number;
  inputs: ActionInputs;
  /** The step entered, "done", "close", or null when the track stayed. */
  to: string | null;
  /** Tracks this action opened (already open or finished ones are not reopened). */
  opened: string[];
}

/** What a run is closed with. */
export interface Findings {
  /** A party id, "unattributed" or "undetermined". */
  attribution: string;
  intent: string;
  outcome: string;
  /** The event ids or text relied on. */
  evidence: string;
}

/** An incident's version-2 protocol run. */
export interface ProtocolRun {
  alertId: string;
  /** The incident's first event: where `deadline_from: "incident"` deadlines run from. */
  incidentAt: number;
  /** In the order they were opened. */
  tracks: readonly TrackRun[];
  history: readonly TakenAction[];
  closed: boolean;
  closedAt: number | null;
  findings: Findings | null;
  summary: string | null;
  /**
   * The entry step the incident's changed bands name, offered to the operator
   * (accepted or dismissed by an intent); absent or null when there is none.
   */
  entryPrompt?: EntryPrompt | null;
}

/** A prompt to enter the step the incident's new bands name. */
export interface EntryPrompt {
  target: string;
  gravity: Severity;
  certainty: CertaintyBand;
}

const MINUTE = 60_000;
/** The longest text an action's input may hold; longer is refused, naming the input. */
export const INPUT_MAX = 4000;

/** The entry step for an alert's gravity and certainty bands, or null (no automatic entry). */
export function runEntryStep(
  protocol: ProtocolV2,
  gravity: Severity,
  certainty: CertaintyBand,
): string | null {
  const entry = protocol.document.entry[gravity];
  if (entry === null || typeof entry === 'string') return entry;
  return entry[certainty];
}

/**
 * Whether a run should be prompted to `target` (the entry step of the
 * incident's new bands; `previous` that of its old bands): only when the two
 * differ, and the target still lies ahead — its track not yet opened, or open
 * at another step. A finished track is not re-opened, and a track already at
 * the step needs nothing (docs/ESCALATION-PROTOCOL.md, "Bands change").
 */
export function entryPromptApplies(
  protocol: ProtocolV2,
  run: ProtocolRun,
  previous: string | null,
  target: string | null,
): boolean {
  if (run.closed || target === null || target === previous) return false;
  const place = protocol.steps.get(target);
  if (!place) return false;
  const track = trackRun(run, place.track);
  if (track === undefined) return true;
  return track.endedAt === null && track.visits[track.visits.length - 1]!.step !== target;
}

/** Why accepting or dismissing a run's entry prompt would be refused now, or null. */
export function checkEntryPrompt(
  protocol: ProtocolV2,
  run: ProtocolRun,
  actor: RunActor,
): string | null {
  if (run.closed) return `alert ${run.alertId} is closed: its protocol run accepts nothing more`;
  if (actor.role !== 'operator' && actor.role !== 'controller') {
    return `${actorNoun(actor)} cannot answer the entry prompt: only an operator or a controller can`;
  }
  const prompt = run.entryPrompt ?? null;
  if (prompt === null) return `alert ${run.alertId} has no prompt to a new entry step`;
  if (!entryPromptApplies(protocol, run, null, prompt.target)) {
    return `the prompt to "${prompt.target}" no longer applies: its track is there or finished`;
  }
  return null;
}

/**
 * Accepts the entry prompt: the target's track moves there if it is open,
 * or opens there; the prompt is cleared.
 */
export function applyEntryJump(
  protocol: ProtocolV2,
  run: ProtocolRun,
  actor: RunActor,
  at: number,
): ProtocolRun {
  const problem = checkEntryPrompt(protocol, run, actor);
  if (problem) throw new Error(problem);
  const prompt = run.entryPrompt!;
  const cause: RunEntryCause = {
    kind: 'entry-jump',
    gravity: prompt.gravity,
    certainty: prompt.certainty,
    by: actor.name,
  };
  const place = protocol.steps.get(prompt.target)!;
  const track = trackRun(run, place.track);
  const moved =
    track === undefined
      ? openTrack(protocol, run, { track: place.track, step: prompt.target }, at, cause)!
      : moveTrack(protocol, run, track, prompt.target, at, cause);
  return { ...moved, entryPrompt: null };
}

/** The step a manual "start protocol" enters, or null. */
export function runManualEntryStep(protocol: ProtocolV2): string | null {
  return protocol.document.entry.manual;
}

function stepOf(protocol: ProtocolV2, id: string): ProtocolV2Step | null {
  return protocol.steps.get(id)?.step ?? null;
}

function visitStep(
  protocol: ProtocolV2,
  incidentAt: number,
  earlier: readonly RunVisit[],
  step: string,
  at: number,
  cause: RunEntryCause,
): RunVisit {
  const def = stepOf(protocol, step);
  const minutes = def?.deadline_min;
  const fromIncident = def?.deadline_from === 'incident';
  const from = fromIncident ? incidentAt : at;
  const deadlineAt = minutes === undefined ? null : from + Math.round(minutes * MINUTE);
  const warnAt = minutes === undefined ? null : from + Math.round(minutes * 0.8 * MINUTE);
  // A deadline from the incident is one fixed time: once warned of or breached
  // in an earlier visit of the step, re-entering does not fire it again (and a
  // ring of on_deadline escalations cannot fire forever at one instant).
  const before = fromIncident ? earlier.filter((v) => v.step === step) : [];
  const warnedAt = before.find((v) => v.warnedAt !== null)?.warnedAt ?? null;
  const breachedAt = before.find((v) => v.breachedAt !== null)?.breachedAt ?? null;
  return {
    step,
    enteredAt: at,
    cause,
    deadlineAt,
    warnAt,
    warnedAt,
    breachedAt,
    leftAt: null,
    acks: [],
    moves: [],
  };
}

/** Starts a run at an entry step (by bands, or an operator's manual start). */
export function startRun(
  protocol: ProtocolV2,
  alertId: string,
  step: string,
  at: number,
  incidentAt: number,
  cause: Extract<RunEntryCause, { kind: 'entry' | 'manual' }>,
): ProtocolRun {
  const place = protocol.steps.get(step);
  if (!place) throw new Error(`protocol has no step "${step}"`);
  if (incidentAt > at) throw new Error('the incident cannot begin after its protocol run starts');
  return {
    alertId,
    incidentAt,
    tracks: [
      {
        track: place.track,
        openedAt: at,
        visits: [visitStep(protocol, incidentAt, [], step, at, cause)],
        endedAt: null,
      },
    ],
    history: [],
    closed: false,
    closedAt: null,
    findings: null,
    summary: null,
  };
}

/** A track of the run, or undefined when it has not been opened. */
export function trackRun(run: ProtocolRun, track: string): TrackRun | undefined {
  return run.tracks.find((t) => t.track === track);
}

/** Every open track with its current step's visit, in opening order. */
export function openTracks(run: ProtocolRun): { track: string; visit: RunVisit }[] {
  return run.tracks
    .filter((t) => t.endedAt === null)
    .map((t) => ({ track: t.track, visit: t.visits[t.visits.length - 1]! }));
}

/** The current step's visit of an open track, or null when it is not open. */
export function currentTrackVisit(run: ProtocolRun, track: string): RunVisit | null {
  const t = trackRun(run, track);
  return t === undefined || t.endedAt !== null ? null : t.visits[t.visits.length - 1]!;
}

/** How an actor is named in a refusal. */
export function actorNoun(actor: RunActor): string {
  switch (actor.role) {
    case 'party':
      return `party ${actor.party}'s liaison`;
    case 'operator':
      return 'an operator';
    case 'controller':
      return 'a controller';
    case 'guarantor-chair':
      return "the guarantors' chair";
    case 'system':
      return 'the system';
    case 'auditor':
      return 'an auditor';
  }
}

const ROLE_NOUNS: Record<ProtocolRole, string> = {
  operator: 'an operator',
  controller: 'a controller',
  party: "a party's liaison",
  'guarantor-chair': "the guarantors' chair",
};

function either(nouns: string[]): string {
  if (nouns.length <= 1) return nouns.join('');
  return `${nouns.slice(0, -1).join(', ')} or ${nouns[nouns.length - 1]!}`;
}

/** Inputs an action needs: its own, a party move's own, and the findings when it closes. */
export function requiredRunInputs(action: ProtocolV2Action, partyMove: boolean): ProtocolInput[] {
  const inputs = new Set<ProtocolInput>(action.requires ?? []);
  if (partyMove && isPartyMove(action.id)) {
    for (const input of PARTY_MOVES[action.id].inputs) inputs.add(input);
  }
  if (action.next === CLOSE_STEP) for (const input of FINDINGS_INPUTS) inputs.add(input);
  return [...inputs];
}

/** Party ids a step collects acknowledgements from ("all-parties": every party with role party). */
function ackParties(step: ProtocolV2Step, parties: readonly Party[]): string[] {
  if (step.acks === undefined) return [];
  if (step.acks === 'all-parties')
    return parties.filter((p) => p.role === 'party').map((p) => p.id);
  return [...step.acks];
}

/** Parties still to acknowledge in a track's current step. */
export function missingRunAcks(ctx: RunContext, run: ProtocolRun, track: string): string[] {
  const visit = currentTrackVisit(run, track);
  const step = visit && stepOf(ctx.protocol, visit.step);
  if (!visit || !step) return [];
  const acked = new Set(visit.acks.map((a) => a.party));
  return ackParties(step, ctx.parties).filter((p) => !acked.has(p));
}

/** Parties (role party) that have not yet made `move` in a track's current step. */
export function missingMoves(
  ctx: RunContext,
  run: ProtocolRun,
  track: string,
  move: PartyMove,
): string[] {
  const visit = currentTrackVisit(run, track);
  if (!visit) return [];
  const made = new Set(visit.moves.filter((m) => m.move === move).map((m) => m.party));
  return ctx.parties.filter((p) => p.role === 'party' && !made.has(p.id)).map((p) => p.id);
}

function isCeasefireParty(ctx: RunContext, id: string): boolean {
  return ctx.parties.some((p) => p.id === id && p.role === 'party');
}

// Who may take the action, or why not: the refusal names who can.
function roleRefusal(
  ctx: RunContext,
  step: ProtocolV2Step,
  action: ProtocolV2Action,
  intent: Pick<RunIntent, 'party'>,
  actor: RunActor,
): string | null {
  const roles = actionRoles(step, action);
  if (roles.includes('party') && isPartyMove(action.id)) {
    const verb = PARTY_MOVES[action.id].verb;
    const party = intent.party ?? (actor.role === 'party' ? actor.party : undefined);
    if (party === undefined)
      return `${actorNoun(actor)} cannot ${verb}: only a party's liaison can`;
    if (actor.role !== 'party' || actor.party !== party) {
      return `${actorNoun(actor)} cannot ${verb} for party ${party}: only party ${party}'s liaison can`;
    }
    if (!isCeasefireParty(ctx, party)) {
      return `"${party}" is not a party to the ceasefire in this scenario`;
    }
    return null;
  }
  if (!(roles as string[]).includes(actor.role)) {
    return `${actorNoun(actor)} cannot take "${action.id}" in step "${step.id}": only ${either(roles.map((r) => ROLE_NOUNS[r]))} can`;
  }
  if (intent.party !== undefined) {
    return `"${action.id}" is not a party move and is not taken for a party`;
  }
  return null;
}

function checkRunInput(ctx: RunContext, input: ProtocolInput, value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return `${input} is required`;
  if (value.length > INPUT_MAX) return `${input} is longer than ${INPUT_MAX} characters`;
  const given = value.trim();
  if (input === 'party' && given !== ALL_PARTIES && !isCeasefireParty(ctx, given)) {
    const ids = ctx.parties.filter((p) => p.role === 'party').map((p) => p.id);
    return `party must be a party to the ceasefire (${ids.join(', ')}) or "${ALL_PARTIES}" (every party); got "${given}"`;
  }
  if (input === 'attribution') {
    const ok =
      (NO_ATTRIBUTION as readonly string[]).includes(given) || isCeasefireParty(ctx, given);
    if (!ok) {
      const ids = ctx.parties.filter((p) => p.role === 'party').map((p) => p.id);
      return `attribution must be a party (${ids.join(', ')}), ${NO_ATTRIBUTION.join(' or ')}; got "${given}"`;
    }
  }
  const vocabulary = INPUT_VOCABULARIES[input];
  if (vocabulary && !vocabulary.includes(given)) {
    return `${input} must be one of ${vocabulary.join(', ')}; got "${given}"`;
  }
  return null;
}

interface Resolved {
  step: ProtocolV2Step;
  action: ProtocolV2Action;
  visit: RunVisit;
  partyMove: boolean;
  party: string | null;
}

function resolve(
  ctx: RunContext,
  run: ProtocolRun,
  intent: RunIntent,
  actor: RunActor,
): Resolved | string {
  if (run.closed) return `alert ${run.alertId} is closed: its protocol run accepts nothing more`;
  if (!ctx.protocol.tracks.has(intent.track)) return `protocol has no track "${intent.track}"`;
  const track = trackRun(run, intent.track);
  if (track === undefined) return `track "${intent.track}" is not open`;
  if (track.endedAt !== null) return `track "${intent.track}" is finished`;
  const visit = track.visits[track.visits.length - 1]!;
  const step = stepOf(ctx.protocol, visit.step);
  if (!step) return `track "${intent.track}" is in unknown step "${visit.step}"`;
  const action = step.actions.find((a) => a.id === intent.action);
  if (!action) {
    return `step "${step.id}" has no action "${intent.action}" (allowed: ${step.actions.map((a) => a.id).join(', ')})`;
  }
  const refusal = roleRefusal(ctx, step, action, intent, actor);
  if (refusal) return refusal;
  const partyMove = actionRoles(step, action).includes('party');
  const party = partyMove && actor.role === 'party' ? actor.party : null;
  return { step, action, visit, partyMove, party };
}

/** Why an action would be refused now, or null if it would be accepted. */
export function checkRunAction(
  ctx: RunContext,
  run: ProtocolRun,
  intent: RunIntent,
  actor: RunActor,
): string | null {
  const resolved = resolve(ctx, run, intent, actor);
  if (typeof resolved === 'string') return resolved;
  const { step, action, visit, partyMove, party } = resolved;
  const where = `"${action.id}" in step "${step.id}"`;
  if (partyMove && party !== null && isPartyMove(action.id) && PARTY_MOVES[action.id].once) {
    if (visit.moves.some((m) => m.party === party && m.move === action.id)) {
      return `party ${party} has already made the move "${action.id}" in step "${step.id}"`;
    }
  }
  for (const input of requiredRunInputs(action, partyMove)) {
    const problem = checkRunInput(ctx, input, intent.inputs[input]);
    if (problem) return `${where}: ${problem}`;
  }
  if (action.requires_acks) {
    const missing = missingRunAcks(ctx, run, intent.track);
    if (missing.length > 0) {
      return `${where} needs every party's acknowledgement; missing: ${missing.join(', ')}`;
    }
  }
  for (const move of action.requires_moves ?? []) {
    const missing = missingMoves(ctx, run, intent.track, move);
    if (missing.length > 0) {
      return `${where} waits for "${move}" from every party; missing: ${missing.join(', ')}`;
    }
  }
  return null;
}

function leave(visits: readonly RunVisit[], at: number): RunVisit[] {
  const copy = visits.slice();
  copy[copy.length - 1] = { ...copy[copy.length - 1]!, leftAt: at };
  return copy;
}

function replaceTrack(run: ProtocolRun, track: TrackRun): ProtocolRun {
  return { ...run, tracks: run.tracks.map((t) => (t.track === track.track ? track : t)) };
}

// Moves a track to a step of its own, or finishes it ("done").
function moveTrack(
  protocol: ProtocolV2,
  run: ProtocolRun,
  track: TrackRun,
  to: string,
  at: number,
  cause: RunEntryCause,
): ProtocolRun {
  const visits = leave(track.visits, at);
  if (to === DONE_STEP) return replaceTrack(run, { ...track, visits, endedAt: at });
  visits.push(visitStep(protocol, run.incidentAt, track.visits, to, at, cause));
  return replaceTrack(run, { ...track, visits });
}

function openTrack(
  protocol: ProtocolV2,
  run: ProtocolRun,
  opening: TrackOpening,
  at: number,
  cause: RunEntryCause,
): ProtocolRun | null {
  const id = typeof opening === 'string' ? opening : opening.track;
  const def = protocol.tracks.get(id);
  // A track runs at most once per run: opening an open or finished one changes nothing.
  if (!def || trackRun(run, id) !== undefined) return null;
  const step = typeof opening === 'string' ? def.steps[0]!.id : opening.step;
  const track: TrackRun = {
    track: id,
    openedAt: at,
    visits: [visitStep(protocol, run.incidentAt, [], step, at, cause)],
    endedAt: null,
  };
  return { ...run, tracks: [...run.tracks, track] };
}

/** Takes an action accepted by checkRunAction (throws with the refusal otherwise). */
export function takeAction(
  ctx: RunContext,
  run: ProtocolRun,
  intent: RunIntent,
  actor: RunActor,
  at: number,
): ProtocolRun {
  const problem = checkRunAction(ctx, run, intent, actor);
  if (problem) throw new Error(problem);
  const { step, action, partyMove, party } = resolve(ctx, run, intent, actor) as Resolved;
  const kept: ActionInputs = {};
  for (const input of requiredRunInputs(action, partyMove)) {
    kept[input] = intent.inputs[input]!.trim();
  }
  let track = trackRun(run, intent.track)!;
  if (partyMove && party !== null && isPartyMove(action.id)) {
    const visits = track.visits.slice();
    const visit = visits[visits.length - 1]!;
    const record = { party, move: action.id, at, by: actor.name, inputs: kept };
    visits[visits.length - 1] = { ...visit, moves: [...visit.moves, record] };
    track = { ...track, visits };
  }
  let next = replaceTrack(run, track);
  const opened: string[] = [];
  if (action.next === CLOSE_STEP) {
    next = {
      ...next,
      tracks: next.tracks.map((t) =>
        t.endedAt === null ? { ...t, visits: leave(t.visits, at), endedAt: at } : t,
      ),
      closed: true,
      closedAt: at,
      findings: {
        attribution: kept.attribution!,
        intent: kept.intent!,
        outcome: kept.outcome!,
        evidence: kept.evidence!,
      },
      summary: kept.summary ?? null,
    };
  } else {
    if (action.next !== undefined) {
      const cause: RunEntryCause = { kind: 'action', action: action.id, by: actor.name };
      next = moveTrack(ctx.protocol, next, track, action.next, at, cause);
    }
    for (const opening of action.opens ?? []) {
      const cause: RunEntryCause = {
        kind: 'opened',
        from: intent.track,
        action: action.id,
        by: actor.name,
      };
      const withTrack = openTrack(ctx.protocol, next, opening, at, cause);
      if (withTrack) {
        next = withTrack;
        opened.push(typeof opening === 'string' ? opening : opening.track);
      }
    }
  }
  const taken: TakenAction = {
    track: intent.track,
    step: step.id,
    action: action.id,
    role: actor.role,
    by: actor.name,
    party,
    at,
    inputs: kept,
    to: action.next ?? null,
    opened,
  };
  return { ...next, history: [...next.history, taken] };
}

/** Why an acknowledgement would be refused now, or null. */
export function checkRunAck(
  ctx: RunContext,
  run: ProtocolRun,
  track: string,
  party: string,
  how: string,
  actor: RunActor,
): string | null {
  if (run.closed) return `alert ${run.alertId} is closed: its protocol run accepts nothing more`;
  const visit = currentTrackVisit(run, track);
  if (!visit) return `track "${track}" is not open`;
  const step = stepOf(ctx.protocol, visit.step);
  if (!step || step.acks === undefined) {
    return `step "${visit.step}" does not collect party acknowledgements`;
  }
  const recorder = actor.role === 'operator' || actor.role === 'controller';
  if (!recorder && !(actor.role === 'party' && actor.party === party)) {
    return `${actorNoun(actor)} cannot acknowledge for party ${party}: only party ${party}'s liaison, an operator or a controller can`;
  }
  if (!ackParties(step, ctx.parties).includes(party)) {
    return `party "${party}" is not asked to acknowledge in step "${step.id}"`;
  }
  if (visit.acks.some((a) => a.party === party)) {
    return `party "${party}" has already acknowledged in step "${step.id}"`;
  }
  if (how.trim() === '') {
    return 'say how the acknowledgement was received (e.g. "hotline, duty officer")';
  }
  if (how.length > INPUT_MAX) return `how is longer than ${INPUT_MAX} characters`;
  return null;
}

/** Records a party's acknowledgement in a track's current step (throws if refused). */
export function recordRunAck(
  ctx: RunContext,
  run: ProtocolRun,
  track: string,
  party: string,
  how: string,
  actor: RunActor,
  at: number,
): ProtocolRun {
  const problem = checkRunAck(ctx, run, track, party, how, actor);
  if (problem) throw new Error(problem);
  const t = trackRun(run, track)!;
  const visits = t.visits.slice();
  const visit = visits[visits.length - 1]!;
  const ack: PartyAck = { party, at, how: how.trim(), recordedBy: actor.name };
  visits[visits.length - 1] = { ...visit, acks: [...visit.acks, ack] };
  return replaceTrack(run, { ...t, visits });
}

/** A timer due on a track's current step. */
export interface RunTimer {
  at: number;
  kind: 'deadline-warning' | 'deadline-breach';
  track: string;
}

/** Every timer still due, one per open track (its warning first, then its breach). */
export function dueTimers(run: ProtocolRun): RunTimer[] {
  if (run.closed) return [];
  const timers: RunTimer[] = [];
  for (const { track, visit } of openTracks(run)) {
    if (visit.warnAt !== null && visit.warnedAt === null && visit.breachedAt === null) {
      timers.push({ at: visit.warnAt, kind: 'deadline-warning', track });
    } else if (visit.deadlineAt !== null && visit.breachedAt === null) {
      timers.push({ at: visit.deadlineAt, kind: 'deadline-breach', track });
    }
  }
  return timers;
}

/** The next timer across every track: earliest first, ties in the order tracks were opened. */
export function nextRunTimer(run: ProtocolRun): RunTimer | null {
  let next: RunTimer | null = null;
  for (const timer of dueTimers(run)) if (next === null || timer.at < next.at) next = timer;
  return next;
}

function currentOf(run: ProtocolRun, track: string): TrackRun {
  const t = trackRun(run, track);
  if (run.closed || t === undefined || t.endedAt !== null) {
    throw new Error(`track "${track}" is not open`);
  }
  return t;
}

/** Records that a track's current step reached its warning time. */
export function applyRunWarning(run: ProtocolRun, track: string, at: number): ProtocolRun {
  const t = currentOf(run, track);
  const visits = t.visits.slice();
  visits[visits.length - 1] = { ...visits[visits.length - 1]!, warnedAt: at };
  return replaceTrack(run, { ...t, visits });
}

/** Where a breach of a track's current step escalates to (null: flag only). */
export function runBreachTarget(
  protocol: ProtocolV2,
  run: ProtocolRun,
  track: string,
): string | null {
  const visit = currentTrackVisit(run, track);
  const onDeadline = visit ? stepOf(protocol, visit.step)?.on_deadline : undefined;
  return onDeadline === undefined || onDeadline === FLAG_ONLY ? null : onDeadline;
}

/** Records a track's deadline breach and escalates per `on_deadline` within the track. */
export function applyRunBreach(
  protocol: ProtocolV2,
  run: ProtocolRun,
  track: string,
  at: number,
): ProtocolRun {
  const t = currentOf(run, track);
  const visit = t.visits[t.visits.length - 1]!;
  const visits = t.visits.slice();
  // A breach implies the warning time passed too, even if it was skipped over.
  visits[visits.length - 1] = { ...visit, warnedAt: visit.warnedAt ?? at, breachedAt: at };
  const breached = { ...t, visits };
  const target = runBreachTarget(protocol, run, track);
  const flagged = replaceTrack(run, breached);
  if (target === null) return flagged;
  return moveTrack(protocol, flagged, breached, target, at, { kind: 'deadline', from: visit.step });
}

/** Every breached deadline, per track (a track with none is absent). */
export function runBreaches(
  run: ProtocolRun,
): Record<string, { step: string; deadlineAt: number; breachedAt: number }[]> {
  const result: Record<string, { step: string; deadlineAt: number; breachedAt: number }[]> = {};
  for (const t of run.tracks) {
    const breaches = t.visits
      .filter((v) => v.breachedAt !== null && v.deadlineAt !== null)
      .map((v) => ({ step: v.step, deadlineAt: v.deadlineAt!, breachedAt: v.breachedAt! }));
    if (breaches.length > 0) result[t.track] = breaches;
  }
  return result;
}

/** Moves every open track whose current step says `on_new_event` (a new event joined the incident). */
export function applyRunNewEvent(
  protocol: ProtocolV2,
  run: ProtocolRun,
  eventId: string,
  at: number,
): ProtocolRun {
  if (run.closed) return run;
  let next = run;
  for (const { track, visit } of openTracks(run)) {
    const target = stepOf(protocol, visit.step)?.on_new_event;
    if (target === undefined) continue;
    next = moveTrack(protocol, next, trackRun(next, track)!, target, at, {
      kind: 'new-event',
      eventId,
    });
  }
  return next;
}

/** An action as a walkthrough offers it to one actor. */
export interface OfferedRunAction {
  track: string;
  step: string;
  id: string;
  label: string;
  roles: ProtocolRole[];
  next: string | null;
  opens: string[];
  requires: ProtocolInput[];
  /** Why this actor cannot take it yet regardless of inputs, or null. */
  blockedBy: string | null;
}

/** Every action of every open track's current step, with what blocks this actor. */
export function offeredRunActions(
  ctx: RunContext,
  run: ProtocolRun,
  actor: RunActor,
): OfferedRunAction[] {
  if (run.closed) return [];
  const offered: OfferedRunAction[] = [];
  for (const { track, visit } of openTracks(run)) {
    const step = stepOf(ctx.protocol, visit.step);
    if (!step) continue;
    for (const action of step.actions) {
      const roles = actionRoles(step, action);
      const partyMove = roles.includes('party');
      let blockedBy = roleRefusal(ctx, step, action, {}, actor);
      if (blockedBy === null && action.requires_acks) {
        const missing = missingRunAcks(ctx, run, track);
        if (missing.length > 0)
          blockedBy = `waiting for acknowledgement from ${missing.join(', ')}`;
      }
      for (const move of action.requires_moves ?? []) {
        const missing = missingMoves(ctx, run, track, move);
        if (blockedBy === null && missing.length > 0) {
          blockedBy = `waiting for "${move}" from ${missing.join(', ')}`;
        }
      }
      offered.push({
        track,
        step: step.id,
        id: action.id,
        label: action.label,
        roles,
        next: action.next ?? null,
        opens: (action.opens ?? []).map((o) => (typeof o === 'string' ? o : o.track)),
        requires: requiredRunInputs(action, partyMove),
        blockedBy,
      });
    }
  }
  return offered;
}
