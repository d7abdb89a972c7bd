// The alerts module's public surface: correlation, scoring, ranking.
export {
  AlertEngine,
  compareAlerts,
  type AlertChange,
  type AlertEngineOptions,
  type AlertEngineSnapshot,
} from './alert-engine';
export {
  FACTORS,
  SEVERITIES,
  scoreAlertEvents,
  severityOf,
  type Factor,
  type ScoreBreakdown,
  type Severity,
} from './alert-score';
export { alertTitle, formatPoints, type AlertView, type FactorView } from './alert-view';
export {
  BUILTIN_SCORING_HASH,
  BUILTIN_SCORING_MODEL,
  formatScoringProblem,
  parseScoringModel,
  scoringModelForScenario,
  scoringModelHash,
  scoringModelSchema,
  type ParsedScoringModel,
  type ScoringModel,
  type ScoringProblem,
} from './scoring-model';
