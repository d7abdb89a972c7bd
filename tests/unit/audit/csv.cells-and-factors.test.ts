// CSV cells for values that are not plain text (null, undefined, lists) and
// the alerts CSV's event ids and factors at their edges.
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { alertsToCsv, csvCell, type AlertCsvRow } from '../../../shared/audit/csv';

const ROW: AlertCsvRow = {
  rank: 2,
  id: 'A-e2',
  gravity: 40,
  severity: 'medium',
  certainty: 0.5,
  certainty_band: 'possible',
  zones: ['EZ-1'],
  event_ids: ['e3', 'e4'],
  first_seen: '2026-03-01T04:12:00Z',
  last_seen: '2026-03-01T04:30:00Z',
};

function rowOf(alert: AlertCsvRow): Record<string, string> {
  return (parse(alertsToCsv([alert]), { columns: true }) as Record<string, string>[])[0]!;
}

describe('CSV cells', () => {
  test('null and undefined are empty cells, a list is its items separated by spaces', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(['EZ-1', 'LOC'])).toBe('EZ-1 LOC');
  });
});

describe('alerts CSV', () => {
  test('event ids are separated by spaces', () => {
    expect(rowOf(ROW).event_ids).toBe('e3 e4');
  });

  test('an alert without factors has an empty factors cell', () => {
    expect(rowOf(ROW).factors).toBe('');
  });

  test('a factor contributing nothing is written +0', () => {
    expect(
      rowOf({ ...ROW, factors: [{ factor: 'quiet', contribution: 0, reason: 'none' }] }).factors,
    ).toBe('quiet +0');
  });
});
