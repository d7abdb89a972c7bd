// Checks the feed files of a scenario folder in worker threads, one share per
// thread, so that `validate` can use every core on large scenarios (opt-in:
// see feedCheckThreads). The replay in manifest order (recorded-feed.ts) keeps
// diagnostics and hash unchanged.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FeedDispatcher } from '../../scenario/load-scenario';
import { recordFeed, type RecordedFeed } from '../../scenario/recorded-feed';
import { createFsReader } from './fs-reader';
import type { FeedCheckJob } from './feed-check-worker';

/**
 * Feed files split into `workers` shares of about equal bytes (largest first,
 * each to the lightest share), each share in manifest order.
 */
export function shareFeeds(
  sizes: readonly number[],
  workers: number,
  headStart: readonly number[] = [],
): number[][] {
  const shares = Array.from({ length: Math.max(1, Math.min(workers, sizes.length)) }, (_, k) => ({
    bytes: headStart[k] ?? 0,
    feeds: [] as number[],
  }));
  const bySize = sizes.map((_, i) => i).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
  for (const i of bySize) {
    const lightest = shares.reduce((min, s) => (s.bytes < min.bytes ? s : min));
    lightest.bytes += sizes[i]!;
    lightest.feeds.push(i);
  }
  return shares.map((s) => s.feeds.sort((a, b) => a - b));
}

/** Below this many bytes of feeds, starting threads costs more than it saves. */
export const PARALLEL_MIN_BYTES = 8 * 1024 * 1024;
/**
 * Above this, one thread: the copies that cross between threads (about one
 * more copy of every event's text) would cost more memory than time is worth.
 */
export const PARALLEL_MAX_BYTES = 512 * 1024 * 1024;

/**
 * How many feed-check threads `validate` uses for a folder holding `bytes`,
 * from TRUCELINE_VALIDATE_THREADS: a number (0 or unset: none, the plain
 * one-thread check), or `auto`: one per core for folders of 8–512 MiB.
 * Off by default: on the 2-core machine this was built on, threads did not
 * make `validate` faster, even with nothing else running (1.36–1.40 s against
 * 1.36–1.39 s on one thread, 300,000 events): the worker start-up, the garbage
 * collector's own threads and the replay, sort and hash that stay in one
 * thread took what the second core saved.
 */
export function feedCheckThreads(bytes: number, cores: number, setting?: string): number {
  const value = setting?.trim() ?? '';
  if (value === '') return 0;
  if (value === 'auto') {
    return bytes >= PARALLEL_MIN_BYTES && bytes <= PARALLEL_MAX_BYTES && cores > 1 ? cores : 0;
  }
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    throw new Error(
      `TRUCELINE_VALIDATE_THREADS must be a whole number >= 0 or "auto", got "${setting}"`,
    );
  }
  return n;
}

interface Deferred {
  promise: Promise<RecordedFeed>;
  resolve(value: RecordedFeed): void;
  reject(reason: Error): void;
  settled: boolean;
}

function deferred(): Deferred {
  let resolve!: (value: RecordedFeed) => void;
  let reject!: (reason: Error) => void;
  const promise = new Promise<RecordedFeed>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Awaited in manifest order; a rejection before then is not unhandled.
  promise.catch(() => {});
  return { promise, resolve, reject, settled: false };
}

/**
 * This thread's share is lighter by this fraction of all bytes: it also
 * replays every feed, sorts and hashes.
 */
const OWN_HEAD_START = 0.2;

/**
 * A dispatcher over folder `root` using `threads` threads in all: this one
 * takes one share, and each other share goes to a worker thread running
 * `entry` (a built script that runs `runFeedCheckJob` when its workerData is
 * a FeedCheckJob).
 */
export function createWorkerDispatcher(
  entry: URL | string,
  root: string,
  threads: number,
): FeedDispatcher {
  const workers: Worker[] = [];
  let results: Deferred[] = [];
  const settle = (index: number, outcome: RecordedFeed | Error) => {
    const r = results[index]!;
    if (r.settled) return;
    r.settled = true;
    if (outcome instanceof Error) r.reject(outcome);
    else r.resolve(outcome);
  };
  return {
    start(paths, checks) {
      results = paths.map(() => deferred());
      const sizes = paths.map((p) => statSync(join(root, ...p.split('/'))).size);
      const total = sizes.reduce((a, b) => a + b, 0);
      const [own = [], ...others] = shareFeeds(sizes, threads, [total * OWN_HEAD_START]);
      void (async () => {
        try {
          const reader = await createFsReader(root);
          for (const index of own) settle(index, await recordFeed(reader, paths[index]!, checks));
        } catch (error) {
          for (const index of own) settle(index, error as Error);
        }
      })();
      for (const share of others) {
        if (share.length === 0) continue;
        const job: FeedCheckJob = {
          role: 'truceline-feed-check',
          root,
          checks,
          feeds: share.map((index) => ({ index, path: paths[index]! })),
        };
        const worker = new Worker(entry, { workerData: job });
        const fail = (error: Error) => {
          for (const index of share) settle(index, error);
        };
        worker.on('message', ({ index, recorded }: { index: number; recorded: RecordedFeed }) =>
          settle(index, recorded),
        );
        worker.on('error', fail);
        worker.on('exit', (code) => fail(new Error(`a feed-check thread stopped (exit ${code})`)));
        workers.push(worker);
      }
    },
    result: (index) => results[index]!.promise,
    close() {
      for (const worker of workers) void worker.terminate();
    },
  };
}
