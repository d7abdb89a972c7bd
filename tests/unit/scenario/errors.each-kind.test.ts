// Every error kind of docs/SCENARIO-FORMAT.md section 7, with the exact line and form.
import { describe, expect, it } from 'vitest';
import { createMemoryReader } from '../../../shared/scenario/package-reader';
import { loadScenario } from '../../../shared/scenario/load-scenario';
import { MAX_LINE_BYTES } from '../../../shared/scenario/read-lines';
import { errorsOf, event, feedErrorsOf, folder, manifest, ndjson, ZONES } from './package-fixture';

const ok = (id: string, more: Record<string, unknown> = {}) => event({ id, ...more });

describe('feed record errors name file, line and field', () => {
  it('an unparsable NDJSON line, with its column', async () => {
    const feed = `${JSON.stringify(ok('a'))}\n{"id": "b", "time": }\n${JSON.stringify(ok('c'))}\n`;
    const errors = await errorsOf(folder({ 'feeds/a.ndjson': feed }));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBe(
      'feeds/a.ndjson:2:21: record: not valid JSON: expected a value, found "}"',
    );
  });

  it('a missing required field', async () => {
    const feed = ndjson([ok('a'), ok('b', { source: undefined })]);
    expect(await errorsOf(folder({ 'feeds/a.ndjson': feed }))).toEqual([
      'feeds/a.ndjson:2: source: is required (must be one of satellite, drone, ground-sensor, observer, open-source, inject)',
    ]);
  });

  it('an ill-typed field, in plain English with the value given', async () => {
    const feed = ndjson([ok('a', { lat: 'abc' })]);
    expect(await errorsOf(folder({ 'feeds/a.ndjson': feed }))).toEqual([
      'feeds/a.ndjson:1: lat: must be a number between -90 and 90, got "abc"',
    ]);
  });

  it('a value out of range', async () => {
    const feed = ndjson([ok('a'), ok('b', { confidence: 1.5, bearing_deg: 400 })]);
    expect(await errorsOf(folder({ 'feeds/a.ndjson': feed }))).toEqual([
      'feeds/a.ndjson:2: confidence: must be a number between 0 and 1, got 1.5',
      'feeds/a.ndjson:2: bearing_deg: must be a number between 0 and 360, got 400',
    ]);
  });

  it('casualties out of order', async () => {
    const feed = ndjson([ok('a', { casualties: { low: 3, best: 1, high: 2 } })]);
    const [error] = await errorsOf(folder({ 'feeds/a.ndjson': feed }));
    expect(error).toMatch(/^feeds\/a\.ndjson:1: casualties: .*low <= best <= high/);
  });

  it('an unknown type', async () => {
    const feed = ndjson([ok('a', { type: 'boom' })]);
    const [error] = await errorsOf(folder({ 'feeds/a.ndjson': feed }));
    expect(error).toMatch(
      /^feeds\/a\.ndjson:1: type: must be a known event type \(explosion, .*\) or a custom type starting with "x-", got "boom"$/,
    );
  });

  it('an unknown party and an unknown sensor', async () => {
    const feed = ndjson([ok('a'), ok('b', { party: 'C', sensor: 'S9' })]);
    expect(await errorsOf(folder({ 'feeds/a.ndjson': feed }))).toEqual([
      'feeds/a.ndjson:2: party: unknown party "C" (parties: A, B)',
      'feeds/a.ndjson:2: sensor: unknown sensor "S9" (sensors: S1)',
    ]);
  });

  it('a duplicate id, across feeds, naming the first', async () => {
    const reader = folder({
      'feeds/a.ndjson': ndjson([ok('a'), ok('x')]),
      'feeds/b.ndjson': ndjson([ok('b'), ok('c'), ok('x')]),
    });
    expect(await errorsOf(reader)).toEqual([
      'feeds/b.ndjson:3: id: duplicate id "x" (first at feeds/a.ndjson:2)',
    ]);
  });

  it('errors around duplicate ids come in file order, each duplicate naming the first of all', async () => {
    const reader = folder({
      'feeds/a.ndjson': ndjson([ok('x'), ok('y'), ok('z', { unknown_extra: 1 })]),
      'feeds/b.ndjson': ndjson([
        ok('b', { lat: 'north' }),
        ok('x'),
        ok('c', { party: 'Q' }),
        ok('x', { sensor: 'nope' }),
        ok('y', { time: '2026-03-01T01:00:00Z' }),
        ok('d', { time: '2026-03-01T00:30:00Z' }),
      ]),
    });
    expect(await errorsOf(reader)).toEqual([
      'feeds/b.ndjson:1: lat: must be a number between -90 and 90, got "north"',
      'feeds/b.ndjson:2: id: duplicate id "x" (first at feeds/a.ndjson:1)',
      'feeds/b.ndjson:3: party: unknown party "Q" (parties: A, B)',
      'feeds/b.ndjson:4: sensor: unknown sensor "nope" (sensors: S1)',
      'feeds/b.ndjson:4: id: duplicate id "x" (first at feeds/a.ndjson:1)',
      'feeds/b.ndjson:5: id: duplicate id "y" (first at feeds/a.ndjson:2)',
    ]);
  });

  it('a time outside [start, end]', async () => {
    const feed = ndjson([ok('a'), ok('b', { time: '2026-03-02T00:00:01Z' })]);
    expect(await errorsOf(folder({ 'feeds/a.ndjson': feed }))).toEqual([
      'feeds/a.ndjson:2: time: 2026-03-02T00:00:01.000Z is outside the scenario window [2026-03-01T00:00:00.000Z, 2026-03-02T00:00:00.000Z]',
    ]);
  });

  it('the window bounds themselves are inside', async () => {
    const feed = ndjson([
      ok('a', { time: '2026-03-01T00:00:00Z' }),
      ok('b', { time: '2026-03-02T00:00:00Z' }),
    ]);
    expect(await errorsOf(folder({ 'feeds/a.ndjson': feed }))).toEqual([]);
  });

  it('reported before time', async () => {
    const feed = ndjson([ok('a', { reported: '2026-03-01T04:11:59Z' })]);
    expect(await errorsOf(folder({ 'feeds/a.ndjson': feed }))).toEqual([
      'feeds/a.ndjson:1: reported: is before time (2026-03-01T04:12:00Z), got "2026-03-01T04:11:59Z"',
    ]);
  });

  it('a time without a zone, and an impossible date', async () => {
    const feed = ndjson([
      ok('a', { time: '2026-03-01T04:12:00' }),
      ok('b', { time: '2026-02-30T00:00:00Z' }),
    ]);
    const errors = await errorsOf(folder({ 'feeds/a.ndjson': feed }));
    expect(errors).toEqual([
      'feeds/a.ndjson:1: time: must be an ISO 8601 date-time with Z or an offset, e.g. 2026-03-01T04:12:00Z, got "2026-03-01T04:12:00"',
      'feeds/a.ndjson:2: time: must be an ISO 8601 date-time with Z or an offset, e.g. 2026-03-01T04:12:00Z, got "2026-02-30T00:00:00Z"',
    ]);
  });

  it('a location missing for a non-inject source', async () => {
    const feed = ndjson([
      ok('a', { lat: undefined, lon: undefined }),
      ok('b', { source: 'inject', type: 'inject', lat: undefined, lon: undefined }),
    ]);
    expect(await errorsOf(folder({ 'feeds/a.ndjson': feed }))).toEqual([
      'feeds/a.ndjson:1: lat: is required for every source except inject',
      'feeds/a.ndjson:1: lon: is required for every source except inject',
    ]);
  });

  it('a record that is not an object', async () => {
    expect(
      await errorsOf(folder({ 'feeds/a.ndjson': `${JSON.stringify(ok('a'))}\n[1,2]\n` })),
    ).toEqual(['feeds/a.ndjson:2: record: must be a JSON object (one event), got [1,2]']);
  });

  it('a feed with no events (blank lines only)', async () => {
    expect(await errorsOf(folder({ 'feeds/a.ndjson': '\n\n  \n' }))).toEqual([
      'feeds/a.ndjson:1: record: the feed has no events',
    ]);
    expect(await errorsOf(folder({ 'feeds/a.json': '[\n]\n' }))).toEqual([
      'feeds/a.json:1: record: the feed has no events',
    ]);
    expect(await errorsOf(folder({ 'feeds/a.csv': 'id,time,source,type\n' }))).toEqual([
      'feeds/a.csv:1: record: the feed has no events',
    ]);
  });

  it('JSON array elements are reported at the line where they start', async () => {
    const text = `[\n  ${JSON.stringify(ok('a'))},\n  {\n    "id": "b",\n    "time": "2026-03-01T05:00:00Z",\n    "source": "drone",\n    "type": "explosion",\n    "lat": 91,\n    "lon": -121\n  }\n]\n`;
    expect(await errorsOf(folder({ 'feeds/a.json': text }))).toEqual([
      'feeds/a.json:3: lat: must be a number between -90 and 90, got 91',
    ]);
  });

  it('CSV records are reported at the line where they start, even after multi-line fields', async () => {
    const csv =
      'id,time,source,type,lat,lon,summary\r\na,2026-03-01T01:00:00Z,observer,explosion,-44.0,-121,"two\r\nlines"\r\nb,2026-03-01T01:00:00Z,observer,explosion,abc,37,x\r\n';
    expect(await errorsOf(folder({ 'feeds/a.csv': csv }))).toEqual([
      'feeds/a.csv:4: lat: must be a number between -90 and 90, got "abc"',
    ]);
  });

  it('CSV quoting errors and unclosed quotes', async () => {
    expect(await feedErrorsOf('f.csv', 'id,time\nx,ab"c\n')).toEqual([
      'f.csv:2: record: field 2 has a quote inside an unquoted value (quote the whole field)',
    ]);
    expect(await feedErrorsOf('f.csv', 'id,time\nx,"open\nmore\n')).toEqual([
      'f.csv:2:3: record: the quoted field opened here is not closed before the end of the file (a stray quote? A quote inside a quoted field is written "")',
    ]);
    expect(await feedErrorsOf('f.csv', 'id,time\nx,y,z\n')).toEqual([
      'f.csv:2: record: the row has 3 fields but the header has 2',
    ]);
  });
});

describe('JSON document errors name file and JSON pointer', () => {
  it('manifest fields', async () => {
    const reader = createMemoryReader({
      'scenario.json': JSON.stringify(
        manifest({
          classification: 'SECRET',
          end: '2026-02-01T00:00:00Z',
          parties: [{ id: 'A', name: 'A', role: 'party' }],
        }),
      ),
      'zones.geojson': JSON.stringify(ZONES),
      'feeds/a.ndjson': ndjson([event()]),
    });
    expect(await errorsOf(reader)).toEqual([
      'scenario.json:/classification: classification must begin with EXERCISE, got "SECRET"',
      'scenario.json:/parties: a scenario needs at least two parties',
    ]);
  });

  it('end not after start, unknown time zone, duplicate party', async () => {
    const reader = createMemoryReader({
      'scenario.json': JSON.stringify(
        manifest({
          end: '2026-03-01T00:00:00Z',
          timezone: 'Mars/Olympus',
          parties: [
            { id: 'A', name: 'A', role: 'party' },
            { id: 'A', name: 'B', role: 'party' },
          ],
        }),
      ),
      'zones.geojson': JSON.stringify(ZONES),
      'feeds/a.ndjson': ndjson([event()]),
    });
    expect(await errorsOf(reader)).toEqual([
      'scenario.json:/end: must be after start (2026-03-01T00:00:00Z), got "2026-03-01T00:00:00Z"',
      'scenario.json:/timezone: must be an IANA time zone name such as Pacific/Auckland or Etc/GMT+8, got "Mars/Olympus"',
      'scenario.json:/parties/1/id: duplicate party id "A" (first at /parties/0/id)',
    ]);
  });

  it('a manifest that is not JSON', async () => {
    const reader = createMemoryReader({ 'scenario.json': '{\n  "format": \n}' });
    const [error] = await errorsOf(reader);
    expect(error).toBe(
      'scenario.json: not valid JSON at line 3 column 1: expected a value, found "}"',
    );
  });

  it('paths that leave the package, or name missing files', async () => {
    const reader = createMemoryReader({
      'scenario.json': JSON.stringify(
        manifest({ feeds: ['../outside.ndjson', '/etc/passwd', 'feeds/missing.ndjson'] }),
      ),
      'zones.geojson': JSON.stringify(ZONES),
    });
    expect(await errorsOf(reader)).toEqual([
      'scenario.json:/feeds/0: path "../outside.ndjson" uses ".."; paths must stay inside the package',
      'scenario.json:/feeds/1: path "/etc/passwd" is absolute; paths must be relative to the package',
      'scenario.json:/feeds/2: names "feeds/missing.ndjson", which does not exist in the package',
    ]);
  });

  it('invalid zone geometry', async () => {
    const zones = structuredClone(ZONES) as typeof ZONES;
    const ring = zones.features[1]!.geometry.coordinates[0] as unknown as number[][];
    ring.pop();
    ring.push([-121.05, -44.5]);
    zones.features.push({
      type: 'Feature',
      properties: { id: 'buffer', name: 'Again', kind: 'settlement' },
      geometry: { type: 'Point', coordinates: [37.3, 95] as unknown as number[][] },
    } as never);
    zones.features.push({
      type: 'Feature',
      properties: { id: 'x', name: 'X', kind: 'sector' },
      geometry: { type: 'LineString', coordinates: [] },
    } as never);
    const reader = createMemoryReader({
      'scenario.json': JSON.stringify(manifest()),
      'zones.geojson': JSON.stringify(zones),
      'feeds/a.ndjson': ndjson([event()]),
    });
    expect(await errorsOf(reader)).toEqual([
      'zones.geojson:/features/1/geometry/coordinates/0: polygon ring is not closed: its first and last positions differ',
      'zones.geojson:/features/2/properties/id: duplicate zone id "buffer" (first at /features/1)',
      'zones.geojson:/features/2/geometry/coordinates: latitude must be a number between -90 and 90, got 95',
      'zones.geojson:/features/2/properties/radius_m: a settlement given as a Point needs radius_m (metres)',
      'zones.geojson:/features/3/geometry/type: a sector zone must be Polygon or MultiPolygon, got "LineString"',
    ]);
  });

  it('inline feeds in a single-file scenario are reported by pointer', async () => {
    const single = manifest({ zones: ZONES, feeds: [[event(), event({ id: 'e2', lat: 100 })]] });
    const reader = createMemoryReader({ 'x.scenario.json': JSON.stringify(single) });
    expect(await errorsOf(reader)).toEqual([
      'x.scenario.json:/feeds/0/1/lat: lat: must be a number between -90 and 90, got 100',
    ]);
  });
});

describe('limits, each with its own message', () => {
  it('a file over 1 GiB is refused before reading', async () => {
    const inner = folder({ 'feeds/a.ndjson': ndjson([event()]) });
    const reader = {
      ...inner,
      size: async (path: string) => (path === 'feeds/a.ndjson' ? 1024 ** 3 + 1 : inner.size(path)),
    };
    expect(await errorsOf(reader)).toEqual([
      'feeds/a.ndjson: the file is 1.00 GiB, over the 1 GiB limit',
    ]);
  });

  it('a line over 1 MiB', async () => {
    const long = JSON.stringify(event({ id: 'b', summary: 'x'.repeat(MAX_LINE_BYTES) }));
    const feed = `${JSON.stringify(event())}\n${long}\n${JSON.stringify(event({ id: 'c' }))}\n`;
    expect(await errorsOf(folder({ 'feeds/a.ndjson': feed }))).toEqual([
      'feeds/a.ndjson:2: record: line is longer than 1 MiB (1048576 bytes), the limit for one record',
    ]);
  });

  it('more events than the limit', async () => {
    const feed = ndjson([event({ id: 'a' }), event({ id: 'b' }), event({ id: 'c' })]);
    expect(await errorsOf(folder({ 'feeds/a.ndjson': feed }), { maxEvents: 2 })).toEqual([
      'feeds/a.ndjson:3: more than 2 events, the limit for one scenario',
    ]);
  });

  it('stops after 100 errors', async () => {
    const feed = Array.from({ length: 300 }, (_, i) => `{"id":"e${i}"`).join('\n');
    const outcome = await loadScenario(folder({ 'feeds/a.ndjson': feed }));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.errors).toHaveLength(100);
      expect(outcome.errors[99]!.line).toBe(100);
    }
  });
});

describe('warnings do not refuse the scenario', () => {
  it('unknown fields are kept under extra, once per feed', async () => {
    const feed = ndjson([event({ id: 'a', colour: 'red' }), event({ id: 'b', colour: 'blue' })]);
    const outcome = await loadScenario(folder({ 'feeds/a.ndjson': feed }));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.warnings.map((w) => `${w.line}: ${w.field}`)).toEqual(['1: colour']);
    expect(outcome.scenario.events[1]!.event.extra).toEqual({ colour: 'blue' });
  });

  it('out-of-order events are sorted, with a warning at the first one', async () => {
    const feed = ndjson([
      event({ id: 'a', time: '2026-03-01T05:00:00Z' }),
      event({ id: 'b', time: '2026-03-01T04:00:00Z' }),
    ]);
    const outcome = await loadScenario(folder({ 'feeds/a.ndjson': feed }));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.warnings.map((w) => `${w.file}:${w.line}: ${w.field}: ${w.message}`)).toEqual([
      'feeds/a.ndjson:2: time: events are not in time order; they are sorted for replay',
    ]);
    expect(outcome.scenario.events.map((r) => r.event.id)).toEqual(['b', 'a']);
  });

  it('non-UTF-8 bytes are decoded as windows-1252 with a warning naming the line', async () => {
    const head = new TextEncoder().encode(`${JSON.stringify(event({ id: 'a' }))}\n`);
    const tail = new TextEncoder().encode(`${JSON.stringify(event({ id: 'b', summary: 'Q' }))}\n`);
    const q = tail.indexOf(0x51);
    tail[q] = 0x93; // windows-1252 left double quotation mark
    const bytes = new Uint8Array([...head, ...tail]);
    const outcome = await loadScenario(folder({ 'feeds/a.ndjson': bytes }));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([
      '2: not valid UTF-8; lines that are not were read as windows-1252',
    ]);
    expect(outcome.scenario.events[1]!.event.summary).toBe('\u201c');
  });
});
