import { exportKindForMimeType } from '../../../shared/security/export-kind';
import { MAX_EXPORT_BYTES } from '../../../shared/security/export-limits';
import { KeptMessagesEnd, type RoomConnection } from '../../../shared/room/transport';
import type { TrucelineApi, TrucelineRoomApi } from '../../../shared/security/preload-api';
import { pickedFileFromUrl } from './picked-file';
import type { Platform } from './platform';

/** Electron wraps main's errors ("Error invoking remote method 'x': Error: why"); keep the why. */
async function unwrapIpcError<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(message.replace(/^Error invoking remote method '[^']+': (?:\w*Error: )?/, ''), {
      cause: error,
    });
  }
}

/** The control line over IPC: main's pushes in, the page's messages out, unsubscribed once it ends. */
class IpcControlLine extends KeptMessagesEnd {
  readonly remote = 'the room listener of this app';
  readonly #unsubscribe: () => void;

  constructor(readonly room: TrucelineRoomApi) {
    super();
    this.#unsubscribe = room.onMessage((text) => this.deliver(text));
  }

  send(text: string): void {
    if (this.closedWith !== null) return;
    // Main refuses only a malformed or oversized message: the relay is the
    // app's own, so that is a fault, and the room closes rather than lose frames.
    unwrapIpcError(this.room.send(text)).catch((error: unknown) => {
      const why = error instanceof Error ? error.message : String(error);
      this.ended(`the room listener refused a message: ${why}`);
      void this.room.close().catch(() => {});
    });
  }

  close(reason: string): void {
    if (this.closedWith !== null) return;
    this.ended(reason);
    // After every frame sent before it: main handles this app's messages in order.
    void this.room.close().catch(() => {});
  }

  override ended(reason: string): void {
    if (this.closedWith !== null) return;
    this.#unsubscribe();
    super.ended(reason);
  }
}

/**
 * The host's control line over the preload's room channels (docs/ROOMS.md,
 * "Opening a room"): main's pushed relay messages in, the page's out. Main
 * pushes `{ r: 'listening', url }` before listen() answers, so the page
 * subscribes first and keeps what arrives until the host listens.
 */
async function openRoomControlOver(
  room: TrucelineRoomApi,
  options: { host: string; port: number },
): Promise<RoomConnection> {
  // Subscribed before listening: main's first message comes before listen() answers.
  const line = new IpcControlLine(room);
  try {
    await unwrapIpcError(room.listen({ host: options.host, port: options.port }));
  } catch (error) {
    line.ended('the room did not open');
    throw error;
  }
  return line;
}

/** The platform over `window.truceline` (electron/preload). */
export function createElectronPlatform(api: TrucelineApi): Platform {
  return {
    kind: 'electron',
    async openScenarioFiles({ folder }) {
      const files = await unwrapIpcError(api.openScenarioFiles({ folder }));
      return (
        files && files.map((file) => pickedFileFromUrl(file.url, file.relativePath, file.size))
      );
    },
    async saveExport({ suggestedName, content, mimeType, kind }) {
      // Sent as UTF-8 bytes so the size checked here is the size that crosses.
      const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
      if (bytes.byteLength > MAX_EXPORT_BYTES) {
        throw new Error(
          `${suggestedName} is ${Math.ceil(bytes.byteLength / 1024 ** 2)} MiB, over the ${MAX_EXPORT_BYTES / 1024 ** 2} MiB the desktop app can save in one export`,
        );
      }
      return unwrapIpcError(
        api.saveExport({
          suggestedName,
          content: bytes,
          kind: kind ?? exportKindForMimeType(mimeType),
        }),
      );
    },
    async printReport({ suggestedName, landscape, pageSize }) {
      const result = await unwrapIpcError(api.printToPdf({ suggestedName, landscape, pageSize }));
      return { ...result, viaPrintDialog: false };
    },
    async appInfo() {
      const info = await unwrapIpcError(api.appInfo());
      return {
        version: info.version,
        platform: info.platform,
        userDataPath: info.userDataPath,
        electronVersion: info.versions.electron,
        chromeVersion: info.versions.chrome,
      };
    },
    openRoomControl: (options) => openRoomControlOver(api.room, options),
  };
}
