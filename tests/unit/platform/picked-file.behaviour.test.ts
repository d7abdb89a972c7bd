import fc from 'fast-check';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  isHiddenPath,
  pickedFileFromBlob,
  pickedFileFromUrl,
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

describe('pickedFileFromUrl (Electron serves picked files by URL)', () => {
  // A real HTTP server standing in for app://bundle/__picked/: same fetch path.
  const big = new Uint8Array(2.5 * 1024 * 1024).map((_, i) => i % 251);
  const text = '{"id":"e1","note":"Донецьк"}\n';
  let server: Server;
  let origin: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/text') res.end(text);
      else if (req.url === '/big') res.end(big);
      else if (req.url === '/empty') res.end();
      else
        res
          .writeHead(409)
          .end('feeds/x.ndjson changed since it was opened (1 → 2 bytes); open it again');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('exposes name and size at once, and reads text and bytes on demand', async () => {
    const bytes = new TextEncoder().encode(text);
    const file = pickedFileFromUrl(`${origin}/text`, 'feeds/observer.ndjson', bytes.byteLength);
    expect(file.name).toBe('observer.ndjson');
    expect(file.relativePath).toBe('feeds/observer.ndjson');
    expect(file.size).toBe(bytes.byteLength);
    expect(await file.text()).toBe(text);
    expect(await file.bytes()).toEqual(bytes);
  });

  it('streams every byte in order', async () => {
    const { bytes } = await readStream(
      pickedFileFromUrl(`${origin}/big`, 'a.csv', big.byteLength).stream(),
    );
    expect(Buffer.compare(bytes, big)).toBe(0);
  });

  it('streams an empty file as nothing', async () => {
    const { bytes } = await readStream(pickedFileFromUrl(`${origin}/empty`, 'e.csv', 0).stream());
    expect(bytes.byteLength).toBe(0);
  });

  it("fails with main's reason, naming the file", async () => {
    const file = pickedFileFromUrl(`${origin}/changed`, 'feeds/x.ndjson', 1);
    await expect(file.text()).rejects.toThrow(
      'Cannot read feeds/x.ndjson: feeds/x.ndjson changed since it was opened (1 → 2 bytes); open it again',
    );
    await expect(file.bytes()).rejects.toThrow(/Cannot read feeds\/x\.ndjson/);
    await expect(readStream(file.stream())).rejects.toThrow(/Cannot read feeds\/x\.ndjson/);
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
