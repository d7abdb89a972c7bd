import { describe, expect, it } from 'vitest';
import { ZONE_DRAW_ORDER, zoneClassName } from '../../../renderer/src/map/zone-layers';

describe('map zone layers', () => {
  it('draws context under every other zone, protected sites over settlements, the line on top', () => {
    const order = Object.entries(ZONE_DRAW_ORDER)
      .sort((a, b) => a[1] - b[1])
      .map(([kind]) => kind);
    expect(order[0]).toBe('context');
    expect(order.at(-1)).toBe('line-of-contact');
    expect(order.indexOf('infrastructure')).toBeGreaterThan(order.indexOf('settlement'));
  });

  it('styles context by what it draws, so coast, rivers, roads and borders can each be muted', () => {
    expect(zoneClassName({ kind: 'context', context: 'river' })).toBe(
      'zone zone-context context-river',
    );
    expect(zoneClassName({ kind: 'settlement' })).toBe('zone zone-settlement');
    expect(zoneClassName({ kind: 'infrastructure' })).toBe('zone zone-infrastructure');
  });
});
