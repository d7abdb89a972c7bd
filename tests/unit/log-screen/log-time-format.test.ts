import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatLogTime,
  msToZonedInput,
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

  it('reads a datetime-local value in the given zone', () => {
    expect(zonedInputToMs('2026-09-09T09:30', 'Europe/Kyiv')).toBe(
      Date.parse('2026-09-09T06:30:00Z'),
    );
    expect(zonedInputToMs('', 'Europe/Kyiv')).toBeNull();
    expect(zonedInputToMs('09/09/2026', 'Europe/Kyiv')).toBeNull();
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
