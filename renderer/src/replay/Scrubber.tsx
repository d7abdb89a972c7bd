// Exercise timeline scrubber with a canvas strip of alert markers coloured by
// severity (a canvas because 10,000 markers as DOM nodes would not be cheap).
// Memoised, and given `now` on its step grid, so it re-renders when its thumb
// or its markers move rather than every frame.
import { memo, useEffect, useRef } from 'react';
import type { AlertView, Severity } from '../console/view-model';
import { formatExerciseTime } from './exercise-time-format';
import { scrubberStep } from './scrubber-step';

const MARKER_COLOURS: Record<Severity, string> = {
  critical: '#ff5c5c',
  high: '#ff9f43',
  medium: '#ffd166',
  low: '#7cc4ff',
  info: '#a9b6c3',
};
/** Draw the less severe first so critical markers stay on top. */
const DRAW_ORDER: readonly Severity[] = ['info', 'low', 'medium', 'high', 'critical'];

export const Scrubber = memo(function Scrubber(props: {
  start: number;
  end: number;
  /** On the scrubber's grid (snapToScrubber). */
  now: number;
  alerts: readonly AlertView[];
  disabled: boolean;
  timezone: string;
  onSeek(to: number): void;
}) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const { start, end, alerts } = props;
  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    const dpr = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(width * dpr)) canvas.width = Math.round(width * dpr);
    if (canvas.height !== Math.round(height * dpr)) canvas.height = Math.round(height * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const span = Math.max(1, end - start);
    for (const severity of DRAW_ORDER) {
      ctx.fillStyle = MARKER_COLOURS[severity];
      const tall = severity === 'critical' || severity === 'high';
      for (const alert of alerts) {
        if (alert.severity !== severity) continue;
        const x = ((alert.firstAt - start) / span) * width;
        ctx.fillRect(Math.round(x), tall ? 0 : height / 2, 2, tall ? height : height / 2);
      }
    }
  }, [alerts, start, end]);

  const step = scrubberStep(start, end);
  return (
    <div className="scrubber">
      <canvas ref={canvasRef} className="scrubber-markers" aria-hidden="true" />
      <input
        type="range"
        className="scrubber-range"
        min={start}
        max={end}
        step={step}
        value={Math.min(end, Math.max(start, props.now))}
        disabled={props.disabled}
        aria-label="Exercise time"
        aria-valuetext={formatExerciseTime(props.now, props.timezone)}
        // Arrow keys are the console's step shortcuts; the slider takes pointer input.
        onKeyDown={(e) => {
          if (e.key.startsWith('Arrow')) e.preventDefault();
        }}
        onChange={(e) => props.onSeek(Number(e.target.value))}
      />
      <span className="visually-hidden">
        {alerts.length} alert markers on the timeline, coloured by severity
      </span>
    </div>
  );
});
