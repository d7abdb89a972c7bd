// Which protocol and scoring model an exercise runs (docs/SCENARIO-FORMAT.md,
// the scenario's own documents; docs/ALERTS-AND-SEVERITY.md, "Model as data"):
// the documents given, else the scenario's, else the built-in ones; a refused
// document names every problem where it lies; a version-1 scoring model opens
// only from a log, read-only.
import { describe, expect, it } from 'vitest';
import builtinScoring from '../../../shared/alerts/builtin-scoring.json';
import { BUILTIN_SCORING_HASH, scoringModelHash } from '../../../shared/alerts/scoring-model';
import {
  ExerciseSetupError,
  READ_ONLY_V1,
  isProtocolV2,
  prepareExercise,
} from '../../../shared/exercise/exercise-setup';
import { BUILTIN_PROTOCOL, BUILTIN_PROTOCOL_V2 } from '../../../shared/protocol/builtin-protocol';
import builtinProtocolV2 from '../../../shared/protocol/builtin-protocol-v2.json';
import { buildScenario, handEvents } from './hand-scenario';
import { v1ScoringDocument } from './v1-scoring';

const scenario = buildScenario(handEvents());
const V1_SCORING = v1ScoringDocument();
/** The built-in model under another name: a scenario's own model. */
const OWN_SCORING = { ...builtinScoring, id: 'scenario-own', title: "This scenario's model" };

const refusal = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ExerciseSetupError);
    return (error as Error).message;
  }
  throw new Error('the documents were accepted');
};

describe('prepareExercise: which documents', () => {
  it('runs the built-in protocol (version 2) and scoring model when nothing else is given', () => {
    for (const setup of [
      prepareExercise(scenario, '1.2.3'),
      prepareExercise({ ...scenario, protocol: null, scoring: null }, '1.2.3', { protocol: null }),
    ]) {
      expect(setup.protocol).toBe(BUILTIN_PROTOCOL_V2);
      expect(isProtocolV2(setup.protocol)).toBe(true);
      expect(setup.scoring.version).toBe(2);
      expect(setup.scoring.hash).toBe(BUILTIN_SCORING_HASH);
      expect(setup.appVersion).toBe('1.2.3');
      expect(setup.readOnly).toBeNull();
    }
  });

  it("takes the scenario's own documents, and the documents given over the scenario's", () => {
    const own = { ...scenario, protocol: BUILTIN_PROTOCOL.document, scoring: OWN_SCORING };
    const fromScenario = prepareExercise(own, 't');
    expect(isProtocolV2(fromScenario.protocol)).toBe(false);
    expect(fromScenario.scoring.hash).toBe(scoringModelHash(OWN_SCORING));
    expect(fromScenario.scoring.hash).not.toBe(BUILTIN_SCORING_HASH);
    const given = prepareExercise(own, 't', {
      protocol: builtinProtocolV2,
      scoring: builtinScoring,
    });
    expect(isProtocolV2(given.protocol)).toBe(true);
    expect(given.scoring.hash).toBe(BUILTIN_SCORING_HASH);
  });
});

describe('prepareExercise: refusals', () => {
  it('refuses a protocol naming every problem, in protocol.json or where the document lies', () => {
    const broken = { ...builtinProtocolV2, id: 5, tracks: 'none' };
    expect(refusal(() => prepareExercise(scenario, 't', { protocol: broken }))).toBe(
      [
        'protocol refused:',
        '  protocol.json:/id: Invalid input: expected string, received number',
        '  protocol.json:/tracks: Invalid input: expected array, received string',
      ].join('\n'),
    );
    const located = refusal(() =>
      prepareExercise(
        scenario,
        't',
        { protocol: { ...builtinProtocolV2, id: 5 } },
        { protocol: { file: 'scenario.json', base: ['protocol'] } },
      ),
    );
    expect(located).toBe(
      'protocol refused:\n  scenario.json:/protocol/id: Invalid input: expected string, received number',
    );
  });

  it('refuses a scoring model naming every problem, in scoring.json or where it lies', () => {
    expect(
      refusal(() => prepareExercise(scenario, 't', { scoring: { ...builtinScoring, bands: 7 } })),
    ).toBe('scoring model refused:\n  scoring.json:: Unrecognized key: "bands"');
    expect(
      refusal(() =>
        prepareExercise(
          scenario,
          't',
          { scoring: { ...builtinScoring, bands: 7 } },
          { scoring: { file: 'scenario.json', base: ['scoring'] } },
        ),
      ),
    ).toBe('scoring model refused:\n  scenario.json:/scoring: Unrecognized key: "bands"');
  });

  it('refuses a version-1 scoring model for a new exercise, saying how to convert it', () => {
    const message = refusal(() => prepareExercise(scenario, 't', { scoring: V1_SCORING }));
    expect(message).toMatch(/^scoring model refused:\n {2}scoring\.json:\/version: version 1 /);
    expect(message).toContain('Set "version": 2.');
  });
});

describe('prepareExercise: a version-1 scoring model from a log', () => {
  it('opens the exercise read-only on that model', () => {
    const setup = prepareExercise(scenario, 't', { scoring: V1_SCORING }, {}, true);
    expect(setup.readOnly).toBe(READ_ONLY_V1);
    expect(setup.scoring.version).toBe(1);
    expect(setup.protocol).toBe(BUILTIN_PROTOCOL_V2);
  });

  it('refuses it, naming every problem, when the log recorded a broken one', () => {
    const broken = { ...(V1_SCORING as object), weights: 5, event_types: 3 };
    expect(
      refusal(() =>
        prepareExercise(
          scenario,
          't',
          { scoring: broken },
          { scoring: { file: 'log.json', base: ['scoring'] } },
          true,
        ),
      ),
    ).toBe(
      [
        'scoring model refused:',
        '  log.json:/scoring/event_types: Invalid input: expected record, received number',
        '  log.json:/scoring: Unrecognized key: "weights"',
      ].join('\n'),
    );
  });
});
