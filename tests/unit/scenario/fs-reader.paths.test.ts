// The Node reader keeps every path inside the package folder, links included.
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFsReader } from '../../../shared/node/scenario/fs-reader';
import { loadScenarioFromPath } from '../../../shared/node/scenario/load-path';
import { formatDiagnostic } from '../../../shared/scenario/diagnostics';
import { event, manifest, ndjson, ZONES } from './package-fixture';

let root: string;
let pkg: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'truceline-fs-'));
  pkg = join(root, 'pkg');
  mkdirSync(join(pkg, 'feeds'), { recursive: true });
  writeFileSync(join(root, 'secret.ndjson'), ndjson([event()]));
  writeFileSync(join(pkg, 'zones.geojson'), JSON.stringify(ZONES));
  writeFileSync(join(pkg, 'feeds', 'a.ndjson'), ndjson([event()]));
  symlinkSync(join(root, 'secret.ndjson'), join(pkg, 'feeds', 'escape.ndjson'));
  symlinkSync(join(pkg, 'feeds', 'a.ndjson'), join(pkg, 'feeds', 'inside.ndjson'));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('file-system package reader', () => {
  it('reads files inside, also through links that stay inside', async () => {
    const reader = await createFsReader(pkg);
    expect(await reader.exists('feeds/a.ndjson')).toBe(true);
    expect(await reader.exists('feeds/inside.ndjson')).toBe(true);
    expect(await reader.exists('feeds/nope.ndjson')).toBe(false);
    expect(new TextDecoder().decode(await reader.bytes('./feeds//a.ndjson'))).toContain('"e1"');
  });

  it('refuses "..", absolute paths and links that leave the folder', async () => {
    const reader = await createFsReader(pkg);
    await expect(reader.bytes('../secret.ndjson')).rejects.toThrow('uses ".."');
    await expect(reader.bytes(join(root, 'secret.ndjson'))).rejects.toThrow('is absolute');
    await expect(reader.bytes('feeds/escape.ndjson')).rejects.toThrow(
      'leads outside the package folder',
    );
  });

  it('reports a manifest naming an escaping link as an error of that manifest entry', async () => {
    writeFileSync(
      join(pkg, 'scenario.json'),
      JSON.stringify(manifest({ feeds: ['feeds/a.ndjson', 'feeds/escape.ndjson'] })),
    );
    const outcome = await loadScenarioFromPath(pkg);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.errors.map(formatDiagnostic)).toEqual([
        'scenario.json:/feeds/1: path "feeds/escape.ndjson" leads outside the package folder (through a link)',
      ]);
    }
  });

  it('loads a folder, a single *.scenario.json and a lone feed file', async () => {
    writeFileSync(
      join(pkg, 'scenario.json'),
      JSON.stringify(manifest({ feeds: ['feeds/a.ndjson'] })),
    );
    writeFileSync(
      join(root, 'one.scenario.json'),
      JSON.stringify(manifest({ zones: ZONES, feeds: [[event()]] })),
    );
    const folder = await loadScenarioFromPath(pkg);
    const single = await loadScenarioFromPath(join(root, 'one.scenario.json'));
    const feed = await loadScenarioFromPath(join(pkg, 'feeds', 'a.ndjson'));
    expect([folder.kind, folder.ok, single.kind, single.ok, feed.kind, feed.ok]).toEqual([
      'scenario',
      true,
      'scenario',
      true,
      'feed',
      true,
    ]);
    if (folder.ok && folder.kind === 'scenario' && single.ok && single.kind === 'scenario') {
      expect(single.scenario.hash).toBe(folder.scenario.hash);
    }
    const missing = await loadScenarioFromPath(join(root, 'nothing-here'));
    expect(missing.ok).toBe(false);
  });

  it('checks a lone feed for form only: unknown parties and times outside any window pass', async () => {
    writeFileSync(
      join(root, 'lone.ndjson'),
      ndjson([event({ party: 'Z', sensor: 'nobody', time: '1999-01-01T00:00:00Z' })]),
    );
    const outcome = await loadScenarioFromPath(join(root, 'lone.ndjson'));
    expect(outcome.ok).toBe(true);
    writeFileSync(join(root, 'bad.ndjson'), ndjson([event({ party: 7 })]));
    const bad = await loadScenarioFromPath(join(root, 'bad.ndjson'));
    expect(bad.ok ? [] : bad.errors.map(formatDiagnostic)).toEqual([
      'bad.ndjson:1: party: must be a party id (string), got 7',
    ]);
  });
});
