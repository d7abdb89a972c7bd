// `truceline rank` end to end on a real scenario folder written to disk.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_SCORING_MODEL } from '../../../shared/alerts/scoring-model';
import { LINE_LON } from './fixtures/build-scenario';
import { ZONES, lineIncidents } from './fixtures/line-incidents';

let dir = '';

function writePackage(root: string, scoring?: unknown): void {
  mkdirSync(join(root, 'feeds'), { recursive: true });
  const features = [
    {
      type: 'Feature',
      properties: { id: 'loc', name: 'Line of contact', kind: 'line-of-contact' },
      geometry: {
        type: 'LineString',
        coordinates: [
          [LINE_LON, -46.0],
          [LINE_LON, -42.5],
        ],
      },
    },
    ...ZONES.map((z) => {
      const { geometry, bbox: _bbox, ...properties } = z;
      return { type: 'Feature', properties, geometry };
    }),
  ];
  writeFileSync(
    join(root, 'zones.geojson'),
    JSON.stringify({ type: 'FeatureCollection', features }),
  );
  const events = lineIncidents().events.map((e) => JSON.stringify(e.event));
  writeFileSync(join(root, 'feeds', 'all.ndjson'), `${events.join('\n')}\n`);
  const manifest: Record<string, unknown> = {
    format: 'truceline-scenario',
    version: 1,
    id: 'line-incidents',
    title: 'Line incidents',
    classification: 'EXERCISE',
    start: '2026-03-01T00:00:00Z',
    end: '2026-03-04T00:00:00Z',
    parties: [
      { id: 'A', name: 'Party A', role: 'party' },
      { id: 'B', name: 'Party B', role: 'party' },
    ],
    zones: 'zones.geojson',
    feeds: ['feeds/all.ndjson'],
  };
  if (scoring !== undefined) {
    writeFileSync(join(root, 'scoring.json'), JSON.stringify(scoring));
    manifest.scoring = 'scoring.json';
  }
  writeFileSync(join(root, 'scenario.json'), JSON.stringify(manifest, null, 2));
}

function rank(...args: string[]) {
  const result = spawnSync(
    process.execPath,
    ['shared/node/run-ts.mjs', 'shared/node/cli/main.ts', 'rank', ...args],
    {
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'truceline-rank-'));
  writePackage(join(dir, 'good'));
  writePackage(join(dir, 'bad-model'), {
    ...BUILTIN_SCORING_MODEL,
    correlation: { window_min: 60, radius_km: 0, quiet_min: 180 },
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('truceline rank', () => {
  it('prints the JSON array of the contract, the shelling first, byte-identical on every run', () => {
    const first = rank(join(dir, 'good'), '--at', '2026-03-03T00:00:00Z', '--json');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const rows = JSON.parse(first.stdout) as Record<string, unknown>[];
    // docs/ALERTS-AND-SEVERITY.md, `rank --json`, and docs/CLI.md's extra fields.
    expect(Object.keys(rows[0]!)).toEqual([
      'rank',
      'id',
      'state',
      'gravity',
      'severity',
      'certainty',
      'certainty_band',
      'factors',
      'certainty_factors',
      'event_ids',
      'score',
      'zones',
      'first_seen',
      'last_seen',
      'title',
      'links',
      'continues',
    ]);
    expect(rows[0]).toMatchObject({
      rank: 1,
      id: 'A-gs-0001',
      state: 'quiet',
      severity: 'critical',
      certainty_band: 'confirmed',
      event_ids: ['gs-0001', 'obs-0001'],
    });
    for (const row of rows) {
      expect(row.score).toBe(row.gravity);
      // One decimal for gravity, two for certainty.
      expect(Math.round((row.gravity as number) * 10)).toBeCloseTo((row.gravity as number) * 10, 9);
      expect(Math.round((row.certainty as number) * 100)).toBeCloseTo(
        (row.certainty as number) * 100,
        9,
      );
      for (const list of ['factors', 'certainty_factors'] as const) {
        for (const f of row[list] as object[])
          expect(Object.keys(f)).toEqual(['factor', 'label', 'contribution']);
      }
      const points = (row.certainty_factors as { contribution: number }[]).reduce(
        (s, f) => s + f.contribution,
        0,
      );
      expect(points).toBeCloseTo((row.certainty as number) * 100, 6);
    }
    expect(rows.map((r) => r.rank)).toEqual(rows.map((_, i) => i + 1));
    expect(rows.find((r) => r.id === 'A-sat-0001')).toMatchObject({
      severity: 'high',
      certainty_band: 'confirmed',
    });
    expect(rank(join(dir, 'good'), '--at', '2026-03-03T00:00:00Z', '--json').stdout).toBe(
      first.stdout,
    );
  });

  it('prints a readable table with gravity, certainty and their reasons, limited by --top', () => {
    const { code, stdout } = rank(
      join(dir, 'good'),
      '--at',
      '2026-03-03T00:00:00+02:00',
      '--top',
      '2',
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^EXERCISE — Line incidents \(line-incidents\) at 2026-03-02T22:00:00.000Z/,
    );
    expect(stdout).toContain('5 alerts, first 2 shown');
    expect(stdout).toMatch(
      / 1\. CRITICAL +\d+\.\d {2}certainty 0\.\d\d CONFIRMED {2}A-gs-0001 \(quiet\)/,
    );
    expect(stdout).toContain('MLRS inside Exclusion Zone 2 (prohibited there): +');
    expect(stdout).toContain('     certainty (points of 100):');
    expect(stdout).toContain('2 independent source kinds agree (satellite, drone): +');
    expect(stdout).not.toContain('A-sat-0002');
  });

  it('refuses usage mistakes with exit 2 and an invalid scoring model with exit 1', () => {
    expect(rank(join(dir, 'good')).code).toBe(2);
    expect(rank(join(dir, 'good'), '--at', 'yesterday').code).toBe(2);
    expect(rank(join(dir, 'good'), '--at', '2026-03-03T00:00:00Z', '--top', '0').code).toBe(2);
    const bad = rank(join(dir, 'bad-model'), '--at', '2026-03-03T00:00:00Z');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(
      'scoring.json:/correlation/radius_km: Too small: expected number to be >0',
    );
  });
});
