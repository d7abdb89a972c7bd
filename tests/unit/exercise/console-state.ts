// A console state built by hand for the auto operator: alert snapshots as
// the queue shows them, the few parts of an engine the policy reads
// (snapshot, clock, its last action, the scenario's events and parties), a
// party side that says what the test tells it, and a recorder for the
// intents a planned step performs. The policy is a function of what the
// console shows, so a hand-built console state pins its decisions exactly.
// It stands in for the engine's read side only, as the Electron host's tests
// record its calls; the real engine runs the operator end to end in
// auto-operator.behaviour.test.ts.
import type {
  AlertView,
  CertaintyFactorView,
  GravityFactorView,
} from '../../../shared/alerts/alert-view';
import type { ExerciseActor, ExerciseEngine } from '../../../shared/exercise/exercise-engine';
import type {
  AlertSnapshot,
  ProtocolStatus,
  StepHistoryItem,
} from '../../../shared/exercise/exercise-snapshot';
import type {
  MeetingOutcome,
  PartyAcknowledgement,
  PartyReply,
  PartySide,
} from '../../../shared/exercise/sim-cell';
import type { ReplayEvent } from '../../../shared/scenario/loaded-scenario';
import type { ScenarioEvent } from '../../../shared/scenario/schema';

export const MIN = 60_000;
export const HOUR = 60 * MIN;
/** The scenario start of every hand-built console. */
export const START = Date.parse('2026-03-01T00:00:00.000Z');
export const OPERATOR: ExerciseActor = { name: 'auto', role: 'operator' };

type ViewOver = Partial<Omit<AlertView, 'factors' | 'certaintyFactors'>> & {
  /** Gravity factors present (their labels do not matter to the operator). */
  factors?: readonly GravityFactorView['factor'][];
  certaintyFactors?: readonly Pick<CertaintyFactorView, 'factor' | 'label'>[];
};

export type AlertOver = Partial<Omit<AlertSnapshot, 'view'>> & { view?: ViewOver };

/** One alert as the queue shows it: a low, possible report of one observer by default. */
export function alertSnapshot(over: AlertOver = {}): AlertSnapshot {
  const id = over.id ?? 'A-obs-1';
  const { view: viewOver = {}, ...rest } = over;
  const { factors = [], certaintyFactors = [], ...viewRest } = viewOver;
  const view: AlertView = {
    id,
    state: 'active',
    gravity: 30,
    severity: 'low',
    factors: factors.map((factor) => ({
      factor,
      label: factor,
      contribution: 1,
      reason: `${factor}: +1`,
      eventId: null,
    })),
    certainty: 0.5,
    certaintyBand: 'possible',
    certaintyFactors: certaintyFactors.map(({ factor, label }) => ({
      factor,
      label,
      contribution: 0,
      reason: label,
      source: null,
      eventId: null,
    })),
    incompatibleReports: 0,
    links: [],
    continues: null,
    incident: null,
    eventIds: [],
    eventSeqs: [],
    zones: [],
    sources: ['observer'],
    firstSeen: new Date(START).toISOString(),
    lastSeen: new Date(START).toISOString(),
    firstAt: START,
    lastAt: START,
    lastShownAt: START,
    quiet: false,
    closed: false,
    cleared: false,
    protocolActive: false,
    title: 'Small-arms fire — near Kerrow',
    shortTitle: 'Small-arms fire — near Kerrow',
    sector: null,
    lat: null,
    lon: null,
    ...viewRest,
  };
  return {
    id,
    rank: 1,
    state: 'active',
    severity: 'low',
    gravity: 30,
    certainty: 0.5,
    certaintyBand: 'possible',
    quiet: false,
    closed: false,
    incident: null,
    openedAt: START,
    acknowledged: null,
    notes: [],
    messages: [],
    eventIds: [],
    eventSeqs: [],
    view,
    protocol: null,
    run: null,
    ...rest,
  };
}

/** The alert's version-1 protocol standing at a step (entered at the scenario start, visited once). */
export function atStep(stepId: string, over: Partial<ProtocolStatus> = {}): ProtocolStatus {
  return {
    stepId,
    stepTitle: stepId,
    instructions: '',
    role: 'operator',
    enteredAt: START,
    deadlineAt: null,
    warnAt: null,
    deadlineStatus: 'none',
    actions: [],
    acks: [],
    missingAcks: [],
    history: visits(1),
    closed: false,
    summary: null,
    severityPrompt: null,
    ...over,
  };
}

/** `n` step visits of an alert's protocol history (their content does not matter here). */
export function visits(n: number): StepHistoryItem[] {
  return Array.from({ length: n }, (_, i) => ({
    stepId: `step-${i}`,
    stepTitle: `Step ${i}`,
    enteredAt: START,
    leftAt: null,
    reason: 'entry (medium)',
    actor: 'system',
    cause: { kind: 'severity', severity: 'medium' },
    deadlineAt: null,
    warnedAt: null,
    breachedAt: null,
    acks: [],
  }));
}

/** An action of a step, free to take unless `blockedBy` says otherwise. */
export function action(
  id: string,
  over: Partial<ProtocolStatus['actions'][number]> = {},
): ProtocolStatus['actions'][number] {
  return {
    id,
    label: id,
    next: 'close',
    requires: [],
    requiresAcks: false,
    blockedBy: null,
    ...over,
  };
}

export interface ConsoleOptions {
  alerts: AlertSnapshot[];
  /** Exercise time now (the scenario start by default). */
  now?: number;
  /** When the operator last logged an action (never, by default). */
  lastActedAt?: number | null;
  /** The scenario's events, each at its index as its seq. */
  events?: ScenarioEvent[];
  /** Events injected by the controller, with their seqs. */
  injected?: { seq: number; event: ScenarioEvent }[];
  parties?: { id: string; name: string; role: 'party' | 'monitor' | 'guarantor' }[];
}

/** The parties of a hand-built console: two parties to the ceasefire and the mission. */
export const PARTIES = [
  { id: 'N', name: 'Northern Command', role: 'party' as const },
  { id: 'S', name: 'Southern Forces', role: 'party' as const },
  { id: 'MM', name: 'Monitoring Mission', role: 'monitor' as const },
];

/** The parts of an engine the policy reads, showing `alerts`. */
export function consoleEngine(options: ConsoleOptions): ExerciseEngine {
  const now = options.now ?? START;
  const replay = (seq: number, event: ScenarioEvent) =>
    ({ seq, at: Date.parse(event.time), shownAt: Date.parse(event.time), event }) as ReplayEvent;
  const events = (options.events ?? []).map((event, seq) => replay(seq, event));
  const injected = (options.injected ?? []).map(({ seq, event }) => replay(seq, event));
  const engine = {
    setup: { scenario: { parties: options.parties ?? PARTIES, events } },
    getSnapshot: () => ({ alerts: options.alerts, clock: { now, start: START } }),
    lastActedAt: (name: string) => (name === OPERATOR.name ? (options.lastActedAt ?? null) : null),
    injectedEvents: () => injected,
  };
  return engine as unknown as ExerciseEngine;
}

/** An engine that records the intents performed on it, for a planned step's `run`. */
export function intentRecorder(): { engine: ExerciseEngine; intents: unknown[][] } {
  const intents: unknown[][] = [];
  const record =
    (name: string) =>
    (...args: unknown[]) => {
      intents.push([name, ...args]);
      return Promise.resolve();
    };
  const engine = {
    act: record('act'),
    note: record('note'),
    acknowledge: record('acknowledge'),
    ackParty: record('ackParty'),
    jumpToEntry: record('jumpToEntry'),
    startProtocol: record('startProtocol'),
  };
  return { engine: engine as unknown as ExerciseEngine, intents };
}

/** What the parties say, as a test scripts it; it remembers who was asked for an explanation. */
export interface ScriptedParties extends PartySide {
  asked: string[][];
}

export function partiesSaying(say: {
  acknowledgement?: (partyId: string, calledAt: number) => PartyAcknowledgement | null;
  replies?: (partyIds: readonly string[], askedAt: number) => PartyReply[];
  meeting?: (convenedAt: number) => MeetingOutcome;
  measures?: string;
}): ScriptedParties {
  const asked: string[][] = [];
  return {
    asked,
    acknowledgement: (_engine, _alert, partyId, calledAt) =>
      say.acknowledgement ? say.acknowledgement(partyId, calledAt) : null,
    replies: (_engine, _alert, partyIds, askedAt) => {
      asked.push([...partyIds]);
      return say.replies ? say.replies(partyIds, askedAt) : [];
    },
    meeting: (_engine, _alert, convenedAt) =>
      say.meeting
        ? say.meeting(convenedAt)
        : { at: convenedAt, refused: [], rejected: [], measures: 'Withdraw the guns.' },
    measures: () => say.measures ?? 'Withdraw the guns.',
  };
}

/** An observer's report of small-arms fire at the start, with what a test changes. */
export function event(id: string, over: Partial<ScenarioEvent> = {}): ScenarioEvent {
  return {
    id,
    time: new Date(START).toISOString(),
    source: 'observer',
    type: 'small-arms-fire',
    lat: -44.2,
    lon: -120.55,
    confidence: 0.5,
    ...over,
  };
}
