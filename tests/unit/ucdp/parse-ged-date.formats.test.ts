import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGedDate } from '../../../shared/ucdp/parse-ged-date';

const calendarDay = fc
  .date({
    min: new Date('1989-01-01T00:00:00Z'),
    max: new Date('2030-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => ({
    y: d.getUTCFullYear(),
    m: d.getUTCMonth() + 1,
    d: d.getUTCDate(),
    iso: d.toISOString().slice(0, 10),
  }));

describe('parseGedDate', () => {
  it('reads every GED spelling of a day as the same ISO date', () => {
    fc.assert(
      fc.property(calendarDay, ({ y, m, d, iso }) => {
        const pad = (n: number) => String(n).padStart(2, '0');
        for (const text of [
          iso,
          `${iso} 00:00:00.000`,
          `${m}/${d}/${y} 12:00:00 AM`,
          `${pad(m)}/${pad(d)}/${y} 00:00`,
          `${m}/${d}/${y}`,
        ]) {
          expect(parseGedDate(text)).toEqual({ ok: true, date: iso });
        }
      }),
    );
  });

  it('refuses impossible days and other text with the value in the reason', () => {
    expect(parseGedDate('2014-02-29')).toEqual({
      ok: false,
      reason: '"2014-02-29" is not a calendar date',
    });
    expect(parseGedDate('2016-02-29')).toEqual({ ok: true, date: '2016-02-29' });
    expect(parseGedDate('13/01/2014 00:00')).toEqual({
      ok: false,
      reason: '"13/01/2014 00:00" is not a calendar date',
    });
    expect(parseGedDate('1/2/2014 13:00:00 PM')).toMatchObject({ ok: false });
    expect(parseGedDate('1/2/2014 24:00')).toMatchObject({ ok: false });
    expect(parseGedDate('')).toEqual({ ok: false, reason: 'is empty' });
    expect(parseGedDate('22 Jan 2014')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('"22 Jan 2014" is not a date'),
    });
  });

  it('keeps the day for afternoon US times (the time of day is not used)', () => {
    expect(parseGedDate('12/31/2021 11:59:59 PM')).toEqual({ ok: true, date: '2021-12-31' });
    expect(parseGedDate('1/1/2022 12:00:00 PM')).toEqual({ ok: true, date: '2022-01-01' });
  });
});
