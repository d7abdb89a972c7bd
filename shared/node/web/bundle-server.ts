// The HTTP server of `npm run web`: the built renderer, with the same CSP and
// the same path-traversal check as the Electron app:// handler, answered only
// to requests addressed to it by a loopback name (shared/security/host-header).
// It must outlive its files: a rebuild deletes out/ while a browser is open.
import { open, realpath, type FileHandle } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isAbsolute, join, relative, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { resolveBundlePath } from '../../security/bundle-path';
import { bundleResponseHeaders } from '../../security/content-type';
import { decideHostHeader, type HostDecision } from '../../security/host-header';

/** The file system calls the server makes; tests wrap them to change files in between. */
export interface BundleFileSystem {
  realpath(path: string): Promise<string>;
  open(path: string): Promise<FileHandle>;
}

export const nodeFileSystem: BundleFileSystem = {
  realpath: (path) => realpath(path),
  open: (path) => open(path, 'r'),
};

export interface BundleServerOptions {
  /** Folder of the built renderer (out/renderer). */
  root: string;
  fs?: BundleFileSystem;
  /** Where errors other than "not found" are reported. */
  log?: (message: string) => void;
  /**
   * Which Host headers the server answers (with its port); the loopback names
   * by default. A room's listener passes its own network addresses.
   */
  decideHost?: (host: string | undefined, port: number) => HostDecision;
}

/** A server for the bundle in `root`; the caller listens (on 127.0.0.1). */
export function createBundleServer({
  root,
  fs = nodeFileSystem,
  log = (message) => process.stderr.write(`web: ${message}\n`),
  decideHost = decideHostHeader,
}: BundleServerOptions): Server {
  const server = createServer((req, res) => {
    answer(req, res).catch((error: unknown) => {
      // Never reached by design; if it is, this request fails, not the server.
      log(`${req.method} ${req.url}: ${describe(error)}`);
      if (!res.headersSent) plain(res, 500, 'internal error');
      else res.destroy();
    });
  });

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const host = decideHost(req.headers.host, port);
    if (!host.allow) return plain(res, host.status, host.reason);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const resolved = resolveBundlePath(req.url ?? '/');
    if (!resolved.ok) return plain(res, resolved.status, resolved.reason);
    const name = resolved.segments.join('/');

    let file: FileHandle | undefined;
    let size: number;
    try {
      const realRoot = await fs.realpath(root);
      const real = await fs.realpath(join(root, ...resolved.segments));
      // A symbolic link inside the bundle must not lead out of it.
      const rel = relative(realRoot, real);
      if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
        return plain(res, 403, 'outside the bundle');
      }
      // Read through this handle from here on: once open, a file deleted by a
      // rebuild is still read whole (POSIX), never half of one and half of another.
      file = await fs.open(real);
      const info = await file.stat();
      if (!info.isFile()) {
        await file.close();
        return plain(res, 404, 'not found');
      }
      size = info.size;
    } catch (error) {
      await file?.close().catch(() => undefined);
      if (isNotFound(error)) return plain(res, 404, 'not found');
      log(`${name}: ${describe(error)}`);
      return plain(res, 500, `could not read ${name}`);
    }

    res.writeHead(200, { ...bundleResponseHeaders(name), 'Content-Length': String(size) });
    if (req.method === 'HEAD' || size === 0) {
      await file.close();
      res.end();
      return;
    }
    try {
      // No more than the announced length, even if the file grows meanwhile.
      await pipeline(file.createReadStream({ start: 0, end: size - 1 }), res);
    } catch (error) {
      // Headers are gone: all that is left is to cut the response short, so the
      // browser sees a failed load rather than a truncated file.
      if (!isClientGone(error)) log(`${name}: ${describe(error)}`);
      res.destroy();
    }
  }

  return server;
}

/** The error codes that mean the file (or a folder on its way) is not there. */
export function isNotFound(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function isClientGone(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ECONNRESET' || code === 'EPIPE';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(text);
}
