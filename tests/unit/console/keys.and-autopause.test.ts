import { describe, expect, it } from 'vitest';
import { commandForKey, SHORTCUTS } from '../../../renderer/src/console/console-keys';

const key = (k: string, extra: Partial<Parameters<typeof commandForKey>[0]> = {}) =>
  commandForKey({
    key: k,
    shiftKey: false,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    targetTag: 'DIV',
    targetEditable: false,
    ...extra,
  });

describe('console keyboard map', () => {
  it('binds Space, arrows, J/K, A and ?', () => {
    expect(key(' ')).toBe('play-pause');
    expect(key('ArrowRight')).toBe('step-event');
    expect(key('ArrowRight', { shiftKey: true })).toBe('step-alert');
    expect(key('j')).toBe('next-alert');
    expect(key('K', { shiftKey: true })).toBe('previous-alert');
    expect(key('a')).toBe('acknowledge');
    expect(key('?', { shiftKey: true })).toBe('shortcuts');
  });

  it('focuses the queue search with /, but not while typing in a field', () => {
    expect(key('/')).toBe('search-queue');
    expect(key('/', { targetTag: 'INPUT' })).toBeNull();
  });

  it('leaves typing, buttons (Space) and modified keys alone', () => {
    expect(key('a', { targetTag: 'TEXTAREA' })).toBeNull();
    expect(key('j', { targetTag: 'INPUT' })).toBeNull();
    expect(key(' ', { targetTag: 'BUTTON' })).toBeNull();
    expect(key('a', { targetEditable: true })).toBeNull();
    expect(key('a', { ctrlKey: true })).toBeNull();
    expect(key('Escape', { targetTag: 'INPUT' })).toBe('close-sheet');
  });

  it('lists every bound command on the shortcut sheet', () => {
    const listed = new Set(SHORTCUTS.map((s) => s.command));
    for (const k of [' ', 'ArrowRight', 'j', 'k', 'a', '?', 'Escape']) {
      expect(listed.has(key(k)!)).toBe(true);
    }
    expect(listed.has(key('ArrowRight', { shiftKey: true })!)).toBe(true);
  });
});
