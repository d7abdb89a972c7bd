import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideHostHeader, LOOPBACK_HOST_NAMES } from '../../../shared/security/host-header';

const port = fc.integer({ min: 1, max: 65_535 });
/** Loopback names in mixed case, or anything else. */
const name = fc.oneof(
  fc
    .constantFrom(...LOOPBACK_HOST_NAMES)
    .chain((loopback) =>
      fc
        .array(fc.boolean(), { minLength: loopback.length, maxLength: loopback.length })
        .map((upper) => [...loopback].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join('')),
    ),
  fc.string({ maxLength: 40 }),
);

describe('decideHostHeader', () => {
  it('accepts the three loopback names with the server port, in any case', () => {
    expect(decideHostHeader('127.0.0.1:4317', 4317)).toEqual({ allow: true });
    expect(decideHostHeader('localhost:4317', 4317)).toEqual({ allow: true });
    expect(decideHostHeader('[::1]:4317', 4317)).toEqual({ allow: true });
    expect(decideHostHeader('LocalHost:4317', 4317)).toEqual({ allow: true });
  });

  it.each([
    ['a rebound name', 'evil.example:4317'],
    ['a name ending in localhost', 'evil.localhost:4317'],
    ['localhost with a trailing dot', 'localhost.:4317'],
    ['another port', '127.0.0.1:4318'],
    ['no port', '127.0.0.1'],
    ['another loopback address', '127.0.0.2:4317'],
    ['the unspecified address', '0.0.0.0:4317'],
    ['an unbracketed IPv6 address', '::1:4317'],
    ['a name with a path', 'localhost:4317/x'],
    ['userinfo', 'me@localhost:4317'],
  ])('refuses %s with 421, naming the host', (_what, host) => {
    const decision = decideHostHeader(host, 4317);
    expect(decision.allow).toBe(false);
    if (decision.allow) return;
    expect(decision.status).toBe(421);
    expect(decision.reason).toContain(JSON.stringify(host));
    expect(decision.reason).toContain('127.0.0.1:4317');
  });

  it('refuses a request without Host with 400', () => {
    expect(decideHostHeader(undefined, 4317)).toMatchObject({ allow: false, status: 400 });
    expect(decideHostHeader('', 4317)).toMatchObject({ allow: false, status: 400 });
  });

  it('accepts bare names on port 80 only, where browsers leave the port out', () => {
    expect(decideHostHeader('localhost', 80)).toEqual({ allow: true });
    expect(decideHostHeader('localhost:80', 80)).toEqual({ allow: true });
    expect(decideHostHeader('localhost', 8080).allow).toBe(false);
  });

  it('fails loudly on a port the server cannot have', () => {
    expect(() => decideHostHeader('localhost:0', 0)).toThrow(/port 0 is not an integer from 1/);
    expect(() => decideHostHeader('localhost:1', 1.5)).toThrow(RangeError);
    expect(() => decideHostHeader('localhost:1', 70_000)).toThrow(RangeError);
  });

  it('accepts exactly the loopback names with the same port (property)', () => {
    fc.assert(
      fc.property(name, port, port, fc.boolean(), (hostName, otherPort, serverPort, samePort) => {
        const hostPort = samePort ? serverPort : otherPort;
        const host = `${hostName}:${hostPort}`;
        const expected =
          (LOOPBACK_HOST_NAMES as readonly string[]).includes(hostName.toLowerCase()) &&
          hostPort === serverPort;
        expect(decideHostHeader(host, serverPort).allow).toBe(expected);
      }),
    );
  });

  it('refuses every Host that is not a loopback name (property)', () => {
    fc.assert(
      fc.property(fc.domain(), port, (domain, serverPort) => {
        fc.pre(domain !== 'localhost');
        expect(decideHostHeader(`${domain}:${serverPort}`, serverPort).allow).toBe(false);
      }),
    );
  });
});
