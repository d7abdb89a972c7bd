// A version-2 protocol run as a walkthrough shows it (docs/ESCALATION-PROTOCOL.md,
// "Version 2"): every track the run has opened, each with its current step,
// who acts there, its deadline, the actions offered to the viewing actor and
// its history. Plain data (no Maps), so it crosses the engine worker as is.
import type { Party } from '../scenario/schema';
import {
  currentTrackVisit,
  entryPromptApplies,
  missingRunAcks,
  offeredRunActions,
  type Findings,
  type OfferedRunAction,
  type ProtocolRun,
  type RunActor,
  type RunContext,
  type RunEntryCause,
} from '../protocol/protocol-run';
import type { PartyAck } from '../protocol/protocol-state';
import {
  CLOSE_STEP,
  DONE_STEP,
  actionRoles,
  type PartyMove,
  type ProtocolRole,
} from '../protocol/schema';

/** Where a track's current deadline stands at the exercise time given. */
export type RunDeadlineStatus = 'none' | 'running' | 'warning' | 'breached';

/** One stay of a track in one step. */
export interface RunHistoryItem {
  stepId: string;
  stepTitle: string;
  enteredAt: number;
  leftAt: number | null;
  /** Why the step was entered, readable as is. */
  reason: string;
  /** Who moved the track there ("system" for automatic moves). */
  actor: string;
  breachedAt: number | null;
}

/** A party's move recorded in a track's current step. */
export interface RunMoveItem {
  party: string;
  partyName: string;
  move: PartyMove;
  at: number;
  by: string;
  inputs: Readonly<Record<string, string>>;
}

/** One track of a run as a walkthrough column shows it. */
export interface RunTrackStatus {
  track: string;
  title: string;
  /** False once the track finished ("done") or the run closed. */
  open: boolean;
  endedAt: number | null;
  /** The current step (an open track), or the last one it was in. */
  stepId: string;
  stepTitle: string;
  instructions: string;
  /** Who acts in the step: the step's roles and its actions' own, in declaration order. */
  roles: ProtocolRole[];
  enteredAt: number;
  /** Where the deadline runs from: entering the step, or the incident's first event. */
  deadlineFrom: number;
  deadlineAt: number | null;
  deadlineStatus: RunDeadlineStatus;
  /** Parties asked to acknowledge in the step, with their acknowledgement once given. */
  acks: { partyId: string; partyName: string; ack: PartyAck | null }[];
  /** Party moves made in the current visit of the step. */
  moves: RunMoveItem[];
  /** The step's actions as offered to the viewing actor (none once the track ended). */
  actions: OfferedRunAction[];
  history: RunHistoryItem[];
}

/** A version-2 run: its tracks in the order they opened, and how it closed. */
export interface RunStatus {
  incidentAt: number;
  /** The entry step the incident's changed bands name, while it still applies; else null. */
  entryPrompt: {
    target: string;
    targetTitle: string;
    track: string;
    trackTitle: string;
    gravity: string;
    certainty: string;
  } | null;
  tracks: RunTrackStatus[];
  closed: boolean;
  closedAt: number | null;
  findings: Findings | null;
  summary: string | null;
}

function titleOf(ctx: RunContext, step: string): string {
  if (step === CLOSE_STEP) return 'Closed';
  if (step === DONE_STEP) return 'Done';
  return ctx.protocol.steps.get(step)?.step.title ?? step;
}

function labelOf(ctx: RunContext, step: string, action: string): string {
  return ctx.protocol.steps.get(step)?.step.actions.find((a) => a.id === action)?.label ?? action;
}

function describeRunCause(
  ctx: RunContext,
  cause: RunEntryCause,
  previousStep: string | null,
): { reason: string; actor: string } {
  switch (cause.kind) {
    case 'entry':
      return { reason: `entry (${cause.gravity}, ${cause.certainty})`, actor: 'system' };
    case 'manual':
      return { reason: 'protocol started by hand', actor: cause.by };
    case 'action': {
      const label = previousStep === null ? cause.action : labelOf(ctx, previousStep, cause.action);
      return { reason: `action: ${label}`, actor: cause.by };
    }
    case 'opened':
      return { reason: `opened by "${cause.action}" in ${cause.from}`, actor: cause.by };
    case 'deadline':
      return { reason: `deadline breach in ${titleOf(ctx, cause.from)}`, actor: 'system' };
    case 'new-event':
      return { reason: `new event ${cause.eventId}`, actor: 'system' };
    case 'entry-jump':
      return {
        reason: `entry for the new bands (${cause.gravity}, ${cause.certainty}), prompt accepted`,
        actor: cause.by,
      };
  }
}

/** Where a track's deadline stands at `now` (a finished track has none). */
export function deadlineStatusAt(
  visit: {
    deadlineAt: number | null;
    warnAt: number | null;
    warnedAt: number | null;
    breachedAt: number | null;
  },
  open: boolean,
  now: number,
): RunDeadlineStatus {
  if (!open || visit.deadlineAt === null) return 'none';
  if (visit.breachedAt !== null || now >= visit.deadlineAt) return 'breached';
  if (visit.warnedAt !== null || (visit.warnAt !== null && now >= visit.warnAt)) return 'warning';
  return 'running';
}

function uniqueRoles(roles: ProtocolRole[]): ProtocolRole[] {
  return [...new Set(roles)];
}

/** The status of a run for one viewing actor at exercise time `now`. */
export function runStatus(
  ctx: RunContext,
  run: ProtocolRun,
  actor: RunActor,
  now: number,
): RunStatus {
  const offered = offeredRunActions(ctx, run, actor);
  const nameOf = (id: string) => partyNameOf(ctx.parties, id);
  const tracks = run.tracks.map((t): RunTrackStatus => {
    const open = t.endedAt === null;
    const visit = t.visits[t.visits.length - 1]!;
    const place = ctx.protocol.steps.get(visit.step);
    const step = place?.step;
    const roles = step
      ? uniqueRoles([
          ...(step.role === undefined ? [] : Array.isArray(step.role) ? step.role : [step.role]),
          ...step.actions.flatMap((a) => actionRoles(step, a)),
        ])
      : [];
    const asked = open && currentTrackVisit(run, t.track) ? ackedOrMissing(ctx, run, t.track) : [];
    return {
      track: t.track,
      title: ctx.protocol.tracks.get(t.track)?.title ?? t.track,
      open,
      endedAt: t.endedAt,
      stepId: visit.step,
      stepTitle: titleOf(ctx, visit.step),
      instructions: step?.instructions ?? '',
      roles,
      enteredAt: visit.enteredAt,
      deadlineFrom: step?.deadline_from === 'incident' ? run.incidentAt : visit.enteredAt,
      deadlineAt: visit.deadlineAt,
      deadlineStatus: deadlineStatusAt(visit, open, now),
      acks: asked.map((partyId) => ({
        partyId,
        partyName: nameOf(partyId),
        ack: visit.acks.find((a) => a.party === partyId) ?? null,
      })),
      moves: visit.moves.map((m) => ({
        party: m.party,
        partyName: nameOf(m.party),
        move: m.move,
        at: m.at,
        by: m.by,
        inputs: { ...m.inputs } as Record<string, string>,
      })),
      actions: open ? offered.filter((a) => a.track === t.track) : [],
      history: t.visits.map((v, i) => ({
        stepId: v.step,
        stepTitle: titleOf(ctx, v.step),
        enteredAt: v.enteredAt,
        leftAt: v.leftAt,
        ...describeRunCause(ctx, v.cause, i > 0 ? t.visits[i - 1]!.step : null),
        breachedAt: v.breachedAt,
      })),
    };
  });
  const prompt = run.entryPrompt ?? null;
  const place = prompt ? ctx.protocol.steps.get(prompt.target) : undefined;
  return {
    incidentAt: run.incidentAt,
    entryPrompt:
      prompt && place && entryPromptApplies(ctx.protocol, run, null, prompt.target)
        ? {
            target: prompt.target,
            targetTitle: place.step.title,
            track: place.track,
            trackTitle: ctx.protocol.tracks.get(place.track)?.title ?? place.track,
            gravity: prompt.gravity,
            certainty: prompt.certainty,
          }
        : null,
    tracks,
    closed: run.closed,
    closedAt: run.closedAt,
    findings: run.findings,
    summary: run.summary,
  };
}

/** The status again at a later clock time: only the deadlines can have turned; same object if none did. */
export function runStatusAt(status: RunStatus, run: ProtocolRun, now: number): RunStatus {
  const turned = run.tracks.map((t) =>
    deadlineStatusAt(t.visits[t.visits.length - 1]!, t.endedAt === null, now),
  );
  if (turned.every((d, i) => d === status.tracks[i]!.deadlineStatus)) return status;
  return {
    ...status,
    tracks: status.tracks.map((t, i) => ({ ...t, deadlineStatus: turned[i]! })),
  };
}

/** Every party the track's current step asks to acknowledge (acknowledged or not). */
function ackedOrMissing(ctx: RunContext, run: ProtocolRun, track: string): string[] {
  const visit = currentTrackVisit(run, track)!;
  const missing = missingRunAcks(ctx, run, track);
  const acked = new Set(visit.acks.map((a) => a.party));
  // In the scenario's order of parties, acknowledged or not.
  return ctx.parties.map((p) => p.id).filter((id) => acked.has(id) || missing.includes(id));
}

/** A party's display name (its id when the scenario names none). */
export function partyNameOf(parties: readonly Party[], id: string): string {
  return parties.find((p) => p.id === id)?.name ?? `Party ${id}`;
}
