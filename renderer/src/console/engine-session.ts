// The thin adapter between shared/exercise's ExerciseEngine and the console:
// its snapshot mapped to the console's view model, listeners coalesced to at
// most one notification per animation frame, and the two transport steps the
// engine has no single intent for (next event, next alert). While the clock
// runs it logs clock checkpoints, so a killed window resumes where it was.
import type { AlertSnapshot, ExerciseSnapshot } from '../../../shared/exercise/exercise-snapshot';
import type { ExerciseEngine } from '../../../shared/exercise/exercise-engine';
import type { LoadedScenario, ReplayEvent } from '../../../shared/scenario/loaded-scenario';
import type { SimCellStatus } from '../../../shared/exercise/sim-cell-status';
import { engineSimCell } from '../../../shared/exercise/engine-sim-cell';
import { reportsOf, type ProductView } from '../../../shared/exercise/report-products';
import {
  buildExercisePlan,
  planEventsShown,
  type ExercisePlan,
} from '../../../shared/exercise/exercise-plan';
import type {
  ActorRole,
  AlertView,
  ConsoleCommands,
  ConsoleSession,
  ConsoleSnapshot,
  FactorView,
  ProtocolView,
} from './view-model';

const FACTOR_LABELS: Record<string, string> = {
  act: 'Act',
  weapon: 'Weapon',
  place: 'Place of the weapon',
  separation: 'Separation zone',
  line: 'Near the line',
  protected: 'Protected place',
  mission: 'Attack on the mission',
  'fire-across': 'Across the line',
  harm: 'Harm',
  scale: 'Scale',
  sustained: 'Sustained',
  floor: 'Floor',
  clamp: 'Clamp',
  // Certainty factors (points of 0–100).
  source: 'Source',
  agreement: 'Agreement',
  confirmed: 'Confirmed',
  cleared: 'Cleared',
};

function factorViews(
  factors: readonly { factor: string; contribution: number; reason: string }[],
): FactorView[] {
  return factors.map((f) => ({
    id: f.factor,
    label: FACTOR_LABELS[f.factor] ?? f.factor,
    points: f.contribution,
    reason: f.reason,
  }));
}

/** Wall ms handed to one engine tick, and the most wall time carried over. */
const MAX_SLICE_WALL_MS = 50;
const MAX_OWED_WALL_MS = 250;

/** Wall time between clock checkpoints while playing: at most this much × speed is lost to a kill. */
export const CHECKPOINT_EVERY_WALL_MS = 5000;

/** Wall ms between rebuilds of the report products list while entries keep coming. */
const REPORTS_EVERY_WALL_MS = 1000;
/** Wall ms between the console's snapshots while a skip runs (else one a frame). */
const SKIP_NOTIFY_EVERY_WALL_MS = 500;

/** At most this many events are stepped over looking for the next alert. */
const MAX_STEP_EVENTS = 100_000;

function protocolViewOf(p: NonNullable<AlertSnapshot['protocol']>): ProtocolView {
  return {
    stepId: p.stepId,
    stepTitle: p.stepTitle,
    instructions: p.instructions,
    role: p.role === 'none' ? 'any' : p.role,
    enteredAt: p.enteredAt,
    deadlineAt: p.deadlineAt,
    breached: p.deadlineStatus === 'breached',
    actions: p.actions,
    acks: p.acks.map((a) => ({
      partyId: a.partyId,
      partyName: a.partyName,
      ack: a.ack ? { by: a.ack.recordedBy, at: a.ack.at, how: a.ack.how } : null,
    })),
    history: p.history.map((h) => ({
      stepId: h.stepId,
      stepTitle: h.stepTitle,
      enteredAt: h.enteredAt,
      reason: h.breachedAt !== null ? `${h.reason}; deadline breached` : h.reason,
      actor: h.actor,
      breachedAt: h.breachedAt,
    })),
    closed: p.closed,
    suggestedJump: p.severityPrompt?.targetTitle ?? null,
  };
}

/**
 * One engine alert as the queue, detail and map render it. `modelVersion` 1
 * (a read-only version-1 log): the gravity is the score the log recorded and
 * there is no certainty to show (the tracker's stand-in is not a measure).
 */
export function alertViewOf(a: AlertSnapshot, modelVersion: 1 | 2 = 2): AlertView {
  const v = a.view;
  return {
    id: a.id,
    rank: a.rank,
    state: a.state,
    gravity: a.gravity,
    severity: a.severity,
    certainty:
      modelVersion === 2
        ? {
            value: a.certainty,
            band: a.certaintyBand,
            factors: factorViews(v.certaintyFactors),
            incompatibleReports: v.incompatibleReports,
          }
        : null,
    title: a.view.title,
    shortTitle: a.view.shortTitle,
    zoneIds: a.view.zones,
    sources: a.view.sources,
    firstAt: a.view.firstAt,
    lastAt: a.view.lastAt,
    quiet: a.quiet,
    acknowledged: a.acknowledged !== null,
    eventSeqs: a.eventSeqs,
    factors: factorViews(v.factors),
    links: v.links.map((l) => ({ eventId: l.eventId, refersTo: l.refersTo, alertId: l.alertId })),
    continues: v.continues,
    incident: a.incident
      ? {
          id: a.incident.id,
          alertIds: a.incident.alertIds,
          primary: a.incident.primary,
          gravity: a.incident.gravity,
          severity: a.incident.severity,
          certainty: a.incident.certainty,
          certaintyBand: a.incident.certaintyBand,
        }
      : null,
    protocol: a.protocol ? protocolViewOf(a.protocol) : null,
    run: a.run,
    messageIds: a.messages,
    lat: a.view.lat,
    lon: a.view.lon,
  };
}

// The engine reuses an unchanged alert's snapshot object, so its view is reused
// too (one engine, one model version: the key need not hold it).
const viewCache = new WeakMap<AlertSnapshot, AlertView>();

function cachedAlertView(a: AlertSnapshot, modelVersion: 1 | 2): AlertView {
  let view = viewCache.get(a);
  if (!view) {
    view = alertViewOf(a, modelVersion);
    viewCache.set(a, view);
  }
  return view;
}

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The console snapshot of an engine snapshot, alerts in the engine's rank order (never re-sorted). */
export function consoleSnapshotOf(
  s: ExerciseSnapshot,
  modelVersion: 1 | 2 = 2,
  simCell: SimCellStatus | null = null,
  reports: readonly ProductView[] | null = null,
  plan: ExercisePlan | null = null,
  withheld: readonly number[] = [],
): ConsoleSnapshot {
  return {
    simCell,
    reports,
    plan,
    withheld,
    injectedCount: s.injectedCount,
    skip: null,
    clock: { ...s.clock },
    shownCount: s.shownCount,
    alerts: s.alerts.map((a) => cachedAlertView(a, modelVersion)),
    fault: s.fault,
    ended: s.ended,
    headSeq: s.head?.seq ?? 0,
  };
}

/**
 * The console's snapshots of an engine for a participant's role, each mapped
 * once per engine snapshot: an unchanged alert (and the alerts array, the
 * SimCell, the plan, the withheld list while unchanged) keeps its identity,
 * so memoised views and the delta encoders skip it with one comparison. Used
 * by the host's own console and by each console seat of its room.
 */
export function consoleSnapshotsOf(
  engine: ExerciseEngine,
  role: ActorRole,
  options: {
    wallNow?: () => number;
    /**
     * Whether a skip (a seek or step) runs: the clock moves with the engine
     * paused. The engine's own grouped skip counts by default, so a room
     * seat's console is held during the controller's "Skip to" as the host's is.
     */
    skipping?: () => boolean;
  } = {},
): () => ConsoleSnapshot {
  const wallNow = options.wallNow ?? (() => performance.now());
  const skipping = options.skipping ?? (() => engine.skipping);
  const modelVersion = engine.readOnly === null ? 2 : 1;
  let source: ExerciseSnapshot | null = null;
  let mapped: ConsoleSnapshot | null = null;
  /** True while the snapshot given out is a skip's (alerts held): the first one after is mapped afresh. */
  let held = false;
  const planOf = planFor(engine, role);
  // The products list changes only with the log (and as a daily cut-off is
  // passed), so it is rebuilt then, not every frame; at speed or while a skip
  // runs at most once a wall second, except at once when a product was written.
  let reports: {
    seq: number;
    nextDue: number;
    products: number;
    shown: number;
    at: number;
    list: readonly ProductView[] | null;
  } | null = null;
  const reportsNow = (): readonly ProductView[] | null => {
    if (engine.runCtx === null) return null;
    const seq = engine.lastEntry?.seq ?? 0;
    const products = engine.products().length;
    const changed =
      reports === null ||
      seq !== reports.seq ||
      engine.now >= reports.nextDue ||
      engine.shownCount !== reports.shown;
    // Paused, an intent's effect shows at once (no further frame would refresh it);
    // a skip over weeks logs an entry per event, and each rebuild reads every incident.
    const stale =
      reports === null ||
      products !== reports.products ||
      (changed &&
        ((!engine.playing && !skipping()) || wallNow() - reports.at >= REPORTS_EVERY_WALL_MS));
    if (stale) {
      const list = reportsOf(engine);
      // The next daily cut-off ahead: passing it makes its report due.
      const nextDue = list?.find((p) => p.dueFrom > engine.now)?.dueFrom ?? Infinity;
      reports = { seq, products, shown: engine.shownCount, nextDue, at: wallNow(), list };
    }
    return reports!.list;
  };

  const getSnapshot = (): ConsoleSnapshot => {
    const current = engine.getSnapshot();
    if (skipping() && mapped !== null) {
      held = true;
      // While a skip runs the console is shown the clock moving and how far it
      // got, not its alerts: mapping, sending and rendering thousands of changed
      // alerts twice a second kept the UI thread busy for the whole skip.
      if (current !== source) {
        source = current;
        mapped = {
          ...mapped,
          clock: { ...current.clock },
          shownCount: current.shownCount,
          injectedCount: current.injectedCount,
          headSeq: current.head?.seq ?? 0,
          fault: current.fault,
          skip: { alerts: current.alerts.length },
        };
      }
      return mapped;
    }
    // A skip ended: its last reports are rebuilt and mapped, though the engine
    // may not have changed since the last held snapshot.
    const ended = held;
    if (ended) {
      held = false;
      reports = null;
    }
    if (current !== source || mapped === null || ended) {
      source = current;
      const next = consoleSnapshotOf(
        current,
        modelVersion,
        simCellOf(engine, current, role),
        reportsNow(),
        planOf(current),
        [...engine.controlledInjects().keys()],
      );
      // Unchanged alerts keep the previous array, so memoised views and the
      // worker's delta skip them with one comparison.
      if (mapped !== null && sameItems(mapped.alerts, next.alerts)) next.alerts = mapped.alerts;
      if (mapped !== null && sameJson(mapped.simCell, next.simCell)) next.simCell = mapped.simCell;
      if (mapped !== null && sameJson(mapped.plan, next.plan)) next.plan = mapped.plan;
      if (mapped !== null && sameItems(mapped.withheld, next.withheld))
        next.withheld = mapped.withheld;
      mapped = next;
    }
    return mapped;
  };
  return getSnapshot;
}

export interface EngineSessionOptions {
  engine: ExerciseEngine;
  scenario: LoadedScenario;
  participant: { name: string; role: ActorRole };
  /** Schedules a coalesced notification; requestAnimationFrame in the browser. */
  schedule?: (run: () => void) => void;
  /** Releases what the session holds (the log's writer lock). */
  onClose?: () => void;
  /** Wall clock for the checkpoint cadence, ms; performance.now() by default. */
  wallNow?: () => number;
  /** Wall ms between checkpoints while playing; CHECKPOINT_EVERY_WALL_MS by default. */
  checkpointEveryWallMs?: number;
}

/** A console session on a real engine, with what the worker and page lifecycle need besides. */
export interface EngineConsoleSession extends ConsoleSession {
  /** Logs a clock checkpoint now if the clock moved since the last entry; resolves whether it did. */
  checkpointNow(): Promise<boolean>;
}

/**
 * The SimCell panel's data for a controller's session of a version-2
 * exercise, else null: the party script is controller-only material, so an
 * operator's session never computes or receives it.
 */
export function simCellOf(
  engine: ExerciseEngine,
  snapshot: ExerciseSnapshot,
  role: ActorRole,
): SimCellStatus | null {
  if (role !== 'controller') return null;
  return engineSimCell(engine, snapshot, engine.setup.scenario.partyScript);
}

/**
 * The controller's plan (controller-only: it holds ground truth and expected
 * actions), worked out again only when the log, the injected events or the
 * shown events it reads moved (not on every frame of a running clock).
 */
function planFor(engine: ExerciseEngine, role: ActorRole) {
  let key = '';
  let plan: ExercisePlan | null = null;
  return (snapshot: ExerciseSnapshot): ExercisePlan | null => {
    if (role !== 'controller') return null;
    const next = `${snapshot.head?.seq ?? 0}|${planEventsShown(engine)}|${snapshot.injectedCount}|${snapshot.ended}`;
    if (next !== key || plan === null) {
      key = next;
      plan = buildExercisePlan(engine);
    }
    return plan;
  };
}

/** A ConsoleSession driving a real ExerciseEngine. */
export function engineSession(options: EngineSessionOptions): EngineConsoleSession {
  const { engine, scenario, participant } = options;
  // Only a log recorded with the version-1 model opens read-only (docs/ALERTS-AND-SEVERITY.md).
  const readOnly = engine.readOnly;
  const schedule =
    options.schedule ?? ((run: () => void) => void requestAnimationFrame(() => run()));
  const listeners = new Set<() => void>();
  let pending = false;
  let closed = false;
  let ticking = false;
  let owedWallMs = 0;
  const wallNow = options.wallNow ?? (() => performance.now());
  const checkpointEvery = options.checkpointEveryWallMs ?? CHECKPOINT_EVERY_WALL_MS;
  // Any entry logged restarts the cadence: it already records the clock.
  let seenSeq = -1;
  let loggedAtWall = 0;

  const checkpointNow = async (): Promise<boolean> => {
    if (closed || readOnly !== null || engine.ended || engine.fault) return false;
    if (!engine.clockMovedSinceLastEntry()) return false;
    await engine.checkpoint();
    seenSeq = engine.lastEntry?.seq ?? 0;
    loggedAtWall = wallNow();
    return true;
  };

  const checkpointIfDue = async () => {
    const now = wallNow();
    const seq = engine.lastEntry?.seq ?? 0;
    if (seq !== seenSeq) {
      seenSeq = seq;
      loggedAtWall = now;
    }
    // The clock stops by itself at the scenario end, unlogged: record where at once.
    const stoppedAtEnd = !engine.playing && engine.now >= scenario.end;
    if (!stoppedAtEnd && (!engine.playing || now - loggedAtWall < checkpointEvery)) return;
    await checkpointNow();
  };

  /** Skips (seeks and steps) under way: the clock moves with the engine paused. */
  let skipping = 0;
  let notifiedAt = -Infinity;
  const flush = () => {
    // While a skip runs the console is shown it moving, not each of its events:
    // every snapshot maps every alert, and a skip over weeks logs thousands.
    if (skipping > 0 && wallNow() - notifiedAt < SKIP_NOTIFY_EVERY_WALL_MS) {
      schedule(flush);
      return;
    }
    pending = false;
    notifiedAt = wallNow();
    for (const listener of listeners) listener();
  };
  const notify = () => {
    if (pending || closed) return;
    pending = true;
    schedule(flush);
  };
  const unsubscribeEngine = engine.subscribe(notify);

  const snapshots = consoleSnapshotsOf(engine, participant.role, {
    wallNow,
    skipping: () => skipping > 0 || engine.skipping,
  });
  const getSnapshot = (): ConsoleSnapshot => snapshots();

  const skip = async (run: () => Promise<void>): Promise<void> => {
    skipping++;
    try {
      await run();
    } finally {
      skipping--;
      // The held snapshot gives way to the skip's result at the next read.
      if (skipping === 0) notify();
    }
  };

  const eventAt = (seq: number): ReplayEvent | undefined => {
    const n = scenario.events.length;
    return seq < n ? scenario.events[seq] : engine.injectedEvents()[seq - n];
  };

  const stepToNextEvent = () =>
    skip(async () => {
      const at = engine.nextEventAt();
      if (at === null) throw new Error('no further events in this scenario');
      // A logged seek, so the step survives a reload like any other clock intent.
      await engine.seek(Math.max(at, engine.now));
    });

  const stepToNextAlertNow = async () => {
    const before = new Set(engine.getSnapshot().alerts.map((a) => a.id));
    for (let i = 0; i < MAX_STEP_EVENTS; i++) {
      const at = engine.nextEventAt();
      if (at === null) throw new Error('no further alerts in this scenario');
      await engine.advanceTo(Math.max(at, engine.now));
      if (engine.getSnapshot().alerts.some((a) => !before.has(a.id))) return;
    }
    throw new Error(`no new alert within the next ${MAX_STEP_EVENTS} events`);
  };
  const stepToNextAlert = () => skip(stepToNextAlertNow);

  const commands = (): ConsoleCommands => ({
    play: () => engine.play(),
    pause: (reason) => engine.pause(reason),
    autoPause: (rule, reason) => engine.autoPause(rule, reason),
    autoSlow: (rule, speed, reason) => engine.autoSlow(rule, speed, reason),
    setSpeed: (speed) => engine.setSpeed(speed),
    // A skip writes its log in groups: one durable commit per event would take minutes.
    seek: (to) => skip(() => engine.seek(to, engine.actor, { inGroups: true })),
    stepToNextEvent,
    stepToNextAlert,
    acknowledge: (id) => engine.acknowledge(id),
    startProtocol: (id) => engine.startProtocol(id),
    act: (id, action, inputs) => engine.act(id, action, inputs),
    jumpToEntry: (id) => engine.jumpToEntry(id),
    dismissSeverityPrompt: (id) => engine.dismissSeverityPrompt(id),
    ackParty: (id, party, how) => engine.ackParty(id, party, how),
    inject: (summary, extra) => engine.inject({ summary, ...extra }),
    link: (primary, other) => engine.link(primary, other),
    unlink: (id) => engine.unlink(id),
    actInTrack: (id, track, action, inputs) => engine.takeAction(id, { track, action, inputs }),
    ackPartyInTrack: (id, track, party, how) =>
      engine.ackParty(id, party, how, engine.actor, track),
    takeOverParty: (party) => engine.takeOverParty(party),
    handBackParty: (party) => engine.handBackParty(party),
    partyMove: async (id, party, track, move, inputs) => {
      refuseUnlessController(participant.role);
      // As that party's liaison: the engine logs the move in the party's role
      // and accepts it only from the controller who took the party over.
      await engine.takeAction(
        id,
        { track, action: move, party, inputs },
        { name: participant.name, role: 'party', party },
      );
    },
    chairAction: async (id, track, action, inputs) => {
      refuseUnlessController(participant.role, "act as the guarantors' chair");
      // The controller plays the guarantors' chair: logged in the chair's role,
      // by name; the engine checks the role itself.
      await engine.chairAction(id, { track, action, inputs }, participant);
    },
    partyAck: async (id, party, track, how) => {
      refuseUnlessController(participant.role);
      await engine.ackParty(
        id,
        party,
        how,
        { name: participant.name, role: 'party', party },
        track,
      );
    },
    linkMessage: (eventId, alertId) => engine.linkMessage(eventId, alertId),
    note: (text) => engine.note(text),
    issueProduct: (product, text, alertId) =>
      engine.issueProduct(product, text, alertId ?? undefined),
    controlInject: (eventId, control) => engine.controlInject(eventId, control),
  });

  // On this (UI) thread the page's own hide events can ask for a checkpoint
  // (best effort: a closing page may not finish the write; the cadence is the guarantee).
  const stopWatchingPage = watchPageHide(() => void checkpointNow().catch(() => {}));

  return {
    scenario,
    actor: participant.name,
    role: participant.role,
    getSnapshot,
    eventAt,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    tick(wallMs) {
      if (readOnly !== null) return;
      // One tick in flight at a time: while the log is writing, frames add up
      // their wall time instead of queueing ticks behind it.
      owedWallMs += wallMs;
      if (ticking) return;
      // Small slices keep a pause or an action from queueing behind hours of
      // replay at 86400x; time owed beyond the engine's own cap is dropped.
      const slice = Math.min(owedWallMs, MAX_SLICE_WALL_MS);
      owedWallMs = Math.min(owedWallMs - slice, MAX_OWED_WALL_MS);
      ticking = true;
      engine
        .tick(slice)
        .then(checkpointIfDue)
        .catch(() => {
          // A failed write sets engine.fault, which the snapshot shows.
        })
        .finally(() => (ticking = false));
    },
    readOnly,
    protocolFormat: engine.protocolFormat,
    commands: readOnly === null ? commands() : refusingCommands(readOnly),
    checkpointNow,
    close() {
      closed = true;
      stopWatchingPage();
      unsubscribeEngine();
      listeners.clear();
      options.onClose?.();
    },
  };
}

/** Commands of a read-only exercise: each is refused, saying why. */
function refusingCommands(reason: string): ConsoleCommands {
  const refuse = () => Promise.reject(new Error(`read-only: ${reason}`));
  return {
    play: refuse,
    pause: refuse,
    autoPause: refuse,
    autoSlow: refuse,
    setSpeed: refuse,
    seek: refuse,
    stepToNextEvent: refuse,
    stepToNextAlert: refuse,
    acknowledge: refuse,
    startProtocol: refuse,
    act: refuse,
    jumpToEntry: refuse,
    dismissSeverityPrompt: refuse,
    ackParty: refuse,
    inject: refuse,
    link: refuse,
    unlink: refuse,
    actInTrack: refuse,
    ackPartyInTrack: refuse,
    takeOverParty: refuse,
    handBackParty: refuse,
    partyMove: refuse,
    partyAck: refuse,
    chairAction: refuse,
    linkMessage: refuse,
    note: refuse,
    issueProduct: refuse,
    controlInject: refuse,
  };
}

/** Only the controller's SimCell speaks for a party (the engine refuses anyone else too). */
function refuseUnlessController(role: ActorRole, what = 'act for a party'): void {
  if (role !== 'controller') {
    throw new Error(`an ${role} cannot ${what}: only the controller's SimCell can`);
  }
}

/** Calls `onHide` on pagehide and when the page becomes hidden; returns the unsubscribe (no-op off the UI thread). */
export function watchPageHide(onHide: () => void): () => void {
  if (typeof document === 'undefined' || typeof window === 'undefined') return () => {};
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') onHide();
  };
  window.addEventListener('pagehide', onHide);
  document.addEventListener('visibilitychange', onVisibility);
  return () => {
    window.removeEventListener('pagehide', onHide);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
