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

/** Whole seconds split into days, hours, minutes and seconds. */
export function splitSeconds(total: number): { d: number; h: number; m: number; s: number } {
  const d = Math.floor(total / 86400);
  const h = Math.floor((total % 86400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  return { d, h, m, s: total % 60 };
}

/** A duration as `3 d 4 h`, `2 h 5 min` or `45 s`. */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? '−' : '';
  const { d, h, m, s } = splitSeconds(Math.round(Math.abs(ms) / 1000));
  if (d > 0) return `${sign}${d} d${h ? ` ${h} h` : ''}`;
  if (h > 0) return `${sign}${h} h${m ? ` ${m} min` : ''}`;
  if (m > 0) return `${sign}${m} min${s ? ` ${s} s` : ''}`;
  return `${sign}${s} s`;
}
