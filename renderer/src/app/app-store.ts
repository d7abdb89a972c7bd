// The app-level state every screen reads: where we are, which scenario and which
// exercise are active. A tiny external store so components subscribe through
// useSyncExternalStore and re-render only for the slice they select.
import type { LoadedScenario } from '../../../shared/scenario/loaded-scenario';
import { createValueStore } from '../ui/value-store';

export const SCREENS = ['library', 'console', 'log', 'audit', 'report'] as const;
export type Screen = (typeof SCREENS)[number];

export const SCREEN_LABELS: Record<Screen, string> = {
  library: 'Library',
  console: 'Console',
  log: 'Log',
  audit: 'Audit',
  report: 'Report',
};

export type ParticipantRole = 'operator' | 'controller';

export interface Participant {
  name: string;
  role: ParticipantRole;
  /**
   * The built-in protocol format a new exercise runs when its scenario has
   * none (the start dialog's choice; absent: the app's default). Ignored when
   * the exercise's log already exists: it replays on what it recorded.
   */
  protocolFormat?: 1 | 2;
}

/** Where the active scenario came from, so it can be loaded again on resume. */
export type ScenarioOrigin =
  { kind: 'bundled'; sampleId: string } | { kind: 'imported'; key: string };

export interface ActiveScenario {
  scenario: LoadedScenario;
  origin: ScenarioOrigin;
}

export interface AppState {
  screen: Screen;
  active: ActiveScenario | null;
  exerciseId: string | null;
  participant: Participant | null;
  aboutOpen: boolean;
  /** A reload is bringing back the exercise this tab had open. */
  restoring: boolean;
  /**
   * The alert selected in the console: kept here, not in the console, so that
   * going to the Log or Report and back finds it still selected. Cleared when
   * another exercise starts.
   */
  selectedAlertId: string | null;
}

export interface AppStore {
  getState(): AppState;
  subscribe(listener: () => void): () => void;
  setScreen(screen: Screen): void;
  /** Activates a scenario; a different scenario ends the link to the previous exercise. */
  setActiveScenario(active: ActiveScenario | null): void;
  startExercise(exerciseId: string, participant: Participant): void;
  setAboutOpen(open: boolean): void;
  setRestoring(restoring: boolean): void;
  /** Selects an alert of the running exercise (null: none). Stable: usable as a handler. */
  selectAlert(alertId: string | null): void;
}

export const INITIAL_APP_STATE: AppState = {
  screen: 'library',
  active: null,
  exerciseId: null,
  participant: null,
  aboutOpen: false,
  restoring: false,
  selectedAlertId: null,
};

export function createAppStore(initial: Partial<AppState> = {}): AppStore {
  const store = createValueStore<AppState>({ ...INITIAL_APP_STATE, ...initial });
  // A patch that changes nothing keeps the same state object: no listener runs.
  const update = (patch: Partial<AppState>): void =>
    store.set((state) =>
      (Object.keys(patch) as (keyof AppState)[]).some((k) => patch[k] !== state[k])
        ? { ...state, ...patch }
        : state,
    );
  return {
    getState: store.get,
    subscribe: store.subscribe,
    setScreen: (screen) => update({ screen }),
    setActiveScenario(active) {
      const sameScenario = active?.scenario.hash === store.get().active?.scenario.hash;
      update(
        sameScenario
          ? { active }
          : { active, exerciseId: null, participant: null, selectedAlertId: null },
      );
    },
    startExercise(exerciseId, participant) {
      // Another exercise's alert ids mean other alerts: its selection does not carry over.
      const same = exerciseId === store.get().exerciseId;
      update(
        same ? { exerciseId, participant } : { exerciseId, participant, selectedAlertId: null },
      );
    },
    setAboutOpen: (aboutOpen) => update({ aboutOpen }),
    setRestoring: (restoring) => update({ restoring }),
    selectAlert: (selectedAlertId) => update({ selectedAlertId }),
  };
}
