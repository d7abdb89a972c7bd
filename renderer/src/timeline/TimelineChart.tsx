// Events per bucket stacked by source, alerts opened per bucket by severity,
// and the exercise clock as a moving reference line. Redrawn at most a few
// times a second: Recharts re-renders every bar on each update.
import { memo, useMemo } from 'react';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { LoadedScenario } from '../../../shared/scenario/loaded-scenario';
import type { Source } from '../../../shared/scenario/schema';
import type { AlertView, Severity } from '../console/view-model';
import { formatExerciseClock } from '../replay/exercise-time-format';
import { bucketRows, chartTicks, indexEventBuckets } from './event-buckets';
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
  const index = useMemo(
    () => indexEventBuckets(scenario.events, scenario.start, scenario.end),
    [scenario],
  );
  // Buckets after the clock are empty (no peeking); leaving them out spares
  // Recharts hundreds of zero-height bars while the axis keeps the whole span.
  const rows = useMemo(
    () => bucketRows(index, scenario.events, shownCount, alerts).filter((row) => row.t <= now),
    [index, scenario, shownCount, alerts, now],
  );
  const sources = useMemo(() => {
    const present = new Set(scenario.events.map((e) => e.event.source));
    return (Object.keys(SOURCE_COLOURS) as Source[]).filter((s) => present.has(s));
  }, [scenario]);
  const severities = (Object.keys(SEVERITY_COLOURS) as Severity[]).filter((sev) =>
    alerts.some((a) => a.severity === sev),
  );
  const tz = scenario.timezone;
  // Fixed ticks with labels formatted once: Recharts would otherwise measure a
  // time-zone-formatted label for every candidate tick on every redraw.
  const ticks = useMemo(() => chartTicks(scenario.start, scenario.end), [scenario]);
  const tickLabels = useMemo(
    () => new Map(ticks.map((t) => [t, formatExerciseClock(t, tz)] as const)),
    [ticks, tz],
  );
  const minutes = index.bucketMs / 60_000;
  return (
    <section className="timeline-chart" aria-label={`Events per ${minutes} minutes and alerts`}>
      <h2 className="visually-hidden">Timeline</h2>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={{ top: 6, right: 28, bottom: 0, left: -12 }}>
          <CartesianGrid stroke="#33414f" strokeDasharray="2 4" vertical={false} />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={[scenario.start, scenario.end]}
            ticks={ticks}
            interval={0}
            tickFormatter={(t: number) => tickLabels.get(t) ?? ''}
            stroke="#a9b6c3"
            fontSize={12}
          />
          <YAxis yAxisId="events" stroke="#a9b6c3" fontSize={12} allowDecimals={false} />
          <YAxis
            yAxisId="alerts"
            orientation="right"
            stroke="#a9b6c3"
            fontSize={12}
            allowDecimals={false}
            hide
          />
          <Tooltip
            labelFormatter={(t) => `${formatExerciseClock(Number(t), tz)} (${minutes} min)`}
            contentStyle={{ background: '#161d25', border: '1px solid #33414f' }}
          />
          <Legend wrapperStyle={{ fontSize: 11, lineHeight: '14px' }} iconSize={9} />
          {sources.map((s) => (
            <Bar
              key={s}
              yAxisId="events"
              dataKey={s}
              stackId="events"
              fill={SOURCE_COLOURS[s]}
              isAnimationActive={false}
              name={s}
            />
          ))}
          {severities.map((sev) => (
            <Line
              key={sev}
              yAxisId="alerts"
              dataKey={sev}
              stroke={SEVERITY_COLOURS[sev]}
              dot={false}
              strokeWidth={2}
              isAnimationActive={false}
              name={`${sev} alerts`}
              type="stepAfter"
            />
          ))}
          <ReferenceLine
            yAxisId="events"
            x={now}
            stroke="#ffd166"
            strokeWidth={2}
            label={{ value: 'now', fill: '#ffd166', fontSize: 12, position: 'insideTopLeft' }}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </section>
  );
});
