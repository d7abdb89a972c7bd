// The browser server of `npm run web` listens on 127.0.0.1 only, but a web page
// can still reach it: DNS rebinding points a name the page controls
// (evil.example) at 127.0.0.1, and the browser then lets that page read the
// answers as same-origin. Such requests still carry the page's own name in
// Host, so the server answers only requests addressed to it by a loopback name.

/** The names the server may be addressed by (with its port). */
export const LOOPBACK_HOST_NAMES = ['127.0.0.1', 'localhost', '[::1]'] as const;

export type HostDecision = { allow: true } | { allow: false; status: 400 | 421; reason: string };

/**
 * Decides a request by its Host header: allowed only when it is one of the
 * loopback names with the server's own port (bare only on port 80, the one a
 * browser leaves out). Names compare case-insensitively, as DNS names do.
 */
export function decideHostHeader(host: string | undefined, port: number): HostDecision {
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new RangeError(`decideHostHeader: port ${port} is not an integer from 1 to 65535`);
  }
  if (host === undefined || host === '') {
    return { allow: false, status: 400, reason: 'the request has no Host header' };
  }
  const accepted = allowedHosts(port);
  if (accepted.includes(host.toLowerCase())) return { allow: true };
  return {
    allow: false,
    // 421 Misdirected Request: this server is not the one the request names.
    status: 421,
    reason: `Host ${JSON.stringify(host)} is not this server (expected one of ${accepted.join(', ')})`,
  };
}

function allowedHosts(port: number): string[] {
  const withPort = LOOPBACK_HOST_NAMES.map((name) => `${name}:${port}`);
  return port === 80 ? [...withPort, ...LOOPBACK_HOST_NAMES] : withPort;
}
