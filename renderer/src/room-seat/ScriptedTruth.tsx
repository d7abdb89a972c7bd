// The evaluator's ground truth at a seat (docs/ROOMS.md, "A seat in the
// browser"): the scripted incidents of the seat's own scenario copy, with
// each event's truth and the action the script expects. Only control and
// evaluator copies hold these fields, so only their seats show this panel.
import { useMemo } from 'react';
import type { ScenarioView } from '../../../shared/room/scenario-view';
import { scriptedTruth } from '../../../shared/room/scripted-truth';
import { formatLogTime } from '../log/log-time-format';

export function ScriptedTruth({ view }: { view: ScenarioView | null }) {
  const incidents = useMemo(() => (view ? scriptedTruth(view) : []), [view]);
  return (
    <section className="scripted-truth" aria-labelledby="truth-title" data-testid="scripted-truth">
      <h2 id="truth-title">Ground truth (control and evaluators only)</h2>
      {incidents.length === 0 ? (
        <p className="muted">No scripted incidents in this scenario copy.</p>
      ) : (
        <ol className="truth-list">
          {incidents.map((incident) => (
            <li key={incident.incident} data-incident={incident.incident}>
              <strong className="mono">{incident.incident}</strong>
              <ul>
                {incident.events.map((e) => (
                  <li key={e.id} className="truth-event">
                    <span className="mono muted">
                      {e.shownAt ? formatLogTime(e.shownAt, 'UTC') : '—'} · {e.type}
                    </span>
                    <span>
                      Truth: <strong>{e.truth ?? '—'}</strong>
                    </span>
                    {e.expectedAction ? (
                      <span className="muted">Expected: {e.expectedAction}</span>
                    ) : null}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
