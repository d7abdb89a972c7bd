// What the alert queue shows of the ranked alerts: the operator's filters
// (state, gravity band, certainty band, source kind, in-protocol only, the
// step due next, sector, acknowledged or not, a deadline breached, a text
// search) and the optional grouping by sector and by incident. Pure, so that it is tested
// without React and the queue only renders what this returns. The bands come
// from shared/alerts/bands.ts; nothing here re-lists them.
import {
  CERTAINTY_BANDS,
  SEVERITIES,
  type CertaintyBand,
  type Severity,
} from '../../../shared/alerts/bands';
import { ALERT_STATES, type AlertState } from '../../../shared/alerts/alert-view';
import { SOURCES, type Source } from '../../../shared/scenario/schema';
import type { AlertView } from '../console/view-model';
import { queueStepOf } from './queue-step';

export interface QueueFilter {
  /** The states shown; `closed` is left out by default (closed alerts are done with). */
  states: readonly AlertState[];
  /** The least grave band shown (`info`: every band). */
  minSeverity: Severity;
  /** The least certain band shown (`cleared`: every band). */
  minCertainty: CertaintyBand;
  /** Only alerts with a report of this source kind, or every alert (null). */
  source: Source | null;
  /** Only alerts whose protocol run is open. */
  inProtocol: boolean;
  /** Only alerts whose step due next (version 2: of the track due first) has this id, or any (null). */
  step: string | null;
  /** Only alerts in this sector zone (its id), or any (null). */
  sector: string | null;
  /** Only acknowledged alerts (true), only those not yet acknowledged (false), or both (null). */
  acknowledged: boolean | null;
  /** Only alerts with a deadline breached, in the current step or an earlier one. */
  breached: boolean;
  /** Words that must all occur in the title, id or place names (case-insensitive). */
  text: string;
  /** Alerts linked into one incident listed together under its primary. */
  groupByIncident: boolean;
  /** Alerts listed under a heading per sector, sectors in the scenario's order. */
  groupBySector: boolean;
}

export const DEFAULT_QUEUE_FILTER: QueueFilter = {
  states: ['active', 'cleared', 'quiet'],
  minSeverity: 'info',
  minCertainty: 'cleared',
  source: null,
  inProtocol: false,
  step: null,
  sector: null,
  acknowledged: null,
  breached: false,
  text: '',
  groupByIncident: false,
  groupBySector: false,
};

/** A sector of the scenario (a zone of kind `sector`), as the filter and grouping name it. */
export interface QueueSector {
  id: string;
  name: string;
}

/** A step some shown alert is due in next, for the step filter's choices. */
export interface QueueStepOption {
  id: string;
  title: string;
}

/** A heading of the grouped queue: its rows are `rows[start]` to `rows[start + count - 1]`. */
export interface QueueGroup {
  /** The sector's id, or null for alerts outside every sector. */
  sectorId: string | null;
  label: string;
  start: number;
  count: number;
}

/** A row of the filtered queue: an alert, and whether it sits under its incident's primary. */
export interface QueueRow {
  alert: AlertView;
  /** True for a non-primary member listed under its incident's primary (grouping on). */
  nested: boolean;
}

export interface FilteredQueue {
  rows: readonly QueueRow[];
  /** Every alert in the snapshot. */
  total: number;
  /** Closed alerts, shown or not (the toggle says how many it would add). */
  closed: number;
  /** Alerts made only of controller injects: the Messages list shows them, the queue does not. */
  messagesOnly: number;
  /** The sector headings when grouping by sector, else null. */
  groups: readonly QueueGroup[] | null;
  /** The steps open alerts are due in next (and the one filtered on), by title. */
  steps: readonly QueueStepOption[];
}

/** Closed by the protocol or by the engine: nothing more to do on it. */
export function isClosed(alert: AlertView): boolean {
  return alert.state === 'closed' || alert.protocol?.closed === true || alert.run?.closed === true;
}

/**
 * An alert whose every report is a controller inject (a hotline call, a
 * statement): it is a message, read in the Messages list, not a queue row,
 * unless the operator asks for that source kind.
 */
export function isMessageOnly(alert: AlertView): boolean {
  return alert.sources.length > 0 && alert.sources.every((s) => s === 'inject');
}

/**
 * True when a deadline of the alert has breached: its current step's (version 1)
 * or a track's, now or in a step it has left (the engine records the breach in
 * the step's history, docs/ESCALATION-PROTOCOL.md).
 */
export function isBreached(alert: AlertView): boolean {
  const p = alert.protocol;
  if (p !== null && (p.breached || p.history.some((h) => h.breachedAt !== null))) return true;
  const run = alert.run;
  if (run === null) return false;
  return run.tracks.some(
    (t) => t.deadlineStatus === 'breached' || t.history.some((h) => h.breachedAt !== null),
  );
}

/** The id of the step the alert is due in next, or null when no step of it is open. */
export function dueStepOf(alert: AlertView): string | null {
  const step = queueStepOf(alert);
  return step === null || step.closed || step.stepId === '' ? null : step.stepId;
}

/** The sector the alert lies in (an alert never spans two), or null. */
export function sectorOf(alert: AlertView, sectorIds: ReadonlySet<string>): string | null {
  for (const z of alert.zoneIds) if (sectorIds.has(z)) return z;
  return null;
}

function searchTerms(text: string): string[] {
  return text.toLowerCase().split(/\s+/).filter(Boolean);
}

// An unchanged alert keeps its object between frames, so its search text is built once
// (at speed the queue is filtered every frame, over every alert).
const haystacks = new WeakMap<
  AlertView,
  { zoneNames: ReadonlyMap<string, string>; text: string }
>();

/** Lower-cased text the search looks in: title, id, zone ids and names, incident id. */
function haystack(alert: AlertView, zoneNames: ReadonlyMap<string, string>): string {
  const cached = haystacks.get(alert);
  if (cached && cached.zoneNames === zoneNames) return cached.text;
  const zones = alert.zoneIds.map((z) => `${z} ${zoneNames.get(z) ?? ''}`).join(' ');
  const text =
    `${alert.title} ${alert.shortTitle} ${alert.id} ${zones} ${alert.incident?.id ?? ''}`.toLowerCase();
  haystacks.set(alert, { zoneNames, text });
  return text;
}

/** True when the alert passes every filter but the grouping. */
export function alertMatches(
  alert: AlertView,
  filter: QueueFilter,
  zoneNames: ReadonlyMap<string, string>,
  terms: readonly string[] = searchTerms(filter.text),
): boolean {
  const state: AlertState = isClosed(alert) ? 'closed' : alert.state;
  if (!filter.states.includes(state)) return false;
  if (SEVERITIES.indexOf(alert.severity) > SEVERITIES.indexOf(filter.minSeverity)) return false;
  // A version-1 log records no certainty: only the widest band lets such alerts through.
  const band = alert.certainty?.band ?? null;
  const least = CERTAINTY_BANDS.indexOf(filter.minCertainty);
  if (least < CERTAINTY_BANDS.length - 1) {
    if (band === null || CERTAINTY_BANDS.indexOf(band) > least) return false;
  }
  if (filter.source === null) {
    if (isMessageOnly(alert)) return false;
  } else if (!alert.sources.includes(filter.source)) return false;
  // A version-1 protocol state or a version-2 run, still open.
  const open =
    (alert.protocol !== null && !alert.protocol.closed) ||
    (alert.run !== null && !alert.run.closed);
  if (filter.inProtocol && !open) return false;
  if (filter.step !== null && dueStepOf(alert) !== filter.step) return false;
  if (filter.sector !== null && !alert.zoneIds.includes(filter.sector)) return false;
  if (filter.acknowledged !== null && alert.acknowledged !== filter.acknowledged) return false;
  if (filter.breached && !isBreached(alert)) return false;
  if (terms.length > 0) {
    const text = haystack(alert, zoneNames);
    if (!terms.every((t) => text.includes(t))) return false;
  }
  return true;
}

/** What the queue's header and step filter say of every alert, whatever the filter. */
export interface QueueOverview {
  closed: number;
  messagesOnly: number;
  /** The steps open alerts are due in next, by title. */
  steps: readonly QueueStepOption[];
}

// An unchanged snapshot keeps its alerts array, so a keystroke in the search or
// a change of filter does not count every alert again (10,000 and more).
const overviews = new WeakMap<readonly AlertView[], QueueOverview>();

/** Counts of closed and message-only alerts and the open steps; worked out once per alerts array. */
export function queueOverview(alerts: readonly AlertView[]): QueueOverview {
  const cached = overviews.get(alerts);
  if (cached) return cached;
  let closed = 0;
  let messagesOnly = 0;
  const steps = new Map<string, string>();
  for (const alert of alerts) {
    if (isClosed(alert)) closed++;
    if (isMessageOnly(alert)) messagesOnly++;
    if (alert.protocol !== null || alert.run !== null) {
      const step = queueStepOf(alert);
      if (step !== null && !step.closed && step.stepId !== '')
        steps.set(step.stepId, step.stepTitle);
    }
  }
  const overview = {
    closed,
    messagesOnly,
    steps: sortSteps([...steps].map(([id, title]) => ({ id, title }))),
  };
  overviews.set(alerts, overview);
  return overview;
}

function sortSteps(steps: QueueStepOption[]): QueueStepOption[] {
  return steps.sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
}

/**
 * The queue's rows, in the engine's rank order (never re-sorted). With
 * grouping by sector, a heading per sector that has shown alerts, in the
 * scenario's order of sectors (a sector's place does not jump as ranks shift
 * at speed), then those outside every sector; within each, rank order. With
 * grouping by incident, an incident's shown members (of that sector) follow
 * its first-ranked shown member, primary first, the others `nested`.
 */
export function filterQueue(
  alerts: readonly AlertView[],
  filter: QueueFilter,
  zoneNames: ReadonlyMap<string, string>,
  sectors: readonly QueueSector[] = [],
): FilteredQueue {
  const terms = searchTerms(filter.text);
  const shown: AlertView[] = [];
  for (const alert of alerts) if (alertMatches(alert, filter, zoneNames, terms)) shown.push(alert);
  const { closed, messagesOnly, steps } = queueOverview(alerts);
  const stepOptions =
    filter.step !== null && !steps.some((s) => s.id === filter.step)
      ? sortSteps([...steps, { id: filter.step, title: filter.step }])
      : steps;
  const base = { total: alerts.length, closed, messagesOnly, steps: stepOptions };
  if (!filter.groupBySector) {
    return { ...base, rows: groupRows(shown, filter.groupByIncident), groups: null };
  }
  const sectorIds = new Set(sectors.map((s) => s.id));
  const bySector = new Map<string | null, AlertView[]>();
  for (const alert of shown) {
    const id = sectorOf(alert, sectorIds);
    const list = bySector.get(id);
    if (list) list.push(alert);
    else bySector.set(id, [alert]);
  }
  const rows: QueueRow[] = [];
  const groups: QueueGroup[] = [];
  const order: { id: string | null; label: string }[] = [
    ...sectors.map((s) => ({ id: s.id, label: s.name })),
    { id: null, label: 'Outside every sector' },
  ];
  for (const { id, label } of order) {
    const members = bySector.get(id);
    if (!members) continue;
    groups.push({ sectorId: id, label, start: rows.length, count: members.length });
    rows.push(...groupRows(members, filter.groupByIncident));
  }
  return { ...base, rows, groups };
}

/** Rows in rank order; by incident, each incident's members under its first-ranked one. */
function groupRows(shown: readonly AlertView[], byIncident: boolean): QueueRow[] {
  if (!byIncident) return shown.map((alert) => ({ alert, nested: false }));
  const members = new Map<string, AlertView[]>();
  for (const alert of shown) {
    const id = alert.incident?.id;
    if (id === undefined) continue;
    const list = members.get(id);
    if (list) list.push(alert);
    else members.set(id, [alert]);
  }
  const rows: QueueRow[] = [];
  const placed = new Set<string>();
  for (const alert of shown) {
    const incident = alert.incident;
    if (incident === null) {
      rows.push({ alert, nested: false });
      continue;
    }
    if (placed.has(incident.id)) continue;
    placed.add(incident.id);
    const order = new Map(incident.alertIds.map((id, i) => [id, i] as const));
    const group = [...members.get(incident.id)!].sort(
      (a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity),
    );
    group.forEach((member, i) => rows.push({ alert: member, nested: i > 0 }));
  }
  return rows;
}

/**
 * A filter read back from session storage: each member that is missing or not
 * one of its values falls back to the default, so an old or damaged entry
 * never breaks the queue.
 */
export function parseQueueFilter(json: string | null): QueueFilter {
  let raw: unknown;
  try {
    raw = json === null ? null : JSON.parse(json);
  } catch {
    raw = null;
  }
  if (typeof raw !== 'object' || raw === null) return DEFAULT_QUEUE_FILTER;
  const r = raw as Record<string, unknown>;
  const oneOf = <T extends string>(list: readonly T[], value: unknown, fallback: T): T =>
    typeof value === 'string' && (list as readonly string[]).includes(value)
      ? (value as T)
      : fallback;
  const d = DEFAULT_QUEUE_FILTER;
  const states = Array.isArray(r.states)
    ? ALERT_STATES.filter((s) => (r.states as unknown[]).includes(s))
    : d.states;
  return {
    states,
    minSeverity: oneOf(SEVERITIES, r.minSeverity, d.minSeverity),
    minCertainty: oneOf(CERTAINTY_BANDS, r.minCertainty, d.minCertainty),
    source:
      oneOf<Source | 'any'>([...SOURCES, 'any'], r.source ?? 'any', 'any') === 'any'
        ? null
        : (r.source as Source),
    inProtocol: typeof r.inProtocol === 'boolean' ? r.inProtocol : d.inProtocol,
    // Step and sector ids are the scenario's and protocol's: any short string is kept (an
    // id that matches nothing shows an empty queue, with the filter visible to clear).
    step: typeof r.step === 'string' && r.step.length <= 200 ? r.step : d.step,
    sector: typeof r.sector === 'string' && r.sector.length <= 200 ? r.sector : d.sector,
    acknowledged: typeof r.acknowledged === 'boolean' ? r.acknowledged : d.acknowledged,
    breached: typeof r.breached === 'boolean' ? r.breached : d.breached,
    text: typeof r.text === 'string' ? r.text.slice(0, 200) : d.text,
    groupByIncident: typeof r.groupByIncident === 'boolean' ? r.groupByIncident : d.groupByIncident,
    groupBySector: typeof r.groupBySector === 'boolean' ? r.groupBySector : d.groupBySector,
  };
}

/** True when the filter hides nothing but closed alerts and messages (the default view). */
export function isDefaultFilter(filter: QueueFilter): boolean {
  const d = DEFAULT_QUEUE_FILTER;
  return (
    filter.states.length === d.states.length &&
    d.states.every((s) => filter.states.includes(s)) &&
    filter.minSeverity === d.minSeverity &&
    filter.minCertainty === d.minCertainty &&
    filter.source === d.source &&
    filter.inProtocol === d.inProtocol &&
    filter.step === d.step &&
    filter.sector === d.sector &&
    filter.acknowledged === d.acknowledged &&
    filter.breached === d.breached &&
    filter.text.trim() === ''
  );
}
