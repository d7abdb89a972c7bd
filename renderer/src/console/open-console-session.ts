// Opens an exercise for the console: the exercise engine resumed from the
// audit log, adapted to the console's view model.
import type { LoadedScenario } from '../../../shared/scenario/loaded-scenario';
import type { ConsoleSession } from './view-model';

export interface OpenConsoleSessionInput {
  scenario: LoadedScenario;
  exerciseId: string;
  participant: { name: string; role: 'operator' | 'controller' };
}

/** Resumes the exercise from its log and returns the console's session. */
export async function openConsoleSession(input: OpenConsoleSessionInput): Promise<ConsoleSession> {
  throw new Error(
    `exercise ${input.exerciseId}: this build has no exercise engine yet (shared/exercise), so the console cannot run it`,
  );
}
