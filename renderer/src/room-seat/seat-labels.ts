// Words for a seat's state (docs/ROOMS.md, "A seat in the browser"): what the
// status bar says for each state, and what each role may write.
import type { SeatAssignment, SeatEntry } from '../../../shared/room/seat-roles';
import { readable } from '../../../shared/room/seat-roles';
import { summarizeEntry } from '../../../shared/audit';
import { INTENT_ROLES } from '../../../shared/room/room-intents';
import type { SeatSnapshot } from './seat-session';

export interface StatusLine {
  /** A stable word for tests and styles. */
  state: string;
  text: string;
  tone: 'ok' | 'warn' | 'danger' | 'muted';
}

export function statusLine(s: SeatSnapshot): StatusLine {
  switch (s.status) {
    case 'connecting':
      return { state: 'connecting', text: 'Connecting to the room…', tone: 'muted' };
    case 'pending':
      return {
        state: 'pending',
        text: 'Waiting for the host’s approval — read-only',
        tone: 'warn',
      };
    case 'connected':
      return s.behind > 0
        ? {
            state: 'catching-up',
            text: `Catching up — ${s.behind} ${s.behind === 1 ? 'entry' : 'entries'} behind`,
            tone: 'warn',
          }
        : { state: 'connected', text: 'Connected', tone: 'ok' };
    case 'offline':
      return {
        state: 'offline',
        text: `Offline — read-only${s.problem ? ` (${s.problem}); dialling again` : '; dialling'}`,
        tone: 'warn',
      };
    case 'closed':
      return { state: 'closed', text: 'Room closed — read-only', tone: 'muted' };
    case 'refused':
      return {
        state: 'refused',
        text: `Refused by the host: ${s.problem ?? 'no reason given'}`,
        tone: 'danger',
      };
    case 'broken':
      return {
        state: 'broken',
        text: `Copy broken — ${s.problem ?? 'the chain does not verify'}`,
        tone: 'danger',
      };
  }
}

export function roleLabel(assignment: SeatAssignment): string {
  switch (assignment.role) {
    case 'party':
      return `party liaison (${assignment.parties.join(', ')})`;
    case 'operator':
      return 'operator';
    case 'controller':
      return 'controller';
    case 'evaluator':
      return 'evaluator';
    case 'observer':
      return 'observer';
  }
}

/** Whether the role the host fixed may write notes (the room's one table of permissions). */
export function mayWriteNotes(assignment: SeatAssignment | null): boolean {
  return assignment !== null && INTENT_ROLES.note.includes(assignment.role);
}

/** A row of the copy as the seat's table shows it. */
export interface CopyRow {
  seq: number;
  hash: string;
  time: string | null;
  kind: string | null;
  actor: string | null;
  role: string | null;
  summary: string;
}

export function copyRow(entry: SeatEntry): CopyRow {
  const full = readable(entry);
  if (!full) {
    return {
      seq: entry.seq,
      hash: entry.hash,
      time: null,
      kind: null,
      actor: null,
      role: null,
      summary: 'not for your role',
    };
  }
  return {
    seq: full.seq,
    hash: full.hash,
    time: full.exercise_time ?? full.wall_time,
    kind: full.kind,
    actor: full.actor,
    role: full.role,
    summary: summarizeEntry(full),
  };
}
