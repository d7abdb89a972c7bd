// The worker-thread side of a parallel `validate`: checks the feed files it is
// given, in order, and posts what it found for each (see recorded-feed.ts).
import { parentPort } from 'node:worker_threads';
import { recordFeed, type FeedChecks } from '../../scenario/recorded-feed';
import { createFsReader } from './fs-reader';

/** What a feed-check worker is started with (its `workerData`). */
export interface FeedCheckJob {
  role: 'truceline-feed-check';
  /** The package folder. */
  root: string;
  checks: FeedChecks;
  /** Feed files (package paths) with their index in the dispatcher's list. */
  feeds: { index: number; path: string }[];
}

/** Whether a thread's `workerData` is a feed-check job. */
export function isFeedCheckJob(data: unknown): data is FeedCheckJob {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as { role?: unknown }).role === 'truceline-feed-check'
  );
}

/** Runs a job; each feed's result goes to the parent as `{ index, recorded }`. */
export async function runFeedCheckJob(job: FeedCheckJob): Promise<void> {
  const reader = await createFsReader(job.root);
  for (const { index, path } of job.feeds) {
    const recorded = await recordFeed(reader, path, job.checks);
    const transfer = [
      recorded.lines,
      recorded.valid,
      recorded.at,
      recorded.shownAt,
      recorded.errorsBefore,
      recorded.warningsBefore,
      recorded.sourceOf,
      recorded.typeOf,
      recorded.textEnds,
    ].map((array) => array.buffer as ArrayBuffer);
    parentPort!.postMessage({ index, recorded }, transfer);
  }
}
