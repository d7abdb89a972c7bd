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
