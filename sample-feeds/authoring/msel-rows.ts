// MSEL injects that every exercise of the samples ends with or repeats: the
// guarantors' demand for a consolidated report under load, and ENDEX.
import type { InjectRow } from './assemble-scenario';

/** The Guarantor Contact Group asks, at `clock`, for every open alert by `dueBy` (local). */
export function openAlertsReportInject(
  id: string,
  day: number,
  clock: string,
  dueBy: string,
): InjectRow {
  return [
    id,
    day,
    clock,
    `The Guarantor Contact Group asks for a consolidated report of every open alert by ${dueBy} local time.`,
    'Prioritise: summarise the open alerts in rank order with their protocol step and deadlines.',
    'Guarantor Contact Group',
    'Head of operations',
    'Email',
    '',
    'Reporting under load',
  ];
}

/** End of exercise at `endsAt` (local), announced at `clock`. */
export function endexInject(id: string, day: number, clock: string, endsAt: string): InjectRow {
  return [
    id,
    day,
    clock,
    `ENDEX at ${endsAt} local. Play stops; hot wash in 30 minutes.`,
    'Stop play; export the log for the after-action report.',
    'Exercise Control',
    'All players',
    'Briefing',
    '',
    'After-action review',
  ];
}
