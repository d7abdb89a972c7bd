// Keeps a seat connected (docs/ROOMS.md, "Faults"): when its connection drops
// it dials again, with a growing pause, until it is back, and stops for good
// when the seat is broken, refused or the room is closed. A host that
// restarts with the same room is found again this way with no one's help.
import type { RoomSeat } from './room-seat';
import type { Dialer } from './transport';

export interface SeatRunnerOptions {
  /** First pause before dialling again, doubled after each failure up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
}

export interface SeatRunner {
  /** Resolves once the seat is connected (or ended up unable to be). */
  readonly ready: Promise<void>;
  stop(): void;
}

export function keepSeatConnected(
  seat: RoomSeat,
  dial: Dialer,
  options: SeatRunnerOptions = {},
): SeatRunner {
  const first = options.retryMs ?? 200;
  const max = options.maxRetryMs ?? 5000;
  let pause = first;
  const run = { stopped: false };
  let timer: ReturnType<typeof setTimeout> | null = null;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  // Read through functions: the seat and `run` change while an attempt awaits.
  const stopped = () => run.stopped;
  const again = () => seat.canReconnect;
  // Ready once connected, or once the seat can never connect (broken, refused, closed).
  const done = () =>
    seat.status === 'connected' ||
    seat.status === 'broken' ||
    seat.status === 'refused' ||
    seat.status === 'closed';
  const attempt = async (): Promise<void> => {
    timer = null;
    if (stopped() || !seat.canReconnect) return;
    try {
      const connection = await dial();
      if (stopped()) {
        connection.close('the seat stopped');
        return;
      }
      await seat.connect(connection);
      pause = first;
    } catch {
      // Not there yet: try again after a pause (the seat's status says offline).
    }
    if (done()) markReady();
    if (!stopped() && again()) schedule();
  };
  const schedule = () => {
    timer = setTimeout(() => void attempt(), pause);
    pause = Math.min(max, pause * 2);
  };
  const unsubscribe = seat.onChange(() => {
    if (done()) markReady();
    if (!stopped() && seat.canReconnect && timer === null) schedule();
  });
  void attempt();
  return {
    ready,
    stop() {
      run.stopped = true;
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
      seat.disconnect('the seat stopped');
    },
  };
}
