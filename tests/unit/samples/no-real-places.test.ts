// Nothing in the repository sets a scenario on real places: no sample, fixture,
// generated scenario, document or message names a place or time zone of the
// old sample trace, or holds a latitude and longitude in its region. The list
// and the box live in real-places.txt; files whose path contains "ucdp" (real
// history, imported as it is) are not searched.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const LIST = 'tests/unit/samples/real-places.txt';

interface RealPlaces {
  names: string[];
  zones: string[];
  box: { lat: [number, number]; lon: [number, number] };
  allowed: string[];
}

function readList(text: string): RealPlaces {
  const sections = new Map<string, string[]>();
  let current = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const header = /^\[(\w+)\]$/.exec(line);
    if (header) {
      current = header[1]!;
      sections.set(current, []);
    } else {
      sections.get(current)?.push(line);
    }
  }
  const range = (key: string): [number, number] => {
    const row = sections.get('box')?.find((l) => l.startsWith(`${key} `));
    if (!row) throw new Error(`${LIST}: [box] has no "${key} MIN MAX" line`);
    const [, min, max] = row.split(/\s+/);
    return [Number(min), Number(max)];
  };
  return {
    names: sections.get('names') ?? [],
    zones: sections.get('zones') ?? [],
    box: { lat: range('lat'), lon: range('lon') },
    allowed: (sections.get('allowed') ?? []).map((l) => {
      const [phrase, reason] = l.split(' -- ');
      if (!reason) throw new Error(`${LIST}: allowed phrase "${l}" gives no reason after " -- "`);
      return phrase!.trim();
    }),
  };
}

const NUMBER = String.raw`-?\d+(?:\.\d+)?`;

/** Every place in `text` where the old trace shows through, as "line: why". */
function realPlaceFindings(text: string, list: RealPlaces): string[] {
  const found: string[] = [];
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const names = new RegExp(`\\b(${list.names.map(escape).join('|')})\\b`, 'i');
  const allowed = list.allowed.map((p) => new RegExp(escape(p), 'gi'));
  const inBox = (lat: number, lon: number) =>
    lat >= list.box.lat[0] &&
    lat <= list.box.lat[1] &&
    lon >= list.box.lon[0] &&
    lon <= list.box.lon[1];
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const line = allowed.reduce((l, re) => l.replace(re, ' '), raw);
    const at = `${i + 1}`;
    const name = names.exec(line);
    if (name) found.push(`${at}: names ${name[1]}`);
    for (const zone of list.zones) if (line.includes(zone)) found.push(`${at}: time zone ${zone}`);
    // GeoJSON-style [lon, lat] pairs.
    for (const m of line.matchAll(
      new RegExp(`\\[\\s*(${NUMBER})\\s*,\\s*(${NUMBER})\\s*\\]`, 'g'),
    )) {
      if (inBox(Number(m[2]), Number(m[1]))) found.push(`${at}: position [${m[1]}, ${m[2]}]`);
    }
    // lat and lon fields, in JSON or code, on this line or split over two.
    const pair = `${line}\n${lines[i + 1] ?? ''}`;
    const lat = new RegExp(`\\blat(?:itude)?"?\\s*[:=]\\s*(${NUMBER})`).exec(line);
    const lon = new RegExp(`\\blon(?:gitude)?"?\\s*[:=]\\s*(${NUMBER})`).exec(pair);
    if (lat && lon && inBox(Number(lat[1]), Number(lon[1]))) {
      found.push(`${at}: lat ${lat[1]}, lon ${lon[1]}`);
    }
  });
  return found;
}

function trackedFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' });
  return out.split('\0').filter((path) => path !== '' && path !== LIST && !/ucdp/i.test(path));
}

const list = readList(readFileSync(LIST, 'utf8'));

describe('no real places', () => {
  it('finds the old trace where it would show: a name, a zone, a GeoJSON position, a lat/lon object', () => {
    // Built from the list, so that this file names no real place itself.
    const name = list.names[0]!;
    const zone = list.zones[0]!;
    const lat = (list.box.lat[0] + list.box.lat[1]) / 2;
    const lon = (list.box.lon[0] + list.box.lon[1]) / 2;
    expect(realPlaceFindings(`The line ran past ${name}.`, list)).toEqual([`1: names ${name}`]);
    expect(realPlaceFindings(`"timezone": "${zone}",`, list)).toContain(`1: time zone ${zone}`);
    expect(realPlaceFindings(`"coordinates": [[${lon}, ${lat}], [-120.5, -44.1]]`, list)).toEqual([
      `1: position [${lon}, ${lat}]`,
    ]);
    expect(realPlaceFindings(`{ "lat": ${lat}, "lon": ${lon} }`, list)).toEqual([
      `1: lat ${lat}, lon ${lon}`,
    ]);
    expect(realPlaceFindings(`      lat: ${lat},\n      lon: ${lon},`, list)).toEqual([
      `1: lat ${lat}, lon ${lon}`,
    ]);
    // The invented island, and the real data cited as such, pass.
    expect(realPlaceFindings('{ "lat": -44.2, "lon": -120.5 } near Kerrow', list)).toEqual([]);
    expect(realPlaceFindings(`the UCDP ${list.allowed[0]}`, list)).toEqual([]);
  });

  it('finds nothing in any tracked file outside the UCDP material', () => {
    const files = trackedFiles();
    expect(files.length).toBeGreaterThan(100);
    const found: string[] = [];
    for (const path of files) {
      const bytes = readFileSync(path);
      // Binary files (screenshots, icons) hold no text to search.
      if (bytes.subarray(0, 8000).includes(0)) continue;
      for (const f of realPlaceFindings(bytes.toString('utf8'), list)) found.push(`${path}:${f}`);
    }
    expect(found).toEqual([]);
  });
});
