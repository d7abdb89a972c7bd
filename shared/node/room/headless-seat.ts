// A seat without a screen (docs/ROOMS.md): the app's own seat protocol over
// WebSocket, kept connected, for tests, the bench and scripted rehearsals.
import { RoomSeat, type RoomSeatOptions } from '../../room/room-seat';
import { keepSeatConnected, type SeatRunner, type SeatRunnerOptions } from '../../room/seat-runner';
import { wsDialer } from './ws-transport';

export interface HeadlessSeat {
  seat: RoomSeat;
  runner: SeatRunner;
}

/** Starts a seat that dials `url` and keeps dialling it while the room is there. */
export function startHeadlessSeat(
  url: string,
  options: RoomSeatOptions,
  runner: SeatRunnerOptions = {},
): HeadlessSeat {
  const seat = new RoomSeat(options);
  return { seat, runner: keepSeatConnected(seat, wsDialer(url), runner) };
}
