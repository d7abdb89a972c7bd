// One connection's keys and frames: both ends derive the same keys only with
// the same secret, a nonce is never repeated, and a frame out of sequence or
// under another key is refused.
import { describe, expect, it } from 'vitest';
import {
  FrameRefused,
  SealedChannel,
  deriveChannelKeys,
  newEphemeral,
  newSalt,
} from '../../../shared/room/channel-crypto';
import { newJoinSecret } from '../../../shared/room/join-code';

async function pair(
  seatSecret = newJoinSecret(),
  hostSecret = seatSecret,
  seatId = 'seat1seat1seat1x',
) {
  const seatEph = await newEphemeral();
  const hostEph = await newEphemeral();
  const seatSalt = newSalt();
  const hostSalt = newSalt();
  const seatKeys = await deriveChannelKeys({
    secret: seatSecret,
    own: seatEph,
    peerPublicRaw: hostEph.publicRaw,
    seatSalt,
    hostSalt,
    seatId,
  });
  const hostKeys = await deriveChannelKeys({
    secret: hostSecret,
    own: hostEph,
    peerPublicRaw: seatEph.publicRaw,
    seatSalt,
    hostSalt,
    seatId,
  });
  return {
    seat: new SealedChannel(seatKeys, 'seat', seatId),
    host: new SealedChannel(hostKeys, 'host', seatId),
  };
}

describe('sealed channel', () => {
  it('opens in order what the other end sealed, both ways', async () => {
    const { seat, host } = await pair();
    expect(await host.open(await seat.seal('one'))).toBe('one');
    expect(await host.open(await seat.seal('two'))).toBe('two');
    expect(await seat.open(await host.seal('back'))).toBe('back');
  });

  it('never repeats a nonce: the same text sealed twice gives two numbers and two ciphertexts', async () => {
    const { seat } = await pair();
    const a = await seat.seal('same');
    const b = await seat.seal('same');
    expect([a.n, b.n]).toEqual([0, 1]);
    expect(a.ct).not.toBe(b.ct);
  });

  it('refuses a frame received twice (a replay) and one that skips ahead', async () => {
    const { seat, host } = await pair();
    const first = await seat.seal('x');
    await host.open(first);
    await expect(host.open(first)).rejects.toThrow(/already received \(a replay\)/);
    const { seat: s2, host: h2 } = await pair();
    await s2.seal('lost');
    await expect(h2.open(await s2.seal('next'))).rejects.toThrow(/where 0 was expected/);
  });

  it('refuses what was sealed with another join secret', async () => {
    const { seat, host } = await pair(newJoinSecret(), newJoinSecret());
    await expect(host.open(await seat.seal('hi'))).rejects.toBeInstanceOf(FrameRefused);
  });

  it('refuses a frame of the other direction sent back at its sender (each direction has its own key)', async () => {
    const { seat } = await pair();
    const frame = await seat.seal('echo');
    await expect(seat.open(frame)).rejects.toThrow(/does not authenticate/);
  });

  it('two connections with the same secret and seat have different keys (fresh salts and ECDH)', async () => {
    const secret = newJoinSecret();
    const one = await pair(secret);
    const two = await pair(secret);
    await expect(two.host.open(await one.seat.seal('cross'))).rejects.toThrow(
      /does not authenticate/,
    );
  });
});
