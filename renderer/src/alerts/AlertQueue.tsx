// The ranked alert queue. Virtualised: only the visible rows exist in the DOM,
// so 10,000 alerts scroll as smoothly as 10. The queue re-renders every frame
// for the clock; a row only when its alert, place or clock text changed. What
// it lists is the filtered queue (queue-filter.ts); the filter bar above the
// rows sets that filter. Grouped by sector, a heading precedes each sector's rows.
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef } from 'react';
import type { AlertView } from '../console/view-model';
import { CertaintyChip } from './CertaintyChip';
import { DeadlineCountdown } from './DeadlineCountdown';
import { formatAge } from './deadline-state';
import { formatGravity, stateText } from './measure-text';
import { QueueFilterBar } from './QueueFilterBar';
import type { FilteredQueue, QueueFilter, QueueGroup, QueueSector } from './queue-filter';
import { rowClockText } from './queue-row-clock';
import { queueStepOf } from './queue-step';
import { SeverityBadge } from './SeverityBadge';
import { SourceIcon } from './SourceIcon';
import { useMediaQuery } from '../ui/window-height';
import './alerts.css';

/** Three lines: measures, the title on a line of its own, then rank, sources, place and step. */
const ROW_HEIGHT = 74;
/** The same three lines, tighter, on a short window: the controller's queue keeps about six rows at 1280×800. */
const SHORT_ROW_HEIGHT = 58;
/** As the stylesheet's compact rows (alerts.css). */
const SHORT_WINDOW = '(max-height: 850px)';

/** The rows' height for the window's height, following it as the window is resized. */
function useRowHeight(): number {
  const short = useMediaQuery(SHORT_WINDOW);
  return short ? SHORT_ROW_HEIGHT : ROW_HEIGHT;
}
/** A sector's heading (grouping by sector): one short line. */
const HEADING_HEIGHT = 24;

/** What one place of the virtual list shows: a sector's heading or the row of `rows[row]`. */
type QueueItem = { heading: QueueGroup } | { row: number };

/** The virtual list's items: the rows, each sector group preceded by its heading. */
function queueItems(queue: FilteredQueue): QueueItem[] {
  if (queue.groups === null) return queue.rows.map((_, row) => ({ row }));
  const items: QueueItem[] = [];
  for (const group of queue.groups) {
    items.push({ heading: group });
    for (let i = 0; i < group.count; i++) items.push({ row: group.start + i });
  }
  return items;
}

export interface AlertQueueProps {
  /** Every alert of the snapshot, ranked (for the totals). */
  alerts: readonly AlertView[];
  /** What the filter lets through, in the order shown. */
  queue: FilteredQueue;
  filter: QueueFilter;
  onFilter(filter: QueueFilter): void;
  now: number;
  selectedId: string | null;
  zoneNames: ReadonlyMap<string, string>;
  /** The scenario's sectors, for the sector filter. */
  sectors: readonly QueueSector[];
  onSelect(alertId: string): void;
}

export const AlertQueue = memo(function AlertQueue({
  alerts,
  queue,
  filter,
  onFilter,
  now,
  selectedId,
  zoneNames,
  sectors,
  onSelect,
}: AlertQueueProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = queue.rows;
  const items = useMemo(() => queueItems(queue), [queue]);
  // Rows are keyed by their place in the list, not by alert: as ranks shift at
  // speed, a place shows another alert by updating its text rather than by
  // unmounting one row and building another (most of the queue's cost at 100k).
  const rowHeight = useRowHeight();
  // useVirtualizer returns functions that cannot be memoised; the compiler rule knows and says so.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => ('heading' in items[i]! ? HEADING_HEIGHT : rowHeight),
    overscan: 8,
  });
  // A different list of headings moves the rows below them, and a resized
  // window changes the rows' height: sizes are measured again.
  const headings = queue.groups?.length ?? 0;
  useEffect(() => virtualizer.measure(), [headings, rowHeight, virtualizer]);
  const selectedIndex = useMemo(
    () =>
      selectedId === null
        ? -1
        : items.findIndex((it) => 'row' in it && rows[it.row]!.alert.id === selectedId),
    [items, rows, selectedId],
  );

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);
  // A new filter shows another list: back to its top unless the selected alert is in it
  // (hiding closed alerts after looking at one must not leave the view scrolled past the rest).
  const selectedShown = selectedIndex >= 0;
  useEffect(() => {
    if (!selectedShown) virtualizer.scrollToOffset(0);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on a filter change only
  }, [filter]);

  const active = useMemo(() => {
    let n = 0;
    for (const a of alerts) if (a.state === 'active' && !a.protocol?.closed && !a.run?.closed) n++;
    return n;
  }, [alerts]);
  return (
    <section className="alert-queue" aria-labelledby="alert-queue-heading">
      <header className="panel-header">
        <h2 id="alert-queue-heading">Alerts</h2>
        <span className="panel-meta" data-testid="alert-count">
          {alerts.length} total · {active} active
        </span>
      </header>
      <QueueFilterBar filter={filter} queue={queue} sectors={sectors} onFilter={onFilter} />
      <div
        ref={scrollRef}
        className="alert-queue-scroll"
        role="listbox"
        aria-label="Ranked alerts: active, then cleared, then quiet; gravest first"
        aria-activedescendant={selectedIndex >= 0 ? `alert-row-${selectedId}` : undefined}
        tabIndex={0}
      >
        {alerts.length === 0 ? <p className="empty">No alerts yet.</p> : null}
        {alerts.length > 0 && rows.length === 0 ? (
          <p className="empty" data-testid="queue-empty">
            No alert matches the filter.
          </p>
        ) : null}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const it = items[item.index]!;
            if ('heading' in it) {
              return (
                <div
                  key={item.key}
                  className="queue-group-heading"
                  role="presentation"
                  data-sector={it.heading.sectorId ?? ''}
                  style={{ transform: `translateY(${item.start}px)`, height: HEADING_HEIGHT }}
                >
                  {it.heading.label} <span className="muted">({it.heading.count})</span>
                </div>
              );
            }
            const row = rows[it.row]!;
            return (
              <AlertRow
                key={item.key}
                alert={row.alert}
                nested={row.nested}
                now={now}
                top={item.start}
                height={rowHeight}
                selected={row.alert.id === selectedId}
                zoneNames={zoneNames}
                onSelect={onSelect}
              />
            );
          })}
        </div>
      </div>
    </section>
  );
});

export interface AlertRowProps {
  alert: AlertView;
  /** Listed under its incident's primary (grouping by incident). */
  nested?: boolean;
  now: number;
  top: number;
  selected: boolean;
  zoneNames: ReadonlyMap<string, string>;
  onSelect(alertId: string): void;
  /** Its height in px (shorter on a short window); ROW_HEIGHT when not given. */
  height?: number;
}

/** Same alert, place and handlers, and the clock moved by less than the row shows. */
export function alertRowUnchanged(a: AlertRowProps, b: AlertRowProps): boolean {
  return (
    a.alert === b.alert &&
    a.nested === b.nested &&
    a.top === b.top &&
    a.height === b.height &&
    a.selected === b.selected &&
    a.zoneNames === b.zoneNames &&
    a.onSelect === b.onSelect &&
    (a.now === b.now || rowClockText(a.alert, a.now) === rowClockText(b.alert, b.now))
  );
}

/** One queue row; exported for the test that checks the memo against its markup. */
export const AlertRow = memo(function AlertRow(props: AlertRowProps) {
  const { alert, nested = false, now, top, selected, zoneNames, onSelect } = props;
  const zones = alert.zoneIds.map((z) => zoneNames.get(z) ?? z).join(', ');
  const step = queueStepOf(alert);
  const state = stateText(alert.state);
  const incident = alert.incident;
  return (
    <div
      id={`alert-row-${alert.id}`}
      role="option"
      aria-selected={selected}
      data-alert-id={alert.id}
      data-rank={alert.rank}
      data-state={alert.state}
      data-incident={incident?.id}
      className={`alert-row sev-${alert.severity} state-${alert.state}${selected ? ' selected' : ''}${alert.quiet ? ' quiet' : ''}${nested ? ' nested' : ''}`}
      style={{ transform: `translateY(${top}px)`, height: props.height ?? ROW_HEIGHT }}
      onClick={() => onSelect(alert.id)}
    >
      <div className="alert-row-line">
        <SeverityBadge severity={alert.severity} />
        <span className="alert-gravity" title="gravity (0–100)">
          {formatGravity(alert.gravity)}
        </span>
        <CertaintyChip band={alert.certainty?.band ?? null} value={alert.certainty?.value} />
        {alert.acknowledged ? (
          <span className="alert-ack" title="acknowledged by the operator">
            ✓ ack
          </span>
        ) : null}
        {state !== null && alert.state !== 'quiet' ? (
          <span className="alert-state" title={state}>
            {alert.state}
          </span>
        ) : null}
        {incident ? (
          <span
            className="alert-incident"
            title={`incident ${incident.id}${incident.primary ? ' (its primary)' : ''}: ${incident.alertIds.join(', ')}`}
          >
            {incident.primary ? '◆' : '◇'} {incident.id}
          </span>
        ) : null}
        <span className="alert-age" title="age (exercise time)">
          {formatAge(now - alert.firstAt)}
        </span>
      </div>
      {/* The title has a line of its own and only what and where, so at
          1280 px it keeps its event type and place; the zones are the next
          line's, the full title its tooltip. */}
      <div className="alert-row-line alert-title" title={alert.title}>
        {alert.shortTitle}
      </div>
      <div className="alert-row-line alert-row-sub">
        <span className="alert-rank">#{alert.rank}</span>
        <span className="alert-sources">
          {alert.sources.map((s) => (
            <SourceIcon key={s} source={s} />
          ))}
        </span>
        <span className="alert-zones" title={zones || 'outside zones'}>
          {zones || 'outside zones'}
        </span>
        <span className="alert-step" title={step === null || step.closed ? undefined : step.title}>
          {step === null
            ? alert.quiet
              ? 'quiet'
              : 'no protocol'
            : step.closed
              ? 'closed'
              : step.title}
        </span>
        {step && !step.closed ? (
          <DeadlineCountdown
            enteredAt={step.enteredAt}
            deadlineAt={step.deadlineAt}
            now={now}
            compact
          />
        ) : null}
      </div>
    </div>
  );
}, alertRowUnchanged);
