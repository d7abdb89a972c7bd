// Log times as the console shows them: exercise time in the scenario's zone,
// wall time in the viewer's local zone; the filter's datetime-local inputs are
// read in the exercise zone so what you type matches what the table shows.
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/** "2026-09-09 09:00:00" in `timezone` (zone named by the caller); text that is no time stays as is. */
export function formatLogTime(iso: string, timezone: string): string {
  const ms = Date.parse(iso);
  // Files under audit may hold anything; show it rather than throw mid-render.
  if (Number.isNaN(ms)) return iso;
  return format(new TZDate(ms, timezone), 'yyyy-MM-dd HH:mm:ss');
}

/** The viewer's own IANA zone (UTC when the platform does not say). */
export function localTimezone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** A datetime-local value ("2026-09-09T09:30") read in `timezone` → epoch ms; '' → null. */
export function zonedInputToMs(value: string, timezone: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0));
  return new TZDate(y!, mo! - 1, d!, h!, mi!, s!, timezone).getTime();
}

/** Epoch ms → a datetime-local value in `timezone`; null → ''. */
export function msToZonedInput(ms: number | null, timezone: string): string {
  return ms === null ? '' : format(new TZDate(ms, timezone), "yyyy-MM-dd'T'HH:mm");
}
