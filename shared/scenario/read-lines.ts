// Streams a file as lines with exact 1-based line numbers, without holding the
// whole file: bytes are split at newlines before decoding (0x0A never occurs
// inside a UTF-8 sequence), so chunk boundaries cannot cut a character.

import { decodeWindows1252 } from './windows-1252';
export const MAX_LINE_BYTES = 1024 * 1024;

/** Lines of one block, the first being line `firstLine`. */
export interface LineBatch {
  firstLine: number;
  lines: string[];
}

/** A line over MAX_LINE_BYTES: reading stops there. */
export class LineTooLong extends Error {
  constructor(readonly line: number) {
    super(`line is longer than 1 MiB (${MAX_LINE_BYTES} bytes), the limit for one record`);
  }
}

export interface ReadLinesHooks {
  /** Called once per chunk with the bytes consumed so far. */
  onBytes?(bytesRead: number): void;
  /** A line that is not valid UTF-8 (decoded as windows-1252 instead). */
  onNotUtf8?(line: number): void;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeBlock(bytes: Uint8Array, firstLine: number, hooks: ReadLinesHooks): string {
  try {
    return utf8.decode(bytes);
  } catch {
    // Rare: find the offending lines and decode only those as windows-1252.
    const parts: string[] = [];
    let start = 0;
    let line = firstLine;
    while (start <= bytes.length) {
      let end = bytes.indexOf(10, start);
      if (end === -1) end = bytes.length;
      let slice = bytes.subarray(start, end);
      if (line === 1 && slice[0] === 0xef && slice[1] === 0xbb && slice[2] === 0xbf) {
        slice = slice.subarray(3);
      }
      try {
        parts.push(utf8.decode(slice));
      } catch {
        hooks.onNotUtf8?.(line);
        parts.push(decodeWindows1252(slice));
      }
      start = end + 1;
      line++;
    }
    return parts.join('\n');
  }
}

/** Lines keep a trailing CR: CSV needs it inside quoted fields, and JSON reads it as space. */
function splitLines(text: string): string[] {
  return text.split('\n');
}

function stripBom(lines: string[]): false {
  if (lines[0]?.charCodeAt(0) === 0xfeff) lines[0] = lines[0].slice(1);
  return false;
}

function tooLongAt(lines: string[], firstLine: number): number {
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.length > MAX_LINE_BYTES) return firstLine + i;
  }
  return -1;
}

/** Lines of a byte stream, in batches; strips a UTF-8 BOM; a CRLF line keeps its CR. */
export async function* readLines(
  chunks: AsyncIterable<Uint8Array>,
  hooks: ReadLinesHooks = {},
): AsyncGenerator<LineBatch> {
  let carry: Uint8Array | null = null;
  let nextLine = 1;
  let bytesRead = 0;
  let first = true;
  for await (const chunk of chunks) {
    bytesRead += chunk.byteLength;
    hooks.onBytes?.(bytesRead);
    let data: Uint8Array = chunk;
    if (carry && carry.length > 0) {
      data = new Uint8Array(carry.length + chunk.length);
      data.set(carry);
      data.set(chunk, carry.length);
    }
    const last = data.lastIndexOf(10);
    if (last === -1) {
      carry = data;
      if (carry.length > MAX_LINE_BYTES) throw new LineTooLong(nextLine);
      continue;
    }
    const lines = splitLines(decodeBlock(data.subarray(0, last), nextLine, hooks));
    if (first) first = stripBom(lines);
    const long = tooLongAt(lines, nextLine);
    if (long !== -1) throw new LineTooLong(long);
    yield { firstLine: nextLine, lines };
    nextLine += lines.length;
    // Copy the remainder so the chunk's buffer can be released.
    carry = data.slice(last + 1);
    if (carry.length > MAX_LINE_BYTES) throw new LineTooLong(nextLine);
  }
  if (carry && carry.length > 0) {
    const lines = splitLines(decodeBlock(carry, nextLine, hooks));
    if (first) stripBom(lines);
    yield { firstLine: nextLine, lines };
  }
}
