// Binds the exercise engine's AlertTracker to the replay cursor of
// shared/replay, which feeds the alert engine of shared/alerts.
import type { AlertChange as EngineChange } from '../alerts/alert-engine';
import type { AlertView } from '../alerts/alert-view';
import type { ScoringModel } from '../alerts/scoring-model';
import { ReplayCursor } from '../replay/cursor';
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

/** What the exercise logs of the alert engine's changes (quiet and closed are its own to note). */
function logged(changes: readonly EngineChange[]): AlertChange[] {
  const out: AlertChange[] = [];
  for (const change of changes) {
    switch (change.kind) {
      case 'alert-opened':
        out.push({
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
        out.push({ kind: 'joined', alertId: change.alertId, eventId: change.eventId });
        break;
      case 'alert-bands-changed':
      case 'incident-bands-changed': {
        const to = {
          gravity: change.gravity,
          severity: change.severity,
          certainty: change.certainty,
          certaintyBand: change.certaintyBand,
        };
        out.push(
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
  return out;
}

/** An AlertTracker over a fresh replay of the scenario with the scoring model. */
export function createAlertTracker(scenario: LoadedScenario, model: ScoringModel): AlertTracker {
  const cursor = new ReplayCursor(scenario, { model });
  const engine = cursor.engine;
  // Ranking sorts every alert: keep it until something changes.
  let ranked: TrackedAlert[] | null = null;
  return {
    modelVersion: 2,
    get shown() {
      return cursor.position;
    },
    get injected() {
      return cursor.injected;
    },
    get withheld() {
      return cursor.withheld;
    },
    withhold(seq) {
      cursor.withhold(seq);
    },
    showNext() {
      ranked = null;
      const { event, changes } = cursor.showNext();
      return { event, changes: logged(changes) };
    },
    inject(event) {
      ranked = null;
      return logged(cursor.inject(event));
    },
    advanceTo(at) {
      if (cursor.advanceTo(at).length > 0) ranked = null;
    },
    rewindTo(at) {
      // Forwards, the cursor would show events without their changes reaching the log.
      if (at > cursor.time) {
        throw new Error(
          `rewind to ${new Date(at).toISOString()} is ahead of the replay (${new Date(cursor.time).toISOString()})`,
        );
      }
      ranked = null;
      cursor.seek(at);
    },
    close(alertId) {
      cursor.close(alertId);
      ranked = null;
    },
    setProtocolActive(alertId, active) {
      cursor.setProtocolActive(alertId, active);
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
      return cursor.link(primaryId, otherId);
    },
    unlink(alertId) {
      ranked = null;
      return cursor.unlink(alertId);
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
