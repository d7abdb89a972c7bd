import { lazy, Suspense } from 'react';
import { useAppState, useAppStore } from './app-context';

// The console pulls in the engine, map and charts: loaded when first opened.
const ConsoleScreen = lazy(async () => ({
  default: (await import('../console/ConsoleScreen')).ConsoleScreen,
}));

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
  return (
    <Suspense fallback={<p className="muted">Opening the console…</p>}>
      <ConsoleScreen scenario={active.scenario} exerciseId={exerciseId} participant={participant} />
    </Suspense>
  );
}
