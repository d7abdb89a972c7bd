// The room's IPC payloads (shared/security/ipc-contract.ts): a relay message
// from the page is accepted exactly when its text is JSON that the relay's own
// schema accepts, up to the size limit; a listen request is an interface and
// a port, nothing more.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RelayToServer } from '../../../shared/room/relay';
import {
  MAX_ROOM_SEND_CHARS,
  roomListenRequestSchema,
  roomSendRequestSchema,
} from '../../../shared/security/ipc-contract';

/** A frame message padded with its text to exactly `length` characters. */
function frameOfLength(length: number): string {
  const empty = JSON.stringify({ r: 'frame', id: 1, text: '' });
  return JSON.stringify({ r: 'frame', id: 1, text: 'x'.repeat(length - empty.length) });
}

describe('room-send payload', () => {
  it('accepts a message of exactly the limit and refuses one character more', () => {
    const longest = frameOfLength(MAX_ROOM_SEND_CHARS);
    expect(longest).toHaveLength(MAX_ROOM_SEND_CHARS);
    expect(roomSendRequestSchema.safeParse(longest).success).toBe(true);
    const over = roomSendRequestSchema.safeParse(frameOfLength(MAX_ROOM_SEND_CHARS + 1));
    expect(over.success).toBe(false);
    expect(over.error?.issues[0]?.message).toMatch(/over \d+ characters/);
  });

  it('leaves room for the largest frame the host sends a seat (32 MiB) and its envelope', () => {
    expect(MAX_ROOM_SEND_CHARS).toBeGreaterThan(32 * 1024 * 1024);
  });

  it('accepts a text exactly when it is JSON the relay schema accepts, and yields that message (property)', () => {
    const value = fc.oneof(
      fc.record({
        r: fc.constant('frame'),
        id: fc.integer({ min: -2, max: 9 }),
        text: fc.string(),
      }),
      fc.record({
        r: fc.constantFrom('close', 'open', 'listening'),
        id: fc.integer({ min: 0, max: 9 }),
        reason: fc.string({ maxLength: 410 }),
      }),
      fc.anything(),
    );
    fc.assert(
      fc.property(value, (candidate) => {
        // undefined for a value JSON cannot write (a function, undefined itself).
        const text = JSON.stringify(candidate) as string | undefined;
        fc.pre(text !== undefined);
        const direct = RelayToServer.safeParse(JSON.parse(text));
        const viaIpc = roomSendRequestSchema.safeParse(text);
        expect(viaIpc.success).toBe(direct.success);
        if (direct.success) expect(viaIpc.data).toEqual(direct.data);
      }),
    );
  });

  it.each([
    [undefined, /JSON text/],
    [{ r: 'frame', id: 1, text: 'x' }, /JSON text/],
    ['', /not JSON/],
    ['{"r":"frame","id":1,"text":"x"', /not JSON/],
  ])('refuses %j, saying why', (payload, why) => {
    const parsed = roomSendRequestSchema.safeParse(payload);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message).join('; ')).toMatch(why);
  });
});

describe('room-listen payload', () => {
  it('accepts an interface and a port from 0 to 65535', () => {
    for (const port of [0, 1, 4381, 65_535]) {
      expect(roomListenRequestSchema.parse({ host: '127.0.0.1', port })).toEqual({
        host: '127.0.0.1',
        port,
      });
    }
  });

  it.each([
    [{ host: '127.0.0.1', port: -1 }, /port/],
    [{ host: '127.0.0.1', port: 65_536 }, /port/],
    [{ host: '127.0.0.1', port: 1.5 }, /port/],
    [{ host: '127.0.0.1' }, /port|expected number/],
    [{ host: '', port: 0 }, /host is empty/],
    [{ host: 'x'.repeat(101), port: 0 }, /longer than 100/],
    [{ host: '127.0.0.1', port: 0, path: '/x' }, /path|unrecognized/i],
  ])('refuses %j', (payload, why) => {
    const parsed = roomListenRequestSchema.safeParse(payload);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')).toMatch(
      why,
    );
  });
});
