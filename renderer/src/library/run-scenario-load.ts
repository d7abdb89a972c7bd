// The load itself, the same in the worker and (as a fallback) on the UI thread.
import { loadFeed, loadScenario } from '../../../shared/scenario/load-scenario';
import { createMemoryReader } from '../../../shared/scenario/package-reader';
import { packFiles } from './pack-files';
import type { LoadProgress, LoadRequest, LoadResult } from './scenario-load-messages';

/** Loads a scenario package or checks one feed from in-memory files. */
export async function runScenarioLoad(
  request: LoadRequest,
  onProgress: (progress: LoadProgress) => void,
): Promise<LoadResult> {
  const reader = createMemoryReader(new Map(request.files), request.name);
  if (request.mode === 'feed') {
    const outcome = await loadFeed(reader, request.feedPath ?? request.files[0]?.[0] ?? '', {
      onProgress,
    });
    if (!outcome.ok) return outcome;
    return { ok: true, mode: 'feed', events: outcome.events.length, warnings: outcome.warnings };
  }
  const outcome = await loadScenario(reader, { onProgress });
  if (!outcome.ok) return outcome;
  return {
    ok: true,
    mode: 'scenario',
    scenario: outcome.scenario,
    ...(request.pack && { files: packFiles(request.files) }),
    warnings: outcome.warnings,
  };
}
