// Turns the lines of a feed file (NDJSON, JSON array or CSV) into raw records,
// each tagged with the line on which it starts. Checking the records against
// the event schema happens later, in check-event.ts.
import { MAX_LINE_BYTES, type LineBatch } from './read-lines';
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
  /** Characters of the element held in `parts`. */
  private partsLength = 0;
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
    if (this.inElement && segmentStart !== -1) {
      this.parts.push(text.slice(segmentStart));
      this.partsLength += text.length - segmentStart + 1;
      // A string or bracket left open (a stray quote) would otherwise hold the
      // rest of the file as one element.
      if (this.partsLength > MAX_LINE_BYTES) {
        records.push({
          line: this.elementLine,
          problem: `the element starting here is longer than 1 MiB (${MAX_LINE_BYTES} characters), the limit for one record; the rest of the file was not read (a string or bracket left open?)`,
        });
        this.parts = [];
        this.state = 'dead';
      }
    }
  }

  private finishElement(lastPart: string, records: RawRecord[]): void {
    this.parts.push(lastPart);
    const text = this.parts.join('\n');
    this.parts = [];
    this.partsLength = 0;
    this.inElement = false;
    records.push(parseJsonRecord(text, this.elementLine));
  }
}

/**
 * CSV (RFC 4180) read line by line: a record whose quoted field holds line
 * breaks continues on the next lines and keeps the line where it started.
 * Each line is split once, resuming the open quoted field where the line
 * before left it: joining and splitting the record again at every new line
 * made a stray quote, which leaves a field open to the end of the file, cost
 * the square of the file's length.
 */
export class CsvRecords {
  private header: CsvHeader | null = null;
  /** The record a quoted field has left open at the end of the last line. */
  private open: OpenCsvRecord | null = null;
  private openLine = 0;
  private openChars = 0;
  /** A record over the limit stopped reading: the rest of the file is skipped. */
  private stopped = false;
  /**
   * Characters handed to the record splitter so far, each looked at there a
   * bounded number of times: the work done, which a test holds to grow in
   * proportion to the input.
   */
  charsScanned = 0;

  push(batch: LineBatch): RawRecord[] {
    const records: RawRecord[] = [];
    if (this.stopped) return records;
    for (let i = 0; i < batch.lines.length; i++) {
      const line = batch.firstLine + i;
      const text = batch.lines[i]!;
      if (this.open === null && (text.length === 0 || text === '\r')) continue;
      // The line break ends the record or, inside a quoted field, is kept as given (CRLF or LF).
      const crlf = text.charCodeAt(text.length - 1) === 13;
      const body = crlf ? text.slice(0, -1) : text;
      this.charsScanned += body.length;
      const result = splitCsvRecord(body, line, this.open);
      if (typeof result === 'string' || Array.isArray(result)) {
        this.take(result, this.open === null ? line : this.openLine, records);
        this.open = null;
        continue;
      }
      if (this.open === null) {
        this.openLine = line;
        this.openChars = 0;
      }
      this.openChars += text.length + 1;
      if (this.openChars > MAX_LINE_BYTES) {
        records.push(
          unclosedQuote(
            result,
            this.openLine,
            `is still open after 1 MiB (${MAX_LINE_BYTES} characters), the limit for one record; the rest of the file was not read`,
          ),
        );
        this.open = null;
        this.stopped = true;
        return records;
      }
      result.value += crlf ? '\r\n' : '\n';
      this.open = result;
    }
    return records;
  }

  end(): RawRecord[] {
    if (this.stopped) return [];
    if (this.open !== null) {
      return [unclosedQuote(this.open, this.openLine, 'is not closed before the end of the file')];
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
 * A record left open by a quoted field, reported at the line where the record
 * starts, and at the quote's column when the quote is on that line.
 */
function unclosedQuote(open: OpenCsvRecord, line: number, what: string): RawRecord {
  const hint = '(a stray quote? A quote inside a quoted field is written "")';
  if (open.quoteLine === line) {
    return {
      line,
      column: open.quoteColumn,
      problem: `the quoted field opened here ${what} ${hint}`,
    };
  }
  return {
    line,
    problem: `the quoted field opened on line ${open.quoteLine}, column ${open.quoteColumn}, ${what} ${hint}`,
  };
}

/** A CSV record whose quoted field goes on past the end of a line. */
export interface OpenCsvRecord {
  /** The fields before the open one. */
  fields: string[];
  /** The open field's text so far (the caller adds the line break). */
  value: string;
  /** 1-based line and column of the quote that opened it. */
  quoteLine: number;
  quoteColumn: number;
}

/**
 * Fields of one line of a CSV record (without its line break), a problem
 * message for malformed quoting, or the record left open when a quoted field
 * continues on the next line. `open`: the record the previous line left open,
 * whose quoted field this line continues. `line` is the line's number, kept
 * with the quote that opens a field.
 */
export function splitCsvRecord(
  text: string,
  line = 1,
  open: OpenCsvRecord | null = null,
): string[] | string | OpenCsvRecord {
  if (open === null && text.indexOf('"') === -1) return text.split(',');
  const fields = open === null ? [] : open.fields;
  let i = 0;
  let resume = open;
  for (;;) {
    if (resume !== null || text.charCodeAt(i) === 34) {
      let value = '';
      let quoteLine = line;
      let quoteColumn = i + 1;
      let j = i + 1;
      if (resume !== null) {
        ({ value, quoteLine, quoteColumn } = resume);
        j = 0;
        resume = null;
      }
      for (;;) {
        const q = text.indexOf('"', j);
        if (q === -1) return { fields, value: value + text.slice(j), quoteLine, quoteColumn };
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
