// The one protocol step a queue row shows: version 1's current step, or, for a
// version-2 run, the open track whose deadline falls first (its most urgent
// step), with how many tracks are open.
import type { AlertView } from '../console/view-model';

export interface QueueStep {
  /** The step's id (version 2: of the track due first), '' when none is open. */
  stepId: string;
  /** The step's own title, without the count of other tracks. */
  stepTitle: string;
  title: string;
  /** Where the shown deadline runs from. */
  enteredAt: number;
  deadlineAt: number | null;
  closed: boolean;
}

/** The step a queue row shows for an alert, or null when it is not in the protocol. */
export function queueStepOf(alert: AlertView): QueueStep | null {
  if (alert.protocol !== null) {
    const p = alert.protocol;
    return {
      stepId: p.stepId,
      stepTitle: p.stepTitle,
      title: p.stepTitle,
      enteredAt: p.enteredAt,
      deadlineAt: p.deadlineAt,
      closed: p.closed,
    };
  }
  const run = alert.run;
  if (run === null) return null;
  const open = run.tracks.filter((t) => t.open);
  if (run.closed || open.length === 0) {
    return {
      stepId: '',
      stepTitle: '',
      title: run.closed ? 'closed' : 'no open track',
      enteredAt: 0,
      deadlineAt: null,
      closed: run.closed,
    };
  }
  let first = open[0]!;
  for (const t of open) {
    if (t.deadlineAt !== null && (first.deadlineAt === null || t.deadlineAt < first.deadlineAt))
      first = t;
  }
  const more = open.length > 1 ? ` (+${open.length - 1} tracks)` : '';
  return {
    stepId: first.stepId,
    stepTitle: first.stepTitle,
    title: `${first.stepTitle}${more}`,
    enteredAt: first.deadlineFrom,
    deadlineAt: first.deadlineAt,
    closed: false,
  };
}
