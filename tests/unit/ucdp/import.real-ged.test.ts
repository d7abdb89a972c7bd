import { describe, expect, it } from 'vitest';
import { eventSchema } from '../../../shared/scenario/schema';
import { importUcdpGed } from '../../../shared/ucdp/import-ucdp-ged';
import { realGedBytes, realGedText } from './ged-text';

const result = importUcdpGed(realGedBytes);

/** 1-based line on which the physical line starting with `prefix` sits, found without the parser. */
function lineOf(prefix: string): number {
  const at = realGedText.indexOf(`\n${prefix}`);
  return realGedText.slice(0, at + 1).split('\n').length;
}

describe('importing the real UCDP GED Ukraine export', () => {
  it('accounts for all 3,077 rows', () => {
    expect(result.counts).toEqual({ rowsRead: 3077, eventsWritten: 3077, rowsRejected: 0 });
    expect(result.encoding).toBe('utf-8');
    expect(result.rejections).toEqual([]);
  });

  it('writes one event per GED id, each valid per the scenario schema', () => {
    const ids = new Set(result.events.map((e) => e.id));
    expect(ids.size).toBe(3077);
    for (const event of result.events) {
      expect(event.id).toMatch(/^ucdp-\d+$/);
      expect(eventSchema.safeParse(event).success).toBe(true);
    }
  });

  it('maps the first row field by field', () => {
    const event = result.events.find((e) => e.id === 'ucdp-147997');
    expect(event).toMatchObject({
      time: '2014-01-22T00:00:00.000Z',
      source: 'open-source',
      type: 'armed-clash',
      subtype: 'state-based',
      lat: 50.45,
      lon: 30.52333,
      precision_m: 1000,
      confidence: 0.9,
      killed: { low: 5, best: 5, high: 5 },
      civilian_killed: 0,
      ref: 'UKR-2014-1-14085-0',
      'x-date-end': '2014-01-22',
      'x-side-a': 'Government of Ukraine',
      'x-side-b': 'Maidan',
    });
    expect(event?.party).toBeUndefined();
    expect(event?.summary).toMatch(
      /^Kiev\/Kyiv city \(Maidan Nezalezhnosti protest camp\) — Police disperse/,
    );
  });

  it('orders the 13 real rows whose deaths are out of order, warning with the row line', () => {
    const ordering = result.warnings.filter((w) => w.message.includes('ordered to'));
    expect(ordering).toHaveLength(13);
    expect(ordering[0]).toEqual({
      line: lineOf('155425,'),
      field: 'low/best/high',
      message: 'low/best/high were 7/7/6, ordered to 6/7/7',
    });
    expect(result.events.find((e) => e.id === 'ucdp-155425')?.killed).toEqual({
      low: 6,
      best: 7,
      high: 7,
    });
  });

  it('maps deaths to killed and deaths_civilians to civilian_killed, never above the total', () => {
    expect(result.events.every((e) => e.casualties === undefined)).toBe(true);
    const withCivilians = result.events.filter((e) => (e.civilian_killed as number) > 0);
    // 338 rows of the real export report civilian deaths.
    expect(withCivilians).toHaveLength(338);
    for (const e of withCivilians) {
      const killed = e.killed as { high: number };
      expect(e.civilian_killed as number).toBeLessThanOrEqual(killed.high);
    }
    // Row 2659 gives low/best/high 5/5/4 and 5 civilians: ordered to 4/5/5, all civilians.
    expect(result.events.find((e) => e.id === 'ucdp-315741')).toMatchObject({
      killed: { low: 4, best: 5, high: 5 },
      civilian_killed: 5,
    });
  });

  it('reads multi-line quoted fields and flattens them into one-line summaries', () => {
    const event = result.events.find((e) => e.id === 'ucdp-154408');
    expect(event?.summary).toContain('near Kramatorsk town; Myrne, Slovianskyi region');
    expect(event?.summary).not.toContain('\n');
  });

  it('carries where_prec, date_prec and event_clarity into precision_m and confidence', () => {
    const seen = new Map<
      string,
      { precision: number | undefined; confidence: number | undefined }
    >();
    for (const e of result.events) {
      seen.set(`${e['x-ucdp-where-prec']}/${e['x-ucdp-date-prec']}/${e['x-ucdp-event-clarity']}`, {
        precision: e.precision_m,
        confidence: e.confidence,
      });
    }
    // where_prec/date_prec/event_clarity combinations present in the real file.
    expect(seen.get('1/1/1')).toEqual({ precision: 1000, confidence: 0.9 });
    expect(seen.get('1/4/1')).toEqual({ precision: 1000, confidence: 0.59 });
    expect(seen.get('4/5/2')).toEqual({ precision: 150_000, confidence: 0.3 });
    expect(seen.get('5/3/1')).toEqual({ precision: 50_000, confidence: 0.72 });
    expect(seen.get('6/1/1')).toEqual({ precision: 500_000, confidence: 0.9 });
  });

  it('sorts the feed by time, then id', () => {
    for (let i = 1; i < result.events.length; i += 1) {
      const a = result.events[i - 1]!;
      const b = result.events[i]!;
      expect(a.time < b.time || (a.time === b.time && a.id < b.id)).toBe(true);
    }
  });
});
