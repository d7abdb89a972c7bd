import { deadlineStatus, formatCountdown } from './deadline-state';

/** Live exercise-time countdown: amber from 80% of the step's time, red on breach. */
export function DeadlineCountdown(props: {
  enteredAt: number;
  deadlineAt: number | null;
  now: number;
}) {
  const { state, remainingMs } = deadlineStatus(props.enteredAt, props.deadlineAt, props.now);
  if (state === 'none' || remainingMs === null) {
    return <span className="countdown countdown-none">no deadline</span>;
  }
  const text =
    state === 'breached'
      ? `BREACHED ${formatCountdown(-remainingMs)} ago`
      : `${formatCountdown(remainingMs)} left`;
  return (
    <span className={`countdown countdown-${state}`} data-deadline-state={state}>
      {state === 'warning' ? '⚠ ' : ''}
      {text}
    </span>
  );
}
