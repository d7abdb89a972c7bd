// Keys and sealing of one room connection (docs/ROOMS.md, "Cryptography").
//
// Each connection runs an ephemeral ECDH (P-256) and derives two AES-GCM keys,
// one per direction, with HKDF over the join secret and the ECDH secret,
// salted by fresh random salts from both ends and bound to the seat's id:
// - the join secret proves both ends hold the code (a seat without it, or with
//   a wrong one, cannot open or make a single sealed frame);
// - the ECDH secret keeps one seat, which also holds the code and sees the
//   other connections' salts on the network, from deriving another seat's keys
//   and forging the host's messages to it;
// - new salts and a new ECDH pair on every connection mean a key is never used
//   on two connections, so a host that restarts cannot repeat a key and nonce.
// Within a connection the nonce is the frame's sequence number in its
// direction; a frame whose number is not the next expected one (a replay, a
// drop, a reorder) is refused before it is opened.
import { base64ToBytes, bytesToBase64 } from '../audit/base64';

type Subtle = NonNullable<typeof globalThis.crypto>['subtle'];
type Key = Awaited<ReturnType<Subtle['importKey']>>;
type KeyPair = Awaited<ReturnType<Subtle['generateKey']>> & { publicKey: Key; privateKey: Key };

/** Bytes of each end's HKDF salt. */
export const SALT_BYTES = 32;
/** Bytes of an uncompressed P-256 public key. */
export const PUBLIC_KEY_BYTES = 65;
/** Frames per direction before a connection must be re-made (far above any exercise). */
export const MAX_FRAMES_PER_DIRECTION = 2 ** 32;

const PROTOCOL_LABEL = 'truceline-room/1';
const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;

function subtle(): Subtle {
  const s = (globalThis as { crypto?: { subtle?: Subtle } }).crypto?.subtle;
  if (!s) throw new Error('this platform has no WebCrypto (a room needs a secure context)');
  return s;
}

const text = new TextEncoder();
const untext = new TextDecoder('utf-8', { fatal: true });

function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Random salt for one end of one connection. */
export function newSalt(): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(SALT_BYTES));
}

/** One end's ephemeral key pair for one connection, with its public key as raw bytes. */
export interface Ephemeral {
  pair: KeyPair;
  publicRaw: Uint8Array;
}

export async function newEphemeral(): Promise<Ephemeral> {
  const pair = (await subtle().generateKey(ECDH, false, ['deriveBits'])) as KeyPair;
  const publicRaw = new Uint8Array(await subtle().exportKey('raw', pair.publicKey));
  return { pair, publicRaw };
}

/** Which way a frame travels; each direction has its own key and counter. */
export type Direction = 'seat-to-host' | 'host-to-seat';

export interface ChannelKeys {
  seatToHost: Key;
  hostToSeat: Key;
}

/** Raised when the other end's public key is not a P-256 point. */
export class HandshakeError extends Error {
  override name = 'HandshakeError';
}

/** The two keys of a connection, as both ends derive them. */
export async function deriveChannelKeys(input: {
  secret: Uint8Array;
  own: Ephemeral;
  peerPublicRaw: Uint8Array;
  seatSalt: Uint8Array;
  hostSalt: Uint8Array;
  seatId: string;
}): Promise<ChannelKeys> {
  let peer: Key;
  try {
    peer = await subtle().importKey('raw', concat(input.peerPublicRaw), ECDH, false, []);
  } catch {
    throw new HandshakeError('the public key of the other end is not a P-256 point');
  }
  const shared = new Uint8Array(
    await subtle().deriveBits({ name: 'ECDH', public: peer }, input.own.pair.privateKey, 256),
  );
  const base = await subtle().importKey('raw', concat(input.secret, shared), 'HKDF', false, [
    'deriveKey',
  ]);
  const salt = concat(input.seatSalt, input.hostSalt);
  const derive = (direction: Direction) =>
    subtle().deriveKey(
      {
        name: 'HKDF',
        hash: 'SHA-256',
        salt,
        info: text.encode(`${PROTOCOL_LABEL} ${direction} seat:${input.seatId}`),
      },
      base,
      { name: 'AES-GCM', length: 256 },
      false,
      ['encrypt', 'decrypt'],
    );
  return { seatToHost: await derive('seat-to-host'), hostToSeat: await derive('host-to-seat') };
}

/** A sealed frame's number and ciphertext, as sent. */
export interface SealedFrame {
  n: number;
  ct: string;
}

/** Raised when a frame cannot be opened; `reason` is for the connection log. */
export class FrameRefused extends Error {
  override name = 'FrameRefused';
}

function nonceOf(n: number): Uint8Array<ArrayBuffer> {
  const nonce = new Uint8Array(12);
  new DataView(nonce.buffer).setBigUint64(4, BigInt(n));
  return nonce;
}

/**
 * One end of a connection: seals what it sends and opens what it receives,
 * each direction numbered from 0. Numbers are taken when `seal` is called, so
 * frames must be sent in the order their `seal` calls were made.
 */
export class SealedChannel {
  #sendNext = 0;
  #receiveNext = 0;
  readonly #sendKey: Key;
  readonly #receiveKey: Key;
  readonly #sendDirection: Direction;
  readonly #receiveDirection: Direction;

  constructor(
    keys: ChannelKeys,
    readonly side: 'seat' | 'host',
    readonly seatId: string,
  ) {
    this.#sendDirection = side === 'seat' ? 'seat-to-host' : 'host-to-seat';
    this.#receiveDirection = side === 'seat' ? 'host-to-seat' : 'seat-to-host';
    this.#sendKey = side === 'seat' ? keys.seatToHost : keys.hostToSeat;
    this.#receiveKey = side === 'seat' ? keys.hostToSeat : keys.seatToHost;
  }

  #aad(direction: Direction, n: number): Uint8Array<ArrayBuffer> {
    return concat(text.encode(`${PROTOCOL_LABEL} ${direction} seat:${this.seatId} n:${n}`));
  }

  async seal(plain: string): Promise<SealedFrame> {
    const n = this.#sendNext;
    if (n >= MAX_FRAMES_PER_DIRECTION) throw new FrameRefused('the connection used all its nonces');
    this.#sendNext += 1;
    const ct = await subtle().encrypt(
      { name: 'AES-GCM', iv: nonceOf(n), additionalData: this.#aad(this.#sendDirection, n) },
      this.#sendKey,
      concat(text.encode(plain)),
    );
    return { n, ct: bytesToBase64(new Uint8Array(ct)) };
  }

  /** The text of the next frame; refuses one out of sequence or that does not authenticate. */
  async open(frame: SealedFrame): Promise<string> {
    if (frame.n !== this.#receiveNext) {
      throw new FrameRefused(
        frame.n < this.#receiveNext
          ? `frame ${frame.n} was already received (a replay)`
          : `frame ${frame.n} where ${this.#receiveNext} was expected (frames missing)`,
      );
    }
    // Taken before the await: a second frame opened meanwhile needs the next number.
    this.#receiveNext += 1;
    const bytes = base64ToBytes(frame.ct);
    if (!bytes) throw new FrameRefused('the ciphertext is not base64');
    let plain: ArrayBuffer;
    try {
      plain = await subtle().decrypt(
        {
          name: 'AES-GCM',
          iv: nonceOf(frame.n),
          additionalData: this.#aad(this.#receiveDirection, frame.n),
        },
        this.#receiveKey,
        concat(bytes),
      );
    } catch {
      throw new FrameRefused(
        'the frame does not authenticate under this connection’s key (wrong join code, or forged)',
      );
    }
    try {
      return untext.decode(plain);
    } catch {
      throw new FrameRefused('the frame is not UTF-8 text');
    }
  }
}

/** Base64 of bytes (the handshake's salts and public keys travel as text). */
export const toBase64 = bytesToBase64;
/** Bytes of base64 text, or null. */
export const fromBase64 = base64ToBytes;
