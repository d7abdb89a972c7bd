import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import type { SeatEntry } from '../../../shared/room/seat-roles';
import { formatLogTime } from '../log/log-time-format';
import { copyRow } from './seat-labels';

const ROW_HEIGHT = 32;

/** The seat's copy, newest first, virtualised: only the visible rows are in the DOM. */
export function SeatCopyTable({ entries }: { entries: readonly SeatEntry[] }) {
  const rows = useMemo(() => entries.map(copyRow).reverse(), [entries]);
  const scroller = useRef<HTMLDivElement>(null);
  // useVirtualizer returns functions that cannot be memoised; the compiler rule knows and says so.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
  });
  return (
    <div
      className="copy-table"
      role="table"
      aria-label="The seat’s copy of the log"
      aria-rowcount={rows.length + 1}
      data-testid="copy-table"
    >
      <div role="rowgroup">
        <div role="row" className="copy-row copy-head">
          {['Seq', 'Time (UTC)', 'Kind', 'Actor', 'What'].map((label) => (
            <div key={label} role="columnheader" className="copy-cell">
              {label}
            </div>
          ))}
        </div>
      </div>
      <div ref={scroller} className="copy-scroller" tabIndex={0} aria-label="Entries, scrollable">
        {rows.length === 0 ? (
          <p className="muted copy-empty">No entries yet.</p>
        ) : (
          <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const r = rows[item.index]!;
              const redacted = r.kind === null;
              return (
                <div
                  key={r.seq}
                  role="row"
                  aria-rowindex={item.index + 2}
                  className={redacted ? 'copy-row copy-redacted' : 'copy-row'}
                  data-seq={r.seq}
                  style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                >
                  <div role="cell" className="copy-cell mono" title={r.hash}>
                    {r.seq}
                  </div>
                  <div role="cell" className="copy-cell mono" title={r.time ?? undefined}>
                    {r.time ? formatLogTime(r.time, 'UTC') : '—'}
                  </div>
                  <div role="cell" className="copy-cell">
                    {r.kind ?? '—'}
                  </div>
                  <div
                    role="cell"
                    className="copy-cell"
                    title={r.actor ? `${r.actor} (${r.role ?? ''})` : undefined}
                  >
                    {r.actor ?? '—'}
                    {r.role ? <span className="muted"> ({r.role})</span> : null}
                  </div>
                  <div role="cell" className="copy-cell copy-what" title={r.summary}>
                    {r.summary}
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
