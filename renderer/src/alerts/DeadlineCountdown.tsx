import { countdownLabel } from './deadline-state';

/** Live exercise-time countdown: amber from 80% of the step's time, red on breach. */
export function DeadlineCountdown(props: {
  enteredAt: number;
  deadlineAt: number | null;
  now: number;
}) {
  const { state, text } = countdownLabel(props.enteredAt, props.deadlineAt, props.now);
  if (state === 'none') return <span className="countdown countdown-none">{text}</span>;
  return (
    <span className={`countdown countdown-${state}`} data-deadline-state={state}>
      {state === 'warning' ? '⚠ ' : ''}
      {text}
    </span>
  );
}
