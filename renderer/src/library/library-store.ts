// What the Library shows, kept outside React so it survives navigating away:
// the bundled and imported scenarios with their load state, and the result of
// the last import.
import type { LoadedScenario } from '../../../shared/scenario/loaded-scenario';
import type { ScenarioOrigin } from '../app/app-store';
import type { ScenarioSummary } from './scenario-summary';
import { createValueStore } from '../ui/value-store';

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
      /** The same content hash is already listed: nothing was stored or added. */
      status: 'already-in-library';
      name: string;
      cardKey: string;
      /** What the existing card is called. */
      title: string;
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
  /**
   * The card to bring into view and select ("open it" after a duplicate import), if any;
   * `request` counts the asks, so asking again for the same card scrolls to it again.
   */
  selectedCard: { key: string; request: number } | null;
}

export interface LibraryStore {
  getState(): LibraryState;
  subscribe(listener: () => void): () => void;
  upsertCard(card: LibraryCard): void;
  updateCard(key: string, state: CardState): void;
  removeCard(key: string): void;
  setIndexError(message: string | null): void;
  setImportResult(result: ImportResult | null): void;
  selectCard(key: string | null): void;
  /** Marks a source of scenarios as loading (+1) or finished (-1). */
  trackSource(delta: 1 | -1): void;
}

export function createLibraryStore(): LibraryStore {
  const store = createValueStore<LibraryState>({
    cards: [],
    indexError: null,
    importResult: null,
    sourcesPending: 0,
    selectedCard: null,
  });
  const patch = (change: (state: LibraryState) => Partial<LibraryState>): void =>
    store.set((state) => ({ ...state, ...change(state) }));
  return {
    getState: store.get,
    subscribe: store.subscribe,
    upsertCard(card) {
      patch(({ cards }) => {
        const at = cards.findIndex((c) => c.key === card.key);
        return { cards: at >= 0 ? cards.with(at, card) : [...cards, card] };
      });
    },
    updateCard(key, cardState) {
      patch(({ cards }) => ({
        cards: cards.map((c) => (c.key === key ? { ...c, state: cardState } : c)),
      }));
    },
    removeCard(key) {
      patch(({ cards }) => ({ cards: cards.filter((c) => c.key !== key) }));
    },
    setIndexError: (indexError) => patch(() => ({ indexError })),
    setImportResult: (importResult) => patch(() => ({ importResult })),
    selectCard: (key) =>
      patch(({ selectedCard }) => ({
        selectedCard: key === null ? null : { key, request: (selectedCard?.request ?? 0) + 1 },
      })),
    trackSource: (delta) =>
      patch(({ sourcesPending }) => ({ sourcesPending: sourcesPending + delta })),
  };
}
