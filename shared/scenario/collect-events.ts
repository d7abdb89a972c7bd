// Feeds → checked events: streams each feed file (or takes an inline array),
// checks every record, and applies the checks that need the whole scenario
// (time window, parties, sensors, unique ids across feeds).
import { checkEvent } from './check-event';
import {
  jsonValueProblems,
  problemMessage,
  problemPointer,
  showLoneSurrogates,
  type JsonValueProblem,
} from './check-json-value';
import { IdIndex } from './id-index';
import type { DiagnosticLog } from './diagnostics';
import { TooManyErrors, showValue } from './diagnostics';
import {
  CsvRecords,
  JsonArrayRecords,
  feedFormatOf,
  ndjsonRecords,
  type RawRecord,
} from './feed-records';
import type { Diagnostic, ReplayEvent } from './loaded-scenario';
import type { ScenarioEvent } from './schema';
import type { PackageReader } from './package-reader';
import { LineTooLong, readLines, type LineBatch } from './read-lines';

export const MAX_FILE_BYTES = 1024 ** 3;
export const MAX_EVENTS = 5_000_000;

/** Progress of a load, reported per chunk read. */
export interface LoadProgress {
  file: string;
  bytesRead: number;
  bytesTotal: number;
  events: number;
}

/** What feed events are checked against; null fields mean "form only". */
export interface FeedContext {
  start: number | null;
  end: number | null;
  parties: ReadonlySet<string> | null;
  sensors: ReadonlySet<string> | null;
  /** Event limit (MAX_EVENTS unless lowered). */
  maxEvents?: number;
}

export type MutableReplayEvent = { -readonly [K in keyof ReplayEvent]: ReplayEvent[K] };

/** Where the collector puts the events it accepts. */
export interface EventSink {
  /**
   * One accepted event. `line`: its feed line, given only when its times were
   * already in normal form, so that the line may be the event's JCS text.
   */
  accept(event: ScenarioEvent, at: number, shownAt: number, line: string | undefined): void;
}

/** Shared by every event outside all zones: one array, not one per event. */
const NO_ZONES: readonly string[] = Object.freeze([]);

/** Keeps accepted events as ReplayEvents, with their zones when `place` is given. */
export class ReplayEventList implements EventSink {
  readonly events: MutableReplayEvent[] = [];

  /**
   * `place`: zone membership of each event, computed as it is added: the event
   * is still in the CPU cache then, unlike in a later pass in replay order.
   */
  constructor(
    private readonly place?: (
      lon: number | undefined,
      lat: number | undefined,
      into: MutableReplayEvent,
    ) => unknown,
  ) {}

  accept(event: ScenarioEvent, at: number, shownAt: number): void {
    const replayEvent: MutableReplayEvent = {
      seq: 0,
      at,
      shownAt,
      event,
      zoneIds: NO_ZONES,
      lineDistanceKm: null,
      settlementId: null,
      settlementDistanceKm: null,
    };
    this.place?.(event.lon, event.lat, replayEvent);
    this.events.push(replayEvent);
  }
}

/** A feed source: a file (records have lines) or an inline array (records have pointers). */
interface FeedSource {
  file: string;
  /** JSON pointer of the inline array; absent for feed files. */
  pointer?: string;
}

const LINE_FACTOR = 2 ** 32;

/** `1.23 GiB` / `456.7 MiB`. */
export function formatBytes(n: number): string {
  return n >= 1024 ** 3 ? `${(n / 1024 ** 3).toFixed(2)} GiB` : `${(n / 1024 ** 2).toFixed(1)} MiB`;
}

/** Collects the events of every feed with the checks that span feeds. */
export class EventCollector {
  /** Events accepted so far. */
  count = 0;
  /** The scripted incidents the accepted events name (the party script may name only these). */
  readonly incidents = new Set<string>();
  /**
   * Accepted ids, numbered in acceptance order; `origins[number]` is where each
   * was given (source index * 2^32 + line or element index), in a double
   * array that spares a heap number per event.
   */
  private readonly ids = new IdIndex();
  private readonly origins: number[] = [];
  /** `shownAt` of each admitted event, by number: `refers_to` must name an earlier one. */
  private readonly shownAts: number[] = [];
  /** Admitted events that refer to another (section 8), checked once every feed is read. */
  private readonly references: { from: number; id: string; to: string }[] = [];
  private readonly sources: FeedSource[] = [];
  private readonly unknownWarned = new Set<string>();
  private readonly partyList: string;

  constructor(
    private readonly log: DiagnosticLog,
    private readonly context: FeedContext,
    private readonly sink: EventSink,
  ) {
    this.partyList = context.parties ? [...context.parties].join(', ') : '';
  }

  /** Registers a feed file or inline array; returns its index for `add`. */
  source(file: string, pointer?: string): number {
    this.sources.push(pointer === undefined ? { file } : { file, pointer });
    return this.sources.length - 1;
  }

  /**
   * Checks one record; returns its `at` if it was accepted, NaN if not.
   * `escapes`: the record's text had `\u` escapes, which may encode lone
   * surrogates (without them no string needs looking at).
   * `text`: the JSON text the record was parsed from, when it was one line.
   */
  add(
    raw: unknown,
    source: number,
    line: number,
    extraUnknown?: readonly string[],
    escapes = false,
    text?: string,
  ): number {
    // Before anything recurses into the record or serialises it.
    const problems = jsonValueProblems(raw, escapes);
    if (problems.length > 0) {
      for (const problem of problems) this.reportValue(source, line, problem);
      return NaN;
    }
    // The times as given: checkEvent normalises them in place.
    let givenTime: unknown;
    let givenReported: unknown;
    if (text !== undefined && raw !== null && typeof raw === 'object') {
      givenTime = (raw as { time?: unknown }).time;
      givenReported = (raw as { reported?: unknown }).reported;
    }
    const check = checkEvent(raw);
    const unknown = check.unknownFields ?? extraUnknown;
    if (unknown) this.warnUnknown(unknown, source, line);
    if (!check.ok) {
      for (const p of check.problems) this.report(source, line, p.field, p.message);
      return NaN;
    }
    const { event, at, shownAt } = check;
    const { start, end, parties, sensors } = this.context;
    let valid = true;
    if (start !== null && end !== null && (at < start || at > end)) {
      this.report(
        source,
        line,
        'time',
        `${event.time} is outside the scenario window [${new Date(start).toISOString()}, ${new Date(end).toISOString()}]`,
      );
      valid = false;
    }
    if (parties && event.party !== undefined && !parties.has(event.party)) {
      this.report(
        source,
        line,
        'party',
        `unknown party ${showValue(event.party)} (parties: ${this.partyList})`,
      );
      valid = false;
    }
    if (event.sensor !== undefined && sensors && !sensors.has(event.sensor)) {
      const known = [...sensors].slice(0, 10).join(', ') + (sensors.size > 10 ? ', …' : '');
      this.report(
        source,
        line,
        'sensor',
        `unknown sensor ${showValue(event.sensor)} (${sensors.size ? `sensors: ${known}` : 'the scenario lists no sensors'})`,
      );
      valid = false;
    }
    const asGiven =
      text !== undefined && event.time === givenTime && event.reported === givenReported;
    return this.admitChecked(event, at, shownAt, valid, source, line, asGiven ? text : undefined);
  }

  /**
   * A record that passed the event schema (`valid`: and the scenario's window,
   * parties and sensors) goes through the cross-feed checks, then to the sink.
   * `text`: its line, when its times were kept as given. Returns `at`, or NaN.
   */
  private admitChecked(
    event: ScenarioEvent,
    at: number,
    shownAt: number,
    valid: boolean,
    source: number,
    line: number,
    text: string | undefined,
  ): number {
    if (!this.admit(source, line, event.id, valid, shownAt, event.refers_to)) return NaN;
    if (event.incident !== undefined) this.incidents.add(event.incident);
    this.sink.accept(event, at, shownAt, text);
    return at;
  }

  /**
   * The checks that span feeds: a unique id (reported even for an otherwise
   * invalid record) and the event limit. True when the event is registered.
   */
  private admit(
    source: number,
    line: number,
    id: string,
    valid: boolean,
    shownAt = NaN,
    refersTo?: string,
  ): boolean {
    // An invalid record is not registered; a valid one is, in the same probe.
    const first = valid ? this.ids.addOrFind(id) : this.ids.find(id);
    if (first !== -1) {
      this.report(
        source,
        line,
        'id',
        `duplicate id ${showValue(id)} (first at ${this.describe(this.origins[first]!)})`,
      );
      return false;
    }
    if (!valid) return false;
    const maxEvents = this.context.maxEvents ?? MAX_EVENTS;
    if (this.count >= maxEvents) {
      this.log.error({
        ...this.place(source, line),
        message: `more than ${maxEvents.toLocaleString('en')} events, the limit for one scenario`,
      });
      throw new TooManyErrors();
    }
    this.count++;
    this.origins.push(source * LINE_FACTOR + line);
    this.shownAts.push(shownAt);
    if (refersTo !== undefined) {
      this.references.push({ from: this.origins.length - 1, id, to: refersTo });
    }
    return true;
  }

  /**
   * Once every feed is read: each `refers_to` names an event of the scenario
   * that comes earlier in replay order `(reported ?? time, id)`. Reported at
   * the referring event.
   */
  checkReferences(): void {
    for (const { from, id, to } of this.references) {
      const origin = this.origins[from]!;
      const source = Math.floor(origin / LINE_FACTOR);
      const line = origin % LINE_FACTOR;
      const target = this.ids.find(to);
      if (target === -1) {
        this.report(source, line, 'refers_to', `unknown event ${showValue(to)}`);
        continue;
      }
      const mine = this.shownAts[from]!;
      const theirs = this.shownAts[target]!;
      if (theirs < mine || (theirs === mine && to < id)) continue;
      const when = (ms: number) => new Date(ms).toISOString();
      this.report(
        source,
        line,
        'refers_to',
        `${showValue(to)} (${this.describe(this.origins[target]!)}) is not earlier in replay order: it is shown at ${when(theirs)}, this event at ${when(mine)}`,
      );
    }
  }

  private describe(origin: number): string {
    const source = this.sources[Math.floor(origin / LINE_FACTOR)]!;
    const line = origin % LINE_FACTOR;
    return source.pointer === undefined
      ? `${source.file}:${line}`
      : `${source.file}:${source.pointer}/${line}`;
  }

  private place(source: number, line: number): Diagnostic {
    const s = this.sources[source]!;
    return s.pointer === undefined
      ? { file: s.file, line, message: '' }
      : { file: s.file, pointer: `${s.pointer}/${line}`, message: '' };
  }

  /** A problem with one record (`field` may be `record` for the whole of it). */
  report(source: number, line: number, field: string, message: string, column?: number): void {
    const s = this.sources[source]!;
    if (s.pointer === undefined) {
      const d: Diagnostic = { file: s.file, line, field, message };
      if (column !== undefined) d.column = column;
      this.log.error(d);
      return;
    }
    const base = `${s.pointer}/${line}`;
    const pointer = field === 'record' ? base : `${base}/${field.split('.').join('/')}`;
    this.log.error({ file: s.file, pointer, message: `${field}: ${message}` });
  }

  /** A value the scenario cannot hold, at its pointer within the record. */
  private reportValue(source: number, line: number, problem: JsonValueProblem): void {
    const s = this.sources[source]!;
    if (s.pointer !== undefined) {
      const pointer = problemPointer(problem, `${s.pointer}/${line}`);
      this.log.error({ file: s.file, pointer, message: problemMessage(problem, false) });
      return;
    }
    const top = problem.path[0];
    this.log.error({
      file: s.file,
      line,
      field: top === undefined ? 'record' : showLoneSurrogates(String(top)),
      message: problemMessage(problem, true),
    });
  }

  private warnUnknown(fields: readonly string[], source: number, line: number): void {
    for (const field of fields) {
      const key = `${source}\u0000${field}`;
      if (this.unknownWarned.has(key)) continue;
      this.unknownWarned.add(key);
      this.log.warn({
        ...this.place(source, line),
        field,
        message: 'unknown field, kept under "extra" (reported once per feed)',
      });
    }
  }
}

/** Warns once per feed, at the first accepted event earlier than one before it. */
class TimeOrderWatch {
  private lastAt = -Infinity;
  private warned = false;

  constructor(
    private readonly path: string,
    private readonly log: DiagnosticLog,
  ) {}

  accepted(at: number, line: number): void {
    if (at < this.lastAt && !this.warned) {
      this.warned = true;
      this.log.warn({
        file: this.path,
        line,
        field: 'time',
        message: 'events are not in time order; they are sorted for replay',
      });
    }
    if (at > this.lastAt) this.lastAt = at;
  }
}

/** Streams one feed file into the collector. */
export async function readFeedFile(
  reader: PackageReader,
  path: string,
  collector: EventCollector,
  log: DiagnosticLog,
  onProgress: ((progress: LoadProgress) => void) | undefined,
): Promise<void> {
  const bytesTotal = await reader.size(path);
  if (bytesTotal > MAX_FILE_BYTES) {
    log.error({
      file: path,
      message: `the file is ${formatBytes(bytesTotal)}, over the 1 GiB limit`,
    });
    return;
  }
  const source = collector.source(path);
  let records = 0;
  const order = new TimeOrderWatch(path, log);
  const take = (list: RawRecord[]) => {
    for (const record of list) {
      records++;
      if (record.problem !== undefined) {
        collector.report(source, record.line, 'record', record.problem, record.column);
        continue;
      }
      const at = collector.add(
        record.value,
        source,
        record.line,
        record.unknownFields,
        record.escapes,
      );
      if (!Number.isNaN(at)) order.accepted(at, record.line);
    }
  };
  // NDJSON, by far the most common and largest, skips the intermediate records.
  const ndjson = (batch: LineBatch) => {
    const { lines, firstLine } = batch;
    for (let i = 0; i < lines.length; i++) {
      const text = lines[i]!;
      if (text.length === 0 || (text.charCodeAt(0) <= 32 && text.trim().length === 0)) continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        take(ndjsonRecords({ firstLine: firstLine + i, lines: [text] }));
        continue;
      }
      records++;
      const escapes = text.includes('\\u');
      const at = collector.add(value, source, firstLine + i, undefined, escapes, text);
      if (!Number.isNaN(at)) order.accepted(at, firstLine + i);
    }
  };
  let parse: ((batch: LineBatch) => void) | null = null;
  let finish: () => void = () => {};
  let notUtf8Warned = false;
  try {
    const lines = readLines(reader.stream(path), {
      onBytes: (bytesRead) =>
        onProgress?.({ file: path, bytesRead, bytesTotal, events: collector.count }),
      onNotUtf8: (line) => {
        if (notUtf8Warned) return;
        notUtf8Warned = true;
        log.warn({
          file: path,
          line,
          field: 'record',
          message: 'not valid UTF-8; lines that are not were read as windows-1252',
        });
      },
    });
    for await (const batch of lines) {
      if (!parse) {
        const firstText = batch.lines.find((l) => l.trim().length > 0);
        if (firstText === undefined) continue;
        const format = feedFormatOf(path, firstText);
        if (format === 'ndjson') parse = ndjson;
        else {
          const parser = format === 'csv' ? new CsvRecords() : new JsonArrayRecords();
          parse = (b) => take(parser.push(b));
          finish = () => take(parser.end());
        }
      }
      parse(batch);
    }
    finish();
  } catch (error) {
    if (error instanceof LineTooLong) {
      log.error({ file: path, line: error.line, field: 'record', message: error.message });
      return;
    }
    throw error;
  }
  if (records === 0) {
    log.error({ file: path, line: 1, field: 'record', message: 'the feed has no events' });
  }
}

/** An inline feed (an array of events in the manifest) into the collector. */
export function readInlineFeed(
  events: unknown[],
  file: string,
  pointer: string,
  collector: EventCollector,
  log: DiagnosticLog,
): void {
  if (events.length === 0) {
    log.error({ file, pointer, message: 'the feed has no events' });
    return;
  }
  const source = collector.source(file, pointer);
  // Strings were looked at with the whole manifest (check-json-value.ts).
  events.forEach((raw, i) => collector.add(raw, source, i));
}
