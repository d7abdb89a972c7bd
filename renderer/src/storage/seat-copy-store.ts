// A seat's copy of a room's log in IndexedDB (docs/ROOMS.md, "A seat in the
// browser"): one record per seat, rewritten whole after a verified batch.
// Every record read back goes through checkStoredCopy, so a copy that was
// altered or damaged on disk is reported by its seat's name, never used.
import {
  checkStoredCopy,
  type CopyCheck,
  type StoredSeatCopy,
} from '../../../shared/room/seat-copy';
import type { TrucelineDatabase } from './database';
import { toStorageFailure } from './storage-failure';

export async function saveSeatCopy(db: TrucelineDatabase, copy: StoredSeatCopy): Promise<void> {
  try {
    await db.seatCopies.put(copy);
  } catch (error) {
    throw toStorageFailure(error);
  }
}

/** The copy of one seat, checked; null when this browser keeps none for it. */
export async function readSeatCopy(
  db: TrucelineDatabase,
  seatId: string,
): Promise<CopyCheck | null> {
  const value: unknown = await db.seatCopies.get(seatId);
  return value === undefined ? null : checkStoredCopy(value);
}

/** Every copy this browser keeps, checked, the most recently saved first. */
export async function listSeatCopies(db: TrucelineDatabase): Promise<CopyCheck[]> {
  const values: unknown[] = await db.seatCopies.orderBy('updated').reverse().toArray();
  return values.map(checkStoredCopy);
}

export async function deleteSeatCopy(db: TrucelineDatabase, seatId: string): Promise<void> {
  await db.seatCopies.delete(seatId);
}
