// Incremental correlation and ranking (docs/ALERTS-AND-SEVERITY.md, version 2).
// Each event touches one alert: an O(groups) evidence update, an O(log n)
// re-rank, a grid lookup for correlation (or a direct join when it refers to
// an earlier report). Quiet transitions run off a heap of due times. Alerts
// linked into an incident keep their own measures; the incident's are kept
// beside them.
import type { ReplayEvent, Zone } from '../scenario/loaded-scenario';
import type { Source } from '../scenario/schema';
import {
  addEvidence,
  cloneEvidence,
  emptyEvidence,
  measure,
  severityOf,
  certaintyBandOf,
  type AlertEvidence,
  type AlertMeasures,
  type ContactLines,
} from './alert-score';
import type { CertaintyBand, Severity } from './bands';
import {
  buildAlertView,
  certaintyFactorViews,
  type AlertState,
  type AlertView,
  type IncidentView,
} from './alert-view';
import {
  evaluateEvent,
  evaluationScratch,
  scoringContext,
  type ScoringContext,
} from './event-evidence';
import { LazyHeap } from './rank-heap';
import type { ScoringModel } from './scoring-model';
import { EARTH_RADIUS_KM, haversineKm } from '../geo/haversine';

const KM_PER_DEGREE = (Math.PI * EARTH_RADIUS_KM) / 180;
import { SpatialGrid } from './spatial-grid';

/** The two bands of an alert (or incident) at one moment. */
export interface Bands {
  severity: Severity;
  certaintyBand: CertaintyBand;
}

/** The rounded measures carried by a change. */
export interface MeasuresNow extends Bands {
  gravity: number;
  certainty: number;
}

/** Something the exercise log should record, in the order it happened. */
export type AlertChange =
  | ({
      kind: 'alert-opened';
      alertId: string;
      eventId: string;
      at: number;
      continues: string | null;
    } & MeasuresNow)
  | ({ kind: 'event-joined'; alertId: string; eventId: string; at: number } & MeasuresNow)
  | ({
      kind: 'alert-bands-changed';
      alertId: string;
      eventId: string;
      at: number;
      from: Bands;
    } & MeasuresNow)
  | ({
      kind: 'incident-bands-changed';
      incidentId: string;
      primaryId: string;
      eventId: string | null;
      at: number;
      from: Bands;
    } & MeasuresNow)
  | { kind: 'alert-quiet'; alertId: string; at: number }
  | { kind: 'alert-active'; alertId: string; at: number }
  | { kind: 'alert-closed'; alertId: string; at: number };

export interface AlertEngineOptions {
  model: ScoringModel;
  zones: readonly Zone[];
  /**
   * Largest `shownAt - at` of any event that may still arrive. Alerts too old
   * to be joined by any such event leave the spatial index. Unknown: Infinity
   * (always correct, slower on long scenarios).
   */
  maxReportDelayMs?: number;
  /**
   * Ids that some event names in `refers_to`: only their alerts are
   * remembered. Unknown: every event's alert is remembered (correct, more memory).
   */
  referencedIds?: ReadonlySet<string>;
  /**
   * The parties to the ceasefire (role `party`), whose aircraft a zone's
   * `prohibited` bans; the mission's are exempt. Unknown: any party a report names.
   */
  flyingParties?: Iterable<string>;
}

interface IncidentRecord {
  id: string;
  /** The primary first: the incident follows its protocol run. */
  members: AlertRecord[];
  evidence: AlertEvidence;
  measures: AlertMeasures;
  view: IncidentView | null;
}

interface AlertRecord {
  id: string;
  events: ReplayEvent[];
  eventIds: string[];
  eventSeqs: number[];
  evidence: AlertEvidence;
  measures: AlertMeasures;
  sector: string | null;
  zones: string[];
  sources: Source[];
  /**
   * Its last event: the latest by `time` (on ties, the later joined).
   * Correlation measures time and distance from it; a late report of an
   * earlier moment does not drag the alert back in time, and a report that
   * joins by reference does not move it either.
   */
  anchor: ReplayEvent;
  firstAt: number;
  lastAt: number;
  lastShownAt: number;
  quiet: boolean;
  closed: boolean;
  protocolActive: boolean;
  /** The closed alert this one continues, if its first report referred to it. */
  continues: string | null;
  incident: IncidentRecord | null;
  /** Bumped on every change of rank key or state; stale heap entries compare unequal. */
  version: number;
  cellKey: number;
  gridEntry: GridEntry | null;
  view: AlertView | null;
  frozen: FrozenRecord | null;
}

/**
 * An alert's place in the grid, with a copy of its anchor's time and
 * position: the search reads these for every candidate, and reaching them
 * through the record, its anchor and its event is three scattered reads
 * (docs/ARCHITECTURE.md, "Replay"). Kept equal to the anchor by `file`.
 */
interface GridEntry {
  record: AlertRecord;
  at: number;
  lat: number;
  lon: number;
}

interface RankEntry {
  record: AlertRecord;
  version: number;
  /** 0 active, 1 cleared, 2 quiet. */
  state: number;
  gravity: number;
  certainty: number;
  firstAt: number;
  id: string;
}

interface QuietEntry {
  record: AlertRecord;
  due: number;
}

/** An opaque copy of the engine's state, for `restore`. */
export interface AlertEngineSnapshot {
  readonly now: number;
  readonly records: readonly FrozenRecord[];
  readonly incidents: readonly (readonly string[])[];
  readonly incidentIds: readonly string[];
}

/**
 * An alert as of a snapshot. Its event, zone and source lists only ever grow
 * by push, so the snapshot shares them and keeps their lengths: taking a
 * snapshot costs O(alerts), not O(events).
 */
interface FrozenRecord {
  record: AlertRecord;
  events: number;
  zones: number;
  sources: number;
}

const STATE_RANK: Record<Exclude<AlertState, 'closed'>, number> = {
  active: 0,
  cleared: 1,
  quiet: 2,
};

function rankState(r: { quiet: boolean; measures: AlertMeasures }): number {
  return r.measures.cleared ? 1 : r.quiet ? 2 : 0;
}

/** Invariant 11: active, cleared, quiet; gravity desc; certainty desc; first time asc; id asc. */
function rankBefore(a: RankEntry, b: RankEntry): boolean {
  if (a.state !== b.state) return a.state < b.state;
  if (a.gravity !== b.gravity) return a.gravity > b.gravity;
  if (a.certainty !== b.certainty) return a.certainty > b.certainty;
  if (a.firstAt !== b.firstAt) return a.firstAt < b.firstAt;
  return a.id < b.id;
}

/** The total order of invariant 11 over views (closed alerts last, though never ranked). */
export function compareAlerts(
  a: Pick<AlertView, 'state' | 'gravity' | 'certainty' | 'firstAt' | 'id'>,
  b: Pick<AlertView, 'state' | 'gravity' | 'certainty' | 'firstAt' | 'id'>,
): number {
  const sa = a.state === 'closed' ? 3 : STATE_RANK[a.state];
  const sb = b.state === 'closed' ? 3 : STATE_RANK[b.state];
  if (sa !== sb) return sa - sb;
  if (a.gravity !== b.gravity) return b.gravity - a.gravity;
  if (a.certainty !== b.certainty) return b.certainty - a.certainty;
  if (a.firstAt !== b.firstAt) return a.firstAt - b.firstAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function located(e: ReplayEvent): boolean {
  return e.event.lat !== undefined && e.event.lon !== undefined;
}

function bandsOf(m: AlertMeasures): Bands {
  return { severity: m.severity, certaintyBand: m.certaintyBand };
}

function now(m: AlertMeasures): MeasuresNow {
  return {
    gravity: m.gravity,
    severity: m.severity,
    certainty: m.certainty,
    certaintyBand: m.certaintyBand,
  };
}

function sameBands(a: Bands, b: Bands): boolean {
  return a.severity === b.severity && a.certaintyBand === b.certaintyBand;
}

/** Lines of contact of the zones, for fire across the line. */
function contactLines(zones: readonly Zone[]): ContactLines {
  const lines: (readonly (readonly number[])[])[] = [];
  for (const z of zones) {
    if (z.kind !== 'line-of-contact') continue;
    if (z.geometry.type === 'LineString') lines.push(z.geometry.coordinates);
    else if (z.geometry.type === 'MultiLineString') lines.push(...z.geometry.coordinates);
  }
  return lines;
}

/** Correlates events into alerts, scores them and keeps them ranked. */
export class AlertEngine {
  readonly model: ScoringModel;
  readonly context: ScoringContext;
  private readonly zonesById: ReadonlyMap<string, Zone>;
  private readonly lines: ContactLines;
  private readonly sectorIds: Set<string>;
  private readonly windowMs: number;
  private readonly radiusKm: number;
  private readonly quietMs: number;
  private readonly maxDelayMs: number;
  private readonly referenced: ReadonlySet<string> | null;
  private readonly grid: SpatialGrid<GridEntry>;
  private readonly scratch = evaluationScratch();
  private records: AlertRecord[] = [];
  private byId = new Map<string, AlertRecord>();
  /** Alert id of each event that may be referred to (checked against the alert on use). */
  private readonly alertOfEvent = new Map<string, string>();
  private incidents = new Map<string, IncidentRecord>();
  private ranking = new LazyHeap<RankEntry>(rankBefore);
  private quietDue = new LazyHeap<QuietEntry>((a, b) => a.due < b.due);
  private openCount = 0;
  private clock = -Infinity;

  constructor(options: AlertEngineOptions) {
    this.model = options.model;
    this.context = scoringContext(options.model, options.zones, options.flyingParties ?? null);
    this.zonesById = this.context.zonesById;
    this.lines = contactLines(options.zones);
    this.sectorIds = new Set(options.zones.filter((z) => z.kind === 'sector').map((z) => z.id));
    this.windowMs = options.model.correlation.window_min * 60_000;
    this.radiusKm = options.model.correlation.radius_km;
    this.quietMs = options.model.correlation.quiet_min * 60_000;
    this.maxDelayMs = options.maxReportDelayMs ?? Infinity;
    this.referenced = options.referencedIds ?? null;
    this.grid = new SpatialGrid(this.radiusKm, this.windowMs);
  }

  /** Latest time the engine has been brought to (epoch ms). */
  get now(): number {
    return this.clock;
  }

  /** Number of alerts, open or closed. */
  get size(): number {
    return this.records.length;
  }

  /** Adds the next event in replay order; returns what changed. */
  addEvent(replay: ReplayEvent): AlertChange[] {
    const changes = this.advanceTo(replay.shownAt);
    // Evaluated into one reusable object: the evidence keeps numbers and the report, not this.
    const item = evaluateEvent(this.context, replay, this.scratch);
    const sector = replay.zoneIds.find((id) => this.sectorIds.has(id)) ?? null;
    const eventId = replay.event.id;
    let target: AlertRecord | null = null;
    let continues: string | null = null;
    const refersTo = replay.event.refers_to;
    const referred = refersTo !== undefined ? this.alertHolding(refersTo) : null;
    if (referred && !referred.closed) target = referred;
    else if (referred) continues = referred.id;
    else if (located(replay)) target = this.findAlertFor(replay, sector);
    if (!target) {
      const record = this.openAlert(replay, sector, continues);
      addEvidence(record.evidence, item, this.lines, this.model);
      record.measures = measure(this.model, record.evidence);
      this.remember(replay, record);
      this.pushRank(record);
      this.pushQuiet(record);
      changes.push({
        kind: 'alert-opened',
        alertId: record.id,
        eventId,
        at: this.clock,
        continues,
        ...now(record.measures),
      });
      return changes;
    }
    const was = target.measures;
    const wasQuiet = target.quiet;
    const wasFirstAt = target.firstAt;
    target.events.push(replay);
    target.eventIds.push(eventId);
    target.eventSeqs.push(replay.seq);
    addEvidence(target.evidence, item, this.lines, this.model);
    this.mergePlaces(target, replay, sector);
    target.firstAt = Math.min(target.firstAt, replay.at);
    target.lastAt = Math.max(target.lastAt, replay.at);
    target.lastShownAt = replay.shownAt;
    target.measures = measure(this.model, target.evidence, was);
    this.remember(replay, target);
    this.invalidate(target);
    if (replay.at >= target.anchor.at && (target !== referred || refersTo === undefined)) {
      target.anchor = replay;
      const key = this.grid.keyOf(replay.event.lat!, replay.event.lon!, replay.at);
      const entry = target.gridEntry;
      if (key !== target.cellKey || entry === null) this.file(target, key);
      else {
        entry.at = replay.at;
        entry.lat = replay.event.lat!;
        entry.lon = replay.event.lon!;
      }
    }
    const m = target.measures;
    changes.push({
      kind: 'event-joined',
      alertId: target.id,
      eventId,
      at: this.clock,
      gravity: m.gravity,
      severity: m.severity,
      certainty: m.certainty,
      certaintyBand: m.certaintyBand,
    });
    if (target.quiet) {
      target.quiet = false;
      changes.push({ kind: 'alert-active', alertId: target.id, at: this.clock });
    }
    // Measures are replaced, never changed in place: `was` still holds the old bands.
    if (!sameBands(was, m)) {
      changes.push({
        kind: 'alert-bands-changed',
        alertId: target.id,
        eventId,
        at: this.clock,
        from: bandsOf(was),
        ...now(m),
      });
    }
    const incident = target.incident;
    if (incident) {
      const before = incident.measures;
      addEvidence(incident.evidence, item, this.lines, this.model);
      this.remeasureIncident(incident);
      if (!sameBands(before, incident.measures)) {
        changes.push({
          kind: 'incident-bands-changed',
          incidentId: incident.id,
          primaryId: incident.members[0]!.id,
          eventId,
          at: this.clock,
          from: bandsOf(before),
          ...now(incident.measures),
        });
      }
    }
    // A new rank entry only when the rank key changed: most reports change neither measure.
    const now2 = target.measures;
    if (
      wasQuiet ||
      wasFirstAt !== target.firstAt ||
      was.gravity !== now2.gravity ||
      was.certainty !== now2.certainty ||
      was.cleared !== now2.cleared
    ) {
      this.changed(target);
      this.pushRank(target);
    }
    this.pushQuiet(target);
    return changes;
  }

  /** Moves the engine clock forward, turning alerts quiet whose time has come. */
  advanceTo(time: number): AlertChange[] {
    const changes: AlertChange[] = [];
    if (time < this.clock) return changes;
    for (;;) {
      const next = this.quietDue.peek();
      if (!next || next.due > time) break;
      this.quietDue.pop();
      const record = next.record;
      if (record.closed || record.quiet || record.protocolActive) continue;
      if (record.lastShownAt + this.quietMs !== next.due) continue;
      record.quiet = true;
      this.touch(record);
      changes.push({ kind: 'alert-quiet', alertId: record.id, at: next.due });
    }
    this.clock = time;
    this.compactIfStale();
    return changes;
  }

  /** Closes an alert (protocol `close`): it takes no new events and leaves the queue. */
  close(alertId: string): AlertChange[] {
    const record = this.require(alertId);
    if (record.closed) return [];
    record.closed = true;
    this.openCount -= 1;
    this.touch(record);
    if (record.incident) record.incident.view = null;
    return [{ kind: 'alert-closed', alertId, at: this.clock }];
  }

  /** Marks an alert as under an active protocol step: it never goes quiet while so. */
  setProtocolActive(alertId: string, active: boolean): AlertChange[] {
    const record = this.require(alertId);
    if (record.protocolActive === active) return [];
    record.protocolActive = active;
    this.invalidate(record);
    if (active && record.quiet && !record.closed) {
      record.quiet = false;
      this.touch(record);
      return [{ kind: 'alert-active', alertId, at: this.clock }];
    }
    if (!active && !record.closed) {
      if (this.clock >= record.lastShownAt + this.quietMs) {
        record.quiet = true;
        this.touch(record);
        return [{ kind: 'alert-quiet', alertId, at: this.clock }];
      }
      this.pushQuiet(record);
    }
    return [];
  }

  /**
   * Links alert `otherId` (and the incident it is in) into the incident of
   * `primaryId` (made if it has none). Throws when either is unknown or
   * closed, or both are already one incident. Returns the incident's id.
   */
  link(primaryId: string, otherId: string): string {
    const primary = this.require(primaryId);
    const other = this.require(otherId);
    if (primary === other) throw new Error(`an alert cannot be linked to itself (${primaryId})`);
    for (const r of [primary, other]) if (r.closed) throw new Error(`alert ${r.id} is closed`);
    if (primary.incident && primary.incident === other.incident) {
      throw new Error(
        `alerts ${primaryId} and ${otherId} are already one incident (${primary.incident.id})`,
      );
    }
    const incident = primary.incident ?? this.newIncident(primary);
    const joining = other.incident ? other.incident.members : [other];
    if (other.incident) this.incidents.delete(other.incident.id);
    for (const r of joining) {
      r.incident = incident;
      incident.members.push(r);
      this.invalidate(r);
    }
    for (const r of incident.members) this.invalidate(r);
    this.rebuildIncident(incident);
    return incident.id;
  }

  /**
   * Takes an alert out of its incident. An incident left with one alert
   * ends. The primary can leave only an incident of two (which then ends).
   * Returns the incident's id.
   */
  unlink(alertId: string): string {
    const record = this.require(alertId);
    const incident = record.incident;
    if (!incident) throw new Error(`alert ${alertId} is not linked to an incident`);
    if (incident.members[0] === record && incident.members.length > 2) {
      throw new Error(
        `alert ${alertId} is the primary of incident ${incident.id} (its protocol run is the incident's): unlink the other alerts instead`,
      );
    }
    incident.members = incident.members.filter((r) => r !== record);
    record.incident = null;
    this.invalidate(record);
    if (incident.members.length <= 1) {
      for (const r of incident.members) {
        r.incident = null;
        this.invalidate(r);
      }
      this.incidents.delete(incident.id);
    } else {
      for (const r of incident.members) this.invalidate(r);
      this.rebuildIncident(incident);
    }
    return incident.id;
  }

  /** The incident an alert is in: its id, members (primary first) and bands; null if none. */
  incidentOf(alertId: string): { id: string; alertIds: string[]; measures: AlertMeasures } | null {
    const incident = this.byId.get(alertId)?.incident;
    if (!incident) return null;
    return {
      id: incident.id,
      alertIds: incident.members.map((r) => r.id),
      measures: incident.measures,
    };
  }

  /** Every incident: id and members, primary first. */
  incidentList(): { id: string; alertIds: string[] }[] {
    return [...this.incidents.values()].map((i) => ({
      id: i.id,
      alertIds: i.members.map((r) => r.id),
    }));
  }

  /** The first `n` open alerts in rank order, without sorting every alert. */
  top(n: number): AlertView[] {
    // Pop until n live entries are found (stale ones are dropped for good),
    // then push the live ones back: O((n + stale) log size).
    const taken: RankEntry[] = [];
    while (taken.length < n) {
      const entry = this.ranking.pop();
      if (!entry) break;
      if (entry.version !== entry.record.version || entry.record.closed) continue;
      taken.push(entry);
    }
    for (const entry of taken) this.ranking.push(entry);
    return taken.map((entry) => this.viewOf(entry.record));
  }

  /** Every alert in rank order; closed alerts last. */
  all(): AlertView[] {
    return this.records.map((r) => this.viewOf(r)).sort(compareAlerts);
  }

  /** One alert's view, or undefined. */
  get(alertId: string): AlertView | undefined {
    const record = this.byId.get(alertId);
    return record ? this.viewOf(record) : undefined;
  }

  /** Number of alerts not closed. */
  get openAlerts(): number {
    return this.openCount;
  }

  /** A copy of the state that later changes do not affect. */
  snapshot(): AlertEngineSnapshot {
    const incidents = [...this.incidents.values()];
    return {
      now: this.clock,
      // An alert unchanged since the last snapshot shares its frozen state,
      // so a snapshot costs what changed (quiet alerts are most of them).
      records: this.records.map(
        (r) =>
          (r.frozen ??= {
            record: cloneRecord(r, r.events, r.eventIds, r.eventSeqs, r.zones, r.sources),
            events: r.events.length,
            zones: r.zones.length,
            sources: r.sources.length,
          }),
      ),
      incidents: incidents.map((i) => i.members.map((r) => r.id)),
      incidentIds: incidents.map((i) => i.id),
    };
  }

  /** Returns to a snapshot's state (the snapshot stays reusable). */
  restore(snapshot: AlertEngineSnapshot): void {
    this.records = snapshot.records.map((f) => {
      const record = cloneRecord(
        f.record,
        f.record.events.slice(0, f.events),
        f.record.eventIds.slice(0, f.events),
        f.record.eventSeqs.slice(0, f.events),
        f.record.zones.slice(0, f.zones),
        f.record.sources.slice(0, f.sources),
      );
      record.frozen = f;
      return record;
    });
    this.byId = new Map(this.records.map((r) => [r.id, r]));
    this.incidents = new Map();
    snapshot.incidents.forEach((ids, i) => {
      const members = ids.map((id) => this.byId.get(id)!);
      const incident: IncidentRecord = {
        id: snapshot.incidentIds[i]!,
        members,
        evidence: emptyEvidence(),
        measures: members[0]!.measures,
        view: null,
      };
      for (const r of members) r.incident = incident;
      this.incidents.set(incident.id, incident);
      this.rebuildIncident(incident);
    });
    this.clock = snapshot.now;
    this.openCount = this.records.filter((r) => !r.closed).length;
    this.grid.clear();
    for (const record of this.records) {
      if (!record.closed && located(record.anchor)) this.file(record, record.cellKey);
    }
    this.rebuildHeaps();
  }

  private require(alertId: string): AlertRecord {
    const record = this.byId.get(alertId);
    if (!record) throw new Error(`no alert "${alertId}"`);
    return record;
  }

  /** The alert holding an event, if the event has been added and is remembered. */
  private alertHolding(eventId: string): AlertRecord | null {
    const alertId = this.alertOfEvent.get(eventId);
    const record = alertId === undefined ? undefined : this.byId.get(alertId);
    // After a restore the map may name an alert that has not taken the event yet.
    return record && record.eventIds.includes(eventId) ? record : null;
  }

  private remember(replay: ReplayEvent, record: AlertRecord): void {
    const id = replay.event.id;
    if (this.referenced === null || (this.referenced.size > 0 && this.referenced.has(id))) {
      this.alertOfEvent.set(id, record.id);
    }
  }

  private openAlert(
    replay: ReplayEvent,
    sector: string | null,
    continues: string | null,
  ): AlertRecord {
    const id = `A-${replay.event.id}`;
    if (this.byId.has(id)) throw new Error(`event "${replay.event.id}" was added twice`);
    const record: AlertRecord = {
      id,
      events: [replay],
      eventIds: [replay.event.id],
      eventSeqs: [replay.seq],
      evidence: emptyEvidence(),
      measures: {
        gravity: 0,
        severity: 'info',
        certainty: 0,
        certaintyBand: 'unconfirmed',
        cleared: false,
      },
      sector,
      zones: [...replay.zoneIds],
      sources: [replay.event.source],
      anchor: replay,
      firstAt: replay.at,
      lastAt: replay.at,
      lastShownAt: replay.shownAt,
      quiet: false,
      closed: false,
      protocolActive: false,
      continues,
      incident: null,
      version: 0,
      cellKey: -1,
      gridEntry: null,
      view: null,
      frozen: null,
    };
    this.records.push(record);
    this.byId.set(id, record);
    this.openCount += 1;
    if (located(replay)) {
      this.file(record, this.grid.keyOf(replay.event.lat!, replay.event.lon!, replay.at));
    }
    return record;
  }

  /** The id the incident of `primaryId` has, or would get if it were made now. */
  nextIncidentId(primaryId: string): string {
    const existing = this.byId.get(primaryId)?.incident;
    if (existing) return existing.id;
    let id = `I-${primaryId}`;
    for (let n = 2; this.incidents.has(id); n++) id = `I-${primaryId}-${n}`;
    return id;
  }

  private newIncident(primary: AlertRecord): IncidentRecord {
    const id = this.nextIncidentId(primary.id);
    const incident: IncidentRecord = {
      id,
      members: [primary],
      evidence: emptyEvidence(),
      measures: primary.measures,
      view: null,
    };
    primary.incident = incident;
    this.incidents.set(id, incident);
    return incident;
  }

  /** Certainty over every report of the incident, in replay order. */
  private rebuildIncident(incident: IncidentRecord): void {
    const events = incident.members.flatMap((r) => r.events).sort((a, b) => a.seq - b.seq);
    const evidence = emptyEvidence();
    for (const e of events)
      addEvidence(evidence, evaluateEvent(this.context, e, this.scratch), this.lines, this.model);
    incident.evidence = evidence;
    this.remeasureIncident(incident);
  }

  /** Gravity: the highest of its alerts'. Certainty: over all its reports. */
  private remeasureIncident(incident: IncidentRecord): void {
    const own = measure(this.model, incident.evidence);
    let gravity = 0;
    for (const r of incident.members)
      if (r.measures.gravity > gravity) gravity = r.measures.gravity;
    incident.measures = {
      gravity,
      severity: severityOf(gravity),
      certainty: own.certainty,
      certaintyBand: certaintyBandOf(own.certainty, own.cleared),
      cleared: own.cleared,
    };
    incident.view = null;
    for (const r of incident.members) {
      r.view = null;
      r.frozen = null;
    }
  }

  /** Files an alert under a grid cell; its previous entry goes stale. */
  private file(record: AlertRecord, key: number): void {
    const { at, event } = record.anchor;
    const entry: GridEntry = { record, at, lat: event.lat!, lon: event.lon! };
    record.cellKey = key;
    record.gridEntry = entry;
    this.grid.add(key, entry);
  }

  private mergePlaces(record: AlertRecord, replay: ReplayEvent, sector: string | null): void {
    for (const id of replay.zoneIds) if (!record.zones.includes(id)) record.zones.push(id);
    const source = replay.event.source;
    if (!record.sources.includes(source)) record.sources.push(source);
    if (record.sector === null) record.sector = sector;
  }

  /** Nearest open alert in space, then time, then id, within the window, radius and sector. */
  private findAlertFor(replay: ReplayEvent, sector: string | null): AlertRecord | null {
    const lat = replay.event.lat!;
    const lon = replay.event.lon!;
    // No later event can be this far behind in `time`: such alerts leave the grid.
    const horizon = this.clock - this.maxDelayMs - this.windowMs;
    let best: AlertRecord | null = null;
    let bestDistance = Infinity;
    let bestGap = Infinity;
    // Within the radius, latitudes differ by at most radius / (km per degree):
    // a cheap exact test that spares most far candidates the haversine.
    const maxDLat = (this.radiusKm / KM_PER_DEGREE) * (1 + 1e-9);
    this.grid.visitNear(
      lat,
      lon,
      replay.at,
      this.windowMs,
      (entry) => entry.at >= horizon && entry.record.gridEntry === entry && !entry.record.closed,
      (entry) => {
        const gap = Math.abs(replay.at - entry.at);
        if (gap > this.windowMs || Math.abs(lat - entry.lat) > maxDLat) return;
        const record = entry.record;
        if (sector !== null && record.sector !== null && record.sector !== sector) return;
        const distance = haversineKm(lat, lon, entry.lat, entry.lon);
        if (distance > this.radiusKm) return;
        if (
          distance < bestDistance ||
          (distance === bestDistance &&
            (gap < bestGap || (gap === bestGap && best !== null && record.id < best.id)))
        ) {
          best = record;
          bestDistance = distance;
          bestGap = gap;
        }
      },
    );
    return best;
  }

  /** Its rank key may have changed: older heap entries go stale (push a new one). */
  private changed(record: AlertRecord): void {
    record.version += 1;
    this.invalidate(record);
  }

  /** Its view and frozen state are out of date (its rank key is not). */
  private invalidate(record: AlertRecord): void {
    record.view = null;
    record.frozen = null;
    if (record.incident) record.incident.view = null;
  }

  /** Re-files an alert whose rank key or state changed. */
  private touch(record: AlertRecord): void {
    this.changed(record);
    if (!record.closed) this.pushRank(record);
  }

  private rankEntry(record: AlertRecord): RankEntry {
    return {
      record,
      version: record.version,
      state: rankState(record),
      gravity: record.measures.gravity,
      certainty: record.measures.certainty,
      firstAt: record.firstAt,
      id: record.id,
    };
  }

  private pushRank(record: AlertRecord): void {
    this.ranking.push(this.rankEntry(record));
  }

  private pushQuiet(record: AlertRecord): void {
    this.quietDue.push({ record, due: record.lastShownAt + this.quietMs });
  }

  /** Stale heap entries are dropped in bulk once they outnumber live ones. */
  private compactIfStale(): void {
    const limit = 2 * this.openCount + 1024;
    if (this.ranking.size > limit || this.quietDue.size > limit) this.rebuildHeaps();
  }

  private rebuildHeaps(): void {
    const rank: RankEntry[] = [];
    const quiet: QuietEntry[] = [];
    for (const record of this.records) {
      if (record.closed) continue;
      rank.push(this.rankEntry(record));
      if (!record.quiet) quiet.push({ record, due: record.lastShownAt + this.quietMs });
    }
    this.ranking.rebuild(rank);
    this.quietDue.rebuild(quiet);
  }

  private incidentView(incident: IncidentRecord): IncidentView {
    if (!incident.view) {
      const m = incident.measures;
      incident.view = {
        id: incident.id,
        alertIds: incident.members.map((r) => r.id),
        gravity: m.gravity,
        severity: m.severity,
        certainty: m.certainty,
        certaintyBand: m.certaintyBand,
        certaintyFactors: certaintyFactorViews(this.context, incident.evidence),
      };
    }
    return incident.view;
  }

  private viewOf(record: AlertRecord): AlertView {
    if (!record.view) {
      record.view = buildAlertView(
        this.context,
        record,
        (eventId) => this.alertHolding(eventId)?.id ?? null,
        record.incident ? this.incidentView(record.incident) : null,
      );
    }
    return record.view;
  }
}

function cloneRecord(
  record: AlertRecord,
  events: ReplayEvent[],
  eventIds: string[],
  eventSeqs: number[],
  zones: string[],
  sources: Source[],
): AlertRecord {
  // Spelled out rather than spread: snapshots clone every alert.
  return {
    id: record.id,
    events,
    eventIds,
    eventSeqs,
    evidence: cloneEvidence(record.evidence),
    measures: record.measures,
    sector: record.sector,
    zones,
    sources,
    anchor: record.anchor,
    firstAt: record.firstAt,
    lastAt: record.lastAt,
    lastShownAt: record.lastShownAt,
    quiet: record.quiet,
    closed: record.closed,
    protocolActive: record.protocolActive,
    continues: record.continues,
    incident: null,
    version: record.version,
    cellKey: record.cellKey,
    gridEntry: null,
    view: null,
    frozen: null,
  };
}
