import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { SeatApp } from './room-seat/SeatApp';
import { seatRouteFromHash } from './room-seat/seat-route';

const root = document.getElementById('root');
if (!root) throw new Error('Truceline: #root element missing from index.html');
createRoot(root).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);

// A page opened at a seat's address (#/join, #/seat/…) is a seat, not the
// console: it gets the seat's own shell. Moving between the two reloads.
function Root() {
  const seat = seatRouteFromHash(window.location.hash);
  return seat ? <SeatApp initial={seat} /> : <App />;
}

window.addEventListener('hashchange', (event) => {
  const wasSeat = seatRouteFromHash(new URL(event.oldURL).hash) !== null;
  const isSeat = seatRouteFromHash(window.location.hash) !== null;
  if (wasSeat !== isSeat) window.location.reload();
});
