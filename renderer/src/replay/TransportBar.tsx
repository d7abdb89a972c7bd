// The console's top bar: classification, scenario, exercise clock in the
// scenario's zone, transport controls and the scrubber. It re-renders every
// frame for the clock; its other parts are memoised on props that change only
// on a user's action (or, for the scrubber, when its thumb can move).
import { memo } from 'react';
import type { AlertView, ClockView } from '../console/view-model';
import { formatExerciseTime } from './exercise-time-format';
import { Scrubber } from './Scrubber';
import { snapToScrubber } from './scrubber-step';
import { SPEEDS, speedLabel } from './speeds';
import './replay.css';

export interface TransportBarProps {
  classification: string;
  title: string;
  clock: ClockView;
  alerts: readonly AlertView[];
  busy: boolean;
  canSeek: boolean;
  /** Why seeking backwards is refused now (shown beside the scrubber), or null. */
  seekNote?: string | null;
  /** Why this participant does not run the clock: shown instead of the transport controls. */
  clockNote?: string | null;
  onPlayPause(): void;
  onSpeed(speed: number): void;
  onStepEvent(): void;
  onStepAlert(): void;
  onSeek(to: number): void;
  onShortcuts(): void;
}

export function TransportBar(props: TransportBarProps) {
  const { clock } = props;
  return (
    <header className="transport-bar" aria-label="Exercise clock and transport">
      <TransportIdent classification={props.classification} title={props.title} />
      <div className="exercise-clock" aria-live="off">
        <span className="visually-hidden">Exercise time</span>
        <time
          dateTime={new Date(clock.now).toISOString()}
          data-testid="exercise-clock"
          data-epoch={clock.now}
        >
          {formatExerciseTime(clock.now, clock.timezone)}
        </time>
        <span className="clock-zone">{clock.timezone}</span>
      </div>
      {props.clockNote ? (
        <p className="transport-note" data-testid="clock-note">
          <strong>{clock.playing ? `▶ ${speedLabel(clock.speed)}` : '❚❚ Paused'}</strong> —{' '}
          {props.clockNote}
        </p>
      ) : (
        <TransportControls
          playing={clock.playing}
          speed={clock.speed}
          busy={props.busy}
          onPlayPause={props.onPlayPause}
          onSpeed={props.onSpeed}
          onStepEvent={props.onStepEvent}
          onStepAlert={props.onStepAlert}
          onShortcuts={props.onShortcuts}
        />
      )}
      <Scrubber
        start={clock.start}
        end={clock.end}
        now={snapToScrubber(clock.now, clock.start, clock.end)}
        alerts={props.alerts}
        disabled={!props.canSeek}
        timezone={clock.timezone}
        onSeek={props.onSeek}
      />
      {props.seekNote ? (
        <span className="seek-note" data-testid="seek-note" title={props.seekNote}>
          Forward only: {props.seekNote}
        </span>
      ) : null}
    </header>
  );
}

const TransportIdent = memo(function TransportIdent(props: {
  classification: string;
  title: string;
}) {
  return (
    <div className="transport-ident">
      <span
        className="classification-chip"
        data-testid="console-classification"
        title={props.classification}
      >
        {props.classification}
      </span>
      <span className="scenario-title" title={props.title}>
        {props.title}
      </span>
    </div>
  );
});

const TransportControls = memo(function TransportControls(props: {
  playing: boolean;
  speed: number;
  busy: boolean;
  onPlayPause(): void;
  onSpeed(speed: number): void;
  onStepEvent(): void;
  onStepAlert(): void;
  onShortcuts(): void;
}) {
  return (
    <div className="transport-controls" role="group" aria-label="Transport">
      <button
        type="button"
        className="primary play-pause"
        onClick={props.onPlayPause}
        aria-keyshortcuts="Space"
        disabled={props.busy}
        data-testid="play-pause"
      >
        {props.playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <label className="speed">
        <span className="visually-hidden">Speed</span>
        <select
          value={props.speed}
          onChange={(e) => props.onSpeed(Number(e.target.value))}
          aria-label="Playback speed"
          data-testid="speed"
        >
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {speedLabel(s)}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        onClick={props.onStepEvent}
        aria-keyshortcuts="ArrowRight"
        title="Step to next event (→)"
      >
        Next event ›
      </button>
      <button
        type="button"
        onClick={props.onStepAlert}
        aria-keyshortcuts="Shift+ArrowRight"
        title="Step to next alert (Shift+→)"
      >
        Next alert »
      </button>
      <button type="button" onClick={props.onShortcuts} aria-keyshortcuts="?" title="Shortcuts">
        ?
      </button>
    </div>
  );
});
