// What the engine worker sends the console each frame: the clock and counters,
// plus only the alerts that changed since the previous frame and the ranked
// order when it changed. Posting the whole snapshot every frame made the UI
// thread deserialize every alert 60 times a second and gave every alert a new
// object, so no memoised row, map or chart could skip an unchanged one. With a
// delta, an unchanged alert keeps its object on the UI thread.
import type {
  AlertView,
  ClockView,
  ConsoleSnapshot,
  ProductView,
  ExercisePlan,
  SimCellStatus,
  SkipProgress,
} from './view-model';

export interface SnapshotDelta {
  clock: ClockView;
  shownCount: number;
  fault: string | null;
  ended: boolean;
  headSeq: number;
  withheld: readonly number[];
  injectedCount: number;
  skip: SkipProgress | null;
  /**
   * Alerts new or changed since the previous delta (compared by object identity).
   * An alert's first appearance here also gives it its number: 0, 1, 2… in the
   * order alerts first appear, on both sides.
   */
  changed: AlertView[];
  /**
   * The ranked alerts by number, present only when the order or the set of
   * alerts changed. Numbers, not ids: at speed the ranking changes most frames,
   * and thousands of id strings per frame were a large share of the UI
   * thread's garbage.
   */
  order: Int32Array | null;
  /** The SimCell's data when it changed (by identity) since the previous delta; absent otherwise. */
  simCell?: SimCellStatus | null;
  /** The report products when they changed (by identity) since the previous delta; absent otherwise. */
  reports?: readonly ProductView[] | null;
  /** The controller's plan when it changed (by identity) since the previous delta; absent otherwise. */
  plan?: ExercisePlan | null;
}

/** Turns successive console snapshots into deltas; alerts are compared by object identity. */
export function createDeltaEncoder(): (next: ConsoleSnapshot) => SnapshotDelta {
  const numbers = new Map<string, number>();
  const sent = new Map<string, AlertView>();
  let sentAlerts: readonly AlertView[] | null = null;
  let sentOrder: ArrayLike<number> = [];
  let sentSimCell: SimCellStatus | null | undefined = undefined;
  let sentReports: readonly ProductView[] | null | undefined = undefined;
  let sentPlan: ExercisePlan | null | undefined = undefined;
  return (next) => {
    const changed: AlertView[] = [];
    let order: Int32Array | null = null;
    if (next.alerts !== sentAlerts) {
      const alerts = next.alerts;
      let sameOrder = alerts.length === sentOrder.length;
      for (let i = 0; i < alerts.length; i++) {
        const alert = alerts[i]!;
        if (sent.get(alert.id) !== alert) {
          changed.push(alert);
          sent.set(alert.id, alert);
          if (!numbers.has(alert.id)) numbers.set(alert.id, numbers.size);
        }
        if (sameOrder && sentOrder[i] !== numbers.get(alert.id)) sameOrder = false;
      }
      if (!sameOrder) {
        order = Int32Array.from(alerts, (a) => numbers.get(a.id)!);
        sentOrder = order;
        if (sent.size > alerts.length) {
          const kept = new Set(alerts.map((a) => a.id));
          for (const id of sent.keys()) if (!kept.has(id)) sent.delete(id);
        }
      }
      sentAlerts = alerts;
    }
    return {
      clock: next.clock,
      shownCount: next.shownCount,
      fault: next.fault,
      ended: next.ended,
      headSeq: next.headSeq,
      withheld: next.withheld,
      injectedCount: next.injectedCount,
      skip: next.skip,
      changed,
      order,
      ...(next.simCell !== sentSimCell ? { simCell: (sentSimCell = next.simCell) } : {}),
      ...(next.reports !== sentReports ? { reports: (sentReports = next.reports) } : {}),
      ...(next.plan !== sentPlan ? { plan: (sentPlan = next.plan) } : {}),
    };
  };
}

/**
 * Rebuilds console snapshots from deltas. An alert that did not change keeps
 * its object, and the alerts array is the same array while no alert changed.
 * Throws if a delta names an alert it never received (a protocol fault).
 */
export function createDeltaDecoder(): (delta: SnapshotDelta) => ConsoleSnapshot {
  const numbers = new Map<string, number>();
  // The latest view of each alert, by its number.
  const byNumber: AlertView[] = [];
  let alerts: readonly AlertView[] = [];
  let simCell: SimCellStatus | null = null;
  let reports: readonly ProductView[] | null = null;
  let plan: ExercisePlan | null = null;
  let withheld: readonly number[] = [];
  return (delta) => {
    if (delta.simCell !== undefined) simCell = delta.simCell;
    if (delta.reports !== undefined) reports = delta.reports;
    if (delta.plan !== undefined) plan = delta.plan;
    // Kept by identity while unchanged, so what reads it is not recomputed each frame.
    if (
      delta.withheld.length !== withheld.length ||
      delta.withheld.some((seq, i) => seq !== withheld[i])
    )
      withheld = delta.withheld;
    let fresh = false;
    for (const alert of delta.changed) {
      let n = numbers.get(alert.id);
      if (n === undefined) {
        n = numbers.size;
        numbers.set(alert.id, n);
        fresh = true;
      }
      byNumber[n] = alert;
    }
    if (delta.order !== null) {
      const next: AlertView[] = new Array<AlertView>(delta.order.length);
      for (let i = 0; i < delta.order.length; i++) {
        const alert = byNumber[delta.order[i]!];
        if (!alert) {
          throw new Error(
            `snapshot delta: alert number ${delta.order[i]} is ranked but was never sent`,
          );
        }
        next[i] = alert;
      }
      alerts = next;
    } else if (delta.changed.length > 0) {
      if (fresh) throw new Error('snapshot delta: a new alert arrived without the ranked order');
      alerts = alerts.map((a) => byNumber[numbers.get(a.id)!]!);
    }
    return {
      clock: delta.clock,
      shownCount: delta.shownCount,
      alerts,
      fault: delta.fault,
      ended: delta.ended,
      headSeq: delta.headSeq,
      simCell,
      reports,
      plan,
      withheld,
      injectedCount: delta.injectedCount,
      skip: delta.skip,
    };
  };
}
