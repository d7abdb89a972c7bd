// What the engine worker sends the console each frame: the clock and counters,
// plus only the alerts that changed since the previous frame and the ranked
// order when it changed. Posting the whole snapshot every frame made the UI
// thread deserialize every alert 60 times a second and gave every alert a new
// object, so no memoised row, map or chart could skip an unchanged one. With a
// delta, an unchanged alert keeps its object on the UI thread.
import type { AlertView, ClockView, ConsoleSnapshot } from './view-model';

export interface SnapshotDelta {
  clock: ClockView;
  shownCount: number;
  fault: string | null;
  ended: boolean;
  headSeq: number;
  /** Alerts new or changed since the previous delta (compared by object identity). */
  changed: AlertView[];
  /** Ranked alert ids, present only when the order or the set of alerts changed. */
  order: string[] | null;
}

/** Turns successive console snapshots into deltas; alerts are compared by object identity. */
export function createDeltaEncoder(): (next: ConsoleSnapshot) => SnapshotDelta {
  let sent = new Map<string, AlertView>();
  let sentAlerts: readonly AlertView[] | null = null;
  let sentOrder: readonly string[] = [];
  return (next) => {
    const changed: AlertView[] = [];
    let order: string[] | null = null;
    if (next.alerts !== sentAlerts) {
      const alerts = next.alerts;
      let sameOrder = alerts.length === sentOrder.length;
      for (let i = 0; i < alerts.length; i++) {
        const alert = alerts[i]!;
        if (sent.get(alert.id) !== alert) changed.push(alert);
        if (sameOrder && sentOrder[i] !== alert.id) sameOrder = false;
      }
      if (!sameOrder) {
        order = alerts.map((a) => a.id);
        sentOrder = order;
        sent = new Map(alerts.map((a) => [a.id, a] as const));
      } else {
        for (const alert of changed) sent.set(alert.id, alert);
      }
      sentAlerts = alerts;
    }
    return {
      clock: next.clock,
      shownCount: next.shownCount,
      fault: next.fault,
      ended: next.ended,
      headSeq: next.headSeq,
      changed,
      order,
    };
  };
}

/**
 * Rebuilds console snapshots from deltas. An alert that did not change keeps
 * its object, and the alerts array is the same array while no alert changed.
 * Throws if a delta names an alert it never received (a protocol fault).
 */
export function createDeltaDecoder(): (delta: SnapshotDelta) => ConsoleSnapshot {
  const byId = new Map<string, AlertView>();
  let alerts: readonly AlertView[] = [];
  return (delta) => {
    for (const alert of delta.changed) byId.set(alert.id, alert);
    if (delta.order !== null) {
      const next = delta.order.map((id) => {
        const alert = byId.get(id);
        if (!alert) throw new Error(`snapshot delta: alert ${id} is ranked but was never sent`);
        return alert;
      });
      if (byId.size > next.length) {
        const kept = new Set(delta.order);
        for (const id of byId.keys()) if (!kept.has(id)) byId.delete(id);
      }
      alerts = next;
    } else if (delta.changed.length > 0) {
      if (byId.size !== alerts.length) {
        throw new Error('snapshot delta: a new alert arrived without the ranked order');
      }
      alerts = alerts.map((a) => byId.get(a.id)!);
    }
    return {
      clock: delta.clock,
      shownCount: delta.shownCount,
      alerts,
      fault: delta.fault,
      ended: delta.ended,
      headSeq: delta.headSeq,
    };
  };
}
