// Everything an exercise runs on besides its log: the scenario, the protocol
// and scoring documents in use (with hashes) and how alerts are tracked.
import {
  scoringModelForScenario,
  formatScoringProblem,
  type ScoringModel,
} from '../alerts/scoring-model';
import {
  parseScoringModel as parseLegacyScoringModel,
  type ScoringModel as LegacyScoringModel,
} from '../alerts/legacy-v1/scoring-model';
import { isScoringVersion1 } from '../alerts/scoring-v1-refusal';
import { builtinProtocolForNewExercise } from '../protocol/builtin-protocol';
import { loadAnyProtocol, type Protocol, type ProtocolV2 } from '../protocol/load-protocol';
import { formatProtocolProblem } from '../protocol/problems';
import type { LoadedScenario } from '../scenario/loaded-scenario';
import type { AlertTracker } from './alert-tracker';
import { createAlertTracker } from './alert-tracker-adapter';
import { createLegacyV1Tracker } from './legacy-v1-tracker';

/** The fixed inputs of one exercise. */
export interface ExerciseSetup {
  scenario: LoadedScenario;
  /** Format version 1 (steps), or version 2 (tracks; `format: 2`). */
  protocol: Protocol | ProtocolV2;
  scoring:
    | { version: 2; model: ScoringModel; hash: string }
    | { version: 1; model: LegacyScoringModel; hash: string };
  appVersion: string;
  /**
   * Why the exercise can only be read, not continued (its log recorded a
   * version-1 scoring model), or null.
   */
  readOnly: string | null;
  /** A fresh alert tracker (called again when a controller seeks backwards). */
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

/** Why an exercise recorded with a version-1 scoring model opens read-only. */
export const READ_ONLY_V1 =
  'this exercise was recorded with version 1 of the severity model (one mixed score); it opens read-only, showing what its log recorded. Start a new exercise to use gravity and certainty.';

/**
 * Resolves the protocol and scoring model of a scenario (its own, or the
 * built-in ones) — or, when resuming, the documents a log recorded. A
 * version-1 scoring model is accepted only from a log (`fromLog`), and makes
 * the exercise read-only.
 */
export function prepareExercise(
  scenario: LoadedScenario,
  appVersion: string,
  documents: { protocol?: unknown; scoring?: unknown } = {},
  locations: Partial<Record<'protocol' | 'scoring', DocumentLocation>> = {},
  fromLog = false,
): ExerciseSetup {
  const protocolDocument = documents.protocol ?? scenario.protocol;
  let protocol: Protocol | ProtocolV2 = builtinProtocolForNewExercise().protocol;
  if (protocolDocument !== null && protocolDocument !== undefined) {
    const where = locations.protocol ?? { file: 'protocol.json', base: [] };
    const loaded = loadAnyProtocol(protocolDocument, where.file, scenario.parties, where.base);
    if (!loaded.ok) {
      throw new ExerciseSetupError(
        `protocol refused:\n${loaded.problems.map((p) => `  ${formatProtocolProblem(p)}`).join('\n')}`,
      );
    }
    protocol = loaded.loaded.protocol;
  }
  const scoringWhere = locations.scoring ?? { file: 'scoring.json', base: [] };
  if (fromLog && isScoringVersion1(documents.scoring)) {
    const legacy = parseLegacyScoringModel(documents.scoring, scoringWhere.file, scoringWhere.base);
    if (!legacy.ok) {
      throw new ExerciseSetupError(
        `scoring model refused:\n${legacy.problems.map((p) => `  ${formatScoringProblem(p)}`).join('\n')}`,
      );
    }
    const model = legacy.model;
    return {
      scenario,
      protocol,
      scoring: { version: 1, model, hash: legacy.hash },
      appVersion,
      readOnly: READ_ONLY_V1,
      createTracker: () => createLegacyV1Tracker(scenario, model),
    };
  }
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
    scoring: { version: 2, model, hash: scoring.hash },
    appVersion,
    readOnly: null,
    createTracker: () => createAlertTracker(scenario, model),
  };
}

/** Whether an exercise runs protocol format version 2 (tracks). */
export function isProtocolV2(protocol: Protocol | ProtocolV2): protocol is ProtocolV2 {
  return 'format' in protocol;
}
