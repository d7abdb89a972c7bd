// Events per bucket stacked by source, alerts opened per bucket by severity,
// and the exercise clock as a moving reference line. Plain SVG rather than
// Recharts: Recharts recomputed and redrew every bar on each update (20-40 ms
// of UI thread per redraw at 300x in profiles); here each bucket is a memoised
// element, so an update redraws only the buckets whose counts changed.
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type { LoadedScenario } from '../../../shared/scenario/loaded-scenario';
import { SOURCES, type Source } from '../../../shared/scenario/schema';
import { SEVERITIES, type AlertView, type Severity } from '../console/view-model';
import { formatExerciseClock } from '../replay/exercise-time-format';
import { bucketRows, chartTicks, indexEventBuckets, niceCeiling } from './event-buckets';
import './timeline.css';

const SOURCE_COLOURS: Record<Source, string> = {
  satellite: '#9b8cff',
  drone: '#4fd1c5',
  'ground-sensor': '#f6ad55',
  observer: '#68d391',
  'open-source': '#cbd5e0',
  inject: '#f687b3',
};
const SEVERITY_COLOURS: Record<Severity, string> = {
  critical: '#ff5c5c',
  high: '#ff9f43',
  medium: '#ffd166',
  low: '#7cc4ff',
  info: '#a9b6c3',
};
const MARGIN = { top: 8, right: 14, bottom: 20, left: 34 };

export interface TimelineChartProps {
  scenario: LoadedScenario;
  /** Throttled exercise time: the chart does not need every frame. */
  now: number;
  shownCount: number;
  alerts: readonly AlertView[];
}

/** Memoised: the console re-renders every frame, the chart only when its throttled inputs change. */
export const TimelineChart = memo(function TimelineChart({
  scenario,
  now,
  shownCount,
  alerts,
}: TimelineChartProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 600, height: 150 });
  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const { width, height } = entry.contentRect;
      if (width > 0 && height > 0)
        setSize({ width: Math.round(width), height: Math.round(height) });
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  const index = useMemo(
    () => indexEventBuckets(scenario.events, scenario.start, scenario.end),
    [scenario],
  );
  // Buckets after the clock are empty (no peeking) and are not drawn.
  const rows = useMemo(
    () => bucketRows(index, scenario.events, shownCount, alerts).filter((row) => row.t <= now),
    [index, scenario, shownCount, alerts, now],
  );
  const sources = useMemo(() => {
    const present = new Set(scenario.events.map((e) => e.event.source));
    return SOURCES.filter((s) => present.has(s));
  }, [scenario]);
  const severities = SEVERITIES.filter((sev) => alerts.some((a) => a.severity === sev));
  const tz = scenario.timezone;
  const ticks = useMemo(() => chartTicks(scenario.start, scenario.end), [scenario]);
  const tickLabels = useMemo(
    () => new Map(ticks.map((t) => [t, formatExerciseClock(t, tz)] as const)),
    [ticks, tz],
  );

  const plotW = Math.max(1, size.width - MARGIN.left - MARGIN.right);
  const plotH = Math.max(1, size.height - MARGIN.top - MARGIN.bottom);
  const span = Math.max(1, scenario.end - scenario.start);
  const x = (t: number) => MARGIN.left + ((t - scenario.start) / span) * plotW;
  const bucketW = (index.bucketMs / span) * plotW;
  let maxEvents = 0;
  let maxAlerts = 0;
  for (const row of rows) {
    let total = 0;
    for (const s of sources) total += row[s];
    maxEvents = Math.max(maxEvents, total);
    for (const sev of severities) maxAlerts = Math.max(maxAlerts, row[sev]);
  }
  // Nice steps keep the scale (and so every bar) still while counts grow.
  const yMax = niceCeiling(Math.max(4, maxEvents));
  const alertMax = niceCeiling(Math.max(2, maxAlerts));
  const baseline = MARGIN.top + plotH;
  const minutes = index.bucketMs / 60_000;
  const nowX = x(Math.min(scenario.end, Math.max(scenario.start, now)));

  return (
    <section className="timeline-chart" aria-label={`Events per ${minutes} minutes and alerts`}>
      <h2 className="visually-hidden">Timeline</h2>
      <ul className="timeline-legend" aria-label="Chart legend">
        {sources.map((s) => (
          <li key={s}>
            <span className="timeline-swatch" style={{ background: SOURCE_COLOURS[s] }} /> {s}
          </li>
        ))}
        {severities.map((sev) => (
          <li key={sev}>
            <span className="timeline-swatch line" style={{ background: SEVERITY_COLOURS[sev] }} />{' '}
            {sev} alerts
          </li>
        ))}
      </ul>
      <div className="timeline-box" ref={boxRef}>
        <svg width={size.width} height={size.height} role="img" aria-label="Timeline chart">
          {[0, 0.5, 1].map((f) => {
            const y = baseline - f * plotH;
            return (
              <g key={f} className="timeline-grid">
                <line x1={MARGIN.left} x2={MARGIN.left + plotW} y1={y} y2={y} />
                <text x={MARGIN.left - 4} y={y + 4} textAnchor="end">
                  {Math.round(f * yMax)}
                </text>
              </g>
            );
          })}
          {ticks.map((t) => (
            <text
              key={t}
              className="timeline-tick"
              x={x(t)}
              y={baseline + 15}
              // The last label (at the scenario end) would be cut by the panel edge.
              textAnchor={x(t) > MARGIN.left + plotW - 24 ? 'end' : 'middle'}
            >
              {tickLabels.get(t) ?? ''}
            </text>
          ))}
          <g className="timeline-bars">
            {rows.map((row) => (
              <BucketBar
                key={row.t}
                x={x(row.t)}
                width={bucketW}
                baseline={baseline}
                pxPerEvent={plotH / yMax}
                counts={sources.map((s) => row[s]).join(',')}
                sources={sources.join(',')}
                label={`${formatExerciseClock(row.t, tz)} (${minutes} min)`}
              />
            ))}
          </g>
          {severities.map((sev) => (
            <path
              key={sev}
              className="timeline-alert-line"
              stroke={SEVERITY_COLOURS[sev]}
              d={stepPath(rows, sev, x, bucketW, baseline, plotH / alertMax)}
            />
          ))}
          <line
            className="timeline-now"
            x1={nowX}
            x2={nowX}
            y1={MARGIN.top}
            y2={baseline}
            data-testid="timeline-now"
          />
          <text className="timeline-now-label" x={nowX + 3} y={MARGIN.top + 10}>
            now
          </text>
        </svg>
      </div>
    </section>
  );
});

/** One bucket's stacked bar; props are primitives so unchanged buckets skip rendering. */
const BucketBar = memo(function BucketBar(props: {
  x: number;
  width: number;
  baseline: number;
  pxPerEvent: number;
  counts: string;
  sources: string;
  label: string;
}) {
  const counts = props.counts.split(',').map(Number);
  const sources = props.sources.split(',') as Source[];
  const w = Math.max(1, props.width - 1);
  let y = props.baseline;
  const title = `${props.label}: ${sources.map((s, i) => `${s} ${counts[i]}`).join(', ')}`;
  return (
    <g>
      <title>{title}</title>
      {sources.map((s, i) => {
        const h = (counts[i] ?? 0) * props.pxPerEvent;
        if (h <= 0) return null;
        y -= h;
        return <rect key={s} x={props.x} y={y} width={w} height={h} fill={SOURCE_COLOURS[s]} />;
      })}
    </g>
  );
});

function stepPath(
  rows: readonly ({ t: number } & Record<Severity, number>)[],
  sev: Severity,
  x: (t: number) => number,
  bucketW: number,
  baseline: number,
  pxPerAlert: number,
): string {
  let d = '';
  for (const row of rows) {
    const y = baseline - row[sev] * pxPerAlert;
    d += `${d === '' ? 'M' : 'L'}${x(row.t).toFixed(1)},${y.toFixed(1)}H${(x(row.t) + bucketW).toFixed(1)}`;
  }
  return d;
}
