import { describe, expect, it } from 'vitest';
import { criticalAlertToPauseFor, criticalIds } from '../../../renderer/src/console/auto-pause';
import { commandForKey, SHORTCUTS } from '../../../renderer/src/console/console-keys';
import type { AlertView, Severity } from '../../../renderer/src/console/view-model';

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

function alert(id: string, severity: Severity): AlertView {
  return {
    id,
    rank: 1,
    severity,
    state: 'active',
    gravity: 85,
    certainty: { value: 0.9, band: 'confirmed', factors: [], incompatibleReports: 0 },
    title: id,
    zoneIds: [],
    sources: [],
    firstAt: 0,
    lastAt: 0,
    quiet: false,
    acknowledged: false,
    eventSeqs: [],
    factors: [],
    links: [],
    continues: null,
    incident: null,
    protocol: null,
    run: null,
    messageIds: [],
    lat: null,
    lon: null,
  };
}

describe('auto-pause on a new critical alert', () => {
  const before = criticalIds([alert('A-1', 'critical'), alert('A-2', 'high')]);

  it('pauses above 60x for a critical alert that was not critical before', () => {
    const now = [alert('A-1', 'critical'), alert('A-2', 'critical')];
    expect(criticalAlertToPauseFor(before, now, 120, true, true)?.id).toBe('A-2');
  });

  it('does not pause at 60x or below, when paused, when disabled, or for known criticals', () => {
    const now = [alert('A-1', 'critical'), alert('A-3', 'critical')];
    expect(criticalAlertToPauseFor(before, now, 60, true, true)).toBeNull();
    expect(criticalAlertToPauseFor(before, now, 300, false, true)).toBeNull();
    expect(criticalAlertToPauseFor(before, now, 300, true, false)).toBeNull();
    expect(criticalAlertToPauseFor(before, [alert('A-1', 'critical')], 300, true, true)).toBeNull();
  });
});
