// The replay module's public surface: exercise clock, cursor, headless ranking.
export {
  CLOCK_SPEEDS,
  MAX_TICK_WALL_MS,
  createClock,
  firstEventAfter,
  nextEventTime,
  nextTimeAfter,
  pause,
  play,
  seek,
  setSpeed,
  tick,
  type ClockSpeed,
  type ClockState,
  type SeekResult,
} from './clock';
export {
  ReplayCursor,
  defaultSnapshotEvery,
  maxReportDelay,
  referencedIds,
  type ReplayCursorOptions,
} from './cursor';
export { rankAlertsAt, rankRows, type RankRow } from './rank-at';
