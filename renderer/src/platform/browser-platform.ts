import { SCENARIO_PICK_LIMITS } from '../../../shared/security/scenario-pick-limits';
import { isHiddenPath, pickedFileFromBlob, stripSharedRoot } from './picked-file';
import type { Platform, PickedFile } from './platform';
import { openRoomControlSocket } from './room-control-socket';

/** Turns the files of an <input type=file> into PickedFiles (folder paths relative to the folder). */
export function pickedFilesFromFileList(files: readonly File[]): PickedFile[] {
  const paths = stripSharedRoot(files.map((file) => file.webkitRelativePath || file.name));
  const picked = files
    .map((file, index) => pickedFileFromBlob(file, paths[index] ?? file.name))
    .filter((file) => !isHiddenPath(file.relativePath));
  if (picked.length > SCENARIO_PICK_LIMITS.maxFiles) {
    throw new Error(
      `${picked.length} files picked: more than the ${SCENARIO_PICK_LIMITS.maxFiles} allowed; choose the scenario folder itself`,
    );
  }
  return picked.sort((a, b) =>
    a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0,
  );
}

function pickFiles(folder: boolean): Promise<PickedFile[] | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.webkitdirectory = folder;
    input.hidden = true;
    input.dataset.trucelinePicker = folder ? 'folder' : 'files';
    const finish = (files: PickedFile[] | null) => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => {
      try {
        const files = Array.from(input.files ?? []);
        finish(files.length ? pickedFilesFromFileList(files) : null);
      } catch (error) {
        input.remove();
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    input.addEventListener('cancel', () => finish(null));
    document.body.append(input);
    input.click();
  });
}

function chromeVersion(): string | null {
  return /Chrom(?:e|ium)\/([\d.]+)/.exec(navigator.userAgent)?.[1] ?? null;
}

/** The platform of a plain browser: file input, Blob download, window.print(). */
export function createBrowserPlatform(): Platform {
  return {
    kind: 'browser',
    openScenarioFiles: ({ folder }) => pickFiles(folder),
    async saveExport({ suggestedName, content, mimeType }) {
      const blob = new Blob([content as BlobPart], { type: mimeType });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = suggestedName;
      link.rel = 'noopener';
      link.hidden = true;
      document.body.append(link);
      link.click();
      link.remove();
      // The download reads the blob asynchronously; revoking at once can cut it.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return { saved: true };
    },
    async printReport() {
      window.print();
      return { saved: false, viaPrintDialog: true };
    },
    async appInfo() {
      return {
        version: __APP_VERSION__,
        platform: 'browser',
        userDataPath: null,
        electronVersion: null,
        chromeVersion: chromeVersion(),
      };
    },
    // In browser mode the server's --room-host/--room-port flags choose the
    // interface and port seats dial; the tab cannot, so `options` go unused.
    openRoomControl: () => openRoomControlSocket(window.location),
  };
}
