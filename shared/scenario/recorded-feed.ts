// A feed file checked in one place (a worker thread) and its outcome replayed
// in another (the thread that owns the scenario). Everything a record can be
// refused for on its own is decided where it is read; what spans feeds (unique
// ids, the event limit, the 100-error stop) and the time-order warning are
// decided on replay, in manifest order, so that the diagnostics come out
// exactly as a load that reads the feeds one after another gives them.
import {
  EventCollector,
  TimeOrderWatch,
  readFeedFile,
  type EventSink,
  type FeedContext,
} from './collect-events';
import { DiagnosticLog, TooManyErrors } from './diagnostics';
import { jcsTextOf, type EventTally } from './event-tally';
import type { Diagnostic } from './loaded-scenario';
import type { PackageReader } from './package-reader';
import type { ScenarioEvent } from './schema';

/** The checks of a feed's records, as plain data (it crosses threads). */
export interface FeedChecks {
  start: number | null;
  end: number | null;
  parties: string[] | null;
  sensors: string[] | null;
}

/** What reading one feed file found, in the order it found it. */
export interface RecordedFeed {
  path: string;
  errors: Diagnostic[];
  warnings: Diagnostic[];
  warningsDropped: number;
  /** Per record that passed the event schema, in file order: */
  lines: Int32Array;
  /** 1 when the record also passed the window, party and sensor checks. */
  valid: Uint8Array;
  at: Float64Array;
  shownAt: Float64Array;
  /** How many of `errors` / `warnings` came before the record's cross-feed checks. */
  errorsBefore: Int32Array;
  warningsBefore: Int32Array;
  ids: string[];
  /** The records that refer to another event (`refers_to`): their index and the id named. */
  referIndex: number[];
  referTo: string[];
  /** Source and type of each record, as indices into `names`. */
  sourceOf: Uint16Array;
  typeOf: Uint16Array;
  names: string[];
  /**
   * The JCS texts of the valid records, one after another in one string (one
   * copy across threads, not one string per event), and where each ends.
   */
  text: string;
  textEnds: Int32Array;
}

const noSink: EventSink = { accept() {} };

/** Records each checked record instead of admitting it. */
class RecordingCollector extends EventCollector {
  readonly lines: number[] = [];
  readonly valid: number[] = [];
  readonly at: number[] = [];
  readonly shownAt: number[] = [];
  readonly errorsBefore: number[] = [];
  readonly warningsBefore: number[] = [];
  readonly eventIds: string[] = [];
  readonly referIndex: number[] = [];
  readonly referTo: string[] = [];
  readonly sourceOf: number[] = [];
  readonly typeOf: number[] = [];
  readonly names: string[] = [];
  private readonly nameIndex = new Map<string, number>();
  readonly texts: string[] = [];
  readonly textEnds: number[] = [];
  private textLength = 0;

  private nameOf(name: string): number {
    let index = this.nameIndex.get(name);
    if (index === undefined) {
      index = this.names.push(name) - 1;
      this.nameIndex.set(name, index);
    }
    return index;
  }

  protected override admitChecked(
    event: ScenarioEvent,
    at: number,
    shownAt: number,
    valid: boolean,
    _source: number,
    line: number,
    text: string | undefined,
  ): number {
    this.lines.push(line);
    this.valid.push(valid ? 1 : 0);
    this.at.push(at);
    this.shownAt.push(shownAt);
    this.errorsBefore.push(this.log.errors.length);
    this.warningsBefore.push(this.log.warnings.length + this.log.droppedWarnings);
    if (event.refers_to !== undefined) {
      this.referIndex.push(this.eventIds.length);
      this.referTo.push(event.refers_to);
    }
    this.eventIds.push(event.id);
    this.sourceOf.push(this.nameOf(event.source));
    this.typeOf.push(this.nameOf(event.type));
    if (valid) {
      const jcs = jcsTextOf(event, text);
      this.texts.push(jcs);
      this.textLength += jcs.length;
    }
    this.textEnds.push(this.textLength);
    // Not admitted here: no time-order tracking either (done on replay).
    return NaN;
  }
}

/** Reads and checks one feed file of the package on its own. */
export async function recordFeed(
  reader: PackageReader,
  path: string,
  checks: FeedChecks,
): Promise<RecordedFeed> {
  const log = new DiagnosticLog();
  const context: FeedContext = {
    start: checks.start,
    end: checks.end,
    parties: checks.parties && new Set(checks.parties),
    sensors: checks.sensors && new Set(checks.sensors),
    // The limit spans feeds: applied on replay.
    maxEvents: Infinity,
  };
  const collector = new RecordingCollector(log, context, noSink);
  try {
    await readFeedFile(reader, path, collector, log, undefined);
  } catch (error) {
    // 100 errors in this feed alone: the replay stops at or before them.
    if (!(error instanceof TooManyErrors)) throw error;
  }
  return {
    path,
    errors: log.errors,
    warnings: log.warnings,
    warningsDropped: log.droppedWarnings,
    lines: Int32Array.from(collector.lines),
    valid: Uint8Array.from(collector.valid),
    at: Float64Array.from(collector.at),
    shownAt: Float64Array.from(collector.shownAt),
    errorsBefore: Int32Array.from(collector.errorsBefore),
    warningsBefore: Int32Array.from(collector.warningsBefore),
    ids: collector.eventIds,
    referIndex: collector.referIndex,
    referTo: collector.referTo,
    sourceOf: Uint16Array.from(collector.sourceOf),
    typeOf: Uint16Array.from(collector.typeOf),
    names: collector.names,
    text: collector.texts.join(''),
    textEnds: Int32Array.from(collector.textEnds),
  };
}

/** Replays a recorded feed into the scenario's collector, log and tally. */
export function replayRecordedFeed(
  recorded: RecordedFeed,
  collector: EventCollector,
  log: DiagnosticLog,
  tally: EventTally,
): void {
  const source = collector.source(recorded.path);
  const order = new TimeOrderWatch(recorded.path, log);
  const { errors, warnings, names } = recorded;
  let e = 0;
  let w = 0;
  let r = 0;
  const upTo = (errorCount: number, warningCount: number) => {
    for (; w < warningCount && w < warnings.length; w++) log.warn(warnings[w]!);
    for (; e < errorCount; e++) log.error(errors[e]!);
  };
  for (let k = 0; k < recorded.lines.length; k++) {
    upTo(recorded.errorsBefore[k]!, recorded.warningsBefore[k]!);
    const line = recorded.lines[k]!;
    const id = recorded.ids[k]!;
    while (r < recorded.referIndex.length && recorded.referIndex[r]! < k) r++;
    const refersTo = recorded.referIndex[r] === k ? recorded.referTo[r] : undefined;
    if (!collector.admit(source, line, id, recorded.valid[k] === 1, recorded.shownAt[k]!, refersTo))
      continue;
    const at = recorded.at[k]!;
    // A slice of the feed's text: a small view, not a copy.
    const text = recorded.text.slice(k === 0 ? 0 : recorded.textEnds[k - 1]!, recorded.textEnds[k]);
    tally.addChecked(
      names[recorded.sourceOf[k]!]!,
      names[recorded.typeOf[k]!]!,
      id,
      at,
      recorded.shownAt[k]!,
      text,
    );
    order.accepted(at, line);
  }
  upTo(errors.length, warnings.length);
  log.countDroppedWarnings(recorded.warningsDropped);
}
