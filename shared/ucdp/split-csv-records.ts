// An RFC 4180 record splitter that keeps the line each record starts on and
// reports a malformed record without giving up on the rest of the file: an
// importer must account for every row, so one bad quote may cost one row only.

/** One CSV record: its fields, the 1-based line it starts on, or why it is malformed. */
export interface CsvRecord {
  fields: string[];
  /** 1-based line of the file on which the record begins. */
  line: number;
  /** Set when the record breaks RFC 4180; `fields` then holds what could be read. */
  error?: string;
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** Index of the end of an unquoted field (or of the rest of one) starting at `i`. */
function fieldEnd(text: string, i: number): number {
  let at = i;
  for (; at < text.length; at++) {
    const c = text.charCodeAt(at);
    if (c === COMMA || c === LF || c === CR) break;
  }
  return at;
}

/**
 * Splits CSV text (LF, CRLF or CR line ends; quoted fields may span lines) into
 * records. Fields are sliced from the text, not built a character at a time: a
 * stray quote makes the rest of the file one field, and a string of millions
 * of one-character pieces cost the garbage collector more than its length.
 */
export function splitCsvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;

  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    let error: string | undefined;
    let field = '';
    let endOfRecord = false;

    // A completely empty line is not a record (RFC 4180 allows a final line end).
    if (text[i] === '\n' || text[i] === '\r') {
      i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line += 1;
      continue;
    }

    while (!endOfRecord) {
      if (text.charCodeAt(i) === QUOTE) {
        const quoteLine = line;
        i += 1;
        let from = i;
        let closed = false;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === QUOTE) {
            field += text.slice(from, i);
            if (text.charCodeAt(i + 1) === QUOTE) {
              field += '"';
              i += 2;
              from = i;
              continue;
            }
            i += 1;
            closed = true;
            break;
          }
          if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) line += 1;
          i += 1;
        }
        if (!closed) {
          field += text.slice(from, n);
          error ??= `quoted field opened on line ${quoteLine} is never closed`;
        } else if (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
          error ??= `field ${fields.length + 1}: text after the closing quote`;
          // Keep reading the rest of the field so the next record starts in the right place.
          const end = fieldEnd(text, i);
          field += text.slice(i, end);
          i = end;
        }
      } else {
        const end = fieldEnd(text, i);
        field = text.slice(i, end);
        i = end;
      }
      fields.push(field);
      field = '';
      if (i >= n) {
        endOfRecord = true;
      } else if (text[i] === ',') {
        i += 1;
        if (i >= n) fields.push('');
        endOfRecord = i >= n;
      } else {
        i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line += 1;
        endOfRecord = true;
      }
    }
    records.push(
      error === undefined ? { fields, line: startLine } : { fields, line: startLine, error },
    );
  }
  return records;
}
