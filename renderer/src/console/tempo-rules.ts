// Tempo rules: when the console pauses or slows the exercise clock by itself
// so that a trainee can act within deadlines at training speed. The
// controller sets them per exercise; the default is the one rule the console
// always had (pause when a critical alert opens above 60x). Decided here from
// two successive snapshots; the pause itself is logged as the system's
// (`autoPause`, docs/AUDIT-LOG.md), with the rule's name.
import { deadlineStatus } from '../alerts/deadline-state';
import { AUTO_PAUSE_ABOVE_SPEED } from '../replay/speeds';
import type { AlertView } from './view-model';

/** What may trigger the clock, each named as the log records it (`data.rule`). */
export const TEMPO_TRIGGERS = [
  { id: 'auto-pause-on-critical', label: 'a critical alert opens' },
  { id: 'tempo-protocol-entry', label: 'an alert enters the protocol' },
  { id: 'tempo-deadline-warning', label: 'a deadline reaches its warning (80 %)' },
] as const;
export type TempoTrigger = (typeof TEMPO_TRIGGERS)[number]['id'];

export interface TempoRules {
  /** Triggers that act; the others are ignored. */
  on: readonly TempoTrigger[];
  /** What they do: pause, or slow the clock to this speed (only if it runs faster). */
  then: 'pause' | number;
}

/** A new exercise's rules: as the console always did. */
export const DEFAULT_TEMPO_RULES: TempoRules = { on: ['auto-pause-on-critical'], then: 'pause' };

/** What the console remembers between snapshots to see what is new. */
export interface TempoMemory {
  critical: ReadonlySet<string>;
  inProtocol: ReadonlySet<string>;
  /** `alert id|step|entered at` of every step already warned about. */
  warned: ReadonlySet<string>;
}

export interface TempoDecision {
  trigger: TempoTrigger;
  alert: AlertView;
  /** For the log and the notice: what happened. */
  reason: string;
  then: 'pause' | number;
}

/** The open steps of an alert with a deadline: (step, entered, deadline). */
function openDeadlines(alert: AlertView): { key: string; enteredAt: number; deadlineAt: number }[] {
  const out: { key: string; enteredAt: number; deadlineAt: number }[] = [];
  const p = alert.protocol;
  if (p && !p.closed && p.deadlineAt !== null) {
    out.push({
      key: `${alert.id}|${p.stepId}|${p.enteredAt}`,
      enteredAt: p.enteredAt,
      deadlineAt: p.deadlineAt,
    });
  }
  for (const t of alert.run?.tracks ?? []) {
    if (!t.open || t.deadlineAt === null) continue;
    out.push({
      key: `${alert.id}|${t.stepId}|${t.enteredAt}`,
      enteredAt: t.deadlineFrom,
      deadlineAt: t.deadlineAt,
    });
  }
  return out;
}

const inProtocol = (a: AlertView) => a.protocol !== null || a.run !== null;

/** The memory of a snapshot, to compare the next one against. */
export function tempoMemory(alerts: readonly AlertView[], now: number): TempoMemory {
  const warned = new Set<string>();
  for (const a of alerts) {
    for (const d of openDeadlines(a)) {
      if (deadlineStatus(d.enteredAt, d.deadlineAt, now).state !== 'ok') warned.add(d.key);
    }
  }
  return {
    critical: new Set(alerts.filter((a) => a.severity === 'critical').map((a) => a.id)),
    inProtocol: new Set(alerts.filter(inProtocol).map((a) => a.id)),
    warned,
  };
}

/**
 * The first rule that fires on this snapshot, if the clock should pause or
 * slow: only while playing above 60x (at lower speeds a person keeps up).
 */
export function tempoDecision(
  before: TempoMemory,
  alerts: readonly AlertView[],
  now: number,
  clock: { speed: number; playing: boolean },
  rules: TempoRules,
): TempoDecision | null {
  if (!clock.playing || clock.speed <= AUTO_PAUSE_ABOVE_SPEED) return null;
  if (typeof rules.then === 'number' && rules.then >= clock.speed) return null;
  const on = new Set(rules.on);
  for (const alert of alerts) {
    if (
      on.has('auto-pause-on-critical') &&
      alert.severity === 'critical' &&
      !before.critical.has(alert.id)
    ) {
      return {
        trigger: 'auto-pause-on-critical',
        alert,
        then: rules.then,
        reason: `critical alert ${alert.id} opened at ${clock.speed}x`,
      };
    }
    if (on.has('tempo-protocol-entry') && inProtocol(alert) && !before.inProtocol.has(alert.id)) {
      return {
        trigger: 'tempo-protocol-entry',
        alert,
        then: rules.then,
        reason: `alert ${alert.id} entered the protocol at ${clock.speed}x`,
      };
    }
    if (on.has('tempo-deadline-warning')) {
      for (const d of openDeadlines(alert)) {
        if (before.warned.has(d.key)) continue;
        if (deadlineStatus(d.enteredAt, d.deadlineAt, now).state === 'ok') continue;
        return {
          trigger: 'tempo-deadline-warning',
          alert,
          then: rules.then,
          reason: `a deadline of alert ${alert.id} reached its warning at ${clock.speed}x`,
        };
      }
    }
  }
  return null;
}
