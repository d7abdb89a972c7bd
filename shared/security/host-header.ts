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

// A room's listener (docs/ROOMS.md, "A seat in the browser") serves the app to
// seats on other computers, so it must answer to an address on the network,
// not only to loopback names. The same rebinding defence holds: a rebound page
// sends its own name as Host, so only IP literals of this listener (and the
// loopback names when it listens on loopback) are accepted, never a DNS name.

const LOOPBACK_ADDRESS = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1)$/;

/** True for an address that only this computer can reach. */
export function isLoopbackAddress(address: string): boolean {
  return LOOPBACK_ADDRESS.test(address) || address === '::ffff:127.0.0.1';
}

/**
 * The addresses a listener on `listenHost` is reached at: that interface
 * itself, or for a wildcard (0.0.0.0, ::) every address of this computer
 * (`machineAddresses`, e.g. from os.networkInterfaces(); IPv4 only for 0.0.0.0).
 */
export function listenerAddresses(
  listenHost: string,
  machineAddresses: readonly string[],
): string[] {
  if (listenHost === '0.0.0.0') return machineAddresses.filter((a) => !a.includes(':'));
  if (listenHost === '::' || listenHost === '') return [...machineAddresses];
  return [listenHost];
}

/** An address as it appears in a Host header (IPv6 in brackets, zone dropped, lower case). */
function hostForm(address: string): string {
  const bare = address.replace(/%.*$/, '').toLowerCase();
  return bare.includes(':') ? `[${bare}]` : bare;
}

/**
 * Decides a request to a room's listener by its Host header: allowed when it
 * names one of `addresses` (the listener's own, see listenerAddresses) with
 * the listener's port (bare only on port 80), or a loopback name when one of
 * them is a loopback address. A DNS name other than `localhost` never is.
 */
export function decideListenerHostHeader(
  host: string | undefined,
  port: number,
  addresses: readonly string[],
): HostDecision {
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new RangeError(
      `decideListenerHostHeader: port ${port} is not an integer from 1 to 65535`,
    );
  }
  if (host === undefined || host === '') {
    return { allow: false, status: 400, reason: 'the request has no Host header' };
  }
  const names = new Set(addresses.map(hostForm));
  if (addresses.some(isLoopbackAddress)) for (const name of LOOPBACK_HOST_NAMES) names.add(name);
  const accepted = [...names].map((name) => `${name}:${port}`);
  if (port === 80) accepted.push(...names);
  if (accepted.includes(host.toLowerCase())) return { allow: true };
  return {
    allow: false,
    status: 421,
    reason: `Host ${JSON.stringify(host)} is not this room's listener (expected one of ${accepted.join(', ') || 'no address: this computer has none on that interface'})`,
  };
}

/**
 * A WebSocket upgrade from a browser carries Origin; a page of another origin
 * (any site the person has open) may not dial the room through their browser.
 * No Origin (a seat in Node) is allowed: the join code still gates it.
 */
export function originMatchesHost(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true;
  if (host === undefined) return false;
  try {
    return new URL(origin).host === host.toLowerCase();
  } catch {
    return false;
  }
}
