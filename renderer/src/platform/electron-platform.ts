import { exportKindForMimeType } from '../../../shared/security/export-kind';
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
    saveExport({ suggestedName, content, mimeType, kind }) {
      return unwrapIpcError(
        api.saveExport({ suggestedName, content, kind: kind ?? exportKindForMimeType(mimeType) }),
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
  };
}
