// One alert in depth: its two measures (docs/ALERTS-AND-SEVERITY.md), gravity
// and certainty, each as one bar per factor with the reason behind it; the
// references its reports make; its incident; its events in time order (plain
// text, never markup).
import { memo, type ReactNode } from 'react';
import type { LoadedScenario, ReplayEvent } from '../../../shared/scenario/loaded-scenario';
import type { AlertView, FactorView } from '../console/view-model';
import { formatExerciseTime } from '../replay/exercise-time-format';
import { CertaintyChip } from './CertaintyChip';
import {
  CERTAINTY_BAND_TEXT,
  CERTAINTY_NOT_RECORDED,
  formatCertainty,
  formatGravity,
  reportFacts,
  stateText,
} from './measure-text';
import { SeverityBadge } from './SeverityBadge';
import { SourceIcon } from './SourceIcon';
import { sourceLabel } from '../ui/source-labels';
import './alerts.css';

export interface AlertDetailProps {
  alert: AlertView | null;
  scenario: LoadedScenario;
  /** Resolves an alert's event seq (scenario events and controller injects). */
  eventAt(seq: number): ReplayEvent | undefined;
  showGroundTruth: boolean;
  /** The incident panel (links), shown after the measures. */
  incident?: ReactNode;
  /** The messages linked to the alert, shown after its incident. */
  messages?: ReactNode;
  children?: ReactNode;
}

export function AlertDetail({
  alert,
  scenario,
  eventAt,
  showGroundTruth,
  incident,
  messages,
  children,
}: AlertDetailProps) {
  if (alert === null) {
    return (
      <section className="alert-detail" aria-label="Alert detail">
        <p className="empty">Select an alert (J/K or click) to see its evidence and protocol.</p>
      </section>
    );
  }
  const certainty = alert.certainty;
  const state = stateText(alert.state);
  return (
    <section className="alert-detail" aria-labelledby="alert-detail-heading">
      <header className="panel-header">
        <h2 id="alert-detail-heading" title={alert.title}>
          <SeverityBadge severity={alert.severity} /> {alert.title}
        </h2>
        <span className="panel-meta alert-measures">
          {alert.id} · gravity{' '}
          <strong data-testid="detail-gravity">{formatGravity(alert.gravity)}</strong> ·{' '}
          {certainty ? (
            <>
              certainty{' '}
              <strong data-testid="detail-certainty">{formatCertainty(certainty.value)}</strong>{' '}
              <CertaintyChip band={certainty.band} value={certainty.value} />
            </>
          ) : (
            <span data-testid="detail-certainty-none">{CERTAINTY_NOT_RECORDED}</span>
          )}
          {state !== null ? <span className="alert-state"> {state}</span> : null}
        </span>
      </header>
      <div className="alert-detail-body">
        {children}
        <section aria-labelledby="gravity-heading">
          <h3 id="gravity-heading">
            Gravity {formatGravity(alert.gravity)} ({alert.severity})
          </h3>
          <FactorList factors={alert.factors} label="Gravity factors" />
        </section>
        <section aria-labelledby="certainty-heading">
          <h3 id="certainty-heading">
            Certainty{' '}
            {certainty
              ? `${formatCertainty(certainty.value)} (${CERTAINTY_BAND_TEXT[certainty.band].label})`
              : ''}
          </h3>
          {certainty ? (
            <>
              <FactorList factors={certainty.factors} label="Certainty factors" />
              {certainty.incompatibleReports > 0 ? (
                <p className="muted factor-note">
                  {certainty.incompatibleReports} report
                  {certainty.incompatibleReports === 1 ? ' is' : 's are'} about something else and
                  do not count towards it.
                </p>
              ) : null}
            </>
          ) : (
            <p className="muted factor-note">
              {CERTAINTY_NOT_RECORDED}: gravity is the score the log recorded.
            </p>
          )}
        </section>
        {alert.links.length > 0 || alert.continues !== null ? (
          <section aria-labelledby="references-heading">
            <h3 id="references-heading">References</h3>
            <ul className="alert-references" data-testid="alert-references">
              {alert.continues !== null ? <li>Continues closed alert {alert.continues}</li> : null}
              {alert.links.map((l) => (
                <li key={l.eventId}>
                  Report {l.eventId} refers to {l.refersTo}
                  {l.alertId !== null && l.alertId !== alert.id ? ` (alert ${l.alertId})` : ''}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {incident}
        {messages}
        <AlertEvents
          eventSeqs={alert.eventSeqs}
          eventAt={eventAt}
          timezone={scenario.timezone}
          showGroundTruth={showGroundTruth}
        />
      </div>
    </section>
  );
}

/** One measure's factors: label, a bar scaled to the largest, signed points, the reason. */
function FactorList({ factors, label }: { factors: readonly FactorView[]; label: string }) {
  const maxPoints = Math.max(1, ...factors.map((f) => Math.abs(f.points)));
  return (
    <ul className="score-factors" aria-label={label}>
      {factors.map((f, i) => (
        <li key={`${f.id}-${i}`} className="score-factor">
          <span className="factor-label">{f.label}</span>
          <span className="factor-bar" aria-hidden="true">
            <span
              className={f.points >= 0 ? 'bar-positive' : 'bar-negative'}
              style={{ width: `${(Math.abs(f.points) / maxPoints) * 100}%` }}
            />
          </span>
          <span className="factor-points">
            {f.points >= 0 ? '+' : ''}
            {f.points.toFixed(1)}
          </span>
          <span className="factor-reason">{f.reason}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * The alert's events. Events are only ever appended to an alert, so the list
 * is re-rendered only when its length or last event changes, not every frame.
 */
const AlertEvents = memo(
  function AlertEvents(props: {
    eventSeqs: readonly number[];
    eventAt(seq: number): ReplayEvent | undefined;
    timezone: string;
    showGroundTruth: boolean;
  }) {
    const { eventSeqs, eventAt, timezone, showGroundTruth } = props;
    const events = eventSeqs
      .map(eventAt)
      .filter((e) => e !== undefined)
      .sort((a, b) => a.at - b.at || a.seq - b.seq);
    return (
      <>
        <h3>Events ({events.length})</h3>
        <ol className="alert-events">
          {events.map((e) => (
            <li key={e.event.id} className="alert-event">
              <span className="event-time">{formatExerciseTime(e.at, timezone)}</span>
              <SourceIcon source={e.event.source} />
              <span className="event-type">
                {sourceLabel(e.event.source)} · {e.event.type}
                {e.event.weapon_class ? ` · ${e.event.weapon_class}` : ''}
                {e.event.calibre_mm ? ` ${e.event.calibre_mm} mm` : ''}
                {e.event.count ? ` ×${e.event.count}` : ''}
                {e.event.confidence !== undefined ? ` · conf ${e.event.confidence}` : ''}
              </span>
              {/* Summaries come from feeds: React renders them as text, never HTML. */}
              <span className="event-summary">{e.event.summary ?? ''}</span>
              <EventFacts event={e.event} />
              {showGroundTruth && (e.event.truth || e.event.expected_action || e.event.incident) ? (
                <span className="ground-truth" data-testid="ground-truth">
                  CONTROLLER: {e.event.truth ?? '—'}
                  {e.event.expected_action ? ` · expected: ${e.event.expected_action}` : ''}
                  {e.event.incident ? ` · incident: ${e.event.incident}` : ''}
                </span>
              ) : null}
            </li>
          ))}
        </ol>
      </>
    );
  },
  (a, b) =>
    a.eventSeqs.length === b.eventSeqs.length &&
    a.eventSeqs[a.eventSeqs.length - 1] === b.eventSeqs[b.eventSeqs.length - 1] &&
    a.eventAt === b.eventAt &&
    a.timezone === b.timezone &&
    a.showGroundTruth === b.showGroundTruth,
);

/** A report's section-8 fields (harm, target, assessment, reference), when it gives any. */
function EventFacts({ event }: { event: ReplayEvent['event'] }) {
  const facts = reportFacts(event);
  if (facts.length === 0) return null;
  return (
    <dl className="event-facts" data-testid="event-facts">
      {facts.map((f) => (
        <div key={f.label}>
          <dt>{f.label}</dt>
          <dd>{f.text}</dd>
        </div>
      ))}
    </dl>
  );
}
