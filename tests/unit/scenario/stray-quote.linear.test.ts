// A stray quote leaves a CSV field (or a JSON string) open to the end of the
// file. The CSV reader used to join and split the whole open record again at
// every line, which cost the square of the file's length; it now does work in
// proportion to its input, counted here (characters handed to the record
// splitter), not timed. An open record stops at 1 MiB, the limit for one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvRecords, splitCsvRecord, type RawRecord } from '../../../shared/scenario/feed-records';
import {
  csvRowToEvent,
  parseCsvHeader,
  type CsvHeader,
} from '../../../shared/scenario/csv-columns';
import { MAX_LINE_BYTES, readLines } from '../../../shared/scenario/read-lines';
import { event, feedErrorsOf } from './package-fixture';

const HEADER = 'id,time,source,type,lat,lon,summary';
/** 1-based column of the stray quote in row `i`. */
const quoteColumn = (i: number) => row(i).indexOf('Shelling') + 1;
const row = (i: number) =>
  `e${i},2026-03-01T04:${String(i % 60).padStart(2, '0')}:00Z,observer,explosion,48.5,37.0,Shelling reported east of the crossing`;

/** A feed of `rows` rows; `strayAt`: the row whose summary starts with a stray quote. */
function feed(rows: number, strayAt?: number): string {
  const lines = [HEADER];
  for (let i = 0; i < rows; i++) {
    const text = row(i);
    lines.push(i === strayAt ? text.replace('Shelling', '"Shelling') : text);
  }
  return `${lines.join('\n')}\n`;
}

async function* chunks(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

/** Reads a CSV feed as the loader does (bytes → line batches → records). */
async function readCsv(text: string, chunk = 4096) {
  const reader = new CsvRecords();
  const records: RawRecord[] = [];
  for await (const batch of readLines(chunks(text, chunk))) records.push(...reader.push(batch));
  records.push(...reader.end());
  return { records, work: reader.charsScanned };
}

describe('CSV feeds are read in linear work', () => {
  it('a stray quote that leaves a field open to the end of the file: twice the input, at most ~twice the work', async () => {
    // 4,000 rows are about 330 KB: the open record stays under the 1 MiB record limit.
    const small = feed(4000, 1);
    const large = feed(8000, 1);
    const a = await readCsv(small);
    const b = await readCsv(large);
    expect(a.records.at(-1)!.problem).toMatch(/not closed before the end of the file/);
    expect(b.records.at(-1)!.problem).toMatch(/not closed before the end of the file/);
    expect(b.work / a.work).toBeLessThanOrEqual(2.1);
    // Each character is handed to the splitter once.
    expect(a.work).toBeLessThanOrEqual(small.length);
    expect(b.work).toBeLessThanOrEqual(large.length);
  });

  it('a clean file of the same size costs the same work', async () => {
    const clean = await readCsv(feed(8000));
    const stray = await readCsv(feed(8000, 1));
    expect(clean.records).toHaveLength(8000);
    expect(stray.work).toBeLessThanOrEqual(clean.work * 1.01);
  });

  it('an open record stops at 1 MiB: the rest of a large file is not held or split', async () => {
    const rows = Math.ceil((3 * MAX_LINE_BYTES) / row(0).length);
    const { records, work } = await readCsv(feed(rows, 10), 65536);
    expect(records).toHaveLength(11);
    expect(records.at(-1)).toMatchObject({ line: 12, column: quoteColumn(10) });
    expect(records.at(-1)!.problem).toMatch(
      /^the quoted field opened here is still open after 1 MiB/,
    );
    expect(work).toBeLessThanOrEqual(MAX_LINE_BYTES + 2 * row(0).length * 12);
  });
});

describe('a quoted field that is never closed is reported where it opened', () => {
  const hint = '(a stray quote? A quote inside a quoted field is written "")';

  it('on the line where its record starts, with the quote’s column', async () => {
    expect(await feedErrorsOf('f.csv', feed(5, 2))).toEqual([
      `f.csv:4:${quoteColumn(2)}: record: the quoted field opened here is not closed before the end of the file ${hint}`,
    ]);
  });

  it('on a later line of a multi-line record, named in the message', async () => {
    const csv = `${HEADER}\ne1,2026-03-01T04:00:00Z,observer,explosion,48.5,"37.0\n","x\n${row(2)}\n`;
    expect(await feedErrorsOf('f.csv', csv)).toEqual([
      `f.csv:2: record: the quoted field opened on line 3, column 3, is not closed before the end of the file ${hint}`,
    ]);
  });

  it('at the 1 MiB record limit, through the loader', async () => {
    const rows = Math.ceil((1.5 * MAX_LINE_BYTES) / row(0).length);
    expect(await feedErrorsOf('f.csv', feed(rows, 3))).toEqual([
      `f.csv:5:${quoteColumn(3)}: record: the quoted field opened here is still open after 1 MiB (${MAX_LINE_BYTES} characters), the limit for one record; the rest of the file was not read ${hint}`,
    ]);
  });
});

describe('a JSON array whose string is left open', () => {
  it('stops at 1 MiB, naming the line where the element starts', async () => {
    const lines = Array.from({ length: 12_000 }, (_, i) =>
      JSON.stringify(event({ id: `e${i}`, summary: 'Shelling reported east of the crossing' })),
    );
    lines[3] = lines[3]!.replace('crossing"', 'crossing');
    expect(await feedErrorsOf('f.json', `[\n${lines.join(',\n')}\n]\n`)).toEqual([
      `f.json:5: record: the element starting here is longer than 1 MiB (${MAX_LINE_BYTES} characters), the limit for one record; the rest of the file was not read (a string or bracket left open?)`,
    ]);
  });
});

/**
 * The reader as it was, splitting each record whole once its lines are
 * joined: quadratic, but plainly RFC 4180. The reference for the one above.
 */
function wholeRecords(lines: string[]): RawRecord[] {
  const records: RawRecord[] = [];
  let header: CsvHeader | null = null;
  let pending: string[] = [];
  let start = 0;
  lines.forEach((text, i) => {
    if (pending.length === 0) {
      if (text.length === 0 || text === '\r') return;
      start = i + 1;
    }
    pending.push(text);
    const joined = pending.join('\n');
    const fields = splitCsvRecord(joined.endsWith('\r') ? joined.slice(0, -1) : joined);
    if (typeof fields === 'object' && !Array.isArray(fields)) return;
    pending = [];
    if (typeof fields === 'string') records.push({ line: start, problem: fields });
    else if (!header) {
      const parsed = parseCsvHeader(fields);
      if (typeof parsed === 'string') throw new Error(parsed);
      header = parsed;
    } else if (!(fields.length === 1 && fields[0] === '')) {
      records.push(csvRowToEvent(header, fields, start));
    }
  });
  if (pending.length > 0) records.push({ line: start, problem: 'unclosed' });
  return records;
}

describe('reading line by line gives what splitting each record whole gives', () => {
  const cell = fc.string({
    unit: fc.constantFrom('a', ' ', ',', '"', '""', '\n', '\r\n', '\r', 'é'),
    maxLength: 8,
  });
  const body = fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { maxLength: 12 });

  it('for any text, quoted or not, with LF or CRLF, in any chunking', async () => {
    await fc.assert(
      fc.asyncProperty(
        body,
        fc.boolean(),
        fc.integer({ min: 1, max: 64 }),
        async (rows, quoteAll, chunk) => {
          const text = [
            'id,x-a,x-b,x-c',
            ...rows.map((r) =>
              r.map((c) => (quoteAll ? `"${c.replace(/"/g, '""')}"` : c)).join(','),
            ),
          ].join('\n');
          const expected = wholeRecords(text.split('\n'));
          const { records } = await readCsv(text, chunk);
          const last = expected.at(-1);
          if (last?.problem === 'unclosed') {
            expect(records.slice(0, -1)).toEqual(expected.slice(0, -1));
            expect(records.at(-1)!.line).toBe(last.line);
            expect(records.at(-1)!.problem).toMatch(/not closed before the end of the file/);
          } else {
            expect(records).toEqual(expected);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
