// Loads scenarios off the UI thread: a large scenario (a million events) takes
// seconds to validate, and the screen must keep painting its progress bar.
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
      worker.onmessage = (event: MessageEvent<WorkerReply>) => {
        const reply = event.data;
        if (reply.type === 'progress') onProgress(reply.progress);
        else if (reply.type === 'done') resolve(reply.result);
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
