import { CLOCK_SPEEDS } from '../../../shared/replay/clock';

/** Playback speeds offered by the transport: the clock's own list (0.5× … 86400×). */
export const SPEEDS: readonly number[] = CLOCK_SPEEDS;

/** Above this speed a newly opened critical alert pauses the clock (a setting). */
export const AUTO_PAUSE_ABOVE_SPEED = 60;

export function speedLabel(speed: number): string {
  return `${speed}×`;
}
