// Controller injects read as messages (docs/SCENARIO-FORMAT.md, "An inject is
// the controller speaking into the exercise"): a hotline call, a party's
// statement, a media report. An event of source `inject` is a message; its
// text is its `summary`, with who sent it (`x-from`), to whom (`x-to`) and how
// (`x-inject-kind`). The engine links messages to alerts (`message-linked`,
// docs/AUDIT-LOG.md); the console lists them. Pure.
import type { ReplayEvent } from '../scenario/loaded-scenario';

/** True for a controller inject: scripted (an MSEL row) or injected live. */
export function isMessageEvent(event: ReplayEvent): boolean {
  return event.event.source === 'inject';
}

export interface Message {
  eventId: string;
  seq: number;
  /** When it arrived (exercise time, epoch ms). */
  at: number;
  /** What the players hear: the event's summary ("" when the scenario gave none). */
  text: string;
  from: string | null;
  to: string | null;
  /** How it arrived: hotline, media report, briefing… */
  method: string | null;
  /** Injected by the controller during the exercise, not scripted in the scenario. */
  live: boolean;
}

const field = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

/**
 * A message of an inject event; `scenarioEvents` tells scripted injects from
 * live ones (`live` says it instead for a scripted inject the controller held
 * or moved, which arrives among the injected events).
 */
export function messageOf(
  event: ReplayEvent,
  scenarioEvents: number,
  live = event.seq >= scenarioEvents,
): Message {
  const e = event.event;
  return {
    eventId: e.id,
    seq: event.seq,
    at: event.shownAt,
    text: e.summary ?? '',
    from: field(e['x-from']),
    to: field(e['x-to']),
    method: field(e['x-inject-kind']),
    live,
  };
}

/** Seqs of the scenario's inject events, in replay order (computed once per scenario). */
export function messageSeqs(events: readonly ReplayEvent[]): number[] {
  const seqs: number[] = [];
  for (const event of events) if (isMessageEvent(event)) seqs.push(event.seq);
  return seqs;
}

/**
 * The messages shown so far, newest first: the scenario's injects among its
 * first `shownCount` events but those `withheld` (held or moved by the
 * controller: they arrive, if delivered, among the injected events), and
 * every injected message.
 */
export function shownMessages(
  events: readonly ReplayEvent[],
  seqs: readonly number[],
  shownCount: number,
  injected: readonly ReplayEvent[],
  withheld: ReadonlySet<number> = new Set(),
): Message[] {
  const all: Message[] = [];
  for (const seq of seqs) {
    if (seq >= shownCount) break;
    if (!withheld.has(seq)) all.push(messageOf(events[seq]!, events.length));
  }
  const scripted = new Set([...withheld].map((seq) => events[seq]?.event.id));
  for (const event of injected)
    if (isMessageEvent(event))
      all.push(messageOf(event, events.length, !scripted.has(event.event.id)));
  return all.sort((a, b) => b.at - a.at || b.seq - a.seq);
}
