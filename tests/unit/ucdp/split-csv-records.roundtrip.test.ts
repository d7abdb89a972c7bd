import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitCsvRecords } from '../../../shared/ucdp/split-csv-records';
import { csvField } from './ged-text';

const fieldText = fc.string({
  unit: fc.constantFrom('a', 'Z', ' ', ',', '"', ';', '\n', '\r\n', 'é', '1'),
  maxLength: 12,
});
// A record of one empty field is an empty line, which is not a record: keep at least 2 fields.
const table = fc.array(fc.array(fieldText, { minLength: 2, maxLength: 6 }), {
  minLength: 1,
  maxLength: 20,
});

describe('splitCsvRecords', () => {
  it('gives back any table written with RFC 4180 quoting, with LF or CRLF', () => {
    fc.assert(
      fc.property(table, fc.constantFrom('\n', '\r\n'), fc.boolean(), (rows, eol, finalEol) => {
        const text = rows.map((r) => r.map(csvField).join(',')).join(eol) + (finalEol ? eol : '');
        const records = splitCsvRecords(text);
        expect(records.map((r) => r.fields)).toEqual(rows);
        expect(records.every((r) => r.error === undefined)).toBe(true);
      }),
    );
  });

  it('reports the line each record starts on, counting line breaks inside quoted fields', () => {
    fc.assert(
      fc.property(table, fc.constantFrom('\n', '\r\n'), (rows, eol) => {
        const lines = rows.map((r) => r.map(csvField).join(','));
        const records = splitCsvRecords(lines.join(eol));
        let expected = 1;
        records.forEach((record, i) => {
          expect(record.line).toBe(expected);
          expected += (lines[i]!.match(/\r\n|\n|\r/g) ?? []).length + 1;
        });
      }),
    );
  });

  it('flags text after a closing quote without losing the records that follow', () => {
    const records = splitCsvRecords('a,b\n"x"y,2\nc,d\n');
    expect(records).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['xy', '2'], line: 2, error: 'field 1: text after the closing quote' },
      { fields: ['c', 'd'], line: 3 },
    ]);
  });
});
