import { useEffect, useState } from 'react';
import { ClassificationBanner } from '../ui/ClassificationBanner';
import { JoinScreen } from './JoinScreen';
import { SeatHome } from './SeatHome';
import { seatRouteFromHash, type SeatRoute } from './seat-route';
import '../ui/theme.css';
import '../app/App.css';
import './SeatApp.css';

// A seat's pages carry the EXERCISE marking of their own: the room's
// scenario is only known after joining, and the marking must be there before.
const MARKING = 'EXERCISE';

/** The app for a person at a seat of a room: join, then the seat's home. */
export function SeatApp({ initial }: { initial: SeatRoute }) {
  const [route, setRoute] = useState<SeatRoute>(initial);
  useEffect(() => {
    const follow = () => {
      const next = seatRouteFromHash(window.location.hash);
      if (next) setRoute(next);
    };
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  useEffect(() => {
    document.title = `Truceline — ${route.kind === 'join' ? 'Join a room' : 'Seat'} — ${MARKING}`;
  }, [route.kind]);
  return (
    <div className="app-shell seat-shell">
      <ClassificationBanner classification={MARKING} position="top" />
      <header className="seat-header">
        <span className="nav-brand">Truceline</span>
        <span className="muted">A seat in a room — {MARKING}</span>
      </header>
      <main className="app-main seat-main" id="main" tabIndex={-1}>
        {route.kind === 'seat' ? (
          <SeatHome key={route.seatId} seatId={route.seatId} />
        ) : (
          <JoinScreen key={route.code} code={route.code} />
        )}
      </main>
      <ClassificationBanner classification={MARKING} position="bottom" />
    </div>
  );
}
