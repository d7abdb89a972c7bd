// The replay module's public surface: the replay cursor (the one path events
// take to the alert engine), headless ranking, the speeds offered.
export { CLOCK_SPEEDS, firstEventAfter, type ClockSpeed } from './clock';
export {
  ReplayCursor,
  defaultSnapshotEvery,
  maxReportDelay,
  referencedIds,
  type ReplayCursorOptions,
} from './cursor';
export { rankAlertsAt, rankRows, type RankRow } from './rank-at';
