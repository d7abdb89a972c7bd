// How close a protocol step is to its deadline, for the countdown's colour.
// Kept pure so the 80% warning boundary is tested rather than eyeballed.
import { splitSeconds } from '../ui/format-time';

export type DeadlineState = 'none' | 'ok' | 'warning' | 'breached';

export interface DeadlineStatus {
  state: DeadlineState;
  /** ms left on the exercise clock; negative once breached; null without deadline. */
  remainingMs: number | null;
}

/** Warning from 80% of the step's time elapsed, breached at the deadline. */
export function deadlineStatus(
  enteredAt: number,
  deadlineAt: number | null,
  now: number,
): DeadlineStatus {
  if (deadlineAt === null) return { state: 'none', remainingMs: null };
  const remainingMs = deadlineAt - now;
  if (remainingMs <= 0) return { state: 'breached', remainingMs };
  const total = deadlineAt - enteredAt;
  const elapsed = now - enteredAt;
  if (total <= 0 || elapsed >= total * 0.8) return { state: 'warning', remainingMs };
  return { state: 'ok', remainingMs };
}

/** What a countdown shows: its state and its text ("12:00 left", "BREACHED 00:05 ago"). */
export function countdownLabel(
  enteredAt: number,
  deadlineAt: number | null,
  now: number,
): { state: DeadlineState; text: string } {
  const { state, remainingMs } = deadlineStatus(enteredAt, deadlineAt, now);
  if (state === 'none' || remainingMs === null) return { state: 'none', text: 'no deadline' };
  const text =
    state === 'breached'
      ? `BREACHED ${formatCountdown(-remainingMs)} ago`
      : `${formatCountdown(remainingMs)} left`;
  return { state, text };
}

/**
 * The queue row's countdown: short enough never to squeeze the row at 1280 px
 * ("breached 8 h ago", "2 d left"); under an hour left it still counts the
 * seconds ("12:00 left"). The row gives countdownLabel's full text as its title.
 */
export function compactCountdownLabel(
  enteredAt: number,
  deadlineAt: number | null,
  now: number,
): { state: DeadlineState; text: string } {
  const { state, remainingMs } = deadlineStatus(enteredAt, deadlineAt, now);
  if (state === 'none' || remainingMs === null) return { state: 'none', text: 'no deadline' };
  if (state === 'breached') {
    const ago = -remainingMs;
    return { state, text: ago < 60_000 ? 'breached just now' : `breached ${roughly(ago)} ago` };
  }
  return {
    state,
    text:
      remainingMs < 3_600_000
        ? `${formatCountdown(remainingMs)} left`
        : `${roughly(remainingMs)} left`,
  };
}

/** "35 min", "8 h", "2 d": a duration to its largest whole unit. */
function roughly(ms: number): string {
  const min = Math.floor(ms / 60_000);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 24) return `${h} h`;
  return `${Math.floor(h / 24)} d`;
}

/** "1d 02:03:04", "12:00", "-00:05" — exercise-time countdown text. */
export function formatCountdown(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const { d, h, m, s } = splitSeconds(Math.floor(Math.abs(ms) / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  const hms = h > 0 || d > 0 ? `${pad(h)}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
  return `${sign}${d > 0 ? `${d}d ` : ''}${hms}`;
}

/** "4m", "2h 05m", "3d 4h" — how long ago, in exercise time. */
export function formatAge(ms: number): string {
  const min = Math.max(0, Math.floor(ms / 60_000));
  if (min < 60) return `${min}m`;
  const h = Math.floor(min / 60);
  if (h < 24) return `${h}h ${String(min % 60).padStart(2, '0')}m`;
  return `${Math.floor(h / 24)}d ${h % 24}h`;
}
