// Values that JSON.parse lets through but a scenario cannot hold — nesting
// deep enough to overflow what recurses after parsing, lone UTF-16
// surrogates, numbers that read as Infinity — are refused with the file, the
// line (feeds) and the JSON pointer where they are, and why. They used to end
// the load with `scenario.json: could not be loaded: …` (the wrong file, no
// place), or, for `1e999` in an `x-` field, be accepted and hashed as null.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMemoryReader } from '../../../shared/scenario/package-reader';
import { loadScenario } from '../../../shared/scenario/load-scenario';
import { MAX_JSON_DEPTH, jsonValueProblems } from '../../../shared/scenario/check-json-value';
import { errorsOf, event, feedErrorsOf, folder, manifest, ndjson, ZONES } from './package-fixture';

/** JSON text of `levels` arrays, one inside the other. */
const nested = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
/** An event's JSON text with extra members written as raw JSON text. */
const line = (id: string, raw: string) => `${JSON.stringify(event({ id })).slice(0, -1)},${raw}}`;

const SURROGATE_WHY = 'half of a UTF-16 pair, which is not Unicode text and has no RFC 8785 form';
const INFINITY_WHY =
  'it reads as Infinity, which JSON cannot hold (RFC 8785 refuses it); numbers must be finite';
const DEEP = `nesting deeper than ${MAX_JSON_DEPTH} levels`;

describe('in a feed record: file, line, field and pointer', () => {
  it('deep nesting in an NDJSON line', async () => {
    const feed = `${line('a', '"x-ok":1')}\n${line('b', `"x-deep":${nested(20_000)}`)}\n`;
    expect(await errorsOf(folder({ 'feeds/drone.ndjson': feed }))).toEqual([
      `feeds/drone.ndjson:2: x-deep: ${DEEP} at /x-deep/0/0/0/0/0/0/0/0/0/…`,
    ]);
  });

  it('a lone surrogate in a value and in a key', async () => {
    const feed = [
      line('a', '"x-note":{"text":"ok \\ud83d\\ude00"}'),
      line('b', '"x-note":{"text":"broken \\ud800"}'),
      line('c', '"x-\\udc00":1'),
    ].join('\n');
    expect(await errorsOf(folder({ 'feeds/a.ndjson': feed }))).toEqual([
      `feeds/a.ndjson:2: x-note: lone surrogate U+D800 at /x-note/text: ${SURROGATE_WHY}`,
      `feeds/a.ndjson:3: x-\\uDC00: lone surrogate U+DC00 in a key at /x-\\uDC00: ${SURROGATE_WHY}`,
    ]);
  });

  it('a number that reads as Infinity, in an x- field', async () => {
    const feed = `${line('a', '"x-big":1e999')}\n${line('b', '"x-small":-1e999')}\n`;
    expect(await errorsOf(folder({ 'feeds/a.ndjson': feed }))).toEqual([
      `feeds/a.ndjson:1: x-big: number out of range at /x-big: ${INFINITY_WHY}`,
      `feeds/a.ndjson:2: x-small: number out of range at /x-small: ${INFINITY_WHY.replace('Infinity', '-Infinity')}`,
    ]);
  });

  it('so 1e999 no longer loads as the null it used to hash like', async () => {
    const withNull = await loadScenario(folder({ 'feeds/a.ndjson': line('a', '"x-v":null') }));
    expect(withNull.ok).toBe(true);
    const withBig = await loadScenario(folder({ 'feeds/a.ndjson': line('a', '"x-v":1e999') }));
    expect(withBig.ok).toBe(false);
  });

  it('a JSON array element, at the line where it starts; a CSV cell', async () => {
    const array = `[\n  ${line('a', '"x-ok":1')},\n  ${line('b', '"x-big":1E400')}\n]\n`;
    expect(await errorsOf(folder({ 'feeds/a.json': array }))).toEqual([
      `feeds/a.json:3: x-big: number out of range at /x-big: ${INFINITY_WHY}`,
    ]);
    const csv = 'id,time,source,type,lat,lon\nc,2026-03-01T04:00:00Z,drone,explosion,1e999,37\n';
    expect(await feedErrorsOf('f.csv', csv)).toEqual([
      `f.csv:2: lat: number out of range at /lat: ${INFINITY_WHY}`,
    ]);
  });

  it(`nesting of exactly ${MAX_JSON_DEPTH} levels is accepted`, async () => {
    // The event is the first level.
    const feed = line('a', `"x-deep":${nested(MAX_JSON_DEPTH - 1)}`);
    expect(await errorsOf(folder({ 'feeds/a.ndjson': feed }))).toEqual([]);
    const deeper = line('a', `"x-deep":${nested(MAX_JSON_DEPTH)}`);
    expect(await errorsOf(folder({ 'feeds/a.ndjson': deeper }))).toEqual([
      `feeds/a.ndjson:1: x-deep: ${DEEP} at /x-deep/0/0/0/0/0/0/0/0/0/…`,
    ]);
  });
});

describe('in a JSON document: its own file and pointer', () => {
  const files = (over: Record<string, string>) =>
    createMemoryReader({
      'scenario.json': JSON.stringify(
        manifest({ sensors: 'sensors.json', protocol: 'protocol.json' }),
      ),
      'zones.geojson': JSON.stringify(ZONES),
      'sensors.json': JSON.stringify([{ id: 'S1', kind: 'ground-sensor', lat: -44, lon: -121 }]),
      'protocol.json': '{}',
      'feeds/a.ndjson': ndjson([event()]),
      ...over,
    });
  const sensor = (raw: string) =>
    `[{"id":"S1","kind":"ground-sensor","lat":-44,"lon":-121},{"id":"S2","kind":"drone","lat":-43.9,"lon":-121,${raw}}]`;
  const zones = (raw: string) => `${JSON.stringify(ZONES).slice(0, -1)},${raw}}`;

  it('sensors.json', async () => {
    expect(await errorsOf(files({ 'sensors.json': sensor(`"x-a":${nested(100)}`) }))).toEqual([
      `sensors.json:/1/x-a/0/0/0/0/0/0/0/0/…: ${DEEP}`,
    ]);
    expect(await errorsOf(files({ 'sensors.json': sensor('"x-a":"\\udbff"') }))).toEqual([
      `sensors.json:/1/x-a: lone surrogate U+DBFF: ${SURROGATE_WHY}`,
    ]);
  });

  it('zones.geojson', async () => {
    expect(await errorsOf(files({ 'zones.geojson': zones(`"x-a":{"b":${nested(70)}}`) }))).toEqual([
      `zones.geojson:/x-a/b/0/0/0/0/0/0/0/0/…: ${DEEP}`,
    ]);
    expect(await errorsOf(files({ 'zones.geojson': zones('"x-a":[1,2e308]') }))).toEqual([
      `zones.geojson:/x-a/1: number out of range: ${INFINITY_WHY}`,
    ]);
  });

  it('protocol.json', async () => {
    expect(await errorsOf(files({ 'protocol.json': '{"x-a":"\\ud800"}' }))).toEqual([
      `protocol.json:/x-a: lone surrogate U+D800: ${SURROGATE_WHY}`,
    ]);
  });

  it('scenario.json, with every problem it holds', async () => {
    const text = `${JSON.stringify(manifest()).slice(0, -1)},"x-deep":${nested(5000)},"x-big":1e999,"x-text":"\\udfff"}`;
    expect(await errorsOf(files({ 'scenario.json': text }))).toEqual([
      `scenario.json:/x-big: number out of range: ${INFINITY_WHY}`,
      `scenario.json:/x-text: lone surrogate U+DFFF: ${SURROGATE_WHY}`,
      `scenario.json:/x-deep/0/0/0/0/0/0/0/0/0/…: ${DEEP}`,
    ]);
  });

  it('a single-file scenario: inline zones and inline feed events, by pointer', async () => {
    const single = JSON.stringify(manifest({ zones: ZONES, sensors: undefined, feeds: [[]] }));
    const text = single
      .replace('"feeds":[[]]', `"feeds":[[${line('a', '"x-ok":1')},${line('b', '"x-v":-2e400')}]]`)
      .replace('"features":[', `"x-zone":"\\ud800","features":[`);
    expect(await errorsOf(createMemoryReader({ 'x.scenario.json': text }))).toEqual([
      `x.scenario.json:/zones/x-zone: lone surrogate U+D800: ${SURROGATE_WHY}`,
      `x.scenario.json:/feeds/0/1/x-v: number out of range: ${INFINITY_WHY.replace('Infinity', '-Infinity')}`,
    ]);
  });
});

/** Any JSON value without the problems above (strings without lone surrogates). */
const soundJson = fc.jsonValue({ maxDepth: 6 });

describe('jsonValueProblems', () => {
  it('finds nothing in JSON that round-trips through JSON.stringify', () => {
    fc.assert(
      fc.property(soundJson, (value) => {
        const parsed: unknown = JSON.parse(JSON.stringify(value));
        expect(jsonValueProblems(parsed)).toEqual([]);
      }),
    );
  });

  it('finds a planted Infinity or lone surrogate anywhere, at its path', () => {
    const path = fc.array(fc.oneof(fc.constantFrom('a', 'b', '~/'), fc.nat(2)), { maxLength: 6 });
    fc.assert(
      fc.property(path, fc.constantFrom(Infinity, -Infinity, '\ud800', 'x\udc00'), (keys, bad) => {
        let value: unknown = bad;
        for (let i = keys.length - 1; i >= 0; i--) {
          const key = keys[i]!;
          value =
            typeof key === 'number'
              ? [...Array.from({ length: key }, () => 0), value]
              : { ok: 1, [key]: value };
        }
        const problems = jsonValueProblems(value);
        expect(problems).toHaveLength(1);
        expect(problems[0]!.path).toEqual(keys);
      }),
    );
  });

  it('walks a million levels without overflowing the stack', () => {
    let value: unknown = [];
    for (let i = 0; i < 1_000_000; i++) value = [value];
    const [problem, ...rest] = jsonValueProblems(value);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ what: DEEP, cut: true });
  });
});
