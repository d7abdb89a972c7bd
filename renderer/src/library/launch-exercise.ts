// Starting an exercise from the Library: a fresh exercise id, the scenario made
// active, and the participant recorded, then the Console takes over.
import type { ActiveScenario, AppStore, Participant } from '../app/app-store';

/** A new exercise id: sortable by creation time, unique on this installation. */
export function newExerciseId(now = Date.now()): string {
  const random = crypto.getRandomValues(new Uint8Array(6));
  const suffix = Array.from(random, (b) => b.toString(16).padStart(2, '0')).join('');
  return `ex-${now.toString(36)}-${suffix}`;
}

/** Makes the scenario active with a new exercise and opens the Console. */
export async function launchExercise(
  app: AppStore,
  active: ActiveScenario,
  participant: Participant,
): Promise<string> {
  const exerciseId = newExerciseId();
  app.setActiveScenario(active);
  app.startExercise(exerciseId, participant);
  app.setScreen('console');
  return exerciseId;
}

/** Makes the scenario active with an existing exercise and opens the Console, which replays its log. */
export function resumeExercise(
  app: AppStore,
  active: ActiveScenario,
  exerciseId: string,
  participant: Participant,
): void {
  app.setActiveScenario(active);
  app.startExercise(exerciseId, participant);
  app.setScreen('console');
}
