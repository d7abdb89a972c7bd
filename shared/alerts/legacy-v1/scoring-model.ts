// FROZEN: version 1 of the severity model, kept only so that exercises stored
// and logs exported with it still open (read-only) and report what their log
// recorded (docs/ALERTS-AND-SEVERITY.md, "Model as data"). Not used to score
// anything new; do not change its behaviour.
import { z } from 'zod';
import canonicalize from 'canonicalize';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { EVENT_TYPES, SOURCES, WEAPON_CLASSES, ZONE_KINDS } from '../../scenario/schema';

z.config({ jitless: true });

const points = z.number().min(0).max(100);
const typeWeight = z
  .object({
    label: z.string().min(1),
    /** Points of the event type alone, at full confidence. */
    base: points,
    /** How far a detection of this type vouches for its weapon, casualties and zone breach (0–1]. */
    evidence: z.number().gt(0).max(1),
  })
  .strict();

const capped = z.object({ points_per_doubling: z.number().min(0), max_points: points }).strict();
const proximity = z.object({ radius_km: z.number().gt(0), max_points: points }).strict();

export const scoringModelV1Schema = z
  .object({
    format: z.literal('truceline-scoring'),
    version: z.literal(1),
    id: z.string().min(1),
    title: z.string().min(1),
    correlation: z
      .object({
        window_min: z.number().gt(0),
        radius_km: z.number().gt(0).max(1000),
        quiet_min: z.number().gt(0),
      })
      .strict(),
    confidence: z
      .object({
        default: z.number().min(0).max(1),
        /** Weight of an event at confidence 0; rises linearly to 1 at confidence 1. */
        floor_weight: z.number().gt(0).max(1),
        max_points: points,
      })
      .strict(),
    event_types: z.partialRecord(z.enum(EVENT_TYPES), typeWeight),
    unknown_type: typeWeight,
    weapons: z
      .object({
        classes: z.partialRecord(
          z.enum(WEAPON_CLASSES),
          z.object({ label: z.string().min(1), points }).strict(),
        ),
        calibre_points_per_mm: z.number().min(0),
        calibre_max_points: points,
      })
      .strict(),
    zone_breach: z
      .object({
        prohibited_class: points,
        over_max_calibre: points,
        presence: z.partialRecord(z.enum(ZONE_KINDS), points),
        presence_types: z.array(z.enum(EVENT_TYPES)),
      })
      .strict(),
    casualties: capped,
    intensity: capped,
    settlement: proximity,
    line_of_contact: proximity,
    corroboration: z
      .object({
        sources: z.array(z.enum(SOURCES)).min(1),
        points_per_extra_kind: z.number().min(0),
        max_points: points,
      })
      .strict(),
    persistence: capped,
  })
  .strict()
  .superRefine((model, ctx) => {
    // Invariants 3 and 4 must hold whatever the weights: refuse a model that
    // lets one event reach 100, or a lone weak low-confidence detection
    // reach `medium`.
    const lone = loneEventBound(model, 1, null);
    if (lone >= 99.95) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: `a single event can reach ${lone.toFixed(1)}: one uncorroborated event must stay below 100`,
      });
    }
    for (const type of ['thermal-hotspot', 'uav-overflight'] as const) {
      const bound = loneEventBound(model, 0.4, type);
      if (bound >= 39.95) {
        ctx.addIssue({
          code: 'custom',
          path: ['event_types', type],
          message: `a lone ${type} below confidence 0.4 can reach ${bound.toFixed(1)}: it must stay below 40 (low)`,
        });
      }
    }
  });

/** A version-1 severity model, as validated. */
export type ScoringModel = z.infer<typeof scoringModelV1Schema>;

/** Highest score one event can reach at confidence `c` (of a given type, or the worst type). */
function loneEventBound(
  model: z.infer<typeof scoringModelV1Schema>,
  c: number,
  type: string | null,
): number {
  const weights = [...Object.values(model.event_types), model.unknown_type];
  const chosen =
    type === null
      ? weights
      : [
          (model.event_types as Partial<Record<string, typeof model.unknown_type>>)[type] ??
            model.unknown_type,
        ];
  const w = model.confidence.floor_weight + (1 - model.confidence.floor_weight) * c;
  const weaponMax =
    Math.max(0, ...Object.values(model.weapons.classes).map((k) => k.points)) +
    model.weapons.calibre_max_points;
  const breachMax = Math.max(
    model.zone_breach.prohibited_class,
    model.zone_breach.over_max_calibre,
    ...Object.values(model.zone_breach.presence),
  );
  const attributes =
    weaponMax + breachMax + model.casualties.max_points + model.intensity.max_points;
  const place = model.settlement.max_points + model.line_of_contact.max_points;
  let worst = 0;
  for (const t of chosen) worst = Math.max(worst, t.base + w * (t.evidence * attributes + place));
  return worst + c * model.confidence.max_points;
}

/** A located problem in a scoring document. */
export interface ScoringProblem {
  file: string;
  pointer: string;
  message: string;
}

/** `<file>:<json-pointer>: <message>` (SCENARIO-FORMAT.md section 7). */
export function formatScoringProblem(problem: ScoringProblem): string {
  return `${problem.file}:${problem.pointer}: ${problem.message}`;
}

function pointerOf(path: readonly PropertyKey[]): string {
  return path
    .map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`)
    .join('');
}

export type ParsedScoringModel =
  { ok: true; model: ScoringModel; hash: string } | { ok: false; problems: ScoringProblem[] };

/**
 * Validates a scoring document; `file` names it in the errors, and `base`
 * prefixes the pointers when the document is inlined in another (`/scoring`).
 */
export function parseScoringModel(
  document: unknown,
  file: string,
  base: readonly PropertyKey[] = [],
): ParsedScoringModel {
  const result = scoringModelV1Schema.safeParse(document);
  if (!result.success) {
    return {
      ok: false,
      problems: result.error.issues.map((issue) => ({
        file,
        pointer: pointerOf([...base, ...issue.path]),
        message: issue.message,
      })),
    };
  }
  return { ok: true, model: result.data, hash: scoringModelHash(result.data) };
}

/** Lowercase hex SHA-256 of the JCS canonical JSON of a scoring document. */
export function scoringModelHash(model: unknown): string {
  const canonical = canonicalize(model);
  if (canonical === undefined) throw new Error('a scoring model must be a JSON document');
  return bytesToHex(sha256(utf8ToBytes(canonical)));
}
