// The SimCell status of a running engine (shared/exercise/sim-cell-status.ts
// over the engine's public state): the controller's SimCell panel reads it
// with the party script, a party's own seat in a room without it (the
// script is controller-only material; docs/ROOMS.md, "A party's inbox").
import type { PartyScript } from '../scenario/schema';
import type { ExerciseEngine } from './exercise-engine';
import type { ExerciseSnapshot } from './exercise-snapshot';
import { simCellStatus, type SimCellStatus } from './sim-cell-status';

/** Every party's pending requests in the engine's open runs, or null for a version-1 exercise. */
export function engineSimCell(
  engine: ExerciseEngine,
  snapshot: ExerciseSnapshot,
  partyScript: PartyScript | null,
): SimCellStatus | null {
  if (engine.runCtx === null) return null;
  const alerts = new Map(snapshot.alerts.map((a) => [a.id, a] as const));
  const { scenario } = engine.setup;
  const injected = engine.injectedEvents();
  return simCellStatus({
    ctx: engine.runCtx,
    partyScript,
    runs: engine.runs(),
    takenOver: engine.takenOverParties(),
    titleOf: (id) => alerts.get(id)?.view.title ?? id,
    eventsOf: (id) => {
      const members = engine.incidentOf(id)?.alertIds ?? [id];
      const seqs = [...new Set(members.flatMap((m) => alerts.get(m)?.eventSeqs ?? []))];
      return seqs
        .sort((a, b) => a - b)
        .map((seq) => scenario.events[seq] ?? injected[seq - scenario.events.length])
        .filter((e) => e !== undefined);
    },
  });
}
