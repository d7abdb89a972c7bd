// How zones are layered and styled on the map: context (land, water, roads,
// borders) underneath and muted, the ceasefire's zones over it, the line on top.
import type { Zone } from '../../../shared/scenario/loaded-scenario';

export const ZONE_DRAW_ORDER: Record<Zone['kind'], number> = {
  // Context (land, water, roads, borders) underneath everything, drawn muted.
  context: -1,
  sector: 0,
  'buffer-zone': 1,
  'weapons-exclusion': 2,
  'disengagement-area': 3,
  'demilitarized-zone': 4,
  settlement: 5,
  infrastructure: 6,
  'line-of-contact': 7,
};

/** The CSS class of a zone: its kind, and for context what it draws (coast, river…). */
export function zoneClassName(zone: Pick<Zone, 'kind'> & { context?: unknown }): string {
  const base = `zone zone-${zone.kind}`;
  return zone.kind === 'context' && typeof zone.context === 'string'
    ? `${base} context-${zone.context}`
    : base;
}
