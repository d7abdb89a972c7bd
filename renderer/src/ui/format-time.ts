import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/** `2026-03-01 06:12` in the given IANA zone (UTC when absent or unknown). */
export function formatInZone(ms: number, timezone = 'UTC', pattern = 'yyyy-MM-dd HH:mm'): string {
  try {
    return format(new TZDate(ms, timezone), pattern);
  } catch {
    return `${format(new TZDate(ms, 'UTC'), pattern)} UTC`;
  }
}

/** A duration as `3 d 4 h`, `2 h 5 min` or `45 s`. */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? '−' : '';
  let s = Math.round(Math.abs(ms) / 1000);
  const d = Math.floor(s / 86400);
  s -= d * 86400;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  if (d > 0) return `${sign}${d} d${h ? ` ${h} h` : ''}`;
  if (h > 0) return `${sign}${h} h${m ? ` ${m} min` : ''}`;
  if (m > 0) return `${sign}${m} min${s ? ` ${s} s` : ''}`;
  return `${sign}${s} s`;
}
