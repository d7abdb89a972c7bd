// The console at an operator's or observer's seat (docs/ROOMS.md, "The
// console at a seat"): the host's console view, worked through the seat's
// intents. The observer's is the projection: the same view, read-only, in
// large type for a wall screen.
import { useMemo, useState, useSyncExternalStore } from 'react';
import { AppStoreProvider } from '../app/app-context';
import { createAppStore } from '../app/app-store';
import { ConsoleView } from '../console/ConsoleView';
import '../console/console.css';
import { consoleSeatOf, seatConsoleSession } from './seat-console';
import type { SeatSession } from './seat-session';

export function SeatConsole({
  session,
  projection,
}: {
  session: SeatSession;
  projection: boolean;
}) {
  // The selection and queue filter live in an app store of the seat's own.
  const [store] = useState(() => createAppStore());
  const console = useMemo(
    () => seatConsoleSession(consoleSeatOf(session.seat, session.console)),
    [session],
  );
  const ready = useSyncExternalStore(console.subscribe, console.ready);
  if (!ready) {
    return (
      <p className="muted" role="status" data-testid="seat-console-waiting">
        Waiting for the host’s console…
      </p>
    );
  }
  return (
    <AppStoreProvider store={store}>
      <div
        className={projection ? 'seat-console seat-projection' : 'seat-console'}
        data-testid="seat-console"
      >
        <ConsoleView session={console} />
      </div>
    </AppStoreProvider>
  );
}
