// Property tests: valid events survive NDJSON, JSON-array and CSV alike and in
// any chunking; corrupted feeds never crash the loader and always name a line;
// the fast paths never accept what the one schema refuses.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysFromCivil, fastPathAccepts, parseIsoTime } from '../../../shared/scenario/check-event';
import { loadScenario } from '../../../shared/scenario/load-scenario';
import { createMemoryReader } from '../../../shared/scenario/package-reader';
import {
  eventSchema,
  EVENT_TYPES,
  isoDateTime,
  SOURCES,
  WEAPON_CLASSES,
} from '../../../shared/scenario/schema';
import { manifest, ZONES } from './package-fixture';

const START = Date.parse('2026-03-01T00:00:00Z');
const END = Date.parse('2026-03-02T00:00:00Z');

const text = fc.string({
  minLength: 1,
  maxLength: 30,
  unit: fc.oneof(
    fc.constantFrom('"', ',', '\n', '\r\n', ' ', 'é', '\u{1F600}', '\\'),
    fc.string({ minLength: 1, maxLength: 1 }),
  ),
});

/** An ISO time in the window, in one of the forms the format allows. */
const isoTime = (min: number, max: number) =>
  fc
    .tuple(fc.integer({ min, max }), fc.constantFrom(0, 60, -90, 120), fc.boolean())
    .map(([ms, offsetMin, fraction]) => {
      const local = new Date(ms + offsetMin * 60_000).toISOString();
      const body = fraction ? local.slice(0, 23) : local.slice(0, 19);
      if (offsetMin === 0) return `${body}Z`;
      const sign = offsetMin > 0 ? '+' : '-';
      const abs = Math.abs(offsetMin);
      return `${body}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
    });

const validEvent = fc
  .record(
    {
      source: fc.constantFrom(...SOURCES),
      type: fc.oneof(
        fc.constantFrom(...EVENT_TYPES),
        fc.constantFrom('x-flare', 'x-drone.sighting_2'),
      ),
      at: fc.integer({ min: START + 1000, max: END - 3_600_000 }),
      delay: fc.option(fc.integer({ min: 0, max: 3_600_000 }), { nil: undefined }),
      lat: fc.double({ min: -90, max: 90, noNaN: true }).map((x) => x + 0),
      lon: fc.double({ min: -180, max: 180, noNaN: true }).map((x) => x + 0),
      confidence: fc.option(
        fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x + 0),
        { nil: undefined },
      ),
      count: fc.option(fc.integer({ min: 1, max: 500 }), { nil: undefined }),
      weapon_class: fc.option(fc.constantFrom(...WEAPON_CLASSES), { nil: undefined }),
      casualties: fc.option(
        fc.oneof(
          fc.nat(50),
          fc.tuple(fc.nat(9), fc.nat(9), fc.nat(9)).map(([a, b, c]) => {
            const [low, best, high] = [a, b, c].sort((x, y) => x - y);
            return { low, best, high };
          }),
        ),
        { nil: undefined },
      ),
      party: fc.option(fc.constantFrom('A', 'B'), { nil: undefined }),
      summary: fc.option(text, { nil: undefined }),
      note: fc.option(text, { nil: undefined }),
    },
    { requiredKeys: ['source', 'type', 'at', 'lat', 'lon'] },
  )
  .chain((r) =>
    isoTime(r.at, r.at).map((time) => {
      const e: Record<string, unknown> = { time, source: r.source, type: r.type };
      if (r.delay !== undefined) e.reported = new Date(Date.parse(time) + r.delay).toISOString();
      if (r.source !== 'inject') Object.assign(e, { lat: r.lat, lon: r.lon });
      for (const k of [
        'confidence',
        'count',
        'weapon_class',
        'casualties',
        'party',
        'summary',
      ] as const) {
        if (r[k] !== undefined) e[k] = r[k];
      }
      if (r.note !== undefined) e['x-note'] = r.note;
      return e;
    }),
  );

const validEvents = fc
  .array(validEvent, { minLength: 1, maxLength: 25 })
  .map((events) => events.map((e, i) => ({ id: `ev-${i}`, ...e })));

function toNdjson(events: Record<string, unknown>[]): string {
  return events.map((e) => JSON.stringify(e)).join('\n');
}

function toJsonArray(events: Record<string, unknown>[]): string {
  return JSON.stringify(events, null, 2);
}

const CASUALTY_COLUMNS = ['casualties_low', 'casualties_best', 'casualties_high'];

function toCsv(events: Record<string, unknown>[], crlf: boolean): string {
  const columns = [...new Set(events.flatMap((e) => Object.keys(e)))].flatMap((k) =>
    k === 'casualties' ? ['casualties', ...CASUALTY_COLUMNS] : [k],
  );
  const cell = (v: unknown) => (v === undefined ? '' : `"${String(v).replace(/"/g, '""')}"`);
  const rows = events.map((e) =>
    columns
      .map((c) => {
        const cas = e.casualties;
        if (c === 'casualties') return typeof cas === 'number' ? cell(cas) : '';
        if (CASUALTY_COLUMNS.includes(c))
          return typeof cas === 'object' && cas
            ? cell((cas as Record<string, number>)[c.slice(11)])
            : '';
        return cell(e[c]);
      })
      .join(','),
  );
  const nl = crlf ? '\r\n' : '\n';
  return `\ufeff${columns.map((c) => (c === 'id' ? 'Event #' : c.toUpperCase())).join(',')}${nl}${rows.join(nl)}${nl}`;
}

function pkg(feedName: string, feed: string, chunk = 65536) {
  return createMemoryReader(
    {
      'scenario.json': JSON.stringify(manifest({ feeds: [feedName], sensors: undefined })),
      'zones.geojson': JSON.stringify(ZONES),
      [feedName]: feed,
    },
    'pkg',
    chunk,
  );
}

const normalised = (events: Record<string, unknown>[]) =>
  events
    .map((e) => {
      const n: Record<string, unknown> = {
        ...e,
        time: new Date(Date.parse(e.time as string)).toISOString(),
      };
      if (e.reported !== undefined)
        n.reported = new Date(Date.parse(e.reported as string)).toISOString();
      return n;
    })
    .sort((a, b) => {
      const sa = (a.reported ?? a.time) as string;
      const sb = (b.reported ?? b.time) as string;
      return sa !== sb ? (sa < sb ? -1 : 1) : (a.id as string) < (b.id as string) ? -1 : 1;
    });

describe('valid events round-trip through every feed format', () => {
  it('NDJSON, JSON array and CSV (BOM, CRLF, MSEL heading, upper-case headings) load the same events', async () => {
    await fc.assert(
      fc.asyncProperty(
        validEvents,
        fc.boolean(),
        fc.integer({ min: 1, max: 40 }),
        async (events, crlf, chunk) => {
          const expected = normalised(events);
          const hashes = new Set<string>();
          for (const [name, feed] of [
            ['feeds/a.ndjson', toNdjson(events)],
            ['feeds/a.json', toJsonArray(events)],
            ['feeds/a.csv', toCsv(events, crlf)],
          ] as const) {
            const outcome = await loadScenario(pkg(name, feed, chunk));
            if (!outcome.ok) throw new Error(`${name}: ${JSON.stringify(outcome.errors)}`);
            expect(outcome.scenario.events.map((r) => r.event)).toEqual(expected);
            hashes.add(outcome.scenario.hash);
          }
          expect(hashes.size).toBe(1);
        },
      ),
      { numRuns: 60 },
    );
  });
});

type Mutation = { kind: 'delete' | 'insert' | 'truncate' | 'duplicate'; at: number; char: string };
const mutation = fc.record({
  kind: fc.constantFrom<Mutation['kind']>('delete', 'insert', 'truncate', 'duplicate'),
  at: fc.nat(),
  char: fc.constantFrom('"', ',', '{', '}', '[', ']', '\n', 'x', '1', '\\', ':', '\u00e9', '\r'),
});

function corrupt(text: string, mutations: Mutation[]): string {
  let t = text;
  for (const m of mutations) {
    const at = t.length === 0 ? 0 : m.at % t.length;
    if (m.kind === 'delete') t = t.slice(0, at) + t.slice(at + 1);
    else if (m.kind === 'insert') t = t.slice(0, at) + m.char + t.slice(at);
    else if (m.kind === 'truncate') t = t.slice(0, at);
    else {
      const lines = t.split('\n');
      const i = at % Math.max(1, lines.length);
      lines.splice(i, 0, lines[i] ?? '');
      t = lines.join('\n');
    }
  }
  return t;
}

describe('corrupted feeds', () => {
  it('never crash the loader, and every error names a line of the file', async () => {
    await fc.assert(
      fc.asyncProperty(
        validEvents,
        fc.constantFrom('ndjson', 'json', 'csv'),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        async (events, format, mutations) => {
          const name = `feeds/a.${format}`;
          const clean =
            format === 'ndjson'
              ? toNdjson(events)
              : format === 'json'
                ? toJsonArray(events)
                : toCsv(events, false);
          const feed = corrupt(clean, mutations);
          const outcome = await loadScenario(pkg(name, feed, 7));
          if (outcome.ok) return;
          const lineCount = feed.split('\n').length;
          for (const e of outcome.errors) {
            expect(e.file).toBe(name);
            expect(e.line).toBeGreaterThanOrEqual(1);
            expect(e.line).toBeLessThanOrEqual(lineCount);
            expect(e.field).toBeTruthy();
            expect(e.message).not.toMatch(/\n\s+at /);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('fast paths agree with the schema', () => {
  const nearValid = fc.tuple(
    validEvent,
    fc.dictionary(
      fc.constantFrom(
        'id',
        'time',
        'reported',
        'source',
        'type',
        'lat',
        'lon',
        'confidence',
        'count',
        'casualties',
        'summary',
        'precision_m',
        'bearing_deg',
        'calibre_mm',
        'party',
        'extra',
      ),
      fc.oneof(
        fc.anything(),
        fc.double(),
        fc.integer({ min: -5, max: 5 }),
        fc.constantFrom(
          undefined,
          'x-',
          '2026-02-29T00:00:00Z',
          '2026-03-01T24:00:00Z',
          '2026-03-01T10:00:00.5+14:00',
          'inject',
          { low: 2, best: 1, high: 3 },
          'a'.repeat(4001),
        ),
      ),
      { maxKeys: 3 },
    ),
  );

  it('an event the fast path accepts is one the zod schema accepts', () => {
    fc.assert(
      fc.property(nearValid, ([event, changes]) => {
        const candidate: Record<string, unknown> = { id: 'e', ...event, ...changes };
        for (const [k, v] of Object.entries(candidate)) if (v === undefined) delete candidate[k];
        if (fastPathAccepts(candidate)) expect(eventSchema.safeParse(candidate).success).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('the time parser accepts exactly what the schema accepts, with the same instant as Date.parse', () => {
    const digits = (n: number) =>
      fc
        .array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n })
        .map((d) => d.join(''));
    const timeLike = fc.oneof(
      fc
        .tuple(
          digits(4),
          digits(2),
          digits(2),
          digits(2),
          digits(2),
          digits(2),
          fc.constantFrom('', '.5', '.123', '.123456', '.'),
          fc.constantFrom('Z', '+02:00', '-11:30', '+24:00', 'z', '', '+0200'),
        )
        .map(([y, mo, d, h, mi, s, f, z]) => `${y}-${mo}-${d}T${h}:${mi}:${s}${f}${z}`),
      isoTime(0, 4102444800000),
      fc.string(),
    );
    fc.assert(
      fc.property(timeLike, (s) => {
        const ours = parseIsoTime(s);
        const schema = isoDateTime.safeParse(s).success;
        expect(!Number.isNaN(ours)).toBe(schema);
        if (schema && Date.parse(s) >= 0) expect(ours).toBe(Date.parse(s));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('time arithmetic', () => {
  it('daysFromCivil gives the day Date gives for every year 0000–9999', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (year, month, day) => {
          const date = new Date(0);
          date.setUTCFullYear(year, month - 1, day);
          // Days past the month's end roll over in Date; compare the day Date landed on.
          const y = date.getUTCFullYear();
          const m = date.getUTCMonth() + 1;
          const d = date.getUTCDate();
          expect(daysFromCivil(y, m, d) * 86_400_000).toBe(date.getTime());
        },
      ),
      { numRuns: 5000 },
    );
  });
});
