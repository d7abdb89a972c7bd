import type { Party } from '../scenario/schema';
import { jcsSha256 } from './content-hash';
import { lintProtocol } from './lint-protocol';
import { formatProtocolProblem, jsonPointer, type ProtocolProblem } from './problems';
import { protocolSchema, type ProtocolDocument, type ProtocolStep } from './schema';

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
  const parsed = protocolSchema.safeParse(input);
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
  const problems = lintProtocol(parsed.data, file, parties).map((p) => ({
    ...p,
    pointer: prefix + p.pointer,
  }));
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, protocol: protocolFromDocument(parsed.data) };
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
