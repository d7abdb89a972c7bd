// Exercise clock text in the scenario's own time zone (date-fns 4 needs TZDate for that).
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/** "2026-03-01 06:12:00 GMT+2" in `timezone`. */
export function formatExerciseTime(epochMs: number, timezone: string): string {
  return format(new TZDate(epochMs, timezone), 'yyyy-MM-dd HH:mm:ss O');
}

/** "06:12" in `timezone`, for compact places (queue, history). */
export function formatExerciseClock(epochMs: number, timezone: string): string {
  return format(new TZDate(epochMs, timezone), 'dd HH:mm');
}
