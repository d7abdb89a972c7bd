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

describe('hash route', () => {
  it('round-trips every screen and ignores unknown hashes', () => {
    for (const screen of ['library', 'console', 'log', 'audit', 'report'] as const) {
      expect(screenFromHash(hashForScreen(screen))).toBe(screen);
    }
    expect(screenFromHash('#/elsewhere')).toBeNull();
    expect(screenFromHash('')).toBeNull();
  });
});
