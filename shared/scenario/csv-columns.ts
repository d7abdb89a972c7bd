// CSV headings → event fields (docs/SCENARIO-FORMAT.md section 5), and one row → the
// event it maps to. Numbers are parsed from text only for numeric fields, so a
// bad number still reaches the schema as text and gets a message naming it.
import { EVENT_FIELDS } from './schema';
import type { RawRecord } from './feed-records';

/** HSEEP MSEL headings accepted as aliases (lower case). */
const ALIASES: Record<string, string> = {
  'event #': 'id',
  'inject #': 'id',
  'scenario time': 'time',
  time: 'time',
  description: 'summary',
  'event description': 'summary',
  'expected action': 'expected_action',
  'expected player action': 'expected_action',
  from: 'x-from',
  to: 'x-to',
  method: 'x-inject-kind',
  'delivery method': 'x-inject-kind',
};

/** The people-count fields (section 8 adds the last four); each may come as `<field>_low/_best/_high` columns. */
const PEOPLE_FIELDS = [
  'casualties',
  'killed',
  'injured',
  'civilian_killed',
  'civilian_injured',
] as const;
type PeopleField = (typeof PEOPLE_FIELDS)[number];

/** Range column → the count field and the part of it the column holds. */
const RANGE_PARTS = new Map<string, { field: PeopleField; part: 'low' | 'best' | 'high' }>(
  PEOPLE_FIELDS.flatMap((field) =>
    (['low', 'best', 'high'] as const).map(
      (part) => [`${field}_${part}`, { field, part }] as const,
    ),
  ),
);

const NUMERIC = new Set([
  'lat',
  'lon',
  'precision_m',
  'confidence',
  'calibre_mm',
  'count',
  'bearing_deg',
  ...PEOPLE_FIELDS,
  ...RANGE_PARTS.keys(),
]);

const NUMBER_TEXT = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

export interface CsvHeader {
  /** Event field (or part of a people-count range) per column, in column order. */
  columns: string[];
  /** Headings that map to no event field (kept under `extra`). */
  unknown: string[];
}

/** Maps the header row; a string is the reason it cannot be used. */
export function parseCsvHeader(headings: string[]): CsvHeader | string {
  const columns: string[] = [];
  const unknown: string[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < headings.length; i++) {
    const heading = headings[i]!.trim();
    const lower = heading.toLowerCase();
    let field: string;
    if (Object.hasOwn(ALIASES, lower)) field = ALIASES[lower]!;
    else if (lower.startsWith('x-')) field = lower;
    else if ((EVENT_FIELDS.has(lower) && lower !== 'extra') || RANGE_PARTS.has(lower)) {
      field = lower;
    } else {
      field = heading;
      if (heading.length > 0) unknown.push(heading);
    }
    if (heading.length === 0) {
      return `column ${i + 1} of the header row has no heading`;
    }
    const earlier = seen.get(field);
    if (earlier !== undefined) {
      return `columns ${earlier + 1} and ${i + 1} of the header row both map to "${field}"`;
    }
    seen.set(field, i);
    columns.push(field);
  }
  if (!seen.has('id')) return 'the header row has no "id" column (or an alias such as "Event #")';
  return { columns, unknown };
}

/** One CSV row as the event it maps to; empty cells are absent fields. */
export function csvRowToEvent(header: CsvHeader, cells: string[], line: number): RawRecord {
  const { columns } = header;
  if (cells.length > columns.length) {
    return {
      line,
      problem: `the row has ${cells.length} fields but the header has ${columns.length}`,
    };
  }
  const event: Record<string, unknown> = {};
  const ranges = new Map<PeopleField, Record<string, unknown>>();
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    if (cell.length === 0) continue;
    const field = columns[i]!;
    const value = NUMERIC.has(field) && NUMBER_TEXT.test(cell) ? Number(cell) : cell;
    const range = RANGE_PARTS.get(field);
    if (range) {
      const parts = ranges.get(range.field) ?? {};
      parts[range.part] = value;
      ranges.set(range.field, parts);
    } else if (field === '__proto__') {
      Object.defineProperty(event, field, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else event[field] = value;
  }
  for (const [field, parts] of ranges) {
    if (event[field] !== undefined) {
      return {
        line,
        problem: `has both "${field}" and ${field}_low/best/high columns filled`,
      };
    }
    event[field] = parts;
  }
  if (event.source === undefined && event.type === undefined) {
    event.source = 'inject';
    event.type = 'inject';
  }
  const record: RawRecord = { line, value: event };
  if (header.unknown.length > 0) record.unknownFields = header.unknown;
  return record;
}
