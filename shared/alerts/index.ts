// The alerts module's public surface: correlation, gravity and certainty, ranking.
export {
  AlertEngine,
  compareAlerts,
  type AlertChange,
  type AlertEngineOptions,
  type AlertEngineSnapshot,
  type Bands,
  type MeasuresNow,
} from './alert-engine';
export {
  CERTAINTY_FACTORS,
  GRAVITY_FACTORS,
  certaintyBandOf,
  certaintyBreakdown,
  evidenceOf,
  gravityBreakdown,
  measure,
  severityOf,
  type AlertMeasures,
  type CertaintyFactor,
  type GravityFactor,
} from './alert-score';
export {
  CERTAINTY_BANDS,
  SEVERITIES,
  certaintyRose,
  graverSeverity,
  severityRank,
  severityRose,
  type CertaintyBand,
  type Severity,
} from './bands';
export {
  ALERT_STATES,
  alertTitle,
  formatPoints,
  stateOf,
  type AlertState,
  type AlertView,
  type CertaintyFactorView,
  type GravityFactorView,
  type IncidentView,
  type ReferenceLink,
} from './alert-view';
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
