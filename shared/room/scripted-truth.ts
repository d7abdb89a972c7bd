// What an evaluator's seat shows of the exercise's ground truth (docs/ROOMS.md,
// "A seat in the browser"): the scripted events of its scenario copy — those
// with a `truth` or an `expected_action`, controller-only fields that only
// control and evaluator copies hold — grouped by the incident they belong to,
// in the order the exercise shows them. Built from the seat's own verified
// copy, so an operator's copy (without those fields) yields nothing.
import type { ScenarioView } from './scenario-view';

export interface ScriptedEvent {
  id: string;
  /** When the exercise shows it (its `reported` time, else its `time`), ISO. */
  shownAt: string;
  type: string;
  summary: string;
  truth: string | null;
  expectedAction: string | null;
}

export interface ScriptedIncident {
  /** The events' `incident`, or the event's own id for an event outside any. */
  incident: string;
  events: ScriptedEvent[];
}

const str = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value : null;

export function scriptedTruth(view: ScenarioView): ScriptedIncident[] {
  const scripted: (ScriptedEvent & { incident: string })[] = [];
  for (const event of view.events) {
    const truth = str(event['truth']);
    const expectedAction = str(event['expected_action']);
    if (truth === null && expectedAction === null) continue;
    const id = str(event['id']) ?? '?';
    scripted.push({
      incident: str(event['incident']) ?? id,
      id,
      shownAt: str(event['reported']) ?? str(event['time']) ?? '',
      type: str(event['type']) ?? 'event',
      summary: str(event['summary']) ?? '',
      truth,
      expectedAction,
    });
  }
  // ISO times of one form sort as text; ties keep the copy's (replay) order.
  scripted.sort((a, b) => (a.shownAt < b.shownAt ? -1 : a.shownAt > b.shownAt ? 1 : 0));
  const byIncident = new Map<string, ScriptedEvent[]>();
  for (const { incident, ...event } of scripted) {
    const list = byIncident.get(incident);
    if (list) list.push(event);
    else byIncident.set(incident, [event]);
  }
  return [...byIncident].map(([incident, events]) => ({ incident, events }));
}
