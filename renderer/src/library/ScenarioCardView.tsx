import { useEffect, useRef } from 'react';
import { SOURCE_LABELS } from '../ui/source-labels';
import { formatDuration, formatInZone } from '../ui/format-time';
import { DiagnosticList } from '../ui/DiagnosticList';
import { ProgressBar } from '../ui/ProgressBar';
import type { LibraryCard } from './library-store';
import './ScenarioCardView.css';

export function ScenarioCardView({
  card,
  selected = null,
  onStart,
  onBriefing,
  onRemove,
}: {
  card: LibraryCard;
  /**
   * Set when the card is selected: brought into view, focused and outlined (the "open it" of
   * a duplicate import); a new number is a new ask.
   */
  selected?: number | null;
  onStart: (card: LibraryCard) => void;
  onBriefing: (card: LibraryCard) => void;
  onRemove?: (card: LibraryCard) => void;
}) {
  const { state } = card;
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (selected === null) return;
    ref.current?.scrollIntoView({ block: 'nearest' });
    ref.current?.focus();
  }, [selected, state.status]);
  const selection = {
    ref,
    tabIndex: -1,
    'aria-current': selected !== null ? ('true' as const) : undefined,
    className: selected !== null ? 'scenario-card panel selected' : 'scenario-card panel',
  };
  const origin = card.origin.kind === 'bundled' ? 'Bundled sample' : 'Imported';
  if (state.status === 'loading') {
    return (
      <article {...selection} aria-busy="true" aria-label={card.label}>
        <h2>{card.label}</h2>
        <ProgressBar {...state.progress} />
      </article>
    );
  }
  if (state.status === 'failed') {
    return (
      <article {...selection} aria-label={card.label}>
        <h2>{card.label}</h2>
        <p className="status status-bad">✖ Could not be loaded</p>
        <DiagnosticList title="Errors" tone="error" lines={state.errors} />
        <DiagnosticList title="Warnings" tone="warning" lines={state.warnings} />
        {onRemove ? (
          <button type="button" onClick={() => onRemove(card)}>
            Remove
          </button>
        ) : null}
      </article>
    );
  }
  const s = state.summary;
  return (
    <article {...selection} aria-label={s.title} data-testid={`scenario-${s.id}`}>
      <div className="scenario-card-head">
        <h2>{s.title}</h2>
        <span className="scenario-origin muted">{origin}</span>
      </div>
      <p className="scenario-classification" data-testid="scenario-classification">
        {s.classification}
      </p>
      <dl className="scenario-facts">
        <dt>Span</dt>
        <dd>
          {formatInZone(s.start, s.timezone)} → {formatInZone(s.end, s.timezone)}{' '}
          <span className="muted">
            ({formatDuration(s.end - s.start)}, {s.timezone})
          </span>
        </dd>
        <dt>Events</dt>
        <dd data-testid="scenario-event-count">{s.eventCount.toLocaleString('en')}</dd>
        <dt>By source</dt>
        <dd>
          <ul className="source-counts" aria-label="Events by source">
            {s.bySource
              .filter((c) => c.count > 0)
              .map((c) => (
                <li key={c.source} data-testid={`count-${c.source}`}>
                  <span className="muted">{SOURCE_LABELS[c.source]}</span>{' '}
                  <strong>{c.count.toLocaleString('en')}</strong>
                </li>
              ))}
          </ul>
        </dd>
        <dt>Zones · sensors</dt>
        <dd>
          {s.zoneCount} zones · {s.sensorCount} sensors
        </dd>
        <dt>Content hash</dt>
        <dd>
          <code title={s.hash} data-testid="scenario-hash">
            {s.hashShort}…
          </code>
        </dd>
      </dl>
      {state.warnings.length > 0 ? (
        <details className="scenario-warnings">
          <summary>⚠ {state.warnings.length} warnings while loading</summary>
          <DiagnosticList title="Warnings" tone="warning" lines={state.warnings} />
        </details>
      ) : null}
      <div className="scenario-actions">
        <button type="button" className="primary" onClick={() => onStart(card)}>
          Start exercise
        </button>
        {s.hasBriefing ? (
          <button type="button" onClick={() => onBriefing(card)}>
            Read briefing
          </button>
        ) : (
          <span className="muted">No briefing</span>
        )}
        {onRemove ? (
          <button type="button" className="danger" onClick={() => onRemove(card)}>
            Remove
          </button>
        ) : null}
      </div>
    </article>
  );
}
