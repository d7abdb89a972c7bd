import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CLOCK_SPEEDS,
  MAX_TICK_WALL_MS,
  createClock,
  nextEventTime,
  nextTimeAfter,
  pause,
  play,
  seek,
  setSpeed,
  tick,
} from '../../../shared/replay/clock';
import { at, buildScenario, T0 } from '../alerts/fixtures/build-scenario';

const HOUR = 3_600_000;

describe('exercise clock', () => {
  it('offers exactly the speeds of the brief and refuses others', () => {
    expect(CLOCK_SPEEDS).toEqual([0.5, 1, 10, 60, 300, 3600, 86400]);
    expect(() => setSpeed(createClock(T0, T0 + HOUR), 2)).toThrow(/speed 2 is not one of/);
  });

  it('advances elapsed × speed while playing, nothing while paused', () => {
    let clock = setSpeed(createClock(T0, T0 + 72 * HOUR), 60);
    expect(tick(clock, 500).now).toBe(T0);
    clock = play(clock);
    clock = tick(clock, 500);
    expect(clock.now).toBe(T0 + 30_000);
    expect(tick(pause(clock), 500).now).toBe(T0 + 30_000);
  });

  it('caps a slow frame at one wall-second of data, so no tick jumps further', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CLOCK_SPEEDS),
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        (speed, wall) => {
          const clock = play(setSpeed(createClock(T0, T0 + 1000 * HOUR), speed));
          const next = tick(clock, wall);
          expect(next.now - clock.now).toBeLessThanOrEqual(MAX_TICK_WALL_MS * speed);
          // Epoch ms near 1.8e12 carry about 2e-4 ms of precision.
          expect(
            Math.abs(next.now - clock.now - Math.min(wall, MAX_TICK_WALL_MS) * speed),
          ).toBeLessThan(0.01);
        },
      ),
    );
  });

  it('stops at the end and will not play past it', () => {
    const clock = tick(play(setSpeed(createClock(T0, T0 + HOUR), 86400)), 1000);
    expect(clock).toMatchObject({ now: T0 + HOUR, playing: false });
    expect(play(clock).playing).toBe(false);
  });

  it('seeks forwards freely, backwards only when the caller allows it', () => {
    const clock = createClock(T0, T0 + 10 * HOUR);
    const forward = seek(clock, T0 + 5 * HOUR, { canSeekBackwards: false });
    expect(forward).toMatchObject({ ok: true, state: { now: T0 + 5 * HOUR } });
    const refused = seek(forward.state, T0 + HOUR, { canSeekBackwards: false });
    expect(refused.ok).toBe(false);
    expect(refused.state.now).toBe(T0 + 5 * HOUR);
    expect(seek(forward.state, T0 + HOUR, { canSeekBackwards: true }).state.now).toBe(T0 + HOUR);
    expect(seek(clock, T0 + 99 * HOUR, { canSeekBackwards: false }).state.now).toBe(T0 + 10 * HOUR);
  });

  it('finds the next event time strictly after now', () => {
    const scenario = buildScenario(
      [
        { id: 'a', time: at(10), source: 'observer', type: 'explosion', lat: -44.5, lon: -121 },
        { id: 'b', time: at(10), source: 'observer', type: 'explosion', lat: -44.5, lon: -121 },
        { id: 'c', time: at(20), source: 'observer', type: 'explosion', lat: -44.5, lon: -121 },
      ],
      [],
    );
    expect(nextEventTime(scenario.events, T0)).toBe(Date.parse(at(10)));
    expect(nextEventTime(scenario.events, Date.parse(at(10)))).toBe(Date.parse(at(20)));
    expect(nextEventTime(scenario.events, Date.parse(at(20)))).toBeNull();
    expect(nextTimeAfter([1, 5, 9], 5)).toBe(9);
    expect(nextTimeAfter([1, 5, 9], 9)).toBeNull();
  });
});
