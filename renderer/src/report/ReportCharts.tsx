import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { AfterActionReport } from '../../../shared/report/after-action-report';
import { deadlineRows, responseTimeRows } from './report-source';

// Fixed sizes: the charts must lay out the same on screen and on paper.
const WIDTH = 620;
const HEIGHT = 280;
const AXIS = { stroke: '#a9b6c3', fontSize: 14 };

/** Median minutes to acknowledge, notify and consult, per severity. */
export function ResponseTimesChart({ report }: { report: AfterActionReport }) {
  return (
    <figure className="report-chart">
      <BarChart width={WIDTH} height={HEIGHT} data={responseTimeRows(report)} accessibilityLayer>
        <CartesianGrid strokeDasharray="3 3" stroke="#33414f" />
        <XAxis dataKey="severity" tick={AXIS} stroke={AXIS.stroke} />
        <YAxis tick={AXIS} stroke={AXIS.stroke} unit=" min" width={72} />
        <Tooltip contentStyle={{ background: '#161d25', border: '1px solid #33414f' }} />
        <Legend />
        <Bar dataKey="acknowledge" name="Acknowledge" fill="#7cc4ff" isAnimationActive={false} />
        <Bar dataKey="notify" name="Notify all parties" fill="#ffd166" isAnimationActive={false} />
        <Bar dataKey="consult" name="Consult" fill="#ff9f43" isAnimationActive={false} />
      </BarChart>
      <figcaption>
        Median exercise minutes from an alert opening to each response, by the highest severity it
        reached. The figures are in the table.
      </figcaption>
    </figure>
  );
}

/** Deadlines met, breached and still open per protocol step. */
export function DeadlinesChart({ report }: { report: AfterActionReport }) {
  return (
    <figure className="report-chart">
      <BarChart width={WIDTH} height={HEIGHT} data={deadlineRows(report)} accessibilityLayer>
        <CartesianGrid strokeDasharray="3 3" stroke="#33414f" />
        <XAxis
          dataKey="step"
          tick={AXIS}
          stroke={AXIS.stroke}
          interval={0}
          angle={-25}
          textAnchor="end"
          height={80}
        />
        <YAxis tick={AXIS} stroke={AXIS.stroke} allowDecimals={false} />
        <Tooltip contentStyle={{ background: '#161d25', border: '1px solid #33414f' }} />
        <Legend />
        <Bar dataKey="met" name="Met" stackId="d" fill="#5fd38d" isAnimationActive={false} />
        <Bar
          dataKey="breached"
          name="Breached"
          stackId="d"
          fill="#ff6b6b"
          isAnimationActive={false}
        />
        <Bar
          dataKey="open"
          name="Still open"
          stackId="d"
          fill="#a9b6c3"
          isAnimationActive={false}
        />
      </BarChart>
      <figcaption>
        Deadlines per protocol step: met, breached, or still running at the end.
      </figcaption>
    </figure>
  );
}
