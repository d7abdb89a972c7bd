// "The clock pauses itself when a critical alert opens at speeds above 60x."
// A console setting, not an engine rule: decided here from two snapshots.
import { AUTO_PAUSE_ABOVE_SPEED } from '../replay/speeds';
import type { AlertView } from './view-model';

/** The rule's name in the log (`data.rule` of the system's clock pause, docs/AUDIT-LOG.md). */
export const AUTO_PAUSE_RULE = 'auto-pause-on-critical';

/** The first critical alert that was not critical (or not there) before, if the clock should pause for it. */
export function criticalAlertToPauseFor(
  previousCritical: ReadonlySet<string>,
  alerts: readonly AlertView[],
  speed: number,
  playing: boolean,
  enabled: boolean,
): AlertView | null {
  if (!enabled || !playing || speed <= AUTO_PAUSE_ABOVE_SPEED) return null;
  for (const alert of alerts) {
    if (alert.severity === 'critical' && !previousCritical.has(alert.id)) return alert;
  }
  return null;
}

/** Ids of the critical alerts in a snapshot. */
export function criticalIds(alerts: readonly AlertView[]): Set<string> {
  const ids = new Set<string>();
  for (const alert of alerts) if (alert.severity === 'critical') ids.add(alert.id);
  return ids;
}
