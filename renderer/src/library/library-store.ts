// What the Library shows, kept outside React so it survives navigating away:
// the bundled and imported scenarios with their load state, and the result of
// the last import.
import type { LoadedScenario } from '../../../shared/scenario/loaded-scenario';
import type { ScenarioOrigin } from '../app/app-store';
import type { ScenarioSummary } from './scenario-summary';

export interface LoadProgressView {
  label: string;
  /** 0..1, null when unknown. */
  value: number | null;
  detail?: string;
}

export type CardState =
  | { status: 'loading'; progress: LoadProgressView }
  | {
      status: 'ready';
      scenario: LoadedScenario;
      summary: ScenarioSummary;
      warnings: string[];
    }
  | { status: 'failed'; errors: string[]; warnings: string[] };

export interface LibraryCard {
  key: string;
  origin: ScenarioOrigin;
  /** Folder or file name, shown while loading or when loading failed. */
  label: string;
  state: CardState;
}

export type ImportResult =
  | { status: 'working'; name: string; progress: LoadProgressView }
  | { status: 'failed'; name: string; headline: string; errors: string[]; warnings: string[] }
  | {
      status: 'scenario-added';
      name: string;
      cardKey: string;
      warnings: string[];
      /** False when storage failed and the scenario is listed for this session only. */
      stored: boolean;
    }
  | {
      status: 'feed-checked';
      name: string;
      events: number;
      warnings: string[];
      /** The feed as NDJSON (UCDP imports), offered for saving. */
      ndjson?: string;
      detail?: string;
    };

export interface LibraryState {
  cards: LibraryCard[];
  indexError: string | null;
  importResult: ImportResult | null;
  /** Scenario sources (bundled, imported) still being listed and loaded. */
  sourcesPending: number;
}

export interface LibraryStore {
  getState(): LibraryState;
  subscribe(listener: () => void): () => void;
  upsertCard(card: LibraryCard): void;
  updateCard(key: string, state: CardState): void;
  removeCard(key: string): void;
  setIndexError(message: string | null): void;
  setImportResult(result: ImportResult | null): void;
  /** Marks a source of scenarios as loading (+1) or finished (-1). */
  trackSource(delta: 1 | -1): void;
}

export function createLibraryStore(): LibraryStore {
  let state: LibraryState = { cards: [], indexError: null, importResult: null, sourcesPending: 0 };
  const listeners = new Set<() => void>();
  const set = (next: LibraryState): void => {
    state = next;
    for (const listener of listeners) listener();
  };
  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    upsertCard(card) {
      const at = state.cards.findIndex((c) => c.key === card.key);
      const cards = [...state.cards];
      if (at >= 0) cards[at] = card;
      else cards.push(card);
      set({ ...state, cards });
    },
    updateCard(key, cardState) {
      set({
        ...state,
        cards: state.cards.map((c) => (c.key === key ? { ...c, state: cardState } : c)),
      });
    },
    removeCard(key) {
      set({ ...state, cards: state.cards.filter((c) => c.key !== key) });
    },
    setIndexError: (indexError) => set({ ...state, indexError }),
    setImportResult: (importResult) => set({ ...state, importResult }),
    trackSource: (delta) => set({ ...state, sourcesPending: state.sourcesPending + delta }),
  };
}
