import type { PickedFile } from './platform';

function baseName(relativePath: string): string {
  return relativePath.slice(relativePath.lastIndexOf('/') + 1);
}

/** A PickedFile over a browser File/Blob: nothing is read until asked. */
export function pickedFileFromBlob(blob: Blob, relativePath: string): PickedFile {
  return {
    name: baseName(relativePath),
    relativePath,
    size: blob.size,
    text: () => blob.text(),
    bytes: async () => new Uint8Array(await blob.arrayBuffer()),
    stream: () => blob.stream() as ReadableStream<Uint8Array>,
  };
}

async function fetchOk(url: string, relativePath: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) {
    const why = (await response.text().catch(() => '')) || `HTTP ${response.status}`;
    throw new Error(`Cannot read ${relativePath}: ${why}`);
  }
  return response;
}

/**
 * A PickedFile served by URL (Electron serves picked files on
 * app://bundle/__picked/…): nothing is read until asked, and stream() streams.
 */
export function pickedFileFromUrl(url: string, relativePath: string, size: number): PickedFile {
  return {
    name: baseName(relativePath),
    relativePath,
    size,
    text: async () => (await fetchOk(url, relativePath)).text(),
    bytes: async () => new Uint8Array(await (await fetchOk(url, relativePath)).arrayBuffer()),
    stream: () => {
      let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
      return new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (!reader) {
            const body = (await fetchOk(url, relativePath)).body;
            if (!body) {
              controller.close();
              return;
            }
            reader = body.getReader();
          }
          const { done, value } = await reader.read();
          if (done) controller.close();
          else controller.enqueue(value);
        },
        cancel: (reason) => reader?.cancel(reason),
      });
    },
  };
}

/**
 * Paths inside a picked folder: drops the folder's own name that the browser
 * puts first ("scenario/feeds/a.ndjson" → "feeds/a.ndjson") when every path
 * shares it, so both platforms give the same relativePath.
 */
export function stripSharedRoot(paths: readonly string[]): string[] {
  const firstSegments = new Set(paths.map((path) => path.split('/')[0]));
  const allNested = paths.every((path) => path.includes('/'));
  if (paths.length === 0 || firstSegments.size !== 1 || !allNested) return [...paths];
  return paths.map((path) => path.slice(path.indexOf('/') + 1));
}

/** Hidden entries (".git/…", ".DS_Store") are not scenario files; Electron skips them too. */
export function isHiddenPath(relativePath: string): boolean {
  return relativePath.split('/').some((segment) => segment.startsWith('.'));
}
