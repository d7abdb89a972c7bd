// GED exports have been seen with Windows-1252 bytes in place names and
// headlines; such a file is imported with a warning rather than refused.

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

// 0x80–0x9F of Windows-1252 (WHATWG index); the five unassigned bytes stay C1 controls.
// Decoded by hand because Node's TextDecoder('windows-1252') has read these as Latin-1.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152,
  0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122,
  0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** Windows-1252 bytes to text. */
export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192);
    const codes = Array.from(chunk, (b) => (b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : b));
    text += String.fromCharCode(...codes);
  }
  return text;
}
