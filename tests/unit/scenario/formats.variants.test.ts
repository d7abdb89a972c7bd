// Every form a feed and a package may take, and what each becomes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadFeed, loadScenario, type LoadProgress } from '../../../shared/scenario/load-scenario';
import { createBlobReader, createMemoryReader } from '../../../shared/scenario/package-reader';
import { formatDiagnostic } from '../../../shared/scenario/diagnostics';
import { event, feedErrorsOf, folder, loaded, manifest, ndjson, ZONES } from './package-fixture';

async function feedEvents(name: string, content: string | Uint8Array, chunk = 65536) {
  const outcome = await loadFeed(createMemoryReader({ [name]: content }, 'feed', chunk), name);
  if (!outcome.ok) throw new Error(outcome.errors.map(formatDiagnostic).join('\n'));
  return outcome.events.map((r) => r.event);
}

describe('CSV feeds', () => {
  it('maps the MSEL fixture: BOM, CRLF, aliases, multi-line quoted text, casualties columns, injects', async () => {
    const bytes = readFileSync('tests/fixtures/scenarios/small/feeds/msel.csv');
    expect(await feedEvents('msel.csv', new Uint8Array(bytes), 5)).toEqual([
      {
        id: 'M-1',
        time: '2026-03-01T06:00:00.000Z',
        summary: 'Hotline call from Party B:\r\n"our positions were shelled"',
        expected_action: 'Log the call and open a check',
        'x-from': 'Party B liaison',
        'x-to': 'Operations desk',
        'x-inject-kind': 'phone',
        source: 'inject',
        type: 'inject',
      },
      {
        id: 'M-2',
        time: '2026-03-01T07:00:00.000Z',
        summary: 'Media report of casualties near Tarrow',
        expected_action: 'Verify with observers',
        casualties: { low: 1, best: 2, high: 4 },
        source: 'inject',
        type: 'inject',
      },
    ]);
  });

  it('accepts the other MSEL headings, any case, and parses numbers only for numeric fields', async () => {
    const csv = [
      'INJECT #,time,Event Description,Expected Action,Delivery Method,SOURCE,Type,LAT,lon,count,platform,x-Ref',
      'I-7,2026-03-01T01:00:00+01:00,"Column, 12 trucks",Report,radio,observer,vehicle-column, -44.0 ,-121,12,007,0042',
    ].join('\n');
    expect(await feedEvents('f.csv', csv)).toEqual([
      {
        id: 'I-7',
        time: '2026-03-01T00:00:00.000Z',
        summary: 'Column, 12 trucks',
        expected_action: 'Report',
        'x-inject-kind': 'radio',
        source: 'observer',
        type: 'vehicle-column',
        lat: -44.0,
        lon: -121,
        count: 12,
        platform: '007',
        'x-ref': '0042',
      },
    ]);
  });

  it('reads the section-8 harm figures as numbers, whole or as low/best/high columns', async () => {
    const csv = [
      'id,time,source,type,lat,lon,killed,civilian_killed_low,civilian_killed_best,civilian_killed_high,injured,target',
      'H-1,2026-03-01T01:00:00Z,observer,casualty-report,-44.0,-121,3,1,2,3,7,civilian',
    ].join('\n');
    expect(await feedEvents('f.csv', csv)).toEqual([
      {
        id: 'H-1',
        time: '2026-03-01T01:00:00.000Z',
        source: 'observer',
        type: 'casualty-report',
        lat: -44.0,
        lon: -121,
        killed: 3,
        civilian_killed: { low: 1, best: 2, high: 3 },
        injured: 7,
        target: 'civilian',
      },
    ]);
    expect(
      await feedErrorsOf(
        'g.csv',
        'id,time,source,type,lat,lon,killed,killed_best\nH-2,2026-03-01T01:00:00Z,observer,explosion,-44,-121,3,3\n',
      ),
    ).toEqual(['g.csv:2: record: has both "killed" and killed_low/best/high columns filled']);
  });

  it('keeps unknown columns under extra with a warning, and refuses duplicate or empty headings', async () => {
    const outcome = await loadFeed(
      createMemoryReader({
        'f.csv':
          'id,time,source,type,lat,lon,Colour\na,2026-03-01T01:00:00Z,drone,explosion,48,37,red\n',
      }),
      'f.csv',
    );
    expect(outcome.ok && outcome.events[0]!.event.extra).toEqual({ Colour: 'red' });
    expect(outcome.warnings.map(formatDiagnostic)).toEqual([
      'f.csv:2: Colour: unknown field, kept under "extra" (reported once per feed)',
    ]);
    expect(await feedErrorsOf('g.csv', 'Event #,id,time\n')).toEqual([
      'g.csv:1: record: columns 1 and 2 of the header row both map to "id"',
    ]);
    expect(await feedErrorsOf('h.csv', 'id,,time\n')).toEqual([
      'h.csv:1: record: column 2 of the header row has no heading',
    ]);
  });
});

describe('JSON array feeds', () => {
  it('reads pretty-printed arrays whose elements span lines and chunks', async () => {
    const events = [
      event({ id: 'a', summary: 'brackets ] and } and "quotes" \\ in text' }),
      event({ id: 'b', casualties: { low: 0, best: 1, high: 1 } }),
    ];
    const text = JSON.stringify(events, null, 4);
    for (const chunk of [1, 3, 64, 65536]) {
      expect((await feedEvents('f.json', text, chunk)).map((e) => e.id)).toEqual(['a', 'b']);
    }
  });

  it('reports elements that are not objects, text after the array and an unclosed array', async () => {
    expect(await feedErrorsOf('f.json', `[\n${JSON.stringify(event())},\n42\n]`)).toEqual([
      'f.json:3: record: must be a JSON object (one event), got 42',
    ]);
    expect(await feedErrorsOf('f.json', `[${JSON.stringify(event())}]\n]`)).toEqual([
      'f.json:2:1: record: unexpected text after the closing "]"',
    ]);
    expect(await feedErrorsOf('f.json', `[\n${JSON.stringify(event())},\n`)).toEqual([
      'f.json:2: record: the JSON array is not closed: the file ends before "]"',
    ]);
    expect(await feedErrorsOf('f.json', `[\n{"id": "a",\n "time": tomorrow}\n]`)).toEqual([
      'f.json:2: record: not valid JSON: expected a value, found "t" (line 3, column 10)',
    ]);
  });
});

describe('NDJSON feeds', () => {
  it('reads CRLF, a BOM, blank lines and a last line without a newline', async () => {
    const text = `\ufeff${JSON.stringify(event({ id: 'a' }))}\r\n\r\n${JSON.stringify(event({ id: 'b' }))}`;
    expect((await feedEvents('f.ndjson', text, 2)).map((e) => e.id)).toEqual(['a', 'b']);
  });

  it('a .jsonl or extension-less feed is recognised by its first character', async () => {
    expect(await feedEvents('f.jsonl', ndjson([event()]))).toHaveLength(1);
    expect(await feedEvents('feed', ndjson([event()]))).toHaveLength(1);
    expect(await feedEvents('feed2', JSON.stringify([event()]))).toHaveLength(1);
  });
});

describe('packages', () => {
  it('replays in (reported ?? time, id) order, with times in UTC and milliseconds', async () => {
    const feed = ndjson([
      event({ id: 'c', time: '2026-03-01T05:00:00+02:00' }),
      event({ id: 'b', time: '2026-03-01T02:00:00Z', reported: '2026-03-01T03:30:00.25Z' }),
      event({ id: 'a', time: '2026-03-01T03:00:00.5Z' }),
    ]);
    const { scenario } = await loaded(folder({ 'feeds/a.ndjson': feed }));
    expect(
      scenario.events.map((r) => [r.seq, r.event.id, r.event.time, r.event.reported ?? null]),
    ).toEqual([
      [0, 'c', '2026-03-01T03:00:00.000Z', null],
      [1, 'a', '2026-03-01T03:00:00.500Z', null],
      [2, 'b', '2026-03-01T02:00:00.000Z', '2026-03-01T03:30:00.250Z'],
    ]);
    expect(scenario.events[2]!.at).toBe(Date.parse('2026-03-01T02:00:00Z'));
    expect(scenario.events[2]!.shownAt).toBe(Date.parse('2026-03-01T03:30:00.25Z'));
  });

  it('finds the one *.scenario.json of a package, and takes a briefing inline or from a file', async () => {
    const single = manifest({
      zones: ZONES,
      feeds: [[event()]],
      briefing: '# Situation\nAll quiet.',
    });
    const { scenario } = await loaded(
      createMemoryReader({ 'east.scenario.json': JSON.stringify(single) }),
    );
    expect(scenario.briefing).toBe('# Situation\nAll quiet.');
    const withFile = folder({ 'feeds/a.ndjson': ndjson([event()]) }, { briefing: 'brief.md' });
    const files = new Map<string, string>();
    for (const p of await withFile.list())
      files.set(p, new TextDecoder().decode(await withFile.bytes(p)));
    files.set('brief.md', 'From the file.');
    expect((await loaded(createMemoryReader(files))).scenario.briefing).toBe('From the file.');
  });

  it('reads through Blobs (the renderer’s picked files) the same as through memory', async () => {
    const feed = ndjson([event({ id: 'a' }), event({ id: 'b' })]);
    const files = new Map<string, Blob>([
      ['scenario.json', new Blob([JSON.stringify(manifest())])],
      ['zones.geojson', new Blob([JSON.stringify(ZONES)])],
      ['feeds/a.ndjson', new Blob([feed])],
    ]);
    const fromBlobs = await loaded(createBlobReader(files));
    const fromMemory = await loaded(folder({ 'feeds/a.ndjson': feed }));
    expect(fromBlobs.scenario.hash).toBe(fromMemory.scenario.hash);
  });

  it('reports progress per chunk with bytes and events so far', async () => {
    const feed = ndjson(Array.from({ length: 200 }, (_, i) => event({ id: `e${i}` })));
    const reader = createMemoryReader(
      {
        'scenario.json': JSON.stringify(manifest()),
        'zones.geojson': JSON.stringify(ZONES),
        'feeds/a.ndjson': feed,
      },
      'pkg',
      1024,
    );
    const seen: LoadProgress[] = [];
    const outcome = await loadScenario(reader, { onProgress: (p) => seen.push(p) });
    expect(outcome.ok).toBe(true);
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.at(-1)).toMatchObject({
      file: 'feeds/a.ndjson',
      bytesRead: feed.length,
      bytesTotal: feed.length,
    });
    expect(seen.every((p, i) => i === 0 || p.bytesRead >= seen[i - 1]!.bytesRead)).toBe(true);
    expect(seen.at(-1)!.events).toBeGreaterThan(150);
  });

  it('computes zone membership and distances once at load', async () => {
    const feed = ndjson([
      event({ id: 'in', lat: -44.0, lon: -120.95 }),
      event({ id: 'out', lat: -44.0, lon: -120.5 }),
      event({ id: 'inj', source: 'inject', type: 'inject', lat: undefined, lon: undefined }),
    ]);
    const { scenario } = await loaded(folder({ 'feeds/a.ndjson': feed }));
    const byId = new Map(scenario.events.map((r) => [r.event.id, r]));
    expect(byId.get('in')!.zoneIds).toEqual(['buffer']);
    // 0.05° of longitude at 44° S.
    expect(byId.get('in')!.lineDistanceKm).toBeCloseTo(4.0, 1);
    expect(byId.get('out')!.zoneIds).toEqual([]);
    expect(byId.get('inj')!.lineDistanceKm).toBeNull();
  });
});

describe('structural JSON-array problems are reported once', () => {
  it('a file that is not an array, or has text after it, gets one error', async () => {
    expect(await feedErrorsOf('f.json', 'nope\nmore\nstill more\n')).toEqual([
      'f.json:1:1: record: a JSON array feed must start with "["',
    ]);
    const after = `[${JSON.stringify(event())}]\nx\ny\n`;
    expect(await feedErrorsOf('f.json', after)).toEqual([
      'f.json:2:1: record: unexpected text after the closing "]"',
    ]);
  });
});

describe('hostile field names', () => {
  it('a "__proto__" field is kept as an unknown field, in NDJSON and CSV alike', async () => {
    const line = `{"id":"a","time":"2026-03-01T01:00:00Z","source":"drone","type":"explosion","lat":-44.5,"lon":-121,"__proto__":{"polluted":true}}`;
    const [fromJson] = await feedEvents('f.ndjson', line);
    expect(Object.getPrototypeOf(fromJson!.extra)).toBe(Object.prototype);
    expect(Object.keys(fromJson!.extra!)).toEqual(['__proto__']);
    const [fromCsv] = await feedEvents(
      'f.csv',
      'id,time,source,type,lat,lon,__proto__\na,2026-03-01T01:00:00Z,drone,explosion,48,37,x\n',
    );
    expect(Object.keys(fromCsv!.extra!)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
