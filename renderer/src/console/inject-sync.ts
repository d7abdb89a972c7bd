// Which injected events the engine worker sends the console with a snapshot.
// Injected events (live injects, and held or moved MSEL injects once
// delivered) follow the scenario's events by seq; a backward seek drops those
// after its target, and what is delivered afterwards may take their seqs. So
// the worker compares what it sent with what the engine holds, event by
// event, rather than counting: the console keeps the first `kept` and appends
// `fresh`. Pure.
import type { ReplayEvent } from '../../../shared/scenario/loaded-scenario';

export function injectsToSend(
  sent: readonly ReplayEvent[],
  /** The engine's event at a seq (scenario events first, then the injected ones). */
  eventAt: (seq: number) => ReplayEvent | undefined,
  scenarioEvents: number,
): { kept: number; fresh: ReplayEvent[] } {
  let kept = 0;
  while (kept < sent.length && eventAt(scenarioEvents + kept) === sent[kept]) kept += 1;
  const fresh: ReplayEvent[] = [];
  for (let seq = scenarioEvents + kept; ; seq++) {
    const event = eventAt(seq);
    if (!event) break;
    fresh.push(event);
  }
  return { kept, fresh };
}
