// CSV views of the log and of alerts: a convenience for spreadsheets, not
// evidence (the signed bundle is). RFC 4180 quoting, and OWASP's defence
// against formula injection, since these files are opened in spreadsheets.
import type { LogEntry } from './entry';
import { summarizeEntry } from './summary';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV cell: prefixed with ' when it could start a formula, quoted per RFC 4180 when needed. */
export function csvCell(value: unknown): string {
  let cell =
    value === null || value === undefined
      ? ''
      : Array.isArray(value)
        ? value.join(' ')
        : String(value);
  if (FORMULA_START.test(cell)) cell = `'${cell}`;
  return NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

function csv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export const LOG_CSV_COLUMNS = [
  'classification',
  'seq',
  'wall_time',
  'exercise_time',
  'actor',
  'role',
  'kind',
  'alert_id',
  'step_id',
  'summary',
  'hash',
] as const;

/** The log as CSV (CRLF lines, header first); every row carries the classification. */
export function logToCsv(entries: readonly LogEntry[], classification = 'EXERCISE'): string {
  return csv(
    LOG_CSV_COLUMNS,
    entries.map((e) => [
      classification,
      e.seq,
      e.wall_time,
      e.exercise_time,
      e.actor,
      e.role,
      e.kind,
      e.alert_id,
      e.step_id,
      summarizeEntry(e),
      e.hash,
    ]),
  );
}

/** An alert as the CSV view needs it (the `rank --json` shape; extra fields are ignored). */
export interface AlertCsvRow {
  rank: number;
  id: string;
  gravity: number;
  severity: string;
  certainty: number;
  certainty_band: string;
  zones: readonly string[];
  event_ids: readonly string[];
  first_seen: string;
  last_seen: string;
  /** active, cleared, quiet, closed. */
  status?: string;
  /** The protocol step the alert is in, if any. */
  step?: string | null;
  factors?: readonly { factor: string; contribution: number; reason: string }[];
}

export const ALERTS_CSV_COLUMNS = [
  'classification',
  'rank',
  'id',
  'gravity',
  'severity',
  'certainty',
  'certainty_band',
  'status',
  'step',
  'zones',
  'events',
  'event_ids',
  'first_seen',
  'last_seen',
  'factors',
] as const;

/** Alerts as CSV (CRLF lines, header first); every row carries the classification. */
export function alertsToCsv(rows: readonly AlertCsvRow[], classification = 'EXERCISE'): string {
  return csv(
    ALERTS_CSV_COLUMNS,
    rows.map((r) => [
      classification,
      r.rank,
      r.id,
      r.gravity,
      r.severity,
      r.certainty,
      r.certainty_band,
      r.status,
      r.step,
      r.zones.join(' '),
      r.event_ids.length,
      r.event_ids.join(' '),
      r.first_seen,
      r.last_seen,
      (r.factors ?? [])
        .map((f) => `${f.factor} ${f.contribution >= 0 ? '+' : ''}${f.contribution}`)
        .join('; '),
    ]),
  );
}
