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

/** Splits CSV text (LF, CRLF or CR line ends; quoted fields may span lines) into records. */
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
      if (text[i] === '"') {
        const quoteLine = line;
        i += 1;
        let closed = false;
        while (i < n) {
          const c = text[i];
          if (c === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i += 1;
            closed = true;
            break;
          }
          if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line += 1;
          field += c;
          i += 1;
        }
        if (!closed) {
          error ??= `quoted field opened on line ${quoteLine} is never closed`;
        } else if (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
          error ??= `field ${fields.length + 1}: text after the closing quote`;
          // Keep reading the rest of the field so the next record starts in the right place.
          while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
            field += text[i];
            i += 1;
          }
        }
      } else {
        while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
          field += text[i];
          i += 1;
        }
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
