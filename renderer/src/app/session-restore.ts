// A reload (or a crash and reopen) returns to the running exercise: the tab
// remembers which exercise, participant and scenario were active, and once
// the Library has loaded that scenario again the Console picks up from the log.
// sessionStorage is per tab, so a second window does not grab the same exercise.
import type { LibraryStore } from '../library/library-store';
import type { AppStore, Participant } from './app-store';

const KEY = 'truceline-session';

interface SavedSession {
  exerciseId: string;
  participant: Participant;
  scenarioHash: string;
}

function readSaved(storage: Storage): SavedSession | null {
  try {
    // Whatever is in storage is only a guess at a session until every field is checked.
    const saved = JSON.parse(storage.getItem(KEY) ?? 'null') as {
      exerciseId?: unknown;
      scenarioHash?: unknown;
      participant?: { name?: unknown; role?: unknown } | null;
    } | null;
    if (
      saved &&
      typeof saved.exerciseId === 'string' &&
      typeof saved.scenarioHash === 'string' &&
      saved.participant &&
      typeof saved.participant.name === 'string' &&
      (saved.participant.role === 'operator' || saved.participant.role === 'controller')
    ) {
      return saved as SavedSession;
    }
  } catch {
    // A damaged entry is dropped below.
  }
  storage.removeItem(KEY);
  return null;
}

/** Restores the saved exercise when its scenario is loaded, and saves every change; returns the unsubscribe. */
export function bindSessionRestore(
  app: AppStore,
  library: LibraryStore,
  storage: Storage = sessionStorage,
): () => void {
  let pending = readSaved(storage);
  const tryRestore = (): void => {
    if (!pending) return;
    const { cards, sourcesPending } = library.getState();
    const match = cards.find(
      (c) => c.state.status === 'ready' && c.state.scenario.hash === pending!.scenarioHash,
    );
    if (match && match.state.status === 'ready') {
      const { exerciseId, participant } = pending;
      pending = null;
      app.setRestoring(false);
      if (app.getState().exerciseId === null) {
        app.setActiveScenario({ scenario: match.state.scenario, origin: match.origin });
        app.startExercise(exerciseId, participant);
      }
    } else if (sourcesPending === 0 && cards.every((c) => c.state.status !== 'loading')) {
      pending = null;
      storage.removeItem(KEY);
      app.setRestoring(false);
    }
  };
  const save = (): void => {
    const { exerciseId, participant, active } = app.getState();
    if (exerciseId && participant && active) {
      const saved: SavedSession = { exerciseId, participant, scenarioHash: active.scenario.hash };
      storage.setItem(KEY, JSON.stringify(saved));
    } else if (!pending) {
      storage.removeItem(KEY);
    }
  };
  if (pending) app.setRestoring(true);
  const offLibrary = library.subscribe(tryRestore);
  const offApp = app.subscribe(save);
  tryRestore();
  return () => {
    offLibrary();
    offApp();
  };
}
