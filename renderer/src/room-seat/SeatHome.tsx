import { useEffect, useState, useSyncExternalStore } from 'react';
import type { CopyCheck } from '../../../shared/room/seat-copy';
import { getAppDatabase } from '../app/app-database';
import { readSeatCopy, saveSeatCopy } from '../storage';
import { browserDialer, roomAddressFor } from './browser-socket';
import { NoteComposer } from './NoteComposer';
import { PartyInbox } from './PartyInbox';
import { PartyRequests } from './PartyRequests';
import { ScriptedTruth } from './ScriptedTruth';
import { SeatConsole } from './SeatConsole';
import { showsConsole } from '../console/console-frames';
import { SeatCopyTable } from './SeatCopyTable';
import { SeatSession } from './seat-session';
import { mayWriteNotes, roleLabel, statusLine } from './seat-labels';

type Loaded =
  | { state: 'loading' }
  | { state: 'missing' }
  | { state: 'unreadable'; reason: string }
  | { state: 'broken'; check: Extract<CopyCheck, { ok: false }> }
  | { state: 'ready'; session: SeatSession };

/** The seat's home: its stored copy checked, then kept connected and saved. */
export function SeatHome({ seatId }: { seatId: string }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    let session: SeatSession | null = null;
    // An object: the effect's cleanup changes it while the load awaits.
    const run = { live: true };
    void (async () => {
      try {
        const db = await getAppDatabase();
        const check = await readSeatCopy(db, seatId);
        if (!run.live) return;
        if (check === null) return setLoaded({ state: 'missing' });
        if (!check.ok) return setLoaded({ state: 'broken', check });
        session = new SeatSession(
          { stored: check.copy },
          {
            dial: browserDialer(roomAddressFor(window.location)),
            store: (copy) => saveSeatCopy(db, copy),
          },
        );
        session.start();
        setLoaded({ state: 'ready', session });
      } catch (error) {
        if (run.live) setLoaded({ state: 'unreadable', reason: (error as Error).message });
      }
    })();
    return () => {
      run.live = false;
      session?.stop();
    };
  }, [seatId]);

  switch (loaded.state) {
    case 'loading':
      return <StatusBar state="loading" tone="muted" text="Reading this seat’s copy…" />;
    case 'missing':
      return (
        <>
          <StatusBar state="missing" tone="danger" text="This browser keeps no copy of this seat" />
          <p>
            <a href="#/join">Join a room</a>
          </p>
        </>
      );
    case 'unreadable':
      return (
        <StatusBar
          state="unreadable"
          tone="danger"
          text={`This browser’s storage cannot be read: ${loaded.reason}`}
        />
      );
    case 'broken':
      return (
        <>
          <StatusBar
            state="broken"
            tone="danger"
            text={`Copy broken — the stored copy of seat “${loaded.check.name}” is not used: ${loaded.check.reason}`}
          />
          <p>
            Nothing of it is shown. <a href="#/join">Join again</a> as a new seat (the host approves
            it) to receive a fresh copy.
          </p>
        </>
      );
    case 'ready':
      return <SeatView session={loaded.session} />;
  }
}

function StatusBar({
  state,
  tone,
  text,
  children,
}: {
  state: string;
  tone: string;
  text: string;
  children?: React.ReactNode;
}) {
  return (
    <div className={`seat-status seat-status-${tone}`} data-testid="seat-status" data-state={state}>
      <strong role="status" aria-live="polite" className="seat-status-text">
        {text}
      </strong>
      {children}
    </div>
  );
}

function SeatView({ session }: { session: SeatSession }) {
  const s = useSyncExternalStore(session.subscribe, session.getSnapshot);
  const line = statusLine(s);
  const role = s.assignment ?? null;
  // Operators and observers work from the console; the log and notes are a tab away.
  const [tab, setTab] = useState<'console' | 'log'>('console');
  const withConsole = role !== null && showsConsole(role);
  return (
    <div className="seat-home">
      <StatusBar state={line.state} tone={line.tone} text={line.text}>
        <span className="seat-status-facts">
          <span>
            <span className="muted">Seat </span>
            {s.name}
          </span>
          <span data-testid="seat-role">
            <span className="muted">Role </span>
            {role ? roleLabel(role) : `${roleLabel(s.request)} (asked)`}
          </span>
          <span>
            <span className="muted">Exercise </span>
            <span className="mono">{s.exerciseId ?? '—'}</span>
          </span>
          <span data-testid="seat-head" data-seq={s.head.seq} data-hash={s.head.hash}>
            <span className="muted">Head </span>
            <span className="mono" title={s.head.hash}>
              {s.head.seq} · {s.head.hash.slice(0, 10)}
            </span>
          </span>
        </span>
      </StatusBar>
      {s.saveProblem ? (
        <p role="alert" className="join-problem">
          {s.saveProblem}
        </p>
      ) : null}
      {withConsole ? (
        <nav className="seat-tabs" aria-label="Seat screens">
          <button type="button" aria-pressed={tab === 'console'} onClick={() => setTab('console')}>
            Console
          </button>
          <button type="button" aria-pressed={tab === 'log'} onClick={() => setTab('log')}>
            Log and notes
          </button>
        </nav>
      ) : null}
      {withConsole && tab === 'console' ? (
        <SeatConsole session={session} projection={role.role === 'observer'} />
      ) : (
        <div className="seat-body">
          <section className="seat-copy" aria-labelledby="copy-title">
            <h2 id="copy-title">
              The log as this seat holds it{' '}
              <span className="muted">({s.entries.length} entries, verified, newest first)</span>
            </h2>
            <SeatCopyTable entries={s.entries} />
          </section>
          {mayWriteNotes(role) ? (
            <aside className="seat-side">
              {role?.role === 'evaluator' || role?.role === 'controller' ? (
                <ScriptedTruth view={s.scenario} />
              ) : null}
              <NoteComposer session={session} />
            </aside>
          ) : role?.role === 'party' ? (
            <aside className="seat-side">
              <PartyRequests
                session={session}
                inbox={s.inbox}
                seatName={s.name}
                readOnly={s.status !== 'connected'}
              />
              <PartyInbox entries={s.entries} parties={role.parties} />
            </aside>
          ) : null}
        </div>
      )}
    </div>
  );
}
