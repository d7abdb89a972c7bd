// The mission's written products under protocol version 2 (docs/ESCALATION-PROTOCOL.md,
// "Report products"): when each falls due and by when, whether it was written
// and when, and the text it starts from, prefilled from the log. Both the
// console (the Reports panel) and the headless auto operator use these, so a
// product reads the same whoever writes it, and its deadline is judged one way.
import type { ProtocolV2 } from '../protocol/load-protocol';
import type { Findings, ProtocolRun } from '../protocol/protocol-run';
import { REPORT_PRODUCTS, type ReportProduct } from './log-data';
import { ALL_PARTIES } from '../protocol/schema';
import type { ExerciseEngine, IssuedProduct } from './exercise-engine';
import type { LoadedScenario } from '../scenario/loaded-scenario';

const MIN = 60_000;
const HOUR = 60 * MIN;
/** Longest text a product may have (the `report-product` schema's). */
export const PRODUCT_TEXT_MAX = 4000;

/** The local hour of the daily report's cut-off when the scenario names none. */
export const DEFAULT_DAILY_REPORT_HOUR = 18;
/**
 * Minutes from the daily cut-off (the scenario's `daily_report_hour`) by which
 * the daily report is due: the exercise default, the same hour a spot report
 * gets once a grave incident is confirmed.
 */
export const DAILY_REPORT_WRITING_MIN = 60;

/**
 * The action whose step calls for each product about an incident: the product
 * falls due on entering a step that offers it, with that step's deadline
 * (the built-in protocol's `spot-report` step, its `daily-report` step, the
 * explanation's `send-request` and the consultation's `meeting`).
 */
export const PRODUCT_CALLED_BY: Readonly<Record<ReportProduct, string>> = {
  'spot-report': 'spot-report-sent',
  'daily-report': 'daily-report-sent',
  'request-for-explanation': 'request-sent',
  'meeting-summary': 'measures-agreed',
};

/**
 * The product whose issuing takes an action, or null: by convention a product
 * "x" takes the action "x-sent" wherever a step offers it with no input but a
 * summary (the built-in reporting track's `spot-report-sent` and
 * `daily-report-sent`). Such an action is the product itself, so it is taken
 * only by writing the product (docs/ESCALATION-PROTOCOL.md, "Report products"):
 * an operator cannot pass the step with a line of summary instead.
 */
export function productTakingAction(action: {
  id: string;
  requires?: readonly string[] | undefined;
}): ReportProduct | null {
  const product = REPORT_PRODUCTS.find((p) => action.id === `${p}-sent`);
  if (product === undefined) return null;
  return (action.requires ?? []).every((i) => i === 'summary') ? product : null;
}

/** What each product is called on screen and on paper. */
export const PRODUCT_TITLES: Readonly<Record<ReportProduct, string>> = {
  'spot-report': 'Spot report',
  'daily-report': 'Daily report',
  'request-for-explanation': 'Request for explanation',
  'meeting-summary': 'Meeting summary',
};

/** Every instant in [start, end] at which the clock in `timeZone` reads `hour`:00. */
export function localHourInstants(
  start: number,
  end: number,
  timeZone: string,
  hour: number,
): number[] {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const out: number[] = [];
  // Whole-hour and half-hour zones alike: look at every quarter hour.
  const step = 15 * MIN;
  for (let t = Math.ceil(start / step) * step; t <= end; t += step) {
    if (format.format(new Date(t)) === `${String(hour).padStart(2, '0')}:00`) out.push(t);
  }
  return out;
}

/** A product written, as the log holds it. */
export interface WrittenProduct {
  at: number;
  by: string;
  text: string;
}

/** One product due (or written) in the exercise. */
export interface ProductItem {
  /** Stable while the exercise runs: product, incident and when it fell due. */
  key: string;
  product: ReportProduct;
  /** The incident (its run's alert); null for the mission's daily report. */
  alertId: string | null;
  /** When it fell due: entering the step that calls for it, or the daily cut-off. */
  dueFrom: number;
  /** Null when the step calling for it has no deadline. */
  deadlineAt: number | null;
  /** The daily report's cut-off (the period it covers ends there); null otherwise. */
  cutoffAt: number | null;
  /** The step calling for it was left (or its run closed) at this time; null while it is current. */
  stepLeftAt: number | null;
  written: WrittenProduct | null;
}

/** Where a product stands at an exercise time. */
export type ProductState =
  /** Not due yet (a daily cut-off still ahead). */
  | 'upcoming'
  | 'due'
  /** Due, past 80 % of its time. */
  | 'warning'
  /** Due, and its deadline passed. */
  | 'breached'
  /** Written by its deadline (or it had none). */
  | 'met'
  /** Written after its deadline. */
  | 'late';

/** Where a product stands at `now` (the same 80 % warning as a step's deadline). */
export function productState(item: ProductItem, now: number): ProductState {
  const { written, deadlineAt, dueFrom } = item;
  if (written) return deadlineAt !== null && written.at > deadlineAt ? 'late' : 'met';
  if (now < dueFrom) return 'upcoming';
  // Leaving the step that called for it (taking its action instead) does not
  // excuse the product: it stays due by the step's deadline.
  if (deadlineAt !== null && now >= deadlineAt) return 'breached';
  if (deadlineAt !== null && now >= dueFrom + 0.8 * (deadlineAt - dueFrom)) return 'warning';
  return 'due';
}

function writtenOf(p: IssuedProduct | undefined): WrittenProduct | null {
  return p ? { at: p.at, by: p.by, text: p.text } : null;
}

/** What the schedule is worked out from. */
export interface ScheduleInput {
  protocol: ProtocolV2;
  /** Every run, by the alert that owns it (superseded runs are left out: their incident moved). */
  runs: ReadonlyMap<string, ProtocolRun>;
  /** Products issued, in order. */
  products: readonly IssuedProduct[];
  /** The daily cut-offs, ascending (localHourInstants of the scenario's report hour). */
  dailyCutoffs: readonly number[];
}

/**
 * Every product due so far or ahead: per incident, one per visit of a step
 * that calls for a product (the first product of that kind about the
 * incident issued from then on is the one written for it; each product
 * counts once); per daily cut-off, the first daily report issued from that
 * cut-off until the next one. Incident products in order of falling due,
 * then the daily reports by cut-off.
 */
export function productSchedule(input: ScheduleInput): ProductItem[] {
  const used = new Set<IssuedProduct>();
  const take = (match: (p: IssuedProduct) => boolean): WrittenProduct | null => {
    const found = input.products.find((p) => !used.has(p) && match(p));
    if (found) used.add(found);
    return writtenOf(found);
  };
  const calling = new Map<string, ReportProduct>();
  for (const [product, action] of Object.entries(PRODUCT_CALLED_BY) as [ReportProduct, string][]) {
    for (const [stepId, place] of input.protocol.steps) {
      if (place.step.actions.some((a) => a.id === action)) calling.set(stepId, product);
    }
  }
  const visits: { product: ReportProduct; unit: string; at: number; item: ProductItem }[] = [];
  for (const [unit, run] of input.runs) {
    for (const track of run.tracks) {
      for (const visit of track.visits) {
        const product = calling.get(visit.step);
        if (product === undefined) continue;
        visits.push({
          product,
          unit,
          at: visit.enteredAt,
          item: {
            key: `${product}:${unit}:${track.track}:${visit.enteredAt}`,
            product,
            alertId: unit,
            dueFrom: visit.enteredAt,
            deadlineAt: visit.deadlineAt,
            cutoffAt: null,
            stepLeftAt: visit.leftAt ?? (run.closed ? run.closedAt : null),
            written: null,
          },
        });
      }
    }
  }
  visits.sort((a, b) => a.at - b.at || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
  const items: ProductItem[] = [];
  for (const v of visits) {
    // An incident's place in the daily report is met by the mission's daily
    // report (about every incident, or this one), which still counts for its cut-off.
    v.item.written =
      v.product === 'daily-report'
        ? writtenOf(
            input.products.find(
              (p) =>
                p.product === 'daily-report' &&
                (p.alertId === null || p.alertId === v.unit) &&
                p.at >= v.at,
            ),
          )
        : take((p) => p.product === v.product && p.alertId === v.unit && p.at >= v.at);
    items.push(v.item);
  }
  const cutoffs = input.dailyCutoffs;
  cutoffs.forEach((at, i) => {
    const next = cutoffs[i + 1] ?? Infinity;
    items.push({
      key: `daily-report::${at}`,
      product: 'daily-report',
      alertId: null,
      dueFrom: at,
      deadlineAt: at + DAILY_REPORT_WRITING_MIN * MIN,
      cutoffAt: at,
      stepLeftAt: null,
      written: take(
        (p) => p.product === 'daily-report' && p.alertId === null && p.at >= at && p.at < next,
      ),
    });
  });
  return items;
}

// ---- prefill -----------------------------------------------------------------

/** One formatter per time zone: building an Intl.DateTimeFormat costs far more than formatting with one. */
const localTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** A time as the mission writes it, in the scenario's time zone ("08 Mar 2027, 18:00 GMT+8"). */
export function localTime(ms: number, timeZone: string): string {
  let format = localTimeFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      day: '2-digit',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    localTimeFormats.set(timeZone, format);
  }
  return format.format(new Date(ms));
}

/** One report as a product cites it: never its ground truth, only what was reported. */
export interface ReportedEvent {
  id: string;
  at: number;
  source: string;
  type: string;
  summary: string;
}

/** What the log says of one incident, as its products cite it. */
export interface IncidentFacts {
  alertId: string;
  title: string;
  /** The sector or zone it lies in ("none" outside every zone). */
  area: string;
  gravity: number;
  severity: string;
  certainty: number;
  certaintyBand: string;
  events: readonly ReportedEvent[];
  /** When the run entered its tracks' product steps, e.g. when the grave incident was confirmed. */
  confirmedAt: number | null;
  /** Open tracks and their current steps' titles. */
  openTracks: readonly { track: string; step: string }[];
  closed: boolean;
  closedAt: number | null;
  findings: Findings | null;
  /** Every action taken in the run, oldest first (the request's party and evidence, the meeting's outcome). */
  actions: readonly { action: string; at: number; inputs: Readonly<Record<string, string>> }[];
  /** Party moves in the run, oldest first. */
  moves: readonly {
    party: string;
    move: string;
    at: number;
    inputs: Readonly<Record<string, string>>;
  }[];
}

const fit = (text: string) =>
  text.length <= PRODUCT_TEXT_MAX ? text : `${text.slice(0, PRODUCT_TEXT_MAX - 1)}…`;

function sources(facts: IncidentFacts, most = 6): string[] {
  const lines = facts.events
    .slice(0, most)
    .map((e) => `- ${e.id} (${e.source}, ${e.type}): ${e.summary}`);
  if (facts.events.length > most) lines.push(`- and ${facts.events.length - most} more reports`);
  return lines;
}

/** A spot report: what, where, when, how sure, from which reports, what the mission is doing. */
export function spotReportText(facts: IncidentFacts, timeZone: string): string {
  const first = facts.events[0];
  return fit(
    [
      `SPOT REPORT — ${facts.title} (alert ${facts.alertId})`,
      `When: ${first ? localTime(first.at, timeZone) : 'unknown'}${facts.confirmedAt !== null ? `; confirmed ${localTime(facts.confirmedAt, timeZone)}` : ''}.`,
      `Where: ${facts.area}.`,
      `Assessment: gravity ${facts.gravity.toFixed(1)} (${facts.severity}), certainty ${facts.certainty.toFixed(2)} (${facts.certaintyBand}).`,
      `Sources (${facts.events.length}):`,
      ...sources(facts),
      `Mission action: ${facts.openTracks.length > 0 ? facts.openTracks.map((t) => `${t.track} — ${t.step}`).join('; ') : 'none open'}.`,
      'Attribution is left to the findings.',
    ].join('\n'),
  );
}

/** A request for explanation (note verbale) to the party the request named, citing the evidence. */
export function requestForExplanationText(facts: IncidentFacts, timeZone: string): string {
  const request = [...facts.actions].reverse().find((a) => a.action === 'request-sent');
  const party = request?.inputs.party;
  const first = facts.events[0];
  return fit(
    [
      `REQUEST FOR EXPLANATION — to ${party === ALL_PARTIES ? 'every party to the ceasefire' : party ? `Party ${party}` : '(party not yet named: send the request first)'}`,
      `Incident: ${facts.title} (alert ${facts.alertId}), ${first ? localTime(first.at, timeZone) : 'time unknown'}, ${facts.area}.`,
      `The mission observed: gravity ${facts.gravity.toFixed(1)} (${facts.severity}), certainty ${facts.certaintyBand}.`,
      `Evidence: ${request?.inputs.evidence ?? facts.events.map((e) => e.id).join(', ')}`,
      'The mission requests an explanation within 48 hours.',
    ].join('\n'),
  );
}

/** A meeting summary: who attended or refused, measures proposed and accepted, the outcome. */
export function meetingSummaryText(facts: IncidentFacts, timeZone: string): string {
  const said = (move: string) => facts.moves.filter((m) => m.move === move);
  const parties = (move: string) =>
    [...new Set(said(move).map((m) => m.party))].join(', ') || 'none';
  const outcome = [...facts.actions]
    .reverse()
    .find((a) => a.action === 'measures-agreed' || a.action === 'no-agreement');
  const opened = facts.actions.find((a) => a.action === 'meeting-opened');
  return fit(
    [
      `MEETING SUMMARY — emergency consultation on ${facts.title} (alert ${facts.alertId})`,
      `In session: ${opened ? localTime(opened.at, timeZone) : 'not yet recorded'}.`,
      `Attended: ${parties('attend')}. Refused to attend: ${parties('refuse-meeting')}.`,
      ...said('propose-measures').map((m) => `Proposed by ${m.party}: ${m.inputs.measures ?? ''}`),
      `Accepted the measures: ${parties('accept-measures')}.`,
      outcome
        ? outcome.action === 'measures-agreed'
          ? `Outcome: measures agreed — ${outcome.inputs.measures ?? ''}`
          : `Outcome: no agreement — ${outcome.inputs.rationale ?? ''}`
        : 'Outcome: not yet recorded.',
    ].join('\n'),
  );
}

/** What a daily report covers: every incident and the restrictions met in its 24 hours. */
export interface DailyFacts {
  /** The end of the period (the cut-off, or when it is written). */
  at: number;
  incidents: readonly (IncidentFacts & { category: string })[];
  /** Restrictions on the mission in the period (access refused, jamming, movement restricted). */
  restrictions: readonly { at: number; text: string }[];
}

function tally(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
}

/**
 * The daily report, as the monitoring missions wrote theirs: violations
 * recorded in the 24 hours to its cut-off by category, party and area;
 * restrictions on the mission; every incident still before the parties.
 */
export function dailyReportText(facts: DailyFacts, timeZone: string): string {
  const from = facts.at - 24 * HOUR;
  const recorded = facts.incidents.filter(
    (i) =>
      i.closed &&
      i.findings?.outcome === 'violation-recorded' &&
      i.closedAt !== null &&
      i.closedAt > from &&
      i.closedAt <= facts.at,
  );
  const before = facts.incidents.filter(
    (i) => !(i.closed && i.findings?.outcome === 'violation-recorded'),
  );
  const lines = [
    `DAILY REPORT — 24 hours to ${localTime(facts.at, timeZone)}`,
    `Violations recorded: ${recorded.length}.`,
  ];
  if (recorded.length > 0) {
    lines.push(
      `- by category: ${tally(recorded.map((i) => i.category))}`,
      `- by party: ${tally(recorded.map((i) => i.findings!.attribution))}`,
      `- by area: ${tally(recorded.map((i) => i.area))}`,
    );
  }
  lines.push(
    facts.restrictions.length === 0
      ? 'Restrictions on the mission: none recorded.'
      : `Restrictions on the mission (${facts.restrictions.length}):`,
  );
  // A long exercise has thousands of incidents and restrictions, and a report
  // is cut to PRODUCT_TEXT_MAX: lines past that are not written at all (what
  // fit keeps of the text is the same).
  let length = lines.join('\n').length;
  const add = (line: string) => {
    lines.push(line);
    length += 1 + line.length;
  };
  const cut = () => length > PRODUCT_TEXT_MAX;
  for (const r of facts.restrictions) {
    if (cut()) break;
    add(`- ${localTime(r.at, timeZone)}: ${r.text}`);
  }
  if (!cut()) add(`Incidents before the parties: ${before.length}.`);
  for (const i of before) {
    if (cut()) break;
    const state = i.closed
      ? `closed (${i.findings?.outcome ?? '?'}, attributed: ${i.findings?.attribution ?? '?'})`
      : `open — ${i.openTracks.map((t) => `${t.track}: ${t.step}`).join('; ')}`;
    add(`- ${i.alertId} ${i.title}: ${state}.`);
  }
  return fit(lines.join('\n'));
}

// ---- from the engine ------------------------------------------------------------

/** Event types that restrict the mission's work (its sensors jammed, its movement barred). */
const RESTRICTION_TYPES = new Set(['jamming', 'movement-restriction']);

/** Lookups shared by the facts of many incidents read at one moment. */
interface FactsLookup {
  engine: ExerciseEngine;
  alerts: ReadonlyMap<string, ReturnType<ExerciseEngine['getSnapshot']>['alerts'][number]>;
  zoneNames: ReadonlyMap<string, string>;
}

function lookupOf(engine: ExerciseEngine): FactsLookup {
  return {
    engine,
    alerts: new Map(engine.getSnapshot().alerts.map((a) => [a.id, a] as const)),
    zoneNames: new Map(engine.setup.scenario.zones.map((z) => [z.id, z.name] as const)),
  };
}

/** What the log says of one incident (the run `unit` owns), as its products cite it. */
export function incidentFacts(engine: ExerciseEngine, unit: string): IncidentFacts {
  return factsOf(lookupOf(engine), unit);
}

function factsOf(lookup: FactsLookup, unit: string): IncidentFacts {
  const { engine, alerts } = lookup;
  const ctx = engine.runCtx!;
  const run = engine.runs().get(unit) ?? engine.supersededProtocolRuns().get(unit);
  const alert = alerts.get(unit);
  const { scenario } = engine.setup;
  const injected = engine.injectedEvents();
  const members = engine.incidentOf(unit)?.alertIds ?? [unit];
  const seqs = [...new Set(members.flatMap((m) => alerts.get(m)?.eventSeqs ?? []))].sort(
    (a, b) => a - b,
  );
  const events = seqs
    .map((seq) => scenario.events[seq] ?? injected[seq - scenario.events.length])
    .filter((e) => e !== undefined)
    .map((e) => ({
      id: e.event.id,
      at: e.at,
      source: e.event.source,
      type: e.event.type,
      summary: e.event.summary ?? '',
    }));
  const zoneName = (id: string) => lookup.zoneNames.get(id) ?? id;
  const sector = alert?.view.sector ?? null;
  const zones = alert?.view.zones ?? [];
  const band = alert?.incident ?? alert;
  const stepTitle = (id: string) => ctx.protocol.steps.get(id)?.step.title ?? id;
  const reporting = run?.tracks.find((t) => t.track === 'reporting');
  const history = run?.history ?? [];
  return {
    alertId: unit,
    title: alert?.view.title ?? unit,
    area: sector ? zoneName(sector) : zones.length > 0 ? zones.map(zoneName).join(', ') : 'none',
    gravity: band?.gravity ?? 0,
    severity: band?.severity ?? 'info',
    certainty: band?.certainty ?? 0,
    certaintyBand: band?.certaintyBand ?? 'unconfirmed',
    events,
    confirmedAt: reporting?.openedAt ?? null,
    openTracks: (run?.tracks ?? [])
      .filter((t) => t.endedAt === null)
      .map((t) => ({ track: t.track, step: stepTitle(t.visits[t.visits.length - 1]!.step) })),
    closed: run?.closed ?? false,
    closedAt: run?.closedAt ?? null,
    findings: run?.findings ?? null,
    actions: history
      .filter((h) => h.party === null)
      .map((h) => ({
        action: h.action,
        at: h.at,
        inputs: { ...h.inputs } as Record<string, string>,
      })),
    moves: history
      .filter((h) => h.party !== null)
      .map((h) => ({
        party: h.party!,
        move: h.action,
        at: h.at,
        inputs: { ...h.inputs } as Record<string, string>,
      })),
  };
}

/** What a daily report ending at `at` covers, from the engine. */
export function dailyFacts(engine: ExerciseEngine, at: number): DailyFacts {
  return dailyFactsOf(lookupOf(engine), at);
}

function dailyFactsOf(lookup: FactsLookup, at: number): DailyFacts {
  return { at, incidents: dailyIncidents(lookup), restrictions: restrictionsIn(lookup.engine, at) };
}

/** Every incident as a daily report lists it (the same for every cut-off read at one moment). */
function dailyIncidents(
  lookup: FactsLookup,
  facts: (unit: string) => IncidentFacts = (unit) => factsOf(lookup, unit),
): DailyFacts['incidents'] {
  return [...lookup.engine.runs().keys()].map((unit) => {
    const f = facts(unit);
    return { ...f, category: f.events[0]?.type ?? 'unknown' };
  });
}

/** Restrictions on the mission in the 24 hours to `at`, oldest first. */
function restrictionsIn(
  engine: ExerciseEngine,
  at: number,
  all: readonly Restriction[] = restrictionsOf(engine),
): Restriction[] {
  return all.filter((r) => r.at > at - 24 * HOUR && r.at <= at);
}

type Restriction = DailyFacts['restrictions'][number];

/** Every restriction on the mission so far, oldest first (events, then refused visits, at one time). */
function restrictionsOf(engine: ExerciseEngine): Restriction[] {
  const restrictions: Restriction[] = [];
  for (const e of engine.shownEvents()) {
    if (!RESTRICTION_TYPES.has(e.event.type)) continue;
    restrictions.push({ at: e.at, text: `${e.event.type}: ${e.event.summary ?? ''}` });
  }
  for (const [, run] of engine.runs()) {
    for (const h of run.history) {
      if (h.action !== 'visit-refusal') continue;
      restrictions.push({
        at: h.at,
        text: `access refused by Party ${h.party ?? '?'} (verification visit): ${h.inputs.rationale ?? ''}`,
      });
    }
  }
  // Stable: a day's share keeps the order a sort of that day alone would give.
  return restrictions.sort((a, b) => a.at - b.at);
}

/** The daily cut-offs of an exercise: its scenario's report hour, local time, from start to end. */
export function dailyCutoffs(engine: ExerciseEngine): readonly number[] {
  const scenario = engine.setup.scenario;
  let cutoffs = cutoffsOf.get(scenario);
  if (cutoffs === undefined) {
    const { start, end, timezone, dailyReportHour } = scenario;
    cutoffs = localHourInstants(start, end, timezone, dailyReportHour ?? DEFAULT_DAILY_REPORT_HOUR);
    cutoffsOf.set(scenario, cutoffs);
  }
  return cutoffs;
}

/** A scenario's cut-offs, worked out once (a quarter hour at a time over its whole length). */
const cutoffsOf = new WeakMap<LoadedScenario, number[]>();

/** A product as the Reports panel lists it: its schedule, its incident's title, and its prefill. */
export interface ProductView extends ProductItem {
  title: string;
  /** The text the editor starts from (the written text once written). */
  prefill: string;
}

/**
 * The Reports panel's list (protocol version 2; null for version 1): every
 * product due so far, written or not, and the next daily report ahead, each
 * unwritten one with its text prefilled from the log as it stands.
 */
export function reportsOf(engine: ExerciseEngine): ProductView[] | null {
  const ctx = engine.runCtx;
  if (ctx === null) return null;
  const now = engine.now;
  const tz = engine.setup.scenario.timezone;
  const schedule = productSchedule({
    protocol: ctx.protocol,
    runs: engine.runs(),
    products: engine.products(),
    dailyCutoffs: dailyCutoffs(engine),
  });
  const nextDaily = schedule.find((i) => i.cutoffAt !== null && i.dueFrom > now);
  const lookup = lookupOf(engine);
  const facts = new Map<string, IncidentFacts>();
  const incidentOf = (unit: string) => {
    let f = facts.get(unit);
    if (!f) facts.set(unit, (f = factsOf(lookup, unit)));
    return f;
  };
  let daily: DailyFacts | null = null;
  let incidents: DailyFacts['incidents'] | null = null;
  let restrictions: Restriction[] | null = null;
  return schedule
    .filter((i) => i.dueFrom <= now || i === nextDaily)
    .map((item) => {
      const incident = item.alertId === null ? null : incidentOf(item.alertId);
      const title =
        incident === null
          ? `Daily report, cut-off ${localTime(item.cutoffAt!, tz)}`
          : item.product === 'daily-report'
            ? `Daily report (to include) — ${incident.title}`
            : `${PRODUCT_TITLES[item.product]} — ${incident.title}`;
      let prefill = item.written?.text ?? '';
      if (item.written === null) {
        if (item.product === 'spot-report') prefill = spotReportText(incident!, tz);
        else if (item.product === 'request-for-explanation')
          prefill = requestForExplanationText(incident!, tz);
        else if (item.product === 'meeting-summary') prefill = meetingSummaryText(incident!, tz);
        else {
          const end = Math.min(now, item.cutoffAt ?? now);
          if (daily?.at !== end) {
            // One list of incidents for every daily report: their facts do not depend on the cut-off.
            incidents ??= dailyIncidents(lookup, incidentOf);
            restrictions ??= restrictionsOf(engine);
            daily = { at: end, incidents, restrictions: restrictionsIn(engine, end, restrictions) };
          }
          prefill = dailyReportText(daily, tz);
        }
      }
      return { ...item, title, prefill };
    });
}
