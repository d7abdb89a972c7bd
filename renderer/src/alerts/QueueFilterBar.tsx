// The queue's filter bar: search, the band and source filters, the state
// toggles (closed hidden by default, with its count), in-protocol only and
// grouping by incident, and "showing N of M" whatever the filter. Every
// control is a native input, so Tab reaches each one; "/" focuses the search.
import { memo } from 'react';
import { CERTAINTY_BANDS, SEVERITIES } from '../../../shared/alerts/bands';
import { ALERT_STATES, type AlertState } from '../../../shared/alerts/alert-view';
import { SOURCES, type Source } from '../../../shared/scenario/schema';
import { SOURCE_LABELS } from '../ui/source-labels';
import { CERTAINTY_BAND_TEXT } from './measure-text';
import {
  DEFAULT_QUEUE_FILTER,
  isDefaultFilter,
  type FilteredQueue,
  type QueueFilter,
} from './queue-filter';

/** The search box's id, which the console's "/" shortcut focuses. */
export const QUEUE_SEARCH_ID = 'alert-queue-search';

export const QueueFilterBar = memo(function QueueFilterBar({
  filter,
  queue,
  onFilter,
}: {
  filter: QueueFilter;
  queue: FilteredQueue;
  onFilter(filter: QueueFilter): void;
}) {
  const set = (change: Partial<QueueFilter>) => onFilter({ ...filter, ...change });
  const toggleState = (state: AlertState, on: boolean) =>
    set({
      states: ALERT_STATES.filter((s) => (s === state ? on : filter.states.includes(s))),
    });
  const closedShown = filter.states.includes('closed');
  return (
    <div className="queue-filter" role="search" aria-label="Filter the alert queue">
      <input
        id={QUEUE_SEARCH_ID}
        type="search"
        className="queue-search"
        aria-label="Search alerts by title, id or place"
        placeholder="Search title, id, place  ( / )"
        value={filter.text}
        maxLength={200}
        onChange={(e) => set({ text: e.target.value })}
      />
      {/* Each select names its filter in its options ("gravity ≥ high"), so three fit one line at 1280 px. */}
      <div className="queue-filter-line queue-selects">
        <select
          aria-label="Minimum gravity band"
          value={filter.minSeverity}
          onChange={(e) => set({ minSeverity: e.target.value as QueueFilter['minSeverity'] })}
        >
          {[...SEVERITIES].reverse().map((s) => (
            <option key={s} value={s}>
              {s === 'info' ? 'any gravity' : `gravity ≥ ${s}`}
            </option>
          ))}
        </select>
        <select
          aria-label="Minimum certainty band"
          value={filter.minCertainty}
          onChange={(e) => set({ minCertainty: e.target.value as QueueFilter['minCertainty'] })}
        >
          {[...CERTAINTY_BANDS].reverse().map((b) => (
            <option key={b} value={b}>
              {b === 'cleared' ? 'any certainty' : `certainty ≥ ${CERTAINTY_BAND_TEXT[b].label}`}
            </option>
          ))}
        </select>
        <select
          aria-label="Source kind"
          value={filter.source ?? ''}
          onChange={(e) =>
            set({ source: e.target.value === '' ? null : (e.target.value as Source) })
          }
        >
          <option value="">any source</option>
          {SOURCES.map((s) => (
            <option key={s} value={s}>
              {SOURCE_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="queue-filter-line queue-states">
        <legend className="visually-hidden">States shown</legend>
        {ALERT_STATES.map((state) => (
          <label key={state}>
            <input
              type="checkbox"
              checked={filter.states.includes(state)}
              onChange={(e) => toggleState(state, e.target.checked)}
            />{' '}
            {state}
            {state === 'closed' ? ` (${queue.closed})` : ''}
          </label>
        ))}
        <label>
          <input
            type="checkbox"
            checked={filter.inProtocol}
            onChange={(e) => set({ inProtocol: e.target.checked })}
          />{' '}
          in protocol
        </label>
        <label>
          <input
            type="checkbox"
            checked={filter.groupByIncident}
            onChange={(e) => set({ groupByIncident: e.target.checked })}
          />{' '}
          group by incident
        </label>
      </fieldset>
      <p className="queue-shown" data-testid="queue-shown">
        Showing {queue.rows.length} of {queue.total}
        {!closedShown && queue.closed > 0 ? ` · ${queue.closed} closed hidden` : ''}
        {filter.source !== 'inject' && queue.messagesOnly > 0
          ? ` · ${queue.messagesOnly} in Messages`
          : ''}
        {!isDefaultFilter(filter) ? (
          <>
            {' '}
            <button
              type="button"
              className="link"
              onClick={() =>
                onFilter({ ...DEFAULT_QUEUE_FILTER, groupByIncident: filter.groupByIncident })
              }
            >
              clear filters
            </button>
          </>
        ) : null}
      </p>
    </div>
  );
});
