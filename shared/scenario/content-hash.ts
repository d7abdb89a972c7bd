// The scenario's identity (docs/SCENARIO-FORMAT.md section 1): SHA-256 of the JCS
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
  /** Optional: hash a string as UTF-8 without a separate encoding step. */
  updateText?(text: string): void;
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

/** Sorted keys per object shape (events share a few shapes); sorted null: index-like keys. */
const plans = new Map<string, { keys: readonly string[]; sorted: readonly string[] | null }>();
const INDEX_KEY = /^(0|[1-9]\d*)$/;

function planFor(keys: string[]): readonly string[] | null {
  const shape = keys.join('\u0000');
  const plan = plans.get(shape);
  // Keys containing NUL could make two shapes join alike: compare the keys themselves.
  if (plan && plan.keys.length === keys.length) {
    let same = true;
    for (let i = 0; i < keys.length && same; i++) same = plan.keys[i] === keys[i];
    if (same) return plan.sorted;
  }
  // Index-like keys cannot be put in order; "__proto__" cannot be assigned as a field.
  const sorted = keys.some((k) => INDEX_KEY.test(k) || k === '__proto__') ? null : [...keys].sort();
  if (plans.size > 10_000) plans.clear();
  plans.set(shape, { keys, sorted });
  return sorted;
}

/**
 * A copy with keys inserted in sorted order, so that plain JSON.stringify gives
 * the JCS text; null when that cannot work (keys like "1" are always output
 * first by JavaScript, whatever the insertion order).
 */
function sortedCopy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      const inner = sortedCopy(item);
      if (inner === undefined) return undefined;
      if (inner !== item) (copy ??= value.slice())[i] = inner;
    }
    return copy ?? value;
  }
  const object = value as Record<string, unknown>;
  // The common case (keys already in order, nothing nested) is settled by a
  // for-in walk, which allocates nothing; Object.keys would make an array per event.
  let previous: string | null = null;
  let flat = true;
  for (const key in object) {
    if (previous !== null && !(previous < key)) {
      flat = false;
      break;
    }
    previous = key;
    const v = object[key];
    if (v === undefined || (v !== null && typeof v === 'object')) {
      flat = false;
      break;
    }
  }
  if (flat) return object;
  const keys = Object.keys(object);
  // Already in JCS key order (JSON.stringify writes keys in Object.keys order),
  // with nothing nested that needs a copy: use the object itself.
  let inOrder = true;
  for (let i = 1; i < keys.length && inOrder; i++) inOrder = keys[i - 1]! < keys[i]!;
  if (inOrder) {
    let changed: Record<string, unknown> | null = null;
    for (const key of keys) {
      const v = object[key];
      if (v === undefined) return sortedByPlan(object, keys);
      if (v === null || typeof v !== 'object') continue;
      const inner = sortedCopy(v);
      if (inner === undefined) return undefined;
      if (inner !== v) {
        if (key === '__proto__') return undefined;
        (changed ??= { ...object })[key] = inner;
      }
    }
    return changed ?? object;
  }
  return sortedByPlan(object, keys);
}

function sortedByPlan(object: Record<string, unknown>, keys: string[]): unknown {
  const plan = planFor(keys);
  if (plan === null) return undefined;
  const copy: Record<string, unknown> = {};
  for (const key of plan) {
    const v = object[key];
    if (v === undefined) continue;
    if (v !== null && typeof v === 'object') {
      const inner = sortedCopy(v);
      if (inner === undefined) return undefined;
      copy[key] = inner;
    } else copy[key] = v;
  }
  return copy;
}

/**
 * JCS of one event, as `canonicalize` would give it (a property test checks
 * that): JSON.stringify of a key-sorted copy, whose string and number forms
 * are the ones RFC 8785 specifies, and `canonicalize` itself when needed.
 */
export function canonicalEventJson(event: Record<string, unknown>): string {
  const copy = sortedCopy(event);
  return copy === undefined ? canonicalize(event)! : JSON.stringify(copy);
}

const BATCH = 1024;

/** Writes text to the hash: small pieces are buffered, large ones go straight through. */
interface HashWriter {
  write(text: string): void;
  /** Flushes the buffer and hashes `text` directly (for large pieces). */
  put(text: string): void;
}

/**
 * The hash of the manifest's keys in JCS order with `feeds` written by
 * `writeEvents` (which writes the events between `[` and `]`, comma-separated).
 */
function hashManifestWith(
  resolvedManifest: Record<string, unknown>,
  createHash: HashFactory,
  writeEvents: (out: HashWriter) => void,
): string {
  const hash = createHash();
  const encoder = new TextEncoder();
  const update = (text: string) => {
    if (hash.updateText) hash.updateText(text);
    else hash.update(encoder.encode(text));
  };
  let buffer = '';
  const out: HashWriter = {
    write(text) {
      if (text.length >= FLUSH_CHARS) {
        out.put(text);
        return;
      }
      buffer += text;
      if (buffer.length >= FLUSH_CHARS) {
        update(buffer);
        buffer = '';
      }
    },
    put(text) {
      update(buffer);
      buffer = '';
      update(text);
    },
  };
  const keys = [...new Set([...Object.keys(resolvedManifest), 'feeds'])].sort();
  out.write('{');
  keys.forEach((key, i) => {
    if (i > 0) out.write(',');
    out.write(`${JSON.stringify(key)}:`);
    if (key === 'feeds') {
      out.write('[');
      writeEvents(out);
      out.write(']');
    } else {
      out.write(canonicalize(resolvedManifest[key])!);
    }
  });
  out.write('}');
  update(buffer);
  return hash.digestHex();
}

/**
 * Content hash of a resolved manifest (paths replaced by content, `feeds`
 * omitted) and its events (anything with an `event`, e.g. ReplayEvent) in replay order.
 */
export function scenarioContentHash(
  resolvedManifest: Record<string, unknown>,
  eventsInReplayOrder: readonly { readonly event: ScenarioEvent }[],
  createHash: HashFactory = nobleSha256,
): string {
  return hashManifestWith(resolvedManifest, createHash, (out) => {
    // Key-sorted copies are stringified a batch at a time: one native call
    // per thousand events instead of string building per field.
    let first = true;
    let batch: unknown[] = [];
    const flush = () => {
      if (batch.length === 0) return;
      const json = JSON.stringify(batch);
      if (!first) out.write(',');
      // Straight to the hash: a batch is large enough not to need the buffer.
      out.put(json.slice(1, -1));
      first = false;
      batch = [];
    };
    for (let i = 0; i < eventsInReplayOrder.length; i++) {
      const given = eventAsGiven(eventsInReplayOrder[i]!.event);
      const copy = sortedCopy(given);
      if (copy === undefined) {
        flush();
        out.write(first ? canonicalize(given)! : `,${canonicalize(given)!}`);
        first = false;
        continue;
      }
      batch.push(copy);
      if (batch.length === BATCH) flush();
    }
    flush();
  });
}

/**
 * The same content hash from the events' JCS texts, already in replay order
 * (`truceline validate` keeps texts rather than events).
 */
export function scenarioContentHashOfTexts(
  resolvedManifest: Record<string, unknown>,
  canonicalTextsInReplayOrder: readonly string[],
  createHash: HashFactory = nobleSha256,
): string {
  return hashManifestWith(resolvedManifest, createHash, (out) => {
    const texts = canonicalTextsInReplayOrder;
    for (let i = 0; i < texts.length; i++) out.write(i === 0 ? texts[i]! : `,${texts[i]!}`);
  });
}
