// What the after-action report reads of protocol-version-2 runs (several
// tracks per incident): how an incident was handled, where it ended, and the
// per-step figures, counted over every track's visits. The definitions are
// version 1's (after-action-report.ts), read per track.
import type { ExerciseEngine } from '../exercise/exercise-engine';
import type { ProtocolRun } from '../protocol/protocol-run';
import { CLOSE_STEP } from '../protocol/schema';
import { summarizeDurations } from './summary-stats';
import type { AlertHandling, StepFigures } from './after-action-report';

/** Steps of the built-in version-2 protocol that put an incident before the parties. */
const ESCALATION_STEPS = new Set(['convene', 'convene-on-request', 'meeting', 'refer']);

/** Escalated: a step collecting acks or a consultation step was reached; else recorded (closed as "violation recorded"), closed, or not. */
export function runHandling(engine: ExerciseEngine, run: ProtocolRun | undefined): AlertHandling {
  if (!run) return 'not-handled';
  const steps = engine.runCtx!.protocol.steps;
  const escalated = run.tracks.some((t) =>
    t.visits.some(
      (v) => ESCALATION_STEPS.has(v.step) || steps.get(v.step)?.step.acks !== undefined,
    ),
  );
  if (escalated) return 'escalated';
  if (run.closed && run.findings?.outcome === 'violation-recorded') return 'recorded';
  return run.closed ? 'dismissed' : 'in-progress';
}

/** `close` for a closed run, else the current step of the track opened last that is still open. */
export function runFinalStep(run: ProtocolRun): string {
  if (run.closed) return CLOSE_STEP;
  const open = run.tracks.filter((t) => t.endedAt === null);
  const track = open[open.length - 1] ?? run.tracks[run.tracks.length - 1]!;
  return track.visits[track.visits.length - 1]!.step;
}

/** Per step of every track, in document order: visits, deadlines met, breached, open. */
export function runStepFigures(engine: ExerciseEngine): StepFigures[] {
  const protocol = engine.runCtx!.protocol;
  const runs = [...engine.runs().values(), ...engine.supersededProtocolRuns().values()];
  const visits = runs.flatMap((run) => run.tracks.flatMap((t) => t.visits));
  return protocol.document.tracks.flatMap((track) =>
    track.steps.map((step) => {
      const mine = visits.filter((v) => v.step === step.id);
      const timed = mine.filter((v) => v.deadlineAt !== null);
      return {
        step: step.id,
        title: step.title,
        visits: mine.length,
        deadline_min: step.deadline_min ?? null,
        deadlines_met: timed.filter((v) => v.breachedAt === null && v.leftAt !== null).length,
        deadlines_breached: timed.filter((v) => v.breachedAt !== null).length,
        deadlines_open: timed.filter((v) => v.breachedAt === null && v.leftAt === null).length,
        time_in_step: summarizeDurations(mine.map((v) => (v.leftAt ?? engine.now) - v.enteredAt)),
      };
    }),
  );
}
