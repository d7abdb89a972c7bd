import { lazy, Suspense, type ComponentType } from 'react';
import type { LoadedScenario } from '../../../shared/scenario/loaded-scenario';
import { useAppState, useAppStore } from './app-context';
import type { Participant } from './app-store';

/** What the shell hands the console (owned by renderer/src/console). */
export interface ConsoleScreenProps {
  scenario: LoadedScenario;
  exerciseId: string;
  participant: Participant;
}

// The console lands in parallel; until its module exists the route says so
// instead of failing the build.
const consoleModules = import.meta.glob<{ ConsoleScreen: ComponentType<ConsoleScreenProps> }>(
  '../console/ConsoleScreen.tsx',
);
const loadConsole = Object.values(consoleModules)[0];
const ConsoleScreen = loadConsole
  ? lazy(async () => ({ default: (await loadConsole()).ConsoleScreen }))
  : null;

export function ConsoleRoute() {
  const store = useAppStore();
  const active = useAppState((s) => s.active);
  const exerciseId = useAppState((s) => s.exerciseId);
  const participant = useAppState((s) => s.participant);
  const restoring = useAppState((s) => s.restoring);
  if (restoring && !exerciseId) {
    return (
      <p className="muted" role="status">
        Reopening the exercise this window had open: loading its scenario…
      </p>
    );
  }
  if (!active || !exerciseId || !participant) {
    return (
      <section className="panel empty-route">
        <h1>Console</h1>
        <p>No exercise is running. Start or resume one from the Library.</p>
        <button type="button" className="primary" onClick={() => store.setScreen('library')}>
          Go to the Library
        </button>
      </section>
    );
  }
  if (!ConsoleScreen) {
    return (
      <section className="panel empty-route">
        <h1>Console</h1>
        <p>
          Exercise <code>{exerciseId}</code> on “{active.scenario.title}” is ready, but this build
          has no console module.
        </p>
      </section>
    );
  }
  return (
    <Suspense fallback={<p className="muted">Opening the console…</p>}>
      <ConsoleScreen scenario={active.scenario} exerciseId={exerciseId} participant={participant} />
    </Suspense>
  );
}
