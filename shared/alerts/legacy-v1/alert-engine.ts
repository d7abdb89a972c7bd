// FROZEN: version 1 of the scorer (see scoring-model.ts here): read-only exercises only.
// Incremental correlation and ranking (ALERTS-AND-SEVERITY.md). Each event
// touches one alert: O(1) evidence update, O(log n) re-rank, a grid lookup
// for correlation. Quiet transitions run off a heap of due times.
import type { ReplayEvent, Zone } from '../../scenario/loaded-scenario';
import type { Source } from '../../scenario/schema';
import {
  addEvidence,
  cloneEvidence,
  emptyEvidence,
  scoreEvidence,
  scoreOnly,
  severityOf,
  type AlertEvidence,
  type Severity,
} from './alert-score';
import { buildAlertView, type AlertView } from './alert-view';
import { evaluateEvent } from './event-evidence';
import { LazyHeap } from '../rank-heap';
import type { ScoringModel } from './scoring-model';
import { SpatialGrid, haversineKm } from '../spatial-grid';

/** Something the exercise log should record, in the order it happened. */
export type AlertChange =
  | {
      kind: 'alert-opened';
      alertId: string;
      eventId: string;
      at: number;
      score: number;
      severity: Severity;
    }
  | {
      kind: 'event-joined';
      alertId: string;
      eventId: string;
      at: number;
      score: number;
      severity: Severity;
    }
  | {
      kind: 'alert-severity-changed';
      alertId: string;
      at: number;
      from: Severity;
      to: Severity;
      score: number;
    }
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
}

interface AlertRecord {
  id: string;
  events: ReplayEvent[];
  /** The events' ids and seqs, kept alongside so views copy instead of mapping. */
  eventIds: string[];
  eventSeqs: number[];
  evidence: AlertEvidence;
  /** Rounded score and its band; the full breakdown is made for views only. */
  score: number;
  severity: Severity;
  sector: string | null;
  zones: string[];
  sources: Source[];
  /**
   * Its last event: the latest by `time` (on ties, the later joined).
   * Correlation measures time and distance from it; a late report of an
   * earlier moment does not drag the alert back in time.
   */
  anchor: ReplayEvent;
  firstAt: number;
  lastAt: number;
  lastShownAt: number;
  quiet: boolean;
  closed: boolean;
  protocolActive: boolean;
  /** Bumped on every change of rank key or state; stale heap entries compare unequal. */
  version: number;
  cellKey: number;
  /** Its current entry in the grid; older entries (it moved) are dropped when met. */
  gridEntry: GridEntry | null;
  view: AlertView | null;
  /** Its state in the last snapshot, while unchanged since (snapshots share it). */
  frozen: FrozenRecord | null;
}

interface GridEntry {
  record: AlertRecord;
}

interface RankEntry {
  record: AlertRecord;
  version: number;
  quiet: boolean;
  score: number;
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

/** Active first; score desc; first event time asc; id asc. */
function rankBefore(a: RankEntry, b: RankEntry): boolean {
  if (a.quiet !== b.quiet) return !a.quiet;
  if (a.score !== b.score) return a.score > b.score;
  if (a.firstAt !== b.firstAt) return a.firstAt < b.firstAt;
  return a.id < b.id;
}

/** The total order of ALERTS-AND-SEVERITY.md invariant 6 (closed alerts last). */
export function compareAlerts(
  a: Pick<AlertView, 'closed' | 'quiet' | 'score' | 'firstAt' | 'id'>,
  b: Pick<AlertView, 'closed' | 'quiet' | 'score' | 'firstAt' | 'id'>,
): number {
  if (a.closed !== b.closed) return a.closed ? 1 : -1;
  if (a.quiet !== b.quiet) return a.quiet ? 1 : -1;
  if (a.score !== b.score) return b.score - a.score;
  if (a.firstAt !== b.firstAt) return a.firstAt - b.firstAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function located(e: ReplayEvent): boolean {
  return e.event.lat !== undefined && e.event.lon !== undefined;
}

/** Correlates events into alerts, scores them and keeps them ranked. */
export class AlertEngine {
  readonly model: ScoringModel;
  private readonly zonesById: Map<string, Zone>;
  private readonly sectorIds: Set<string>;
  private readonly windowMs: number;
  private readonly radiusKm: number;
  private readonly quietMs: number;
  private readonly maxDelayMs: number;
  private readonly grid: SpatialGrid<GridEntry>;
  private records: AlertRecord[] = [];
  private byId = new Map<string, AlertRecord>();
  private ranking = new LazyHeap<RankEntry>(rankBefore);
  private quietDue = new LazyHeap<QuietEntry>((a, b) => a.due < b.due);
  private openCount = 0;
  private clock = -Infinity;

  constructor(options: AlertEngineOptions) {
    this.model = options.model;
    this.zonesById = new Map(options.zones.map((z) => [z.id, z]));
    this.sectorIds = new Set(options.zones.filter((z) => z.kind === 'sector').map((z) => z.id));
    this.windowMs = options.model.correlation.window_min * 60_000;
    this.radiusKm = options.model.correlation.radius_km;
    this.quietMs = options.model.correlation.quiet_min * 60_000;
    this.maxDelayMs = options.maxReportDelayMs ?? Infinity;
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
    const evidence = evaluateEvent(this.model, replay, this.zonesById);
    const sector = replay.zoneIds.find((id) => this.sectorIds.has(id)) ?? null;
    const target = located(replay) ? this.findAlertFor(replay, sector) : null;
    if (!target) {
      const record = this.openAlert(replay, sector);
      addEvidence(record.evidence, evidence);
      this.rescore(record);
      this.pushRank(record);
      this.pushQuiet(record);
      changes.push({
        kind: 'alert-opened',
        alertId: record.id,
        eventId: replay.event.id,
        at: this.clock,
        score: record.score,
        severity: record.severity,
      });
      return changes;
    }
    const before = target.severity;
    target.events.push(replay);
    target.eventIds.push(replay.event.id);
    target.eventSeqs.push(replay.seq);
    addEvidence(target.evidence, evidence);
    this.mergePlaces(target, replay, sector);
    target.firstAt = Math.min(target.firstAt, replay.at);
    target.lastAt = Math.max(target.lastAt, replay.at);
    target.lastShownAt = replay.shownAt;
    this.rescore(target);
    if (replay.at >= target.anchor.at) {
      target.anchor = replay;
      const key = this.grid.keyOf(replay.event.lat!, replay.event.lon!, replay.at);
      if (key !== target.cellKey) this.file(target, key);
    }
    changes.push({
      kind: 'event-joined',
      alertId: target.id,
      eventId: replay.event.id,
      at: this.clock,
      score: target.score,
      severity: target.severity,
    });
    if (target.quiet) {
      target.quiet = false;
      changes.push({ kind: 'alert-active', alertId: target.id, at: this.clock });
    }
    if (before !== target.severity) {
      changes.push({
        kind: 'alert-severity-changed',
        alertId: target.id,
        at: this.clock,
        from: before,
        to: target.severity,
        score: target.score,
      });
    }
    this.pushRank(target);
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
    return [{ kind: 'alert-closed', alertId, at: this.clock }];
  }

  /** Marks an alert as under an active protocol step: it never goes quiet while so. */
  setProtocolActive(alertId: string, active: boolean): AlertChange[] {
    const record = this.require(alertId);
    if (record.protocolActive === active) return [];
    record.protocolActive = active;
    record.view = null;
    record.frozen = null;
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

  private openAlert(replay: ReplayEvent, sector: string | null): AlertRecord {
    const id = `A-${replay.event.id}`;
    if (this.byId.has(id)) throw new Error(`event "${replay.event.id}" was added twice`);
    const record: AlertRecord = {
      id,
      events: [replay],
      eventIds: [replay.event.id],
      eventSeqs: [replay.seq],
      evidence: emptyEvidence(),
      score: 0,
      severity: 'info',
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

  /** Files an alert under a grid cell; its previous entry goes stale. */
  private file(record: AlertRecord, key: number): void {
    const entry: GridEntry = { record };
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
    this.grid.visitNear(
      lat,
      lon,
      replay.at,
      this.windowMs,
      (entry) =>
        entry.record.gridEntry === entry &&
        !entry.record.closed &&
        entry.record.anchor.at >= horizon,
      ({ record }) => {
        const gap = Math.abs(replay.at - record.anchor.at);
        if (gap > this.windowMs) return;
        if (sector !== null && record.sector !== null && record.sector !== sector) return;
        const distance = haversineKm(lat, lon, record.anchor.event.lat!, record.anchor.event.lon!);
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

  private rescore(record: AlertRecord): void {
    record.score = scoreOnly(this.model, record.evidence);
    record.severity = severityOf(record.score);
    record.version += 1;
    record.view = null;
    record.frozen = null;
  }

  /** Re-files an alert whose rank key or state changed. */
  private touch(record: AlertRecord): void {
    record.version += 1;
    record.view = null;
    record.frozen = null;
    if (!record.closed) this.pushRank(record);
  }

  private pushRank(record: AlertRecord): void {
    this.ranking.push({
      record,
      version: record.version,
      quiet: record.quiet,
      score: record.score,
      firstAt: record.firstAt,
      id: record.id,
    });
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
      rank.push({
        record,
        version: record.version,
        quiet: record.quiet,
        score: record.score,
        firstAt: record.firstAt,
        id: record.id,
      });
      if (!record.quiet) quiet.push({ record, due: record.lastShownAt + this.quietMs });
    }
    this.ranking.rebuild(rank);
    this.quietDue.rebuild(quiet);
  }

  private viewOf(record: AlertRecord): AlertView {
    if (!record.view) {
      const breakdown = scoreEvidence(this.model, record.evidence);
      record.view = buildAlertView(this.model, this.zonesById, record, breakdown);
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
    score: record.score,
    severity: record.severity,
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
    version: record.version,
    cellKey: record.cellKey,
    gridEntry: null,
    view: null,
    frozen: null,
  };
}
