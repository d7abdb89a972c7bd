// GED exports have been seen with Windows-1252 bytes in place names and
// headlines; such a file is imported with a warning rather than refused.

import { decodeWindows1252 } from '../scenario/windows-1252';

/** The text of a CSV file and the encoding it was read as. */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'windows-1252';
  /** Set when the bytes were not valid UTF-8. */
  warning?: string;
}

/** Decodes bytes as UTF-8 (BOM dropped), falling back to Windows-1252 with a warning. */
export function decodeCsvBytes(bytes: Uint8Array): DecodedText {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    return {
      // A file can carry a UTF-8 BOM and still have Windows-1252 bytes further on.
      text: decodeWindows1252(hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes),
      encoding: 'windows-1252',
      warning:
        `not valid UTF-8 (first bad byte 0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')} ` +
        `at byte ${offset}, line ${lineAt(bytes, offset)}); read as Windows-1252`,
    };
  }
}

function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len =
      b < 0x80
        ? 1
        : b >= 0xc2 && b < 0xe0
          ? 2
          : b >= 0xe0 && b < 0xf0
            ? 3
            : b >= 0xf0 && b < 0xf5
              ? 4
              : 0;
    if (len === 0 || i + len > bytes.length) return i;
    // Overlong and surrogate forms are rare enough here that a continuation check suffices.
    for (let k = 1; k < len; k += 1) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += len;
  }
  return 0;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i += 1) if (bytes[i] === 0x0a) line += 1;
  return line;
}

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}
