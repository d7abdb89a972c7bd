// The one schema of escalation protocol documents (docs/ESCALATION-PROTOCOL.md).
// Every protocol type is inferred from here.
import { z } from 'zod';

z.config({ jitless: true });

/** Inputs an action may require before it is accepted. */
export const PROTOCOL_INPUTS = ['rationale', 'summary', 'measures', 'party'] as const;
export type ProtocolInput = (typeof PROTOCOL_INPUTS)[number];

/** Who may act on a step. */
export const STEP_ROLES = ['operator', 'controller', 'any'] as const;
export type StepRole = (typeof STEP_ROLES)[number];

/** The reserved terminal step every protocol has implicitly. */
export const CLOSE_STEP = 'close';
/** `on_deadline` value that only records the breach. */
export const FLAG_ONLY = 'flag';

const identifier = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'ids are 1–64 of a-z, 0-9 and "-", starting alphanumeric');

export const protocolActionSchema = z
  .object({
    id: identifier,
    label: z.string().min(1),
    next: identifier,
    requires: z.array(z.enum(PROTOCOL_INPUTS)).optional(),
    requires_acks: z.boolean().optional(),
  })
  .strict();
export type ProtocolAction = z.infer<typeof protocolActionSchema>;

export const protocolStepSchema = z
  .object({
    id: identifier,
    title: z.string().min(1),
    instructions: z.string().min(1),
    role: z.enum(STEP_ROLES),
    deadline_min: z.number().positive().finite().optional(),
    on_deadline: identifier.optional(),
    acks: z.union([z.literal('all-parties'), z.array(z.string().min(1)).min(1)]).optional(),
    on_new_event: identifier.optional(),
    actions: z.array(protocolActionSchema),
  })
  .strict();
export type ProtocolStep = z.infer<typeof protocolStepSchema>;

const entryTarget = identifier.nullable();

export const protocolEntrySchema = z
  .object({
    critical: entryTarget,
    high: entryTarget,
    medium: entryTarget,
    low: entryTarget,
    info: entryTarget,
    manual: entryTarget,
  })
  .strict();
export type ProtocolEntry = z.infer<typeof protocolEntrySchema>;

export const protocolSchema = z
  .object({
    id: identifier,
    version: z.number().int().min(1),
    title: z.string().min(1),
    entry: protocolEntrySchema,
    steps: z.array(protocolStepSchema).min(1, 'a protocol needs at least one step'),
  })
  .strict();
/** A protocol document as parsed (not yet linted). */
export type ProtocolDocument = z.infer<typeof protocolSchema>;
