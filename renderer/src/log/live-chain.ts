// The Log screen's running check of the stored chain: each new entry must
// follow the last one checked (seq, prev_hash) and its hash must recompute.
// Checking only what arrived keeps the cost per update proportional to it.
import { computeEntryHash, GENESIS_HASH, type LogEntry } from '../../../shared/audit';

export type ChainStatus =
  | { ok: true; count: number; headHash: string | null }
  | { ok: false; count: number; seq: number; reason: string };

export const EMPTY_CHAIN: ChainStatus = { ok: true, count: 0, headHash: null };

/** Extends a chain status with newly read entries (which must continue from `status.count`). */
export function extendChainStatus(status: ChainStatus, added: readonly LogEntry[]): ChainStatus {
  if (!status.ok) return { ...status, count: status.count + added.length };
  let count = status.count;
  let prev = status.headHash ?? GENESIS_HASH;
  for (const entry of added) {
    const position = count + 1;
    if (entry.seq !== position) {
      return {
        ok: false,
        count: count + added.length,
        seq: position,
        reason: `seq ${entry.seq} where ${position} was expected`,
      };
    }
    if (entry.prev_hash !== prev) {
      return {
        ok: false,
        count: status.count + added.length,
        seq: position,
        reason: 'prev_hash does not match the entry before it',
      };
    }
    if (computeEntryHash(entry) !== entry.hash) {
      return {
        ok: false,
        count: status.count + added.length,
        seq: position,
        reason: 'its hash does not match its content: the entry was altered',
      };
    }
    prev = entry.hash;
    count = position;
  }
  return { ok: true, count, headHash: count > 0 ? prev : null };
}
