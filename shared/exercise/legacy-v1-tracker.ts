// An AlertTracker over the frozen version-1 scorer (shared/alerts/legacy-v1),
// for exercises whose log recorded a version-1 scoring model. Such an
// exercise opens read-only: replaying its log through this tracker regenerates
// exactly the entries it recorded (each one is checked), so its screens and
// its report show what the log recorded, never a silent re-scoring with the
// version-2 model. Its one score is shown as the gravity; it has no certainty
// of its own (the combined confidence it used is shown, unbanded: `unconfirmed`
// unless at least 0.35, as the bands read).
import { certaintyBandOf, severityOf } from '../alerts/alert-score';
import type { AlertView } from '../alerts/alert-view';
import { AlertEngine as LegacyEngine } from '../alerts/legacy-v1/alert-engine';
import type { AlertView as LegacyView } from '../alerts/legacy-v1/alert-view';
import type { ScoringModel as LegacyModel } from '../alerts/legacy-v1/scoring-model';
import type { LoadedScenario, ReplayEvent } from '../scenario/loaded-scenario';
import type { AlertChange, AlertTracker, TrackedAlert } from './alert-tracker';

const trackedByView = new WeakMap<LegacyView, TrackedAlert>();

/** What a version-1 alert looks like in the version-2 view (score as gravity). */
export function viewOfLegacy(v: LegacyView): AlertView {
  const confidence = v.factors.find((f) => f.factor === 'confidence');
  const certainty = confidence
    ? Number(/Combined confidence ([0-9.]+)/.exec(confidence.reason)?.[1] ?? 0)
    : 0;
  return {
    id: v.id,
    state: v.closed ? 'closed' : v.quiet ? 'quiet' : 'active',
    gravity: v.score,
    severity: severityOf(v.score),
    factors: v.factors.map((f) => ({
      // Version-1 factor names are kept as they were logged and shown then.
      factor: f.factor as never,
      label: f.reason.replace(/: [+-][0-9.]+$/, ''),
      contribution: f.contribution,
      reason: f.reason,
      eventId: null,
    })),
    certainty,
    certaintyBand: certaintyBandOf(certainty),
    certaintyFactors: [],
    incompatibleReports: 0,
    links: [],
    continues: null,
    incident: null,
    eventIds: v.eventIds,
    eventSeqs: v.eventSeqs,
    zones: v.zones,
    sources: v.sources,
    firstSeen: v.firstSeen,
    lastSeen: v.lastSeen,
    firstAt: v.firstAt,
    lastAt: v.lastAt,
    lastShownAt: v.lastShownAt,
    quiet: v.quiet,
    closed: v.closed,
    cleared: false,
    protocolActive: v.protocolActive,
    title: v.title,
    // A version-1 log is read-only and its titles are as it recorded them.
    shortTitle: v.title,
    sector: v.sector,
    lat: v.lat,
    lon: v.lon,
  };
}

function tracked(legacy: LegacyView): TrackedAlert {
  const known = trackedByView.get(legacy);
  if (known) return known;
  const view = viewOfLegacy(legacy);
  const alert: TrackedAlert = {
    id: view.id,
    state: view.state,
    severity: legacy.severity,
    gravity: legacy.score,
    certainty: view.certainty,
    certaintyBand: view.certaintyBand,
    quiet: legacy.quiet,
    firstAt: legacy.firstAt,
    lastAt: legacy.lastAt,
    eventIds: legacy.eventIds,
    eventSeqs: legacy.eventSeqs,
    view,
  };
  trackedByView.set(legacy, alert);
  return alert;
}

const READ_ONLY =
  'this exercise was scored with version 1 of the severity model: it is read-only, and its alerts cannot be linked';

/** What the exercise logs of one version-1 change, in version-2 terms. */
function loggedLegacy(
  changes: ReturnType<LegacyEngine['addEvent']>,
  event: ReplayEvent,
): AlertChange[] {
  const out: AlertChange[] = [];
  for (const change of changes) {
    if (change.kind === 'alert-opened') {
      out.push({
        kind: 'opened',
        alertId: change.alertId,
        eventId: change.eventId,
        continues: null,
        measures: {
          gravity: change.score,
          severity: change.severity,
          certainty: 0,
          certaintyBand: 'unconfirmed',
        },
      });
    } else if (change.kind === 'event-joined') {
      out.push({ kind: 'joined', alertId: change.alertId, eventId: change.eventId });
    } else if (change.kind === 'alert-severity-changed') {
      out.push({
        kind: 'bands-changed',
        alertId: change.alertId,
        eventId: event.event.id,
        from: { severity: change.from, certaintyBand: 'unconfirmed' },
        to: {
          gravity: change.score,
          severity: change.to,
          certainty: 0,
          certaintyBand: 'unconfirmed',
        },
      });
    }
  }
  return out;
}

/**
 * A tracker that scores as version 1 did, for read-only replays of its logs.
 * It keeps no snapshots: a backward seek replays from the start (these
 * exercises are only read, and the frozen engine is not worth a second path).
 */
export function createLegacyV1Tracker(scenario: LoadedScenario, model: LegacyModel): AlertTracker {
  const fresh = () => new LegacyEngine({ model, zones: scenario.zones });
  const events = scenario.events;
  let engine = fresh();
  let shown = 0;
  let injects: ReplayEvent[] = [];
  let clock = -Infinity;
  let ranked: TrackedAlert[] | null = null;
  return {
    modelVersion: 1,
    get shown() {
      return shown;
    },
    get injected() {
      return injects;
    },
    withheld: new Set<number>(),
    withhold() {
      throw new Error(READ_ONLY);
    },
    showNext() {
      const event = events[shown];
      if (!event) throw new Error(`all ${events.length} scenario events have been shown`);
      ranked = null;
      shown += 1;
      if (event.shownAt > clock) clock = event.shownAt;
      return { event, changes: loggedLegacy(engine.addEvent(event), event) };
    },
    inject(event) {
      ranked = null;
      injects = [...injects, event];
      clock = event.shownAt;
      return loggedLegacy(engine.addEvent(event), event);
    },
    advanceTo(at) {
      if (engine.advanceTo(at).length > 0) ranked = null;
      clock = at;
    },
    rewindTo(at) {
      if (at > clock) {
        throw new Error(
          `rewind to ${new Date(at).toISOString()} is ahead of the replay (${new Date(clock).toISOString()})`,
        );
      }
      ranked = null;
      engine = fresh();
      injects = injects.filter((e) => e.shownAt <= at);
      // The order of the exercise clock: an injected event after every
      // scenario event shown at or before its time.
      let next = 0;
      shown = 0;
      for (;;) {
        const event = shown < events.length && events[shown]!.shownAt <= at ? events[shown]! : null;
        const inject = next < injects.length ? injects[next]! : null;
        if (inject && (!event || inject.shownAt < event.shownAt)) {
          engine.addEvent(inject);
          next += 1;
        } else if (event) {
          engine.addEvent(event);
          shown += 1;
        } else {
          break;
        }
      }
      engine.advanceTo(at);
      clock = at;
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
    link() {
      throw new Error(READ_ONLY);
    },
    unlink() {
      throw new Error(READ_ONLY);
    },
    incidentOf() {
      return null;
    },
    nextIncidentId(primaryId) {
      return `I-${primaryId}`;
    },
  };
}
