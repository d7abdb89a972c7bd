import { useEffect, useId, useMemo, useState } from 'react';
import type { VerificationResult } from '../../../shared/audit';
import { useAppState } from '../app/app-context';
import { getAppDatabase } from '../app/app-database';
import { VerificationResultView } from '../audit/VerificationResultView';
import { getPlatform } from '../platform';
import { listExercises, type ExerciseRecord, type TrucelineDatabase } from '../storage';
import { alertsCsv, buildSignedExport, logCsv, recordExport } from './log-exports';
import { filterLogEntries, logFacets, NO_FILTER, type LogFilter } from './log-filter';
import { LogTable } from './LogTable';
import { ZonedTimeField } from './ZonedTimeField';
import { watchExerciseLog, type WatchedLog } from './watch-exercise-log';
import './LogScreen.css';

type Busy = null | 'verify' | 'bundle' | 'log-csv' | 'alerts-csv';

export function LogScreen() {
  const activeExercise = useAppState((s) => s.exerciseId);
  const participant = useAppState((s) => s.participant);
  const active = useAppState((s) => s.active);
  const [db, setDb] = useState<TrucelineDatabase | null>(null);
  const [exercises, setExercises] = useState<ExerciseRecord[]>([]);
  const [chosen, setChosen] = useState<string | null>(activeExercise);
  const [log, setLog] = useState<WatchedLog | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [filter, setFilter] = useState<LogFilter>(NO_FILTER);
  const [verification, setVerification] = useState<VerificationResult | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const selectId = useId();

  useEffect(() => {
    let live = true;
    getAppDatabase().then(
      async (opened) => {
        const list = await listExercises(opened);
        if (!live) return;
        setDb(opened);
        setExercises(list);
        setChosen((current) => current ?? list[0]?.id ?? null);
      },
      (error: unknown) =>
        live && setProblem(`The log database could not be opened: ${String(error)}`),
    );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (!db || !chosen) return;
    return watchExerciseLog(db, chosen, setLog, (error) =>
      setProblem(`The log could not be read: ${error.message}`),
    );
  }, [db, chosen]);

  const record = exercises.find((e) => e.id === chosen) ?? null;
  const classification = record?.classification ?? active?.scenario.classification ?? 'EXERCISE';
  const entries = useMemo(() => log?.entries ?? [], [log]);
  const shown = useMemo(() => filterLogEntries(entries, filter), [entries, filter]);
  const facets = useMemo(() => logFacets(entries), [entries]);
  const scenarioMatches = Boolean(
    record && active && active.scenario.hash === record.scenario_hash,
  );
  // The scenario's zone is known only when its scenario is the one loaded; UTC (named) otherwise.
  const timezone = (scenarioMatches ? active?.scenario.timezone : undefined) ?? 'UTC';

  const run = async (what: Exclude<Busy, null>, work: () => Promise<string | null>) => {
    setBusy(what);
    setNotice(null);
    try {
      setNotice(await work());
    } catch (error) {
      setNotice(`✖ ${(error as Error).message}`);
    } finally {
      setBusy(null);
    }
  };
  const verify = () =>
    run('verify', async () => {
      const signed = await buildSignedExport(db!, chosen!);
      setVerification(signed.verification);
      return null;
    });
  const exportBundle = () =>
    run('bundle', async () => {
      const signed = await buildSignedExport(db!, chosen!);
      setVerification(signed.verification);
      const fileName = `${chosen}.truceline-log.json`;
      const saved = await getPlatform().saveExport({
        suggestedName: fileName,
        content: signed.text,
        mimeType: 'application/json',
        kind: 'log-bundle',
      });
      if (!saved.saved) return 'Export cancelled.';
      const done = `Signed log exported${saved.path ? ` to ${saved.path}` : ''}. Head ${signed.bundle.head.final_hash.slice(0, 16)}…, key ${signed.bundle.signature?.key_id}.`;
      if (!scenarioMatches || !participant) {
        return `${done} The export is not recorded in the log: that needs this exercise running here (its scenario active).`;
      }
      try {
        await recordExport(db!, active!.scenario, participant, signed, saved.path ?? fileName);
        return `${done} Recorded in the log as an export entry.`;
      } catch (error) {
        return `${done} The export could not be recorded in the log: ${(error as Error).message}.`;
      }
    });
  const exportCsv = (kind: 'log-csv' | 'alerts-csv') =>
    run(kind, async () => {
      const content =
        kind === 'log-csv'
          ? logCsv(entries, classification)
          : await alertsCsv(active!.scenario, entries);
      const saved = await getPlatform().saveExport({
        suggestedName: `${chosen}.${kind === 'log-csv' ? 'log' : 'alerts'}.csv`,
        content,
        mimeType: 'text/csv',
      });
      return saved.saved ? 'CSV exported (a convenience view, not evidence).' : 'Export cancelled.';
    });

  return (
    <section className="log-screen">
      <h1>Log</h1>
      {problem ? (
        <p className="status status-bad" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="log-top">
        <div className="log-exercise">
          <label htmlFor={selectId}>Exercise</label>{' '}
          <select
            id={selectId}
            value={chosen ?? ''}
            onChange={(e) => {
              setLog(null);
              setVerification(null);
              setChosen(e.target.value || null);
            }}
          >
            {chosen && !record ? <option value={chosen}>{chosen}</option> : null}
            {exercises.length === 0 && !chosen ? <option value="">No exercises yet</option> : null}
            {exercises.map((e) => (
              <option key={e.id} value={e.id}>
                {e.title} — {e.id}
              </option>
            ))}
          </select>
        </div>
        {chosen ? <ChainStatusLine log={log} /> : null}
        <div className="log-actions">
          <button type="button" disabled={!log || busy !== null} onClick={() => void verify()}>
            {busy === 'verify' ? 'Verifying…' : 'Verify now'}
          </button>
          <button
            type="button"
            className="primary"
            disabled={!log || busy !== null}
            onClick={() => void exportBundle()}
          >
            Export signed log (JSON)…
          </button>
          <button
            type="button"
            disabled={!log || busy !== null}
            onClick={() => void exportCsv('log-csv')}
          >
            Log as CSV…
          </button>
          <button
            type="button"
            disabled={!log || busy !== null || !scenarioMatches}
            title={scenarioMatches ? undefined : 'Needs this exercise’s scenario active'}
            onClick={() => void exportCsv('alerts-csv')}
          >
            Alerts as CSV…
          </button>
        </div>
      </div>
      {notice ? (
        <p className="log-notice" role="status">
          {notice}
        </p>
      ) : null}
      {verification ? (
        <VerificationResultView result={verification} title="Verification of this log" compact />
      ) : null}
      {!chosen ? (
        <p className="muted">No exercise is selected. Start one from the Library.</p>
      ) : (
        <>
          <LogFilters filter={filter} facets={facets} timezone={timezone} onChange={setFilter} />
          <p className="muted log-count" aria-live="polite" data-testid="log-count">
            Showing {shown.length.toLocaleString('en')} of {entries.length.toLocaleString('en')}{' '}
            entries
          </p>
          <div className="log-table-slot">
            <LogTable entries={shown} total={entries.length} timezone={timezone} />
          </div>
        </>
      )}
    </section>
  );
}

function ChainStatusLine({ log }: { log: WatchedLog | null }) {
  if (!log) return <p className="muted log-chain">Reading the log…</p>;
  const { chain } = log;
  if (chain.ok) {
    return (
      <p className="status status-ok log-chain" data-testid="chain-status">
        ✔ Chain intact: {chain.count} entries
        {chain.headHash ? (
          <span className="mono muted"> · head {chain.headHash.slice(0, 16)}…</span>
        ) : null}
      </p>
    );
  }
  return (
    <p className="status status-bad log-chain" role="alert" data-testid="chain-status">
      ✖ Chain broken at entry {chain.seq}: {chain.reason}
    </p>
  );
}

function LogFilters({
  filter,
  facets,
  timezone,
  onChange,
}: {
  filter: LogFilter;
  facets: { kinds: string[]; alertIds: string[]; actors: string[] };
  timezone: string;
  onChange: (filter: LogFilter) => void;
}) {
  const id = useId();
  // Bumped by Clear filters: the time fields start again from the cleared bounds.
  const [generation, setGeneration] = useState(0);
  const select = (key: 'kind' | 'alertId' | 'actor', label: string, values: string[]) => (
    <div className="log-filter">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select
        id={`${id}-${key}`}
        value={filter[key]}
        onChange={(e) => onChange({ ...filter, [key]: e.target.value })}
      >
        <option value="">All</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <fieldset className="log-filters">
      <legend>Filter</legend>
      {select('kind', 'Kind', facets.kinds)}
      {select('alertId', 'Alert', facets.alertIds)}
      {select('actor', 'Actor', facets.actors)}
      <ZonedTimeField
        key={`from-${generation}`}
        id={`${id}-from`}
        label={`From (exercise time, ${timezone})`}
        value={filter.from}
        timezone={timezone}
        hintId={`${id}-time-hint`}
        onChange={(from) => onChange({ ...filter, from })}
      />
      <ZonedTimeField
        key={`to-${generation}`}
        id={`${id}-to`}
        label={`To (exercise time, ${timezone})`}
        end
        value={filter.to}
        timezone={timezone}
        hintId={`${id}-time-hint`}
        onChange={(to) => onChange({ ...filter, to })}
      />
      <span id={`${id}-time-hint`} className="log-filter-hint">
        date and time as yyyy-mm-dd hh:mm, {timezone}; To includes its whole minute
      </span>
      <button
        type="button"
        onClick={() => {
          onChange(NO_FILTER);
          setGeneration((g) => g + 1);
        }}
      >
        Clear filters
      </button>
    </fieldset>
  );
}
