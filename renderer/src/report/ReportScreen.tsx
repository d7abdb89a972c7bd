import { useEffect, useId, useState } from 'react';
import type { AfterActionReport, AlertMeasures } from '../../../shared/report/after-action-report';
import { useAppState } from '../app/app-context';
import { getAppDatabase } from '../app/app-database';
import { useLibraryState } from '../library/library-context';
import { getPlatform } from '../platform';
import { listExercises, type ExerciseRecord } from '../storage';
import { ProgressBar } from '../ui/ProgressBar';
import { reportForExercise, reportForExportedLog } from './report-source';
import { ReportView } from './ReportView';
import './ReportScreen.css';

type ReportState =
  | { status: 'idle' }
  | { status: 'building'; exerciseId: string }
  /** `timezone`: the scenario's, in which the report shows exercise times (as the Log does). */
  | {
      status: 'ready';
      report: AfterActionReport;
      measures: ReadonlyMap<string, AlertMeasures>;
      timezone: string;
    }
  | { status: 'failed'; message: string };

export function ReportScreen() {
  const activeExercise = useAppState((s) => s.exerciseId);
  const cards = useLibraryState((s) => s.cards);
  const [exercises, setExercises] = useState<ExerciseRecord[] | null>(null);
  const [chosen, setChosen] = useState<string | null>(activeExercise);
  const [state, setState] = useState<ReportState>({ status: 'idle' });
  const [printNote, setPrintNote] = useState<string | null>(null);
  const selectId = useId();

  useEffect(() => {
    let live = true;
    getAppDatabase()
      .then((db) => listExercises(db))
      .then(
        (list) => {
          if (!live) return;
          setExercises(list);
          setChosen((current) => current ?? list[0]?.id ?? null);
        },
        (error: unknown) =>
          live && setState({ status: 'failed', message: `Storage: ${String(error)}` }),
      );
    return () => {
      live = false;
    };
  }, []);

  const record = exercises?.find((e) => e.id === chosen) ?? null;
  const card = record
    ? cards.find(
        (c) => c.state.status === 'ready' && c.state.scenario.hash === record.scenario_hash,
      )
    : undefined;
  const scenario = card?.state.status === 'ready' ? card.state.scenario : null;

  const build = async () => {
    if (!chosen || !scenario) return;
    setState({ status: 'building', exerciseId: chosen });
    try {
      const { report, measures } = await reportForExercise(
        await getAppDatabase(),
        chosen,
        scenario,
      );
      setState({ status: 'ready', report, measures, timezone: scenario.timezone });
    } catch (error) {
      setState({ status: 'failed', message: (error as Error).message });
    }
  };
  const fromFile = async () => {
    const files = await getPlatform().openScenarioFiles({ folder: false });
    const file = files?.[0];
    if (!file) return;
    setState({ status: 'building', exerciseId: file.name });
    try {
      let timezone = 'UTC';
      const { report, measures } = await reportForExportedLog(await file.bytes(), (hash) => {
        const found = cards.find(
          (c) => c.state.status === 'ready' && c.state.scenario.hash === hash,
        );
        if (found?.state.status !== 'ready') return null;
        timezone = found.state.scenario.timezone;
        return found.state.scenario;
      });
      setState({ status: 'ready', report, measures, timezone });
    } catch (error) {
      setState({ status: 'failed', message: `${file.name}: ${(error as Error).message}` });
    }
  };
  const print = async () => {
    if (state.status !== 'ready') return;
    const result = await getPlatform().printReport({
      suggestedName: `${state.report.exercise.id}.after-action-report.pdf`,
    });
    setPrintNote(
      result.viaPrintDialog
        ? null
        : result.saved
          ? `Saved as PDF${result.path ? ` to ${result.path}` : ''}.`
          : 'Printing cancelled.',
    );
  };

  return (
    <section className="report-screen">
      <h1>Report</h1>
      <div className="report-controls no-print">
        <label htmlFor={selectId}>Exercise</label>
        <select
          id={selectId}
          value={chosen ?? ''}
          onChange={(e) => {
            setState({ status: 'idle' });
            setChosen(e.target.value || null);
          }}
        >
          {exercises === null ? <option value="">Reading…</option> : null}
          {exercises?.length === 0 ? <option value="">No exercises yet</option> : null}
          {exercises?.map((e) => (
            <option key={e.id} value={e.id}>
              {e.title} — {e.id}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="primary"
          disabled={!scenario || state.status === 'building'}
          onClick={() => void build()}
        >
          {state.status === 'ready' ? 'Rebuild report' : 'Build report'}
        </button>
        <button
          type="button"
          disabled={state.status === 'building'}
          onClick={() => void fromFile()}
        >
          Report on an exported log…
        </button>
        <button type="button" disabled={state.status !== 'ready'} onClick={() => void print()}>
          Print / save as PDF…
        </button>
      </div>
      {record && !scenario ? (
        <p className="status status-warn no-print">
          ⚠ The report needs this exercise’s scenario ({record.scenario_id},{' '}
          <span className="mono">{record.scenario_hash.slice(0, 12)}…</span>) for its ground truth:
          import it in the Library.
        </p>
      ) : null}
      {printNote ? (
        <p className="no-print" role="status">
          {printNote}
        </p>
      ) : null}
      {state.status === 'building' ? (
        <ProgressBar label={`Replaying the log of ${state.exerciseId}`} value={null} />
      ) : null}
      {state.status === 'failed' ? (
        <p className="status status-bad" role="alert">
          ✖ The report could not be built: {state.message}
        </p>
      ) : null}
      {state.status === 'ready' ? (
        <ReportView report={state.report} measures={state.measures} timezone={state.timezone} />
      ) : null}
    </section>
  );
}
