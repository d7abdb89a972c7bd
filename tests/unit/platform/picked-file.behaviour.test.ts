import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isHiddenPath,
  pickedFileFromBlob,
  pickedFileFromBytes,
  stripSharedRoot,
} from '../../../renderer/src/platform/picked-file';

async function readStream(
  stream: ReadableStream<Uint8Array>,
): Promise<{ chunks: number; bytes: Uint8Array }> {
  const parts: Uint8Array[] = [];
  for await (const chunk of stream) parts.push(chunk);
  const bytes = new Uint8Array(parts.reduce((n, part) => n + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return { chunks: parts.length, bytes };
}

describe('pickedFileFromBytes (Electron)', () => {
  it('exposes name, size, text and bytes', async () => {
    const bytes = new TextEncoder().encode('{"id":"e1","note":"Донецьк"}\n');
    const file = pickedFileFromBytes(bytes, 'feeds/observer.ndjson');
    expect(file.name).toBe('observer.ndjson');
    expect(file.relativePath).toBe('feeds/observer.ndjson');
    expect(file.size).toBe(bytes.byteLength);
    expect(await file.text()).toBe('{"id":"e1","note":"Донецьк"}\n');
    expect(await file.bytes()).toBe(bytes);
  });

  it('streams every byte in order, in 1 MiB chunks', async () => {
    const bytes = new Uint8Array(2.5 * 1024 * 1024).map((_, i) => i % 251);
    const { chunks, bytes: streamed } = await readStream(
      pickedFileFromBytes(bytes, 'a.csv').stream(),
    );
    expect(chunks).toBe(3);
    expect(Buffer.compare(streamed, bytes)).toBe(0);
  });

  it('streams an empty file as no chunks', async () => {
    const { chunks } = await readStream(
      pickedFileFromBytes(new Uint8Array(), 'empty.csv').stream(),
    );
    expect(chunks).toBe(0);
  });
});

describe('pickedFileFromBlob (browser)', () => {
  it('reads the blob lazily through text, bytes and stream', async () => {
    const file = pickedFileFromBlob(new Blob(['id,time\n1,2\n']), 'feeds/msel.csv');
    expect(file.name).toBe('msel.csv');
    expect(file.size).toBe(12);
    expect(await file.text()).toBe('id,time\n1,2\n');
    expect(new TextDecoder().decode(await file.bytes())).toBe('id,time\n1,2\n');
    expect(new TextDecoder().decode((await readStream(file.stream())).bytes)).toBe(
      'id,time\n1,2\n',
    );
  });
});

describe('stripSharedRoot', () => {
  it("drops the picked folder's own name that the browser puts first", () => {
    expect(stripSharedRoot(['scenario/scenario.json', 'scenario/feeds/a.ndjson'])).toEqual([
      'scenario.json',
      'feeds/a.ndjson',
    ]);
  });

  it('keeps paths that do not share one root, and single file names', () => {
    expect(stripSharedRoot(['a/x.json', 'b/y.json'])).toEqual(['a/x.json', 'b/y.json']);
    expect(stripSharedRoot(['x.json', 'y.json'])).toEqual(['x.json', 'y.json']);
    expect(stripSharedRoot(['s/x.json', 'y.json'])).toEqual(['s/x.json', 'y.json']);
    expect(stripSharedRoot([])).toEqual([]);
  });

  it('removes exactly one leading segment when it strips', () => {
    const segment = fc.stringMatching(/^[a-z0-9_-]{1,8}$/);
    fc.assert(
      fc.property(
        segment,
        fc.array(fc.array(segment, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        (root, rests) => {
          const paths = rests.map((rest) => [root, ...rest].join('/'));
          expect(stripSharedRoot(paths)).toEqual(rests.map((rest) => rest.join('/')));
        },
      ),
    );
  });
});

describe('isHiddenPath', () => {
  it('flags dot files and anything under a dot folder', () => {
    expect(isHiddenPath('.DS_Store')).toBe(true);
    expect(isHiddenPath('.git/HEAD')).toBe(true);
    expect(isHiddenPath('feeds/.cache/x')).toBe(true);
    expect(isHiddenPath('feeds/drone.v2.ndjson')).toBe(false);
  });
});
