// What the console's components render. The exercise engine (shared/exercise)
// is adapted into these shapes in one place (engine adapter), so components
// hold no domain logic and can be rendered from any snapshot.
import type { CertaintyBand } from '../../../shared/alerts/bands';
import type { AlertState } from '../../../shared/alerts/alert-view';
import type { LoadedScenario, ReplayEvent } from '../../../shared/scenario/loaded-scenario';
import type { Severity } from '../../../shared/alerts/bands';
import type { ActionInputs } from '../../../shared/protocol/protocol-state';
import type { ProtocolInput, StepRole } from '../../../shared/protocol/schema';
import type { Source } from '../../../shared/scenario/schema';
import type { RunStatus } from '../../../shared/exercise/run-status';
import type { SimCellStatus } from '../../../shared/exercise/sim-cell-status';
import type { ExercisePlan } from '../../../shared/exercise/exercise-plan';
import type { InjectControl } from '../../../shared/exercise/exercise-engine';
import type { PartyMove } from '../../../shared/protocol/schema';
import type { ProductView } from '../../../shared/exercise/report-products';
import type { ReportProduct } from '../../../shared/exercise/log-data';
import type { RoomSession } from '../room-host/room-session';

// The components take these vocabularies from here; they are defined in shared/.
export { SEVERITIES, type Severity } from '../../../shared/alerts/bands';
export type { ProtocolInput } from '../../../shared/protocol/schema';
// A version-2 run and the SimCell's view of the parties are plain data built in shared/.
export type {
  RunStatus as RunView,
  RunTrackStatus as TrackView,
} from '../../../shared/exercise/run-status';
export type {
  SimCellStatus,
  SimCellParty,
  SimCellRequest,
  ScriptedResponse,
} from '../../../shared/exercise/sim-cell-status';
export type { PartyMove, ProductView, ReportProduct };

export type ActorRole = 'operator' | 'controller';

export interface ClockView {
  /** Exercise time, epoch ms. */
  now: number;
  start: number;
  end: number;
  playing: boolean;
  speed: number;
  timezone: string;
}

export type { AlertState, CertaintyBand };

/** One factor of a measure (docs/ALERTS-AND-SEVERITY.md): what it is, its points, why. */
export interface FactorView {
  id: string;
  label: string;
  /** Signed contribution: gravity points, or certainty points of 0–100. */
  points: number;
  reason: string;
}

/** An alert's certainty (0–1) and its band, explained factor by factor. */
export interface CertaintyView {
  value: number;
  band: CertaintyBand;
  factors: readonly FactorView[];
  /** Reports about something else than the alert's lead report (they do not raise it). */
  incompatibleReports: number;
}

/** A report of the alert that refers to another report (`refers_to`). */
export interface ReferenceView {
  eventId: string;
  refersTo: string;
  /** The alert holding the referred report, when known. */
  alertId: string | null;
}

/** The incident an alert was linked into by an operator. */
export interface IncidentView {
  id: string;
  /** Its alerts, the primary (whose protocol run the incident follows) first. */
  alertIds: readonly string[];
  primary: boolean;
  gravity: number;
  severity: Severity;
  certainty: number;
  certaintyBand: CertaintyBand;
}

export interface ProtocolActionView {
  id: string;
  label: string;
  next: string;
  requires: readonly ProtocolInput[];
  requiresAcks: boolean;
  /** Why it cannot be taken yet whatever the inputs (missing acks, wrong role), or null. */
  blockedBy: string | null;
}

export interface PartyAckView {
  partyId: string;
  partyName: string;
  ack: { by: string; at: number; how: string } | null;
}

export interface StepHistoryView {
  stepId: string;
  stepTitle: string;
  enteredAt: number;
  /** Why the step was entered: an action label, "deadline breach", "entry (critical)"… */
  reason: string;
  actor: string;
  /** When the step's deadline passed during this stay, or null (the queue's "breached" filter). */
  breachedAt: number | null;
}

export interface ProtocolView {
  stepId: string;
  stepTitle: string;
  instructions: string;
  role: StepRole;
  enteredAt: number;
  /** Epoch ms on the exercise clock; null when the step has no deadline. */
  deadlineAt: number | null;
  breached: boolean;
  actions: readonly ProtocolActionView[];
  acks: readonly PartyAckView[];
  history: readonly StepHistoryView[];
  closed: boolean;
  /** A higher entry step the operator is prompted to jump to, if severity rose. */
  suggestedJump: string | null;
}

export interface AlertView {
  id: string;
  rank: number;
  state: AlertState;
  /** Gravity 0–100 (a version-1 log: its one score) and its band. */
  gravity: number;
  severity: Severity;
  /** Null when the log's model recorded no certainty (version 1, read-only). */
  certainty: CertaintyView | null;
  title: string;
  /** What and the place ("Mortar fire — near Kerrow"): the queue row's title. */
  shortTitle: string;
  zoneIds: readonly string[];
  sources: readonly Source[];
  firstAt: number;
  lastAt: number;
  quiet: boolean;
  acknowledged: boolean;
  /** seq numbers of the scenario's ReplayEvents in this alert, in time order. */
  eventSeqs: readonly number[];
  /** Gravity factors; their points sum to the gravity. */
  factors: readonly FactorView[];
  links: readonly ReferenceView[];
  /** The closed alert this one continues, if any. */
  continues: string | null;
  incident: IncidentView | null;
  protocol: ProtocolView | null;
  /** Its protocol run when the exercise runs protocol format version 2 (tracks), else null. */
  run: RunStatus | null;
  /** Event ids of the messages (controller injects) linked to it, in the order linked. */
  messageIds: readonly string[];
  /** Where the alert is, for the map (first located event). */
  lat: number | null;
  lon: number | null;
}

export interface ConsoleSnapshot {
  clock: ClockView;
  /** Number of scenario events shown so far (replay cursor position). */
  shownCount: number;
  /** In the engine's rank order (docs/ALERTS-AND-SEVERITY.md, invariant 11); never re-sorted here. */
  alerts: readonly AlertView[];
  /** Set when something stopped the exercise (write failure, corrupt log). */
  fault: string | null;
  ended: boolean;
  /** Seq of the last committed log entry (0 before any). */
  headSeq: number;
  /** The parties' pending requests and the script's responses: a controller's session only. */
  simCell: SimCellStatus | null;
  /**
   * The mission's report products due and written, with their prefills
   * (protocol version 2; null for version 1). Refreshed as entries are logged.
   */
  reports: readonly ProductView[] | null;
  /** The MSEL and the scripted incidents with their truth: a controller's session only. */
  plan: ExercisePlan | null;
  /**
   * Scenario seqs of the scripted injects the controller held or moved: not
   * messages where the scenario has them (they arrive among the injected events).
   */
  withheld: readonly number[];
  /** Events injected so far (live injects and held or moved ones delivered). */
  injectedCount: number;
  /**
   * Set while a skip (a seek or a step) runs: the alerts, plan, SimCell and
   * reports then stand as they were when it began, and only the clock and
   * these counts move, so a skip over weeks is not rendered event by event.
   */
  skip: SkipProgress | null;
}

/** How far a running skip got. */
export interface SkipProgress {
  /** Alerts open so far. */
  alerts: number;
}

export type { ExercisePlan, InjectControl };

export type { ActionInputs };

/**
 * Everything the console may ask of the exercise. Each returns once the
 * intent's log entry is committed (or rejects with a message to show).
 */
export interface ConsoleCommands {
  play(): Promise<void>;
  pause(reason?: string): Promise<void>;
  /** A pause the console decided by a rule (auto-pause.ts): logged as the system's, with the rule. */
  autoPause(rule: string, reason: string): Promise<void>;
  /** A slow-down the console decided by a tempo rule: logged as the system's, with the rule. */
  autoSlow(rule: string, speed: number, reason: string): Promise<void>;
  setSpeed(speed: number): Promise<void>;
  seek(to: number): Promise<void>;
  stepToNextEvent(): Promise<void>;
  stepToNextAlert(): Promise<void>;
  acknowledge(alertId: string): Promise<void>;
  startProtocol(alertId: string): Promise<void>;
  act(alertId: string, actionId: string, inputs: ActionInputs): Promise<void>;
  /** Accept the prompt to jump to the higher entry step after a severity rise. */
  jumpToEntry(alertId: string): Promise<void>;
  dismissSeverityPrompt(alertId: string): Promise<void>;
  ackParty(alertId: string, partyId: string, how: string): Promise<void>;
  inject(summary: string, extra: { lat?: number; lon?: number; from?: string }): Promise<void>;
  /** Links `otherId` (and its incident) into the incident of `primaryId`. */
  link(primaryId: string, otherId: string): Promise<void>;
  /** Takes an alert out of its incident. */
  unlink(alertId: string): Promise<void>;
  /** Version 2: takes an action of one track's current step, as the session's participant. */
  actInTrack(alertId: string, track: string, actionId: string, inputs: ActionInputs): Promise<void>;
  /** Version 2: records a party's acknowledgement in one track, as the session's participant. */
  ackPartyInTrack(alertId: string, track: string, partyId: string, how: string): Promise<void>;
  /** Version 2, controller: stops the party script for a party; the controller plays it. */
  takeOverParty(partyId: string): Promise<void>;
  /** Version 2, controller: hands a party taken over back to its script. */
  handBackParty(partyId: string): Promise<void>;
  /** Version 2, controller: a party's move, made as that party's liaison (taken over first). */
  partyMove(
    alertId: string,
    partyId: string,
    track: string,
    move: PartyMove,
    inputs: ActionInputs,
  ): Promise<void>;
  /**
   * Version 2, controller: an action of the guarantors' chair (a step of role
   * `guarantor-chair`), taken and logged in that role by the controller.
   */
  chairAction(
    alertId: string,
    track: string,
    actionId: string,
    inputs: ActionInputs,
  ): Promise<void>;
  /** Version 2, controller: a party's acknowledgement, recorded as that party's liaison. */
  partyAck(alertId: string, partyId: string, track: string, how: string): Promise<void>;
  /** Links a message (a controller inject's event id) to an alert (logged as `message-linked`). */
  linkMessage(eventId: string, alertId: string): Promise<void>;
  /** A free-text note (the hot wash's), logged as the participant's `note` entry. */
  note(text: string): Promise<void>;
  /**
   * Version 2, operator: issues a report product (a `report-product` entry) about an
   * incident, or about every incident (a daily report, `alertId` null).
   */
  issueProduct(product: ReportProduct, text: string, alertId: string | null): Promise<void>;
  /** Controller: hold, release, move or deliver now a scripted inject (`inject-control`). */
  controlInject(eventId: string, control: InjectControl): Promise<void>;
}

/** A running exercise as the console sees it. */
export interface ConsoleSession {
  scenario: LoadedScenario;
  actor: string;
  role: ActorRole;
  /** Why the exercise can only be read (a version-1 log), or null: commands are then refused. */
  readOnly: string | null;
  /** The format of the protocol the exercise runs: 1 (one line of steps) or 2 (tracks). */
  protocolFormat: 1 | 2;
  /**
   * Why this participant does not run the clock, shown where the transport
   * controls would be (a room seat: the controller runs it); absent: it does.
   */
  clockRefusal?: string;
  getSnapshot(): ConsoleSnapshot;
  /** A shown event by its seq (scenario events, then controller injects). */
  eventAt(seq: number): ReplayEvent | undefined;
  subscribe(listener: () => void): () => void;
  /** Advance the clock by wall-clock ms (the clock applies speed and cap). */
  tick(wallMs: number): void;
  commands: ConsoleCommands;
  /** Stops the session's timers and listeners (the log stays). */
  close(): void;
  /** The room this exercise may host (docs/ROOMS.md, "The host's screen"); absent in unit tests' sessions. */
  room?: RoomSession;
}
