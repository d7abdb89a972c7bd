import type { PackedFile } from './scenario-load-messages';

/** The files as Blobs (a copy of their bytes), for IndexedDB to keep by reference. */
export function packFiles(files: Iterable<[string, Uint8Array]>): PackedFile[] {
  return [...files].map(([path, bytes]) => ({
    path,
    blob: new Blob([bytes as Uint8Array<ArrayBuffer>]),
  }));
}
