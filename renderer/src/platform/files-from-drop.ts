import { SCENARIO_PICK_LIMITS } from '../../../shared/security/scenario-pick-limits';
import { isHiddenPath, pickedFileFromBlob } from './picked-file';
import type { PickedFile } from './platform';

function readAllEntries(directory: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = directory.createReader();
  const all: FileSystemEntry[] = [];
  return new Promise((resolve, reject) => {
    // readEntries answers in batches (100 in Chromium) until an empty one.
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) resolve(all);
        else {
          all.push(...batch);
          next();
        }
      }, reject);
    next();
  });
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/**
 * The files of a drop, folders walked recursively. Paths are relative to the
 * dropped folder when a single folder was dropped, else to the drop itself.
 * Call it inside the drop handler: the DataTransfer is emptied afterwards.
 */
export function filesFromDrop(dataTransfer: DataTransfer): Promise<PickedFile[]> {
  // Entries must be taken synchronously, before the drop event returns.
  const entries = Array.from(dataTransfer.items)
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry())
    .filter((entry): entry is FileSystemEntry => entry !== null);
  const plainFiles = Array.from(dataTransfer.files);
  return collect(entries, plainFiles);
}

async function collect(entries: FileSystemEntry[], plainFiles: File[]): Promise<PickedFile[]> {
  // Without entries (a DataTransfer made by script) only the plain file list is there.
  if (entries.length === 0) {
    return inPathOrder(
      plainFiles
        .filter((file) => !isHiddenPath(file.name))
        .map((file) => pickedFileFromBlob(file, file.name)),
    );
  }
  const [only] = entries;
  const base = entries.length === 1 && only?.isDirectory ? `${only.fullPath}/` : '/';
  const picked: PickedFile[] = [];
  const walk = async (entry: FileSystemEntry): Promise<void> => {
    if (entry.name.startsWith('.')) return;
    if (entry.isDirectory) {
      for (const child of await readAllEntries(entry as FileSystemDirectoryEntry))
        await walk(child);
      return;
    }
    const relativePath = entry.fullPath.startsWith(base)
      ? entry.fullPath.slice(base.length)
      : entry.fullPath.replace(/^\//, '');
    if (isHiddenPath(relativePath)) return;
    if (picked.length >= SCENARIO_PICK_LIMITS.maxFiles) {
      throw new Error(
        `the drop holds more than ${SCENARIO_PICK_LIMITS.maxFiles} files; drop the scenario folder itself`,
      );
    }
    picked.push(pickedFileFromBlob(await fileOf(entry as FileSystemFileEntry), relativePath));
  };
  for (const entry of entries) await walk(entry);
  return inPathOrder(picked);
}

function inPathOrder(files: PickedFile[]): PickedFile[] {
  if (files.length > SCENARIO_PICK_LIMITS.maxFiles) {
    throw new Error(
      `the drop holds more than ${SCENARIO_PICK_LIMITS.maxFiles} files; drop the scenario folder itself`,
    );
  }
  return files.sort((a, b) =>
    a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0,
  );
}
