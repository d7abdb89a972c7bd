/** Median, mean and maximum of durations, in minutes (null when there are none). */
export interface DurationStats {
  count: number;
  median_min: number | null;
  mean_min: number | null;
  max_min: number | null;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Summarises durations given in milliseconds, rounded to 0.1 min. */
export function summarizeDurations(durationsMs: readonly number[]): DurationStats {
  const n = durationsMs.length;
  if (n === 0) return { count: 0, median_min: null, mean_min: null, max_min: null };
  const minutes = durationsMs.map((ms) => ms / 60_000).sort((a, b) => a - b);
  const mid = Math.floor(n / 2);
  const median = n % 2 === 1 ? minutes[mid]! : (minutes[mid - 1]! + minutes[mid]!) / 2;
  const mean = minutes.reduce((sum, x) => sum + x, 0) / n;
  return {
    count: n,
    median_min: round1(median),
    mean_min: round1(mean),
    max_min: round1(minutes[n - 1]!),
  };
}
