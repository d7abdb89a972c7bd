// The severity model as data, version 2 (docs/ALERTS-AND-SEVERITY.md "Model as
// data"): one zod schema, the built-in document, parsing with located errors,
// the bounds every model must keep, the content hash.
import { z } from 'zod';
import canonicalize from 'canonicalize';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { EVENT_TYPES, SOURCES, WEAPON_CLASSES } from '../scenario/schema';
import builtinDocument from './builtin-scoring.json';
import { SCORING_VERSION_1_REFUSED, isScoringVersion1 } from './scoring-v1-refusal';

z.config({ jitless: true });

/**
 * What kind of report an event type is: it decides which gravity factors the
 * report can carry (event-evidence.ts, EVENT_ROLES).
 */
export const EVENT_ROLES = [
  'fire',
  'clash',
  'explosion',
  'strike',
  'impact',
  'sighting',
  'presence',
  'works',
  'harm',
  'detection',
  'mission',
  'note',
] as const;
export type EventRole = (typeof EVENT_ROLES)[number];

/** What `count` counts for a type: rounds are never added to vehicles. */
export const COUNT_UNITS = ['rounds', 'weapons', 'vehicles', 'people', 'detections'] as const;
export type CountUnit = (typeof COUNT_UNITS)[number];

const points = z.number().min(0).max(100);
const fraction = z.number().min(0).max(1);

const typeWeight = z
  .object({
    label: z.string().min(1),
    /** Points of what was done (the act), the alert's highest. */
    act: points,
    role: z.enum(EVENT_ROLES),
    /** The weapon class the type itself names (artillery-fire: artillery). */
    weapon: z.enum(WEAPON_CLASSES).optional(),
    /** What its `count` counts, if anything. */
    count_of: z.enum(COUNT_UNITS).optional(),
    /**
     * The class of aircraft a report of this type sees in flight (uav-overflight:
     * uav): a party's flight of it inside a zone prohibiting the class scores
     * `place_of_weapon.prohibited_flight`. Absent: a flight claims no place.
     */
    flight: z.enum(WEAPON_CLASSES).optional(),
  })
  .strict();

const perDoubling = z
  .object({ label: z.string().min(1), per_doubling: z.number().gt(0), max_points: points })
  .strict();

const zoneKindPoints = z
  .object({
    'demilitarized-zone': points,
    'disengagement-area': points,
    'buffer-zone': points,
  })
  .partial()
  .strict();

export const scoringModelSchema = z
  .object({
    format: z.literal('truceline-scoring'),
    version: z.literal(2),
    id: z.string().min(1),
    title: z.string().min(1),
    correlation: z
      .object({
        window_min: z.number().gt(0),
        radius_km: z.number().gt(0).max(1000),
        quiet_min: z.number().gt(0),
      })
      .strict(),
    event_types: z.partialRecord(z.enum(EVENT_TYPES), typeWeight),
    unknown_type: typeWeight,
    /** A report with subtype `compliant` (e.g. weapons at a declared storage site). */
    compliant: z.object({ label: z.string().min(1), act: points }).strict(),
    weapons: z
      .object({
        classes: z.partialRecord(
          z.enum(WEAPON_CLASSES),
          z
            .object({
              label: z.string().min(1),
              points,
              /** Share of the place factors a weapon of this class carries (a rifle is not a howitzer). */
              place_weight: z.number().gt(0).max(1),
            })
            .strict(),
        ),
        /** place_weight of a report that names no weapon. */
        default_place_weight: z.number().gt(0).max(1),
        calibre_points_per_mm: z.number().min(0),
        calibre_max_points: points,
      })
      .strict(),
    place_of_weapon: z
      .object({
        prohibited_class: points,
        over_max_calibre: points,
        heavy_in_settlement: points,
        /** Forces or works inside (sightings, columns, movement, digging, clashes). */
        presence: zoneKindPoints,
        /**
         * A party's aircraft seen flying inside a zone prohibiting its class (a
         * type's `flight`): a violation of the zone's rules, not fire. Absent: 0.
         */
        prohibited_flight: points.optional(),
      })
      .strict(),
    separation_fire: zoneKindPoints,
    line_of_contact: z.object({ radius_km: z.number().gt(0), max_points: points }).strict(),
    protected_places: z
      .object({
        settlement: points,
        infrastructure: points,
        target: z.object({ civilian: points, infrastructure: points }).strict(),
        fire_across_line: points,
      })
      .strict(),
    harm: z
      .object({
        killed_per_doubling: z.number().gt(0),
        civilian_killed_per_doubling: z.number().min(0),
        injured_per_doubling: z.number().min(0),
        civilian_injured_per_doubling: z.number().min(0),
      })
      .strict(),
    mission: z.object({ fire: points, jamming: points, movement_restriction: points }).strict(),
    scale: z.partialRecord(z.enum(COUNT_UNITS), perDoubling),
    sustained: z
      .object({ unit_min: z.number().gt(0), per_doubling: z.number().min(0), max_points: points })
      .strict(),
    floors: z
      .object({
        /** Above a floor, gravity = max(sum, floor + lift × sum): still rising with every factor. */
        lift: z.number().gt(0).lt(1),
      })
      .strict(),
    precision: z
      .object({
        /** precision_m taken when a report gives none. */
        default_m: z.number().gt(0),
        /** A report's location weight is 1 / (1 + precision_m / scale_m). */
        scale_m: z.number().gt(0),
        /** Directions sampled to measure how much of the uncertainty circle lies in a zone. */
        directions: z.number().int().min(8).max(360),
      })
      .strict(),
    certainty: z
      .object({
        default_confidence: fraction,
        sources: z.record(
          z.enum(SOURCES),
          z
            .object({
              reliability: z.number().gt(0).max(1),
              /** Counts as an independent source kind for agreement. */
              independent: z.boolean(),
            })
            .strict(),
        ),
        /** Share of the remaining doubt each further agreeing source kind removes. */
        agreement: z.number().gt(0).lt(1),
        /** Which report types corroborate which: two reports agree when they share a group. */
        compatibility: z.record(z.string().min(1), z.array(z.string().min(1)).min(1)),
      })
      .strict(),
  })
  .strict();

/** The severity model, as validated. */
export type ScoringModel = z.infer<typeof scoringModelSchema>;
export type TypeWeight = z.infer<typeof typeWeight>;

/** Weapon classes that make "firing from inside a settlement" a floor (invariant 6). */
export const HEAVY_WEAPONS: ReadonlySet<string> = new Set(['artillery', 'mlrs', 'tank', 'missile']);

/** A located problem in a scoring document. */
export interface ScoringProblem {
  file: string;
  pointer: string;
  message: string;
}

/** `<file>:<json-pointer>: <message>` (docs/SCENARIO-FORMAT.md section 7). */
export function formatScoringProblem(problem: ScoringProblem): string {
  return `${problem.file}:${problem.pointer}: ${problem.message}`;
}

function pointerOf(path: readonly PropertyKey[]): string {
  return path
    .map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`)
    .join('');
}

/** Highest total of a sum of maxima (what any alert could reach on these factors). */
function maxOf(values: readonly (number | undefined)[]): number {
  let m = 0;
  for (const v of values) if (v !== undefined && v > m) m = v;
  return m;
}

/**
 * The bounds the invariants need, whatever the weights (invariants 6 and 9 of
 * docs/ALERTS-AND-SEVERITY.md). Each bound is the sum of every factor's
 * largest value for that kind of alert, so no alert of it can exceed it.
 */
export function modelBounds(model: ScoringModel): {
  smallArms: number;
  detection: Record<'thermal-hotspot' | 'uav-overflight', number>;
  compliant: number;
} {
  const w = model.weapons;
  const small = w.classes['small-arms'];
  const smallType = model.event_types['small-arms-fire'] ?? model.unknown_type;
  const placeWeight = small?.place_weight ?? w.default_place_weight;
  const p = model.place_of_weapon;
  const place = maxOf([p.prohibited_class, p.over_max_calibre, ...Object.values(p.presence)]);
  const separation = maxOf(Object.values(model.separation_fire));
  const pp = model.protected_places;
  const protectedMax = maxOf([
    pp.settlement,
    pp.infrastructure,
    pp.target.civilian,
    pp.target.infrastructure,
  ]);
  const unit = smallType.count_of;
  const scale = unit ? (model.scale[unit]?.max_points ?? 0) : 0;
  const smallArms =
    smallType.act +
    (small?.points ?? 0) +
    w.calibre_max_points +
    placeWeight *
      (place + separation + model.line_of_contact.max_points + protectedMax + pp.fire_across_line) +
    scale +
    model.sustained.max_points;
  const detection = (type: 'thermal-hotspot' | 'uav-overflight') => {
    const t = model.event_types[type] ?? model.unknown_type;
    const s = t.count_of ? (model.scale[t.count_of]?.max_points ?? 0) : 0;
    // A flight ban is the one place a detection may claim.
    const flight = t.flight !== undefined ? (p.prohibited_flight ?? 0) : 0;
    return t.role === 'detection' ? t.act + s + flight : Infinity;
  };
  return {
    smallArms,
    detection: {
      'thermal-hotspot': detection('thermal-hotspot'),
      'uav-overflight': detection('uav-overflight'),
    },
    compliant: model.compliant.act,
  };
}

function checkBounds(model: ScoringModel): { path: PropertyKey[]; message: string }[] {
  const problems: { path: PropertyKey[]; message: string }[] = [];
  const b = modelBounds(model);
  if (b.smallArms >= 59.95) {
    problems.push({
      path: ['event_types', 'small-arms-fire'],
      message: `small-arms fire without casualties can reach ${b.smallArms.toFixed(1)}: it must stay below 60 (high), so that heavy weapons firing from a settlement rank above it (invariant 6); lower its act, scale or the small-arms place_weight`,
    });
  }
  for (const type of ['thermal-hotspot', 'uav-overflight'] as const) {
    const t = model.event_types[type];
    if (t !== undefined && t.role !== 'detection') {
      problems.push({
        path: ['event_types', type, 'role'],
        message: `must be "detection": a lone ${type} may claim no weapon or target, and no place but a flight ban (invariant 9)`,
      });
    } else if (b.detection[type] >= 39.95) {
      problems.push({
        path: ['event_types', type],
        message: `a lone ${type} can reach ${b.detection[type].toFixed(1)}: it must stay below 40 (low) (invariant 9)`,
      });
    }
  }
  if (b.compliant >= 19.95) {
    problems.push({
      path: ['compliant', 'act'],
      message: `a compliance observation scores ${b.compliant}: it must stay below 20 (info) (invariant 9)`,
    });
  }
  for (const [group, types] of Object.entries(model.certainty.compatibility)) {
    types.forEach((type, i) => {
      if (!(EVENT_TYPES as readonly string[]).includes(type) && !/^x-[A-Za-z0-9._-]+$/.test(type)) {
        problems.push({
          path: ['certainty', 'compatibility', group, i],
          message: `"${type}" is not an event type`,
        });
      }
    });
  }
  return problems;
}

export type ParsedScoringModel =
  { ok: true; model: ScoringModel; hash: string } | { ok: false; problems: ScoringProblem[] };

/**
 * Validates a scoring document; `file` names it in the errors, and `base`
 * prefixes the pointers when the document is inlined in another (`/scoring`).
 * A version-1 document is refused with a message saying how to convert it.
 */
export function parseScoringModel(
  document: unknown,
  file: string,
  base: readonly PropertyKey[] = [],
): ParsedScoringModel {
  if (isScoringVersion1(document)) {
    return {
      ok: false,
      problems: [
        { file, pointer: pointerOf([...base, 'version']), message: SCORING_VERSION_1_REFUSED },
      ],
    };
  }
  const result = scoringModelSchema.safeParse(document);
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
  const bounds = checkBounds(result.data);
  if (bounds.length > 0) {
    return {
      ok: false,
      problems: bounds.map((p) => ({
        file,
        pointer: pointerOf([...base, ...p.path]),
        message: p.message,
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

const builtin = parseScoringModel(builtinDocument, 'builtin-scoring.json');
if (!builtin.ok) throw new Error(builtin.problems.map(formatScoringProblem).join('\n'));

/** The built-in model, validated once at load. */
export const BUILTIN_SCORING_MODEL: ScoringModel = builtin.model;
/** Content hash of the built-in model. */
export const BUILTIN_SCORING_HASH: string = builtin.hash;

/** The scenario's model if it supplies one (refused with located errors if invalid), else the built-in. */
export function scoringModelForScenario(
  scoring: unknown | null,
  file = 'scoring.json',
  base: readonly PropertyKey[] = [],
): ParsedScoringModel {
  if (scoring === null || scoring === undefined) {
    return { ok: true, model: BUILTIN_SCORING_MODEL, hash: BUILTIN_SCORING_HASH };
  }
  return parseScoringModel(scoring, file, base);
}
