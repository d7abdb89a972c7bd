// Everything an exercise runs on besides its log: the scenario, the protocol
// and scoring documents in use (with hashes) and how alerts are tracked.
import {
  scoringModelForScenario,
  formatScoringProblem,
  type ScoringModel,
} from '../alerts/scoring-model';
import { BUILTIN_PROTOCOL } from '../protocol/builtin-protocol';
import { loadProtocol, type Protocol } from '../protocol/load-protocol';
import { formatProtocolProblem } from '../protocol/problems';
import type { LoadedScenario } from '../scenario/loaded-scenario';
import type { AlertTracker } from './alert-tracker';
import { createAlertTracker } from './alert-tracker-adapter';

/** The fixed inputs of one exercise. */
export interface ExerciseSetup {
  scenario: LoadedScenario;
  protocol: Protocol;
  scoring: { model: ScoringModel; hash: string };
  appVersion: string;
  /** A fresh alert tracker: the scenario's replay, from its start. */
  createTracker(): AlertTracker;
}

/** Where a document sits, for error messages: its file, and its path inside it when inlined. */
export interface DocumentLocation {
  file: string;
  base: readonly string[];
}

/** Raised when the documents an exercise needs are refused; the message lists every problem. */
export class ExerciseSetupError extends Error {
  override name = 'ExerciseSetupError';
}

/**
 * Resolves the protocol and scoring model of a scenario (its own, or the
 * built-in ones) — or, when resuming, the documents a log recorded.
 */
export function prepareExercise(
  scenario: LoadedScenario,
  appVersion: string,
  documents: { protocol?: unknown; scoring?: unknown } = {},
  locations: Partial<Record<'protocol' | 'scoring', DocumentLocation>> = {},
): ExerciseSetup {
  const protocolDocument = documents.protocol ?? scenario.protocol;
  let protocol = BUILTIN_PROTOCOL;
  if (protocolDocument !== null && protocolDocument !== undefined) {
    const where = locations.protocol ?? { file: 'protocol.json', base: [] };
    const loaded = loadProtocol(protocolDocument, where.file, scenario.parties, where.base);
    if (!loaded.ok) {
      throw new ExerciseSetupError(
        `protocol refused:\n${loaded.problems.map((p) => `  ${formatProtocolProblem(p)}`).join('\n')}`,
      );
    }
    protocol = loaded.protocol;
  }
  const scoringWhere = locations.scoring ?? { file: 'scoring.json', base: [] };
  const scoring = scoringModelForScenario(
    documents.scoring ?? scenario.scoring,
    scoringWhere.file,
    scoringWhere.base,
  );
  if (!scoring.ok) {
    throw new ExerciseSetupError(
      `scoring model refused:\n${scoring.problems.map((p) => `  ${formatScoringProblem(p)}`).join('\n')}`,
    );
  }
  const model = scoring.model;
  return {
    scenario,
    protocol,
    scoring: { model, hash: scoring.hash },
    appVersion,
    createTracker: () => createAlertTracker(scenario, model),
  };
}
