// The generator: deterministic for a seed, always valid, realistic mixes.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenarioFromPath } from '../../../shared/node/scenario/load-path';
import { writeGeneratedScenario } from '../../../shared/node/scenario/write-generated';
import { formatDiagnostic } from '../../../shared/scenario/diagnostics';
import { generateScenario } from '../../../shared/scenario/generate';

const dirs: string[] = [];
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'truceline-gen-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const snapshot = (dir: string) =>
  [
    'scenario.json',
    'zones.geojson',
    'sensors.json',
    ...readdirSync(join(dir, 'feeds')).map((f) => `feeds/${f}`),
  ]
    .map((f) => `${f}\n${readFileSync(join(dir, f), 'utf8')}`)
    .join('\n');

describe('generate', () => {
  it('writes the same bytes for the same seed, and other bytes for another seed', async () => {
    const [a, b, c] = [fresh(), fresh(), fresh()];
    await writeGeneratedScenario(a, { events: 2000, seed: 42 });
    await writeGeneratedScenario(b, { events: 2000, seed: 42 });
    await writeGeneratedScenario(c, { events: 2000, seed: 43 });
    expect(snapshot(a)).toBe(snapshot(b));
    expect(snapshot(a)).not.toBe(snapshot(c));
  });

  it('produces a valid scenario without warnings, with every source and ~30 zones', async () => {
    const dir = fresh();
    await writeGeneratedScenario(dir, { events: 5000, seed: 3 });
    const outcome = await loadScenarioFromPath(dir);
    if (!outcome.ok) throw new Error(outcome.errors.map(formatDiagnostic).join('\n'));
    expect(outcome.warnings).toEqual([]);
    if (outcome.kind !== 'scenario') throw new Error('expected a scenario');
    const s = outcome.scenario;
    expect(s.events).toHaveLength(5000);
    expect(new Set(s.events.map((r) => r.event.source)).size).toBe(6);
    expect(s.zones.length).toBeGreaterThanOrEqual(25);
    const inBuffer = s.events.filter((r) => r.zoneIds.includes('buffer')).length;
    expect(inBuffer).toBeGreaterThan(500);
    expect(
      s.events.filter((r) => r.lineDistanceKm !== null && r.lineDistanceKm < 30).length,
    ).toBeGreaterThan(3000);
  });

  it('places the synthetic front on the invented island of the samples, in its time zone', () => {
    const generated = generateScenario({ events: 500, seed: 5 });
    expect(generated.manifest.timezone).toBe('Etc/GMT+8');
    const samples = JSON.parse(readFileSync('sample-feeds/line-72h/zones.geojson', 'utf8')) as {
      features: { properties: { context?: string }; geometry: { coordinates: unknown } }[];
    };
    const coast = (
      samples.features.find((f) => f.properties.context === 'coast')!.geometry
        .coordinates as number[][][]
    )[0]!;
    const onIsland = (lon: number, lat: number) => {
      let inside = false;
      for (let i = 0, j = coast.length - 1; i < coast.length; j = i, i += 1) {
        const [xi, yi] = coast[i]! as [number, number];
        const [xj, yj] = coast[j]! as [number, number];
        if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi)
          inside = !inside;
      }
      return inside;
    };
    const positions = (c: unknown): number[][] =>
      typeof (c as unknown[])[0] === 'number'
        ? [c as number[]]
        : (c as unknown[]).flatMap((x) => positions(x));
    for (const f of generated.zones.features) {
      for (const [lon, lat] of positions((f.geometry as { coordinates: unknown }).coordinates))
        expect(onIsland(lon!, lat!), String(f.properties?.id)).toBe(true);
    }
    for (const { event } of generated.events()) {
      if (event.lat !== undefined) expect(onIsland(event.lon!, event.lat), event.id).toBe(true);
    }
  });

  it('lists only feeds that have events, even for one event', async () => {
    const dir = fresh();
    await writeGeneratedScenario(dir, { events: 1 });
    expect(readdirSync(join(dir, 'feeds'))).toEqual(['ground-sensor.ndjson']);
    expect((await loadScenarioFromPath(dir)).ok).toBe(true);
  });

  it('refuses a non-empty folder and nonsense counts', async () => {
    const dir = fresh();
    await writeGeneratedScenario(dir, { events: 3 });
    await expect(writeGeneratedScenario(dir, { events: 3 })).rejects.toThrow('is not empty');
    expect(() => generateScenario({ events: 0 })).toThrow('events must be a whole number >= 1');
  });
});
