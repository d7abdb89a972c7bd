// Binds the exercise engine's AlertTracker to the alert engine of shared/alerts.
import { AlertEngine } from '../alerts/alert-engine';
import type { AlertView } from '../alerts/alert-view';
import type { ScoringModel } from '../alerts/scoring-model';
import type { LoadedScenario } from '../scenario/loaded-scenario';
import type { AlertChange, AlertTracker, TrackedAlert } from './alert-tracker';

function tracked(view: AlertView): TrackedAlert {
  return {
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
}

/** An AlertTracker over a fresh AlertEngine for the scenario and scoring model. */
export function createAlertTracker(scenario: LoadedScenario, model: ScoringModel): AlertTracker {
  const engine = new AlertEngine({ model, zones: scenario.zones });
  return {
    addEvent(event) {
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
      engine.advanceTo(at);
    },
    close(alertId) {
      engine.close(alertId);
    },
    setProtocolActive(alertId, active) {
      engine.setProtocolActive(alertId, active);
    },
    ranked() {
      return engine.all().map(tracked);
    },
    get(alertId) {
      const view = engine.get(alertId);
      return view ? tracked(view) : undefined;
    },
  };
}
