// Web Locks, where the platform has them (Chromium, Electron): one holder per
// name across every tab and window of the origin.

interface LockManagerLike {
  request(
    name: string,
    options: { mode?: 'exclusive'; ifAvailable?: boolean },
    callback: (lock: unknown) => Promise<void> | void,
  ): Promise<unknown>;
}

function lockManager(): LockManagerLike | undefined {
  return (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks;
}

/** True when this platform has Web Locks. */
export function hasWebLocks(): boolean {
  return lockManager() !== undefined;
}

/**
 * Takes the exclusive lock `name` and keeps it until the returned release
 * function is called. Resolves null when `ifAvailable` and someone holds it.
 * Without Web Locks it resolves a no-op release at once (callers keep their
 * own guard: the log's unique index).
 */
export function acquireWebLock(name: string, ifAvailable = false): Promise<(() => void) | null> {
  const locks = lockManager();
  if (!locks) return Promise.resolve(() => undefined);
  return new Promise((resolve, reject) => {
    locks
      .request(name, { mode: 'exclusive', ifAvailable }, (lock) => {
        if (!lock) {
          resolve(null);
          return;
        }
        return new Promise<void>((release) => resolve(release));
      })
      .catch(reject);
  });
}
