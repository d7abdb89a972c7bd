// One alert in depth: its events in time order (plain text, never markup) and
// the score as one bar per factor with the reason behind it.
import { memo, type ReactNode } from 'react';
import type { LoadedScenario, ReplayEvent } from '../../../shared/scenario/loaded-scenario';
import type { AlertView } from '../console/view-model';
import { formatExerciseTime } from '../replay/exercise-time-format';
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
  children?: ReactNode;
}

export function AlertDetail({
  alert,
  scenario,
  eventAt,
  showGroundTruth,
  children,
}: AlertDetailProps) {
  if (alert === null) {
    return (
      <section className="alert-detail" aria-label="Alert detail">
        <p className="empty">Select an alert (J/K or click) to see its evidence and protocol.</p>
      </section>
    );
  }
  const maxPoints = Math.max(1, ...alert.factors.map((f) => Math.abs(f.points)));
  return (
    <section className="alert-detail" aria-labelledby="alert-detail-heading">
      <header className="panel-header">
        <h2 id="alert-detail-heading" title={alert.title}>
          <SeverityBadge severity={alert.severity} /> {alert.title}
        </h2>
        <span className="panel-meta">
          {alert.id} · score <strong data-testid="detail-score">{alert.score.toFixed(1)}</strong>
        </span>
      </header>
      <div className="alert-detail-body">
        {children}
        <h3>Score breakdown</h3>
        <ul className="score-factors" aria-label="Score factors">
          {alert.factors.map((f) => (
            <li key={f.id} className="score-factor">
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
              {showGroundTruth && (e.event.truth || e.event.expected_action) ? (
                <span className="ground-truth" data-testid="ground-truth">
                  CONTROLLER: {e.event.truth ?? '—'}
                  {e.event.expected_action ? ` · expected: ${e.event.expected_action}` : ''}
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
