// The queue's title (docs/ALERTS-AND-SEVERITY.md): what and where only, so a
// row at 1280 px is never cut to less than its event type and place; the full
// title (with the zones) stays the detail's and the row's tooltip.
import { describe, expect, it } from 'vitest';
import { ReplayCursor } from '../../../shared/replay/cursor';
import { lineIncidents } from './fixtures/line-incidents';

describe("an alert's short title", () => {
  const scenario = lineIncidents();
  const cursor = new ReplayCursor(scenario);
  cursor.advanceTo(scenario.end);
  const byId = new Map(cursor.engine.all().map((a) => [a.id, a]));

  it('names the nearest settlement within 5 km, not the zone: "Artillery fire — near Ardell"', () => {
    const shelling = byId.get('A-gs-0001')!;
    expect(shelling.title).toBe('Artillery fire — Ardell, Sector South');
    expect(shelling.shortTitle).toBe('Artillery fire — near Ardell');
    expect(byId.get('A-sat-0002')!.shortTitle).toBe('Thermal hotspot — near Fenn');
  });

  it('names the sector when no settlement is near, never the zone it lies in', () => {
    const mlrs = byId.get('A-sat-0001')!;
    expect(mlrs.title).toBe('Heavy weapon sighting (MLRS) — Exclusion Zone 2, Sector North');
    expect(mlrs.shortTitle).toBe('Heavy weapon sighting (MLRS) — Sector North');
    expect(byId.get('A-obs-0002')!.shortTitle).toBe('Vehicle column — Sector South');
  });

  it('starts with the same event type as the full title, for every alert', () => {
    for (const alert of byId.values()) {
      const what = alert.title.slice(0, alert.title.indexOf(' — '));
      expect(alert.shortTitle.startsWith(`${what} — `), alert.id).toBe(true);
      expect(alert.shortTitle.length, alert.id).toBeLessThanOrEqual(alert.title.length);
    }
  });
});
