// Binds the exercise engine's AlertTracker to the alert engine of shared/alerts.
import { AlertEngine } from '../alerts/alert-engine';
import type { AlertView } from '../alerts/alert-view';
import type { ScoringModel } from '../alerts/scoring-model';
import type { LoadedScenario } from '../scenario/loaded-scenario';
import type { AlertChange, AlertTracker, TrackedAlert } from './alert-tracker';

// Views are rebuilt by the alert engine only when an alert changes, so one
// TrackedAlert per view keeps unchanged alerts identical between snapshots.
const trackedByView = new WeakMap<AlertView, TrackedAlert>();

function tracked(view: AlertView): TrackedAlert {
  const known = trackedByView.get(view);
  if (known) return known;
  const alert: TrackedAlert = {
    id: view.id,
    severity: view.severity,
    score: view.score,
    quiet: view.quiet,
    firstAt: view.firstAt,
    lastAt: view.lastAt,
    eventIds: view.eventIds,
    eventSeqs: view.eventSeqs,
    view,
  };
  trackedByView.set(view, alert);
  return alert;
}

/** An AlertTracker over a fresh AlertEngine for the scenario and scoring model. */
export function createAlertTracker(scenario: LoadedScenario, model: ScoringModel): AlertTracker {
  const engine = new AlertEngine({ model, zones: scenario.zones });
  // Ranking sorts every alert: keep it until something changes.
  let ranked: TrackedAlert[] | null = null;
  return {
    addEvent(event) {
      ranked = null;
      const changes: AlertChange[] = [];
      for (const change of engine.addEvent(event)) {
        if (change.kind === 'alert-opened') {
          changes.push({
            kind: 'opened',
            alertId: change.alertId,
            eventId: change.eventId,
            severity: change.severity,
            score: change.score,
          });
        } else if (change.kind === 'event-joined') {
          changes.push({ kind: 'joined', alertId: change.alertId, eventId: change.eventId });
        } else if (change.kind === 'alert-severity-changed') {
          changes.push({
            kind: 'severity-changed',
            alertId: change.alertId,
            from: change.from,
            to: change.to,
            score: change.score,
          });
        }
      }
      return changes;
    },
    advanceTo(at) {
      if (engine.advanceTo(at).length > 0) ranked = null;
    },
    close(alertId) {
      engine.close(alertId);
      ranked = null;
    },
    setProtocolActive(alertId, active) {
      engine.setProtocolActive(alertId, active);
      ranked = null;
    },
    ranked() {
      ranked ??= engine.all().map(tracked);
      return ranked;
    },
    get(alertId) {
      const view = engine.get(alertId);
      return view ? tracked(view) : undefined;
    },
  };
}
