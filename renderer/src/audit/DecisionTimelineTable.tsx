import { formatLogTime } from '../log/log-time-format';
import type { DecisionRow } from './decision-timeline';
import './DecisionTimelineTable.css';

/**
 * Decisions in log order; untrusted rows (after a tampered entry) are struck and labelled.
 * An exported log does not carry the scenario's zone, so exercise times are shown in UTC, named.
 */
export function DecisionTimelineTable({ rows }: { rows: readonly DecisionRow[] }) {
  if (rows.length === 0) return <p className="muted">The log records no decisions.</p>;
  return (
    <div className="decision-table-wrap">
      <table className="decision-table" aria-label="Decisions timeline">
        <thead>
          <tr>
            <th scope="col">Seq</th>
            <th scope="col">Exercise time (UTC)</th>
            <th scope="col">Who</th>
            <th scope="col">Kind</th>
            <th scope="col">Alert · step</th>
            <th scope="col">What</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.seq} className={row.trusted ? undefined : 'untrusted'}>
              <td className="mono">{row.seq}</td>
              <td className="mono nowrap" title={row.exerciseTime ?? undefined}>
                {row.exerciseTime ? formatLogTime(row.exerciseTime, 'UTC') : '—'}
              </td>
              <td>
                {row.actor} <span className="muted">({row.role})</span>
              </td>
              <td>{row.kind}</td>
              <td>
                {row.alertId ?? '—'}
                {row.stepId ? <span className="muted"> · {row.stepId}</span> : null}
              </td>
              <td>
                {row.trusted ? null : <strong className="status-bad">UNTRUSTED </strong>}
                {row.summary}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
