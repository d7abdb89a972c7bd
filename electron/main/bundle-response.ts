// Body of the app:// protocol handler, free of Electron so it is unit-tested
// against real files: maps the URL with the shared traversal check, then streams.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { join, relative, isAbsolute, sep } from 'node:path';
import { PICKED_FILES_SEGMENT } from '../../shared/security/app-origin';
import { resolveAppUrl } from '../../shared/security/bundle-path';
import { bundleResponseHeaders } from '../../shared/security/content-type';
import type { PickedFiles } from './files/picked-files';

/**
 * Answers one app:// request: a picked scenario file under __picked/ when
 * `picked` is given, else a file of the renderer bundle in `root` (out/renderer).
 */
export async function respondFromBundle(
  url: string,
  root: string,
  picked?: PickedFiles,
): Promise<Response> {
  const resolved = resolveAppUrl(url);
  if (!resolved.ok) return refusal(resolved.status, resolved.reason);
  if (resolved.segments[0] === PICKED_FILES_SEGMENT) {
    return picked ? picked.respond(resolved.segments.slice(1)) : refusal(404, 'not found');
  }
  const file = join(root, ...resolved.segments);
  let realFile: string;
  let size: number;
  try {
    realFile = await realpath(file);
    const info = await stat(realFile);
    if (!info.isFile()) return refusal(404, 'not a file');
    size = info.size;
  } catch {
    return refusal(404, 'not found');
  }
  // Belt and braces: a symbolic link inside the bundle must not lead out of it.
  const rel = relative(await realpath(root), realFile);
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    return refusal(403, 'resolves outside the bundle');
  }
  // Streamed: sample scenarios shipped in the bundle can be large.
  const body = Readable.toWeb(createReadStream(realFile)) as ReadableStream<Uint8Array>;
  const headers = {
    ...bundleResponseHeaders(resolved.segments.join('/')),
    'Content-Length': String(size),
  };
  return new Response(body, { status: 200, headers });
}

function refusal(status: number, reason: string): Response {
  return new Response(`${status}: ${reason}`, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
