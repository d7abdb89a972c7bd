// The exercise clock's texts are kept once made (a TZDate per call was a
// sixth of the UI thread's work during a long skip): a kept text is the text
// the zone gives at that instant, whatever was formatted before it.
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatExerciseClock,
  formatExerciseTime,
} from '../../../renderer/src/replay/exercise-time-format';

// Fixed-offset zones, as the invented theatres use, from the earliest to the latest.
const ZONES = ['Etc/GMT+8', 'Etc/GMT-2', 'UTC', 'Etc/GMT-14', 'Etc/GMT+12'];
const instant = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) });

describe('exercise time texts', () => {
  it('are the texts of the zone at that instant, asked once or many times, in any order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(instant, fc.constantFrom(...ZONES)), { minLength: 1, maxLength: 40 }),
        (asks) => {
          for (const [ms, zone] of [...asks, ...asks.toReversed()]) {
            const date = new TZDate(ms, zone);
            expect(formatExerciseTime(ms, zone)).toBe(format(date, 'yyyy-MM-dd HH:mm:ss O'));
            expect(formatExerciseClock(ms, zone)).toBe(format(date, 'dd HH:mm'));
          }
        },
      ),
    );
  });

  it('stay right past the number of texts kept', () => {
    const start = Date.UTC(2026, 2, 1, 6, 12);
    for (let i = 0; i < 25_000; i++) formatExerciseClock(start + i * 60_000, 'Etc/GMT+8');
    expect(formatExerciseClock(start, 'Etc/GMT+8')).toBe('28 22:12');
    expect(formatExerciseTime(start, 'Etc/GMT-2')).toBe('2026-03-01 08:12:00 GMT+2');
  });
});
