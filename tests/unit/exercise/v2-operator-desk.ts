// A version-2 operator's desk, built by hand for the headless operator's
// tests (auto-operator-v2.ts): the alert queue as the console shows it, each
// alert's protocol run (real runs, built step by step with the protocol-run
// fixture), the products already issued and when the operator last acted.
// It answers exactly what the policy reads of an exercise engine and records
// what the operator then does (acknowledge, link, take an action, issue a
// product), so a test can ask "what does the operator do next, when, and
// with what inputs" without playing a whole scenario to reach the step.
import type { ExerciseActor, ExerciseEngine } from '../../../shared/exercise/exercise-engine';
import type { AlertSnapshot, IncidentSnapshot } from '../../../shared/exercise/exercise-snapshot';
import { createAutoOperatorV2 } from '../../../shared/exercise/auto-operator-v2';
import type { PartySide } from '../../../shared/exercise/sim-cell';
import type { CertaintyBand, Severity } from '../../../shared/alerts/bands';
import type { ProtocolRun, RunIntent } from '../../../shared/protocol/protocol-run';
import type { Zone } from '../../../shared/scenario/loaded-scenario';
import type { ScenarioEvent, Source } from '../../../shared/scenario/schema';
import { MIN, T0, ctx } from '../protocol/v2-run-fixture';

export const OPERATOR: ExerciseActor = { name: 'auto-operator', role: 'operator' };

/** One alert on the queue, with what the operator reads of it. */
export interface DeskAlert {
  id: string;
  title?: string;
  /** Its reports, in the order they joined. */
  events?: ScenarioEvent[];
  gravity?: number;
  severity?: Severity;
  certainty?: number;
  certaintyBand?: CertaintyBand;
  /** Gravity factors shown: harm, place (a breach), mission, protected. */
  factors?: string[];
  sources?: Source[];
  openedAt?: number;
  acknowledged?: boolean;
  closed?: boolean;
  incident?: IncidentSnapshot | null;
  /** The alerts its reports refer to (null: a report the alert engine could not place). */
  refersTo?: (string | null)[];
}

/** What the operator did at the desk. */
export type DeskDeed =
  | { kind: 'acknowledge'; alertId: string; by: string }
  | { kind: 'link'; primary: string; other: string; by: string }
  | { kind: 'action'; alertId: string; intent: RunIntent; by: string }
  | { kind: 'product'; product: string; alertId: string | null; text: string; by: string };

export interface DeskOptions {
  alerts: DeskAlert[];
  runs?: Record<string, ProtocolRun>;
  products?: { product: string; at: number; alertId: string | null }[];
  /** When the operator last acted (null: not yet, free from the start). */
  lastActedAt?: number | null;
  now?: number;
  start?: number;
  end?: number;
  zones?: Zone[];
  parties?: PartySide;
}

/** The parties as the operator hears them: the meeting sits at `meetingAt`, these measures. */
export function partiesSaying(meetingAt: number | null, measures = 'Pull the guns back 20 km.') {
  return {
    acknowledgement: () => null,
    replies: () => [],
    meeting: (_e: unknown, _a: unknown, convenedAt: number) => ({ at: meetingAt ?? convenedAt }),
    measures: () => measures,
  } as unknown as PartySide;
}

export function desk(options: DeskOptions) {
  const deeds: DeskDeed[] = [];
  let seq = 0;
  const replay: { seq: number; at: number; event: ScenarioEvent }[] = [];
  const start = options.start ?? Date.UTC(2031, 5, 1, 0, 0);
  const alerts: AlertSnapshot[] = options.alerts.map((a) => {
    const events = a.events ?? [];
    const seqs = events.map((event) => {
      replay.push({ seq, at: Date.parse(event.time), event });
      return seq++;
    });
    const gravity = a.gravity ?? 70;
    return {
      id: a.id,
      rank: 0,
      state: 'open',
      severity: a.severity ?? 'high',
      gravity,
      certainty: a.certainty ?? 0.8,
      certaintyBand: a.certaintyBand ?? 'probable',
      quiet: false,
      closed: a.closed ?? false,
      incident: a.incident ?? null,
      openedAt: a.openedAt ?? start,
      acknowledged: a.acknowledged === false ? null : { by: 'auto-operator', at: start },
      notes: [],
      messages: [],
      eventIds: events.map((e) => e.id),
      eventSeqs: seqs,
      view: {
        title: a.title ?? `Alert ${a.id}`,
        links: (a.refersTo ?? []).map((alertId, i) => ({
          eventId: `${a.id}-ref-${i}`,
          refersTo: `ref-${i}`,
          alertId,
        })),
        factors: (a.factors ?? []).map((factor) => ({ factor })),
        zones: [],
        sector: null,
        sources: a.sources ?? [...new Set(events.map((e) => e.source))],
      },
      protocol: null,
      run: null,
    } as unknown as AlertSnapshot;
  });
  const runs = options.runs ?? {};
  const scenario = {
    start,
    end: options.end ?? start + 72 * 3_600_000,
    timezone: 'UTC',
    zones: options.zones ?? [],
    parties: ctx.parties,
    events: replay,
  };
  const engine = {
    setup: { scenario },
    runCtx: ctx,
    getSnapshot: () => ({
      alerts,
      clock: { now: options.now ?? start, start, end: scenario.end },
    }),
    // Unless a test says otherwise, every day's report is already out.
    products: () =>
      options.products ?? [{ product: 'daily-report', at: scenario.end, alertId: null }],
    runOf: (id: string) => runs[id],
    // What the products' texts read (report-products.ts).
    runs: () => new Map(Object.entries(runs)),
    supersededProtocolRuns: () => new Map(),
    incidentOf: (id: string) => alerts.find((a) => a.id === id)?.incident ?? undefined,
    unitOf: (id: string) => alerts.find((a) => a.id === id)?.incident?.alertIds[0] ?? id,
    lastActedAt: () => options.lastActedAt ?? null,
    injectedEvents: () => [],
    acknowledge: async (alertId: string, actor: ExerciseActor) => {
      deeds.push({ kind: 'acknowledge', alertId, by: actor.name });
    },
    link: async (primary: string, other: string, actor: ExerciseActor) => {
      deeds.push({ kind: 'link', primary, other, by: actor.name });
    },
    takeAction: async (alertId: string, intent: RunIntent, actor: ExerciseActor) => {
      deeds.push({ kind: 'action', alertId, intent, by: actor.name });
    },
    issueProduct: async (
      product: string,
      text: string,
      alertId: string | null,
      actor: ExerciseActor,
    ) => {
      deeds.push({ kind: 'product', product, alertId, text, by: actor.name });
    },
  } as unknown as ExerciseEngine;
  const operator = createAutoOperatorV2(OPERATOR, options.parties ?? partiesSaying(null));
  return {
    engine,
    deeds,
    /** The operator's next step as planned: when it is done, on which alert, what. */
    plan() {
      const next = operator.next(engine);
      return next && { at: next.at, alertId: next.alertId, what: next.what };
    },
    /** Plans the next step and performs it: everything the operator did in it. */
    async work(): Promise<DeskDeed[]> {
      const next = operator.next(engine);
      if (!next) return [];
      const before = deeds.length;
      await next.run(engine);
      return deeds.slice(before);
    },
  };
}

/** An observer's report of artillery fire, `minutes` into the run, with what a test changes. */
export function report(
  id: string,
  minutes: number,
  extra: Partial<ScenarioEvent> = {},
): ScenarioEvent {
  return {
    id,
    time: new Date(T0 + minutes * MIN).toISOString(),
    source: 'observer',
    type: 'artillery-fire',
    lat: -44.2,
    lon: -120.55,
    confidence: 0.8,
    ...extra,
  } as ScenarioEvent;
}
