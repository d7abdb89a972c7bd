// Storage errors as operators need them: what happened, in plain words, and
// the way out. Raised instead of raw IndexedDB/Dexie errors.

export type StorageFailureKind = 'quota' | 'conflict' | 'locked' | 'unavailable' | 'write-failed';

const PLAIN: Record<StorageFailureKind, { message: string; wayOut: string }> = {
  quota: {
    message:
      'The log could not be saved: the storage this computer allows Truceline is full. The exercise is stopped; nothing already logged is lost.',
    wayOut:
      'Export the log now (Audit → Export), then free disk space or delete old exercises and scenarios, and resume.',
  },
  conflict: {
    message:
      "Another window wrote to this exercise's log, so this window's view is out of date. Nothing was written and nothing already logged is lost.",
    wayOut: 'Close the other window, then reopen the exercise here.',
  },
  locked: {
    message: 'This exercise is open in another window or tab, which is its only writer.',
    wayOut: 'Close it there (or wait), then open it here.',
  },
  unavailable: {
    message: 'Storage (IndexedDB) is not available, so the exercise log cannot be kept.',
    wayOut: 'Leave private browsing, allow site storage for Truceline, or use the desktop app.',
  },
  'write-failed': {
    message:
      'The log could not be saved (the storage reported an error). The exercise is stopped; nothing already logged is lost.',
    wayOut: 'Export the log now (Audit → Export), then restart Truceline.',
  },
};

/** A storage failure with a plain message and the way out; `cause` keeps the original error. */
export class StorageFailure extends Error {
  override name = 'StorageFailure';
  readonly wayOut: string;
  constructor(
    readonly kind: StorageFailureKind,
    options: { cause?: unknown; detail?: string } = {},
  ) {
    super(PLAIN[kind].message + (options.detail ? ` (${options.detail})` : ''), {
      cause: options.cause,
    });
    this.wayOut = PLAIN[kind].wayOut;
  }
}

function errorNames(error: unknown, seen = new Set<unknown>()): string[] {
  if (!error || typeof error !== 'object' || seen.has(error)) return [];
  seen.add(error);
  const e = error as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  const names = typeof e.name === 'string' ? [e.name] : [];
  names.push(...errorNames(e.inner, seen), ...errorNames(e.cause, seen));
  if (Array.isArray(e.failures)) for (const f of e.failures) names.push(...errorNames(f, seen));
  return names;
}

/** Classifies any error from a storage write (Dexie wraps the DOMException in `inner` or `failures`). */
export function toStorageFailure(error: unknown): StorageFailure {
  if (error instanceof StorageFailure) return error;
  const names = errorNames(error);
  const detail = error instanceof Error ? error.message : String(error);
  if (names.includes('QuotaExceededError')) return new StorageFailure('quota', { cause: error });
  if (names.includes('ConstraintError')) return new StorageFailure('conflict', { cause: error });
  if (
    names.some((n) => n === 'MissingAPIError' || n === 'InvalidStateError' || n === 'SecurityError')
  ) {
    return new StorageFailure('unavailable', { cause: error, detail });
  }
  return new StorageFailure('write-failed', { cause: error, detail });
}
