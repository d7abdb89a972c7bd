// Checks 2-4 of docs/AUDIT-LOG.md "Verification" over a list of entries, shared by
// the bundle verifier and the reader that rebuilds entries for the app.
import { GENESIS_HASH, LogEntry, sha256HexOfText } from './entry';
import { canonicalJsonWithout } from './jcs';

/** The first entry that fails a chain check: its 1-based position in the list and why. */
export interface ChainFailure {
  position: number;
  check: 'seq' | 'prev_hash' | 'hash';
  reason: string;
}

function describe(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

function seqFailure(position: number, seq: unknown, previous: unknown): ChainFailure {
  let reason: string;
  if (typeof seq !== 'number' || !Number.isInteger(seq)) {
    reason = `seq is ${describe(seq)}, not a whole number`;
  } else if (seq > position) {
    reason = `seq ${seq} where ${position} was expected: ${seq - position === 1 ? 'an entry is' : 'entries are'} missing before it`;
  } else if (seq === previous) {
    reason = `seq ${seq} repeats the entry before it`;
  } else {
    reason = `seq ${seq} where ${position} was expected: entries are out of order or inserted`;
  }
  return { position, check: 'seq', reason };
}

/**
 * Checks 2 (seq 1..n), 3 (prev_hash links) and 4 (hashes recompute), each over
 * the whole list before the next, and returns the first failure or null.
 * Every element must already be a plain object.
 */
export function findChainFailure(entries: readonly Record<string, unknown>[]): ChainFailure | null {
  const n = entries.length;
  for (let i = 0; i < n; i++) {
    const seq = entries[i]!.seq;
    if (seq !== i + 1) return seqFailure(i + 1, seq, i > 0 ? entries[i - 1]!.seq : undefined);
  }
  let previousHash: unknown = GENESIS_HASH;
  for (let i = 0; i < n; i++) {
    // Plain equality, as the contract states: a malformed hash before it is caught by check 4.
    const prev = entries[i]!.prev_hash;
    if (prev !== previousHash) {
      const reason =
        i === 0
          ? 'prev_hash of the first entry is not 64 zeros: the log does not start at its beginning'
          : `prev_hash does not match the hash of seq ${i}: an entry was changed, removed, inserted or moved`;
      return { position: i + 1, check: 'prev_hash', reason };
    }
    previousHash = entries[i]!.hash;
  }
  for (let i = 0; i < n; i++) {
    const entry = entries[i]!;
    let canonical: string;
    try {
      canonical = canonicalJsonWithout(entry, 'hash');
    } catch (error) {
      return {
        position: i + 1,
        check: 'hash',
        reason: `its content is not valid JSON for hashing: ${(error as Error).message}`,
      };
    }
    if (sha256HexOfText(canonical) !== entry.hash) {
      return {
        position: i + 1,
        check: 'hash',
        reason: 'its hash does not match its content: the entry was altered',
      };
    }
  }
  return null;
}

/** Raised by readLogEntries; names the entry (1-based position) and why. */
export class LogChainError extends Error {
  override name = 'LogChainError';
  constructor(
    readonly position: number,
    readonly reason: string,
  ) {
    super(`log entry ${position}: ${reason}`);
  }
}

/**
 * Rebuilds typed entries from stored or exported ones: each must match the
 * entry schema and the chain must be intact from seq 1. Throws LogChainError.
 */
export function readLogEntries(raw: unknown): LogEntry[] {
  if (!Array.isArray(raw)) throw new LogChainError(0, 'the log is not a list of entries');
  const entries: LogEntry[] = [];
  for (let i = 0; i < raw.length; i++) {
    const parsed = LogEntry.safeParse(raw[i]);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.length ? issue.path.join('.') : 'entry';
      throw new LogChainError(i + 1, `${field}: ${issue.message}`);
    }
    entries.push(parsed.data);
  }
  const failure = findChainFailure(entries as unknown as Record<string, unknown>[]);
  if (failure) throw new LogChainError(failure.position, failure.reason);
  return entries;
}
