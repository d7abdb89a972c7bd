// Reads the real GED export once and offers row-level edits for the variant tests.
import { readFileSync } from 'node:fs';
import { splitCsvRecords } from '../../../shared/ucdp/split-csv-records';
import { sharedDataFile } from '../../support/shared-data';

export const REAL_GED_PATH = sharedDataFile('ucdp-ged-ukraine.csv');
export const realGedBytes = readFileSync(REAL_GED_PATH);
export const realGedText = realGedBytes.toString('utf8');

/** RFC 4180 quoting, as GED writes it (only when needed). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The real file as header + rows of fields, for rewriting. */
export function realGedTable(): { header: string[]; rows: string[][] } {
  const records = splitCsvRecords(realGedText);
  const [header, ...rows] = records.map((r) => r.fields);
  return { header: header!, rows };
}

/** Writes a table back to CSV text with the given line end. */
export function toCsv(header: string[], rows: string[][], eol = '\n'): string {
  return [header, ...rows].map((fields) => fields.map(csvField).join(',')).join(eol) + eol;
}
