// The scenario-loading worker: runs the shared loader on the request it is sent.
import { runScenarioLoad } from './run-scenario-load';
import {
  EVENTS_PER_MESSAGE,
  type LoadRequest,
  type LoadResult,
  type WorkerReply,
} from './scenario-load-messages';

// The renderer compiles against the DOM library; describe only what a worker uses.
interface WorkerScope {
  onmessage: ((event: MessageEvent<LoadRequest>) => void) | null;
  postMessage(message: WorkerReply): void;
}
const scope = self as unknown as WorkerScope;

// Progress is throttled so the UI thread gets a handful of messages, not thousands.
const PROGRESS_EVERY_MS = 100;

/** Sends the result, a scenario's events in slices ahead of it. */
function reply(result: LoadResult): void {
  if (!result.ok || result.mode !== 'scenario') {
    scope.postMessage({ type: 'done', result });
    return;
  }
  const { events } = result.scenario;
  for (let i = 0; i < events.length; i += EVENTS_PER_MESSAGE) {
    scope.postMessage({ type: 'events', events: events.slice(i, i + EVENTS_PER_MESSAGE) });
  }
  scope.postMessage({
    type: 'done',
    result: { ...result, scenario: { ...result.scenario, events: [] } },
  });
}

scope.onmessage = (event) => {
  let last = 0;
  runScenarioLoad(event.data, (progress) => {
    const now = performance.now();
    if (now - last < PROGRESS_EVERY_MS && progress.bytesRead < progress.bytesTotal) return;
    last = now;
    scope.postMessage({ type: 'progress', progress });
  }).then(
    (result) => reply(result),
    (error: unknown) =>
      scope.postMessage({
        type: 'crashed',
        message: error instanceof Error ? error.message : String(error),
      }),
  );
};
