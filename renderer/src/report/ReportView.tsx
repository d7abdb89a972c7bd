import {
  outcomeMeasures,
  type AfterActionReport,
  type AlertMeasures,
  type AlertOutcome,
  type OutcomeVerdict,
} from '../../../shared/report/after-action-report';
import { CertaintyChip } from '../alerts/CertaintyChip';
import { CERTAINTY_NOT_RECORDED, formatCertainty, formatGravity } from '../alerts/measure-text';
import type { DurationStats } from '../../../shared/report/summary-stats';
import { SEVERITIES } from '../../../shared/alerts/bands';
import { printMarksCss } from './print-marks';
import { formatLogTime } from '../log/log-time-format';
import { DeadlinesChart, ResponseTimesChart } from './ReportCharts';
import './ReportView.css';

const VERDICTS: Record<OutcomeVerdict, string> = {
  'false-alarm-closed-correctly': '✔ False alarm closed correctly',
  'false-alarm-escalated': '✖ False alarm escalated',
  'violation-escalated': '✔ Violation escalated',
  'violation-recorded': '◐ Violation recorded, parties not called',
  'false-alarm-recorded': '✖ False alarm recorded as a violation',
  'violation-missed': '✖ Violation missed',
  'violation-open': '… Violation still open',
  other: '— Other',
};

const NO_MEASURES: ReadonlyMap<string, AlertMeasures> = new Map();

/** Gravity with its band and certainty with its band, or a dash when unknown. */
function MeasuresCell({ m }: { m: AlertMeasures | null }) {
  if (m === null) return <td>—</td>;
  return (
    <td className="report-measures">
      <span className="mono">{formatGravity(m.gravity)}</span>{' '}
      <span className="muted">{m.severity}</span> ·{' '}
      {m.certainty === null ? (
        <span className="muted">{CERTAINTY_NOT_RECORDED}</span>
      ) : (
        <>
          <span className="mono">{formatCertainty(m.certainty)}</span>{' '}
          <CertaintyChip band={m.certainty_band} value={m.certainty} />
        </>
      )}
    </td>
  );
}

const minutes = (x: number | null) => (x === null ? '—' : `${x} min`);

function StatsCells({ stats }: { stats: DurationStats }) {
  return (
    <>
      <td>{stats.count}</td>
      <td>{minutes(stats.median_min)}</td>
      <td>{minutes(stats.mean_min)}</td>
      <td>{minutes(stats.max_min)}</td>
    </>
  );
}

/**
 * The after-action report as charts and tables; the same data the CLI prints.
 * Exercise times are shown in `timezone` (the scenario's, as on the Log screen).
 */
export function ReportView({
  report,
  measures = NO_MEASURES,
  timezone = 'UTC',
}: {
  report: AfterActionReport;
  /** Each alert's gravity and certainty at the end of the log (beside the report, not in it). */
  measures?: ReadonlyMap<string, AlertMeasures>;
  timezone?: string;
}) {
  const x = report.exercise;
  const o = report.outcomes;
  // As the CLI's report: only alerts whose events carry ground truth can be
  // judged; the rest (routine background) are counted, not listed.
  const judged = o.alerts.filter((a) => a.truth !== 'unknown');
  const others = o.alerts.filter((a) => a.truth === 'unknown');
  return (
    <article className="report" aria-label="After-action report">
      <style>
        {printMarksCss(
          `${report.classification} — key ${report.key_id ?? 'unsigned'}`,
          `${report.classification} — ${x.id} — key ${report.key_id ?? 'unsigned'}`,
        )}
      </style>
      <header className="report-header">
        <p className="report-classification" data-testid="report-classification">
          {report.classification}
        </p>
        <h2>After-action report — {x.title}</h2>
        <dl className="report-meta" aria-label="Report metadata">
          <dt>Exercise</dt>
          <dd className="mono">{x.id}</dd>
          <dt>Scenario</dt>
          <dd>
            {x.scenario_id} <span className="mono muted">{x.scenario_hash.slice(0, 16)}…</span>
          </dd>
          <dt>Started · ended</dt>
          <dd className="mono" title={`${x.started} · ${x.ended ?? 'not ended'}`}>
            {formatLogTime(x.started, timezone)} ·{' '}
            {x.ended ? formatLogTime(x.ended, timezone) : 'not ended'}{' '}
            <span className="muted">(exercise time, {timezone})</span>
          </dd>
          <dt>Participants</dt>
          <dd data-testid="report-participants">
            {x.participants.length === 0
              ? 'none recorded'
              : x.participants.map((p) => `${p.name} (${p.role})`).join(', ')}
          </dd>
          <dt>Log</dt>
          <dd>
            {x.entries} entries, head <span className="mono">{x.head_hash.slice(0, 16)}…</span>
          </dd>
          <dt>Signing key id</dt>
          <dd className="mono" data-testid="report-key-id">
            {report.key_id ?? 'unsigned'}
          </dd>
        </dl>
      </header>

      {/* Strengths and areas for improvement first, as an after-action report reads (HSEEP); figures and tables after. */}
      <section className="report-section report-assessment">
        <div>
          <h3>Strengths</h3>
          {report.strengths.length === 0 ? <p className="muted">None recorded.</p> : null}
          <ul>
            {report.strengths.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ul>
        </div>
        <div>
          <h3>Areas for improvement</h3>
          {report.improvements.length === 0 ? <p className="muted">None recorded.</p> : null}
          <ul>
            {report.improvements.map((item, i) => (
              <li key={i}>
                {item.observation}
                <div className="muted">Corrective action: {item.corrective_action}</div>
              </li>
            ))}
          </ul>
        </div>
      </section>

      <section className="report-tiles" aria-label="Totals">
        <Tile label="Alerts" value={report.counts.alerts} />
        <Tile label="In the protocol" value={report.counts.alerts_in_protocol} />
        <Tile label="Closed" value={report.counts.alerts_closed} />
        <Tile label="Deadline breaches" value={report.counts.deadline_breaches} />
        <Tile label="False alarms closed correctly" value={o.false_alarms_closed_correctly} />
        <Tile label="False alarms escalated" value={o.false_alarms_escalated} />
        <Tile label="Violations escalated" value={o.violations_escalated} />
        {/* Only version-2 protocols can record a violation without escalating it. */}
        {o.violations_recorded > 0 ? (
          <Tile label="Violations recorded" value={o.violations_recorded} />
        ) : null}
        {o.false_alarms_recorded > 0 ? (
          <Tile label="False alarms recorded" value={o.false_alarms_recorded} />
        ) : null}
        <Tile label="Violations missed" value={o.violations_missed} />
        {report.exercise.ended === null ? (
          <Tile label="Violations still open" value={o.violations_open} />
        ) : null}
      </section>

      <section className="report-section report-section-chart">
        <h3>Response times by severity</h3>
        <ResponseTimesChart report={report} />
        <table aria-label="Response times">
          <thead>
            <tr>
              <th scope="col">Severity</th>
              <th scope="col">Response</th>
              <th scope="col">Alerts</th>
              <th scope="col">Median</th>
              <th scope="col">Mean</th>
              <th scope="col">Max</th>
            </tr>
          </thead>
          <tbody>
            {(['all', ...SEVERITIES] as const).flatMap((severity) =>
              (['acknowledge', 'notify', 'consult'] as const).map((what) => (
                <tr key={`${severity}-${what}`}>
                  <td>{what === 'acknowledge' ? severity : ''}</td>
                  <td>{what}</td>
                  <StatsCells stats={report.response_times[severity][what]} />
                </tr>
              )),
            )}
          </tbody>
        </table>
      </section>

      <section className="report-section report-section-chart">
        <h3>Deadlines per protocol step</h3>
        <DeadlinesChart report={report} />
        <table aria-label="Deadlines per step">
          <thead>
            <tr>
              <th scope="col">Step</th>
              <th scope="col">Deadline</th>
              <th scope="col">Visits</th>
              <th scope="col">Met</th>
              <th scope="col">Breached</th>
              <th scope="col">Open</th>
              <th scope="col">Median time in step</th>
            </tr>
          </thead>
          <tbody>
            {report.steps.map((s) => (
              <tr key={s.step}>
                <td>
                  {s.title} <span className="muted mono">({s.step})</span>
                </td>
                <td>{s.deadline_min === null ? '—' : `${s.deadline_min} min`}</td>
                <td>{s.visits}</td>
                <td>{s.deadlines_met}</td>
                <td>{s.deadlines_breached}</td>
                <td>{s.deadlines_open}</td>
                <td>{minutes(s.time_in_step.median_min)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="report-section">
        <h3>False alarms and missed violations</h3>
        {judged.length === 0 ? (
          <p className="muted">
            No alert with ground truth in the scenario entered the protocol, so none can be judged
            yet.
          </p>
        ) : (
          <OutcomeTable label="Alert outcomes" rows={judged} measures={measures} />
        )}
        {others.length > 0 ? (
          // Routine background the scenario gives no truth for: not judged, but
          // their handling and findings stay one click away.
          <details className="report-unjudged">
            <summary>
              {others.length} alert(s) in the protocol without ground truth in the scenario (not
              judged): their handling and findings
            </summary>
            <OutcomeTable label="Alerts without ground truth" rows={others} measures={measures} />
          </details>
        ) : null}
      </section>

      <section className="report-section">
        <h3>Messages and their links</h3>
        {report.messages.length === 0 ? (
          <p className="muted">No scripted inject has arrived.</p>
        ) : (
          <table aria-label="Messages and their links">
            <thead>
              <tr>
                <th scope="col">Exercise time ({timezone})</th>
                <th scope="col">Message</th>
                <th scope="col">From</th>
                <th scope="col">Linked to</th>
                <th scope="col">Expected action</th>
              </tr>
            </thead>
            <tbody>
              {report.messages.map((m) => (
                <tr key={m.event_id} data-message-id={m.event_id} data-verdict={m.verdict}>
                  <td className="mono nowrap" title={m.exercise_time}>
                    {formatLogTime(m.exercise_time, timezone)}
                  </td>
                  <td>
                    <span className="mono">{m.event_id}</span> {m.summary}
                  </td>
                  <td>{m.from ?? '—'}</td>
                  <td>
                    {m.verdict === 'linked'
                      ? `✓ ${m.linked_to.join(', ')}`
                      : m.verdict === 'not-linked'
                        ? 'not linked (a link was expected)'
                        : m.verdict === 'link-open'
                          ? 'not yet (a link is expected)'
                          : '—'}
                  </td>
                  <td>{m.expected_action ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="report-section">
        <h3>Decisions timeline</h3>
        <table aria-label="Key decisions">
          <thead>
            <tr>
              <th scope="col">Exercise time ({timezone})</th>
              <th scope="col">Seq</th>
              <th scope="col">Who</th>
              <th scope="col">Alert · step</th>
              <th scope="col">Decision</th>
            </tr>
          </thead>
          <tbody>
            {report.timeline.map((d) => (
              <tr key={d.seq}>
                <td className="mono nowrap" title={d.exercise_time}>
                  {formatLogTime(d.exercise_time, timezone)}
                </td>
                <td className="mono">{d.seq}</td>
                <td>{d.actor}</td>
                <td>
                  {d.alert_id ?? '—'}
                  {d.step_id ? <span className="muted"> · {d.step_id}</span> : null}
                </td>
                <td>{d.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </article>
  );
}

function Tile({ label, value }: { label: string; value: number }) {
  return (
    <div className="report-tile" role="group" aria-label={`${label}: ${value}`}>
      <div className="report-tile-value">{value}</div>
      <div className="report-tile-label">{label}</div>
    </div>
  );
}

/** The outcome rows of the after-action report, one per alert or scripted incident. */
function OutcomeTable({
  label,
  rows,
  measures,
  caption,
}: {
  label: string;
  rows: readonly AlertOutcome[];
  measures: ReadonlyMap<string, AlertMeasures>;
  caption?: string;
}) {
  return (
    <table aria-label={label}>
      {caption ? <caption className="muted">{caption}</caption> : null}
      <thead>
        <tr>
          <th scope="col">Alert</th>
          <th scope="col">Highest severity</th>
          <th scope="col">Gravity · certainty at the end</th>
          <th scope="col">Ground truth</th>
          <th scope="col">Handling</th>
          <th scope="col">Final step</th>
          <th scope="col">Findings</th>
          <th scope="col">Verdict</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((a) => (
          <tr key={a.alert_id} className={`verdict-${a.verdict}`}>
            <td>
              {a.title} <div className="muted mono">{a.alert_id}</div>
            </td>
            <td>
              <span className={`severity severity-${a.severity}`}>{a.severity}</span>
            </td>
            <MeasuresCell m={outcomeMeasures(a, measures)} />
            <td>{a.truth}</td>
            <td>{a.handling}</td>
            <td>{a.final_step ?? '—'}</td>
            <td data-testid="outcome-findings">
              {a.findings ? (
                <>
                  attribution {a.findings.attribution} · {a.findings.intent} · {a.findings.outcome}
                  <div className="muted">evidence: {a.findings.evidence}</div>
                </>
              ) : (
                '—'
              )}
            </td>
            <td>{VERDICTS[a.verdict]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
