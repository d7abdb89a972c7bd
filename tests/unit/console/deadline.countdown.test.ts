import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compactCountdownLabel,
  countdownLabel,
  deadlineStatus,
  formatAge,
  formatCountdown,
} from '../../../renderer/src/alerts/deadline-state';

describe('deadlineStatus', () => {
  const entered = Date.UTC(2026, 2, 1, 4, 0);
  const deadline = entered + 30 * 60_000;

  it('is ok before 80% of the step time, amber from 80%, red at the deadline', () => {
    expect(deadlineStatus(entered, deadline, entered + 23 * 60_000).state).toBe('ok');
    expect(deadlineStatus(entered, deadline, entered + 24 * 60_000).state).toBe('warning');
    expect(deadlineStatus(entered, deadline, deadline - 1).state).toBe('warning');
    expect(deadlineStatus(entered, deadline, deadline).state).toBe('breached');
    expect(deadlineStatus(entered, deadline, deadline + 5_000).remainingMs).toBe(-5_000);
  });

  it('has no state without a deadline', () => {
    expect(deadlineStatus(entered, null, entered)).toEqual({ state: 'none', remainingMs: null });
  });

  it('never goes back from breached or warning as time runs forward', () => {
    const order = { none: 0, ok: 1, warning: 2, breached: 3 } as const;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e9 }),
        fc.integer({ min: 0, max: 2e9 }),
        fc.integer({ min: 0, max: 2e9 }),
        (length, a, b) => {
          const [t1, t2] = a <= b ? [a, b] : [b, a];
          const s1 = deadlineStatus(0, length, t1).state;
          const s2 = deadlineStatus(0, length, t2).state;
          return order[s1] <= order[s2];
        },
      ),
    );
  });
});

describe('countdown and age text', () => {
  it('formats countdowns with days, hours and a sign when overdue', () => {
    expect(formatCountdown(9 * 60_000 + 5_000)).toBe('09:05');
    expect(formatCountdown(2 * 3600_000 + 3 * 60_000 + 4_000)).toBe('02:03:04');
    expect(formatCountdown(26 * 3600_000)).toBe('1d 02:00:00');
    expect(formatCountdown(-65_000)).toBe('-01:05');
  });

  it('formats ages in minutes, hours and days', () => {
    expect(formatAge(59_999)).toBe('0m');
    expect(formatAge(4 * 60_000)).toBe('4m');
    expect(formatAge(125 * 60_000)).toBe('2h 05m');
    expect(formatAge(76 * 3600_000)).toBe('3d 4h');
  });
});

describe('the queue row’s countdown', () => {
  const entered = Date.UTC(2026, 2, 1, 4, 0);
  const deadline = entered + 10 * 60_000;
  const H = 3600_000;

  it('says "breached 8 h ago" where the detail says "BREACHED 08:08:45 ago"', () => {
    const now = deadline + 8 * H + 8 * 60_000 + 45_000;
    expect(countdownLabel(entered, deadline, now).text).toBe('BREACHED 08:08:45 ago');
    expect(compactCountdownLabel(entered, deadline, now)).toEqual({
      state: 'breached',
      text: 'breached 8 h ago',
    });
    expect(compactCountdownLabel(entered, deadline, deadline + 35 * 60_000).text).toBe(
      'breached 35 min ago',
    );
    expect(compactCountdownLabel(entered, deadline, deadline + 50 * H).text).toBe(
      'breached 2 d ago',
    );
    expect(compactCountdownLabel(entered, deadline, deadline).text).toBe('breached just now');
  });

  it('counts the seconds in the last hour, whole units before it', () => {
    expect(compactCountdownLabel(entered, deadline, entered + 60_000)).toEqual({
      state: 'ok',
      text: '09:00 left',
    });
    expect(compactCountdownLabel(entered, entered + 48 * H, entered).text).toBe('2 d left');
    expect(compactCountdownLabel(entered, entered + 5 * H, entered).text).toBe('5 h left');
    expect(compactCountdownLabel(entered, null, entered).text).toBe('no deadline');
  });

  it('is never longer than 20 characters, whatever the time', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400 * H, max: 400 * H }), (offset) => {
        const { text } = compactCountdownLabel(entered, deadline, deadline + offset);
        return text.length <= 20;
      }),
    );
  });
});
