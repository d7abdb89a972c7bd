// What the Reports panel decides per product, kept out of the component so
// that it is tested: the order it lists them in, how their state reads, what
// the editor saves (a daily report is the mission's, about every incident),
// and the marking a printout carries.
import {
  productState,
  type ProductState,
  type ProductView,
} from '../../../shared/exercise/report-products';
import type { ReportProduct } from '../../../shared/exercise/log-data';

/** How a product's state reads in the list. */
export const STATE_LABELS: Record<ProductState, string> = {
  upcoming: 'upcoming',
  due: 'due',
  warning: 'due soon',
  breached: 'overdue',
  met: 'written',
  late: 'written late',
};

/** States still waiting for the operator (listed first, most urgent first). */
const OPEN: readonly ProductState[] = ['breached', 'warning', 'due', 'upcoming'];

/** A product with its state at `now`. */
export interface ListedProduct {
  product: ProductView;
  state: ProductState;
}

/**
 * The panel's list: products still to write first (overdue, then due soon,
 * then due, by deadline), then the upcoming daily report, then those written,
 * newest first.
 */
export function listProducts(products: readonly ProductView[], now: number): ListedProduct[] {
  const listed = products.map((product) => ({ product, state: productState(product, now) }));
  const open = listed
    .filter((l) => OPEN.includes(l.state))
    .sort(
      (a, b) =>
        OPEN.indexOf(a.state) - OPEN.indexOf(b.state) ||
        (a.product.deadlineAt ?? Infinity) - (b.product.deadlineAt ?? Infinity),
    );
  const written = listed
    .filter((l) => !OPEN.includes(l.state))
    .sort((a, b) => b.product.written!.at - a.product.written!.at);
  return [...open, ...written];
}

/** Whether the operator may write it now (a daily report only from its cut-off on). */
export function writable(state: ProductState): boolean {
  return state !== 'upcoming' && state !== 'met' && state !== 'late';
}

/**
 * What Save issues: an incident's product about its incident; a daily report
 * about every incident (its place in the daily report is met by the mission's
 * daily report).
 */
export function productTarget(p: Pick<ProductView, 'product' | 'alertId'>): {
  product: ReportProduct;
  alertId: string | null;
} {
  return { product: p.product, alertId: p.product === 'daily-report' ? null : p.alertId };
}

/** The marking every printed product carries: the scenario's, with EXERCISE if it lacks the word. */
export function exerciseMarking(classification: string): string {
  return /\bEXERCISE\b/i.test(classification) ? classification : `EXERCISE — ${classification}`;
}
