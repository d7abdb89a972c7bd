// MSEL times are written as the controllers read them: local time with its offset.

/** "HH:MM" local on exercise day `day` → ISO 8601 with the local offset, e.g. 2026-09-08T09:00:00+03:00. */
export function localTimeToUtc(
  start: number,
  day: number,
  hhmm: string,
  offsetHours: number,
): string {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const utc = start + (day - 1) * 86_400_000 + (h - offsetHours) * 3_600_000 + m * 60_000;
  const local = new Date(utc + offsetHours * 3_600_000).toISOString().slice(0, 19);
  const sign = offsetHours >= 0 ? '+' : '-';
  return `${local}${sign}${String(Math.abs(offsetHours)).padStart(2, '0')}:00`;
}
