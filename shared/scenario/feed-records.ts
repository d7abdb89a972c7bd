// Turns the lines of a feed file (NDJSON, JSON array or CSV) into raw records,
// each tagged with the line on which it starts. Checking the records against
// the event schema happens later, in check-event.ts.
import type { LineBatch } from './read-lines';
import { lineColumn, locateJsonError } from './json-error';
import { csvRowToEvent, parseCsvHeader, type CsvHeader } from './csv-columns';

/** One record of a feed, or the reason it could not be read. */
export interface RawRecord {
  line: number;
  column?: number;
  value?: unknown;
  /** Set when the record could not be parsed at all. */
  problem?: string;
  /** The JSON text had `\u` escapes (which may encode lone surrogates). */
  escapes?: boolean;
  /** Set for CSV records: the columns that map to no event field. */
  unknownFields?: readonly string[];
}

export type FeedFormat = 'ndjson' | 'json-array' | 'csv';

/** The format from the file name, or from the first character when the name does not tell. */
export function feedFormatOf(path: string, firstText: string): FeedFormat {
  const lower = path.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.ndjson') || lower.endsWith('.jsonl')) return 'ndjson';
  const first = firstText.trimStart()[0];
  if (first === '[') return 'json-array';
  if (first === '{') return 'ndjson';
  return lower.endsWith('.json') ? 'json-array' : 'csv';
}

/** Parses one JSON text that starts on `line`, reporting failures as records. */
function parseJsonRecord(text: string, line: number): RawRecord {
  try {
    const record: RawRecord = { line, value: JSON.parse(text) };
    if (text.includes('\\u')) record.escapes = true;
    return record;
  } catch {
    const problem = locateJsonError(text);
    if (!problem) return { line, problem: 'not valid JSON' };
    const at = lineColumn(text, problem.offset);
    // The record keeps its starting line; a later line of it is named in the text.
    return at.line === 1
      ? { line, column: at.column, problem: `not valid JSON: ${problem.message}` }
      : {
          line,
          problem: `not valid JSON: ${problem.message} (line ${line + at.line - 1}, column ${at.column})`,
        };
  }
}

/** NDJSON: one record per non-blank line. */
export function ndjsonRecords(batch: LineBatch): RawRecord[] {
  const records: RawRecord[] = [];
  const { lines, firstLine } = batch;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    if (text.length === 0 || (text.charCodeAt(0) <= 32 && text.trim().length === 0)) continue;
    records.push(parseJsonRecord(text, firstLine + i));
  }
  return records;
}

/**
 * A JSON array read line by line: tracks strings and nesting to find where each
 * element starts and ends, then JSON.parses the element alone.
 */
export class JsonArrayRecords {
  /** `dead`: a structural problem was reported; the rest of the file is skipped. */
  private state: 'before' | 'inside' | 'after' | 'dead' = 'before';
  private depth = 0;
  private inString = false;
  private escaped = false;
  private parts: string[] = [];
  private elementLine = 0;
  private inElement = false;
  private lastLine = 0;

  push(batch: LineBatch): RawRecord[] {
    const records: RawRecord[] = [];
    for (let i = 0; i < batch.lines.length; i++) {
      const line = batch.firstLine + i;
      this.lastLine = line;
      this.scanLine(batch.lines[i]!, line, records);
    }
    return records;
  }

  /** Records or problems left when the file ends. */
  end(): RawRecord[] {
    if (this.state === 'before') {
      return [{ line: 1, problem: 'a JSON array feed must start with "["' }];
    }
    if (this.state === 'inside') {
      const line = this.inElement ? this.elementLine : this.lastLine;
      return [{ line, problem: 'the JSON array is not closed: the file ends before "]"' }];
    }
    return [];
  }

  private scanLine(text: string, line: number, records: RawRecord[]): void {
    if (this.state === 'dead') return;
    let segmentStart = this.inElement ? 0 : -1;
    for (let c = 0; c < text.length; c++) {
      const ch = text.charCodeAt(c);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (ch === 92) this.escaped = true;
        else if (ch === 34) this.inString = false;
        continue;
      }
      if (ch === 32 || ch === 9 || ch === 13) continue;
      if (this.state === 'before') {
        if (ch === 91) {
          this.state = 'inside';
          continue;
        }
        records.push({ line, column: c + 1, problem: 'a JSON array feed must start with "["' });
        this.state = 'dead';
        return;
      }
      if (this.state === 'after') {
        records.push({ line, column: c + 1, problem: 'unexpected text after the closing "]"' });
        this.state = 'dead';
        return;
      }
      if (!this.inElement) {
        if (ch === 44) continue;
        if (ch === 93) {
          this.state = 'after';
          continue;
        }
        this.inElement = true;
        this.elementLine = line;
        segmentStart = c;
      }
      if (ch === 34) this.inString = true;
      else if (ch === 123 || ch === 91) this.depth++;
      else if (ch === 125 || ch === 93) {
        if (this.depth === 0) {
          // `]` closing the array right after a primitive element.
          this.finishElement(text.slice(segmentStart, c), records);
          segmentStart = -1;
          this.state = 'after';
          continue;
        }
        this.depth--;
        if (this.depth === 0) {
          this.finishElement(text.slice(segmentStart, c + 1), records);
          segmentStart = -1;
        }
      } else if (ch === 44 && this.depth === 0) {
        this.finishElement(text.slice(segmentStart, c), records);
        segmentStart = -1;
      }
    }
    if (this.inElement && segmentStart !== -1) this.parts.push(text.slice(segmentStart));
  }

  private finishElement(lastPart: string, records: RawRecord[]): void {
    this.parts.push(lastPart);
    const text = this.parts.join('\n');
    this.parts = [];
    this.inElement = false;
    records.push(parseJsonRecord(text, this.elementLine));
  }
}

/**
 * CSV (RFC 4180) read line by line: a record whose quoted field holds line
 * breaks continues on the next lines and keeps the line where it started.
 */
export class CsvRecords {
  private header: CsvHeader | null = null;
  private pending: string[] = [];
  private pendingLine = 0;

  push(batch: LineBatch): RawRecord[] {
    const records: RawRecord[] = [];
    for (let i = 0; i < batch.lines.length; i++) {
      const line = batch.firstLine + i;
      const text = batch.lines[i]!;
      if (this.pending.length === 0) {
        if (text.length === 0 || text === '\r') continue;
        this.pendingLine = line;
      }
      this.pending.push(text);
      // Line breaks inside quoted fields are kept as given (CRLF or LF).
      const joined = this.pending.length === 1 ? text : this.pending.join('\n');
      const record = joined.endsWith('\r') ? joined.slice(0, -1) : joined;
      const fields = splitCsvRecord(record);
      if (fields === null) continue;
      this.pending = [];
      this.take(fields, this.pendingLine, records);
    }
    return records;
  }

  end(): RawRecord[] {
    if (this.pending.length > 0) {
      return [
        {
          line: this.pendingLine,
          problem: 'a quoted field is not closed before the end of the file',
        },
      ];
    }
    if (!this.header) return [{ line: 1, problem: 'a CSV feed needs a header row' }];
    return [];
  }

  private take(fields: string[] | string, line: number, records: RawRecord[]): void {
    if (typeof fields === 'string') {
      records.push({ line, problem: fields });
      return;
    }
    if (!this.header) {
      const parsed = parseCsvHeader(fields);
      if (typeof parsed === 'string') {
        records.push({ line, problem: parsed });
        // Without a header no row can be read; stop here.
        this.header = { columns: [], unknown: [] };
        return;
      }
      this.header = parsed;
      return;
    }
    if (this.header.columns.length === 0) return;
    if (fields.length === 1 && fields[0] === '') return;
    records.push(csvRowToEvent(this.header, fields, line));
  }
}

/**
 * Fields of one CSV record, null if a quoted field continues on the next line,
 * or a problem message for malformed quoting.
 */
export function splitCsvRecord(text: string): string[] | string | null {
  if (text.indexOf('"') === -1) return text.split(',');
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (text.charCodeAt(i) === 34) {
      let value = '';
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q === -1) return null;
        value += text.slice(j, q);
        if (text.charCodeAt(q + 1) === 34) {
          value += '"';
          j = q + 2;
          continue;
        }
        j = q + 1;
        break;
      }
      fields.push(value);
      if (j === text.length) return fields;
      if (text.charCodeAt(j) !== 44) {
        return `field ${fields.length} has text after its closing quote (quotes inside a quoted field are written "")`;
      }
      i = j + 1;
      if (i === text.length) {
        fields.push('');
        return fields;
      }
    } else {
      const comma = text.indexOf(',', i);
      const end = comma === -1 ? text.length : comma;
      const value = text.slice(i, end);
      if (value.includes('"')) {
        return `field ${fields.length + 1} has a quote inside an unquoted value (quote the whole field)`;
      }
      fields.push(value);
      if (comma === -1) return fields;
      i = comma + 1;
      if (i === text.length) {
        fields.push('');
        return fields;
      }
    }
  }
}
