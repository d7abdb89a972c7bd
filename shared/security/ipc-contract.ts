// The IPC between the preload and main: channel names and one zod schema per
// payload. Main parses every payload with these before acting on it.
import { z } from 'zod';
import { EXPORT_KINDS } from './export-kind';
import { MAX_EXPORT_BYTES } from './export-limits';
import type { IpcChannel } from './ipc-channels';
import { RelayToServer } from '../room/relay';
import { ROOM_LIMITS, parseJsonText } from '../room/room-messages';

export {
  EXPORT_KINDS,
  EXPORT_KIND_EXTENSIONS,
  exportKindForMimeType,
  type ExportKind,
} from './export-kind';

z.config({ jitless: true });

export {
  IPC_CHANNELS,
  IPC_PUSH_CHANNELS,
  type IpcChannel,
  type IpcPushChannel,
} from './ipc-channels';

export { SCENARIO_PICK_LIMITS } from './scenario-pick-limits';

export { MAX_EXPORT_BYTES } from './export-limits';

export const exportKindSchema = z.enum(EXPORT_KINDS);

/** A file name proposed to the save dialog: a bare name, never a path. */
export const suggestedNameSchema = z
  .string()
  .min(1, 'suggestedName is empty')
  .max(200, 'suggestedName is longer than 200 characters')
  .refine((name) => !/[/\\]/.test(name), 'suggestedName must be a file name, not a path')
  // eslint-disable-next-line no-control-regex
  .refine((name) => !/[\x00-\x1f\x7f]/.test(name), 'suggestedName contains a control character')
  .refine((name) => name !== '.' && name !== '..', 'suggestedName must not be "." or ".."')
  // Characters Windows refuses in file names; the same name must work everywhere.
  .refine((name) => !/[<>:"|?*]/.test(name), 'suggestedName contains one of < > : " | ? *');

export const openScenarioFilesRequestSchema = z.strictObject({ folder: z.boolean() });
export type OpenScenarioFilesRequest = z.infer<typeof openScenarioFilesRequestSchema>;

const exportContentSchema = z.union([
  z.string().refine((text) => text.length <= MAX_EXPORT_BYTES, 'content is over 384 MiB'),
  z
    .custom<Uint8Array>((value) => value instanceof Uint8Array, {
      message: 'content must be a string or a Uint8Array',
    })
    .refine((bytes) => bytes.byteLength <= MAX_EXPORT_BYTES, 'content is over 384 MiB'),
]);

export const saveExportRequestSchema = z.strictObject({
  suggestedName: suggestedNameSchema,
  content: exportContentSchema,
  kind: exportKindSchema,
});
export type SaveExportRequest = z.infer<typeof saveExportRequestSchema>;

export const printToPdfRequestSchema = z.strictObject({
  suggestedName: suggestedNameSchema,
  landscape: z.boolean().optional(),
  pageSize: z.enum(['A4', 'Letter']).optional(),
});
export type PrintToPdfRequest = z.infer<typeof printToPdfRequestSchema>;

/** Where the page asks for its room's listener (docs/ROOMS.md, "Opening a room"). */
export const roomListenRequestSchema = z.strictObject({
  host: z.string().min(1, 'host is empty').max(100, 'host is longer than 100 characters'),
  port: z
    .number()
    .int('port must be an integer')
    .min(0, 'port must be 0 (any free one) to 65535')
    .max(65_535, 'port must be 0 (any free one) to 65535'),
});
export type RoomListenRequest = z.infer<typeof roomListenRequestSchema>;

/**
 * The longest relay message the page may send, in characters: the largest
 * frame the host sends a seat (the scenario copy) and room for its envelope,
 * as the browser mode's control endpoint allows.
 */
export const MAX_ROOM_SEND_CHARS = ROOM_LIMITS.maxHostFrameBytes + 4096;

/** A relay message from the page (RelayToServer), as the JSON text the control line carries. */
export const roomSendRequestSchema = z
  .string('the relay message must be JSON text')
  .max(MAX_ROOM_SEND_CHARS, `the relay message is over ${MAX_ROOM_SEND_CHARS} characters`)
  .transform((text, context) => {
    const value = parseJsonText(text);
    if (value === undefined) {
      context.addIssue({ code: 'custom', message: 'the relay message is not JSON' });
      return z.NEVER;
    }
    return value;
  })
  .pipe(RelayToServer);

/** One address the controller may open the room on. */
export type { RoomInterface } from './room-interfaces';

/** What listening answers: where seats dial. */
export interface RoomListening {
  url: string;
}

/**
 * A file picked in "open scenario". Its bytes are not in the IPC reply: the
 * renderer fetches `url` (app://bundle/__picked/…), streamed by main.
 */
export interface OpenedScenarioFile {
  name: string;
  /** "/"-separated path inside the chosen folder, or the name for single files. */
  relativePath: string;
  size: number;
  url: string;
}

export interface SaveResult {
  saved: boolean;
  path?: string;
}

export interface ElectronAppInfo {
  version: string;
  platform: string;
  arch: string;
  userDataPath: string;
  versions: { electron: string; chrome: string; node: string };
}

/**
 * Parses an IPC payload with its schema, or throws an error naming the
 * channel, the field and what was wrong.
 */
export function parseIpcPayload<T>(channel: IpcChannel, schema: z.ZodType<T>, payload: unknown): T {
  const result = schema.safeParse(payload);
  if (result.success) return result.data;
  const problems = result.error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(payload)'}: ${issue.message}`)
    .join('; ');
  throw new Error(`${channel}: invalid payload: ${problems}`);
}
