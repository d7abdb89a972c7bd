// The room listener's Host check (docs/ROOMS.md, "A seat in the browser"): it
// answers seats at its own network address, and still refuses a page that a
// DNS-rebinding attack pointed at it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decideListenerHostHeader,
  listenerAddresses,
  originMatchesHost,
} from '../../../shared/security/host-header';

const MACHINE = ['127.0.0.1', '192.168.4.20', '::1', 'fe80::1%eth0', '10.0.0.7'];

describe('listenerAddresses', () => {
  it('is the interface itself when the listener is bound to one', () => {
    expect(listenerAddresses('192.168.4.20', MACHINE)).toEqual(['192.168.4.20']);
  });
  it('is every IPv4 address of the computer for 0.0.0.0, and every address for ::', () => {
    expect(listenerAddresses('0.0.0.0', MACHINE)).toEqual([
      '127.0.0.1',
      '192.168.4.20',
      '10.0.0.7',
    ]);
    expect(listenerAddresses('::', MACHINE)).toEqual(MACHINE);
  });
});

describe('decideListenerHostHeader', () => {
  it('accepts the interface address with the listener port', () => {
    expect(decideListenerHostHeader('192.168.4.20:4404', 4404, ['192.168.4.20'])).toEqual({
      allow: true,
    });
  });

  it('accepts the loopback names only when the listener is on loopback', () => {
    expect(decideListenerHostHeader('localhost:4404', 4404, ['127.0.0.1']).allow).toBe(true);
    expect(decideListenerHostHeader('[::1]:4404', 4404, ['127.0.0.1']).allow).toBe(true);
    expect(decideListenerHostHeader('localhost:4404', 4404, ['192.168.4.20']).allow).toBe(false);
  });

  it('accepts any of the computer’s addresses for a wildcard listener, IPv6 in brackets', () => {
    const addresses = listenerAddresses('::', MACHINE);
    expect(decideListenerHostHeader('10.0.0.7:4404', 4404, addresses).allow).toBe(true);
    expect(decideListenerHostHeader('[FE80::1]:4404', 4404, addresses).allow).toBe(true);
  });

  it.each([
    ['a rebound name', 'evil.example:4404'],
    ['the computer’s own DNS name (a name can be rebound)', 'laptop.local:4404'],
    ['a name ending in localhost', 'evil.localhost:4404'],
    ['another port', '192.168.4.20:4405'],
    ['no port on a port other than 80', '192.168.4.20'],
    ['another computer’s address', '192.168.4.21:4404'],
    ['an address of the computer the listener is not bound to', '10.0.0.7:4404'],
    ['userinfo smuggled in', 'evil.example@192.168.4.20:4404'],
  ])('refuses %s with 421', (_why, host) => {
    const decision = decideListenerHostHeader(host, 4404, ['192.168.4.20']);
    expect(decision).toMatchObject({ allow: false, status: 421 });
    if (!decision.allow) expect(decision.reason).toContain(JSON.stringify(host));
  });

  it('refuses a request without Host with 400', () => {
    expect(decideListenerHostHeader(undefined, 4404, ['192.168.4.20'])).toMatchObject({
      allow: false,
      status: 400,
    });
  });

  it('accepts the bare address on port 80', () => {
    expect(decideListenerHostHeader('192.168.4.20', 80, ['192.168.4.20']).allow).toBe(true);
  });

  it('never accepts a Host that is not an address of the listener (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.integer({ min: 1, max: 65_535 }),
        (host, port) => {
          const decision = decideListenerHostHeader(host, port, ['192.168.4.20']);
          const expected =
            host.toLowerCase() === `192.168.4.20:${port}` ||
            (port === 80 && host === '192.168.4.20');
          expect(decision.allow).toBe(expected);
        },
      ),
    );
  });

  it('rejects a port outside 1–65535 as a programming error', () => {
    expect(() => decideListenerHostHeader('x:0', 0, [])).toThrow(RangeError);
  });
});

describe('originMatchesHost', () => {
  it('allows a seat without Origin (Node) and a page of the listener’s own origin', () => {
    expect(originMatchesHost(undefined, '192.168.4.20:4404')).toBe(true);
    expect(originMatchesHost('http://192.168.4.20:4404', '192.168.4.20:4404')).toBe(true);
  });
  it('refuses a page of another origin, or an Origin that is not a URL', () => {
    expect(originMatchesHost('http://evil.example', '192.168.4.20:4404')).toBe(false);
    expect(originMatchesHost('null', '192.168.4.20:4404')).toBe(false);
  });
});
