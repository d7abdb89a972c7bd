import { exportKindForMimeType } from '../../../shared/security/export-kind';
import { MAX_EXPORT_BYTES } from '../../../shared/security/export-limits';
import type { TrucelineApi } from '../../../shared/security/preload-api';
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
    // The main process's room listener and its IPC line come with the desktop
    // work (docs/ROOMS.md, "Not built yet"); until then this says so.
    openRoomControl: () =>
      Promise.reject(
        new Error(
          'the desktop app cannot open a room yet: run the app in a browser with `npm run web -- --room` to host one',
        ),
      ),
  };
}
