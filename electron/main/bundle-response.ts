// Body of the app:// protocol handler, free of Electron so it is unit-tested
// against real files: maps the URL with the shared traversal check, then reads.
import { readFile, realpath, stat } from 'node:fs/promises';
import { join, relative, isAbsolute, sep } from 'node:path';
import { resolveAppUrl } from '../../shared/security/bundle-path';
import { bundleResponseHeaders } from '../../shared/security/content-type';

/** Answers one app:// request from the renderer bundle in `root` (out/renderer). */
export async function respondFromBundle(url: string, root: string): Promise<Response> {
  const resolved = resolveAppUrl(url);
  if (!resolved.ok) return refusal(resolved.status, resolved.reason);
  const file = join(root, ...resolved.segments);
  let realFile: string;
  try {
    realFile = await realpath(file);
    if (!(await stat(realFile)).isFile()) return refusal(404, 'not a file');
  } catch {
    return refusal(404, 'not found');
  }
  // Belt and braces: a symbolic link inside the bundle must not lead out of it.
  const rel = relative(await realpath(root), realFile);
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    return refusal(403, 'resolves outside the bundle');
  }
  const body = await readFile(realFile);
  return new Response(body, {
    status: 200,
    headers: bundleResponseHeaders(resolved.segments.join('/')),
  });
}

function refusal(status: number, reason: string): Response {
  return new Response(`${status}: ${reason}`, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
