// Removing an imported scenario from the Library: the card goes only once
// storage has forgotten it; a storage failure keeps the card and says why,
// rather than an unhandled rejection and a removal the next start undoes.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { removeImportedScenario } from '../../../renderer/src/library/library-actions';
import { createLibraryStore } from '../../../renderer/src/library/library-store';

function storeWithCard() {
  const store = createLibraryStore();
  store.upsertCard({
    key: 'imported:abc',
    origin: { kind: 'imported', key: 'imported:abc' },
    label: 'Border week',
    state: { status: 'failed', errors: [], warnings: [] },
  });
  return store;
}

describe('removing an imported scenario', () => {
  it('drops the card once storage has forgotten the scenario', async () => {
    const store = storeWithCard();
    const forgotten: string[] = [];
    await removeImportedScenario(store, 'imported:abc', (id) => {
      forgotten.push(id);
      return Promise.resolve();
    });
    expect(forgotten).toEqual(['abc']);
    expect(store.getState().cards).toEqual([]);
  });

  it('keeps the card and names the failure when storage refuses', async () => {
    const store = storeWithCard();
    await expect(
      removeImportedScenario(store, 'imported:abc', () =>
        Promise.reject(new Error('QuotaExceededError')),
      ),
    ).resolves.toBeUndefined();
    expect(store.getState().cards.map((c) => c.key)).toEqual(['imported:abc']);
    expect(store.getState().indexError).toBe(
      'Border week could not be removed (storage failed: QuotaExceededError); it stays in the library',
    );
  });
});
