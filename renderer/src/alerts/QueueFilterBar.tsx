// The queue's filter bar: search, the band and source filters, the step due
// next, the sector, acknowledged or not, the state toggles (closed hidden by
// default, with its count), in-protocol and breached only, grouping by sector
// and by incident, and "showing N of M" whatever the filter. Every
// control is a native input, so Tab reaches each one; "/" focuses the search.
import { memo, useState } from 'react';
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
  type QueueSector,
} from './queue-filter';

/** The search box's id, which the console's "/" shortcut focuses. */
export const QUEUE_SEARCH_ID = 'alert-queue-search';

export const QueueFilterBar = memo(function QueueFilterBar({
  filter,
  queue,
  sectors,
  onFilter,
}: {
  filter: QueueFilter;
  queue: FilteredQueue;
  /** The scenario's sectors, in its order. */
  sectors: readonly QueueSector[];
  onFilter(filter: QueueFilter): void;
}) {
  const set = (change: Partial<QueueFilter>) => onFilter({ ...filter, ...change });
  const toggleState = (state: AlertState, on: boolean) =>
    set({
      states: ALERT_STATES.filter((s) => (s === state ? on : filter.states.includes(s))),
    });
  const closedShown = filter.states.includes('closed');
  // The bands, sources, states, step, sector… fold away, and unfold over the rows
  // (Escape or Done folds them again): at 1280×800 the rows need the height.
  const [open, setOpen] = useState(false);
  const narrowed = filterCount(filter);
  return (
    <div className="queue-filter" role="search" aria-label="Filter the alert queue">
      <div className="queue-filter-line queue-search-line">
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
        <button
          type="button"
          className="queue-filter-toggle"
          aria-expanded={open}
          aria-controls="queue-filter-more"
          onClick={() => setOpen(!open)}
        >
          Filters{narrowed > 0 ? ` (${narrowed})` : ''} {open ? '▴' : '▾'}
        </button>
      </div>
      {open ? (
        <div
          id="queue-filter-more"
          className="queue-filter-more"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              setOpen(false);
            }
          }}
        >
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
                  {b === 'cleared'
                    ? 'any certainty'
                    : `certainty ≥ ${CERTAINTY_BAND_TEXT[b].label}`}
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
          <div className="queue-filter-line queue-selects">
            <select
              aria-label="Step due next"
              value={filter.step ?? ''}
              onChange={(e) => set({ step: e.target.value === '' ? null : e.target.value })}
            >
              <option value="">any step</option>
              {queue.steps.map((s) => (
                <option key={s.id} value={s.id}>
                  {`step: ${s.title}`}
                </option>
              ))}
            </select>
            <select
              aria-label="Sector"
              value={filter.sector ?? ''}
              onChange={(e) => set({ sector: e.target.value === '' ? null : e.target.value })}
            >
              <option value="">any sector</option>
              {sectors.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
              {filter.sector !== null && !sectors.some((s) => s.id === filter.sector) ? (
                <option value={filter.sector}>{filter.sector}</option>
              ) : null}
            </select>
            <select
              aria-label="Acknowledged"
              value={filter.acknowledged === null ? '' : filter.acknowledged ? 'yes' : 'no'}
              onChange={(e) =>
                set({
                  acknowledged: e.target.value === '' ? null : e.target.value === 'yes',
                })
              }
            >
              <option value="">acknowledged or not</option>
              <option value="yes">acknowledged</option>
              <option value="no">not acknowledged</option>
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
                checked={filter.breached}
                onChange={(e) => set({ breached: e.target.checked })}
              />{' '}
              deadline breached
            </label>
          </fieldset>
          <fieldset className="queue-filter-line queue-states">
            <legend className="visually-hidden">Grouping</legend>
            <span className="muted">group by</span>
            <label>
              <input
                type="checkbox"
                aria-label="group by sector"
                checked={filter.groupBySector}
                onChange={(e) => set({ groupBySector: e.target.checked })}
              />{' '}
              sector
            </label>
            <label>
              <input
                type="checkbox"
                aria-label="group by incident"
                checked={filter.groupByIncident}
                onChange={(e) => set({ groupByIncident: e.target.checked })}
              />{' '}
              incident
            </label>
          </fieldset>
          <button type="button" className="queue-filter-done" onClick={() => setOpen(false)}>
            Done
          </button>
        </div>
      ) : null}
      <p className="queue-shown" data-testid="queue-shown">
        Showing {queue.rows.length} of {queue.total}
        {' · '}
        <button
          type="button"
          className="link"
          aria-pressed={closedShown}
          title={closedShown ? 'Hide closed alerts' : 'Show closed alerts too'}
          onClick={() => toggleState('closed', !closedShown)}
        >
          {closedShown ? `${queue.closed} closed shown` : `${queue.closed} closed hidden`}
        </button>
        {filter.source !== 'inject' && queue.messagesOnly > 0
          ? ` · ${queue.messagesOnly} in Messages`
          : ''}
        {!isDefaultFilter(filter) ? (
          <>
            {' '}
            <button
              type="button"
              className="link"
              aria-label="clear filters"
              title="Clear the filters (grouping stays)"
              onClick={() =>
                onFilter({
                  ...DEFAULT_QUEUE_FILTER,
                  groupByIncident: filter.groupByIncident,
                  groupBySector: filter.groupBySector,
                })
              }
            >
              ✕ clear
            </button>
          </>
        ) : null}
      </p>
    </div>
  );
});

/** How many filters narrow the queue beyond the default (closed hidden), for the folded button. */
function filterCount(filter: QueueFilter): number {
  const d = DEFAULT_QUEUE_FILTER;
  const states =
    d.states.some((s) => !filter.states.includes(s)) ||
    filter.states.some((s) => !d.states.includes(s));
  return [
    states,
    filter.minSeverity !== d.minSeverity,
    filter.minCertainty !== d.minCertainty,
    filter.source !== d.source,
    filter.inProtocol,
    filter.step !== d.step,
    filter.sector !== d.sector,
    filter.acknowledged !== d.acknowledged,
    filter.breached,
    filter.groupByIncident,
    filter.groupBySector,
  ].filter(Boolean).length;
}
