// Log times as the console shows them: exercise time in the scenario's zone,
// wall time in the viewer's local zone; the filter's time fields are read in
// the exercise zone, in the table's own form, so what you type matches what
// the table shows (a datetime-local input would show the browser's format).
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

/**
 * What a person typed as a time ("2026-09-09 09:30", seconds optional, a "T"
 * allowed for the space), read in `timezone` → epoch ms; null when it is not
 * a real date and time in that form.
 */
export function zonedInputToMs(value: string, timezone: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) return null;
  // An optional group that did not match (the seconds) is undefined, whatever the type says.
  const groups = m.slice(1) as (string | undefined)[];
  const [y, mo, d, h, mi, s] = groups.map((x) => Number(x ?? 0));
  // Date arithmetic would roll 2026-02-30 over to March: refuse it instead.
  const daysInMonth = new Date(Date.UTC(y!, mo!, 0)).getUTCDate();
  if (mo! < 1 || mo! > 12 || d! < 1 || d! > daysInMonth || h! > 23 || mi! > 59 || s! > 59) {
    return null;
  }
  return new TZDate(y!, mo! - 1, d!, h!, mi!, s!, timezone).getTime();
}

/**
 * An end bound as typed: "09:30" means up to the end of that minute (and
 * "09:30:15" to the end of that second), as a person reading the table means it.
 */
export function zonedEndToMs(value: string, timezone: string): number | null {
  const ms = zonedInputToMs(value, timezone);
  if (ms === null) return null;
  return ms + (/:\d{2}:\d{2}$/.test(value.trim()) ? 999 : 59_999);
}

/** Epoch ms → "yyyy-mm-dd hh:mm" in `timezone`, the form the filter reads; null → ''. */
export function msToZonedInput(ms: number | null, timezone: string): string {
  return ms === null ? '' : format(new TZDate(ms, timezone), 'yyyy-MM-dd HH:mm');
}
