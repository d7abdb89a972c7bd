// The Audit screen verifies an opened file's bytes exactly as the CLI does:
// strictly, with the verdict naming where and why, and reconstructs only
// from the value that was verified.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExportBundle } from '../../../shared/audit';
import { readLogFile } from '../../../renderer/src/audit/read-log-file';
import { newSigner, signedBundle } from '../audit/log-fixture';

let good: ExportBundle;
const utf8 = (text: string) => new TextEncoder().encode(text);

beforeAll(async () => {
  good = await signedBundle(await newSigner());
});

describe('Audit screen: reading an exported log', () => {
  it('verifies a good file from its bytes and reconstructs every entry', async () => {
    const log = await readLogFile('good.json', utf8(JSON.stringify(good, null, 2)));
    expect(log.result.status).toBe('OK');
    expect(log.entries).toHaveLength(good.entries.length);
  });

  it('says INVALID for a duplicate "entries" and reconstructs nothing from it', async () => {
    const text = JSON.stringify(good).replace(
      '"entries":',
      `"entries":${JSON.stringify(good.entries.slice(0, 2))},"entries":`,
    );
    for (const content of [text, utf8(text)]) {
      const log = await readLogFile('dup.json', content);
      expect(log.result.line).toMatch(
        /^INVALID: not I-JSON \(RFC 7493\): line 1, column \d+ at \/entries: duplicate member name "entries"/,
      );
      expect(log.entries).toEqual([]);
      expect(log.exercise).toBeNull();
    }
  });

  it('says INVALID for bytes that are not UTF-8, naming the byte and its line', async () => {
    const bytes = utf8(JSON.stringify(good, null, 2));
    const at = bytes.indexOf(0x22, 40); // a quote on a later line
    bytes[at] = 0xc0;
    const log = await readLogFile('latin1.json', bytes);
    expect(log.result.line).toMatch(
      new RegExp(
        `^INVALID: not UTF-8 text: byte ${at} \\(line \\d+, column \\d+\\): byte 0xC0 never occurs in UTF-8$`,
      ),
    );
  });
});
