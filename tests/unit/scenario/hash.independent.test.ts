// The content hash recomputed by a deliberately simple second implementation:
// whole-object JCS with `canonicalize`, Node's SHA-256, and csv-parse (not our
// CSV reader) for the MSEL feed.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import canonicalize from 'canonicalize';
import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFsReader } from '../../../shared/node/scenario/fs-reader';
import { loadScenarioFromPath } from '../../../shared/node/scenario/load-path';
import { nodeSha256 } from '../../../shared/node/scenario/node-sha256';
import { canonicalEventJson } from '../../../shared/scenario/content-hash';
import { loadScenario } from '../../../shared/scenario/load-scenario';
import { createMemoryReader } from '../../../shared/scenario/package-reader';

const FIXTURE = 'tests/fixtures/scenarios/small';
const read = (path: string) => readFileSync(join(FIXTURE, path), 'utf8');

const CSV_ALIASES: Record<string, string> = {
  'event #': 'id',
  'scenario time': 'time',
  description: 'summary',
  'expected player action': 'expected_action',
  from: 'x-from',
  to: 'x-to',
  method: 'x-inject-kind',
};

function csvEvents(text: string): Record<string, unknown>[] {
  const rows = parseCsv(text, { bom: true, columns: true }) as Record<string, string>[];
  return rows.map((row) => {
    const event: Record<string, unknown> = {};
    const casualties: Record<string, number> = {};
    for (const [heading, cell] of Object.entries(row)) {
      if (cell === '') continue;
      const field = CSV_ALIASES[heading.toLowerCase()] ?? heading;
      const part = /^casualties_(low|best|high)$/.exec(field);
      if (part) casualties[part[1]!] = Number(cell);
      else event[field] = cell;
    }
    if (Object.keys(casualties).length) event.casualties = casualties;
    if (!event.source && !event.type) Object.assign(event, { source: 'inject', type: 'inject' });
    return event;
  });
}

/** The hash as docs/SCENARIO-FORMAT.md section 1 describes it, computed in one go. */
function independentHash(): string {
  const manifest = JSON.parse(read('scenario.json'));
  const events: Record<string, unknown>[] = [
    ...read('feeds/ground.ndjson')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l)),
    ...JSON.parse(read('feeds/drone.json')),
    ...csvEvents(read('feeds/msel.csv')),
  ];
  const utc = (t: unknown) => new Date(Date.parse(t as string)).toISOString();
  for (const e of events) {
    e.time = utc(e.time);
    if (e.reported !== undefined) e.reported = utc(e.reported);
  }
  const shown = (e: Record<string, unknown>) => (e.reported ?? e.time) as string;
  events.sort((a, b) =>
    shown(a) !== shown(b)
      ? shown(a) < shown(b)
        ? -1
        : 1
      : (a.id as string) < (b.id as string)
        ? -1
        : 1,
  );
  const whole = {
    ...manifest,
    zones: JSON.parse(read('zones.geojson')),
    sensors: JSON.parse(read('sensors.json')),
    briefing: read('briefing.md'),
    feeds: events,
  };
  return createHash('sha256').update(canonicalize(whole)!, 'utf8').digest('hex');
}

describe('content hash', () => {
  it('matches an independent whole-object computation', async () => {
    const expected = independentHash();
    const outcome = await loadScenario(await createFsReader(FIXTURE));
    expect(outcome.ok && outcome.scenario.hash).toBe(expected);
  });

  it('is the same with the pure-JS and the native SHA-256', async () => {
    const reader = await createFsReader(FIXTURE);
    const a = await loadScenario(reader);
    const b = await loadScenario(reader, { createHash: nodeSha256 });
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(a.scenario.hash).toBe(b.scenario.hash);
  });

  it('is the same for the folder and the single-file form of the scenario', async () => {
    const folder = await loadScenarioFromPath(FIXTURE);
    const manifest = JSON.parse(read('scenario.json'));
    const single = {
      ...manifest,
      zones: JSON.parse(read('zones.geojson')),
      sensors: JSON.parse(read('sensors.json')),
      briefing: read('briefing.md'),
      // Inline feeds, in another order and with times in other forms: the hash does not care.
      feeds: [
        csvEvents(read('feeds/msel.csv')),
        JSON.parse(read('feeds/drone.json')).map((e: Record<string, unknown>) => ({
          ...e,
          time: (e.time as string).replace('T05:', 'T07:').replace('Z', '+02:00'),
        })),
        read('feeds/ground.ndjson')
          .split('\n')
          .filter((l) => l.trim())
          .map((l) => JSON.parse(l)),
      ],
    };
    const reader = createMemoryReader({ 'small.scenario.json': JSON.stringify(single, null, 1) });
    const outcome = await loadScenario(reader);
    expect(folder.ok && outcome.ok).toBe(true);
    if (folder.ok && folder.kind === 'scenario' && outcome.ok) {
      expect(outcome.scenario.hash).toBe(folder.scenario.hash);
    }
  });

  it('is stable under reformatting and changes with any event field', async () => {
    const base = (await loadScenario(await createFsReader(FIXTURE))) as {
      ok: true;
      scenario: { hash: string };
    };
    const files = new Map<string, string>();
    for (const f of [
      'scenario.json',
      'zones.geojson',
      'sensors.json',
      'briefing.md',
      'feeds/drone.json',
      'feeds/msel.csv',
      'feeds/ground.ndjson',
    ]) {
      files.set(f, read(f));
    }
    const reformatted = new Map(files);
    reformatted.set('zones.geojson', JSON.stringify(JSON.parse(files.get('zones.geojson')!)));
    reformatted.set(
      'feeds/drone.json',
      JSON.stringify(JSON.parse(files.get('feeds/drone.json')!).reverse()),
    );
    const same = await loadScenario(createMemoryReader(reformatted));
    expect(same.ok && same.scenario.hash).toBe(base.scenario.hash);

    const changed = new Map(files);
    changed.set(
      'feeds/drone.json',
      files.get('feeds/drone.json')!.replace('"count": 2', '"count": 3'),
    );
    const other = await loadScenario(createMemoryReader(changed));
    expect(other.ok).toBe(true);
    expect(other.ok && other.scenario.hash).not.toBe(base.scenario.hash);
  });

  it('writes each event exactly as canonicalize would', () => {
    const key = fc.oneof(
      fc.string(),
      fc.constantFrom(
        'id',
        'time',
        'x-a',
        '1',
        '10',
        '2',
        'é',
        '\u{1F600}',
        'a\u0000',
        '__proto__',
      ),
    );
    const leaf = fc.oneof(
      fc.string(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(key, tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 8 }), (event) => {
        expect(canonicalEventJson(event)).toBe(canonicalize(event));
        // Also with keys already inserted in order, the case that skips the copy.
        const ordered = Object.fromEntries(
          Object.entries(event).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        );
        expect(canonicalEventJson(ordered)).toBe(canonicalize(ordered));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a "__proto__" field as a field', () => {
    for (const text of ['{"b":1,"__proto__":{"x":1}}', '{"__proto__":{"z":1,"a":2},"a":1}']) {
      const event = JSON.parse(text);
      expect(canonicalEventJson(event)).toBe(canonicalize(event));
      expect(canonicalEventJson(event)).toContain('"__proto__"');
    }
  });
});
