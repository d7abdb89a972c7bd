// Runs a whole exercise without a UI: the clock runs from start to the end
// (or `until`), the policy acts as it would at the console, and every entry
// goes to the given log.
import type { AuditLogWriter } from '../audit/writer';
import type { ExerciseEngine } from './exercise-engine';
import { createExercise } from './exercise-session';
import type { ExerciseSetup } from './exercise-setup';
import type { ExercisePolicy } from './auto-operator';

export interface HeadlessOptions {
  setup: ExerciseSetup;
  log: AuditLogWriter;
  policy: ExercisePolicy;
  /** Exercise time (epoch ms) to stop at; defaults to the scenario end. */
  until?: number;
}

/** Plays an exercise to its end with a policy; returns the ended engine. */
export async function runHeadlessExercise(options: HeadlessOptions): Promise<ExerciseEngine> {
  const { setup, log, policy } = options;
  const end = setup.scenario.end;
  const limit = Math.min(options.until ?? end, end);
  if (limit < setup.scenario.start) {
    throw new Error(`--until ${new Date(limit).toISOString()} is before the scenario start`);
  }
  const engine = await createExercise(setup, log, policy.actor);
  await engine.play(policy.actor);
  for (let guard = 0; ; guard += 1) {
    if (guard > 5_000_000) throw new Error('headless exercise did not settle (policy loop)');
    const plan = policy.next(engine);
    const upcoming = [engine.nextEventAt(), engine.nextTimerAt()].filter(
      (t): t is number => t !== null,
    );
    const system = upcoming.length > 0 ? Math.min(...upcoming) : null;
    // Whatever the clock brings first is shown first; the operator then re-plans.
    if (system !== null && system <= limit && (plan === null || system <= plan.at)) {
      await engine.advanceTo(system);
      continue;
    }
    if (plan === null || plan.at > limit) break;
    await engine.advanceTo(plan.at);
    await plan.run(engine);
  }
  await engine.advanceTo(limit);
  if (engine.playing)
    await engine.pause(limit < end ? 'stopped at --until' : 'scenario end', policy.actor);
  await engine.end(
    limit < end ? `stopped at ${new Date(limit).toISOString()}` : 'scenario end reached',
    policy.actor,
  );
  return engine;
}
