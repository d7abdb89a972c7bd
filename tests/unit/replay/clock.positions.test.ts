import { describe, expect, it } from 'vitest';
import { CLOCK_SPEEDS, firstEventAfter } from '../../../shared/replay/clock';
import { at, buildScenario, T0 } from '../alerts/fixtures/build-scenario';

describe('exercise time in the replay', () => {
  it('offers exactly the speeds of the brief', () => {
    expect(CLOCK_SPEEDS).toEqual([0.5, 1, 10, 60, 300, 3600, 86400]);
  });

  it('places a time after every event shown at or before it', () => {
    const scenario = buildScenario(
      [
        { id: 'a', time: at(10), source: 'observer', type: 'explosion', lat: -44.5, lon: -121 },
        { id: 'b', time: at(10), source: 'observer', type: 'explosion', lat: -44.5, lon: -121 },
        { id: 'c', time: at(20), source: 'observer', type: 'explosion', lat: -44.5, lon: -121 },
      ],
      [],
    );
    expect(firstEventAfter(scenario.events, T0)).toBe(0);
    expect(firstEventAfter(scenario.events, Date.parse(at(10)) - 1)).toBe(0);
    expect(firstEventAfter(scenario.events, Date.parse(at(10)))).toBe(2);
    expect(firstEventAfter(scenario.events, Date.parse(at(20)))).toBe(3);
    expect(firstEventAfter([], T0)).toBe(0);
  });
});
