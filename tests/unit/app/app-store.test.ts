import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../renderer/src/app/app-store';
import { hashForScreen, screenFromHash } from '../../../renderer/src/app/hash-route';
import type { LoadedScenario } from '../../../shared/scenario/loaded-scenario';

const scenario = (hash: string) => ({ hash, title: hash }) as unknown as LoadedScenario;

describe('app store', () => {
  it('notifies subscribers only when something changed', () => {
    const store = createAppStore();
    let calls = 0;
    store.subscribe(() => (calls += 1));
    store.setScreen('library');
    expect(calls).toBe(0);
    store.setScreen('log');
    expect(calls).toBe(1);
    expect(store.getState().screen).toBe('log');
  });

  it('forgets the exercise when a different scenario becomes active, keeps it for the same one', () => {
    const store = createAppStore();
    store.setActiveScenario({
      scenario: scenario('aaa'),
      origin: { kind: 'bundled', sampleId: 'x' },
    });
    store.startExercise('ex-1', { name: 'Ana', role: 'operator' });
    store.setActiveScenario({
      scenario: scenario('aaa'),
      origin: { kind: 'bundled', sampleId: 'x' },
    });
    expect(store.getState().exerciseId).toBe('ex-1');
    store.setActiveScenario({
      scenario: scenario('bbb'),
      origin: { kind: 'bundled', sampleId: 'y' },
    });
    expect(store.getState().exerciseId).toBeNull();
    expect(store.getState().participant).toBeNull();
  });
});

describe('selected alert', () => {
  const origin = { kind: 'bundled', sampleId: 'x' } as const;

  it('is kept while the screens change, and cleared by another exercise or scenario', () => {
    const store = createAppStore();
    store.setActiveScenario({ scenario: scenario('aaa'), origin });
    store.startExercise('ex-1', { name: 'Ana', role: 'operator' });
    store.setScreen('console');
    store.selectAlert('A-ev-7');
    for (const screen of ['log', 'report', 'audit', 'library', 'console'] as const) {
      store.setScreen(screen);
      expect(store.getState().selectedAlertId).toBe('A-ev-7');
    }
    // The same exercise reopened (a resume) keeps it; the same scenario made active again too.
    store.startExercise('ex-1', { name: 'Ana', role: 'operator' });
    store.setActiveScenario({ scenario: scenario('aaa'), origin });
    expect(store.getState().selectedAlertId).toBe('A-ev-7');
    store.startExercise('ex-2', { name: 'Ana', role: 'operator' });
    expect(store.getState().selectedAlertId).toBeNull();
    store.selectAlert('A-ev-9');
    store.setActiveScenario({ scenario: scenario('bbb'), origin });
    expect(store.getState().selectedAlertId).toBeNull();
  });

  it('is selected through a stable handler', () => {
    const store = createAppStore();
    const select = store.selectAlert;
    select('A-1');
    expect(store.getState().selectedAlertId).toBe('A-1');
    expect(store.selectAlert).toBe(select);
    select(null);
    expect(store.getState().selectedAlertId).toBeNull();
  });
});

describe('hash route', () => {
  it('round-trips every screen and ignores unknown hashes', () => {
    for (const screen of ['library', 'console', 'log', 'audit', 'report'] as const) {
      expect(screenFromHash(hashForScreen(screen))).toBe(screen);
    }
    expect(screenFromHash('#/elsewhere')).toBeNull();
    expect(screenFromHash('')).toBeNull();
  });
});

describe('session restore', () => {
  it('brings back the exercise once its scenario is loaded, and forgets it when the scenario is gone', async () => {
    const { bindSessionRestore } = await import('../../../renderer/src/app/session-restore');
    const { createLibraryStore } = await import('../../../renderer/src/library/library-store');
    const memory = new Map<string, string>();
    const storage = {
      getItem: (k: string) => memory.get(k) ?? null,
      setItem: (k: string, v: string) => void memory.set(k, v),
      removeItem: (k: string) => void memory.delete(k),
    } as unknown as Storage;

    // First tab life: an exercise is started and saved.
    const app1 = createAppStore();
    const lib1 = createLibraryStore();
    bindSessionRestore(app1, lib1, storage);
    app1.setActiveScenario({
      scenario: scenario('h1'),
      origin: { kind: 'bundled', sampleId: 's' },
    });
    app1.startExercise('ex-9', { name: 'Ana', role: 'controller' });
    expect(JSON.parse(memory.get('truceline-session')!)).toEqual({
      exerciseId: 'ex-9',
      participant: { name: 'Ana', role: 'controller' },
      scenarioHash: 'h1',
    });

    // After a reload: restoring until the scenario's card is ready.
    const app2 = createAppStore();
    const lib2 = createLibraryStore();
    lib2.trackSource(1);
    bindSessionRestore(app2, lib2, storage);
    expect(app2.getState().restoring).toBe(true);
    const ready = (hash: string) => ({
      status: 'ready' as const,
      scenario: scenario(hash),
      summary: {} as never,
      warnings: [],
    });
    lib2.upsertCard({
      key: 'b:other',
      origin: { kind: 'bundled', sampleId: 'o' },
      label: 'o',
      state: ready('h0'),
    });
    lib2.upsertCard({
      key: 'b:s',
      origin: { kind: 'bundled', sampleId: 's' },
      label: 's',
      state: ready('h1'),
    });
    expect(app2.getState()).toMatchObject({ exerciseId: 'ex-9', restoring: false });
    lib2.trackSource(-1);
    expect(app2.getState().active?.scenario.hash).toBe('h1');

    // Another reload where the scenario no longer loads: the session is dropped.
    const app3 = createAppStore();
    const lib3 = createLibraryStore();
    lib3.trackSource(1);
    bindSessionRestore(app3, lib3, storage);
    lib3.upsertCard({
      key: 'b:other',
      origin: { kind: 'bundled', sampleId: 'o' },
      label: 'o',
      state: ready('h0'),
    });
    expect(app3.getState()).toMatchObject({ exerciseId: null, restoring: true });
    lib3.trackSource(-1);
    expect(app3.getState()).toMatchObject({ exerciseId: null, restoring: false });
    expect(memory.has('truceline-session')).toBe(false);
  });
});
