import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { summarizeEntry, type LogEntry } from '../../../shared/audit';
import { formatLogTime, localTimezone } from './log-time-format';
import './LogTable.css';

const ROW_HEIGHT = 34;
/** The log as a virtualised table: only the visible rows are in the DOM; exercise time in `timezone`. */
export function LogTable({
  entries,
  total,
  timezone,
}: {
  entries: readonly LogEntry[];
  total: number;
  timezone: string;
}) {
  const wallZone = localTimezone();
  // The wall-time column gives way on narrow windows (LogTable.css), so that
  // "What" stays readable; the exercise time's tooltip then carries it.
  const columns = [
    { label: 'Seq' },
    { label: `Exercise time (${timezone})` },
    { label: `Wall time (local, ${wallZone})`, className: 'log-wall' },
    { label: 'Who' },
    { label: 'Kind' },
    { label: 'Alert · step' },
    { label: 'What' },
    { label: 'Hash' },
  ];
  const scroller = useRef<HTMLDivElement>(null);
  // useVirtualizer returns functions that cannot be memoised; the compiler rule knows and says so.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
  });
  return (
    <div
      className="log-table"
      role="table"
      aria-label="Audit log entries"
      aria-rowcount={entries.length + 1}
      data-testid="log-table"
      data-total={total}
    >
      <div role="rowgroup" className="log-head">
        <div role="row" className="log-row" aria-rowindex={1}>
          {columns.map((c) => (
            <div
              key={c.label}
              role="columnheader"
              className={c.className ? `log-cell ${c.className}` : 'log-cell'}
              title={c.label}
            >
              {c.label}
            </div>
          ))}
        </div>
      </div>
      <div
        ref={scroller}
        className="log-scroller"
        tabIndex={0}
        aria-label="Log entries, scrollable"
      >
        {entries.length === 0 ? (
          <p className="muted log-empty">No entries match.</p>
        ) : (
          <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const e = entries[item.index]!;
              return (
                <div
                  key={e.seq}
                  role="row"
                  aria-rowindex={item.index + 2}
                  className="log-row"
                  style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                >
                  <div role="cell" className="log-cell mono">
                    {e.seq}
                  </div>
                  <div
                    role="cell"
                    className="log-cell mono"
                    title={`${e.exercise_time ?? 'no exercise time'} · wall ${formatLogTime(e.wall_time, wallZone)} (${wallZone})`}
                  >
                    {e.exercise_time ? formatLogTime(e.exercise_time, timezone) : '—'}
                  </div>
                  <div role="cell" className="log-cell mono log-wall" title={e.wall_time}>
                    {formatLogTime(e.wall_time, wallZone)}
                  </div>
                  <div role="cell" className="log-cell">
                    {e.actor} <span className="muted">({e.role})</span>
                  </div>
                  <div role="cell" className="log-cell">
                    {e.kind}
                  </div>
                  <div role="cell" className="log-cell">
                    {e.alert_id ?? '—'}
                    {e.step_id ? <span className="muted"> · {e.step_id}</span> : null}
                  </div>
                  <div role="cell" className="log-cell log-summary" title={summarizeEntry(e)}>
                    {summarizeEntry(e)}
                  </div>
                  <div role="cell" className="log-cell mono muted" title={e.hash}>
                    {e.hash.slice(0, 10)}…
                  </div>
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
