// Filtering the Log screen's table: by kind, alert, actor and exercise time.
import type { LogEntry } from '../../../shared/audit';

export interface LogFilter {
  kind: string;
  alertId: string;
  actor: string;
  /** Exercise-time bounds as epoch ms (inclusive); null = open. */
  from: number | null;
  to: number | null;
}

export const NO_FILTER: LogFilter = { kind: '', alertId: '', actor: '', from: null, to: null };

/** True when the entry passes every set criterion; entries without exercise time fail a time bound. */
export function matchesLogFilter(entry: LogEntry, filter: LogFilter): boolean {
  if (filter.kind && entry.kind !== filter.kind) return false;
  if (filter.alertId && entry.alert_id !== filter.alertId) return false;
  if (filter.actor && entry.actor !== filter.actor) return false;
  if (filter.from !== null || filter.to !== null) {
    if (entry.exercise_time === null) return false;
    const at = Date.parse(entry.exercise_time);
    if (filter.from !== null && at < filter.from) return false;
    if (filter.to !== null && at > filter.to) return false;
  }
  return true;
}

export function filterLogEntries(entries: readonly LogEntry[], filter: LogFilter): LogEntry[] {
  return entries.filter((entry) => matchesLogFilter(entry, filter));
}

/** The distinct kinds, alerts and actors of a log, sorted, for the filter menus. */
export function logFacets(entries: readonly LogEntry[]): {
  kinds: string[];
  alertIds: string[];
  actors: string[];
} {
  const kinds = new Set<string>();
  const alertIds = new Set<string>();
  const actors = new Set<string>();
  for (const e of entries) {
    kinds.add(e.kind);
    if (e.alert_id) alertIds.add(e.alert_id);
    actors.add(e.actor);
  }
  const sorted = (s: Set<string>) => [...s].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { kinds: sorted(kinds), alertIds: sorted(alertIds), actors: sorted(actors) };
}
