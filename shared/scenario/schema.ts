// The one schema of the scenario format (docs/SCENARIO-FORMAT.md, versions 1
// and 2: section 8 adds harm, target, assessment and reference fields, zone
// kinds, settlement population, per-pass sensor footprints and the hour of the
// daily report). Every TypeScript type of the format is inferred from here.
import { z } from 'zod';

// Zod 4 compiles validators with `new Function` unless jitless; the renderer's
// CSP forbids eval, so stay jitless everywhere (the cost was measured as small).
z.config({ jitless: true });

export const SOURCES = [
  'satellite',
  'drone',
  'ground-sensor',
  'observer',
  'open-source',
  'inject',
] as const;
export const EVENT_TYPES = [
  'explosion',
  'artillery-fire',
  'mlrs-fire',
  'mortar-fire',
  'tank-fire',
  'small-arms-fire',
  'armed-clash',
  'air-strike',
  'drone-strike',
  'missile-strike',
  'heavy-weapon-sighting',
  'troop-movement',
  'vehicle-column',
  'fortification-work',
  'crater-field',
  'thermal-hotspot',
  'uav-overflight',
  'jamming',
  'movement-restriction',
  'casualty-report',
  'sensor-fault',
  'inject',
] as const;
export const WEAPON_CLASSES = [
  'small-arms',
  'mortar',
  'artillery',
  'mlrs',
  'tank',
  'armoured-vehicle',
  'air-defence',
  'uav',
  'aircraft',
  'missile',
  'unknown',
] as const;
export const TRUTHS = ['violation', 'false-positive', 'ambiguous'] as const;
/** What was fired at or hit (section 8); `mission` marks an attack on the monitoring mission. */
export const TARGETS = ['mission', 'civilian', 'infrastructure', 'military', 'unknown'] as const;
/** How a report assesses earlier reports (section 8). */
export const ASSESSMENTS = ['confirms', 'clears', 'inconclusive'] as const;
export const ZONE_KINDS = [
  'line-of-contact',
  'buffer-zone',
  'demilitarized-zone',
  'weapons-exclusion',
  'disengagement-area',
  'settlement',
  'sector',
  'infrastructure',
  'context',
] as const;
/** What a `context` zone draws (muted on the map, never scored). */
export const CONTEXT_KINDS = ['coast', 'river', 'road', 'rail', 'border', 'lake'] as const;
/** Scenario format versions this loader reads (version 2 only adds, section 8). */
export const SCENARIO_VERSIONS = [1, 2] as const;
export const PARTY_ROLES = ['party', 'monitor', 'guarantor', 'observer'] as const;
export const SENSOR_KINDS = ['satellite', 'drone', 'ground-sensor', 'observer'] as const;

export type Source = (typeof SOURCES)[number];
export type KnownEventType = (typeof EVENT_TYPES)[number];
export type WeaponClass = (typeof WEAPON_CLASSES)[number];
export type Truth = (typeof TRUTHS)[number];
export type Target = (typeof TARGETS)[number];
export type Assessment = (typeof ASSESSMENTS)[number];
export type ZoneKind = (typeof ZONE_KINDS)[number];

/** ISO 8601 date-time with `Z` or an offset; fractions allowed. */
export const isoDateTime = z.iso.datetime({ offset: true, local: false });

/** A count of people: a whole number, or a `{ low, best, high }` range. */
export const casualtiesSchema = z.union([
  z.number().int().min(0),
  z
    .object({
      low: z.number().int().min(0),
      best: z.number().int().min(0),
      high: z.number().int().min(0),
    })
    .strict()
    .refine((c) => c.low <= c.best && c.best <= c.high, {
      message: 'must have low <= best <= high',
    }),
]);
export type PeopleCount = z.infer<typeof casualtiesSchema>;

/** The harm fields of section 8, each beside the total its civilian part is bounded by. */
const CIVILIAN_BOUNDS = [
  ['civilian_killed', ['killed', 'casualties']],
  ['civilian_injured', ['injured']],
] as const;

function boundsOf(count: PeopleCount): { low: number; best: number; high: number } {
  return typeof count === 'number' ? { low: count, best: count, high: count } : count;
}

const eventType = z.union([
  z.enum(EVENT_TYPES),
  z.string().regex(/^x-[A-Za-z0-9._-]+$/, 'custom types start with "x-"'),
]);

/**
 * One event as given in a feed. Unknown non-`x-` fields are not errors: the
 * loader moves them under `extra` with a warning before parsing.
 */
export const eventSchema = z
  .object({
    id: z.string().min(1).max(128),
    time: isoDateTime,
    reported: isoDateTime.optional(),
    source: z.enum(SOURCES),
    platform: z.string().optional(),
    sensor: z.string().optional(),
    type: eventType,
    subtype: z.string().optional(),
    lat: z.number().min(-90).max(90).optional(),
    lon: z.number().min(-180).max(180).optional(),
    precision_m: z.number().positive().optional(),
    confidence: z.number().min(0).max(1).optional(),
    weapon_class: z.enum(WEAPON_CLASSES).optional(),
    calibre_mm: z.number().positive().optional(),
    count: z.number().int().min(1).optional(),
    bearing_deg: z.number().min(0).max(360).optional(),
    casualties: casualtiesSchema.optional(),
    killed: casualtiesSchema.optional(),
    injured: casualtiesSchema.optional(),
    civilian_killed: casualtiesSchema.optional(),
    civilian_injured: casualtiesSchema.optional(),
    target: z.enum(TARGETS).optional(),
    assessment: z.enum(ASSESSMENTS).optional(),
    refers_to: z.string().min(1).max(128).optional(),
    incident: z.string().min(1).max(128).optional(),
    party: z.string().optional(),
    summary: z.string().max(4000).optional(),
    ref: z.string().optional(),
    truth: z.enum(TRUTHS).optional(),
    expected_action: z.string().optional(),
    extra: z.record(z.string(), z.unknown()).optional(),
  })
  .catchall(z.unknown())
  .superRefine((event, ctx) => {
    if (event.source !== 'inject') {
      for (const field of ['lat', 'lon'] as const) {
        if (event[field] === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [field],
            message: 'is required for every source except inject',
          });
        }
      }
    }
    if (event.reported !== undefined && Date.parse(event.reported) < Date.parse(event.time)) {
      ctx.addIssue({
        code: 'custom',
        path: ['reported'],
        message: `is before time (${event.time})`,
      });
    }
    // `casualties` (version 1) is read as `killed`: one event says it once.
    if (event.casualties !== undefined && event.killed !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['casualties'],
        message: 'cannot be given together with killed (casualties is read as killed)',
      });
    }
    for (const [civilian, totals] of CIVILIAN_BOUNDS) {
      const part = event[civilian];
      const totalField = totals.find((t) => event[t] !== undefined);
      if (part === undefined || totalField === undefined) continue;
      const high = boundsOf(event[totalField]!).high;
      const given = boundsOf(part);
      const over = (['low', 'best', 'high'] as const).find((b) => given[b] > high);
      if (over !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [civilian],
          message:
            typeof part === 'number'
              ? `is more than ${totalField} (${high})`
              : `${over} is more than ${totalField}${typeof event[totalField] === 'number' ? '' : ' high'} (${high})`,
        });
      }
    }
    if (event.refers_to !== undefined && event.refers_to === event.id) {
      ctx.addIssue({
        code: 'custom',
        path: ['refers_to'],
        message: 'an event cannot refer to itself',
      });
    }
  });

/** Field names of the event format (anything else not starting `x-` is unknown). */
export const EVENT_FIELDS: ReadonlySet<string> = new Set(Object.keys(eventSchema.shape));

/** An event as given (time and reported normalised to UTC with milliseconds). */
export type ScenarioEvent = z.infer<typeof eventSchema> & { [extension: `x-${string}`]: unknown };

export const partySchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    role: z.enum(PARTY_ROLES),
  })
  .strict();
export type Party = z.infer<typeof partySchema>;

export const zonePropertiesSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    kind: z.enum(ZONE_KINDS),
    prohibited: z.array(z.enum(WEAPON_CLASSES)).optional(),
    max_calibre_mm: z.number().positive().optional(),
    controlled_by: z.string().optional(),
    radius_m: z.number().positive().optional(),
    /** For kind `context` only: what it draws. */
    context: z.enum(CONTEXT_KINDS).optional(),
    /** For settlements only (section 8): how many people live there. */
    population: z.number().int().min(0).optional(),
  })
  .catchall(z.unknown())
  .superRefine((zone, ctx) => {
    // A population is what a settlement is about; on a sector or a band it would be a guess.
    if (zone.kind !== 'settlement' && zone.population !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['population'],
        message: `is only for zones of kind settlement, not ${zone.kind}`,
      });
    }
    if (zone.kind === 'context' && zone.context === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['context'],
        message: `a context zone needs context: one of ${CONTEXT_KINDS.join(', ')}`,
      });
    }
    if (zone.kind !== 'context' && zone.context !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['context'],
        message: `is only for zones of kind context, not ${zone.kind}`,
      });
    }
  });
export type ZoneProperties = z.infer<typeof zonePropertiesSchema>;

/** A GeoJSON position [lon, lat] (an altitude may follow; it is ignored). */
const positionSchema = z
  .array(z.number())
  .min(2)
  .max(3)
  .superRefine((p, ctx) => {
    if (p[0]! < -180 || p[0]! > 180) {
      ctx.addIssue({
        code: 'custom',
        path: [0],
        message: 'longitude must be a number between -180 and 180',
      });
    }
    if (p[1]! < -90 || p[1]! > 90) {
      ctx.addIssue({
        code: 'custom',
        path: [1],
        message: 'latitude must be a number between -90 and 90',
      });
    }
  });

/** A closed linear ring of at least four positions (RFC 7946 3.1.6). */
const ringSchema = z.array(positionSchema).superRefine((ring, ctx) => {
  if (ring.length < 4) {
    ctx.addIssue({
      code: 'custom',
      path: [],
      message: 'a polygon ring needs at least 4 positions',
    });
    return;
  }
  const first = ring[0]!;
  const last = ring[ring.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) {
    ctx.addIssue({
      code: 'custom',
      path: [],
      message: 'polygon ring is not closed: its first and last positions differ',
    });
  }
});

/**
 * What one pass, sortie or uptime window of a sensor covers on the ground
 * (section 8): a GeoJSON Polygon, such as the scene a satellite images.
 */
export const footprintSchema = z
  .object({
    type: z.literal('Polygon'),
    coordinates: z.array(ringSchema).min(1),
  })
  .strict();
export type Footprint = z.infer<typeof footprintSchema>;

export const coverageWindowSchema = z
  .object({
    from: isoDateTime,
    to: isoDateTime,
    /** Section 8: the area the sensor covers in this window (absent: its range circle). */
    footprint: footprintSchema.optional(),
    /** Section 8: the name of the area covered (a tasking plan's area of interest). */
    area: z.string().min(1).optional(),
  })
  .strict();
export type CoverageWindow = z.infer<typeof coverageWindowSchema>;

export const sensorSchema = z
  .object({
    id: z.string().min(1),
    kind: z.enum(SENSOR_KINDS),
    platform: z.string().optional(),
    lat: z.number().min(-90).max(90),
    lon: z.number().min(-180).max(180),
    range_km: z.number().positive().optional(),
    coverage: z.array(coverageWindowSchema).optional(),
  })
  .catchall(z.unknown());
export type Sensor = z.infer<typeof sensorSchema>;

/** What a party answers to a request for explanation (section 8, party script). */
export const REPLY_KINDS = ['admits', 'denies', 'counter-accuses', 'no-reply'] as const;
export type ReplyKind = (typeof REPLY_KINDS)[number];

const delay = z.number().min(0);

/**
 * How one party behaves about one incident, as the exercise's simulation cell
 * plays it (docs/SCENARIO-FORMAT.md section 8). Every member is optional: what
 * a party's entry leaves out comes from the script's `default`.
 */
export const partyBehaviourSchema = z
  .object({
    /** Minutes after the mission's notification, or never (the notify deadline passes). */
    acknowledge: z
      .union([
        z.literal('never'),
        z.object({ after_min: delay, via: z.string().min(1).max(200).optional() }).strict(),
      ])
      .optional(),
    /** Its reply to the request for explanation, hours after the request. */
    reply: z
      .object({
        kind: z.enum(REPLY_KINDS),
        after_h: delay.optional(),
        text: z.string().min(1).max(4000).optional(),
      })
      .strict()
      .superRefine((reply, ctx) => {
        if (reply.kind === 'no-reply') {
          for (const field of ['after_h', 'text'] as const) {
            if (reply[field] !== undefined) {
              ctx.addIssue({
                code: 'custom',
                path: [field],
                message: 'a party that does not reply has no reply time or text',
              });
            }
          }
        } else if (reply.after_h === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['after_h'],
            message: `is required for a reply of kind ${reply.kind} (hours after the request, >= 0)`,
          });
        }
      })
      .optional(),
    /** Whether it attends the emergency meeting. */
    meeting: z.enum(['attends', 'refuses']).optional(),
    /** Whether it accepts the measures proposed at the meeting. */
    accepts_measures: z.boolean().optional(),
    /** Whether it requests a meeting with its reply (protocol version 2: a `meeting-request` move). */
    requests_meeting: z.boolean().optional(),
  })
  .strict();
export type PartyBehaviour = z.infer<typeof partyBehaviourSchema>;

/** The script of one incident: the measures proposed, when the meeting sits, each party. */
export const incidentScriptSchema = z
  .object({
    /** The measures proposed at the emergency meeting, verbatim. */
    measures: z.string().min(1).max(4000).optional(),
    /** When the meeting sits: a time, or hours after the consultation step begins. */
    meeting_at: isoDateTime.optional(),
    meeting_after_h: delay.optional(),
    parties: z.record(z.string(), partyBehaviourSchema).optional(),
  })
  .strict()
  .superRefine((script, ctx) => {
    if (script.meeting_at !== undefined && script.meeting_after_h !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['meeting_after_h'],
        message: 'give meeting_at or meeting_after_h, not both',
      });
    }
  });
export type IncidentScript = z.infer<typeof incidentScriptSchema>;

/**
 * Controller-only: how the parties behave, per scripted incident (the events'
 * `incident`) and per party, with a default for everything else.
 */
export const partyScriptSchema = z
  .object({
    default: partyBehaviourSchema.extend({ meeting_after_h: delay.optional() }).strict().optional(),
    incidents: z.record(z.string().min(1).max(128), incidentScriptSchema).optional(),
  })
  .strict();
export type PartyScript = z.infer<typeof partyScriptSchema>;

/** A path inside the package, or the inline content it would name. */
const pathOr = <T extends z.ZodType>(inline: T) => z.union([z.string().min(1), inline]);

export const manifestSchema = z
  .object({
    format: z.literal('truceline-scenario'),
    version: z.union([z.literal(SCENARIO_VERSIONS[0]), z.literal(SCENARIO_VERSIONS[1])]),
    id: z.string().regex(/^[a-z0-9-]{1,64}$/, 'id must be 1–64 of a-z, 0-9 and "-"'),
    title: z.string().min(1),
    classification: z.string().regex(/^EXERCISE/, 'classification must begin with EXERCISE'),
    start: isoDateTime,
    end: isoDateTime,
    timezone: z.string().optional(),
    /** Section 8: the local hour (in `timezone`) at which the mission's daily report is due. */
    daily_report_hour: z.number().int().min(0).max(23).optional(),
    parties: z.array(partySchema).min(2, 'a scenario needs at least two parties'),
    zones: pathOr(z.object({ type: z.literal('FeatureCollection') }).passthrough()),
    sensors: pathOr(z.array(z.unknown())).optional(),
    feeds: z.array(pathOr(z.array(z.unknown()))).min(1, 'a scenario needs at least one feed'),
    protocol: pathOr(z.record(z.string(), z.unknown())).optional(),
    scoring: pathOr(z.record(z.string(), z.unknown())).optional(),
    briefing: z.string().optional(),
    /** Version 2: how the parties behave (section 8); a path or the inline object. */
    party_script: pathOr(z.record(z.string(), z.unknown())).optional(),
  })
  .catchall(z.unknown());
export type ScenarioManifest = z.infer<typeof manifestSchema>;
