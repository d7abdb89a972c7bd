// Binds the exercise engine's AlertTracker to the alert engine of shared/alerts.
import { AlertEngine } from '../alerts/alert-engine';
import type { AlertView } from '../alerts/alert-view';
import type { ScoringModel } from '../alerts/scoring-model';
import { maxReportDelay, referencedIds } from '../replay/cursor';
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
    state: view.state,
    severity: view.severity,
    gravity: view.gravity,
    certainty: view.certainty,
    certaintyBand: view.certaintyBand,
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
  const engine = new AlertEngine({
    model,
    zones: scenario.zones,
    maxReportDelayMs: maxReportDelay(scenario.events),
    referencedIds: referencedIds(scenario.events),
  });
  // Ranking sorts every alert: keep it until something changes.
  let ranked: TrackedAlert[] | null = null;
  return {
    modelVersion: 2,
    addEvent(event) {
      ranked = null;
      const changes: AlertChange[] = [];
      for (const change of engine.addEvent(event)) {
        switch (change.kind) {
          case 'alert-opened':
            changes.push({
              kind: 'opened',
              alertId: change.alertId,
              eventId: change.eventId,
              continues: change.continues,
              measures: {
                gravity: change.gravity,
                severity: change.severity,
                certainty: change.certainty,
                certaintyBand: change.certaintyBand,
              },
            });
            break;
          case 'event-joined':
            changes.push({ kind: 'joined', alertId: change.alertId, eventId: change.eventId });
            break;
          case 'alert-bands-changed':
          case 'incident-bands-changed': {
            const to = {
              gravity: change.gravity,
              severity: change.severity,
              certainty: change.certainty,
              certaintyBand: change.certaintyBand,
            };
            changes.push(
              change.kind === 'alert-bands-changed'
                ? {
                    kind: 'bands-changed',
                    alertId: change.alertId,
                    eventId: change.eventId,
                    from: change.from,
                    to,
                  }
                : {
                    kind: 'incident-bands-changed',
                    incidentId: change.incidentId,
                    primaryId: change.primaryId,
                    eventId: change.eventId!,
                    from: change.from,
                    to,
                  },
            );
            break;
          }
          default:
            break;
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
    link(primaryId, otherId) {
      ranked = null;
      return engine.link(primaryId, otherId);
    },
    unlink(alertId) {
      ranked = null;
      return engine.unlink(alertId);
    },
    incidentOf(alertId) {
      const incident = engine.incidentOf(alertId);
      if (!incident) return null;
      const m = incident.measures;
      return {
        id: incident.id,
        alertIds: incident.alertIds,
        measures: {
          gravity: m.gravity,
          severity: m.severity,
          certainty: m.certainty,
          certaintyBand: m.certaintyBand,
        },
      };
    },
    nextIncidentId(primaryId) {
      return engine.nextIncidentId(primaryId);
    },
  };
}
