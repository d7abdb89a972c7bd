// Loads scenarios off the UI thread: a large scenario (a million events) takes
// seconds to validate, and the screen must keep painting its progress bar.
import type { ReplayEvent } from '../../../shared/scenario/loaded-scenario';
import type { LoadProgress, LoadRequest, LoadResult, WorkerReply } from './scenario-load-messages';

/** Loads in a Web Worker; falls back to this thread where workers cannot start. */
export async function loadScenarioOffThread(
  request: LoadRequest,
  onProgress: (progress: LoadProgress) => void,
): Promise<LoadResult> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./scenario-load.worker.ts', import.meta.url), {
      type: 'module',
      name: `load ${request.name}`,
    });
  } catch {
    const { runScenarioLoad } = await import('./run-scenario-load');
    return runScenarioLoad(request, onProgress);
  }
  try {
    return await new Promise<LoadResult>((resolve, reject) => {
      // Each slice is unpacked in its own task: the screen keeps painting.
      const slices: ReplayEvent[][] = [];
      worker.onmessage = (event: MessageEvent<WorkerReply>) => {
        const reply = event.data;
        if (reply.type === 'progress') onProgress(reply.progress);
        else if (reply.type === 'events') slices.push(reply.events);
        else if (reply.type === 'done') resolve(withEvents(reply.result, slices));
        else reject(new Error(`loading ${request.name} failed: ${reply.message}`));
      };
      worker.onerror = (event) => {
        event.preventDefault();
        reject(new Error(`loading ${request.name} failed: ${event.message || 'worker error'}`));
      };
      worker.postMessage(request);
    });
  } finally {
    worker.terminate();
  }
}

/** The result with its scenario's events put back together from their slices. */
function withEvents(result: LoadResult, slices: ReplayEvent[][]): LoadResult {
  if (!result.ok || result.mode !== 'scenario') return result;
  return { ...result, scenario: { ...result.scenario, events: slices.flat() } };
}
