// The scenario's identity (SCENARIO-FORMAT.md section 1): SHA-256 of the JCS
// form of the manifest with every path replaced by its content and `feeds`
// replaced by every event in replay order. Written as a stream so a million
// events never become one giant string.
import canonicalize from 'canonicalize';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { ScenarioEvent } from './schema';

/** An incremental SHA-256. */
export interface Sha256Stream {
  update(bytes: Uint8Array): void;
  /** Lowercase hex digest. */
  digestHex(): string;
}

/** Makes a fresh SHA-256 stream; Node passes a native one (same digest, faster). */
export type HashFactory = () => Sha256Stream;

/** Pure-JS SHA-256 (@noble/hashes): runs everywhere. */
export const nobleSha256: HashFactory = () => {
  const h = sha256.create();
  return {
    update: (bytes) => {
      h.update(bytes);
    },
    digestHex: () => bytesToHex(h.digest()),
  };
};

/** The event with the fields it was given: unknown fields come back out of `extra`. */
export function eventAsGiven(event: ScenarioEvent): Record<string, unknown> {
  if (event.extra === undefined) return event;
  const { extra, ...rest } = event;
  return { ...rest, ...extra };
}

const FLUSH_CHARS = 1 << 20;

/**
 * Content hash of a resolved manifest (paths replaced by content, `feeds`
 * omitted) and its events in replay order.
 */
export function scenarioContentHash(
  resolvedManifest: Record<string, unknown>,
  eventsInReplayOrder: Iterable<ScenarioEvent>,
  createHash: HashFactory = nobleSha256,
): string {
  const hash = createHash();
  const encoder = new TextEncoder();
  let buffer = '';
  const write = (text: string) => {
    buffer += text;
    if (buffer.length >= FLUSH_CHARS) {
      hash.update(encoder.encode(buffer));
      buffer = '';
    }
  };
  const keys = [...new Set([...Object.keys(resolvedManifest), 'feeds'])].sort();
  write('{');
  keys.forEach((key, i) => {
    if (i > 0) write(',');
    write(`${JSON.stringify(key)}:`);
    if (key === 'feeds') {
      write('[');
      let first = true;
      for (const event of eventsInReplayOrder) {
        write(
          first ? canonicalize(eventAsGiven(event))! : `,${canonicalize(eventAsGiven(event))!}`,
        );
        first = false;
      }
      write(']');
    } else {
      write(canonicalize(resolvedManifest[key])!);
    }
  });
  write('}');
  hash.update(encoder.encode(buffer));
  return hash.digestHex();
}
