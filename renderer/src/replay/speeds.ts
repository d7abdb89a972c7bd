/** Playback speeds offered by the transport, exercise seconds per wall second. */
export const SPEEDS = [0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600, 1800, 3600, 14400, 86400] as const;

/** Above this speed a newly opened critical alert pauses the clock (a setting). */
export const AUTO_PAUSE_ABOVE_SPEED = 60;

export function speedLabel(speed: number): string {
  return `${speed}×`;
}
