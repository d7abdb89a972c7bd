// The exercise engine: scenario + exercise clock + log -> state. Every change
// of state comes from a log entry: operator and controller intents are
// checked, logged, and applied only once the append resolved; system entries
// (alerts opened, severity changes, deadline warnings and breaches, automatic
// escalations) are logged as the exercise clock reaches them, in order.
import type { EntryDraft, LogEntry } from '../audit/entry';
import {
  applyAction,
  applyBreach,
  applyNewEvent,
  applyEntryRise,
  applyPartyAck,
  applySeverityJump,
  applyWarning,
  breachTarget,
  checkAction,
  checkPartyAck,
  checkSeverityJump,
  currentVisit,
  dismissSeverityPrompt,
  entryStepForBands,
  manualEntryStep,
  newEventTarget,
  nextTimer,
  startProtocol,
  type ActionInputs,
  type AlertProtocolState,
  type ProtocolContext,
} from '../protocol/protocol-state';
import { CLOSE_STEP, isPartyMove } from '../protocol/schema';
import type { Protocol } from '../protocol/load-protocol';
import {
  applyEntryJump,
  applyRunBreach,
  checkEntryPrompt,
  entryPromptApplies,
  applyRunNewEvent,
  applyRunWarning,
  checkRunAck,
  checkRunAction,
  currentTrackVisit,
  missingRunAcks,
  nextRunTimer,
  openTracks,
  recordRunAck,
  runBreachTarget,
  runEntryStep,
  runManualEntryStep,
  startRun,
  takeAction,
  type ProtocolRun,
  type RunActor,
  type RunContext,
  type RunIntent,
} from '../protocol/protocol-run';
import { checkSeek } from '../protocol/seek-rules';
import { TimerMap } from './timer-map';
import { createZoneLocator } from '../geo/zone-locator';
import {
  describeLoneSurrogate,
  findLoneSurrogate,
  loneSurrogateIndex,
} from '../json/well-formed-text';
import type { ReplayEvent } from '../scenario/loaded-scenario';
import type { ScenarioEvent } from '../scenario/schema';
import { certaintyRose, severityRose } from '../alerts/bands';
import {
  type AlertChange,
  type AlertTracker,
  type TrackedAlert,
  type TrackedBands,
  type TrackedMeasures,
} from './alert-tracker';
import { isProtocolV2, type ExerciseSetup } from './exercise-setup';
import {
  SCRIPTED_ACTOR,
  scriptedActor,
  scriptedMoves,
  type ScriptedMove,
} from './scripted-parties';
import { messageSeqs } from './messages';
import { conductOf, partyName, scriptOf } from './sim-cell';
import { buildSnapshot, type ExerciseSnapshot } from './exercise-snapshot';
import { PRODUCT_TITLES, productTakingAction } from './report-products';
import {
  LOG_DATA,
  type DraftOf,
  type ClockData,
  type ExerciseDraft,
  type ExerciseKind,
  type InjectData,
  type InjectControlData,
  type LinkData,
  type LogDataOf,
  type ProtocolActionData,
  type ReportProduct,
  REPORT_PRODUCTS,
  isAutomaticPause,
  isAutomaticSpeed,
} from './log-data';

/** Who performs an intent. */
export interface ExerciseActor {
  name: string;
  role: 'operator' | 'controller';
}

/** Raised when an intent is refused; nothing was logged. The message says why. */
export class IntentRefused extends Error {
  override name = 'IntentRefused';
}

/**
 * Commits drafts and returns the sealed entries, or null when a read-only
 * replay has reached the end of its log (the engine then stops there).
 */
export type EntrySink = (drafts: EntryDraft[]) => Promise<LogEntry[] | null>;

/** Operator-visible facts about one alert the engine keeps beside the tracker. */
export interface AlertBookkeeping {
  openedAt: number;
  /** Severity when it entered the protocol or was last logged. */
  severity: ExerciseSnapshot['alerts'][number]['severity'];
  acknowledged: { by: string; at: number } | null;
  /** Notes written about the alert, oldest first. */
  notes: readonly AlertNote[];
  /** Event ids of the messages (controller injects) linked to it, in the order linked. */
  messages: readonly string[];
}

/** A note an operator or controller wrote about an alert. */
export interface AlertNote {
  by: string;
  at: number;
  text: string;
}

/** A deadline of a run's step (version 2: of a track's), or a party's scripted move due. */
type EngineTimer =
  | { at: number; alertId: string; kind: 'deadline-warning' | 'deadline-breach'; track?: string }
  | { at: number; alertId: string; kind: 'scripted'; move: ScriptedMove };

/** Earliest first; at one instant deadlines before scripted moves, then by alert id. */
function timerBefore(a: EngineTimer, b: EngineTimer): boolean {
  const rank = (t: EngineTimer) => (t.kind === 'scripted' ? 1 : 0);
  if (a.at !== b.at) return a.at < b.at;
  if (rank(a) !== rank(b)) return rank(a) < rank(b);
  return a.alertId < b.alertId;
}

/** A report product the mission issued. */
export interface IssuedProduct {
  product: ReportProduct;
  text: string;
  alertId: string | null;
  at: number;
  by: string;
}

/** What an inject intent carries. */
export interface InjectInput {
  summary: string;
  lat?: number;
  lon?: number;
  from?: string;
  to?: string;
  method?: string;
}

/** What the controller does with a scripted inject not yet delivered. */
export type InjectControl =
  | { action: 'hold' }
  | { action: 'release' }
  | { action: 'deliver' }
  | { action: 'move'; to: number };

/**
 * A scripted inject the controller has taken in hand: when it is due
 * (exercise time, epoch ms) and whether it is held. Its place in the
 * scenario is passed over; it is delivered when the clock reaches `due`
 * unless held.
 */
export interface InjectSchedule {
  due: number;
  held: boolean;
}

const SYSTEM = { actor: 'system', role: 'system' } as const;

/** What a person calls a field of an intent's entry ("data.text" is the text they typed). */
function typedField(path: string): string {
  if (path === 'actor') return 'the participant name';
  const input = /^data\.inputs\.(.+)$/.exec(path);
  if (input) return `the "${input[1]}" field`;
  const member = /^data\.([a-z_]+)$/.exec(path);
  if (member) return `the ${member[1]!.replace(/_/g, ' ')}`;
  return path;
}
/** The kinds an operator or controller logs; resuming parses their data with LOG_DATA. */
const INTENT_KINDS = [
  'clock',
  'ack',
  'party-ack',
  'note',
  'inject',
  'exercise-ended',
  'export',
  'protocol-action',
  'link',
  'unlink',
  'party-move',
  'report-product',
  'party-take-over',
  'party-hand-back',
  'message-linked',
  'inject-control',
] as const satisfies readonly ExerciseKind[];
type IntentKind = (typeof INTENT_KINDS)[number];
/** An intent entry's kind with its data as its kind's schema parsed it. */
type IntentData = { [K in IntentKind]: { kind: K; data: LogDataOf<K> } }[IntentKind];
const isIntentKind = (kind: string): kind is IntentKind =>
  (INTENT_KINDS as readonly string[]).includes(kind);
/** Longest slice of wall time one tick turns into exercise time: a slow frame never jumps. */
const MAX_TICK_WALL_MS = 250;
const iso = (ms: number) => new Date(ms).toISOString();
const isCheckpoint = (entry: Pick<LogEntry, 'kind' | 'data'>) =>
  entry.kind === 'clock' && (entry.data as { action?: unknown }).action === 'checkpoint';
/**
 * Entries a skip writes at once (see seek's `inGroups`): one log transaction
 * for this many instead of one per event. A skip over weeks logs tens of
 * thousands of entries, and each durable IndexedDB commit costs milliseconds.
 */
export const SKIP_GROUP_ENTRIES = 1000;

/**
 * Where the exercise clock stands once `entry` has taken effect, as a resume
 * replaying the log up to it finds it; null when the entry carries no time.
 * That is the entry's exercise time, except for a backward seek: it is logged
 * at the time it left, and the clock it leaves stands at its target. (A
 * forward seek is logged at its start too; the events it passes are logged
 * after it, and a checkpoint at its target has always been accepted, so logs
 * holding one still resume.)
 */
function clockAfterEntry(entry: LogEntry): number | null {
  if (entry.exercise_time === null) return null;
  const at = Date.parse(entry.exercise_time);
  const data = entry.data as { action?: unknown; to?: unknown };
  if (entry.kind === 'clock' && data.action === 'seek' && typeof data.to === 'string') {
    const to = Date.parse(data.to);
    if (to < at) return to;
  }
  return at;
}

/** The `exercise-created` draft of a new exercise. */
export function exerciseCreatedDraft(
  setup: ExerciseSetup,
  actor: ExerciseActor,
): DraftOf<'exercise-created'> {
  const { scenario, protocol, scoring } = setup;
  const data: LogDataOf<'exercise-created'> = {
    title: scenario.title,
    classification: scenario.classification,
    scenario_id: scenario.id,
    scenario_hash: scenario.hash,
    scenario_start: iso(scenario.start),
    scenario_end: iso(scenario.end),
    scoring: { hash: scoring.hash, document: scoring.model },
    protocol: { hash: protocol.hash, document: protocol.document },
    app_version: setup.appVersion,
  };
  return {
    exercise_time: iso(scenario.start),
    actor: actor.name,
    role: actor.role,
    kind: 'exercise-created',
    data,
  };
}

/** The engine of one exercise. Create with createExercise or resumeExercise. */
export class ExerciseEngine {
  readonly setup: ExerciseSetup;
  /** What a protocol-version-2 run needs (null: the exercise runs version 1). */
  readonly runCtx: RunContext | null;
  readonly #ctx: ProtocolContext | null;
  /** The actor intents default to (the console's user). */
  actor: ExerciseActor;

  #sink: EntrySink;
  #tracker: AlertTracker;
  #now: number;
  #playing = false;
  #speed = 1;
  /** Fraction of a millisecond left over by the last tick (the clock moves in whole ms). */
  #tickCarry = 0;
  /**
   * Protocol runs, keyed by the alert that owns them: a lone alert, or the
   * primary of an incident (whose alerts share its run).
   */
  #protocols = new TimerMap<string, AlertProtocolState, EngineTimer>(
    (alertId, state) => {
      const timer = nextTimer(state);
      return timer ? { ...timer, alertId } : null;
    },
    (a, b) => a.at < b.at || (a.at === b.at && a.alertId < b.alertId),
  );
  /** Runs ended by a link (the linked alert's incident follows another run), for the record. */
  #superseded = new Map<string, AlertProtocolState>();
  /** Protocol-version-2 runs, keyed like #protocols. */
  #runs = new TimerMap<string, ProtocolRun, EngineTimer>(
    (unit, run) => this.#runTimerOf(unit, run),
    timerBefore,
  );
  #supersededRuns = new Map<string, ProtocolRun>();
  /** Parties a controller has taken over (party id -> the controller's name). */
  #takenOver = new Map<string, string>();
  /** Report products issued, in order. */
  #products: IssuedProduct[] = [];
  /** True once any alerts have been linked (backwards seeking is then refused). */
  #linked = false;
  #alerts = new Map<string, AlertBookkeeping>();
  #protocolStarted = false;
  #ended = false;
  #stopped = false;
  #fault: string | null = null;
  #lastEntry: LogEntry | null = null;
  #lastActed = new Map<string, number>();
  /**
   * While a skip runs in groups (seek with `inGroups`): the drafts already
   * applied and not yet written, written together every SKIP_GROUP_ENTRIES
   * and when the skip ends. Null otherwise: each step is committed, then applied.
   */
  #group: ExerciseDraft[] | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  #listeners = new Set<() => void>();
  #snapshot: ExerciseSnapshot | null = null;
  #locate: ReturnType<typeof createZoneLocator>;
  /** The scenario's messages (inject events) by event id, built at the first message link. */
  #messageSeqs: Map<string, number> | null = null;
  /** Ids taken by events, built at the first inject (a million ids cost a second to collect). */
  #eventIds: Set<string> | null = null;
  /** Scripted injects the controller has held, moved or delivered, by scenario seq. */
  #controlled = new Map<number, InjectSchedule>();
  /** The next controlled inject to deliver (undefined: not worked out since the last change). */
  #nextDelivery: { seq: number; at: number } | null | undefined = null;

  /** Use createExercise or resumeExercise rather than this constructor. */
  constructor(setup: ExerciseSetup, sink: EntrySink, actor: ExerciseActor) {
    const lone = loneSurrogateIndex(actor.name);
    if (lone !== -1) throw new IntentRefused(describeLoneSurrogate('the participant name', lone));
    this.setup = setup;
    const { protocol } = setup;
    const parties = setup.scenario.parties;
    this.#ctx = isProtocolV2(protocol) ? null : { protocol, parties };
    this.runCtx = isProtocolV2(protocol) ? { protocol, parties } : null;
    this.actor = actor;
    this.#sink = sink;
    this.#tracker = setup.createTracker();
    this.#now = setup.scenario.start;
    this.#locate = createZoneLocator(setup.scenario.zones);
  }

  // ---- reading -------------------------------------------------------------

  /** The version-1 protocol context (throws for a version-2 exercise: see runCtx). */
  get ctx(): ProtocolContext {
    if (this.#ctx === null) throw new Error('this exercise runs protocol format version 2');
    return this.#ctx;
  }
  /** The format version of the protocol the exercise runs. */
  get protocolFormat(): 1 | 2 {
    return this.runCtx === null ? 1 : 2;
  }
  /** The version-2 run an alert follows (its incident's, when linked), if it entered the protocol. */
  runOf(alertId: string): ProtocolRun | undefined {
    return this.#runs.get(this.unitOf(alertId));
  }
  /** Every version-2 run, by the alert that owns it. */
  runs(): ReadonlyMap<string, ProtocolRun> {
    return this.#runs;
  }
  /** Version-2 runs ended by a link, by the alert that owned them. */
  supersededProtocolRuns(): ReadonlyMap<string, ProtocolRun> {
    return this.#supersededRuns;
  }
  /** Parties a controller has taken over, with the controller's name. */
  takenOverParties(): ReadonlyMap<string, string> {
    return this.#takenOver;
  }
  /** Report products issued so far, in order. */
  products(): readonly IssuedProduct[] {
    return this.#products;
  }

  /** Exercise time, epoch ms. */
  get now(): number {
    return this.#now;
  }
  /** Whether the exercise clock runs (ticks advance it). */
  get playing(): boolean {
    return this.#playing;
  }
  /** Exercise seconds per wall-clock second. */
  get speed(): number {
    return this.#speed;
  }
  /** True once `exercise-ended` is logged. */
  get ended(): boolean {
    return this.#ended;
  }
  /** Set when the log could not be written: the clock is stopped. */
  get fault(): string | null {
    return this.#fault;
  }
  /** True once any alert has entered the protocol (backwards seeking is then refused). */
  get protocolStarted(): boolean {
    return this.#protocolStarted;
  }
  /** The last entry committed or replayed. */
  get lastEntry(): LogEntry | null {
    return this.#lastEntry;
  }
  /** Exercise time of the last entry logged by this actor, or null. */
  lastActedAt(actorName: string): number | null {
    return this.#lastActed.get(actorName) ?? null;
  }
  /** Scenario events shown so far (injects not counted). */
  get shownCount(): number {
    return this.#tracker.shown;
  }
  /** Events shown so far, scenario and injected, in the order shown. */
  shownEvents(): ReplayEvent[] {
    const withheld = this.#tracker.withheld;
    const shown = this.setup.scenario.events
      .slice(0, this.#tracker.shown)
      .filter((e) => !withheld.has(e.seq));
    return [...shown, ...this.#tracker.injected].sort(
      (a, b) => a.shownAt - b.shownAt || a.seq - b.seq,
    );
  }
  /** Every injected event so far. */
  injectedEvents(): readonly ReplayEvent[] {
    return this.#tracker.injected;
  }
  /** Scripted injects the controller has held, moved or delivered, by scenario seq. */
  controlledInjects(): ReadonlyMap<number, InjectSchedule> {
    return this.#controlled;
  }
  /**
   * When a scripted inject (by scenario seq) was delivered, or null while it
   * is not: at its place in the scenario, or, once the controller took it in
   * hand, when the controller's schedule delivered it.
   */
  injectDeliveredAt(seq: number): number | null {
    const event = this.setup.scenario.events[seq];
    if (!event) return null;
    if (!this.#controlled.has(seq)) return seq < this.#tracker.shown ? event.shownAt : null;
    const id = event.event.id;
    return this.#tracker.injected.find((e) => e.event.id === id)?.shownAt ?? null;
  }
  /** The alert tracker's current alerts, ranked. */
  alerts(): readonly TrackedAlert[] {
    return this.#tracker.ranked();
  }
  /** Protocol state of an alert (its incident's run, when linked), if it entered the protocol. */
  protocolOf(alertId: string): AlertProtocolState | undefined {
    return this.#protocols.get(this.unitOf(alertId));
  }

  /** The alert owning the protocol run an alert follows: its incident's primary, or itself. */
  unitOf(alertId: string): string {
    return this.#tracker.incidentOf(alertId)?.alertIds[0] ?? alertId;
  }

  /** The incident an alert is in (id, alerts with the primary first, measures), or null. */
  incidentOf(alertId: string) {
    return this.#tracker.incidentOf(alertId);
  }

  /** Protocol runs ended by a link, by the alert that owned them. */
  supersededRuns(): ReadonlyMap<string, AlertProtocolState> {
    return this.#superseded;
  }

  /** Why the exercise can only be read (a version-1 log), or null. */
  get readOnly(): string | null {
    return this.setup.readOnly;
  }
  /** Engine-side facts of an alert (opened at, acknowledgement). */
  bookkeepingOf(alertId: string): AlertBookkeeping | undefined {
    return this.#alerts.get(alertId);
  }
  /** Exercise time of the next scenario event still to be shown, or null. */
  nextEventAt(): number | null {
    return this.setup.scenario.events[this.#tracker.shown]?.shownAt ?? null;
  }
  /** Exercise time of the next deadline warning or breach, or null. */
  nextTimerAt(): number | null {
    return this.#nextTimer()?.at ?? null;
  }

  /** An immutable view of the whole exercise for the UI (cached until the next change). */
  getSnapshot(): ExerciseSnapshot {
    this.#snapshot ??= buildSnapshot(
      this,
      this.#tracker,
      (alertId) => this.protocolOf(alertId),
      this.#alerts,
    );
    return this.#snapshot;
  }

  /** Calls the listener after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  // ---- clock intents --------------------------------------------------------

  /** Runs the clock (no log entry) to `to`, logging whatever happens on the way. */
  advanceTo(to: number): Promise<void> {
    return this.#serial(async () => {
      this.#refuseIfHalted();
      await this.#advance(to);
    });
  }

  /** Advances the running clock by wall-clock ms × speed (a UI animation frame). */
  tick(wallMs: number): Promise<void> {
    return this.#serial(async () => {
      if (!this.#playing || this.#ended || this.#fault || this.#stopped) return;
      const slice = Math.min(Math.max(0, wallMs), MAX_TICK_WALL_MS);
      // The log records exercise time in whole milliseconds, so the clock moves in
      // whole milliseconds too (a resumed exercise then stands exactly where this
      // one stood); the fraction is carried to the next tick so nothing drifts.
      const exact = slice * this.#speed + this.#tickCarry;
      const whole = Math.floor(exact);
      this.#tickCarry = exact - whole;
      await this.#advance(this.#now + whole);
    });
  }

  /** Starts the clock (a `clock` entry). */
  play(actor = this.actor): Promise<void> {
    return this.#intent(async () => {
      if (this.#playing) throw new IntentRefused('the clock is already running');
      if (this.#now >= this.setup.scenario.end)
        throw new IntentRefused('the exercise clock is at the scenario end');
      await this.#commitClock(actor, { action: 'play' }, () => (this.#playing = true));
    });
  }

  /** Stops the clock, and with it every deadline. */
  pause(reason?: string, actor = this.actor): Promise<void> {
    return this.#intent(async () => {
      if (!this.#playing) throw new IntentRefused('the clock is already paused');
      const data: ClockData = reason ? { action: 'pause', reason } : { action: 'pause' };
      await this.#commitClock(actor, data, () => (this.#playing = false));
    });
  }

  /**
   * The console's automatic pause (a console rule, e.g. a new critical alert at high speed):
   * logged as the system's, with the rule that decided it, not as the participant's.
   */
  autoPause(rule: string, reason?: string): Promise<void> {
    return this.#intent(async () => {
      if (!this.#playing) throw new IntentRefused('the clock is already paused');
      const data: ClockData = reason
        ? { action: 'pause', reason, rule }
        : { action: 'pause', rule };
      await this.#commitClock(SYSTEM, data, () => {
        this.#playing = false;
      });
    });
  }

  /**
   * The console's automatic slow-down (a tempo rule whose choice is a speed):
   * logged as the system's, with the rule that decided it. Refused unless the
   * clock runs faster than `speed` (a rule slows, never speeds up).
   */
  autoSlow(rule: string, speed: number, reason?: string): Promise<void> {
    return this.#intent(async () => {
      if (!Number.isFinite(speed) || speed <= 0 || speed > 100_000) {
        throw new IntentRefused(`speed must be a number above 0 and at most 100000, not ${speed}`);
      }
      if (!this.#playing) throw new IntentRefused('the clock is paused');
      if (speed >= this.#speed) {
        throw new IntentRefused(
          `the clock already runs at ${this.#speed}×, not faster than ${speed}×`,
        );
      }
      const data: ClockData = reason
        ? { action: 'speed', speed, rule, reason }
        : { action: 'speed', speed, rule };
      await this.#commitClock(SYSTEM, data, () => (this.#speed = speed));
    });
  }

  /** Sets exercise seconds per wall-clock second. */
  setSpeed(speed: number, actor = this.actor): Promise<void> {
    return this.#intent(async () => {
      if (!Number.isFinite(speed) || speed <= 0 || speed > 100_000) {
        throw new IntentRefused(`speed must be a number above 0 and at most 100000, not ${speed}`);
      }
      await this.#commitClock(actor, { action: 'speed', speed }, () => (this.#speed = speed));
    });
  }

  /**
   * Logs where the clock stands (a `clock` checkpoint at the current exercise
   * time), so a resumed exercise runs its clock to here as if it had run.
   * Refused when the clock has not moved since the last entry.
   */
  checkpoint(actor = this.actor): Promise<void> {
    return this.#intent(async () => {
      if (!this.clockMovedSinceLastEntry()) {
        throw new IntentRefused('the clock has not moved since the last log entry');
      }
      await this.#commitClock(actor, { action: 'checkpoint' }, () => {});
    });
  }

  /** True when the exercise clock is past where the last entry left it (see clockAfterEntry). */
  clockMovedSinceLastEntry(): boolean {
    const left = this.#lastEntry ? clockAfterEntry(this.#lastEntry) : null;
    return left === null || this.#now > left;
  }

  /**
   * Seeks the clock: forwards processes everything in between; backwards only
   * per the seek rules. With `inGroups` (the console's and a room's "Skip to")
   * a forward seek writes what it logs SKIP_GROUP_ENTRIES entries at a time:
   * the steps in between are applied before their group is written. A crash
   * during the skip loses at most the last group's entries; the logged seek
   * is replayed on resume, which finishes the skip (docs/ARCHITECTURE.md).
   */
  seek(target: number, actor = this.actor, options: { inGroups?: boolean } = {}): Promise<void> {
    // Whole milliseconds, as the log records them (see tick).
    const to = Math.floor(target);
    return this.#intent(async () => {
      const { start, end } = this.setup.scenario;
      if (!Number.isFinite(to) || to < start || to > end) {
        throw new IntentRefused(
          `seek target ${Number.isFinite(to) ? iso(to) : String(to)} is outside the scenario (${iso(start)} – ${iso(end)})`,
        );
      }
      const refusal = checkSeek(this.#now, to, actor.role, this.#protocolStarted);
      if (refusal) throw new IntentRefused(refusal);
      if (to < this.#now && this.#linked) {
        throw new IntentRefused(
          'alerts have been linked into incidents: seeking backwards would rewrite that history',
        );
      }
      const from = this.#now;
      await this.#commitClock(actor, { action: 'seek', from: iso(from), to: iso(to) }, () => {});
      if (to < from) this.#rebuildAt(to);
      else if (options.inGroups) await this.#inGroups(() => this.#advance(to));
      else await this.#advance(to);
    });
  }

  // ---- operator and controller intents --------------------------------------

  /** The operator acknowledges an alert (read it, taking it on). */
  acknowledge(alertId: string, actor = this.actor): Promise<void> {
    return this.#intent(async () => {
      const book = this.#requireAlert(alertId);
      if (book.acknowledged) throw new IntentRefused(`alert ${alertId} is already acknowledged`);
      const draft = this.#draft(actor, 'ack', {}, alertId);
      await this.#commit([draft], () => {
        this.#alerts.set(alertId, { ...book, acknowledged: { by: actor.name, at: this.#now } });
      });
    });
  }

  /** Starts the protocol by hand at the protocol's manual entry step. */
  startProtocol(alertId: string, actor = this.actor): Promise<void> {
    return this.#intent(async () => {
      if (this.runCtx) return this.#startRunByHand(alertId, actor, this.runCtx);
      // An incident has one protocol run: its primary's, whichever alert is named.
      this.#requireAlert(alertId);
      alertId = this.unitOf(alertId);
      this.#requireAlert(alertId);
      if (this.#protocols.has(alertId))
        throw new IntentRefused(`alert ${alertId} is already in the protocol`);
      if (this.#tracker.get(alertId)?.view.closed)
        throw new IntentRefused(`alert ${alertId} is closed`);
      const step = manualEntryStep(this.#protocolV1);
      if (step === null)
        throw new IntentRefused('this protocol cannot be started by hand (entry.manual is null)');
      const data: ProtocolActionData = { type: 'start', to: step };
      await this.#commit([this.#draft(actor, 'protocol-action', data, alertId, step)], () => {
        this.#enter(
          alertId,
          startProtocol(this.#protocolV1, alertId, step, this.#now, {
            kind: 'manual',
            by: actor.name,
          }),
        );
      });
    });
  }

  /** Takes a protocol action of the alert's current step. */
  act(alertId: string, actionId: string, inputs: ActionInputs, actor = this.actor): Promise<void> {
    return this.#intent(async () => {
      if (this.runCtx) {
        // Version 2: the one open track whose current step offers the action.
        const unit = this.#unitOfOpen(alertId);
        const run = this.#requireRun(unit);
        const offering = openTracks(run).filter(({ visit }) =>
          this.runCtx!.protocol.steps.get(visit.step)?.step.actions.some((a) => a.id === actionId),
        );
        if (offering.length !== 1) {
          const open = openTracks(run)
            .map((t) => `${t.track} at ${t.visit.step}`)
            .join(', ');
          throw new IntentRefused(
            offering.length === 0
              ? `no open track of alert ${unit} offers "${actionId}" (open: ${open || 'none'})`
              : `"${actionId}" is offered in several tracks (${offering.map((t) => t.track).join(', ')}): name the track`,
          );
        }
        return this.#takeRunAction(
          unit,
          { track: offering[0]!.track, action: actionId, inputs },
          actor,
        );
      }
      // An incident has one protocol run: its primary's, whichever alert is named.
      this.#requireAlert(alertId);
      alertId = this.unitOf(alertId);
      const state = this.#requireProtocol(alertId);
      const refusal = checkAction(this.ctx, state, actionId, inputs, actor);
      if (refusal) throw new IntentRefused(refusal);
      const next = applyAction(this.ctx, state, actionId, inputs, actor, this.#now);
      const from = currentVisit(state).step;
      const visit = currentVisit(next);
      const cause = visit.cause as Extract<typeof visit.cause, { kind: 'action' }>;
      const step = this.#protocolV1.steps.get(from)!;
      const label = step.actions.find((a) => a.id === actionId)!.label;
      const data: ProtocolActionData = {
        type: 'action',
        action: actionId,
        label,
        inputs: cause.inputs,
        from,
        to: visit.step,
        ...(visit.step === CLOSE_STEP ? { event_ids: this.#unitEventIds(alertId) } : {}),
      };
      await this.#commit([this.#draft(actor, 'protocol-action', data, alertId, from)], () =>
        this.#setProtocol(alertId, next),
      );
    });
  }

  /** Records a party's acknowledgement in the alert's current step. */
  ackParty(
    alertId: string,
    party: string,
    how: string,
    actor: ExerciseActor | RunActor = this.actor,
    track?: string,
  ): Promise<void> {
    return this.#intent(async () => {
      if (this.runCtx) return this.#ackRunParty(alertId, party, how, actor, track, this.runCtx);
      if (actor.role !== 'operator' && actor.role !== 'controller') {
        throw new IntentRefused(`${actor.role} cannot record acknowledgements in this exercise`);
      }
      const recorder: ExerciseActor = { name: actor.name, role: actor.role };
      // An incident has one protocol run: its primary's, whichever alert is named.
      this.#requireAlert(alertId);
      alertId = this.unitOf(alertId);
      const state = this.#requireProtocol(alertId);
      const refusal = checkPartyAck(this.ctx, state, party, how);
      if (refusal) throw new IntentRefused(refusal);
      const step = currentVisit(state).step;
      const draft = this.#draft(recorder, 'party-ack', { party, how: how.trim() }, alertId, step);
      await this.#commit([draft], () => {
        this.#setProtocol(
          alertId,
          applyPartyAck(this.ctx, state, party, how, actor.name, this.#now),
        );
      });
    });
  }

  /** Accepts the severity-rise prompt: jumps to the higher entry step. */
  jumpToEntry(alertId: string, actor = this.actor): Promise<void> {
    return this.#intent(async () => {
      if (this.runCtx) return this.#answerEntryPrompt(alertId, actor, true);
      // An incident has one protocol run: its primary's, whichever alert is named.
      this.#requireAlert(alertId);
      alertId = this.unitOf(alertId);
      const state = this.#requireProtocol(alertId);
      const refusal = checkSeverityJump(state, actor);
      if (refusal) throw new IntentRefused(refusal);
      const { severity, target } = state.severityPrompt!;
      const from = currentVisit(state).step;
      const data: ProtocolActionData = { type: 'severity-jump', severity, from, to: target };
      await this.#commit([this.#draft(actor, 'protocol-action', data, alertId, from)], () => {
        this.#setProtocol(alertId, applySeverityJump(this.#protocolV1, state, actor, this.#now));
      });
    });
  }

  /** Declines the severity-rise prompt. */
  dismissSeverityPrompt(alertId: string, actor = this.actor): Promise<void> {
    return this.#intent(async () => {
      if (this.runCtx) return this.#answerEntryPrompt(alertId, actor, false);
      // An incident has one protocol run: its primary's, whichever alert is named.
      this.#requireAlert(alertId);
      alertId = this.unitOf(alertId);
      const state = this.#requireProtocol(alertId);
      const refusal = checkSeverityJump(state, actor);
      if (refusal) throw new IntentRefused(refusal);
      const { severity, target } = state.severityPrompt!;
      const data: ProtocolActionData = { type: 'dismiss-severity-prompt', severity, target };
      const from = currentVisit(state).step;
      await this.#commit([this.#draft(actor, 'protocol-action', data, alertId, from)], () => {
        this.#setProtocol(alertId, dismissSeverityPrompt(state));
      });
    });
  }

  /**
   * Takes an action in a track of a version-2 run (docs/ESCALATION-PROTOCOL.md,
   * "Version 2"): role-checked, so an operator cannot make a party's move, and
   * a party's liaison acts only for a party a controller has taken over (the
   * script plays the others).
   */
  takeAction(
    alertId: string,
    intent: RunIntent,
    actor: ExerciseActor | RunActor = this.actor,
  ): Promise<void> {
    return this.#takeActionIntent(alertId, intent, actor, 'live');
  }

  /**
   * Takes an action in the guarantors' chair's role (version 2). The chair is
   * no participant of its own: the controller's SimCell plays it, so only an
   * actor in the controller's role may act as the chair, and the entry is
   * logged in the chair's role under the controller's name.
   */
  chairAction(
    alertId: string,
    intent: RunIntent,
    actor: ExerciseActor = this.actor,
  ): Promise<void> {
    if (actor.role !== 'controller') {
      return Promise.reject(
        new IntentRefused(
          `an ${actor.role} cannot act as the guarantors' chair: only the controller's SimCell plays the chair`,
        ),
      );
    }
    return this.#takeActionIntent(
      alertId,
      intent,
      { name: actor.name, role: 'guarantor-chair' },
      'chair',
    );
  }

  /**
   * `recorded`: the action is being replayed from a log that holds it. A log
   * written before a product's action was refused on its own (an operator
   * could pass the spot report's step with a summary) still resumes as it was.
   */
  #takeActionIntent(
    alertId: string,
    intent: RunIntent,
    actor: ExerciseActor | RunActor,
    how: 'live' | 'chair' | 'recorded',
  ): Promise<void> {
    return this.#intent(async () => {
      this.#requireV2();
      this.#requireAlert(alertId);
      // A caller claiming the chair's role is not trusted: the chair acts
      // through chairAction, which checks that a controller plays it.
      if (how === 'live' && actor.role === 'guarantor-chair') {
        throw new IntentRefused(
          "the guarantors' chair acts only through the controller's SimCell (chairAction, as a controller), not by naming the chair's role",
        );
      }
      await this.#takeRunAction(this.unitOf(alertId), intent, actor, how === 'recorded');
    });
  }

  /** A controller takes over a party: its scripted moves stop, and the controller makes them. */
  takeOverParty(party: string, actor = this.actor): Promise<void> {
    return this.#intent(async () => {
      const ctx = this.#requireV2();
      if (actor.role !== 'controller') {
        throw new IntentRefused(`only a controller can take over a party, not an ${actor.role}`);
      }
      if (!ctx.parties.some((p) => p.id === party && p.role === 'party')) {
        throw new IntentRefused(`"${party}" is not a party to the ceasefire in this scenario`);
      }
      const by = this.#takenOver.get(party);
      if (by !== undefined)
        throw new IntentRefused(`party ${party} is already taken over by ${by}`);
      await this.#commit([this.#draft(actor, 'party-take-over', { party })], () => {
        this.#takenOver.set(party, actor.name);
        this.#forgetScripts();
      });
    });
  }

  /**
   * A controller hands a party taken over back to its script: its scripted
   * moves resume from now (those already due are made at once, at this time).
   */
  handBackParty(party: string, actor = this.actor): Promise<void> {
    return this.#intent(async () => {
      this.#requireV2();
      if (actor.role !== 'controller') {
        throw new IntentRefused(
          `only a controller can hand a party back to its script, not an ${actor.role}`,
        );
      }
      if (!this.#takenOver.has(party)) {
        throw new IntentRefused(`party ${party} is not taken over: its script already plays it`);
      }
      await this.#commit([this.#draft(actor, 'party-hand-back', { party })], () => {
        this.#takenOver.delete(party);
        this.#forgetScripts();
      });
    });
  }

  /**
   * Issues a report product (version 2), about an alert or, without one, about
   * every incident (a daily report). By convention a product "x" also takes
   * the action "x-sent" wherever an open track's current step offers it to the
   * issuer with no input but a summary (the built-in reporting track's
   * `spot-report-sent` and `daily-report-sent`), so the product meets that
   * step's deadline; those actions are logged in the same batch.
   */
  issueProduct(
    product: ReportProduct,
    text: string,
    alertId?: string,
    actor = this.actor,
  ): Promise<void> {
    return this.#intent(async () => {
      const ctx = this.#requireV2();
      // The products are the mission's: its operator writes them, never a
      // controller or a party's liaison (docs/ESCALATION-PROTOCOL.md, "Report products").
      if (actor.role !== 'operator') {
        throw new IntentRefused(
          `only an operator issues the mission's report products, not the ${actor.role}`,
        );
      }
      if (!(REPORT_PRODUCTS as readonly string[]).includes(product)) {
        throw new IntentRefused(
          `"${String(product)}" is not a report product (one of ${REPORT_PRODUCTS.join(', ')})`,
        );
      }
      if (alertId === undefined && product !== 'daily-report') {
        throw new IntentRefused(`a ${product} is about an incident: name its alert`);
      }
      const body = text.trim();
      if (body === '' || text.length > 4000) {
        throw new IntentRefused('a report product needs 1–4000 characters of text');
      }
      const units = alertId === undefined ? [...this.#runs.keys()] : [this.#unitOfOpen(alertId)];
      const summary =
        alertId === undefined ? `Included in the ${product} issued at ${iso(this.#now)}.` : body;
      const taken: { unit: string; draft: ExerciseDraft; track: string }[] = [];
      const after = new Map<string, ProtocolRun>();
      for (const unit of units) {
        let run = this.#runs.get(unit);
        if (!run || run.closed) continue;
        for (const { track, visit } of openTracks(run)) {
          const step = ctx.protocol.steps.get(visit.step)?.step;
          const action = step?.actions.find((a) => productTakingAction(a) === product);
          if (!action) continue;
          const intent: RunIntent = { track, action: action.id, inputs: { summary } };
          if (checkRunAction(ctx, run, intent, actor) !== null) continue;
          run = takeAction(ctx, run, intent, actor, this.#now);
          taken.push({ unit, draft: this.#runActionDraft(unit, run, actor), track });
          after.set(unit, run);
        }
      }
      const data = {
        product,
        text: body,
        ...(alertId !== undefined && taken.length === 1 ? { track: taken[0]!.track } : {}),
      };
      const draft = this.#draft(
        actor,
        'report-product',
        data,
        alertId === undefined ? undefined : this.unitOf(alertId),
      );
      await this.#commit([draft, ...taken.map((t) => t.draft)], () => {
        this.#products.push({
          product,
          text: body,
          alertId: alertId === undefined ? null : this.unitOf(alertId),
          at: this.#now,
          by: actor.name,
        });
        for (const [unit, run] of after) this.#setRun(unit, run);
      });
    });
  }

  /**
   * Links alert `otherId` (and its incident, if any) into the incident of
   * `primaryId`: one incident, one protocol run — the primary's. If the other
   * alert had a run of its own, that run ends (superseded). Refused when the
   * other is in the protocol and the primary is not (name it first), when
   * either is closed, or when they are already one incident.
   */
  link(primaryId: string, otherId: string, actor = this.actor): Promise<void> {
    return this.#intent(async () => {
      if (this.#tracker.modelVersion !== 2) {
        throw new IntentRefused(
          'alerts of an exercise scored by the version-1 model cannot be linked',
        );
      }
      this.#requireAlert(primaryId);
      this.#requireAlert(otherId);
      if (primaryId === otherId)
        throw new IntentRefused(`an alert cannot be linked to itself (${primaryId})`);
      for (const id of [primaryId, otherId]) {
        if (
          this.#tracker.get(id)?.view.closed ||
          this.protocolOf(id)?.closed ||
          this.runOf(id)?.closed
        ) {
          throw new IntentRefused(`alert ${id} is closed`);
        }
      }
      const primaryUnit = this.unitOf(primaryId);
      const otherUnit = this.unitOf(otherId);
      if (primaryUnit === otherUnit) {
        throw new IntentRefused(`alerts ${primaryId} and ${otherId} are already one incident`);
      }
      const primaryRun = this.#protocols.get(primaryUnit) ?? this.#runs.get(primaryUnit);
      const otherRun = this.#protocols.get(otherUnit) ?? this.#runs.get(otherUnit);
      if (!primaryRun && otherRun) {
        throw new IntentRefused(
          `alert ${otherId} is in the protocol and ${primaryId} is not: link them naming ${otherId} first, so that the incident follows its protocol run`,
        );
      }
      const data: LinkData = {
        alert_ids: [primaryId, otherId],
        incident: this.#tracker.nextIncidentId(primaryUnit),
        ...(otherRun ? { superseded: otherUnit } : {}),
      };
      await this.#commit([this.#draft(actor, 'link', data, primaryId)], () => {
        this.#tracker.link(primaryId, otherId);
        this.#linked = true;
        if (otherRun) {
          this.#protocols.delete(otherUnit);
          this.#runs.delete(otherUnit);
          if ('tracks' in otherRun) this.#supersededRuns.set(otherUnit, otherRun);
          else this.#superseded.set(otherUnit, otherRun);
          this.#forgetScripts();
        }
        if (primaryRun && !primaryRun.closed) {
          for (const id of this.#membersOf(primaryUnit)) this.#tracker.setProtocolActive(id, true);
        }
      });
    });
  }

  /**
   * Takes an alert out of its incident (the primary only out of an incident
   * of two, which then ends). The alert that leaves has no protocol run: it
   * enters the protocol at once if its own bands call for it.
   */
  unlink(alertId: string, actor = this.actor): Promise<void> {
    return this.#intent(async () => {
      this.#requireAlert(alertId);
      const incident = this.#tracker.incidentOf(alertId);
      if (!incident) throw new IntentRefused(`alert ${alertId} is not linked to an incident`);
      const primary = incident.alertIds[0]!;
      if (alertId === primary && incident.alertIds.length > 2) {
        throw new IntentRefused(
          `alert ${alertId} is the primary of incident ${incident.id} (its protocol run is the incident's): unlink the other alerts instead`,
        );
      }
      const leaving = alertId === primary ? incident.alertIds[1]! : alertId;
      const drafts: ExerciseDraft[] = [
        this.#draft(actor, 'unlink', { incident: incident.id }, alertId),
      ];
      const run = this.#protocols.get(primary) ?? this.#runs.get(primary);
      const own = this.#tracker.get(leaving);
      const step = own && !own.view.closed ? this.#entryStep(own) : null;
      let entered: AlertProtocolState | null = null;
      let enteredRun: ProtocolRun | null = null;
      if (step !== null && this.runCtx) {
        const track = this.runCtx.protocol.steps.get(step)!.track;
        const enter: ProtocolActionData = {
          type: 'enter',
          severity: own!.severity,
          certainty_band: own!.certaintyBand,
          to: step,
          track,
        };
        drafts.push(this.#draft(SYSTEM, 'protocol-action', enter, leaving, step));
        const scenario = this.setup.scenario.events;
        const injected = this.#tracker.injected;
        const times = own!.eventSeqs.map(
          (seq) => (scenario[seq] ?? injected[seq - scenario.length])?.at ?? this.#now,
        );
        enteredRun = startRun(
          this.runCtx.protocol,
          leaving,
          step,
          this.#now,
          Math.min(this.#now, ...times),
          { kind: 'entry', gravity: own!.severity, certainty: own!.certaintyBand },
        );
      } else if (step !== null) {
        const enter: ProtocolActionData = {
          type: 'enter',
          severity: own!.severity,
          ...(this.#tracker.modelVersion === 2 ? { certainty_band: own!.certaintyBand } : {}),
          to: step,
        };
        drafts.push(this.#draft(SYSTEM, 'protocol-action', enter, leaving, step));
        entered = startProtocol(this.#protocolV1, leaving, step, this.#now, {
          kind: 'severity',
          severity: own!.severity,
        });
      }
      await this.#commit(drafts, () => {
        this.#tracker.unlink(alertId);
        if (run && !run.closed) this.#tracker.setProtocolActive(leaving, false);
        if (entered) this.#enter(leaving, entered);
        if (enteredRun) this.#enterRun(leaving, enteredRun);
        this.#forgetScripts();
      });
    });
  }

  /** A free-text note, optionally about an alert. */
  note(text: string, alertId?: string, actor = this.actor): Promise<void> {
    return this.#intent(async () => {
      if (text.trim() === '' || text.length > 4000)
        throw new IntentRefused('a note needs 1–4000 characters of text');
      const book = alertId !== undefined ? this.#requireAlert(alertId) : null;
      const note = { by: actor.name, at: this.#now, text: text.trim() };
      await this.#commit([this.#draft(actor, 'note', { text: note.text }, alertId)], () => {
        if (book && alertId !== undefined) {
          const current = this.#alerts.get(alertId)!;
          this.#alerts.set(alertId, { ...current, notes: [...current.notes, note] });
        }
      });
    });
  }

  /**
   * Links a message (a controller inject already shown, scripted or live) to
   * an alert, as an MSEL asks ("link the call to the alert"): logged on the
   * alert, with the message's event id. A message may be linked to several
   * alerts, once to each.
   */
  linkMessage(eventId: string, alertId: string, actor = this.actor): Promise<void> {
    return this.#intent(async () => {
      const book = this.#requireAlert(alertId);
      const message = this.#shownMessage(eventId);
      if (book.messages.includes(message.event.id))
        throw new IntentRefused(`message ${eventId} is already linked to alert ${alertId}`);
      const data = { event_id: message.event.id };
      await this.#commit([this.#draft(actor, 'message-linked', data, alertId)], () => {
        const current = this.#alerts.get(alertId)!;
        this.#alerts.set(alertId, { ...current, messages: [...current.messages, data.event_id] });
      });
    });
  }

  /** The controller injects an event (a hotline call, a statement, a report) at the current time. */
  inject(input: InjectInput, actor = this.actor): Promise<void> {
    return this.#intent(async () => {
      if (actor.role !== 'controller')
        throw new IntentRefused('only the controller may inject events');
      const summary = input.summary.trim();
      if (summary === '' || summary.length > 4000)
        throw new IntentRefused('an inject needs a summary of 1–4000 characters');
      if ((input.lat === undefined) !== (input.lon === undefined))
        throw new IntentRefused('an inject location needs both lat and lon');
      if (input.lat !== undefined && (Math.abs(input.lat) > 90 || Math.abs(input.lon!) > 180)) {
        throw new IntentRefused('inject location out of range (lat ±90, lon ±180)');
      }
      const data: InjectData = { event_id: this.#injectId(), summary };
      for (const key of ['lat', 'lon', 'from', 'to', 'method'] as const) {
        if (input[key] !== undefined) (data as Record<string, unknown>)[key] = input[key];
      }
      let event: ReplayEvent | null = null;
      await this.#commit([this.#draft(actor, 'inject', data)], () => {
        event = this.#injectEvent(data);
        this.#takenIds().add(data.event_id);
      });
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set inside the commit callback, which TS does not see run
      if (event) await this.#show(event, this.#tracker.inject(event));
    });
  }

  /**
   * The controller takes a scripted inject (an MSEL row) in hand before it is
   * delivered: holds it (not delivered when the clock reaches it), releases
   * it (due again when it was; delivered at once if that has passed), moves
   * it to a later exercise time, or delivers it now. An `inject-control`
   * entry; refused for anyone but the controller and for an inject already
   * delivered.
   */
  controlInject(eventId: string, control: InjectControl, actor = this.actor): Promise<void> {
    return this.#intent(async () => {
      if (actor.role !== 'controller') {
        throw new IntentRefused('only the controller may hold, release, move or deliver injects');
      }
      const seq = this.#scriptedInjectSeq(eventId);
      const deliveredAt = this.injectDeliveredAt(seq);
      if (deliveredAt !== null) {
        throw new IntentRefused(`inject ${eventId} was delivered at ${iso(deliveredAt)}`);
      }
      const scripted = this.setup.scenario.events[seq]!.shownAt;
      const before = this.#controlled.get(seq) ?? { due: scripted, held: false };
      let data: InjectControlData;
      let after: InjectSchedule;
      switch (control.action) {
        case 'hold':
          if (before.held) throw new IntentRefused(`inject ${eventId} is already held`);
          data = { event_id: eventId, action: 'hold' };
          after = { due: before.due, held: true };
          break;
        case 'release':
          if (!before.held) throw new IntentRefused(`inject ${eventId} is not held`);
          data = { event_id: eventId, action: 'release' };
          after = { due: Math.max(before.due, this.#now), held: false };
          break;
        case 'deliver':
          data = { event_id: eventId, action: 'deliver' };
          after = { due: this.#now, held: false };
          break;
        case 'move': {
          const to = Math.floor(control.to);
          const { end } = this.setup.scenario;
          if (!Number.isFinite(to) || to < this.#now || to > end) {
            throw new IntentRefused(
              `inject ${eventId} can be moved only to a time from the exercise clock (${iso(this.#now)}) to the scenario end (${iso(end)}), not ${Number.isFinite(to) ? iso(to) : String(control.to)}`,
            );
          }
          if (to === before.due && !before.held) {
            throw new IntentRefused(`inject ${eventId} is already due at ${iso(to)}`);
          }
          data = { event_id: eventId, action: 'move', from: iso(before.due), to: iso(to) };
          after = { due: to, held: false };
          break;
        }
      }
      await this.#commit([this.#draft(actor, 'inject-control', data)], () => {
        if (!this.#controlled.has(seq)) this.#tracker.withhold(seq);
        this.#controlled.set(seq, after);
        this.#nextDelivery = undefined;
      });
      // Due now (delivered, released past its time, moved to now): shown at once.
      await this.#advance(this.#now);
    });
  }

  /** Ends the exercise: the clock stops and no further intent is accepted. */
  end(reason: string, actor = this.actor): Promise<void> {
    return this.#intent(async () => {
      await this.#commit([this.#draft(actor, 'exercise-ended', { reason })], () => {
        this.#ended = true;
        this.#playing = false;
      });
    });
  }

  /** Logs `exercise-created` and shows what is due at the scenario start. Called once, first. */
  begin(actor = this.actor): Promise<void> {
    return this.#serial(async () => {
      if (this.#lastEntry !== null) throw new IntentRefused('the exercise has already begun');
      await this.#commit([exerciseCreatedDraft(this.setup, actor)], () => {});
      await this.#advance(this.#now);
    });
  }

  /** Records that the log was exported (the `export` entry), with what the caller says about it. */
  recordExport(
    data: Record<string, unknown>,
    actor: { name: string; role: EntryDraft['role'] } = this.actor,
  ): Promise<void> {
    return this.#serial(async () => {
      await this.#advance(this.#now);
      await this.#commit(
        [this.#draft({ actor: actor.name, role: actor.role }, 'export', data)],
        () => {},
      );
    });
  }

  // ---- replaying a logged entry ---------------------------------------------

  /** Re-applies an operator or controller entry of a log being resumed. */
  async replayIntent(entry: LogEntry): Promise<void> {
    if (entry.role === 'system') {
      if (isAutomaticPause(entry)) {
        const data = entry.data as { reason?: string; rule: string };
        return this.autoPause(data.rule, data.reason);
      }
      if (isAutomaticSpeed(entry)) {
        const data = entry.data as { reason?: string; rule: string; speed: number };
        return this.autoSlow(data.rule, data.speed, data.reason);
      }
      throw new Error(`log entry ${entry.seq}: a system entry is not an intent`);
    }
    if (entry.role === 'party' && entry.actor === SCRIPTED_ACTOR) {
      throw new Error(
        `log entry ${entry.seq}: a scripted party's ${entry.kind} is the script's, and the replay does not make it here`,
      );
    }
    const runActor: RunActor =
      entry.role === 'party'
        ? { name: entry.actor, role: 'party', party: entry.party ?? '' }
        : { name: entry.actor, role: entry.role };
    const actor: ExerciseActor = { name: entry.actor, role: entry.role as ExerciseActor['role'] };
    const alertId = entry.alert_id ?? '';
    if (!isIntentKind(entry.kind)) {
      throw new Error(
        `log entry ${entry.seq}: kind "${entry.kind}" by ${entry.role} is not an exercise intent`,
      );
    }
    const parsed = LOG_DATA[entry.kind].safeParse(entry.data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(
        `log entry ${entry.seq} (${entry.kind}): data.${issue.path.join('.')}: ${issue.message}`,
      );
    }
    // The data was parsed by its own kind's schema; TypeScript cannot follow
    // that correlation through the lookup, so it is stated once here.
    const intent = { kind: entry.kind, data: parsed.data } as IntentData;
    switch (intent.kind) {
      case 'clock': {
        const clock = intent.data;
        if (clock.action === 'play') return this.play(actor);
        if (clock.action === 'pause') return this.pause(clock.reason, actor);
        if (clock.action === 'speed') return this.setSpeed(clock.speed, actor);
        if (clock.action === 'checkpoint') return this.checkpoint(actor);
        return this.seek(Date.parse(clock.to), actor);
      }
      case 'ack':
        return this.acknowledge(alertId, actor);
      case 'party-ack':
        return this.ackParty(
          alertId,
          intent.data.party,
          intent.data.how,
          this.runCtx ? runActor : actor,
          intent.data.track,
        );
      case 'party-move': {
        const { move, track, inputs } = intent.data;
        return this.takeAction(alertId, { track, action: move, inputs }, runActor);
      }
      case 'report-product':
        return this.issueProduct(intent.data.product, intent.data.text, entry.alert_id, actor);
      case 'party-take-over':
        return this.takeOverParty(intent.data.party, actor);
      case 'party-hand-back':
        return this.handBackParty(intent.data.party, actor);
      case 'note':
        return this.note(intent.data.text, entry.alert_id, actor);
      case 'message-linked':
        return this.linkMessage(intent.data.event_id, alertId, actor);
      case 'inject': {
        const { event_id: _id, ...input } = intent.data;
        return this.inject(input, actor);
      }
      case 'inject-control': {
        const d = intent.data;
        const control: InjectControl =
          d.action === 'move' ? { action: 'move', to: Date.parse(d.to) } : { action: d.action };
        return this.controlInject(d.event_id, control, actor);
      }
      case 'exercise-ended':
        return this.end(intent.data.reason, actor);
      case 'export':
        return this.recordExport(intent.data, { name: entry.actor, role: entry.role });
      case 'link': {
        const [primary, other] = intent.data.alert_ids;
        return this.link(primary, other, actor);
      }
      case 'unlink':
        return this.unlink(alertId, actor);
      case 'protocol-action': {
        const action = intent.data;
        if (action.type === 'action' && action.track !== undefined && this.runCtx) {
          const intent = { track: action.track, action: action.action, inputs: action.inputs };
          return this.#takeActionIntent(alertId, intent, runActor, 'recorded');
        }
        if (action.type === 'action') return this.act(alertId, action.action, action.inputs, actor);
        if (action.type === 'start') return this.startProtocol(alertId, actor);
        if (action.type === 'severity-jump') return this.jumpToEntry(alertId, actor);
        if (action.type === 'dismiss-severity-prompt') {
          return this.dismissSeverityPrompt(alertId, actor);
        }
        throw new Error(
          `log entry ${entry.seq}: a ${action.type} protocol-action is the system's, not ${entry.role}'s`,
        );
      }
    }
  }

  /** Takes note of a replayed entry that changes no exercise state (an `export` record). */
  acknowledgeReplayed(entry: LogEntry): void {
    this.#lastEntry = entry;
    this.#changed();
  }

  /** Replaces the sink (a resumed exercise goes live once its log is replayed). */
  attachSink(sink: EntrySink): void {
    this.#sink = sink;
    this.#stopped = false;
  }

  /** Internal: used by resumeExercise to run the clock without the halted check. */
  async advanceForReplay(to: number): Promise<void> {
    await this.#serial(() => this.#advance(to));
  }

  /** True while a skip runs in groups (seek with `inGroups`): the console holds its alerts meanwhile. */
  get skipping(): boolean {
    return this.#group !== null;
  }

  /** True when a read-only replay reached the end of its log mid-step. */
  get stopped(): boolean {
    return this.#stopped;
  }

  // ---- internals -------------------------------------------------------------

  #serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(work, work);
    this.#queue = run.catch(() => {});
    return run;
  }

  #intent(work: () => Promise<void>): Promise<void> {
    return this.#serial(async () => {
      this.#refuseIfHalted();
      // Everything due at or before now is logged before the intent.
      await this.#advance(this.#now);
      if (this.#stopped) throw new IntentRefused('the replayed log ends before this intent');
      await work();
    });
  }

  /** The version-1 protocol (the v1 paths run only when the exercise is not version 2). */
  get #protocolV1(): Protocol {
    return this.ctx.protocol;
  }

  #refuseIfHalted(): void {
    if (this.#fault) throw new IntentRefused(`the exercise is stopped: ${this.#fault}`);
    if (this.#ended) throw new IntentRefused('the exercise has ended');
  }

  #draft<K extends ExerciseKind>(
    actor: { actor: string; role: EntryDraft['role'] } | ExerciseActor,
    kind: K,
    data: LogDataOf<K>,
    alertId?: string,
    stepId?: string,
  ): DraftOf<K> {
    const who = 'name' in actor ? { actor: actor.name, role: actor.role } : actor;
    return {
      exercise_time: iso(this.#now),
      ...who,
      kind,
      ...(alertId !== undefined ? { alert_id: alertId } : {}),
      ...(stepId !== undefined ? { step_id: stepId } : {}),
      data,
    };
  }

  async #commitClock(
    actor: ExerciseActor | typeof SYSTEM,
    data: ClockData,
    apply: () => void,
  ): Promise<void> {
    await this.#commit([this.#draft(actor, 'clock', data)], apply);
  }

  /** Appends, then applies; a failed append stops the clock and applies nothing. */
  async #commit(drafts: ExerciseDraft[], apply: () => void): Promise<boolean> {
    // Typed text that is not valid Unicode is the person's to fix, not a log
    // failure: refused here, the exercise goes on (the writer would refuse it too).
    for (const draft of drafts) {
      if (draft.role === 'system') continue;
      const lone = findLoneSurrogate(draft);
      if (lone) throw new IntentRefused(describeLoneSurrogate(typedField(lone.path), lone.index));
    }
    if (this.#group !== null) {
      apply();
      this.#noteActed(drafts);
      this.#group.push(...drafts);
      this.#changed();
      if (this.#group.length >= SKIP_GROUP_ENTRIES) await this.#writeGroup(this.#group.splice(0));
      return true;
    }
    let entries: LogEntry[] | null;
    try {
      entries = await this.#sink(drafts);
    } catch (error) {
      this.#fault = `the log could not be written (${(error as Error).message}); nothing after seq ${this.#lastEntry?.seq ?? 0} was applied — export the log now and free space`;
      this.#playing = false;
      this.#changed();
      throw error;
    }
    if (entries === null) {
      this.#stopped = true;
      return false;
    }
    apply();
    this.#lastEntry = entries[entries.length - 1] ?? this.#lastEntry;
    this.#noteActed(entries);
    this.#changed();
    return true;
  }

  #noteActed(entries: readonly Pick<LogEntry, 'actor' | 'role' | 'kind' | 'data'>[]): void {
    for (const entry of entries) {
      // A checkpoint is the console noting the clock, not the participant acting.
      if (entry.role !== 'system' && !isCheckpoint(entry)) {
        this.#lastActed.set(entry.actor, this.#now);
      }
    }
  }

  /** Runs `work` with its commits grouped (see #group), then writes the last group. */
  async #inGroups(work: () => Promise<void>): Promise<void> {
    const group: ExerciseDraft[] = [];
    this.#group = group;
    try {
      await work();
    } finally {
      this.#group = null;
      // Also after a failure: what was applied must reach the log, unless a
      // group already failed to (its fault then stands for the rest).
      if (this.#fault === null && group.length > 0) await this.#writeGroup(group.splice(0));
    }
  }

  /** Writes a skip's group of applied drafts; a failure stops the exercise, whose state is then ahead of its log. */
  async #writeGroup(drafts: ExerciseDraft[]): Promise<void> {
    let entries: LogEntry[] | null;
    try {
      entries = await this.#sink(drafts);
      // Only a read-only replay's sink takes nothing, and a replay never skips in groups.
      if (entries === null) throw new Error('the log took no entries');
    } catch (error) {
      this.#fault = `the log could not be written during a skip (${(error as Error).message}); the last ${drafts.length} entries it applied after seq ${this.#lastEntry?.seq ?? 0} are not logged, and a reopened exercise replays the skip from its log`;
      this.#playing = false;
      this.#changed();
      throw error;
    }
    this.#lastEntry = entries[entries.length - 1] ?? this.#lastEntry;
    this.#changed();
  }

  #changed(): void {
    this.#snapshot = null;
    for (const listener of this.#listeners) listener();
  }

  #requireAlert(alertId: string): AlertBookkeeping {
    const book = this.#alerts.get(alertId);
    if (!book) throw new IntentRefused(`no alert "${alertId}" is open in this exercise`);
    return book;
  }

  #requireProtocol(alertId: string): AlertProtocolState {
    this.#requireAlert(alertId);
    const state = this.#protocols.get(alertId);
    if (!state) throw new IntentRefused(`alert ${alertId} has not entered the protocol`);
    return state;
  }

  #enter(alertId: string, state: AlertProtocolState): void {
    this.#startRunOf(alertId);
    this.#protocols.set(alertId, state);
  }

  #setProtocol(alertId: string, state: AlertProtocolState): void {
    this.#protocols.set(alertId, state);
    if (state.closed) this.#closeMembers(alertId);
  }

  /** A run begins (either protocol format): its alerts stay active while it is open. */
  #startRunOf(unit: string): void {
    this.#protocolStarted = true;
    for (const id of this.#membersOf(unit)) this.#tracker.setProtocolActive(id, true);
  }

  /** Closing a run closes every alert following it (the whole incident). */
  #closeMembers(unit: string): void {
    for (const id of this.#membersOf(unit)) {
      this.#tracker.setProtocolActive(id, false);
      this.#tracker.close(id);
    }
  }

  // ---- protocol version 2 ----------------------------------------------------

  #requireV2(): RunContext {
    if (!this.runCtx) {
      throw new IntentRefused('this exercise runs protocol format version 1 (no tracks)');
    }
    return this.runCtx;
  }

  /** The alert owning the run an open alert follows. */
  #unitOfOpen(alertId: string): string {
    this.#requireAlert(alertId);
    return this.unitOf(alertId);
  }

  #requireRun(unit: string): ProtocolRun {
    const run = this.#runs.get(unit);
    if (!run) throw new IntentRefused(`alert ${unit} has not entered the protocol`);
    return run;
  }

  /** Where the incident of a run began: its earliest event (not after now). */
  #incidentAt(unit: string): number {
    const events = this.#unitEvents(unit);
    return Math.min(this.#now, ...events.map((e) => e.at));
  }

  /** The shown events of the alerts following a run, in replay order. */
  #unitEvents(unit: string): ReplayEvent[] {
    const scenario = this.setup.scenario.events;
    const injected = this.#tracker.injected;
    const seqs = this.#membersOf(unit).flatMap((id) => [
      ...(this.#tracker.get(id)?.eventSeqs ?? []),
    ]);
    return [...new Set(seqs)]
      .sort((a, b) => a - b)
      .map((seq) => scenario[seq] ?? injected[seq - scenario.length])
      .filter((e) => e !== undefined);
  }

  /**
   * Who may make a party's move through an intent: a controller who has taken
   * the party over, acting as its liaison. The script's moves are the engine's.
   */
  #liaisonRefusal(actor: ExerciseActor | RunActor): string | null {
    if (actor.role !== 'party') return null;
    if (actor.name === SCRIPTED_ACTOR) {
      return `"${SCRIPTED_ACTOR}" is the party script's name: the script makes its own moves`;
    }
    const by = this.#takenOver.get(actor.party);
    if (by === undefined) {
      return `party ${actor.party} is played by the party script: a controller takes it over first`;
    }
    if (by !== actor.name) return `party ${actor.party} is taken over by ${by}, not ${actor.name}`;
    return null;
  }

  /**
   * Version 2: accepts (the target's track moves there, or opens there) or
   * dismisses the prompt to the entry step of the incident's new bands.
   */
  async #answerEntryPrompt(alertId: string, actor: ExerciseActor, accept: boolean): Promise<void> {
    const ctx = this.runCtx!;
    const unit = this.#unitOfOpen(alertId);
    const run = this.#requireRun(unit);
    const refusal = checkEntryPrompt(ctx.protocol, run, actor);
    if (refusal) throw new IntentRefused(refusal);
    const prompt = run.entryPrompt!;
    const track = ctx.protocol.steps.get(prompt.target)!.track;
    const from = currentTrackVisit(run, track)?.step ?? 'none';
    const data: ProtocolActionData = accept
      ? {
          type: 'severity-jump',
          severity: prompt.gravity,
          certainty_band: prompt.certainty,
          from,
          to: prompt.target,
          track,
        }
      : {
          type: 'dismiss-severity-prompt',
          severity: prompt.gravity,
          certainty_band: prompt.certainty,
          target: prompt.target,
          track,
        };
    const next = accept
      ? applyEntryJump(ctx.protocol, run, actor, this.#now)
      : { ...run, entryPrompt: null };
    const step = from === 'none' ? prompt.target : from;
    await this.#commit([this.#draft(actor, 'protocol-action', data, unit, step)], () =>
      this.#setRun(unit, next),
    );
  }

  #startRunByHand(alertId: string, actor: ExerciseActor, ctx: RunContext): Promise<void> {
    const unit = this.#unitOfOpen(alertId);
    this.#requireAlert(unit);
    if (this.#runs.has(unit)) throw new IntentRefused(`alert ${unit} is already in the protocol`);
    if (this.#tracker.get(unit)?.view.closed) throw new IntentRefused(`alert ${unit} is closed`);
    const step = runManualEntryStep(ctx.protocol);
    if (step === null)
      throw new IntentRefused('this protocol cannot be started by hand (entry.manual is null)');
    const track = ctx.protocol.steps.get(step)!.track;
    const data: ProtocolActionData = { type: 'start', to: step, track };
    const run = startRun(ctx.protocol, unit, step, this.#now, this.#incidentAt(unit), {
      kind: 'manual',
      by: actor.name,
    });
    return this.#commit([this.#draft(actor, 'protocol-action', data, unit, step)], () =>
      this.#enterRun(unit, run),
    ).then(() => {});
  }

  /** The entry of the last action taken in a run: a party's move, or a protocol action. */
  #runActionDraft(unit: string, run: ProtocolRun, actor: RunActor): ExerciseDraft {
    const taken = run.history[run.history.length - 1]!;
    if (taken.party !== null && isPartyMove(taken.action)) {
      const data = {
        move: taken.action,
        track: taken.track,
        inputs: taken.inputs,
        from: taken.step,
        ...(taken.to !== null ? { to: taken.to } : {}),
        opened: taken.opened,
      };
      return {
        ...this.#draft({ actor: actor.name, role: 'party' }, 'party-move', data, unit, taken.step),
        party: taken.party,
      };
    }
    const step = this.runCtx!.protocol.steps.get(taken.step)!.step;
    const label = step.actions.find((a) => a.id === taken.action)!.label;
    const data: ProtocolActionData = {
      type: 'action',
      action: taken.action,
      label,
      inputs: taken.inputs,
      from: taken.step,
      to: taken.to ?? taken.step,
      track: taken.track,
      opened: taken.opened,
      ...(taken.to === CLOSE_STEP ? { event_ids: this.#unitEventIds(unit) } : {}),
    };
    return this.#draft(
      { actor: actor.name, role: actor.role },
      'protocol-action',
      data,
      unit,
      taken.step,
    );
  }

  async #takeRunAction(
    unit: string,
    intent: RunIntent,
    actor: ExerciseActor | RunActor,
    recorded = false,
  ): Promise<void> {
    const ctx = this.runCtx!;
    const run = this.#requireRun(unit);
    const refusal = checkRunAction(ctx, run, intent, actor) ?? this.#liaisonRefusal(actor);
    if (refusal) throw new IntentRefused(refusal);
    const product = recorded ? null : this.#productTaking(ctx, run, intent);
    if (product !== null) {
      throw new IntentRefused(
        `"${intent.action}" is taken by issuing the ${product} itself: write the ${PRODUCT_TITLES[product].toLowerCase()} (a ${product} report product about alert ${unit}) instead`,
      );
    }
    const next = takeAction(ctx, run, intent, actor, this.#now);
    await this.#commit([this.#runActionDraft(unit, next, actor)], () => this.#setRun(unit, next));
  }

  /** The product whose issuing is the only way to take this action, or null. */
  #productTaking(ctx: RunContext, run: ProtocolRun, intent: RunIntent): ReportProduct | null {
    const visit = openTracks(run).find((t) => t.track === intent.track)?.visit;
    const step = visit && ctx.protocol.steps.get(visit.step)?.step;
    const action = step?.actions.find((a) => a.id === intent.action);
    return action ? productTakingAction(action) : null;
  }

  async #ackRunParty(
    alertId: string,
    party: string,
    how: string,
    actor: ExerciseActor | RunActor,
    track: string | undefined,
    ctx: RunContext,
  ): Promise<void> {
    const unit = this.#unitOfOpen(alertId);
    const run = this.#requireRun(unit);
    const asking = openTracks(run).filter(({ track: t }) =>
      missingRunAcks(ctx, run, t).includes(party),
    );
    const where = track ?? asking[0]?.track;
    if (where === undefined) {
      throw new IntentRefused(
        `no open track of alert ${unit} is waiting for party ${party}'s acknowledgement`,
      );
    }
    const refusal = checkRunAck(ctx, run, where, party, how, actor) ?? this.#liaisonRefusal(actor);
    if (refusal) throw new IntentRefused(refusal);
    const step = currentTrackVisit(run, where)!.step;
    const data = { party, how: how.trim(), track: where };
    const draft = this.#draft(
      { actor: actor.name, role: actor.role },
      'party-ack',
      data,
      unit,
      step,
    );
    await this.#commit([actor.role === 'party' ? { ...draft, party } : draft], () =>
      this.#setRun(unit, recordRunAck(ctx, run, where, party, how, actor, this.#now)),
    );
  }

  #enterRun(unit: string, run: ProtocolRun): void {
    this.#startRunOf(unit);
    this.#runs.set(unit, run);
  }

  #setRun(unit: string, run: ProtocolRun): void {
    this.#runs.set(unit, run);
    if (run.closed) this.#closeMembers(unit);
  }

  /** Scripted moves due per run (runs are immutable: a changed run is a new key). */
  #scriptCache = new WeakMap<ProtocolRun, ScriptedMove[]>();

  /** Scripted moves are computed anew: a party was taken over or handed back, or alerts (un)linked. */
  #forgetScripts(): void {
    this.#scriptCache = new WeakMap();
    this.#runs.recompute();
  }

  #scriptedMovesOf(unit: string, run: ProtocolRun): ScriptedMove[] {
    const cached = this.#scriptCache.get(run);
    if (cached) return cached;
    const script = this.setup.scenario.partyScript;
    const incident = scriptOf(script, this.#unitEvents(unit));
    const moves = scriptedMoves(
      this.runCtx!,
      run,
      {
        conduct: (party) => conductOf(script, incident, party),
        partyName: (party) => partyName(this, party),
        title: this.#tracker.get(unit)?.view.title ?? unit,
      },
      (party) => this.#takenOver.has(party),
    );
    this.#scriptCache.set(run, moves);
    return moves;
  }

  /** The alerts following a run: the incident's, or the alert alone. */
  #membersOf(unit: string): readonly string[] {
    return this.#tracker.incidentOf(unit)?.alertIds ?? [unit];
  }

  /** Every event of the alerts following a run, in the order they joined. */
  #unitEventIds(unit: string): string[] {
    return this.#membersOf(unit).flatMap((id) => [...(this.#tracker.get(id)?.eventIds ?? [])]);
  }

  /**
   * Where an alert with these bands enters the protocol: the `entry` table by
   * gravity band, `verify` instead of `notify` below probable certainty
   * (version-2 model); the table alone for version-1 exercises.
   */
  #entryStep(bands: TrackedBands): string | null {
    if (this.runCtx) return runEntryStep(this.runCtx.protocol, bands.severity, bands.certaintyBand);
    return entryStepForBands(
      this.#protocolV1,
      bands.severity,
      this.#tracker.modelVersion === 2 ? bands.certaintyBand : null,
    );
  }

  /** The `enter` data of a run started by an alert's (or incident's) bands. */
  #enterData(bands: TrackedBands, step: string): ProtocolActionData {
    return {
      type: 'enter',
      severity: bands.severity,
      ...(this.#tracker.modelVersion === 2 ? { certainty_band: bands.certaintyBand } : {}),
      to: step,
    };
  }

  /** What a change of bands logs (version 2: both bands; version 1: the score). */
  #bandsData(
    eventId: string,
    from: TrackedBands,
    to: TrackedMeasures,
  ): LogDataOf<'alert-severity-changed'> {
    if (this.#tracker.modelVersion === 1) {
      return { event_id: eventId, from: from.severity, to: to.severity, score: to.gravity };
    }
    return this.#twoBandsData(eventId, from, to);
  }

  /** Both bands of a change (version 2; incidents exist only there: version 1 cannot link). */
  #twoBandsData(eventId: string, from: TrackedBands, to: TrackedMeasures) {
    return {
      event_id: eventId,
      from: from.severity,
      to: to.severity,
      gravity: to.gravity,
      certainty_from: from.certaintyBand,
      certainty_to: to.certaintyBand,
      certainty: to.certainty,
    };
  }

  #nextTimer(): EngineTimer | null {
    return this.runCtx ? this.#runs.earliest() : this.#protocols.earliest();
  }

  /** Runs the clock to `target` (capped at the scenario end), processing events and timers in order. */
  async #advance(target: number): Promise<void> {
    const end = this.setup.scenario.end;
    // Whole milliseconds, as the log records them (see tick).
    const to = Math.min(Math.floor(target), end);
    for (;;) {
      if (this.#stopped) return;
      const event = this.setup.scenario.events[this.#tracker.shown];
      const timer = this.#nextTimer();
      const delivery = this.#controlled.size > 0 ? this.#dueDelivery() : null;
      const eventAt = event?.shownAt ?? Infinity;
      const timerAt = timer?.at ?? Infinity;
      const deliveryAt = delivery?.at ?? Infinity;
      // A deadline falling due at the same instant as an event is processed
      // first; a held or moved inject comes after both, as an injected event does.
      if (Math.min(eventAt, timerAt, deliveryAt) > to) break;
      if (timerAt <= eventAt && timerAt <= deliveryAt) {
        this.#now = Math.max(this.#now, timerAt);
        await this.#fire(timer!);
      } else if (deliveryAt < eventAt) {
        this.#now = Math.max(this.#now, deliveryAt);
        const logging = this.#deliver(delivery!.seq);
        if (logging) await logging;
      } else {
        this.#now = Math.max(this.#now, eventAt);
        const shown = this.#tracker.showNext();
        const logging = this.#show(shown.event, shown.changes);
        if (logging) await logging;
      }
    }
    if (to > this.#now) {
      this.#now = to;
      this.#changed();
    }
    this.#tracker.advanceTo(this.#now);
    if (this.#now >= end && this.#playing) {
      this.#playing = false;
      this.#changed();
    }
  }

  /**
   * A version-2 run's next deadline or scripted move (the earliest across the
   * runs is kept by #runs, a TimerMap): at one instant deadlines before
   * scripted moves.
   */
  #runTimerOf(unit: string, run: ProtocolRun): EngineTimer | null {
    if (run.closed) return null;
    let best: EngineTimer | null = null;
    const timer = nextRunTimer(run);
    if (timer) best = { at: timer.at, alertId: unit, kind: timer.kind, track: timer.track };
    const move = this.#scriptedMovesOf(unit, run)[0];
    if (move) {
      const t: EngineTimer = { at: move.at, alertId: unit, kind: 'scripted', move };
      if (best === null || timerBefore(t, best)) best = t;
    }
    return best;
  }

  async #fireRunTimer(timer: EngineTimer): Promise<void> {
    const ctx = this.runCtx!;
    const unit = timer.alertId;
    const run = this.#runs.get(unit)!;
    if (timer.kind === 'scripted') {
      const m = timer.move;
      const actor = scriptedActor(m.party);
      if (m.kind === 'ack') {
        const step = currentTrackVisit(run, m.track)!.step;
        const data = { party: m.party, how: m.how, track: m.track };
        const draft = this.#draft(
          { actor: actor.name, role: 'party' },
          'party-ack',
          data,
          unit,
          step,
        );
        await this.#commit([{ ...draft, party: m.party }], () =>
          this.#setRun(unit, recordRunAck(ctx, run, m.track, m.party, m.how, actor, this.#now)),
        );
        return;
      }
      const intent: RunIntent = { track: m.track, action: m.move, inputs: m.inputs };
      const next = takeAction(ctx, run, intent, actor, this.#now);
      await this.#commit([this.#runActionDraft(unit, next, actor)], () => this.#setRun(unit, next));
      return;
    }
    const visit = currentTrackVisit(run, timer.track!)!;
    const deadlineAt = iso(visit.deadlineAt!);
    if (timer.kind === 'deadline-warning') {
      const data = { deadline_at: deadlineAt, track: timer.track! };
      const draft = this.#draft(SYSTEM, 'deadline-warning', data, unit, visit.step);
      await this.#commit([draft], () =>
        this.#setRun(unit, applyRunWarning(run, timer.track!, this.#now)),
      );
      return;
    }
    const target = runBreachTarget(ctx.protocol, run, timer.track!);
    const breach = {
      deadline_at: deadlineAt,
      ...(target === null ? {} : { escalated_to: target }),
      track: timer.track!,
    };
    const drafts: ExerciseDraft[] = [
      this.#draft(SYSTEM, 'deadline-breach', breach, unit, visit.step),
    ];
    if (target !== null) {
      const data: ProtocolActionData = {
        type: 'deadline-escalation',
        from: visit.step,
        to: target,
        track: timer.track!,
      };
      drafts.push(this.#draft(SYSTEM, 'protocol-action', data, unit, target));
    }
    await this.#commit(drafts, () =>
      this.#setRun(unit, applyRunBreach(ctx.protocol, run, timer.track!, this.#now)),
    );
  }

  async #fire(timer: EngineTimer): Promise<void> {
    if (this.runCtx) return this.#fireRunTimer(timer);
    if (timer.kind === 'scripted') return;
    const state = this.#protocols.get(timer.alertId)!;
    const visit = currentVisit(state);
    const deadlineAt = iso(visit.deadlineAt!);
    if (timer.kind === 'deadline-warning') {
      const draft = this.#draft(
        SYSTEM,
        'deadline-warning',
        { deadline_at: deadlineAt },
        timer.alertId,
        visit.step,
      );
      await this.#commit([draft], () =>
        this.#setProtocol(timer.alertId, applyWarning(state, timer.at)),
      );
      return;
    }
    const target = breachTarget(this.#protocolV1, state);
    const drafts: ExerciseDraft[] = [
      this.#draft(
        SYSTEM,
        'deadline-breach',
        target === null
          ? { deadline_at: deadlineAt }
          : { deadline_at: deadlineAt, escalated_to: target },
        timer.alertId,
        visit.step,
      ),
    ];
    if (target !== null) {
      const data: ProtocolActionData = {
        type: 'deadline-escalation',
        from: visit.step,
        to: target,
      };
      drafts.push(this.#draft(SYSTEM, 'protocol-action', data, timer.alertId, target));
    }
    await this.#commit(drafts, () =>
      this.#setProtocol(timer.alertId, applyBreach(this.#protocolV1, state, timer.at)),
    );
  }

  /** Logs and applies what showing one event changed (the tracker has correlated it). */
  #show(event: ReplayEvent, changes: readonly AlertChange[]): Promise<boolean> | null {
    // Most events join an alert no protocol holds: nothing to log. Settled
    // here, without a promise or a map, as a million-event replay does a
    // million times.
    if (
      changes.every(
        (c) => c.kind === 'joined' && !this.#protocols.has(c.alertId) && !this.#runs.has(c.alertId),
      )
    ) {
      this.#changed();
      return null;
    }
    if (this.runCtx) return this.#showV2(event, changes, this.runCtx);
    const drafts: ExerciseDraft[] = [];
    const protocols = new Map<string, AlertProtocolState>();
    const books = new Map<string, AlertBookkeeping>();
    const entered = new Set<string>();
    const protocolOf = (unit: string) => protocols.get(unit) ?? this.#protocols.get(unit);
    const protocol = this.#protocolV1;
    const eventId = event.event.id;
    const v2 = this.#tracker.modelVersion === 2;
    /**
     * The protocol's answer to a change of bands of a run's owner (an alert
     * alone, or an incident's primary): a rise whose entry step lies ahead
     * prompts a jump; a gravity rise enters the protocol if it was not in it.
     */
    const onBands = (
      unit: string,
      from: TrackedBands,
      to: TrackedMeasures,
      data: { event_id: string; prompt?: string },
    ): ExerciseDraft | null => {
      const state = protocolOf(unit);
      const graver = severityRose(from.severity, to.severity);
      const rose = graver || (v2 && certaintyRose(from.certaintyBand, to.certaintyBand));
      if (rose && state && !state.closed) {
        const prompted = applyEntryRise(
          protocol,
          state,
          this.#entryStep(from),
          this.#entryStep(to),
          to.severity,
        );
        if (prompted.severityPrompt && prompted.severityPrompt !== state.severityPrompt) {
          data.prompt = prompted.severityPrompt.target;
        }
        protocols.set(unit, prompted);
      }
      const step = this.#entryStep(to);
      if (!graver || state || step === null) return null;
      protocols.set(
        unit,
        startProtocol(protocol, unit, step, this.#now, { kind: 'severity', severity: to.severity }),
      );
      entered.add(unit);
      return this.#draft(SYSTEM, 'protocol-action', this.#enterData(to, step), unit, step);
    };
    for (const change of changes) {
      if (change.kind === 'opened') {
        const id = change.alertId;
        const m = change.measures;
        const data = v2
          ? {
              event_id: eventId,
              severity: m.severity,
              gravity: m.gravity,
              certainty: m.certainty,
              certainty_band: m.certaintyBand,
              ...(change.continues !== null ? { continues: change.continues } : {}),
            }
          : { event_id: eventId, severity: m.severity, score: m.gravity };
        drafts.push(this.#draft(SYSTEM, 'alert-opened', data, id));
        books.set(id, {
          openedAt: this.#now,
          severity: m.severity,
          acknowledged: null,
          notes: [],
          messages: [],
        });
        const step = this.#entryStep(m);
        if (step !== null) {
          drafts.push(this.#draft(SYSTEM, 'protocol-action', this.#enterData(m, step), id, step));
          protocols.set(
            id,
            startProtocol(protocol, id, step, this.#now, {
              kind: 'severity',
              severity: m.severity,
            }),
          );
          entered.add(id);
        }
      } else if (change.kind === 'joined') {
        const unit = this.unitOf(change.alertId);
        const state = protocolOf(unit);
        if (!state) continue;
        const target = newEventTarget(protocol, state);
        if (target === null) continue;
        const from = currentVisit(state).step;
        const data: ProtocolActionData = { type: 'new-event', event_id: eventId, from, to: target };
        drafts.push(this.#draft(SYSTEM, 'protocol-action', data, unit, target));
        protocols.set(unit, applyNewEvent(protocol, state, eventId, this.#now));
      } else if (change.kind === 'bands-changed') {
        const id = change.alertId;
        const book = books.get(id) ?? this.#alerts.get(id);
        if (book) books.set(id, { ...book, severity: change.to.severity });
        const data = this.#bandsData(eventId, change.from, change.to);
        // A linked alert follows its incident's run: the incident's bands decide.
        const enter =
          this.#tracker.incidentOf(id) === null ? onBands(id, change.from, change.to, data) : null;
        drafts.push(this.#draft(SYSTEM, 'alert-severity-changed', data, id));
        if (enter) drafts.push(enter);
      } else {
        const unit = change.primaryId;
        const data = {
          incident: change.incidentId,
          ...this.#twoBandsData(eventId, change.from, change.to),
        };
        const enter = onBands(unit, change.from, change.to, data);
        drafts.push(this.#draft(SYSTEM, 'incident-bands-changed', data, unit));
        if (enter) drafts.push(enter);
      }
    }
    if (drafts.length === 0) {
      this.#changed();
      return null;
    }
    return this.#commit(drafts, () => {
      for (const [id, book] of books) this.#alerts.set(id, book);
      for (const [id, state] of protocols) {
        if (entered.has(id)) this.#enter(id, state);
        else this.#setProtocol(id, state);
      }
    });
  }

  /**
   * What showing one event logs under protocol version 2: alerts opened and
   * their bands, runs entered by (gravity band, certainty band) — on opening,
   * or when a band rises into an entry step — and tracks moved by a new event.
   */
  #showV2(
    event: ReplayEvent,
    changes: readonly AlertChange[],
    ctx: RunContext,
  ): Promise<boolean> | null {
    const drafts: ExerciseDraft[] = [];
    const runs = new Map<string, ProtocolRun>();
    const books = new Map<string, AlertBookkeeping>();
    const entered = new Set<string>();
    const runOf = (unit: string) => runs.get(unit) ?? this.#runs.get(unit);
    const eventId = event.event.id;
    const enter = (unit: string, bands: TrackedBands, incidentAt: number) => {
      const step = runEntryStep(ctx.protocol, bands.severity, bands.certaintyBand);
      if (step === null || runOf(unit)) return;
      const track = ctx.protocol.steps.get(step)!.track;
      const data: ProtocolActionData = {
        type: 'enter',
        severity: bands.severity,
        certainty_band: bands.certaintyBand,
        to: step,
        track,
      };
      drafts.push(this.#draft(SYSTEM, 'protocol-action', data, unit, step));
      runs.set(
        unit,
        startRun(ctx.protocol, unit, step, this.#now, Math.min(incidentAt, this.#now), {
          kind: 'entry',
          gravity: bands.severity,
          certainty: bands.certaintyBand,
        }),
      );
      entered.add(unit);
    };
    const rose = (from: TrackedBands, to: TrackedMeasures) =>
      severityRose(from.severity, to.severity) ||
      certaintyRose(from.certaintyBand, to.certaintyBand);
    // A run whose incident's bands changed is prompted to the entry step the
    // new bands name, while that step lies ahead (docs/ESCALATION-PROTOCOL.md,
    // "Bands change"); the system entry of the change names it as `prompt`.
    const prompt = (
      unit: string,
      from: TrackedBands,
      to: TrackedMeasures,
      data: { prompt?: string },
    ) => {
      const run = runOf(unit);
      if (!run || run.closed) return;
      const previous = runEntryStep(ctx.protocol, from.severity, from.certaintyBand);
      const target = runEntryStep(ctx.protocol, to.severity, to.certaintyBand);
      if (!entryPromptApplies(ctx.protocol, run, previous, target)) return;
      if (run.entryPrompt?.target === target) return;
      data.prompt = target!;
      runs.set(unit, {
        ...run,
        entryPrompt: { target: target!, gravity: to.severity, certainty: to.certaintyBand },
      });
    };
    for (const change of changes) {
      if (change.kind === 'opened') {
        const id = change.alertId;
        const m = change.measures;
        drafts.push(
          this.#draft(
            SYSTEM,
            'alert-opened',
            {
              event_id: eventId,
              severity: m.severity,
              gravity: m.gravity,
              certainty: m.certainty,
              certainty_band: m.certaintyBand,
              ...(change.continues !== null ? { continues: change.continues } : {}),
            },
            id,
          ),
        );
        books.set(id, {
          openedAt: this.#now,
          severity: m.severity,
          acknowledged: null,
          notes: [],
          messages: [],
        });
        enter(id, m, event.at);
      } else if (change.kind === 'joined') {
        const unit = this.unitOf(change.alertId);
        const run = runOf(unit);
        if (!run || run.closed) continue;
        const next = applyRunNewEvent(ctx.protocol, run, eventId, this.#now);
        if (next === run) continue;
        for (const { track, visit } of openTracks(run)) {
          const moved = currentTrackVisit(next, track);
          if (moved === null || moved === visit) continue;
          const data: ProtocolActionData = {
            type: 'new-event',
            event_id: eventId,
            from: visit.step,
            to: moved.step,
            track,
          };
          drafts.push(this.#draft(SYSTEM, 'protocol-action', data, unit, moved.step));
        }
        runs.set(unit, next);
      } else if (change.kind === 'bands-changed') {
        const id = change.alertId;
        const book = books.get(id) ?? this.#alerts.get(id);
        if (book) books.set(id, { ...book, severity: change.to.severity });
        const data: LogDataOf<'alert-severity-changed'> = this.#twoBandsData(
          eventId,
          change.from,
          change.to,
        );
        // A linked alert follows its incident's run: the incident's bands decide.
        const alone = this.#tracker.incidentOf(id) === null;
        if (alone) prompt(id, change.from, change.to, data);
        drafts.push(this.#draft(SYSTEM, 'alert-severity-changed', data, id));
        if (alone && rose(change.from, change.to)) {
          enter(id, change.to, this.#incidentAt(id));
        }
      } else {
        const unit = change.primaryId;
        const data: LogDataOf<'incident-bands-changed'> = {
          incident: change.incidentId,
          ...this.#twoBandsData(eventId, change.from, change.to),
        };
        prompt(unit, change.from, change.to, data);
        drafts.push(this.#draft(SYSTEM, 'incident-bands-changed', data, unit));
        if (rose(change.from, change.to)) enter(unit, change.to, this.#incidentAt(unit));
      }
    }
    if (drafts.length === 0) {
      this.#changed();
      return null;
    }
    return this.#commit(drafts, () => {
      for (const [id, book] of books) this.#alerts.set(id, book);
      for (const [unit, run] of runs) {
        if (entered.has(unit)) this.#enterRun(unit, run);
        else this.#setRun(unit, run);
      }
    });
  }

  /** A message shown so far by its event id; refused, saying why, for any other id. */
  #shownMessage(eventId: string): ReplayEvent {
    const live = this.#tracker.injected.find((e) => e.event.id === eventId);
    if (live) return live;
    const events = this.setup.scenario.events;
    this.#messageSeqs ??= new Map(messageSeqs(events).map((seq) => [events[seq]!.event.id, seq]));
    const seq = this.#messageSeqs.get(eventId);
    if (seq === undefined) {
      const other = this.#takenIds().has(eventId);
      throw new IntentRefused(
        other
          ? `event ${eventId} is a report, not a message (only controller injects are messages)`
          : `no message "${eventId}" in this exercise`,
      );
    }
    if (seq >= this.#tracker.shown || this.#controlled.has(seq))
      throw new IntentRefused(`message ${eventId} has not arrived yet`);
    return events[seq]!;
  }

  /** The scenario seq of a scripted inject by its event id; refused, saying why, for any other id. */
  #scriptedInjectSeq(eventId: string): number {
    const events = this.setup.scenario.events;
    this.#messageSeqs ??= new Map(messageSeqs(events).map((seq) => [events[seq]!.event.id, seq]));
    const seq = this.#messageSeqs.get(eventId);
    if (seq !== undefined) return seq;
    if (this.#tracker.injected.some((e) => e.event.id === eventId)) {
      throw new IntentRefused(`inject ${eventId} was injected live: it is delivered already`);
    }
    throw new IntentRefused(
      this.#takenIds().has(eventId)
        ? `event ${eventId} is a report, not a scripted inject`
        : `no scripted inject "${eventId}" in this scenario`,
    );
  }

  /** The controlled inject due first (then by scenario order), not held and not delivered. */
  #dueDelivery(): { seq: number; at: number } | null {
    if (this.#nextDelivery !== undefined) return this.#nextDelivery;
    let best: { seq: number; at: number } | null = null;
    for (const [seq, schedule] of this.#controlled) {
      if (schedule.held || this.injectDeliveredAt(seq) !== null) continue;
      if (!best || schedule.due < best.at || (schedule.due === best.at && seq < best.seq)) {
        best = { seq, at: schedule.due };
      }
    }
    this.#nextDelivery = best;
    return best;
  }

  /** Delivers a controlled inject at the current time, as an event injected there. */
  #deliver(seq: number): Promise<boolean> | null {
    const scripted = this.setup.scenario.events[seq]!;
    const event: ReplayEvent = {
      ...scripted,
      seq: this.setup.scenario.events.length + this.#tracker.injected.length,
      at: this.#now,
      shownAt: this.#now,
      event: { ...scripted.event, time: iso(this.#now) },
    };
    this.#nextDelivery = undefined;
    return this.#show(event, this.#tracker.inject(event));
  }

  #takenIds(): Set<string> {
    this.#eventIds ??= new Set(this.setup.scenario.events.map((e) => e.event.id));
    return this.#eventIds;
  }

  #injectId(): string {
    let n = this.#tracker.injected.length + 1;
    const taken = this.#takenIds();
    while (taken.has(`inject-${n}`)) n += 1;
    return `inject-${n}`;
  }

  #injectEvent(data: InjectData): ReplayEvent {
    const event: ScenarioEvent = {
      id: data.event_id,
      time: iso(this.#now),
      source: 'inject',
      type: 'inject',
      summary: data.summary,
      ...(data.lat !== undefined ? { lat: data.lat, lon: data.lon } : {}),
      ...(data.from !== undefined ? { 'x-from': data.from } : {}),
      ...(data.to !== undefined ? { 'x-to': data.to } : {}),
      ...(data.method !== undefined ? { 'x-inject-kind': data.method } : {}),
    };
    const place = this.#locate(data.lon, data.lat);
    return {
      seq: this.setup.scenario.events.length + this.#tracker.injected.length,
      at: this.#now,
      shownAt: this.#now,
      event,
      zoneIds: place.zoneIds,
      lineDistanceKm: place.lineDistanceKm,
      settlementId: place.settlementId,
      settlementDistanceKm: place.settlementDistanceKm,
    };
  }

  /**
   * A backwards seek (controller, before any protocol): the replay goes back
   * to `to` from its nearest snapshot, without re-logging. Acknowledgements
   * and notes stay with their alerts, as the log keeps them.
   */
  #rebuildAt(to: number): void {
    this.#tracker.rewindTo(to);
    // Deliveries after `to` are undone: due again when the clock gets there.
    this.#nextDelivery = undefined;
    const events = this.setup.scenario.events;
    const injected = this.#tracker.injected;
    const alerts = new Map<string, AlertBookkeeping>();
    for (const alert of this.#tracker.ranked()) {
      // Opened when its first event was shown; every change of its severity
      // was logged, so the logged one is the tracker's.
      const seq = alert.eventSeqs[0]!;
      const opener = seq < events.length ? events[seq]! : injected[seq - events.length]!;
      const before = this.#alerts.get(alert.id);
      alerts.set(alert.id, {
        openedAt: opener.shownAt,
        severity: alert.severity,
        acknowledged: before?.acknowledged ?? null,
        notes: before?.notes ?? [],
        messages: before?.messages ?? [],
      });
    }
    this.#alerts = alerts;
    this.#now = to;
    this.#changed();
  }
}
