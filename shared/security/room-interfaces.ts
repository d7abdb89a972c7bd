// Where the desktop app may open a room's listener (docs/ROOMS.md, "Opening a
// room"): loopback, or one of this machine's own addresses that the controller
// picks from a list. Pure functions over what Node's os.networkInterfaces()
// returns, so the decision is tested without the machine's real interfaces.

/** One address of os.networkInterfaces() (the members the decision reads). */
export interface OsInterfaceAddress {
  address: string;
  /** 'IPv4' | 'IPv6' (Node 18.0–18.3 said 4 | 6). */
  family: string | number;
  internal: boolean;
}

/** What os.networkInterfaces() returns: addresses by interface name. */
export type OsInterfaces = Readonly<Record<string, readonly OsInterfaceAddress[] | undefined>>;

/** An address the controller may open the room on. */
export interface RoomInterface {
  /** The interface's name ("lo", "eth0", "Wi-Fi"). */
  name: string;
  /** The address, normalised (IPv6 compressed, lower case, without brackets). */
  address: string;
  family: 'IPv4' | 'IPv6';
  /** True for 127.0.0.0/8 and ::1: only this computer can dial it. */
  loopback: boolean;
}

export type RoomHostDecision = { allow: true; host: string } | { allow: false; reason: string };

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/**
 * The address in its one written form, or null when `text` is not an IP
 * address literal. Names are refused: "localhost" or a DNS name may resolve to
 * another interface than the one the controller meant. Octets with leading
 * zeros are refused too, since some parsers read them as octal.
 */
export function normalizeIpAddress(text: string): string | null {
  const v4 = IPV4.exec(text);
  if (v4) {
    const octets = v4.slice(1);
    if (octets.some((octet) => (octet.length > 1 && octet.startsWith('0')) || Number(octet) > 255))
      return null;
    return octets.join('.');
  }
  // A zone ("fe80::1%eth0") makes the URL parser fail, as it should: a seat's
  // browser cannot dial an address with a zone.
  if (!text.includes(':') || text.includes('[') || text.includes(']')) return null;
  try {
    const hostname = new URL(`http://[${text}]/`).hostname;
    return hostname.slice(1, -1);
  } catch {
    return null;
  }
}

/** True for 127.0.0.0/8 and ::1 (normalised addresses). */
export function isLoopbackAddress(address: string): boolean {
  return address === '::1' || /^127\.\d+\.\d+\.\d+$/.test(address);
}

function familyOf(family: string | number): 'IPv4' | 'IPv6' | null {
  if (family === 'IPv4' || family === 4) return 'IPv4';
  if (family === 'IPv6' || family === 6) return 'IPv6';
  return null;
}

/**
 * The addresses the controller may pick, loopback first, then IPv4 before
 * IPv6, then by interface name. IPv6 link-local addresses (fe80::/10) are left
 * out: they need a zone, which a URL in a seat's browser cannot carry. An
 * address listed twice (an alias) appears once.
 */
export function roomInterfaces(raw: OsInterfaces): RoomInterface[] {
  const seen = new Set<string>();
  const listed: RoomInterface[] = [];
  for (const [name, addresses] of Object.entries(raw)) {
    for (const entry of addresses ?? []) {
      const family = familyOf(entry.family);
      const address = normalizeIpAddress(entry.address);
      if (family === null || address === null || seen.has(address)) continue;
      if (family === 'IPv6' && /^fe[89ab][0-9a-f]:/.test(address)) continue;
      seen.add(address);
      listed.push({ name, address, family, loopback: isLoopbackAddress(address) });
    }
  }
  const rank = (i: RoomInterface) => (i.loopback ? 0 : 2) + (i.family === 'IPv4' ? 0 : 1);
  return listed.sort(
    (a, b) => rank(a) - rank(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}

/**
 * Decides the interface a room listens on: a loopback address, or one of
 * `interfaces` (this machine's, from roomInterfaces). Never every interface at
 * once (0.0.0.0, ::): the controller picks the network seats come from.
 */
export function decideRoomHost(
  host: string,
  interfaces: readonly RoomInterface[],
): RoomHostDecision {
  const address = normalizeIpAddress(host);
  if (address === null) {
    return {
      allow: false,
      reason: `room host ${JSON.stringify(host)} is not an IP address (pick one of this computer's interfaces)`,
    };
  }
  if (address === '0.0.0.0' || address === '::') {
    return {
      allow: false,
      reason: `room host ${address} would listen on every interface; pick the one the seats are on`,
    };
  }
  if (isLoopbackAddress(address)) return { allow: true, host: address };
  if (interfaces.some((i) => i.address === address)) return { allow: true, host: address };
  return {
    allow: false,
    reason: `room host ${address} is not an address of this computer (it has ${interfaces.map((i) => i.address).join(', ') || 'none'})`,
  };
}
