// MSEL times are written as the controllers read them: local time with its offset.

/**
 * "HH:MM" local on exercise day `day`, where localDayOne is local midnight at
 * the start of day 1 (as epoch ms), → ISO 8601 with the local offset, e.g.
 * 2027-03-08T09:00:00-08:00.
 */
export function localTimeToUtc(
  localDayOne: number,
  day: number,
  hhmm: string,
  offsetHours: number,
): string {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const utc = localDayOne + (day - 1) * 86_400_000 + h * 3_600_000 + m * 60_000;
  const local = new Date(utc + offsetHours * 3_600_000).toISOString().slice(0, 19);
  const sign = offsetHours >= 0 ? '+' : '-';
  return `${local}${sign}${String(Math.abs(offsetHours)).padStart(2, '0')}:00`;
}
