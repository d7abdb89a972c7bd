// How a seat checks its copy of the log as entries arrive (docs/ROOMS.md,
// "What a seat verifies"). Every entry, redacted or not, must carry the next
// seq and link to the hash before it; an entry the seat reads in full must
// also hash to its own `hash` (the audit module's entry hash), which ties its
// content to the chain. A redacted entry's content is not there to hash: the
// seat checks its place in the chain, and that a later readable entry links
// through it; the host (or an export of the whole log) vouches for its content.
import { GENESIS_HASH, computeEntryHash } from '../audit/entry';
import { findChainFailure } from '../audit/chain';
import { isRedacted, readable, type SeatEntry } from './seat-roles';

export interface ChainHead {
  seq: number;
  hash: string;
}

export const EMPTY_CHAIN: ChainHead = { seq: 0, hash: GENESIS_HASH };

/** Why `entry` cannot follow `head`, or null when it does. */
export function nextEntryFailure(
  head: ChainHead,
  entry: SeatEntry,
  exerciseId: string | null,
): string | null {
  if (entry.seq !== head.seq + 1) {
    return `entry seq ${entry.seq} where ${head.seq + 1} was expected`;
  }
  if (entry.prev_hash !== head.hash) {
    return `entry ${entry.seq}: prev_hash does not match the hash of entry ${head.seq}`;
  }
  const full = readable(entry);
  if (full === null) return null;
  if (exerciseId !== null && full.exercise_id !== exerciseId) {
    return `entry ${entry.seq} belongs to exercise "${full.exercise_id}", not "${exerciseId}"`;
  }
  if (computeEntryHash(full) !== entry.hash) {
    return `entry ${entry.seq}: its hash does not match its content (altered)`;
  }
  return null;
}

/**
 * Checks a stored copy from seq 1 (a seat that restarts reads its copy back):
 * a copy with every entry readable goes through the audit module's chain
 * check; a copy with redacted entries is checked entry by entry as above.
 */
export function copyFailure(
  entries: readonly SeatEntry[],
  exerciseId: string | null,
): string | null {
  if (!entries.some(isRedacted)) {
    const failure = findChainFailure(entries as unknown as Record<string, unknown>[]);
    return failure ? `entry ${failure.position}: ${failure.reason}` : null;
  }
  let head = EMPTY_CHAIN;
  for (const entry of entries) {
    const failure = nextEntryFailure(head, entry, exerciseId);
    if (failure) return failure;
    head = { seq: entry.seq, hash: entry.hash };
  }
  return null;
}
