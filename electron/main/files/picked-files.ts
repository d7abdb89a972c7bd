// The files picked in "open scenario", served to the renderer over
// app://bundle/__picked/<selection>/<index> so they are read lazily and
// streamed: a single IPC reply cannot carry a 1 GiB feed.
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { APP_ORIGIN, PICKED_FILES_SEGMENT } from '../../../shared/security/app-origin';
import type { OpenedScenarioFile } from '../../../shared/security/ipc-contract';
import { isInside, type ListedFile } from './collect-scenario-files';

interface Selection {
  /** Real path of the chosen folder; null when files were chosen one by one. */
  root: string | null;
  files: ListedFile[];
}

/** Remembers the last few selections; only their files can be read. */
export class PickedFiles {
  private readonly selections = new Map<string, Selection>();

  constructor(private readonly keep = 16) {}

  /** Registers a selection and returns what the renderer is told about it. */
  register(files: ListedFile[], root: string | null): OpenedScenarioFile[] {
    const id = randomUUID();
    this.selections.set(id, { root, files });
    // Oldest first in a Map: forget beyond `keep` (a long session picks often).
    for (const old of this.selections.keys()) {
      if (this.selections.size <= this.keep) break;
      this.selections.delete(old);
    }
    return files.map((file, index) => ({
      name: basename(file.relativePath),
      relativePath: file.relativePath,
      size: file.size,
      url: `${APP_ORIGIN}/${PICKED_FILES_SEGMENT}/${id}/${index}`,
    }));
  }

  /** Answers app://bundle/__picked/<selection>/<index> (given the segments after __picked). */
  async respond(segments: readonly string[]): Promise<Response> {
    const [id, indexText, ...rest] = segments;
    const selection = id === undefined ? undefined : this.selections.get(id);
    const index = Number(indexText);
    const file =
      selection && rest.length === 0 && /^\d+$/.test(indexText ?? '')
        ? selection.files[index]
        : undefined;
    if (!selection || !file) return textResponse(404, 'no such picked file (pick it again)');
    let real: string;
    let size: number;
    try {
      real = await realpath(file.absolutePath);
      const info = await stat(real);
      if (!info.isFile()) throw new Error('not a file');
      size = info.size;
    } catch {
      return textResponse(410, `${file.relativePath} is gone since it was opened`);
    }
    // The folder may have changed since the pick: still never leave it.
    if (selection.root !== null && !isInside(selection.root, real)) {
      return textResponse(403, `${file.relativePath} now leads outside the chosen folder`);
    }
    if (size !== file.size) {
      return textResponse(
        409,
        `${file.relativePath} changed since it was opened (${file.size} → ${size} bytes); open it again`,
      );
    }
    const body = Readable.toWeb(createReadStream(real)) as ReadableStream<Uint8Array>;
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': 'application/octet-stream',
        'Content-Length': String(size),
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  }
}

function textResponse(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}
