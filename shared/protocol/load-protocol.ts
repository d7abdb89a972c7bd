import type { z } from 'zod';
import type { Party } from '../scenario/schema';
import { jcsSha256 } from './content-hash';
import { lintProtocol, lintProtocolV2 } from './lint-protocol';
import { formatProtocolProblem, jsonPointer, type ProtocolProblem } from './problems';
import {
  isVersion2Document,
  protocolSchema,
  protocolV2Schema,
  type ProtocolDocument,
  type ProtocolStep,
  type ProtocolTrack,
  type ProtocolV2Document,
  type ProtocolV2Step,
} from './schema';

/** A parsed, linted protocol with its content hash, ready for the state machine. */
export interface Protocol {
  readonly document: ProtocolDocument;
  /** Lowercase hex SHA-256 of the JCS canonical document. */
  readonly hash: string;
  readonly steps: ReadonlyMap<string, ProtocolStep>;
}

export type LoadProtocolResult =
  { ok: true; protocol: Protocol } | { ok: false; problems: ProtocolProblem[] };

/**
 * Parses a document with its format's schema, then lints it; every problem
 * located under `prefix` (where the document sits inside `file`).
 */
function checkDocument<T>(
  schema: z.ZodType<T>,
  lint: (document: T, file: string, parties?: readonly Party[]) => ProtocolProblem[],
  input: unknown,
  file: string,
  parties: readonly Party[] | undefined,
  prefix: string,
): { ok: true; document: T } | { ok: false; problems: ProtocolProblem[] } {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        file,
        pointer: prefix + jsonPointer(issue.path),
        message: issue.message,
      })),
    };
  }
  const problems = lint(parsed.data, file, parties).map((p) => ({
    ...p,
    pointer: prefix + p.pointer,
  }));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, document: parsed.data };
}

/**
 * Parses and lints a protocol document; schema and lint problems come back
 * located. `base` is the document's path inside `file` when it is inlined
 * (e.g. ['protocol'] in a manifest).
 */
export function loadProtocol(
  input: unknown,
  file: string,
  parties?: readonly Party[],
  base: readonly PropertyKey[] = [],
): LoadProtocolResult {
  const prefix = jsonPointer(base);
  if (isVersion2Document(input)) {
    // This loader is for version-1 documents; exercises read either format
    // through loadAnyProtocol.
    return {
      ok: false,
      problems: [
        {
          file,
          pointer: `${prefix}/version`,
          message:
            'protocol format version 2 (tracks) where version 1 (steps) is expected; loadAnyProtocol reads both',
        },
      ],
    };
  }
  const checked = checkDocument(protocolSchema, lintProtocol, input, file, parties, prefix);
  return checked.ok ? { ok: true, protocol: protocolFromDocument(checked.document) } : checked;
}

/** Like loadProtocol, but throws one Error listing every problem. */
export function loadProtocolOrThrow(
  input: unknown,
  file: string,
  parties?: readonly Party[],
): Protocol {
  const result = loadProtocol(input, file, parties);
  if (result.ok) return result.protocol;
  throw new Error(
    `protocol refused:\n${result.problems.map((p) => `  ${formatProtocolProblem(p)}`).join('\n')}`,
  );
}

function protocolFromDocument(document: ProtocolDocument): Protocol {
  return {
    document,
    hash: jcsSha256(document),
    steps: new Map(document.steps.map((step) => [step.id, step])),
  };
}

/** A parsed, linted version-2 protocol with its content hash, ready for protocol-run.ts. */
export interface ProtocolV2 {
  readonly format: 2;
  readonly document: ProtocolV2Document;
  /** Lowercase hex SHA-256 of the JCS canonical document. */
  readonly hash: string;
  readonly tracks: ReadonlyMap<string, ProtocolTrack>;
  /** Every step by id (ids are unique across tracks), with the track it belongs to. */
  readonly steps: ReadonlyMap<string, { track: string; step: ProtocolV2Step }>;
}

/** Either format, tagged; version 1 is the Protocol every caller already knows. */
export type AnyProtocol = { format: 1; protocol: Protocol } | { format: 2; protocol: ProtocolV2 };

export type LoadAnyProtocolResult =
  { ok: true; loaded: AnyProtocol } | { ok: false; problems: ProtocolProblem[] };

/**
 * Parses and lints a protocol document of either format version (chosen by
 * isVersion2Document); problems come back located as in loadProtocol.
 */
export function loadAnyProtocol(
  input: unknown,
  file: string,
  parties?: readonly Party[],
  base: readonly PropertyKey[] = [],
): LoadAnyProtocolResult {
  if (!isVersion2Document(input)) {
    const result = loadProtocol(input, file, parties, base);
    return result.ok ? { ok: true, loaded: { format: 1, protocol: result.protocol } } : result;
  }
  const checked = checkDocument(
    protocolV2Schema,
    lintProtocolV2,
    input,
    file,
    parties,
    jsonPointer(base),
  );
  return checked.ok
    ? { ok: true, loaded: { format: 2, protocol: protocolV2FromDocument(checked.document) } }
    : checked;
}

/** Loads a version-2 protocol or throws one Error listing every problem. */
export function loadProtocolV2OrThrow(
  input: unknown,
  file: string,
  parties?: readonly Party[],
): ProtocolV2 {
  const result = loadAnyProtocol(input, file, parties);
  if (result.ok && result.loaded.format === 2) return result.loaded.protocol;
  const problems = result.ok
    ? [{ file, pointer: '/version', message: 'expected a version-2 protocol (tracks)' }]
    : result.problems;
  throw new Error(
    `protocol refused:\n${problems.map((p) => `  ${formatProtocolProblem(p)}`).join('\n')}`,
  );
}

function protocolV2FromDocument(document: ProtocolV2Document): ProtocolV2 {
  const steps = new Map<string, { track: string; step: ProtocolV2Step }>();
  for (const track of document.tracks) {
    for (const step of track.steps) steps.set(step.id, { track: track.id, step });
  }
  return {
    format: 2,
    document,
    hash: jcsSha256(document),
    tracks: new Map(document.tracks.map((track) => [track.id, track])),
    steps,
  };
}
