import { compactCountdownLabel, countdownLabel } from './deadline-state';

/** Live exercise-time countdown: amber from 80% of the step's time, red on breach. */
export function DeadlineCountdown(props: {
  enteredAt: number;
  deadlineAt: number | null;
  now: number;
  /** The short form (a queue row), the full text in its title attribute. */
  compact?: boolean;
}) {
  const full = countdownLabel(props.enteredAt, props.deadlineAt, props.now);
  const { state, text } = props.compact
    ? compactCountdownLabel(props.enteredAt, props.deadlineAt, props.now)
    : full;
  if (state === 'none') return <span className="countdown countdown-none">{text}</span>;
  return (
    <span
      className={`countdown countdown-${state}`}
      data-deadline-state={state}
      title={props.compact ? full.text : undefined}
    >
      {state === 'warning' ? '⚠ ' : ''}
      {text}
    </span>
  );
}
