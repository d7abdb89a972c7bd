import { getPlatform } from '../platform';
import { DiagnosticList } from '../ui/DiagnosticList';
import { ProgressBar } from '../ui/ProgressBar';
import { importPickedFiles } from './library-actions';
import { useLibraryState, useLibraryStore } from './library-context';
import './ImportPanel.css';

/** Import buttons and the outcome of the last import. */
export function ImportPanel() {
  const store = useLibraryStore();
  const result = useLibraryState((s) => s.importResult);
  const busy = result?.status === 'working';
  const pick = async (folder: boolean) => {
    const files = await getPlatform().openScenarioFiles({ folder });
    if (files && files.length > 0) await importPickedFiles(store, files);
  };
  const saveFeed = async (name: string, ndjson: string) => {
    await getPlatform().saveExport({
      suggestedName: name.replace(/\.csv$/i, '') + '.ndjson',
      content: ndjson,
      mimeType: 'application/x-ndjson',
    });
  };
  return (
    <section className="import-panel panel" aria-labelledby="import-heading">
      <div className="import-head">
        <h2 id="import-heading">Import</h2>
        <p className="muted">
          A scenario folder, one <code>*.scenario.json</code>, a feed file (NDJSON, JSON, CSV) or a
          UCDP GED CSV export. You can also drop files or a folder anywhere on this screen.
        </p>
        <div className="import-buttons">
          <button type="button" disabled={busy} onClick={() => void pick(true)}>
            Import scenario folder…
          </button>
          <button type="button" disabled={busy} onClick={() => void pick(false)}>
            Import file…
          </button>
        </div>
      </div>
      <div aria-live="polite" data-testid="import-result">
        {result?.status === 'working' ? <ProgressBar {...result.progress} /> : null}
        {result?.status === 'failed' ? (
          <>
            <p className="status status-bad">✖ {result.headline}</p>
            <DiagnosticList title="Errors" tone="error" lines={result.errors} />
            <DiagnosticList title="Warnings" tone="warning" lines={result.warnings} />
          </>
        ) : null}
        {result?.status === 'scenario-added' ? (
          <>
            <p className="status status-ok">✔ {result.name} imported and listed below.</p>
            <DiagnosticList title="Warnings" tone="warning" lines={result.warnings} />
          </>
        ) : null}
        {result?.status === 'already-in-library' ? (
          <p className="status status-ok">
            ℹ {result.name} is already in the library as “{result.title}” (same content hash):
            nothing was added or stored twice.{' '}
            <button type="button" onClick={() => store.selectCard(result.cardKey)}>
              Open it
            </button>
          </p>
        ) : null}
        {result?.status === 'feed-checked' ? (
          <>
            <p className="status status-ok">
              ✔ {result.name}: {result.events.toLocaleString('en')} valid events.
              {result.detail ? ` (${result.detail})` : ''}
            </p>
            <p className="muted">
              A feed on its own is not an exercise: name it in a scenario’s <code>feeds</code> to
              replay it.
            </p>
            {result.ndjson ? (
              <button type="button" onClick={() => void saveFeed(result.name, result.ndjson!)}>
                Save as NDJSON feed…
              </button>
            ) : null}
            <DiagnosticList
              title="Warnings and rejected rows"
              tone="warning"
              lines={result.warnings}
            />
          </>
        ) : null}
      </div>
    </section>
  );
}
