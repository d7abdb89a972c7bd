// The Console route's screen: opens (or resumes) the exercise's session from
// its log, then hands it to the console view. A missing or corrupt log is
// reported with ways out rather than a blank screen.
import { useEffect, useState } from 'react';
import type { LoadedScenario } from '../../../shared/scenario/loaded-scenario';
import { ConsoleView } from './ConsoleView';
import { getAppDatabase } from '../app/app-database';
import {
  ConsoleOpenError,
  openConsoleSession,
  type OpenConsoleSessionInput,
} from './open-console-session';
import { openWorkerSession, WorkerStartError } from './worker-session';
import type { ConsoleSession } from './view-model';
import './console.css';

export interface ConsoleScreenProps {
  scenario: LoadedScenario;
  exerciseId: string;
  participant: OpenConsoleSessionInput['participant'];
}

/**
 * The engine runs in a Web Worker (measured: at 300x on 100,000 events the UI
 * thread could not keep up with engine, log and rendering together); on this
 * thread only where workers cannot start, or with ?engine=main for comparison.
 */
function openSession(input: ConsoleScreenProps): Promise<ConsoleSession> {
  const onMain = new URLSearchParams(location.search).get('engine') === 'main';
  const onThisThread = () => getAppDatabase().then((db) => openConsoleSession(db, input));
  if (onMain || typeof Worker === 'undefined') return onThisThread();
  return openWorkerSession(input).catch((error: unknown) => {
    if (error instanceof WorkerStartError) return onThisThread();
    throw error;
  });
}

type OpenState =
  | { kind: 'opening' }
  | { kind: 'open'; session: ConsoleSession }
  | { kind: 'failed'; message: string; wayOut: string };

export function ConsoleScreen({ scenario, exerciseId, participant }: ConsoleScreenProps) {
  const [state, setState] = useState<OpenState>({ kind: 'opening' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let cancelled = false;
    let opened: ConsoleSession | null = null;
    openSession({ scenario, exerciseId, participant })
      .then((session) => {
        opened = session;
        if (cancelled) session.close();
        else setState({ kind: 'open', session });
      })
      .catch((e: unknown) => {
        if (cancelled) return;
        setState({
          kind: 'failed',
          message: e instanceof Error ? e.message : String(e),
          wayOut:
            e instanceof ConsoleOpenError
              ? e.wayOut
              : 'Try again, or start a new exercise from the Library.',
        });
      });
    return () => {
      cancelled = true;
      opened?.close();
    };
  }, [scenario, exerciseId, participant, attempt]);

  if (state.kind === 'opening') {
    return (
      <p className="muted console-state" role="status">
        Opening exercise {exerciseId}: replaying its log…
      </p>
    );
  }
  if (state.kind === 'failed') {
    return (
      <section className="panel console-state" role="alert" data-testid="console-open-failed">
        <h1>The exercise could not be opened</h1>
        <p>{state.message}</p>
        <p>{state.wayOut}</p>
        <button
          type="button"
          className="primary"
          onClick={() => {
            setState({ kind: 'opening' });
            setAttempt((n) => n + 1);
          }}
        >
          Try again
        </button>{' '}
        <a className="button" href="#/log">
          Log screen
        </a>{' '}
        <a className="button" href="#/library">
          Library
        </a>
      </section>
    );
  }
  return <ConsoleView session={state.session} />;
}
