// Variants of the real export, as GED files have actually been seen: other date
// spellings, Windows-1252 bytes, CRLF, a BOM, deaths out of order, broken rows.
import { describe, expect, it } from 'vitest';
import { UcdpImportError, importUcdpGed } from '../../../shared/ucdp/import-ucdp-ged';
import { realGedBytes, realGedTable, toCsv } from './ged-text';

const { header, rows } = realGedTable();
const col = (name: string) => header.indexOf(name);
const baseline = importUcdpGed(realGedBytes);

function withRows(edit: (row: string[], index: number) => string[] | null, eol = '\n'): string {
  const edited = rows
    .map((row, i) => edit([...row], i))
    .filter((row): row is string[] => row !== null);
  return toCsv(header, edited, eol);
}

function usDate(iso: string, style: 'ampm' | '24h'): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return style === 'ampm'
    ? `${m}/${d}/${y} 12:00:00 AM`
    : `${String(m).padStart(2, '0')}/${String(d).padStart(2, '0')}/${y} 00:00`;
}

describe('GED export variants', () => {
  it('re-serialising the real rows gives the same events (the variants start from here)', () => {
    expect(importUcdpGed(withRows((row) => row)).events).toEqual(baseline.events);
  });

  it('parses US-style dates M/D/YYYY h:mm:ss AM and MM/DD/YYYY HH:MM to the same events', () => {
    const text = withRows((row, i) => {
      const style = i % 2 === 0 ? 'ampm' : '24h';
      row[col('date_start')] = usDate(row[col('date_start')]!, style);
      row[col('date_end')] = usDate(row[col('date_end')]!, style);
      return row;
    });
    expect(text).toContain('1/22/2014 12:00:00 AM');
    const result = importUcdpGed(text);
    expect(result.events).toEqual(baseline.events);
    expect(result.counts.rowsRejected).toBe(0);
  });

  it('reads CRLF line ends and a UTF-8 BOM without any difference', () => {
    const crlf = withRows((row) => row, '\r\n');
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(crlf, 'utf8')]);
    const result = importUcdpGed(bytes);
    expect(result.encoding).toBe('utf-8');
    expect(result.events).toEqual(baseline.events);
    expect(result.warnings).toEqual(baseline.warnings);
  });

  it('imports Windows-1252 bytes with a warning naming the first bad byte and its line', () => {
    const text = withRows((row, i) => {
      if (i === 2) row[col('where_description')] = 'Café Zoë “front” – 5 km';
      return row;
    });
    // Encode by hand: every character used here exists in Windows-1252.
    const cp1252: Record<string, number> = { é: 0xe9, ë: 0xeb, '“': 0x93, '”': 0x94, '–': 0x96 };
    const bytes = Uint8Array.from([...text].map((ch) => cp1252[ch] ?? ch.charCodeAt(0)));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();

    const result = importUcdpGed(bytes);
    expect(result.encoding).toBe('windows-1252');
    expect(result.counts).toEqual({ rowsRead: 3077, eventsWritten: 3077, rowsRejected: 0 });
    const fileWarning = result.warnings.find((w) => w.line === undefined);
    expect(fileWarning?.message).toMatch(
      /^not valid UTF-8 \(first bad byte 0xe9 at byte \d+, line 4\); read as Windows-1252$/,
    );
    const id = `ucdp-${rows[2]![col('id')]}`;
    expect(result.events.find((e) => e.id === id)?.summary).toMatch(/^Café Zoë “front” – 5 km — /);
  });

  it('orders low/best/high given out of order and warns with the line', () => {
    const text = withRows((row, i) => {
      if (i === 0) [row[col('low')], row[col('best')], row[col('high')]] = ['9', '3', '1'];
      return row;
    });
    const result = importUcdpGed(text);
    expect(result.events.find((e) => e.id === 'ucdp-147997')?.killed).toEqual({
      low: 1,
      best: 3,
      high: 9,
    });
    expect(result.warnings).toContainEqual({
      line: 2,
      field: 'low/best/high',
      message: 'low/best/high were 9/3/1, ordered to 1/3/9',
    });
  });

  it('imports rows with civilian deaths as civilian_killed, one-sided violence as a casualty report aimed at civilians', () => {
    const text = withRows((row, i) => {
      if (i === 0) {
        row[col('type_of_violence')] = '3';
        [row[col('low')], row[col('best')], row[col('high')]] = ['10', '12', '15'];
        row[col('deaths_civilians')] = '12';
      }
      if (i === 1) {
        [row[col('low')], row[col('best')], row[col('high')]] = ['2', '3', '4'];
        row[col('deaths_civilians')] = '6';
      }
      if (i === 2) row[col('deaths_civilians')] = 'many';
      return i < 3 ? row : null;
    });
    const result = importUcdpGed(text);
    expect(result.events[0]).toMatchObject({
      type: 'casualty-report',
      subtype: 'one-sided',
      target: 'civilian',
      killed: { low: 10, best: 12, high: 15 },
      civilian_killed: 12,
    });
    expect(result.events[1]).toMatchObject({
      killed: { low: 2, best: 3, high: 4 },
      civilian_killed: 4,
    });
    expect(result.warnings).toContainEqual({
      line: 3,
      field: 'deaths_civilians',
      message: '6 is more than high (4); taken as 4',
    });
    expect(result.rejections).toEqual([
      expect.objectContaining({
        line: 4,
        field: 'deaths_civilians',
        reason: '"many" is not a whole number of deaths',
      }),
    ]);
    expect(result.counts).toEqual({ rowsRead: 3, eventsWritten: 2, rowsRejected: 1 });
  });

  it('imports an export without the deaths_civilians column, with no civilian figure', () => {
    const c = col('deaths_civilians');
    const text = toCsv(
      header.filter((_, i) => i !== c),
      rows.slice(0, 2).map((row) => row.filter((_, i) => i !== c)),
    );
    const result = importUcdpGed(text);
    expect(result.counts.eventsWritten).toBe(2);
    expect(
      result.events.every((e) => e.civilian_killed === undefined && e.killed !== undefined),
    ).toBe(true);
  });

  it('keeps multi-line quoted fields with embedded quotes, commas and semicolons in one row', () => {
    const text = withRows((row, i) => {
      if (i === 0) row[col('where_description')] = 'line one, "quoted";\nline two;\r\nline three';
      return row;
    });
    const result = importUcdpGed(text);
    expect(result.counts.rowsRead).toBe(3077);
    expect(result.events.find((e) => e.id === 'ucdp-147997')?.summary).toMatch(
      /^line one, "quoted"; line two; line three — /,
    );
    // The row after the multi-line one still reports its own start line.
    expect(result.rejections).toEqual([]);
  });

  it('rejects broken rows with their line and reason, and still accounts for every row', () => {
    const text = withRows((row, i) => {
      if (i === 0) return row.slice(0, 40); // truncated row
      if (i === 1) row[col('date_start')] = '2014-02-30';
      if (i === 2) row[col('latitude')] = 'north';
      if (i === 3) row[col('type_of_violence')] = '4';
      if (i === 4) row[col('best')] = 'many';
      if (i === 5) row[col('id')] = rows[6]![col('id')]!; // duplicate of the next row's id
      return row;
    });
    const result = importUcdpGed(text);
    expect(result.counts).toEqual({ rowsRead: 3077, eventsWritten: 3071, rowsRejected: 6 });
    expect(result.counts.eventsWritten + result.counts.rowsRejected).toBe(result.counts.rowsRead);
    const reasons = result.rejections.map((r) => `${r.line} ${r.field ?? '-'} ${r.reason}`);
    expect(reasons).toEqual([
      '2 - has 40 fields, the header has 49',
      '3 date_start "2014-02-30" is not a calendar date',
      '4 latitude "north" is not a number',
      expect.stringMatching(/^\d+ type_of_violence "4" is not 1, 2 or 3$/),
      expect.stringMatching(/^\d+ best "many" is not a whole number of deaths$/),
      expect.stringMatching(/^\d+ id duplicate GED id \d+ \(first on line \d+\)$/),
    ]);
  });

  it('rejects an unterminated quote at the end of the file as one malformed row', () => {
    const text = `${withRows((row) => row)}999999999,"never closed,1,2\n3,4\n`;
    const result = importUcdpGed(text);
    expect(result.counts).toEqual({ rowsRead: 3078, eventsWritten: 3077, rowsRejected: 1 });
    expect(result.rejections[0]?.reason).toMatch(
      /^malformed CSV record: quoted field opened on line \d+ is never closed$/,
    );
    expect(result.rejections[0]?.gedId).toBe('999999999');
  });

  it('refuses a file that is not a GED export, naming the missing columns', () => {
    expect(() => importUcdpGed('id,date,lat\n1,2020-01-01,50\n')).toThrow(UcdpImportError);
    expect(() => importUcdpGed('id,date,lat\n1,2020-01-01,50\n')).toThrow(
      /missing columns relid, type_of_violence/,
    );
    expect(() => importUcdpGed(new Uint8Array())).toThrow(/empty/);
  });
});
