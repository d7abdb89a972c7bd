import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatLogTime,
  msToZonedInput,
  zonedEndToMs,
  zonedInputToMs,
} from '../../../renderer/src/log/log-time-format';

describe('log time format', () => {
  it('shows exercise time in the scenario zone, DST included', () => {
    expect(formatLogTime('2026-09-09T06:00:00Z', 'Europe/Kyiv')).toBe('2026-09-09 09:00:00');
    expect(formatLogTime('2026-01-09T06:00:00.000Z', 'Europe/Kyiv')).toBe('2026-01-09 08:00:00');
    expect(formatLogTime('2026-09-09T06:00:00Z', 'UTC')).toBe('2026-09-09 06:00:00');
  });

  it('leaves text that is not a time as it is (a file under audit may hold anything)', () => {
    expect(formatLogTime('yesterday', 'UTC')).toBe('yesterday');
  });

  it('reads a typed time in the given zone, with a space or a T, seconds optional', () => {
    const expected = Date.parse('2026-09-09T06:30:00Z');
    expect(zonedInputToMs('2026-09-09 09:30', 'Europe/Kyiv')).toBe(expected);
    expect(zonedInputToMs('2026-09-09T09:30', 'Europe/Kyiv')).toBe(expected);
    expect(zonedInputToMs(' 2026-09-09 09:30:15 ', 'Europe/Kyiv')).toBe(expected + 15_000);
    expect(msToZonedInput(expected, 'Europe/Kyiv')).toBe('2026-09-09 09:30');
  });

  it('reads an end bound to the end of the minute (or second) typed', () => {
    const at = Date.parse('2026-09-09T06:30:00Z');
    expect(zonedEndToMs('2026-09-09 09:30', 'Europe/Kyiv')).toBe(at + 59_999);
    expect(zonedEndToMs('2026-09-09 09:30:15', 'Europe/Kyiv')).toBe(at + 15_999);
    expect(zonedEndToMs('2026-09-09 09:61', 'Europe/Kyiv')).toBeNull();
  });

  it('refuses text that is not a real date and time in that form', () => {
    for (const text of [
      '',
      '09/09/2026 09:30',
      '2026-09-09',
      '2026-02-30 10:00',
      '2026-13-01 10:00',
      '2026-09-09 24:00',
      '2026-09-09 09:60',
      '2026-09-09 9:30',
    ]) {
      expect(zonedInputToMs(text, 'Europe/Kyiv'), text).toBeNull();
    }
    expect(zonedInputToMs('2028-02-29 10:00', 'UTC')).toBe(Date.parse('2028-02-29T10:00:00Z'));
  });

  it('round-trips minute-aligned times through the input format in any zone', () => {
    const zones = ['UTC', 'Europe/Kyiv', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham'];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 66_000_000 }),
        fc.constantFrom(...zones),
        (minutes, zone) => {
          const ms = minutes * 60_000;
          const back = zonedInputToMs(msToZonedInput(ms, zone), zone)!;
          // A wall time repeated by a DST fall-back maps to one of its two instants.
          expect(msToZonedInput(back, zone)).toBe(msToZonedInput(ms, zone));
        },
      ),
    );
  });
});
