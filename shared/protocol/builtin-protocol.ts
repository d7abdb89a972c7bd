import builtinDocument from './builtin-protocol.json';
import builtinV2Document from './builtin-protocol-v2.json';
import {
  loadProtocolOrThrow,
  loadProtocolV2OrThrow,
  type AnyProtocol,
  type Protocol,
  type ProtocolV2,
} from './load-protocol';

/** The built-in emergency-consultation protocol (docs/ESCALATION-PROTOCOL.md), linted. */
export const BUILTIN_PROTOCOL: Protocol = loadProtocolOrThrow(
  builtinDocument,
  'builtin-protocol.json',
);

/**
 * The built-in version-2 protocol in parallel tracks (docs/ESCALATION-PROTOCOL.md,
 * "Version 2"), linted. The version-1 document stays: exercises recorded with
 * it carry it in their log and must replay.
 */
export const BUILTIN_PROTOCOL_V2: ProtocolV2 = loadProtocolV2OrThrow(
  builtinV2Document,
  'builtin-protocol-v2.json',
);

/**
 * The format of the built-in protocol a new exercise runs on: 2 since the
 * console shows and drives a version-2 run (issue 17). An exercise recorded on
 * the version-1 built-in carries it in its log and replays on it.
 */
export const NEW_EXERCISE_PROTOCOL_FORMAT: 1 | 2 = 2;

/** The built-in protocol a new exercise without its own protocol runs on. */
export function builtinProtocolForNewExercise(): AnyProtocol {
  return NEW_EXERCISE_PROTOCOL_FORMAT === 2
    ? { format: 2, protocol: BUILTIN_PROTOCOL_V2 }
    : { format: 1, protocol: BUILTIN_PROTOCOL };
}
