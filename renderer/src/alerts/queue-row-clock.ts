// What of a queue row depends on the running clock. The row is memoised on it:
// at 300x the clock moves every frame, but a row's age changes once a minute
// of exercise time, and only rows with a running step show a live countdown.
import type { AlertView } from '../console/view-model';
import { countdownLabel, formatAge } from './deadline-state';
import { queueStepOf } from './queue-step';

/** The clock-dependent text of a queue row (age, and countdown while a step runs). */
export function rowClockText(alert: AlertView, now: number): string {
  const age = formatAge(now - alert.firstAt);
  const step = queueStepOf(alert);
  if (step === null || step.closed) return age;
  const countdown = countdownLabel(step.enteredAt, step.deadlineAt, now);
  return `${age}|${countdown.state}|${countdown.text}`;
}
