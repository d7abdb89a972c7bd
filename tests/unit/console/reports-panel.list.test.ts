// The console's Reports panel decides in product-list.ts: products still to
// write first (overdue, then due soon, then due, by deadline), the written
// ones after, newest first; a daily report is saved about every incident; the
// printout always carries the exercise marking.
import { describe, expect, it } from 'vitest';
import type { ProductView } from '../../../shared/exercise/report-products';
import {
  exerciseMarking,
  listProducts,
  productTarget,
  writable,
} from '../../../renderer/src/reports/product-list';

const MIN = 60_000;
const T0 = Date.parse('2027-03-08T12:00:00Z');

function product(key: string, over: Partial<ProductView> = {}): ProductView {
  return {
    key,
    product: 'spot-report',
    alertId: 'a1',
    dueFrom: T0,
    deadlineAt: T0 + 60 * MIN,
    cutoffAt: null,
    stepLeftAt: null,
    written: null,
    title: key,
    prefill: '',
    ...over,
  };
}

describe('the Reports panel list', () => {
  it('lists overdue, then due soon, then due (by deadline), then upcoming, then written newest first', () => {
    const now = T0 + 50 * MIN;
    const listed = listProducts(
      [
        product('written-old', { written: { at: T0 + MIN, by: 'x', text: 't' } }),
        product('due-later', { dueFrom: T0 + 40 * MIN, deadlineAt: T0 + 160 * MIN }),
        product('overdue', { dueFrom: T0 - 2 * 60 * MIN, deadlineAt: T0 - 60 * MIN }),
        product('warning', {}),
        product('upcoming', { dueFrom: T0 + 5 * 60 * MIN, deadlineAt: T0 + 6 * 60 * MIN }),
        product('written-new', { written: { at: T0 + 2 * MIN, by: 'x', text: 't' } }),
        product('due-sooner', { dueFrom: T0 + 45 * MIN, deadlineAt: T0 + 150 * MIN }),
      ],
      now,
    );
    expect(listed.map((l) => `${l.product.key}:${l.state}`)).toEqual([
      'overdue:breached',
      'warning:warning',
      'due-sooner:due',
      'due-later:due',
      'upcoming:upcoming',
      'written-new:met',
      'written-old:met',
    ]);
    expect(listed.map((l) => writable(l.state))).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('saves a daily report about every incident, an incident’s product about its incident', () => {
    expect(productTarget({ product: 'daily-report', alertId: 'a1' })).toEqual({
      product: 'daily-report',
      alertId: null,
    });
    expect(productTarget({ product: 'meeting-summary', alertId: 'a1' })).toEqual({
      product: 'meeting-summary',
      alertId: 'a1',
    });
  });

  it('marks the printout EXERCISE, once', () => {
    expect(exerciseMarking('EXERCISE EXERCISE EXERCISE — NOTIONAL')).toBe(
      'EXERCISE EXERCISE EXERCISE — NOTIONAL',
    );
    expect(exerciseMarking('UNCLASSIFIED')).toBe('EXERCISE — UNCLASSIFIED');
  });
});
