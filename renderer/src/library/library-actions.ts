// What the Library does, outside the components: load bundled samples, import
// picked or dropped files, turn loader outcomes into cards and messages.
import { formatDiagnostic } from '../../../shared/scenario/diagnostics';
import {
  formatUcdpRejection,
  formatUcdpWarning,
  importUcdpGed,
} from '../../../shared/ucdp/import-ucdp-ged';
import type { PickedFile } from '../platform';
import { fetchSampleFiles, fetchSampleIndex } from './bundled-samples';
import {
  forgetImportedScenario,
  importedScenarioFiles,
  listImportedScenarios,
  rememberImportedScenario,
} from './imported-scenarios';
import { ImportPlanError, planImport, type PickedBytes } from './import-plan';
import { findCardWithHash } from './library-duplicates';
import type { LibraryStore, LoadProgressView } from './library-store';
import { packFiles } from './pack-files';
import { loadScenarioOffThread } from './scenario-load-client';
import type { LoadProgress, LoadRequest, LoadResult } from './scenario-load-messages';
import { summariseScenario } from './scenario-summary';

const MIB = 1024 * 1024;

function progressView(label: string, p: LoadProgress): LoadProgressView {
  const value = p.bytesTotal > 0 ? p.bytesRead / p.bytesTotal : null;
  const events = p.events.toLocaleString('en');
  const unit = p.bytesTotal >= MIB ? { div: MIB, name: 'MiB' } : { div: 1024, name: 'KiB' };
  const size = `${(p.bytesRead / unit.div).toFixed(1)} of ${(p.bytesTotal / unit.div).toFixed(1)} ${unit.name}`;
  return { label, value, detail: `${p.file}: ${size}, ${events} events` };
}

/** Loads every bundled sample into the Library (once; reloads replace the cards). */
export async function loadBundledSamples(store: LibraryStore): Promise<void> {
  let samples;
  try {
    samples = await fetchSampleIndex();
    store.setIndexError(null);
  } catch (error) {
    store.setIndexError(`The bundled samples could not be listed: ${(error as Error).message}`);
    return;
  }
  await Promise.all(
    samples.map(async (sample) => {
      const key = `bundled:${sample.id}`;
      const origin = { kind: 'bundled' as const, sampleId: sample.id };
      const label = sample.id;
      store.upsertCard({
        key,
        origin,
        label,
        state: { status: 'loading', progress: { label: `Fetching ${label}`, value: 0 } },
      });
      try {
        const files = await fetchSampleFiles(sample, (done, total) =>
          store.updateCard(key, {
            status: 'loading',
            progress: {
              label: `Fetching ${label}`,
              value: done / total,
              detail: `${done} of ${total} files`,
            },
          }),
        );
        const request: LoadRequest = { mode: 'scenario', name: sample.id, files: [...files] };
        const result = await loadScenarioOffThread(request, (p) =>
          store.updateCard(key, {
            status: 'loading',
            progress: progressView(`Loading ${label}`, p),
          }),
        );
        applyScenarioResult(store, key, result);
      } catch (error) {
        store.updateCard(key, {
          status: 'failed',
          errors: [`${sample.id}: ${(error as Error).message}`],
          warnings: [],
        });
      }
    }),
  );
}

function applyScenarioResult(store: LibraryStore, key: string, result: LoadResult): void {
  const warnings = result.warnings.map(formatDiagnostic);
  if (!result.ok) {
    store.updateCard(key, {
      status: 'failed',
      errors: result.errors.map(formatDiagnostic),
      warnings,
    });
  } else if (result.mode === 'scenario') {
    const scenario = result.scenario;
    store.updateCard(key, {
      status: 'ready',
      scenario,
      summary: summariseScenario(scenario),
      warnings,
    });
  }
}

async function readPicked(files: readonly PickedFile[]): Promise<PickedBytes[]> {
  return Promise.all(files.map(async (f) => ({ path: f.relativePath, bytes: await f.bytes() })));
}

/**
 * Imports picked or dropped files: a scenario becomes a Library card; a feed
 * is checked; a UCDP GED export is converted. The outcome goes to
 * `importResult`, errors listed one per line as `file:line: field: message`.
 */
export async function importPickedFiles(
  store: LibraryStore,
  files: readonly PickedFile[],
): Promise<void> {
  const name = files.length === 1 ? files[0]!.relativePath : `${files.length} files`;
  store.setImportResult({
    status: 'working',
    name,
    progress: { label: `Reading ${name}`, value: null },
  });
  try {
    performance.mark('truceline:import:start');
    const picked = await readPicked(files);
    performance.measure('truceline:import:read-files', 'truceline:import:start');
    const plan = planImport(picked);
    if (plan.kind === 'ucdp') {
      store.setImportResult({
        status: 'working',
        name: plan.name,
        progress: { label: `Converting UCDP GED export ${plan.name}`, value: null },
      });
      // Let the progress bar paint before the synchronous conversion.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const converted = importUcdpGed(plan.bytes);
      const { rowsRead, eventsWritten, rowsRejected } = converted.counts;
      store.setImportResult({
        status: 'feed-checked',
        name: plan.name,
        events: eventsWritten,
        warnings: [
          ...converted.warnings.map((w) => formatUcdpWarning(plan.name, w)),
          ...converted.rejections.map((r) => formatUcdpRejection(plan.name, r)),
        ],
        ndjson: converted.events.map((e) => JSON.stringify(e)).join('\n') + '\n',
        detail: `rows read: ${rowsRead}, events written: ${eventsWritten}, rows rejected: ${rowsRejected}`,
      });
      return;
    }
    const request: LoadRequest =
      plan.kind === 'feed'
        ? { mode: 'feed', name: plan.name, files: [...plan.files], feedPath: plan.path }
        : { mode: 'scenario', name: plan.name, files: [...plan.files], pack: true };
    performance.mark('truceline:import:load');
    const result = await loadScenarioOffThread(request, (p) =>
      store.setImportResult({
        status: 'working',
        name: plan.name,
        progress: progressView(`Loading ${plan.name}`, p),
      }),
    );
    performance.measure('truceline:import:load-in-worker', 'truceline:import:load');
    const warnings = result.warnings.map(formatDiagnostic);
    if (!result.ok) {
      store.setImportResult({
        status: 'failed',
        name: plan.name,
        headline: `${plan.name} was not imported: ${result.errors.length} ${result.errors.length === 1 ? 'problem' : 'problems'} to fix.`,
        errors: result.errors.map(formatDiagnostic),
        warnings,
      });
      return;
    }
    if (result.mode === 'feed') {
      store.setImportResult({
        status: 'feed-checked',
        name: plan.name,
        events: result.events,
        warnings,
      });
      return;
    }
    const existing = findCardWithHash(store.getState().cards, result.scenario.hash);
    if (existing) {
      store.setImportResult({
        status: 'already-in-library',
        name: plan.name,
        cardKey: existing.key,
        title: existing.state.status === 'ready' ? existing.state.summary.title : existing.label,
      });
      return;
    }
    const key = `imported:${result.scenario.hash}`;
    let stored = true;
    try {
      performance.mark('truceline:import:store');
      await rememberImportedScenario(
        result.scenario,
        plan.files,
        result.files ?? packFiles(plan.files),
      );
      performance.measure('truceline:import:store-in-indexeddb', 'truceline:import:store');
    } catch (error) {
      stored = false;
      warnings.unshift(
        `${plan.name}: not kept for next time (storage failed: ${(error as Error).message}); it stays listed until the app closes`,
      );
    }
    store.upsertCard({
      key,
      origin: { kind: 'imported', key },
      label: plan.name,
      state: {
        status: 'ready',
        scenario: result.scenario,
        summary: summariseScenario(result.scenario),
        warnings,
      },
    });
    store.setImportResult({
      status: 'scenario-added',
      name: plan.name,
      cardKey: key,
      warnings,
      stored,
    });
  } catch (error) {
    store.setImportResult({
      status: 'failed',
      name,
      headline:
        error instanceof ImportPlanError
          ? error.message
          : `${name} could not be read: ${(error as Error).message}`,
      errors: [],
      warnings: [],
    });
  }
}

/** Lists the scenarios imported earlier on this installation and loads each again. */
export async function loadImportedScenarios(store: LibraryStore): Promise<void> {
  let listed;
  try {
    listed = await listImportedScenarios();
  } catch (error) {
    store.setIndexError(`Imported scenarios could not be read: ${(error as Error).message}`);
    return;
  }
  await Promise.all(
    listed.map(async ({ hash, title }) => {
      const key = `imported:${hash}`;
      if (store.getState().cards.some((c) => c.key === key)) return;
      const origin = { kind: 'imported' as const, key };
      store.upsertCard({
        key,
        origin,
        label: title,
        state: { status: 'loading', progress: { label: `Loading ${title}`, value: null } },
      });
      try {
        const files = await importedScenarioFiles(hash);
        const result = await loadScenarioOffThread({ mode: 'scenario', name: title, files }, (p) =>
          store.updateCard(key, {
            status: 'loading',
            progress: progressView(`Loading ${title}`, p),
          }),
        );
        applyScenarioResult(store, key, result);
      } catch (error) {
        store.updateCard(key, {
          status: 'failed',
          errors: [`${title}: ${(error as Error).message}`],
          warnings: [],
        });
      }
    }),
  );
}

/** Removes an imported scenario from the Library and from storage. */
/**
 * Forgets an imported scenario, then drops its card. The card stays, with a
 * message, when storage refuses: dropping it first would show a removal that
 * the next start undoes.
 */
export async function removeImportedScenario(
  store: LibraryStore,
  key: string,
  forget: (id: string) => Promise<void> = forgetImportedScenario,
): Promise<void> {
  try {
    await forget(key.replace(/^imported:/, ''));
  } catch (error) {
    const label = store.getState().cards.find((c) => c.key === key)?.label ?? key;
    store.setIndexError(
      `${label} could not be removed (storage failed: ${(error as Error).message}); it stays in the library`,
    );
    return;
  }
  store.removeCard(key);
}

const started = new WeakSet<LibraryStore>();

/** Loads bundled and imported scenarios once per store (at app start, whatever the first screen). */
export function startLibrary(store: LibraryStore): void {
  if (started.has(store)) return;
  started.add(store);
  for (const load of [loadBundledSamples, loadImportedScenarios]) {
    store.trackSource(1);
    void load(store).finally(() => store.trackSource(-1));
  }
}
