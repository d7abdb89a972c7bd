// The exercise's alert tracker keeps one object per unchanged alert (the
// console compares alerts by identity to skip re-rendering them) and keeps its
// ranking until something changes: each change the clock or an action makes
// must show in the next ranking.
import { describe, expect, it } from 'vitest';
import { BUILTIN_SCORING_MODEL } from '../../../shared/alerts/scoring-model';
import type { AlertTracker } from '../../../shared/exercise/alert-tracker';
import { createAlertTracker } from '../../../shared/exercise/alert-tracker-adapter';
import { MIN, T0, buildScenario, handEvents } from './hand-scenario';

const QUIET_MIN = BUILTIN_SCORING_MODEL.correlation.quiet_min;

const scenario = buildScenario(handEvents());

/** Shows every event due by `minute`, then moves the clock there. */
function advance(tracker: AlertTracker, minute: number) {
  while (
    tracker.shown < scenario.events.length &&
    scenario.events[tracker.shown]!.shownAt <= T0 + minute * MIN
  ) {
    tracker.showNext();
  }
  tracker.advanceTo(T0 + minute * MIN);
}

function trackerAt(minute: number): AlertTracker {
  const tracker = createAlertTracker(scenario, BUILTIN_SCORING_MODEL);
  advance(tracker, minute);
  return tracker;
}

const stateOf = (tracker: AlertTracker, id: string) =>
  tracker.ranked().find((a) => a.id === id)?.state;

describe('the alert tracker', () => {
  it('gives the same object for an alert unchanged since, and a new one once it changes', () => {
    const tracker = trackerAt(62);
    const before = tracker.get('A-mlrs-1')!;
    expect(tracker.get('A-mlrs-1')).toBe(before);
    expect(tracker.ranked().find((a) => a.id === 'A-mlrs-1')).toBe(before);
    tracker.close('A-mlrs-1');
    expect(tracker.get('A-mlrs-1')).not.toBe(before);
    expect(tracker.get('A-nobody')).toBeUndefined();
  });

  it('ranks anew when the clock makes an alert quiet, and when the protocol wakes it', () => {
    const tracker = trackerAt(62);
    expect(stateOf(tracker, 'A-mlrs-1')).toBe('active');
    // Its last report (mlrs-3) comes at minute 70; nothing is shown between
    // just before it goes quiet and just after, so only the clock moves.
    advance(tracker, 70 + QUIET_MIN - 1);
    expect(tracker.get('A-mlrs-1')!.lastAt).toBe(T0 + 70 * MIN);
    expect(stateOf(tracker, 'A-mlrs-1')).toBe('active');
    const shown = tracker.shown;
    tracker.advanceTo(T0 + (70 + QUIET_MIN + 1) * MIN);
    expect(tracker.shown).toBe(shown);
    expect(stateOf(tracker, 'A-mlrs-1')).toBe('quiet');
    tracker.setProtocolActive('A-mlrs-1', true);
    expect(stateOf(tracker, 'A-mlrs-1')).toBe('active');
  });

  it('refuses to rewind forwards, saying where the replay stands', () => {
    const tracker = trackerAt(62);
    expect(() => tracker.rewindTo(T0 + 63 * MIN)).toThrow(
      'rewind to 2026-03-01T01:03:00.000Z is ahead of the replay (2026-03-01T01:02:00.000Z)',
    );
    tracker.rewindTo(T0 + 62 * MIN);
    expect(tracker.get('A-mlrs-1')).toBeDefined();
    tracker.rewindTo(T0 + 10 * MIN);
    expect(tracker.ranked().map((a) => a.id)).not.toContain('A-mlrs-1');
  });
});

describe('the alert tracker on a scenario model', () => {
  it('scores with the model it is given, not the built-in one', () => {
    const brief = {
      ...BUILTIN_SCORING_MODEL,
      correlation: { ...BUILTIN_SCORING_MODEL.correlation, quiet_min: 30 },
    };
    const tracker = createAlertTracker(scenario, brief);
    advance(tracker, 71);
    tracker.advanceTo(T0 + (70 + 31) * MIN);
    expect(stateOf(tracker, 'A-mlrs-1')).toBe('quiet');
  });
});
