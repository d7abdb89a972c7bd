// The export bundle (docs/AUDIT-LOG.md "Export bundle"): schema and building.
import { z } from 'zod';
import { LogEntry, hash64Schema } from './entry';
import { findChainFailure } from './chain';
import { canonicalJson } from './jcs';
import { base64ToBytes, bytesToBase64 } from './base64';
import { describeLoneSurrogate, findLoneSurrogate } from '../json/well-formed-text';
import type { LogSigner } from './signing';

z.config({ jitless: true });

export const BUNDLE_FORMAT = 'truceline-log';
export const BUNDLE_VERSION = 1;

/** The exercise metadata of a bundle (covered by the signature). */
export const ExerciseMeta = z.strictObject({
  id: z.string().min(1),
  title: z.string(),
  classification: z.string().startsWith('EXERCISE', 'must begin with EXERCISE'),
  scenario_id: z.string(),
  scenario_hash: z.string(),
  scoring_hash: z.string(),
  protocol_hash: z.string(),
  created: z.string(),
  app_version: z.string(),
});
export type ExerciseMeta = z.infer<typeof ExerciseMeta>;

export const BundleHead = z.strictObject({
  count: z.number().int().min(0),
  last_seq: z.number().int().min(0),
  final_hash: hash64Schema,
});
export type BundleHead = z.infer<typeof BundleHead>;

export const BundleSignature = z.strictObject({
  alg: z.literal('Ed25519'),
  public_key: z
    .string()
    .refine((s) => base64ToBytes(s)?.length === 32, 'must be base64 of 32 bytes'),
  key_id: z.string().regex(/^[0-9a-f]{16}$/),
  value: z.string().refine((s) => base64ToBytes(s)?.length === 64, 'must be base64 of 64 bytes'),
});
export type BundleSignature = z.infer<typeof BundleSignature>;

/**
 * A well-formed export bundle (well-formed is not verified: use verifyLogBundle).
 * Read as verification reads it: `signature` null is an unsigned bundle, and
 * top-level members the format does not define are dropped, since neither the
 * chain nor the signature covers them (verification names them as ignored).
 * What the signature covers stays strict: the exercise and every entry.
 */
export const ExportBundle = z.object({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  exercise: ExerciseMeta,
  entries: z.array(LogEntry),
  head: BundleHead,
  signature: BundleSignature.nullish(),
});
export type ExportBundle = z.infer<typeof ExportBundle>;

/** Raised when a bundle cannot be built from what was given; names the part and why. */
export class BundleError extends Error {
  override name = 'BundleError';
}

function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  const path = issue.path;
  let where = '';
  for (const part of path) {
    where += typeof part === 'number' ? `[${part}]` : `${where ? '.' : ''}${String(part)}`;
  }
  if (path[0] === 'entries' && typeof path[1] === 'number') {
    // Name the entry as verification does: its 1-based position.
    const entries = (value as { entries?: unknown[] }).entries;
    const seq = (entries?.[path[1]] as { seq?: unknown } | undefined)?.seq;
    where += ` (entry ${path[1] + 1}${typeof seq === 'number' ? `, seq ${seq}` : ''})`;
  }
  return `${where || 'the log'}: ${issue.message}`;
}

/** Reads a parsed export bundle as ExportBundle; throws BundleError naming the first member that does not fit, in one line. */
export function readExportBundle(value: unknown): ExportBundle {
  const parsed = ExportBundle.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new BundleError(describeIssue(parsed.error.issues[0]!, value));
}

/** The bytes a bundle signature covers: UTF-8 of JCS({"exercise":…,"head":…}). */
export function signedPayloadBytes(exercise: unknown, head: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalJson({ exercise, head }));
}

/** Builds an export bundle of a whole log; signs it when a signer is given, else it verifies as UNSIGNED. */
export async function buildExportBundle(input: {
  exercise: ExerciseMeta;
  entries: readonly LogEntry[];
  signer?: LogSigner;
}): Promise<ExportBundle> {
  const meta = ExerciseMeta.safeParse(input.exercise);
  if (!meta.success) {
    const issue = meta.error.issues[0]!;
    throw new BundleError(`exercise.${issue.path.join('.')}: ${issue.message}`);
  }
  // An unsigned export would carry it as an escape that the strict reader refuses.
  const lone = findLoneSurrogate(meta.data, 'exercise');
  if (lone) throw new BundleError(describeLoneSurrogate(lone.path, lone.index));
  const entries = [...input.entries];
  if (entries.length === 0) throw new BundleError('entries: a log has at least one entry');
  // Never sign a broken chain: storage corruption must show up here, not at the auditor's.
  const failure = findChainFailure(entries as unknown as Record<string, unknown>[]);
  if (failure) throw new BundleError(`entries[${failure.position - 1}]: ${failure.reason}`);
  const other = entries.find((e) => e.exercise_id !== meta.data.id);
  if (other) {
    throw new BundleError(
      `entries: seq ${other.seq} belongs to exercise "${other.exercise_id}", not "${meta.data.id}"`,
    );
  }
  const last = entries[entries.length - 1]!;
  const head: BundleHead = { count: entries.length, last_seq: last.seq, final_hash: last.hash };
  const bundle: ExportBundle = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    exercise: meta.data,
    entries,
    head,
  };
  if (input.signer) {
    const value = await input.signer.sign(signedPayloadBytes(bundle.exercise, head));
    bundle.signature = {
      alg: 'Ed25519',
      public_key: input.signer.publicKeyBase64,
      key_id: input.signer.keyId,
      value: bytesToBase64(value),
    };
  }
  return bundle;
}
