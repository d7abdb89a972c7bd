// Events per bucket stacked by source, alerts opened per bucket by severity,
// and the exercise clock as a moving reference line. Redrawn at most a few
// times a second: Recharts re-renders every bar on each update.
import { memo, useCallback, useMemo } from 'react';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
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
import { bucketRows, chartTicks, closedSteps, indexEventBuckets } from './event-buckets';
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
// Props that are objects are made once: Recharts compares them by identity,
// and a new one re-registers its item in the chart's store on every redraw.
const MARGIN = { top: 6, right: 28, bottom: 0, left: -12 };
const TOOLTIP_STYLE = { background: '#161d25', border: '1px solid #33414f' };
const LEGEND_STYLE = { fontSize: 11, lineHeight: '14px' };
const NOW_LABEL = {
  value: 'now',
  fill: '#ffd166',
  fontSize: 12,
  position: 'insideTopLeft' as const,
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
    () => closedSteps(bucketRows(index, scenario.events, shownCount, alerts), index.bucketMs, now),
    [index, scenario, shownCount, alerts, now],
  );
  const sources = useMemo(() => {
    const present = new Set(scenario.events.map((e) => e.event.source));
    return (Object.keys(SOURCE_COLOURS) as Source[]).filter((s) => present.has(s));
  }, [scenario]);
  const severities = useMemo(
    () =>
      (Object.keys(SEVERITY_COLOURS) as Severity[]).filter((sev) =>
        alerts.some((a) => a.severity === sev),
      ),
    [alerts],
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
  const domain = useMemo(() => [scenario.start, scenario.end], [scenario]);
  const tickFormatter = useCallback((t: number) => tickLabels.get(t) ?? '', [tickLabels]);
  const labelFormatter = useCallback(
    (t: unknown) => `${formatExerciseClock(Number(t), tz)} (${minutes} min)`,
    [tz, minutes],
  );
  return (
    <section className="timeline-chart" aria-label={`Events per ${minutes} minutes and alerts`}>
      <h2 className="visually-hidden">Timeline</h2>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={MARGIN}>
          <CartesianGrid stroke="#33414f" strokeDasharray="2 4" vertical={false} />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={domain}
            ticks={ticks}
            interval={0}
            tickFormatter={tickFormatter}
            stroke="#a9b6c3"
            fontSize={12}
          />
          <YAxis
            yAxisId="events"
            stroke="#a9b6c3"
            fontSize={12}
            allowDecimals={false}
            // Every tick drawn, none measured: finding which labels overlap
            // measures each one in the document (a forced layout per redraw).
            interval={0}
          />
          <YAxis
            yAxisId="alerts"
            orientation="right"
            stroke="#a9b6c3"
            fontSize={12}
            allowDecimals={false}
            hide
          />
          <Tooltip labelFormatter={labelFormatter} contentStyle={TOOLTIP_STYLE} />
          <Legend wrapperStyle={LEGEND_STYLE} iconSize={9} />
          {sources.map((s) => (
            <Area
              key={s}
              yAxisId="events"
              dataKey={s}
              stackId="events"
              type="stepAfter"
              fill={SOURCE_COLOURS[s]}
              fillOpacity={0.85}
              stroke="none"
              dot={false}
              activeDot={false}
              isAnimationActive={false}
              legendType="rect"
              name={s}
            />
          ))}
          {severities.map((sev) => (
            <Area
              key={sev}
              yAxisId="alerts"
              dataKey={sev}
              type="stepAfter"
              fill="none"
              stroke={SEVERITY_COLOURS[sev]}
              strokeWidth={2}
              dot={false}
              activeDot={false}
              isAnimationActive={false}
              legendType="line"
              name={`${sev} alerts`}
            />
          ))}
          <ReferenceLine
            yAxisId="events"
            x={now}
            stroke="#ffd166"
            strokeWidth={2}
            label={NOW_LABEL}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </section>
  );
});
