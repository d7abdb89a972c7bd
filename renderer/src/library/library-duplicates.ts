// A scenario is the same scenario when its content hash is the same, whatever the folder or
// file name it came in under: the Library lists it once and stores it once.
import type { LibraryCard } from './library-store';

/**
 * The card that already holds the scenario with this content hash: a loaded card (bundled or
 * imported) whose scenario has it, or an imported card still loading under it (its key is
 * the hash). A card that failed to load is no duplicate: importing again repairs it.
 */
export function findCardWithHash(
  cards: readonly LibraryCard[],
  hash: string,
): LibraryCard | undefined {
  return cards.find((card) =>
    card.state.status === 'ready'
      ? card.state.scenario.hash === hash
      : card.state.status === 'loading' && card.key === `imported:${hash}`,
  );
}
