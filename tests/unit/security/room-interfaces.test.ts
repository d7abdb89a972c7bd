// Where the desktop app may open a room's listener: loopback or one of the
// machine's own addresses, listed for the controller loopback first.
import { networkInterfaces } from 'node:os';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decideRoomHost,
  normalizeIpAddress,
  roomInterfaces,
  type OsInterfaces,
} from '../../../shared/security/room-interfaces';

/** os.networkInterfaces() of a laptop on a training LAN (documentation addresses). */
const LAPTOP: OsInterfaces = {
  wlan0: [
    { address: '192.0.2.20', family: 'IPv4', internal: false },
    { address: 'fe80::1c2a:3bff:fe4d:5e6f', family: 'IPv6', internal: false },
    { address: '2001:DB8::20', family: 'IPv6', internal: false },
  ],
  lo: [
    { address: '127.0.0.1', family: 'IPv4', internal: true },
    { address: '::1', family: 'IPv6', internal: true },
  ],
  eth0: [{ address: '198.51.100.7', family: 4, internal: false }],
  docker0: undefined,
};

describe('roomInterfaces', () => {
  it('lists loopback first, then IPv4 before IPv6, by name, without link-local IPv6', () => {
    expect(roomInterfaces(LAPTOP)).toEqual([
      { name: 'lo', address: '127.0.0.1', family: 'IPv4', loopback: true },
      { name: 'lo', address: '::1', family: 'IPv6', loopback: true },
      { name: 'eth0', address: '198.51.100.7', family: 'IPv4', loopback: false },
      { name: 'wlan0', address: '192.0.2.20', family: 'IPv4', loopback: false },
      { name: 'wlan0', address: '2001:db8::20', family: 'IPv6', loopback: false },
    ]);
  });

  it('lists an address given twice once, and skips what is not an address', () => {
    expect(
      roomInterfaces({
        a: [
          { address: '192.0.2.5', family: 'IPv4', internal: false },
          { address: 'not-an-address', family: 'IPv4', internal: false },
        ],
        b: [
          { address: '192.0.2.5', family: 'IPv4', internal: false },
          { address: '10.0.0.1', family: 'AF_PACKET', internal: false },
        ],
      }).map((i) => `${i.name} ${i.address}`),
    ).toEqual(['a 192.0.2.5']);
  });

  it('lists this machine: its loopback comes first and every address is one the host check accepts', () => {
    const listed = roomInterfaces(networkInterfaces());
    expect(listed[0]?.loopback).toBe(true);
    for (const i of listed)
      expect(decideRoomHost(i.address, listed)).toEqual({ allow: true, host: i.address });
  });

  it('never puts a loopback address after another one (property)', () => {
    const address = fc.oneof(
      fc.ipV4().map((a) => ({ address: a, family: 'IPv4' })),
      fc.ipV6().map((a) => ({ address: a, family: 'IPv6' })),
    );
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.string({ minLength: 1, maxLength: 6 }),
          fc.array(
            address.map((a) => ({ ...a, internal: false })),
            { maxLength: 4 },
          ),
        ),
        (raw) => {
          const loopback = roomInterfaces(raw).map((i) => i.loopback);
          expect(loopback).toEqual([...loopback].sort((a, b) => Number(b) - Number(a)));
        },
      ),
    );
  });
});

describe('decideRoomHost', () => {
  const listed = roomInterfaces(LAPTOP);

  it.each([
    ['127.0.0.1', '127.0.0.1'],
    ['127.4.5.6', '127.4.5.6'],
    ['::1', '::1'],
    ['0:0:0:0:0:0:0:1', '::1'],
    ['192.0.2.20', '192.0.2.20'],
    ['2001:db8:0::20', '2001:db8::20'],
  ])('accepts %s (as %s)', (host, normalised) => {
    expect(decideRoomHost(host, listed)).toEqual({ allow: true, host: normalised });
  });

  it.each([
    ['0.0.0.0', /every interface/],
    ['::', /every interface/],
    ['localhost', /not an IP address/],
    ['evil.example', /not an IP address/],
    ['', /not an IP address/],
    ['192.0.2.99', /not an address of this computer.*192\.0\.2\.20/],
    ['203.0.113.1', /not an address of this computer/],
    ['fe80::1c2a:3bff:fe4d:5e6f%wlan0', /not an IP address/],
    ['[::1]', /not an IP address/],
    ['127.000.0.1', /not an IP address/],
    ['256.1.1.1', /not an IP address/],
    ['127.1', /not an IP address/],
  ])('refuses %j, saying why', (host, reason) => {
    const decision = decideRoomHost(host, listed);
    expect(decision.allow).toBe(false);
    if (!decision.allow) expect(decision.reason).toMatch(reason);
  });

  it('accepts exactly loopback and the listed addresses (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.ipV4(), fc.ipV6()), (host) => {
        const address = normalizeIpAddress(host);
        fc.pre(address !== null);
        const mine =
          address === '::1' ||
          address!.startsWith('127.') ||
          listed.some((i) => i.address === address);
        expect(decideRoomHost(host, listed).allow).toBe(
          mine && address !== '0.0.0.0' && address !== '::',
        );
      }),
    );
  });
});
