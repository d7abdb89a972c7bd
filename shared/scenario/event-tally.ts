// An event sink for checking a scenario without keeping it: counts by source
// and type, the span of `time`, and per event only what the content hash needs
// (its replay-order key and its JCS text). The events themselves die young,
// which spares the garbage collector most of the work of a full load.
import { isCanonicalJsonText } from './canonical-text';
import { canonicalEventJson, eventAsGiven } from './content-hash';
import type { EventSink } from './collect-events';
import { replayOrderIndices } from './replay-order';
import type { ScenarioEvent } from './schema';

/**
 * The JCS text of an accepted event: its feed line as read when that is
 * already canonical (a slice of the decoded block, no copy), else serialised.
 */
function jcsTextOf(event: ScenarioEvent, line: string | undefined): string {
  return line !== undefined && isCanonicalJsonText(line)
    ? line
    : canonicalEventJson(eventAsGiven(event));
}

/** Events per source and type, and the span of their `time`. */
export class EventCounts {
  readonly bySource = new Map<string, number>();
  readonly byType = new Map<string, number>();
  count = 0;
  /** Epoch ms of the first and last `time`; NaN without events. */
  firstAt = NaN;
  lastAt = NaN;

  /** Counts one event. */
  add(source: string, type: string, at: number): void {
    this.bySource.set(source, (this.bySource.get(source) ?? 0) + 1);
    this.byType.set(type, (this.byType.get(type) ?? 0) + 1);
    this.count++;
    if (!(at >= this.firstAt)) this.firstAt = at;
    if (!(at <= this.lastAt)) this.lastAt = at;
  }
}

/** Counts of the accepted events of a scenario, and what its hash needs. */
export class EventTally extends EventCounts implements EventSink {
  private readonly shownAt: number[] = [];
  private readonly ids: string[] = [];
  private readonly texts: string[] = [];

  accept(event: ScenarioEvent, at: number, shownAt: number, line: string | undefined): void {
    this.add(event.source, event.type, at);
    this.shownAt.push(shownAt);
    this.ids.push(event.id);
    this.texts.push(jcsTextOf(event, line));
  }

  /** The events' JCS texts in replay order `(reported ?? time, id)`. */
  textsInReplayOrder(): string[] {
    const order = replayOrderIndices(
      this.ids.length,
      (i) => this.shownAt[i]!,
      (i) => this.ids[i]!,
    );
    const texts = new Array<string>(order.length);
    for (let i = 0; i < order.length; i++) texts[i] = this.texts[order[i]!]!;
    return texts;
  }
}
