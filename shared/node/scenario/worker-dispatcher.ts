// Checks the feed files of a scenario folder in worker threads, one share per
// thread, so that `validate` uses every core on large scenarios. The replay in
// manifest order (recorded-feed.ts) keeps diagnostics and hash unchanged.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FeedDispatcher } from '../../scenario/load-scenario';
import type { RecordedFeed } from '../../scenario/recorded-feed';
import type { FeedCheckJob } from './feed-check-worker';

/**
 * Feed files split into `workers` shares of about equal bytes (largest first,
 * each to the lightest share), each share in manifest order.
 */
export function shareFeeds(sizes: readonly number[], workers: number): number[][] {
  const shares = Array.from({ length: Math.max(1, Math.min(workers, sizes.length)) }, () => ({
    bytes: 0,
    feeds: [] as number[],
  }));
  const bySize = sizes.map((_, i) => i).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
  for (const i of bySize) {
    const lightest = shares.reduce((min, s) => (s.bytes < min.bytes ? s : min));
    lightest.bytes += sizes[i]!;
    lightest.feeds.push(i);
  }
  return shares.filter((s) => s.feeds.length > 0).map((s) => s.feeds.sort((a, b) => a - b));
}

/** Below this many bytes of feeds, starting threads costs more than it saves. */
export const PARALLEL_MIN_BYTES = 8 * 1024 * 1024;

/**
 * How many feed-check threads to use for a folder holding `bytes`:
 * TRUCELINE_VALIDATE_THREADS when set (0: none), else one per core for large
 * folders and none for small ones.
 */
export function feedCheckThreads(bytes: number, cores: number, setting?: string): number {
  if (setting !== undefined && setting.trim() !== '') {
    const n = Number(setting);
    if (!Number.isInteger(n) || n < 0) {
      throw new Error(`TRUCELINE_VALIDATE_THREADS must be a whole number >= 0, got "${setting}"`);
    }
    return n;
  }
  return bytes >= PARALLEL_MIN_BYTES && cores > 1 ? cores : 0;
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
 * A dispatcher running `workers` threads of `entry` (a built script that runs
 * `runFeedCheckJob` when its workerData is a FeedCheckJob) over folder `root`.
 */
export function createWorkerDispatcher(
  entry: URL | string,
  root: string,
  workers: number,
): FeedDispatcher {
  const threads: Worker[] = [];
  let results: Deferred[] = [];
  return {
    start(paths, checks) {
      results = paths.map(() => deferred());
      const sizes = paths.map((p) => statSync(join(root, ...p.split('/'))).size);
      for (const share of shareFeeds(sizes, workers)) {
        const job: FeedCheckJob = {
          role: 'truceline-feed-check',
          root,
          checks,
          feeds: share.map((index) => ({ index, path: paths[index]! })),
        };
        const worker = new Worker(entry, { workerData: job });
        const fail = (error: Error) => {
          for (const index of share) {
            const r = results[index]!;
            if (!r.settled) r.reject(error);
            r.settled = true;
          }
        };
        worker.on('message', ({ index, recorded }: { index: number; recorded: RecordedFeed }) => {
          results[index]!.settled = true;
          results[index]!.resolve(recorded);
        });
        worker.on('error', fail);
        worker.on('exit', (code) => fail(new Error(`a feed-check thread stopped (exit ${code})`)));
        threads.push(worker);
      }
    },
    result: (index) => results[index]!.promise,
    close() {
      for (const worker of threads) void worker.terminate();
    },
  };
}
