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
    // New Zealand: standard time (UTC+12) in September, summer time (UTC+13) in January.
    expect(formatLogTime('2026-09-09T06:00:00Z', 'Pacific/Auckland')).toBe('2026-09-09 18:00:00');
    expect(formatLogTime('2026-01-09T06:00:00.000Z', 'Pacific/Auckland')).toBe(
      '2026-01-09 19:00:00',
    );
    // The samples' fixed zone: Etc/GMT+8 is UTC−8 (POSIX sign inverted).
    expect(formatLogTime('2027-03-09T17:00:00Z', 'Etc/GMT+8')).toBe('2027-03-09 09:00:00');
    expect(formatLogTime('2026-09-09T06:00:00Z', 'UTC')).toBe('2026-09-09 06:00:00');
  });

  it('leaves text that is not a time as it is (a file under audit may hold anything)', () => {
    expect(formatLogTime('yesterday', 'UTC')).toBe('yesterday');
  });

  it('reads a typed time in the given zone, with a space or a T, seconds optional', () => {
    const expected = Date.parse('2026-09-08T21:30:00Z');
    expect(zonedInputToMs('2026-09-09 09:30', 'Pacific/Auckland')).toBe(expected);
    expect(zonedInputToMs('2026-09-09T09:30', 'Pacific/Auckland')).toBe(expected);
    expect(zonedInputToMs(' 2026-09-09 09:30:15 ', 'Pacific/Auckland')).toBe(expected + 15_000);
    expect(msToZonedInput(expected, 'Pacific/Auckland')).toBe('2026-09-09 09:30');
  });

  it('reads an end bound to the end of the minute (or second) typed', () => {
    const at = Date.parse('2026-09-08T21:30:00Z');
    expect(zonedEndToMs('2026-09-09 09:30', 'Pacific/Auckland')).toBe(at + 59_999);
    expect(zonedEndToMs('2026-09-09 09:30:15', 'Pacific/Auckland')).toBe(at + 15_999);
    expect(zonedEndToMs('2026-09-09 09:61', 'Pacific/Auckland')).toBeNull();
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
      expect(zonedInputToMs(text, 'Pacific/Auckland'), text).toBeNull();
    }
    expect(zonedInputToMs('2028-02-29 10:00', 'UTC')).toBe(Date.parse('2028-02-29T10:00:00Z'));
  });

  it('round-trips minute-aligned times through the input format in any zone', () => {
    const zones = [
      'UTC',
      'Etc/GMT+8',
      'Pacific/Auckland',
      'America/New_York',
      'Australia/Adelaide',
      'Pacific/Chatham',
    ];
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
